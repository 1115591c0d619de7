"""The clinician's report: everything it shows, gathered once from the log.

For the weeks asked (12 by default, ending this week): the programme as it runs now
against where it was at the start of those weeks (or at the person's first session), how
often the plan was kept week by week, every change of dose with its reason, the pain
trend, events (leg symptoms, flares, safety advice shown), goals and check-in notes.
The form (html.py) only lays this out. Derived from the log as the coach derives it, so
the report, `progress` and the session always agree.

The programme is the person's: replayed with their profile, each routine at their rungs
and doses (`Standing.routine`), each day judged by the plan in force that day (`Plans`).
A move swapped for its easier or harder one is a `Change` of kind "ladder"; leg symptoms
and flares are `Event`s beside the safety advice.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from stretch.coach import doses, rules
from stretch.coach.levels import Log, Standing, replay_log
from stretch.coach.profile import Profile
from stretch.coach.replay import Progress
from stretch.errors import printable
from stretch.history import trend
from stretch.history.calendar import done_on, routine_on
from stretch.history.checkins import Checkin
from stretch.history.goals import Goal
from stretch.history.plans import Plans
from stretch.history.rows import SessionRow, real
from stretch.model import REST_DAY, WEEKDAYS, Catalogue, Move
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
    """A week (or a few) of the plan: days planned so far, those done (`done_on`), and
    sessions stopped or cut short."""

    start: date
    end: date
    planned: int
    done: int
    stopped: int
    minutes: float


@dataclass(frozen=True, slots=True)
class Change:
    """A change to the programme with its reason: a dose, or (`kind` "ladder") a move
    taking another's place (`before` names the move it replaced)."""

    at: datetime
    name: str
    before: str
    after: str
    why: str
    kind: str = "dose"


@dataclass(frozen=True, slots=True)
class Event:
    """Something a clinician should see: safety advice shown, leg symptoms that spread
    (and the moves coming back), a flare (and its settling)."""

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


@dataclass(frozen=True, slots=True)
class Person:
    """Who the report is about: the name to print, their answers to the intake, whether
    check-ins are on (the coach's rules depend on it) and their plans over time."""

    name: str | None
    profile: Profile
    checkins_on: bool = True
    plans: Plans | None = None


