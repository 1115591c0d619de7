"""Turn a routine into the exact, flat list of timed steps the timer will run.

Pure functions only: the same routine and settings always give the same steps, so
`stretch show`, the sheet and the live session can never disagree about what a
routine is, and tests can check the arithmetic directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from stretch.model import Group, Item, Move, Routine, Side
from stretch.steps import ItemDose, Step, set_reps
from stretch.text_doses import step_name

FirstSide = Literal["left", "right"]
DOSE_TARGET = 60  # seconds of stretch per muscle group and side (ACSM: 2-4 x 10-30 s)
MIN_HOLD = 5
POSITION_CHANGE = 10  # extra transition seconds when the body position changes


@dataclass(frozen=True, slots=True)
class Timings:
    """The timings that are not part of a routine. They come from the settings table
    (`Values.plan_settings`), the one place their defaults are written."""

    get_ready: int
    switch_sides: int
    rest: int  # for routines that do not set their own
    hold_scale: float
    first_side: FirstSide = "left"
    min_hold: int = MIN_HOLD  # scaling never takes a hold below this (or below its own length)


def timed_steps(routine: Routine, settings: Timings) -> tuple[Step, ...]:
    """Every step in order: get ready, holds and counted sets, switches, rests, transitions."""
    rest = routine_rest(routine, settings)
    steps: list[Step] = []
    pause = 0  # explicit rest waiting to be placed before the next move
    previous: Move | None = None
    for item in routine.items:
        if item.move is None:
            pause += item.rest or 0
            continue
        steps.extend(_before(item.move, previous, pause, rest, settings))
        steps.extend(_item_steps(item, rest, settings))
        previous, pause = item.move, 0
    if pause:
        steps.append(Step(kind="rest", label="Rest", seconds=pause))
    return _with_next_labels(steps)


def _before(
    move: Move, previous: Move | None, pause: int, rest: int, settings: Timings
) -> list[Step]:
    """The pause before a move: get-ready first, then rest or transition, longer on a change."""
    if previous is None:
        seconds = max(settings.get_ready, pause)
        return [Step(kind="get-ready", label="Get ready", seconds=seconds)] if seconds else []
    needed = rest + (POSITION_CHANGE if move.position != previous.position else 0)
    if pause:
        return [Step(kind="rest", label="Rest", seconds=max(pause, needed))]
    if not needed:
        return []
    if move.position == previous.position:
        return [Step(kind="rest", label="Rest", seconds=needed)]
    label = f"Move to {move.position.replace('-', ' ')}"
    return [Step(kind="transition", label=label, seconds=needed)]


def routine_rest(routine: Routine, settings: Timings) -> int:
    """The rest between items and rounds: the routine's own, else the setting."""
    return settings.rest if routine.rest is None else routine.rest


def switch_seconds(move: Move, settings: Timings) -> int:
    """How long changing sides takes: the move's own time (getting out of pigeon and into
    the other side is slow), or the `switch_sides` setting when that is longer."""
    return max(settings.switch_sides, move.switch or 0)


def hold_seconds(item: Item, settings: Timings) -> int:
    """One hold of a held item as the timer runs it: scaled by `hold_scale`, never below
    `min_hold` (or the hold itself, if shorter)."""
    hold = item.hold or MIN_HOLD
    return max(min(hold, settings.min_hold), round(hold * settings.hold_scale))


def item_dose(item: Item, routine: Routine, settings: Timings) -> ItemDose:
    """An item's dose exactly as `plan` runs it, for the sheet and anything else that
    describes a routine: the same arithmetic, from the same settings."""
    move = item.move
    assert move is not None
    rest = routine_rest(routine, settings) if item.rest is None else item.rest
    if item.tempo is not None:
        return ItemDose(hold=None, reps=item.reps, tempo=item.tempo, sets=item.sets,
                        sided=move.sided, pause=move.pause, rest=rest,
                        one_side_first=one_side_first(move), pyramid=move.pyramid)
    return ItemDose(hold=hold_seconds(item, settings), reps=item.reps * item.sets, tempo=None,
                    sided=move.sided, rest=rest, one_side_first=one_side_first(move))


