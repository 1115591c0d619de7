"""`checkin` and `progress`: a rating at any time, and how the person's programme stands.

What the coach says and decides lives in `stretch.coach`; these only gather the inputs
(the log read once, the catalogue loaded once) and show the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretch.commands.common import catalogue, catalogue_or_builtin, open_history, timings

if TYPE_CHECKING:
    from stretch.output import Terminal


def checkin(term: Terminal, rating: int, note: str | None) -> None:
    """Record a rating now; say what it changes, and point to help when it is high."""
    from stretch import wallclock
    from stretch.coach.levels import Log
    from stretch.coach.rules import HIGH
    from stretch.coach.talk import Coach
    from stretch.history import checkins

    now = wallclock.local_now().replace(microsecond=0)
    with open_history(term) as history:  # kept first: a check-in needs no catalogue
        log = Log.read(history)
        checkins.add(history, at=now, rating=rating, note=note)
    term.say(f"Noted: your back at {rating}/10 at {now:%H:%M}.")
    coach = Coach(term, catalogue_or_builtin(term), log)
    coach.explain(coach.checked_in(now, rating))
    if rating >= HIGH:
        coach.high_pain(rating, timings())


def progress(term: Terminal, *, as_json: bool) -> None:
    from stretch import wallclock
    from stretch.coach import doses
    from stretch.coach.levels import Log, replay_log
    from stretch.coach.progress import MoveDose, Report
    from stretch.coach.rules import ADVICE, needs_advice
    from stretch.history import goals, trend
    from stretch.output import emit_json
    from stretch.views.progress import progress_json, progress_view

    known = catalogue()
    today = wallclock.local_now().date()
    with open_history(term) as history:
        log = Log.read(history)
        found = goals.read(history)
    levels = replay_log(known, log)
    used = {m.id: m for r in known.routines.values() for m in r.moves}
    before, after = trend.ratings(log.sessions, log.checkins)
    report = Report(
        moves=[MoveDose(m, doses.dose_ladder(m), levels.levels.get(m.id, 0),
                        levels.last_change(m.id)) for m in used.values()],
        checkins=log.checkins, weeks=trend.weekly(before, after, today),
        outcome=trend.outcome(before, today),
        advice=ADVICE if needs_advice(log.sessions) else None, goals=found,
    )
    if as_json:
        emit_json(progress_json(report))
    else:
        term.show(progress_view(report, boxed=not term.boxless))
