"""Function, not only pain: the Patient-Specific Functional Scale (PSFS; Stratford 1995).

The person names up to five activities the back makes hard and rates each from 0 (cannot
do it) to 10 (as before the back trouble), again once a week. A change of about 2 points
for one activity is meaningful (Stratford 1995; Abbott and Schmitt 2014). Pure: goals in,
words out (an activity's text as `errors.printable` shows it: it may have come from an
imported file); the questions go through the `Rate` callable it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from stretch.errors import printable
from stretch.history.goals import Goal
from stretch.text import plural

MOST = 5  # activities: the PSFS asks for three to five
MEANINGFUL = 2  # points for one activity (Stratford 1995; Abbott and Schmitt 2014)
EVERY = timedelta(days=7)  # how often to ask again, after a session
CANNOT, AS_BEFORE = 0, 10
SCALE = f"{CANNOT} cannot do it, {AS_BEFORE} as before"
SCALE_WORDS = f"from {CANNOT} (cannot do it) to {AS_BEFORE} (as before)"
TEXT_MOST = 80  # characters in an activity: a few words ("putting on socks")
WEEKLY = f"Once a week: how is each activity now? ({SCALE}; Enter skips one)"
HINT = f"{CANNOT} cannot, {AS_BEFORE} as before (1 then 0), Enter skips"
RULE = (f"A change of {MEANINGFUL} points or more in one activity is a meaningful change "
        "(Stratford 1995).")

Rate = Callable[[str], "int | None"]  # a question -> a rating 0-10, None when skipped


def change(goal: Goal) -> int | None:
    """Points from the first rating to the latest (above zero: easier); None with one."""
    first, latest = goal.first, goal.latest
    if first is None or latest is None or first is latest:
        return None
    return latest.rating - first.rating


def meaningful(goal: Goal) -> bool:
    points = change(goal)
    return points is not None and abs(points) >= MEANINGFUL


def sentence(goal: Goal) -> str | None:
    """One plain sentence when an activity has changed meaningfully; never a diagnosis."""
    points = change(goal)
    if points is None or not meaningful(goal):
        return None
    first, latest = goal.first, goal.latest
    assert first is not None and latest is not None
    since, text = f"{first.at:%d %b %Y}", printable(goal.text)
    if points > 0:
        return (f"{text}: easier, from {first.rating} to {latest.rating} since {since}, "
                f"a meaningful change ({MEANINGFUL} points or more).")
    return (f"{text}: harder, from {first.rating} to {latest.rating} since {since}. "
            "If it keeps getting harder, talk to a physiotherapist or doctor.")


def due(goals: Sequence[Goal], now: datetime) -> bool:
    """Whether to ask after a session: there are goals and none was rated this week."""
    latest = [g.latest.at for g in goals if g.latest is not None]
    return bool(goals) and (not latest or now - max(latest) >= EVERY)


def question(number: int, goal: Goal, now: datetime) -> str:
    """'2. Putting on socks (last 4, 8 days ago)?'"""
    latest, text = goal.latest, printable(goal.text)
    if latest is None:
        return f"{number}. {text}?"
    days = (now.date() - latest.at.date()).days
    ago = "today" if days == 0 else f"{plural(days, 'day')} ago"
    return f"{number}. {text} (last {latest.rating}, {ago})?"


def ask_each(goals: Sequence[Goal], rate: Rate, now: datetime) -> list[tuple[str, int]]:
    """Each goal's new rating (by id), asked in turn; a skipped one is left out."""
    answers = []
    for number, goal in enumerate(goals, start=1):
        rating = rate(question(number, goal, now))
        if rating is not None:
            answers.append((goal.uid, rating))
    return answers
