"""The clinician's report: everything it shows, gathered once from the log.

For the weeks asked (12 by default, ending this week): the programme as it runs now
against where it was at the start of those weeks (or at the person's first session), how
often the plan was kept week by week, every change of dose with its reason, the pain
trend, events (leg symptoms, flares, safety advice shown), goals and check-in notes.
The form (html.py) only lays this out. Derived from the log as the coach derives it, so
the report, `progress` and the session always agree.

Where the coach's later work plugs in: a ladder change (a move swapped for its easier or
harder one) is one more `Change` with `kind="ladder"` from `changes()`; a leg-symptom or
flare event one more `Event` from `events()`: the form shows both lists as they come.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from stretch.coach import doses, rules
from stretch.coach.levels import Log, at_levels, replay_log
from stretch.errors import printable
from stretch.history import trend
from stretch.history.calendar import routine_on
from stretch.history.checkins import Checkin
from stretch.history.goals import Goal
from stretch.history.rows import SessionRow, real
from stretch.model import REST_DAY, WEEKDAYS, Catalogue
from stretch.plan import Timings, timed_steps, total_seconds

BLOCK = 4  # weeks a row of the adherence table covers when there are too many weeks
WEEK_ROWS = 26  # the most weeks shown one a row


@dataclass(frozen=True, slots=True)
class RoutineRow:
    """A routine of the week plan: its days and its minutes then and now."""

    title: str
    routine: str
    days: tuple[str, ...]
    minutes_then: float
    minutes_now: float


@dataclass(frozen=True, slots=True)
class MoveRow:
    """A move of the plan's routines: its dose then and now, and its last change."""

    name: str
    then: str
    now: str
    changed: date | None


@dataclass(frozen=True, slots=True)
class Period:
    """A week (or a few) of the plan: days planned so far, days done (the planned routine
    completed), and sessions stopped or cut short."""

    start: date
    end: date
    planned: int
    done: int
    stopped: int
    minutes: float


@dataclass(frozen=True, slots=True)
class Change:
    """A change to the programme with its reason: a dose (or, later, a ladder step)."""

    at: datetime
    name: str
    before: str
    after: str
    why: str
    kind: str = "dose"


@dataclass(frozen=True, slots=True)
class Event:
    """Something a clinician should see: safety advice shown (and, from the coach, leg
    symptoms and flares)."""

    at: datetime
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Report:
    person: str | None
    made: date
    since: date  # the first day of the weeks shown
    started: date | None  # the first session ever (None: none yet)
    weeks: int
    routines: tuple[RoutineRow, ...]
    moves: tuple[MoveRow, ...]
    periods: tuple[Period, ...]
    sessions: tuple[SessionRow, ...]  # real sessions in the weeks shown, oldest first
    changes: tuple[Change, ...]
    pain: tuple[trend.Week, ...]
    pain_sentence: str | None
    events: tuple[Event, ...]
    goals: tuple[Goal, ...]
    notes: tuple[Checkin, ...]  # check-ins with a note, newest first

    @property
    def then_label(self) -> str:
        """The heading of the 'then' column: the window's start, or the first session."""
        if self.started is not None and self.started >= self.since:
            return "at the start"
        return f"{self.since:%d %b %Y}"


def build(*, known: Catalogue, log: Log, goals: Sequence[Goal], now: datetime, weeks: int,
          person: str | None, timings: Timings) -> Report:
    """The report of the `weeks` weeks up to `now` (its offset is the day's)."""
    today = now.date()
    since = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    start = datetime.combine(since, time(0), tzinfo=now.tzinfo)
    earlier = Log([s for s in log.sessions if s.started < start],
                  [c for c in log.checkins if c.at < start])
    then, mine = replay_log(known, earlier), replay_log(known, log)
    rows = real(log.sessions)
    shown = tuple(r for r in rows if since <= r.day <= today)
    before, after = trend.ratings(log.sessions, log.checkins)
    return Report(
        person=person, made=today, since=since,
        started=rows[0].day if rows else None, weeks=weeks,
        routines=_routines(known, then.levels, mine.levels, timings),
        moves=_moves(known, then, mine, since),
        periods=tuple(_periods(known, rows, since, today, weeks)),
        sessions=shown,
        changes=tuple(changes(known, mine, since)),
        pain=tuple(trend.weekly(before, after, today, weeks)),
        pain_sentence=trend.sentence(trend.outcome(before, today)),
        events=tuple(events(rows, log.checkins, since)),
        goals=tuple(goals),
        notes=tuple(c for c in log.checkins if c.note and c.day >= since),
    )


