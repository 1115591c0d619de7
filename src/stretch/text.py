"""Shared wording: how a time, a dose and a step read, and the headings every surface uses.

One home for each so `show`, the sheet, the live view, the plain output and the voice
always say the same thing the same way.
"""

from __future__ import annotations

import re
from datetime import time

from stretch.model import Position, Step

WHY_HIPS = "Why hips, not the lower back"
AVOID = "Stretches to avoid"
SAFETY = "Safety"
BEFORE_YOU_START = "Before you start"
URGENT = "Get urgent medical help if back pain comes with"
SEE_A_DOCTOR = "See a doctor soon if"
ALL_EXERCISES = "No stretch holds in this routine: it is all exercises."
SIDE_NAMES = {"left": "left", "right": "right", "both": "both sides"}


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


def hhmm(moment: time) -> str:
    """'07:30': a time of day as `time_of_day` reads it back."""
    return f"{moment.hour:02}:{moment.minute:02}"


def rest_day(weekday: str) -> str:
    """'Sunday is a rest day in your plan.'"""
    return f"{weekday} is a rest day in your plan."


def done_today(title: str, at: time) -> str:
    """'You did Hip reset today at 07:10.'"""
    return f"You did {title} today at {hhmm(at)}."


def plural(count: int, word: str) -> str:
    """'1 day', '3 days'."""
    return f"{count} {word}" + ("" if count == 1 else "s")


def minutes(seconds: float) -> int:
    """Whole minutes for display, never showing 0 for a short routine."""
    return max(1, round(seconds / 60))


def position(name: Position) -> str:
    """'side lying': a position as words."""
    return name.replace("-", " ")


def dose(*, hold: int | None, reps: int | None, tempo: int | None, sets: int = 1,
         sided: bool = False) -> str:
    """'30 s x 2 per side' or '10 reps x 4 s, 2 sets': a dose as a person reads it."""
    if tempo is not None:
        text = f"{reps} reps x {tempo} s" + (f", {sets} sets" if sets > 1 else "")
    else:
        rounds = (reps or 1) * sets
        text = f"{hold} s" + (f" x {rounds}" if rounds > 1 else "")
    return text + (" per side" if sided else "")


def step_name(step: Step) -> str:
    """'Pigeon stretch, left side' or 'Glute bridge, 10 reps': what a person is about to do."""
    text = step.label
    if step.side in ("left", "right"):
        text += f", {step.side} side"
    if step.kind == "count":
        text += f", {step.reps} reps"
    return text


def step_detail(step: Step, rep: int | None = None) -> str:
    """'hold 1 of 2', '10 x 4 s, set 1 of 2', or with the rep under way 'rep 4 of 10,
    set 1 of 2'; a lone set is not mentioned."""
    if step.kind == "count":
        reps = f"rep {rep} of {step.reps}" if rep else f"{step.reps} x {step.tempo} s"
        return reps + (f", set {step.set} of {step.sets}" if step.sets > 1 else "")
    if step.kind == "hold":
        return f"hold {step.rep} of {step.reps}"
    return ""


def run_on(items: tuple[str, ...]) -> str:
    """Items as one sentence's list: 'chest pain; weakness in both legs'."""
    return "; ".join(item[0].lower() + item[1:] for item in items)
