"""After a session: the "after" rating and, for a person whose pain, tingling or numbness
spreads down a leg, whether it spread further; each written at once; then what they
change (moves that step back, moves left out next time) and the advice that applies.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from stretch.coach import rules
from stretch.coach.talk import Coach
from stretch.text_safety import SORE_AFTER

if TYPE_CHECKING:
    from stretch.history.rows import SessionRow
    from stretch.history.store import History
    from stretch.session.options import Options

AFTER = "And now?"
LEG = "Did it spread further down your leg?"
NAMED = 3  # moves named in "next time, A, B, C and 2 more step back"; the rest are counted


def finish(coach: Coach, history: History, row: SessionRow, options: Options) -> None:
    """Ask, write, and say what the answers change."""
    asking = coach.term.interactive and not options.demo
    pain = options.pain_after
    if pain is None and asking and options.settings.values.checkin:
        pain = coach.rate(AFTER)
    if pain is not None:
        history.rate_after(row.id, pain)
        row = replace(row, pain_after=pain)
    leg = options.leg_worse
    if leg is None and asking and coach.profile.leg_symptoms:
        leg = coach.ask(LEG, False)
    if leg is not None:
        history.leg_after(row.id, leg)
        row = replace(row, leg_worse=leg)
    if options.demo:
        return
    _what_it_changes(coach, row)
    if pain is not None and pain >= rules.HIGH:
        coach.red_flags(SORE_AFTER, short=False)
        coach.term.say(f"Your back is at {pain}/10 after this session. Rest it today; if "
                       "it does not settle, or a sign above appears, get advice.")
    if rules.needs_advice([row, *coach.log.sessions]):
        coach.advise()


def _what_it_changes(coach: Coach, row: SessionRow) -> None:
    """The session added to the replay it started from, and what that changed, in a
    line or two."""
    from stretch.text import run_of

    progress = coach.progress or coach.replay()
    known = len(progress.changes)
    was_out = progress.leg_out
    progress.logged(row)
    said, why = rules.verdict(row, checkins_on=coach.checkins_on)
    if said != "bad":
        return
    names = list(dict.fromkeys(  # a move steps back once for a session
        coach.known.moves[c.move if c.kind == "dose" else c.replaced or c.move].name
        for c in progress.changes[known:] if c.why == why))
    lead = _lead(row)
    if names:
        steps = "steps" if len(names) == 1 else "step"
        coach.term.say(f"{lead}: next time, {run_of(names, NAMED)} {steps} back one level.")
    else:
        coach.term.say(f"{lead}; this session's doses are already at their lowest.")
    if row.leg_worse:
        _leg(coach, progress.leg_out and not was_out)


def _lead(row: SessionRow) -> str:
    """What made the session step back, as the person just told it."""
    if row.leg_worse:
        return "Pain, tingling or numbness spread further down your leg"
    if row.pain_after is not None and row.pain_after >= rules.TOO_MUCH:
        return f"Your back is at {row.pain_after}/10 after this session"
    return f"Your back is {rules.rise(row)} points worse than before"


def _leg(coach: Coach, newly: bool) -> None:
    """Which moves are left out while the leg settles, and the advice."""
    from stretch.coach.levels import LEG_LOAD
    from stretch.text import listing

    out = [m.name for m in coach.known.moves.values() if set(m.asks) & LEG_LOAD]
    if newly and out:
        coach.term.say(f"Left out until your leg settles: {listing(out)} (they load the "
                       f"nerve at the back of the hip). {rules.LEG_CLEAR} sessions in a row "
                       "with your leg no worse bring them back.")
    coach.term.say(rules.LEG_ADVICE, style="bold")
