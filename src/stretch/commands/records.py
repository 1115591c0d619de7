"""What the history holds: the week at a glance, and the log with its streak and calendar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretch.commands.common import catalogue, catalogue_or_builtin, open_history, timings

if TYPE_CHECKING:
    from stretch.output import Terminal


def week(term: Terminal) -> None:
    """The seven days with each routine's minutes at the person's own doses."""
    from dataclasses import replace

    from stretch import text, wallclock
    from stretch.coach.levels import Log, at_levels, replay_log
    from stretch.history.calendar import week as week_days
    from stretch.views.history import week_table

    known = catalogue()
    now = wallclock.local_now()
    with open_history(term) as history:
        days, log = week_days(known, history, now), Log.read(history)
    mine = replay_log(known, log).levels
    days = [replace(d, routine=at_levels(d.routine, mine)) if d.routine else d for d in days]
    term.show(week_table(days, now.date(), timings()))
    term.say(text.MINUTES_AT_DOSES, style="dim")


def history(term: Terminal, *, as_json: bool, weeks: int) -> None:
    from datetime import timedelta

    from stretch import wallclock
    from stretch.history.calendar import current_streak
    from stretch.output import emit_json
    from stretch.views import history as reports

    known = catalogue_or_builtin(term)  # the log needs none; the streak, the week's rest days
    now = wallclock.local_now()
    with open_history(term) as log:
        rows = log.sessions()
        streak = current_streak(known, log, now)
        groups = log.group_minutes(now.date() - timedelta(days=now.weekday(), weeks=weeks - 1))
    if as_json:
        emit_json({"streak": streak, "sessions": [reports.session_json(r) for r in rows]})
    else:
        term.show(reports.history_view(rows, streak=streak, groups=groups,
                                       today=now.date(), weeks=weeks))
