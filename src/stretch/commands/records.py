"""What the history holds: the week at a glance, and the log with its streak and calendar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretch.commands.common import catalogue, catalogue_or_builtin, open_history
from stretch.commands.common import timings as timings_now

if TYPE_CHECKING:
    from stretch.model import Catalogue
    from stretch.output import Terminal


def week(term: Terminal, *, as_json: bool) -> None:
    """The seven days of the person's plan, each routine's minutes as it runs for them
    (their rungs and doses, fitted to their minutes a day), this week's done days ticked,
    and where the plan comes from."""
    from stretch import text, wallclock
    from stretch.coach.levels import Log, Standing, replay_log
    from stretch.commands.common import planned, plans_noted, profile, settings
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
    from stretch.commands.common import routine
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
    from stretch.commands.common import planned, plans_noted, profile
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
