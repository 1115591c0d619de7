"""`nudge`: the reminder itself, which the system's scheduler runs (`remind on` sets it).

A desktop notification naming today's routine, its minutes and the streak; quiet on a
rest day, once today's routine is done and in quiet hours. Unseen, it never fails
loudly: a problem is one line in the log.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from stretch.commands.common.basics import catalogue, open_history, settings

if TYPE_CHECKING:
    from datetime import datetime

    from stretch.history.store import History
    from stretch.model import Catalogue
    from stretch.output import Terminal
    from stretch.remind.notify import Notice
    from stretch.settings import Values


def nudge(term: Terminal, *, show: bool) -> None:
    """The reminder the scheduler runs. Unseen, it never fails loudly: a problem is one
    line in the log (files.remind_log) and the exit is 0. `show` prints it instead."""
    from stretch import wallclock
    from stretch.errors import StretchError
    from stretch.files import remind_log
    from stretch.remind import notify

    now = wallclock.local_now()
    try:
        values = settings().values
        with open_history(term) as history:
            said = reminder(catalogue(), history, values, now)
    except StretchError as err:
        if show:
            raise
        with contextlib.suppress(StretchError):  # no folder for a log (STRETCH_HOME a file)
            notify.log(remind_log(), now, f"stretch nudge: {err.message}")
        return
    if isinstance(said, str):
        if show:
            term.note(f"No reminder. {said}")
        return
    if show:
        term.say(said.title, soft_wrap=True)
        term.say(said.body, soft_wrap=True)
        return
    notifier = notify.find_notifier(values.notify_command)
    problem = notify.missing(values.notify_command) if notifier is None else notifier.send(said)
    if problem is not None:
        notify.log(remind_log(), now, f"stretch nudge: {problem}; the reminder was: {said.line}")


def reminder(known: Catalogue, history: History, values: Values, now: datetime
             ) -> Notice | str:
    """Today's reminder, or why there is none: quiet hours, a rest day, or already done."""
    from stretch import text
    from stretch.fit.fitted import fit_to
    from stretch.history.calendar import current_streak, done_today, today
    from stretch.plan import timed_steps, total_seconds
    from stretch.remind import notify

    if notify.quiet(values.quiet_hours, now.time()):
        return f"It is quiet hours ({values.quiet_hours})."
    day = today(known, history, now)
    if day.routine is None:
        return text.rest_day(now.strftime("%A"))
    done = done_today(day)
    if done is not None:
        return text.done_today(done.title, done.started.time())
    from stretch.coach.levels import Log, Standing, replay_log
    from stretch.commands.common.person import profile

    person = profile()
    progress = replay_log(known, Log.read(history), person, checkins_on=values.checkin)
    mine = Standing.of(progress, person).routine(known, day.routine)[0]  # what runs for them
    ready = fit_to(mine, values.timings(), person.minutes)
    minutes = text.minutes(total_seconds(timed_steps(ready.routine, ready.settings)))
    return notify.notice(day.routine.title, minutes, current_streak(known, history, now))
