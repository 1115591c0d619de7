"""How the coach says a change of dose: one line a person reads before a session, in
`stretch progress` and in `checkin`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretch.coach.doses import DoseLadder, describe
from stretch.coach.rules import Change

if TYPE_CHECKING:
    from collections.abc import Sequence

    from stretch.coach.levels import LeftOut
    from stretch.model import Routine


def change_line(change: Change, name: str, ladder: DoseLadder,
                here: tuple[int, int] | None = None) -> str:
    """'Clamshell: 6 -> 8 reps: your last two sessions went well'; with `here`, what the
    routine about to run does before and after, when that is not the move's own dose:
    'Standing side leg raise: 7 -> 9 reps (8 in this routine): ...'."""
    before, after = ladder.value(change.before), ladder.value(change.after)
    if here is None or here == (before, after):
        return f"{name}: {step_text(change, ladder)}"
    then, now = here
    runs = f"still {now}" if then == now else f"{now}" if then == before else f"{then} -> {now}"
    return (f"{name}: {before} -> {describe(ladder.measure, after)} ({runs} in this routine): "
            f"{change.why}")


def step_text(change: Change, ladder: DoseLadder) -> str:
    """'6 -> 8 reps: your last two sessions went well'."""
    before, after = ladder.value(change.before), ladder.value(change.after)
    return f"{before} -> {describe(ladder.measure, after)}: {change.why}"


def when(change: Change) -> str:
    return change.at.strftime("%d %b %Y")


def left_out_lines(gone: Sequence[LeftOut], kept: Routine) -> list[str]:
    """One line for each reason moves were left out, naming them all and what is done in
    their place: 'Left out for you: Glute bridge and Clamshell (they need getting down to
    the floor); in their place: Standing hip hinge for Glute bridge and Standing side leg
    raise for Clamshell.', naming any with nothing in its place, and with 'no stretch for
    the buttock (gluteals) in this routine' when a hip group is gone."""
    from stretch.text import listing
    from stretch.text_moves import group

    by_needs: dict[str, list[LeftOut]] = {}
    for out in gone:
        by_needs.setdefault(out.needs, []).append(out)
    lines = []
    for needs, moves in by_needs.items():
        who = "it needs" if len(moves) == 1 else "they need"
        line = f"Left out for you: {listing([m.move.name for m in moves])} ({who} {needs})"
        instead = [f"{m.instead.name} for {m.move.name}" for m in moves if m.instead]
        if instead:
            line += f"; in {'its' if len(moves) == 1 else 'their'} place: {listing(instead)}"
            bare = [m.move.name for m in moves if m.instead is None]
            line += f"; nothing in place of {listing(bare)}" if bare else ""
        lost = sorted({m.move.group for m in moves if m.move.kind == "stretch"}
                      - {m.group for m in kept.moves})
        if lost:
            line += f": no stretch for the {listing([group(g).lower() for g in lost])} in " \
                "this routine"
        lines.append(line + ".")
    return lines
