"""How the coach says a change of dose: one line a person reads before a session, in
`stretch progress` and in `checkin`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretch.coach.doses import DoseLadder, describe
from stretch.coach.rules import Change

if TYPE_CHECKING:
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


def left_out_line(out: LeftOut, kept: Routine) -> str:
    """'Left out for you: Pigeon stretch (it needs kneeling): no stretch for the buttock
    (gluteals) in this routine.' (the group named only when none of it is left)."""
    from stretch.text import group

    line = f"Left out for you: {out.move.name} ({out.why})"
    if out.move.kind == "stretch" and out.move.group not in {m.group for m in kept.moves}:
        line += f": no stretch for the {group(out.move.group).lower()} in this routine"
    return line + "."
