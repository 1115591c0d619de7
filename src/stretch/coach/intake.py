"""The one-minute intake: six questions, one key an answer, Enter keeps the answer shown.

It asks through the callables it is given (a yes/no question, a numbered choice), so
`stretch setup` and the offer before a first session ask the same way, and a test can
answer it. Nothing is saved here: the caller writes the profile once every answer is in,
so Ctrl-C part-way leaves the old one as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from stretch.coach.profile import Profile
from stretch.days import EVERY_DAY, WEEKDAYS_ONLY, describe_days
from stretch.vocab import WEEKDAYS

Ask = Callable[[str, bool], bool]  # a yes/no question and its default -> the answer
Choose = Callable[[str, list[str], int], int]  # a question, its choices, the default -> index

INTRO = "A one-minute setup: one key an answer; Enter keeps the answer in brackets."
MINUTES = (5, 10, 15, 20, 30)
FLOOR = "Can you get down to the floor and back up?"
KNEEL = "Can you kneel?"
HIP = ("Have you had a hip replacement, or does the front of your hip pinch when it bends "
       "deeply?")
LEG = "Does pain, tingling or numbness spread down a leg?"


def day_choices(plan: Sequence[int]) -> list[tuple[tuple[int, ...] | None, str]]:
    """The sets of days offered, each with a short label: the plan's own first."""
    offered: list[tuple[tuple[int, ...] | None, str]] = [
        (None, f"the plan's ({describe_days(plan)})" if plan else "the plan's")]
    for days in (EVERY_DAY, WEEKDAYS_ONLY, (0, 2, 4), (1, 3, 5)):
        if tuple(days) != tuple(plan):
            offered.append((tuple(days), short_days(days)))
    return offered


def short_days(days: Sequence[int]) -> str:
    """'every day', 'weekdays', 'Mon Wed Fri': a set of days in a choice's few words."""
    named = {EVERY_DAY: "every day", WEEKDAYS_ONLY: "weekdays"}.get(tuple(days))
    return named or " ".join(WEEKDAYS[d].title() for d in days)


def intake(ask: Ask, choose: Choose, current: Profile, plan: Sequence[int]) -> Profile:
    """The answers, each question starting from the current answer."""
    days = day_choices(plan)
    known = [d for d, _ in days]
    if current.days is not None and current.days not in known:
        days.insert(1, (current.days, short_days(current.days)))
        known.insert(1, current.days)
    picked = choose("Which days will you stretch?", [label for _, label in days],
                    known.index(current.days) if current.days in known else 0)
    minutes = list(MINUTES)
    now = current.minutes if current.minutes in minutes else 10
    chosen = choose("How many minutes a day?", [f"{m} min" for m in minutes],
                    minutes.index(now))
    return replace(
        current, days=days[picked][0], minutes=minutes[chosen],
        floor=ask(FLOOR, current.floor), kneel=ask(KNEEL, current.kneel),
        hip_replacement=ask(HIP, current.hip_replacement),
        leg_symptoms=ask(LEG, current.leg_symptoms))
