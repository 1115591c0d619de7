"""Days of the week as a person writes them ('weekdays', 'mon-fri', 'mon,wed,fri') and
as stretch says them back ('weekdays (Mon-Fri)'): for the reminder's --days, the intake's
days and `stretch week set`."""

from __future__ import annotations

from collections.abc import Sequence

from stretch.vocab import WEEKDAYS

DAYS_FORM = "daily, weekdays, weekends, a day (mon), a range (mon-fri) or a list (mon,wed,fri)"
EVERY_DAY = tuple(range(7))
WEEKDAYS_ONLY = tuple(range(5))
WEEKENDS = (5, 6)
NAMED = {"daily": EVERY_DAY, "everyday": EVERY_DAY, "weekdays": WEEKDAYS_ONLY,
         "weekends": WEEKENDS, "weekend": WEEKENDS}
DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def read_days(spec: str) -> tuple[int, ...] | None:
    """Names, ranges and lists of days, any case, as weekday numbers (0 = Monday); None
    when `spec` is not a set of days (see DAYS_FORM)."""
    days: set[int] = set()
    for part in spec.lower().replace(" ", "").replace("..", "-").split(","):
        found = _days(part)
        if found is None:
            return None
        days.update(found)
    return tuple(sorted(days))


def _days(part: str) -> Sequence[int] | None:
    """One item of a list: a name like 'weekdays', a day, or a range (which may wrap: sat-mon)."""
    if part in NAMED:
        return NAMED[part]
    first, dash, last = part.partition("-")
    start = _day(first)
    end = _day(last) if dash else start
    if start is None or end is None:
        return None
    return [(start + i) % 7 for i in range((end - start) % 7 + 1)]


def _day(name: str) -> int | None:
    """'mon', 'tues', 'thursday': a day by its short name or its full name's first letters."""
    for number, full in enumerate(DAY_NAMES):
        if name == WEEKDAYS[number] or (len(name) >= 3 and full.startswith(name)):
            return number
    return None


def runs(numbers: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted numbers as runs of consecutive ones: [0, 1, 2, 4] -> [(0, 2), (4, 4)]."""
    found: list[tuple[int, int]] = []
    for n in sorted(numbers):
        if found and found[-1][1] == n - 1:
            found[-1] = (found[-1][0], n)
        else:
            found.append((n, n))
    return found


def describe_days(weekdays: Sequence[int]) -> str:
    """'every day', 'weekdays (Mon-Fri)', 'Mon-Wed, Fri': the days for a person."""
    days = tuple(weekdays)
    if days == EVERY_DAY:
        return "every day"
    names = [day.title() for day in WEEKDAYS]
    listed = ", ".join(names[a] if a == b else f"{names[a]}-{names[b]}" for a, b in runs(days))
    named = {WEEKDAYS_ONLY: "weekdays", WEEKENDS: "weekends"}.get(days)
    return f"{named} ({listed})" if named else listed
