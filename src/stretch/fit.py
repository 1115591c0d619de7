"""Fit a routine into the minutes a person has: shorter holds first, then fewer moves.

Holds shrink together (never below 15 s, the short end of ACSM's 10-30 s), and only
when that is not enough are items dropped, lowest priority and latest first, so the
moves that matter most stay in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from stretch.model import Item, Routine
from stretch.plan import PlanSettings, plan, total_seconds
from stretch.text import plural, run_of

FIT_MIN_HOLD = 15
NAMED = 3  # moves named in "left out ..."; the rest are counted


@dataclass(frozen=True, slots=True)
class Fitted:
    """The routine and settings to run, what changed, and whether it now fits."""

    routine: Routine
    settings: PlanSettings
    changes: tuple[str, ...]
    fits: bool
    minutes: float | None = None

    @property
    def notes(self) -> list[str]:
        """'To fit 6 minutes: holds shortened (30 s holds now 15 s).': one line per change,
        the same for `run`, `today`, `show --minutes` and `today --preview --minutes`."""
        if self.minutes is None:
            return []
        return [f"To fit {plural(self.minutes, 'minute')}: {change}." for change in self.changes]


def fit_to(routine: Routine, settings: PlanSettings, minutes: float | None) -> Fitted:
    """The routine as it will run: fitted into `minutes` when given, else as written."""
    if minutes is None:
        return Fitted(routine, settings, (), True)
    return fit(routine, settings, minutes)


def _total(routine: Routine, settings: PlanSettings) -> float:
    return total_seconds(plan(routine, settings))


def _best_scale(routine: Routine, settings: PlanSettings, seconds: float) -> float | None:
    """The largest hold scale (at most 1) that fits, or None if even the shortest does not."""
    shortest = replace(settings, hold_scale=0.0, min_hold=FIT_MIN_HOLD)
    if _total(routine, shortest) > seconds:
        return None
    if _total(routine, replace(shortest, hold_scale=settings.hold_scale)) <= seconds:
        return settings.hold_scale
    low, high = 0.0, settings.hold_scale
    for _ in range(30):
        middle = (low + high) / 2
        if _total(routine, replace(shortest, hold_scale=middle)) <= seconds:
            low = middle
        else:
            high = middle
    return low


def fit(routine: Routine, settings: PlanSettings, minutes: float) -> Fitted:
    """Shorten holds, then drop the lowest-priority items, until the routine fits."""
    seconds = minutes * 60
    if _total(routine, settings) <= seconds:
        return Fitted(routine, settings, (), True, minutes)
    order = _drop_order(routine)
    count = _fewest_drops(routine, settings, seconds, order)
    gone = set(order[:count])
    candidate = replace(routine, items=tuple(item for i, item in enumerate(routine.items)
                                             if i not in gone))
    scale = _best_scale(candidate, settings, seconds)
    fits = scale is not None
    fitted = replace(settings, hold_scale=0.0 if scale is None else scale, min_hold=FIT_MIN_HOLD)
    changes = []
    longest = max((i.hold for i in candidate.items if i.hold), default=0)
    new = max(min(longest, FIT_MIN_HOLD), round(longest * fitted.hold_scale))
    if new < round(longest * settings.hold_scale):
        changes.append(f"holds shortened ({longest} s holds now {new} s)")
    if gone:
        changes.append(left_out([_name(routine.items[i]) for i in sorted(gone)]))
    if not fits:
        total = round(_total(candidate, fitted) / 60, 1)
        changes.append(f"it still takes {plural(total, 'minute')} at its shortest")
    return Fitted(candidate, fitted, tuple(changes), fits, minutes)


def _drop_order(routine: Routine) -> list[int]:
    """Which moves go first when time is short: lowest priority (3), then the latest; the
    last move left always stays."""
    moves = [i for i, item in enumerate(routine.items) if item.move is not None]
    return sorted(moves, key=lambda i: (routine.items[i].priority, i), reverse=True)[:-1]


def _fewest_drops(routine: Routine, settings: PlanSettings, seconds: float,
                  order: list[int]) -> int:
    """How many moves of `order` to leave out so the rest fits at the shortest holds
    (all that may go when nothing fits). Leaving out more never takes longer, so a
    binary search finds it: a thousand-move routine fits in a moment."""
    shortest = replace(settings, hold_scale=0.0, min_hold=FIT_MIN_HOLD)

    def fits(count: int) -> bool:
        gone = set(order[:count])
        kept = tuple(item for i, item in enumerate(routine.items) if i not in gone)
        return _total(replace(routine, items=kept), shortest) <= seconds

    low, high = 0, len(order)
    if not fits(high):
        return high
    while low < high:
        middle = (low + high) // 2
        if fits(middle):
            high = middle
        else:
            low = middle + 1
    return low


def left_out(names: list[str]) -> str:
    """'left out: Frog stretch', or 'left out 12 moves: A, B, C and 2 more': one short line
    however many were dropped; each move named once, in routine order."""
    distinct = list(dict.fromkeys(names))
    if len(names) == 1:
        return f"left out: {names[0]}"
    return f"left out {plural(len(names), 'move')}: {run_of(distinct, NAMED)}"


def _name(item: Item) -> str:
    return item.move.name if item.move else "a rest"