def planned_days(known: Catalogue) -> dict[str, list[str]]:
    """Each routine of the week plan with its days ('mon'...), in the plan's order."""
    found: dict[str, list[str]] = {}
    for day, routine in known.week.days if known.week else ():
        if routine != REST_DAY and routine in known.routines:
            found.setdefault(routine, []).append(day)
    return found


def _routines(known: Catalogue, then: dict[str, int], now: dict[str, int],
              timings: Timings) -> tuple[RoutineRow, ...]:
    def minutes(routine_id: str, levels: dict[str, int]) -> float:
        dosed = at_levels(known.routines[routine_id], levels)
        return total_seconds(timed_steps(dosed, timings)) / 60

    return tuple(RoutineRow(known.routines[r].title, r, tuple(days), minutes(r, then),
                            minutes(r, now)) for r, days in planned_days(known).items())


def _moves(known: Catalogue, then: rules.Progress, now: rules.Progress,
           since: date) -> tuple[MoveRow, ...]:
    seen: dict[str, MoveRow] = {}
    for routine in planned_days(known):
        for move in known.routines[routine].moves:
            if move.id in seen:
                continue
            ladder = doses.dose_ladder(move)
            last = now.last_change(move.id)
            seen[move.id] = MoveRow(
                move.name,
                doses.describe(ladder.measure, ladder.value(then.levels.get(move.id, 0))),
                doses.describe(ladder.measure, ladder.value(now.levels.get(move.id, 0))),
                last.at.date() if last is not None and last.at.date() >= since else None)
    return tuple(seen.values())


def _periods(known: Catalogue, rows: Sequence[SessionRow], since: date, today: date,
             weeks: int) -> list[Period]:
    """Week by week (or, past WEEK_ROWS weeks, BLOCK weeks a row): planned days up to
    today, the days the planned routine was completed, the sessions stopped or cut short."""
    by_day: dict[date, list[SessionRow]] = {}
    for row in rows:
        by_day.setdefault(row.day, []).append(row)
    size = 1 if weeks <= WEEK_ROWS else BLOCK
    periods = []
    for first in range(0, weeks, size):
        start = since + timedelta(weeks=first)
        end = min(start + timedelta(weeks=size, days=-1), today)
        planned = done = stopped = 0
        seconds = 0.0
        day = start
        while day <= end:
            routine = routine_on(known, day)
            sessions = by_day.get(day, [])
            if routine is not None:
                planned += 1
                done += any(s.counts and s.routine == routine.id for s in sessions)
            stopped += sum(s.status in ("stopped", "interrupted") for s in sessions)
            seconds += sum(s.active_seconds for s in sessions)
            day += timedelta(days=1)
        periods.append(Period(start, end, planned, done, stopped, seconds / 60))
    return periods


def changes(known: Catalogue, progress: rules.Progress, since: date) -> list[Change]:
    """Every change to the programme in the weeks shown, oldest first, with its reason."""
    found = []
    for change in progress.changes:
        move = known.moves.get(change.move)
        if move is None or change.at.date() < since:
            continue
        ladder = doses.dose_ladder(move)
        found.append(Change(change.at, move.name, str(ladder.value(change.before)),
                            doses.describe(ladder.measure, ladder.value(change.after)),
                            change.why))
    return found


def events(rows: Sequence[SessionRow], checkins: Sequence[Checkin], since: date
           ) -> list[Event]:
    """The safety advice stretch showed in the weeks shown, oldest first: the red flags
    after a rating of HIGH or more, and the advice to stop and get help."""
    found = []
    for row in rows:
        for when, rating in (("before", row.pain_before), ("after", row.pain_after)):
            if rating is not None and rating >= rules.HIGH:
                found.append(Event(row.started, "safety", f"Back at {rating}/10 {when} "
                                   f"{printable(row.title)}: the red flags were shown"))
    for checkin in checkins:
        if checkin.rating >= rules.HIGH:
            found.append(Event(checkin.at, "safety", f"Check-in of {checkin.rating}/10: the "
                               "red flags were shown"))
    for first, second in itertools.pairwise(rows):
        if all((rules.rise(r) or 0) >= rules.STOP for r in (first, second)):
            found.append(Event(second.started, "advice", f"{rules.STOP} or more points worse "
                               "after two sessions in a row: advised to stop these exercises "
                               "and get advice"))
    return sorted((e for e in found if e.at.date() >= since), key=lambda e: e.at)


def day_names(days: Sequence[str]) -> str:
    """'Mon, Wed'."""
    return ", ".join(d.capitalize() for d in days if d in WEEKDAYS)
