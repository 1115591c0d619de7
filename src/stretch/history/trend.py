"""The pain trend: weekly medians before and after sessions, and whether the change
since the first two weeks is meaningful.

Ratings are 0-10 (the numeric rating scale). "Before" is the back at rest: ratings before
sessions and check-ins; "after" is the rating after a session. A meaningful change is
2 points or 30% (Ostelo 2008), and never less than a whole point, between the median of
the first two weeks of ratings and that of the last two, once four weeks have passed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from stretch.history.checkins import Checkin
from stretch.history.rows import SessionRow, real

WEEKS = 12
WINDOW = timedelta(days=14)  # the first two weeks, and the last two
MEANINGFUL_POINTS, MEANINGFUL_SHARE = 2.0, 0.3

Dated = list[tuple[date, int]]


@dataclass(frozen=True, slots=True)
class Week:
    monday: date
    before: float | None  # the median, None without ratings
    after: float | None


@dataclass(frozen=True, slots=True)
class Outcome:
    """The median "before" rating of the first two weeks against the last two."""

    first: float
    last: float

    @property
    def points(self) -> float:
        return self.last - self.first

    @property
    def meaningful(self) -> bool:
        size = abs(self.points)
        share = size / self.first if self.first else 0.0
        return size >= 1 and (size >= MEANINGFUL_POINTS or share >= MEANINGFUL_SHARE)


def ratings(sessions: Iterable[SessionRow], checkins: Iterable[Checkin]) -> tuple[Dated, Dated]:
    """(before, after): every rating with its date; demos count for nothing."""
    rows = real(sessions)
    before = [(r.day, r.pain_before) for r in rows if r.pain_before is not None]
    before += [(c.day, c.rating) for c in checkins]
    after = [(r.day, r.pain_after) for r in rows if r.pain_after is not None]
    return before, after


def weekly(before: Dated, after: Dated, today: date, weeks: int = WEEKS) -> list[Week]:
    """The last `weeks` weeks, Monday first, oldest first, with each week's medians."""
    first = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    mondays = [first + timedelta(weeks=n) for n in range(weeks)]

    def medians(dated: Dated) -> dict[date, float]:
        grouped: dict[date, list[int]] = {}
        for day, rating in dated:
            if first <= day <= today:
                grouped.setdefault(day - timedelta(days=day.weekday()), []).append(rating)
        return {monday: float(median(values)) for monday, values in grouped.items()}

    b, a = medians(before), medians(after)
    return [Week(m, b.get(m), a.get(m)) for m in mondays]


def outcome(before: Dated, today: date) -> Outcome | None:
    """The change since the first two weeks, once there are four weeks to compare."""
    if not before:
        return None
    start = min(day for day, _ in before)
    if today - start < 2 * WINDOW:
        return None
    first = [r for day, r in before if day < start + WINDOW]
    last = [r for day, r in before if today - WINDOW < day <= today]
    if not last:
        return None
    return Outcome(float(median(first)), float(median(last)))


def sentence(result: Outcome | None) -> str | None:
    """One plain sentence when the change is meaningful; never a diagnosis."""
    if result is None or not result.meaningful:
        return None
    first, last = number(result.first), number(result.last)
    if result.points < 0:
        return (f"Your back pain has eased from {first} to {last} since your first two weeks: "
                "a meaningful change (2 points or 30% or more).")
    return (f"Your back pain has risen from {first} to {last} since your first two weeks. "
            "If it keeps rising, talk to a physiotherapist or doctor.")


def number(value: float | None) -> str:
    """A median as it is written: '4', '3.5', or '·' for a week without ratings."""
    return "·" if value is None else f"{value:g}"