def _sides(move: Move, first: FirstSide) -> tuple[Side, ...]:
    if not move.sided:
        return ("both",)
    return ("left", "right") if first == "left" else ("right", "left")


def _item_steps(item: Item, default_rest: int, settings: Timings) -> list[Step]:
    """One item: rounds of (side, switch, other side) with rests between rounds; or, for
    a move slow to change sides (`one_side_first`), every round on one side, then every
    round on the other, so the person gets down and up once.

    A round is one hold per side for a held move, or one set per side for a counted one.
    """
    move = item.move
    assert move is not None
    rest = default_rest if item.rest is None else item.rest
    counted = item.tempo is not None
    rounds = item.sets if counted else item.reps * item.sets
    switch = switch_seconds(move, settings)
    sides = _sides(move, settings.first_side)
    order = ([(side, number) for side in sides for number in range(1, rounds + 1)]
             if one_side_first(move) else
             [(side, number) for number in range(1, rounds + 1) for side in sides])
    steps: list[Step] = []
    for (side, number), before in zip(order, [None, *order], strict=False):
        if before is None:
            pass
        elif before[0] != side and (before[1] == number or one_side_first(move)):
            if switch:
                steps.append(Step(kind="switch", label="Switch sides", seconds=switch))
        elif rest:
            steps.append(Step(kind="rest", label="Rest", seconds=rest))
        steps.append(_work_step(item, move, side, number=number, rounds=rounds,
                                settings=settings))
    return steps


def one_side_first(move: Move) -> bool:
    """A sided move that is slow to change sides (it sets its own `switch`: getting out of
    pigeon and into the other side) does all its rounds on one side, then the other."""
    return move.sided and move.switch is not None


def _work_step(
    item: Item, move: Move, side: Side, *, number: int, rounds: int, settings: Timings
) -> Step:
    if item.tempo is not None:
        reps = set_reps(item.reps, number, pyramid=move.pyramid)
        return Step(
            kind="count", label=move.name, seconds=reps * item.tempo, move=move, side=side,
            reps=reps, tempo=item.tempo, set=number, sets=rounds,
        )
    seconds = hold_seconds(item, settings)
    return Step(
        kind="hold", label=move.name, seconds=seconds, move=move, side=side,
        rep=number, reps=rounds,
    )


def _with_next_labels(steps: Sequence[Step]) -> tuple[Step, ...]:
    """Tell every pause step what comes after it, for the "Up next" line and cues."""
    out: list[Step] = []
    upcoming: Step | None = None
    for step in reversed(steps):
        if step.move is not None:
            upcoming = step
            out.append(step)
        elif upcoming is not None:
            out.append(replace(step, next_label=step_name(upcoming), next_move=upcoming.move))
        else:
            out.append(step)
    return tuple(reversed(out))


def total_seconds(steps: Iterable[Step]) -> float:
    return sum(step.seconds for step in steps)


def stretch_seconds(steps: Iterable[Step]) -> dict[Group, dict[str, float]]:
    """Seconds of stretch hold per group and side; a two-sided stretch counts for both."""
    totals: dict[Group, dict[str, float]] = {}
    for step in steps:
        move = step.move
        if step.kind != "hold" or move is None or move.kind != "stretch":
            continue
        per_side = totals.setdefault(move.group, {"left": 0, "right": 0})
        for side in ("left", "right") if step.side == "both" else (step.side or "both",):
            per_side[side] += step.seconds
    return totals


def meets_target(sides: dict[str, float]) -> bool:
    """Whether both sides of a muscle group got the target seconds of stretch."""
    return min(sides.values()) >= DOSE_TARGET


def short_of_target(per_group: Mapping[Group, Mapping[str, float]]) -> bool:
    """Whether any group of a routine's stretch dose falls below the target on a side."""
    return any(min(sides.values()) < DOSE_TARGET for sides in per_group.values())


def groups(routine: Routine) -> list[Group]:
    """The muscle groups a routine works, in order of first appearance."""
    seen: list[Group] = []
    for move in routine.moves:
        if move.group not in seen:
            seen.append(move.group)
    return seen