def build(*, known: Catalogue, log: Log, goals: Sequence[Goal], now: datetime, weeks: int,
          person: Person, timings: Timings) -> Report:
    """The report of the `weeks` weeks up to `now` (its offset is the day's); `known`
    carries the person's week plan."""
    today = now.date()
    since = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    start = datetime.combine(since, time(0), tzinfo=now.tzinfo)
    earlier = Log([s for s in log.sessions if s.started < start],
                  [c for c in log.checkins if c.at < start])
    then, mine = (replay_log(known, part, person.profile, checkins_on=person.checkins_on)
                  for part in (earlier, log))
    was, now_at = Standing.of(then, person.profile), Standing.of(mine, person.profile)
    rows = real(log.sessions)
    shown = tuple(r for r in rows if since <= r.day <= today)
    before, after = trend.ratings(log.sessions, log.checkins)
    return Report(
        person=person.name, made=today, since=since,
        started=rows[0].day if rows else None, weeks=weeks,
        routines=_routines(known, was, now_at, timings),
        moves=_moves(known, was, now_at, mine, since),
        periods=tuple(_periods(known, person.plans, rows, since=since, today=today,
                                  weeks=weeks)),
        sessions=shown,
        changes=tuple(changes(known, mine, since)),
        pain=tuple(trend.weekly(before, after, today, weeks)),
        pain_sentence=trend.sentence(trend.outcome(before, today)),
        events=tuple(events(rows, log.checkins, mine, since)),
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


def _routines(known: Catalogue, then: Standing, now: Standing, timings: Timings
              ) -> tuple[RoutineRow, ...]:
    def minutes(routine_id: str, standing: Standing) -> float:
        mine, _ = standing.routine(known, known.routines[routine_id])
        return total_seconds(timed_steps(mine, timings)) / 60

    return tuple(RoutineRow(known.routines[r].title, r, tuple(days), minutes(r, then),
                            minutes(r, now)) for r, days in planned_days(known).items())


def _moves(known: Catalogue, then: Standing, now: Standing, progress: Progress,
           since: date) -> tuple[MoveRow, ...]:
    """Each move of the plan's routines as the person does it now (their rung of its
    ladder), with its dose then (naming the move then when it was another) and now."""
    seen: dict[str, MoveRow] = {}
    for routine in planned_days(known):
        for named in known.routines[routine].moves:
            rung_now, rung_then = now.rung_for(known, named), then.rung_for(known, named)
            if rung_now is None or rung_now.id in seen:
                continue
            last = progress.last_change(rung_now.id)
            then_said = "left out" if rung_then is None else _dose(rung_then, then)
            if rung_then is not None and rung_then.id != rung_now.id:
                then_said = f"{rung_then.name}, {then_said}"
            seen[rung_now.id] = MoveRow(
                rung_now.name, then_said, _dose(rung_now, now),
                last.at.date() if last is not None and last.at.date() >= since else None)
    return tuple(seen.values())


def _dose(move: Move, standing: Standing) -> str:
    ladder = doses.dose_ladder(move)
    return doses.describe(ladder.measure, ladder.value((standing.levels or {}).get(move.id, 0)))


def _periods(known: Catalogue, plans: Plans | None, rows: Sequence[SessionRow], *,
             since: date, today: date, weeks: int) -> list[Period]:
    """Week by week (or, past WEEK_ROWS weeks, BLOCK weeks a row): planned days up to
    today (by the plan in force each day), the planned days done (`done_on`, as the week's
    ticks and the streak count them), the sessions stopped or cut short."""
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
            routine = routine_on(known, day, plans)
            sessions = by_day.get(day, [])
            if routine is not None:
                planned += 1
                done += done_on(sessions, day) is not None
            stopped += sum(s.status in ("stopped", "interrupted") for s in sessions)
            seconds += sum(s.active_seconds for s in sessions)
            day += timedelta(days=1)
        periods.append(Period(start, end, planned, done, stopped, seconds / 60))
    return periods


def changes(known: Catalogue, progress: Progress, since: date) -> list[Change]:
    """Every change to the programme in the weeks shown, oldest first, with its reason."""
    found = []
    for change in progress.changes:
        move = known.moves.get(change.move)
        if move is None or change.at.date() < since:
            continue
        ladder = doses.dose_ladder(move)
        dose = doses.describe(ladder.measure, ladder.value(change.after))
        if change.kind == "rung":
            old = known.moves.get(change.replaced or "")
            found.append(Change(change.at, move.name, old.name if old else "another move",
                                f"{move.name}, {dose}", change.why, "ladder"))
        else:
            found.append(Change(change.at, move.name, str(ladder.value(change.before)), dose,
                                change.why))
    return found


COACH_EVENTS = {"leg": "Leg symptoms spread", "leg-clear": "Leg settled",
                "flare": "Flare", "flare-end": "Flare settled"}


def events(rows: Sequence[SessionRow], checkins: Sequence[Checkin], progress: Progress,
           since: date) -> list[Event]:
    """What a clinician should see in the weeks shown, oldest first: the red flags shown
    after a rating of HIGH or more, the advice to stop and get help, and what the coach
    noticed (leg symptoms that spread and settled, flares and their end)."""
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
    for news in progress.events:
        found.append(Event(news.at, news.kind, f"{COACH_EVENTS[news.kind]}: {news.said}"))
    return sorted((e for e in found if e.at.date() >= since), key=lambda e: e.at)


def day_names(days: Sequence[str]) -> str:
    """'Mon, Wed'."""
    return ", ".join(d.capitalize() for d in days if d in WEEKDAYS)
