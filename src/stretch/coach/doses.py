"""A person's dose: where each move starts, the steps it climbs, and a routine as it runs
for that person.

Back-pain exercise sheets (NHS Inform, CSP) start a new exercise at about 5 reps and add
1-2 every few days; ACSM holds stretches 10-30 s, repeated so each adds up to about 60 s.
So each move has a ladder of doses: from `start` up by `step` to `cap`, stopping on the
dose the catalogue writes on the way. How far up a person is (their level) comes from
the history (history/progression.py); this module only turns levels into doses.
Pure: no I/O, no clock.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from stretch.model import Item, Move, Routine
from stretch.plan import Timings, hold_seconds

Measure = Literal["reps", "hold"]
UNITS: dict[Measure, str] = {"reps": "reps", "hold": "s holds"}

# Defaults by kind: (start, step). Counted moves start at about 5 reps and gain 2 at a
# time (NHS Inform, CSP); stretches start at 20 s, inside ACSM's 10-30 s, and gain 5 s;
# held exercises (planks) start at 10 s ("from the knees to begin") and gain 5 s.
COUNTED_START, COUNTED_STEP = 5, 2
STRETCH_START, HELD_EXERCISE_START, HOLD_STEP = 20, 10, 5
# Caps: a hold grows to 30 s (ACSM's upper end; longer holds add nothing, Bandy 1997)
# or the written hold if longer; reps grow a quarter past the written dose (clamshell:
# 12 written, 15 at most, the top of its 10-15 range).
HOLD_CAP = 30


@dataclass(frozen=True, slots=True)
class DoseLadder:
    """The doses a move climbs, lowest first; level 0 is the first rung."""

    measure: Measure
    written: int
    rungs: tuple[int, ...]

    @property
    def top(self) -> int:
        """The highest level: the cap."""
        return len(self.rungs) - 1

    def value(self, level: int) -> int:
        return self.rungs[max(0, min(level, self.top))]


def measure(move: Move) -> Measure:
    """Counted moves grow in reps, held ones in seconds per hold."""
    return "reps" if move.tempo is not None else "hold"


def written(move: Move) -> int:
    """The dose the catalogue writes for a move: its reps, or its hold in seconds."""
    value = move.reps if measure(move) == "reps" else move.hold
    assert value is not None  # the catalogue requires a hold, or reps with a tempo
    return value


def defaults(move: Move) -> tuple[int, int, int]:
    """(start, step, cap) for a move that does not set its own."""
    dose = written(move)
    if measure(move) == "reps":
        return min(COUNTED_START, dose), COUNTED_STEP, max(dose, (dose * 5 + 2) // 4)
    start = STRETCH_START if move.kind == "stretch" else HELD_EXERCISE_START
    return min(start, dose), HOLD_STEP, max(HOLD_CAP, dose)


def settled(move: Move) -> tuple[int, int, int]:
    """(start, step, cap): the move's own `progression` over the defaults for its kind."""
    start, step, cap = defaults(move)
    own = move.progression
    return (start if own.start is None else own.start, step if own.step is None else own.step,
            cap if own.cap is None else own.cap)


def dose_ladder(move: Move) -> DoseLadder:
    """start, start + step, ... up to cap, with the written dose as one of the rungs."""
    start, step, cap = settled(move)
    dose = written(move)
    rungs = set(range(start, cap, step)) | {cap}
    if start <= dose <= cap:
        rungs.add(dose)
    return DoseLadder(measure(move), dose, tuple(sorted(rungs)))


def describe(measure: Measure, value: int) -> str:
    """'8 reps' or '25 s holds'."""
    return f"{value} {UNITS[measure]}"


def personal(routine: Routine, levels: Mapping[str, int]) -> Routine:
    """The routine as it runs for a person at these levels (a move not named: level 0)."""
    items = tuple(item if item.move is None else dosed(item, item.move, levels.get(item.move.id, 0))
                  for item in routine.items)
    return replace(routine, items=items)


def alone(move: Move, level: int) -> Item:
    """A move on its own at a level, as `moves` shows it: its written dose, dosed."""
    return dosed(Item(move=move, hold=move.hold, reps=move.reps or 1, tempo=move.tempo),
                 move, level)


def runs_at(item: Item, move: Move, level: int, settings: Timings) -> int | None:
    """What an item of a routine runs of its move at a level, in the move's measure: its
    reps, or the seconds of each hold as the timer runs them (`hold_scale`); None for an
    item that runs the move another way (holds of a counted move)."""
    at = dosed(item, move, level)
    if measure(move) == "reps":
        return at.reps if at.tempo is not None else None
    return hold_seconds(at, settings) if at.tempo is None else None


def dosed(item: Item, move: Move, level: int) -> Item:
    """One item at a level. An item usually writes its move's dose and then simply gets
    the person's. One that writes less (the desk break's leg raises, a routine's single
    rep) gets the person's dose but no more than it writes, until the person has grown
    past the move's written dose, and then that much more; one that writes more keeps
    asking that much more. A stretch keeps at least the seconds per side it was written
    with (60 s in the built-in routines: plan.DOSE_TARGET) by adding holds while they
    are short. An item that runs a move another way than the move is written (holds for
    a counted move) stays as written."""
    steps = dose_ladder(move)
    mine = steps.value(level)

    def follow(written: int) -> int:
        return max(min(mine, written), written + mine - steps.written)

    if steps.measure == "reps":
        return item if item.tempo is None else replace(item, reps=follow(item.reps))
    if item.hold is None:
        return item
    hold = follow(item.hold)
    if move.kind != "stretch":
        return replace(item, hold=hold)
    return replace(item, hold=hold, reps=max(1, math.ceil(item.hold * item.reps / hold)))
