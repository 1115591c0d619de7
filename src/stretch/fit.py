"""Fit a routine into the minutes a person has: shorter holds first, then fewer moves.

Holds shrink together (never below 15 s, the short end of ACSM's 10-30 s), and only
when that is not enough are items dropped, lowest priority and latest first, so the
moves that matter most stay in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from stretch.model import Item, Routine
from stretch.plan import PlanSettings, plan, total_seconds

FIT_MIN_HOLD = 15


@dataclass(frozen=True, slots=True)
class Fitted:
    """The routine and settings to run, what changed, and whether it now fits."""

    routine: Routine
    settings: PlanSettings
    changes: tuple[str, ...]
    fits: bool


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
        return Fitted(routine, settings, (), True)
    items = list(routine.items)
    dropped: list[str] = []
    while True:
        candidate = replace(routine, items=tuple(items))
        scale = _best_scale(candidate, settings, seconds)
        moves = [i for i, item in enumerate(items) if item.move is not None]
        if scale is not None or len(moves) <= 1:
            break
        index = max(moves, key=lambda i: (items[i].priority, i))
        dropped.append(_name(items.pop(index)))
    fits = scale is not None
    fitted = replace(settings, hold_scale=0.0 if scale is None else scale, min_hold=FIT_MIN_HOLD)
    changes = []
    longest = max((i.hold for i in candidate.items if i.hold), default=0)
    new = max(min(longest, FIT_MIN_HOLD), round(longest * fitted.hold_scale))
    if new < round(longest * settings.hold_scale):
        changes.append(f"holds shortened ({longest} s holds now {new} s)")
    if dropped:
        changes.append("left out: " + ", ".join(dropped))
    if not fits:
        total = round(_total(candidate, fitted) / 60, 1)
        changes.append(f"it still takes {total:g} minutes at its shortest")
    return Fitted(candidate, fitted, tuple(changes), fits)


def _name(item: Item) -> str:
    return item.move.name if item.move else "a rest"
