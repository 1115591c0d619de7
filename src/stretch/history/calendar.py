"""Which routine today is, the week at a glance, the streak, and which side goes first.

Dates are local: a session belongs to the date where and when it started, so a trip
across time zones or a session that runs past midnight never splits a day.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from stretch.model import REST_DAY, Catalogue, Routine, WeekPlan

if TYPE_CHECKING:  # reading the plan (today --preview) needs no SQLite
    from stretch.history.plans import Plans
    from stretch.history.rows import SessionRow
    from stretch.history.store import History


@dataclass(frozen=True, slots=True)
class Day:
    """One day of the plan: its routine (None on a rest day) and what was done."""

    date: date
    routine: Routine | None
    sessions: tuple[SessionRow, ...]  # newest first

    @property
    def done(self) -> bool:
        """Whether the day is done (the week's tick): `done_on`."""
        return done_on(self.sessions, self.date) is not None


def routine_on(catalogue: Catalogue, day: date, plans: Plans | None = None) -> Routine | None:
    """The routine the week plan gives a date, or None for a rest day (or no plan): the
    plan in force that day when `plans` says, else the catalogue's."""
    days = plans.days_on(day) if plans is not None else None
    if days is not None:
        routine_id = days[day.weekday()]
    elif catalogue.week is not None:
        routine_id = catalogue.week.for_day(day.weekday())
    else:
        return None
    return None if routine_id == REST_DAY else catalogue.routines.get(routine_id)


def today(catalogue: Catalogue, history: History, now: datetime) -> Day:
    """Today with today's sessions: not one logged at a later date (a clock that was
    wrong, a flight west across the date line), which belongs to that date."""
    day = now.date()
    return Day(day, routine_on(catalogue, day),
               tuple(s for s in history.sessions(since=day) if s.day == day))


def done_on(sessions: Iterable[SessionRow], day: date) -> SessionRow | None:
    """The one definition of a day done: the latest session dated that day (its own local
    date) that counts (`SessionRow.counts`: completed, most of its work run, at its real
    pace), or None while the day is still to do. Any routine counts: the desk break the
    coach offers on a bad day keeps the day as the planned routine would. `today`, the
    week's ticks, `history`, the streak and the reminder all ask here, so they agree."""
    done = [s for s in sessions if s.counts and s.day == day]
    return max(done, key=lambda s: (s.started, s.id)) if done else None


def days_done(sessions: Iterable[SessionRow]) -> set[date]:
    """The dates `done_on` calls done, for the streak."""
    return {s.day for s in sessions if done_on((s,), s.day) is not None}


def done_today(day: Day) -> SessionRow | None:
    """The session that made the day done (`done_on`), or None if it is still to do."""
    return done_on(day.sessions, day.date)


def week(catalogue: Catalogue, history: History, now: datetime,
         plans: Plans | None = None) -> list[Day]:
    """Monday to Sunday of the current week, each with its sessions and the routine the
    plan in force that day gave it (today's plan from today on)."""
    monday = now.date() - timedelta(days=now.weekday())
    sessions = history.sessions(since=monday)
    days = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        done = tuple(s for s in sessions if s.day == day)
        days.append(Day(day, routine_on(catalogue, day, plans if day < now.date() else None),
                        done))
    return days


def rest_weekdays(plan: WeekPlan | None) -> set[int]:
    if plan is None:
        return set()
    return {i for i, (_, routine_id) in enumerate(plan.days) if routine_id == REST_DAY}


def current_streak(catalogue: Catalogue, history: History, now: datetime,
                   plans: Plans | None = None) -> int:
    """The streak, each past day's rest judged by the plan in force that day, and each
    day done as `done_on` says."""
    completed = days_done(history.sessions())
    today_rest = rest_weekdays(catalogue.week)

    def rest(day: date) -> bool:
        days = plans.days_on(day) if plans is not None and day < now.date() else None
        return days[day.weekday()] == REST_DAY if days else day.weekday() in today_rest

    return streak(completed, rest, now.date())


def first_side(history: History, routine_id: str) -> str:
    """The other side from the routine's last session that reached a sided move, so
    neither side always goes first (a session quit before its first sided move changes
    nothing)."""
    for session in history.sessions(routine=routine_id):
        if session.first_side in ("left", "right"):
            return "right" if session.first_side == "left" else "left"
    return "left"


def streak(days_done: Iterable[date], rest: Callable[[date], bool] | set[int],
           today: date) -> int:
    """Days in a row with a completed session, up to today; planned rest days (`rest`: a
    day's test, or the weekdays that rest) do not break it.

    Today does not break the streak either: it is not over yet.
    """
    if isinstance(rest, set):
        weekdays = rest
        rest = lambda day: day.weekday() in weekdays  # noqa: E731
    done = set(days_done)
    count = 0
    day = today
    while True:
        if day in done:
            count += 1
        elif day != today and not rest(day):
            return count
        day -= timedelta(days=1)
        if not done or day < min(done):
            return count
