"""Shared wording: the general formatters every surface uses, for times, counts, lists,
dates and paths, and the day's one-line answers ('Sunday is a rest day in your plan.').

One home for each so `show`, the sheet, the live view, the plain output and the voice
always say the same thing the same way. How a dose reads is in text_doses.py, a move's
position, muscle group and needs in text_moves.py, the safety note in text_safety.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, time
from pathlib import PurePath

DAY_NAMES = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
             "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}


def clock(seconds: float) -> str:
    """m:ss, or h:mm:ss from an hour: how long something takes, for people."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    mins, secs = divmod(rest, 60)
    return f"{hours}:{mins:02}:{secs:02}" if hours else f"{mins}:{secs:02}"


CLOCK_FORM = "HH:MM on the 24-hour clock, like 07:30 or 18:45"
_CLOCK = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")


def time_of_day(text: str) -> time | None:
    """'07:30' or '7:30' as a time of day; None for anything else (see CLOCK_FORM)."""
    found = _CLOCK.fullmatch(text.strip())
    return time(int(found.group(1)), int(found.group(2))) if found else None


def whole_number(text: str) -> int | None:
    """'7' as 7; None for anything else: a number a person types is plain ASCII digits, not
    what Python also reads as one ('1_0', ' 7') nor a digit int() refuses ('²', '①')."""
    return int(text) if text.isascii() and text.isdigit() else None


def hhmm(moment: time) -> str:
    """'07:30': a time of day as `time_of_day` reads it back."""
    return f"{moment.hour:02}:{moment.minute:02}"


def rest_day(weekday: str) -> str:
    """'Sunday is a rest day in your plan.'"""
    return f"{weekday} is a rest day in your plan."


def done_today(title: str, at: time) -> str:
    """'You did Hip reset today at 07:10.'"""
    return f"You did {title} today at {hhmm(at)}."


NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def counted(count: int) -> str:
    """'two', as a sentence says a small count ('your last two sessions'); 12 as 12."""
    return NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else str(count)


def plural(count: float, word: str, many: str | None = None) -> str:
    """'1 day', '3 days', '2.5 minutes', '2 stretches' (`many`): wherever a number meets
    a noun."""
    shown = f"{count:g}" if isinstance(count, float) else str(count)
    return f"{shown} {word if count == 1 else many or word + 's'}"


def listing(items: Sequence[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' ('' for none)."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def run_of(names: list[str], named: int) -> str:
    """'A, B and C', or 'A, B, C and 9 more' past `named` names (but never 'and 1 more'):
    a list kept to one line."""
    if len(names) <= named + 1:
        return listing(names)
    return ", ".join(names[:named]) + f" and {len(names) - named} more"


def run_on(items: tuple[str, ...]) -> str:
    """Items as one sentence's list: 'chest pain; weakness in both legs'."""
    return "; ".join(item[0].lower() + item[1:] for item in items)


def minutes(seconds: float) -> int:
    """Whole minutes for display, never showing 0 for a short routine."""
    return max(1, round(seconds / 60))


def date_label(when: date, today: date) -> str:
    """'Mon 06 Jan', with the year when it is not this year: 'Mon 29 Dec 2025'."""
    shown = when.strftime("%a %d %b")
    return shown if when.year == today.year else f"{shown} {when.year}"


def long_date(day: date) -> str:
    """'Monday 4 January 2027': a date as a handout writes it."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_path(path: PurePath, width: int) -> str:
    """`path` in at most `width` characters, its middle folders left out where it is longer
    ('routines/…/mine.yaml'): the file's name stays whole unless it alone is too long."""
    if len(str(path)) <= width:
        return str(path)
    *folders, name = path.parts
    if len(name) + 2 > width:
        front = max(width - 1, 0) // 3
        back = max(width - 1 - front, 0)
        return f"{name[:front]}…{name[len(name) - back:]}"
    head = ""
    for folder in folders:
        step = folder if folder.endswith("/") else f"{folder}/"
        if len(head + step) + 2 + len(name) > width:
            break
        head += step
    return f"{head}…/{name}"
