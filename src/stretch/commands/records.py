"""What the history holds: the week at a glance, and the log with its streak and calendar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretch.commands.common import (
    catalogue,
    catalogue_or_builtin,
    open_history,
    output_file,
    read_levels,
    timings,
)

if TYPE_CHECKING:
    from stretch.output import Terminal


def week(term: Terminal, *, ics: bool = False, output: str | None = None,
         force: bool = False) -> None:
    """The seven days with each routine's minutes at the person's own doses; with `ics`,
    the plan as an iCalendar file."""
    if ics:
        week_calendar(term, output=output, force=force)
        return
    if output is not None:
        from stretch.errors import UsageProblem

        raise UsageProblem("-o writes the calendar file: add --ics")
    from dataclasses import replace

    from stretch import wallclock
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


def week_calendar(term: Terminal, *, output: str | None, force: bool) -> None:
    """The week plan as weekly events with an alarm, at the reminder's time (or 08:00),
    each as long as its routine takes at the person's doses."""
    from stretch import wallclock
    from stretch.coach.levels import at_levels
    from stretch.errors import StretchError
    from stretch.files import data_dir, remind_file
    from stretch.model import REST_DAY, WEEKDAYS
    from stretch.plan import timed_steps, total_seconds
    from stretch.remind import ics, record
    from stretch.text import minutes

    target = output_file(output)
    known = catalogue()
    try:
        saved = record.load(remind_file())
    except StretchError as err:
        term.note(f"stretch: {err.message}; the events are at "
                  f"{ics.DEFAULT_TIME:%H:%M}")
        saved = None
    at = saved[0].at if saved is not None else ics.DEFAULT_TIME
    mine = read_levels(term, known)
    days: dict[str, list[int]] = {}
    for day, routine_id in known.week.days if known.week else ():
        if routine_id != REST_DAY and routine_id in known.routines:
            days.setdefault(routine_id, []).append(WEEKDAYS.index(day))
    plans = timings()
    planned = []
    for routine_id, weekdays in days.items():
        chosen = at_levels(known.routines[routine_id], mine)
        length = minutes(total_seconds(timed_steps(chosen, plans)))
        planned.append(ics.Planned(chosen.id, chosen.title, chosen.summary,
                                   tuple(sorted(weekdays)), length))
    if not planned:
        raise StretchError("your week plan has no routine on any day: nothing to put in a "
                           "calendar")
    now = wallclock.local_now()
    data = ics.calendar(planned, at=at, today=now.date(), stamp=now,
                        seed=str(data_dir().resolve())).decode("utf-8")
    if target is None:
        term.out.file.write(data)
        return
    from stretch.files import write_atomically

    write_atomically(target, data, force=force)
    term.say(f"Wrote your week plan ({len(planned)} routines, at {at:%H:%M}) to {target}: "
             "open it with your calendar to import it", soft_wrap=True)
