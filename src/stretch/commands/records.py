"""What the history holds: the week at a glance, and the log with its streak and calendar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretch.commands.common.basics import (
    catalogue,
    catalogue_or_builtin,
    open_history,
    output_file,
    write_out,
)
from stretch.commands.common.basics import timings as timings_now

if TYPE_CHECKING:
    from stretch.model import Catalogue
    from stretch.output import Terminal


def week(term: Terminal, *, as_json: bool, ics: bool = False, output: str | None = None,
         force: bool = False) -> None:
    """The seven days of the person's plan, each routine's minutes as it runs for them
    (their rungs and doses, fitted to their minutes a day), this week's done days ticked,
    and where the plan comes from; with `ics`, the plan as an iCalendar file."""
    if ics:
        week_calendar(term, output=output, force=force)
        return
    if output is not None:
        from stretch.errors import UsageProblem

        raise UsageProblem("-o writes the calendar file: add --ics")
    from stretch import text, wallclock
    from stretch.coach.levels import Log, Standing, replay_log
    from stretch.commands.common.basics import settings
    from stretch.commands.common.person import planned, plans_noted, profile
    from stretch.fit.fitted import fit_to
    from stretch.history.calendar import week as week_days
    from stretch.output import emit_json
    from stretch.plan import timed_steps, total_seconds
    from stretch.views.history import week_json, week_table

    known, now, person = catalogue(), wallclock.local_now(), profile()
    mine = planned(known, Standing(person))
    with open_history(term) as history:
        plans = plans_noted(history, mine, now.date())
        days, log = week_days(mine, history, now, plans), Log.read(history)
    standing = Standing.of(replay_log(known, log, person,
                                      checkins_on=settings().values.checkin), person)
    timings = timings_now()
    fitted = [fit_to(standing.routine(known, d.routine)[0], timings, person.minutes)
              if d.routine else None for d in days]
    minutes = [text.minutes(total_seconds(timed_steps(f.routine, f.settings))) if f else None
               for f in fitted]
    if as_json:
        emit_json(week_json(days, minutes))
        return
    term.show(week_table(days, now.date(), minutes))
    assert mine.week is not None
    term.say(f"Plan: {mine.week.source}. Minutes at your doses"
             + (f", fitted to your {person.minutes} a day." if person.minutes else "."),
             style="dim")


def week_set(term: Terminal, day: str, name: str | None) -> None:
    """Change a day of the plan from today on (`rest`, or a routine), or with no routine
    take it back to the plan's own; kept in week.toml."""
    from stretch.coach.week import Changes, load_changes, save_changes
    from stretch.days import describe_days, read_days
    from stretch.errors import UsageProblem
    from stretch.files import week_file
    from stretch.vocab import REST_DAY, WEEKDAYS

    known = catalogue()
    found = read_days(day)
    if found is None or len(found) != 1:
        raise UsageProblem(f"no day named '{day}': days are {', '.join(WEEKDAYS)}")
    weekday = WEEKDAYS[found[0]]
    changes = load_changes(week_file(), known)
    days = dict(changes.days)
    if name is None:
        days.pop(weekday, None)
        said = f"{describe_days(found)} is back to your plan's."
    else:
        chosen = REST_DAY if name.strip().lower() == REST_DAY else _routine_or_rest(known, name)
        days[weekday] = chosen
        title = "a rest day" if chosen == REST_DAY else known.routines[chosen].title
        said = f"{describe_days(found)} is now {title}, from today on."
    save_changes(Changes(days, changes.path))
    term.say(said + " `stretch week` shows the plan.")


def _routine_or_rest(known: Catalogue, name: str) -> str:
    """A routine's id by its name, or a usage error naming every routine and rest."""
    from stretch.commands.common.basics import routine
    from stretch.errors import UnknownName, UsageProblem
    from stretch.vocab import REST_DAY

    try:
        return routine(known, name).id
    except UnknownName as err:
        raise UsageProblem(f"{err.message.rstrip('?')}; or {REST_DAY} for a day off"
                           ) from None


def history(term: Terminal, *, as_json: bool, weeks: int) -> None:
    from datetime import timedelta

    from stretch import wallclock
    from stretch.coach.levels import Standing
    from stretch.commands.common.person import planned, plans_noted, profile
    from stretch.history.calendar import current_streak
    from stretch.output import emit_json
    from stretch.views import history as reports

    known = catalogue_or_builtin(term)  # the log needs none; the streak, the week's rest days
    now = wallclock.local_now()
    mine = planned(known, Standing(profile()))
    with open_history(term) as log:
        rows = log.sessions()
        streak = current_streak(mine, log, now, plans_noted(log, mine, now.date()))
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
    from stretch.coach.levels import Standing
    from stretch.commands.common.person import planned as plan_of
    from stretch.commands.common.person import profile, read_standing
    from stretch.errors import StretchError
    from stretch.files import data_dir, remind_file
    from stretch.fit.fitted import fit_to
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
    person = profile()
    standing, week = read_standing(term, known, person), plan_of(known, Standing(person)).week
    days: dict[str, list[int]] = {}
    for day, routine_id in week.days if week else ():
        if routine_id != REST_DAY and routine_id in known.routines:
            days.setdefault(routine_id, []).append(WEEKDAYS.index(day))
    planned = []
    for routine_id, weekdays in days.items():
        chosen = standing.routine(known, known.routines[routine_id])[0]  # what runs for them
        ready = fit_to(chosen, timings_now(), person.minutes)
        length = minutes(total_seconds(timed_steps(ready.routine, ready.settings)))
        planned.append(ics.Planned(chosen.id, chosen.title, chosen.summary,
                                   tuple(sorted(weekdays)), length))
    if not planned:
        raise StretchError("your week plan has no routine on any day: nothing to put in a "
                           "calendar")
    now = wallclock.local_now()
    data = ics.calendar(planned, at=at, today=now.date(), stamp=now,
                        seed=str(data_dir().resolve())).decode("utf-8")
    write_out(term, target, data, force=force,
              said=f"Wrote your week plan ({len(planned)} routines, at {at:%H:%M}) to {target}: "
                   "open it with your calendar to import it")
