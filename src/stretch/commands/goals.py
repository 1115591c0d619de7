"""Goals (PSFS): `goal add`, `goal rate` and `goal`: the activities the back makes hard,
rated 0 (cannot) to 10 (as before), and how they change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretch.commands.common.basics import open_history
from stretch.commands.common.changed import ask_goals

if TYPE_CHECKING:
    from stretch.output import Terminal


def add(term: Terminal, text: str, rating: int) -> None:
    from stretch import wallclock
    from stretch.coach import goals as psfs
    from stretch.errors import StretchError, UsageProblem
    from stretch.history import goals

    activity = " ".join(text.split())
    if not activity:
        raise UsageProblem("name the activity: stretch goal add \"putting on socks\" 4")
    if not activity.isprintable():
        raise UsageProblem("an activity is one line of text, without control characters")
    if len(activity) > psfs.TEXT_MOST:
        raise UsageProblem(f"an activity is a few words (at most {psfs.TEXT_MOST} characters),"
                           f" got {len(activity)}")
    now = wallclock.local_now().replace(microsecond=0)
    with open_history(term) as history:
        found = goals.read(history)
        if len(found) >= psfs.MOST:
            raise StretchError(f"you have {psfs.MOST} goals already, the most the scale asks "
                               "for: this one was not added")
        goals.add(history, text=activity, rating=rating, at=now)
    term.say(f"Goal {len(found) + 1}: {activity}, now {rating} ({psfs.SCALE}). stretch "
             "asks again once a week, after a session.")


def rate(term: Terminal, number: int | None, rating: int | None) -> None:
    """One goal's new rating, or at a terminal each goal in turn (one key each)."""
    from stretch import wallclock
    from stretch.coach import goals as psfs
    from stretch.errors import UsageProblem
    from stretch.history import goals

    now = wallclock.local_now().replace(microsecond=0)
    with open_history(term) as history:
        found = goals.read(history)
        if not found:
            raise UsageProblem("no goals yet: stretch goal add \"putting on socks\" 4")
        if number is None:
            if not term.interactive:
                raise UsageProblem("give the goal's number and its rating (stretch goal rate "
                                   "1 6): no terminal to ask in")
            answers = ask_goals(term, found, now)
        else:
            if rating is None:
                raise UsageProblem(f"give goal {number} a rating too: stretch goal rate "
                                   f"{number} 6")
            if not 1 <= number <= len(found):
                raise UsageProblem(f"there is no goal {number}: your goals are numbered 1 to "
                                   f"{len(found)} (see stretch goal)")
            answers = [(found[number - 1].uid, rating)]
        if not answers:
            term.say("Nothing rated.")
            return
        goals.rate(history, answers, at=now)
        found = goals.read(history)
    rated = {uid for uid, _ in answers}
    for goal in found:
        said = psfs.sentence(goal)
        if goal.uid in rated and said:
            term.say(said)
    term.say(f"Rated {len(answers)} of your goals: `stretch goal` shows them over time.")


def show(term: Terminal, *, as_json: bool) -> None:
    from stretch import wallclock
    from stretch.history import goals
    from stretch.output import emit_json
    from stretch.views.goals import goals_json, goals_view

    with open_history(term) as history:
        found = goals.read(history)
    if as_json:
        emit_json(goals_json(found))
    else:
        term.show(goals_view(found, wallclock.local_now().date()))
