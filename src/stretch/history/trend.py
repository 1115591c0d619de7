"""The pain trend: weekly medians before and after sessions, drawn as bars in the terminal,
and whether the change since the first two weeks is meaningful.

Ratings are 0-10 (the numeric rating scale). "Before" is the back at rest: ratings before
sessions and check-ins; "after" is the rating after a session. A meaningful change is
2 points or 30% (Ostelo 2008), and never less than a whole point, between the median of
the first two weeks of ratings and that of the last two, once four weeks have passed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from rich.text import Text

from stretch.history.checkins import Checkin
from stretch.history.progression import real
from stretch.history.rows import SessionRow

WEEKS = 12
WINDOW = timedelta(days=14)  # the first two weeks, and the last two
MEANINGFUL_POINTS, MEANINGFUL_SHARE = 2.0, 0.3
BARS = " ▁▂▃▄▅▆▇█"
ROWS = 5  # 2 points per row, in eighths: a quarter of a point per step
SLOT = 5  # characters per week
COLOURS = {"before": "cyan", "after": "magenta"}

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
    first, last = _number(result.first), _number(result.last)
    if result.points < 0:
        return (f"Your back pain has eased from {first} to {last} since your first two weeks: "
                "a meaningful change (2 points or 30% or more).")
    return (f"Your back pain has risen from {first} to {last} since your first two weeks. "
            "If it keeps rising, talk to a physiotherapist or doctor.")


def _number(value: float | None) -> str:
    return "·" if value is None else f"{value:g}"


def chart(weeks: Sequence[Week]) -> Text:
    """Two bars a week (left: before, right: after), 0-10 on five rows, the medians as
    numbers below so the chart reads without colour too."""
    lines = Text()
    for row in range(ROWS - 1, -1, -1):
        lines.append(f"{(row + 1) * 2:>6} ┤", style="dim")
        for week in weeks:
            lines.append(" ")
            lines.append(_bar(week.before, row), style=COLOURS["before"])
            lines.append(_bar(week.after, row), style=COLOURS["after"])
            lines.append(" " * (SLOT - 3))
        lines.append("\n")
    lines.append(f"{0:>6} └" + "─" * (SLOT * len(weeks)) + "\n", style="dim")
    lines.append(" " * 8 + _labels(weeks), style="dim")
    for name in ("before", "after"):
        lines.append("\n" + f"{name:>6}  ", style=COLOURS[name])
        for week in weeks:
            lines.append(f" {_number(getattr(week, name)):<{SLOT - 1}}", style=COLOURS[name])
    return lines


def _labels(weeks: Sequence[Week]) -> str:
    """Every other week's Monday ('9 Sep'), the latest week always labelled."""
    row = [" "] * (SLOT * len(weeks) + SLOT)
    for index in range(len(weeks) - 1, -1, -2):
        label = f"{weeks[index].monday.day} {weeks[index].monday:%b}"
        start = index * SLOT + 1
        row[start:start + len(label)] = label
    return "".join(row).rstrip()


def _bar(value: float | None, row: int) -> str:
    """One row of a bar: each row holds 2 points in eighths."""
    if value is None:
        return " "
    eighths = round(value * 4) - 8 * row
    return BARS[max(0, min(8, eighths))]
