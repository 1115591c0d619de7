"""`checkin` and `progress`: a rating at any time, and how the person's programme stands.

What the coach says and decides lives in `stretch.coach`; these only gather the inputs
(the log read once, the catalogue loaded once) and show the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretch.commands.common.basics import (
    catalogue,
    catalogue_or_builtin,
    open_history,
    settings,
    timings,
)
from stretch.commands.common.person import profile

if TYPE_CHECKING:
    from stretch.coach.progress import MoveDose
    from stretch.coach.replay import Progress
    from stretch.model import Catalogue, Move
    from stretch.output import Terminal


def checkin(term: Terminal, rating: int, note: str | None, *, not_exercise: bool) -> None:
    """Record a rating now (asking, for a high one the day after a session, whether its
    pain came from something else); say what it changes, and offer help when it is high."""
    from stretch import wallclock
    from stretch.coach.levels import Log
    from stretch.coach.rules import FLARE_PLAN
    from stretch.coach.talk import ELSEWHERE, Coach
    from stretch.history import checkins
    from stretch.session.rating import ask_yes_no
    from stretch.text_safety import SORE_NOW

    now = wallclock.local_now().replace(microsecond=0)
    with open_history(term) as history:  # kept first: a check-in needs no catalogue
        log = Log.read(history)
        coach = Coach(term, catalogue_or_builtin(term), log, profile(),
                      checkins_on=settings().values.checkin)
        if not not_exercise and term.interactive and coach.next_day_high(rating):
            not_exercise = ask_yes_no(term, ELSEWHERE, default=False)
        checkins.add(history, at=now, rating=rating, note=note, not_exercise=not_exercise)
    term.say(f"Noted: your back at {rating}/10 at {now:%H:%M}.")
    progress = coach.replay()
    changes, events = len(progress.changes), len(progress.events)
    progress.rating(now, rating, elsewhere=not_exercise)
    coach.explain(progress.changes[changes:])
    for event in progress.events[events:]:
        coach.term.say(f"This looks like {event.said}." if event.kind == "flare"
                       else event.said[0].upper() + event.said[1:] + ".")
    if rating >= FLARE_PLAN or progress.flare.on:
        coach.high_pain(rating, timings(), heading=SORE_NOW, short=False,
                        flare_since=progress.flare.since)


def progress(term: Terminal, *, as_json: bool) -> None:
    from stretch import wallclock
    from stretch.coach.levels import Log, Standing, replay_log
    from stretch.coach.progress import Report
    from stretch.coach.rules import ADVICE, needs_advice
    from stretch.history import goals, trend
    from stretch.output import emit_json
    from stretch.views.progress import progress_json, progress_view

    known = catalogue()
    today = wallclock.local_now().date()
    with open_history(term) as history:
        log = Log.read(history)
        found = goals.read(history)
    person = profile()
    levels = replay_log(known, log, person, checkins_on=settings().values.checkin)
    standing = Standing.of(levels, person)
    used = {rung.id: rung for r in known.routines.values() for m in r.moves
            if (rung := standing.rung_for(known, m)) is not None}
    before, after = trend.ratings(log.sessions, log.checkins)
    report = Report(
        moves=[_dose(known, m, levels) for m in used.values()],
        checkins=log.checkins, weeks=trend.weekly(before, after, today),
        outcome=trend.outcome(before, today),
        advice=ADVICE if needs_advice(log.sessions) else None,
        events=levels.events, goals=found,
    )
    if as_json:
        emit_json(progress_json(report))
    else:
        term.show(progress_view(report, boxed=not term.boxless))


def _dose(known: Catalogue, move: Move, progress: Progress) -> MoveDose:
    """One move as it stands, with the move it took the place of when its last change
    was that."""
    from stretch.coach import doses
    from stretch.coach.progress import MoveDose

    change = progress.last_change(move.id)
    old = known.moves.get(change.replaced or "") if change is not None else None
    return MoveDose(move, doses.dose_ladder(move), progress.levels.get(move.id, 0), change,
                    old.name if old is not None else None)
