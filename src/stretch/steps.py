"""A session as the timer runs it, as frozen values: each timed step, and how much of a
move a routine's item asks for. `plan.timed_steps` makes them from a routine; the
engine, the views and the voice read them.
"""

from __future__ import annotations

from dataclasses import dataclass

from stretch.model import Move
from stretch.vocab import Side, StepKind


@dataclass(frozen=True, slots=True)
class Step:
    """One timed step of a session, exactly as the timer runs it."""

    kind: StepKind
    label: str
    seconds: float
    move: Move | None = None
    side: Side | None = None
    rep: int = 0
    reps: int = 0
    set: int = 0
    sets: int = 0
    tempo: int | None = None
    next_label: str | None = None
    next_move: Move | None = None  # for a pause: the move it leads into


@dataclass(frozen=True, slots=True)
class ItemDose:
    """How much of a move one routine item asks for, exactly as the timer runs it.

    `hold` is the seconds of each hold (after any scaling) for a held move; `tempo` and
    `pause` the seconds of each counted rep and its still part; `rest` the seconds between
    rounds (None where no routine sets one, as for a move on its own).
    """

    hold: float | None
    reps: int
    tempo: int | None
    sets: int = 1
    sided: bool = False
    pause: int | None = None
    rest: int | None = None
    one_side_first: bool = False  # every round on one side, then the other
    pyramid: bool = False  # each set PYRAMID_STEP reps fewer than the one before


PYRAMID_STEP = 2  # reps fewer each set of a descending pyramid (McGill: 6, 4, 2)


def set_reps(reps: int, number: int, *, pyramid: bool) -> int:
    """The reps of set `number` (from 1): `reps` each time, or in a descending pyramid
    PYRAMID_STEP fewer each set, never below one (6, 4, 2). The timer and every form of
    the dose count them here."""
    return max(1, reps - PYRAMID_STEP * (number - 1)) if pyramid else reps
