"""The coach around a session: before it, the check-in, the safety checks and today's
doses with what changed; after it, the second check-in and what it means."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from stretch.commands.coach import explain, high_pain, progress_of, worse

if TYPE_CHECKING:
    from collections.abc import Sequence

    from stretch.history.progression import Progress
    from stretch.history.rows import SessionRow
    from stretch.history.store import History
    from stretch.model import Catalogue, Routine
    from stretch.output import Terminal
    from stretch.session.options import Options
    from stretch.session.runner import Logged

BEFORE = "How is your back right now, 0-10?"
AFTER = "And now?"
FIRST_TIME = "Your doses start low and grow after good sessions (`stretch progress` says why)."
GENTLY = "Start gently?"


def _asking(term: Terminal, options: Options) -> bool:
    """Whether to ask for a rating: a person at a terminal, check-ins on, and a real
    session (a demo's ratings would count for nothing)."""
    return term.interactive and options.settings.values.checkin and not options.demo


def before(term: Terminal, known: Catalogue, chosen: Routine, history: History,
           options: Options) -> tuple[Routine, Options] | None:
    """The routine at today's doses and the options with the "before" rating; None when
    the person decides not to start."""

    from stretch.commands.sessions import ask
    from stretch.dosing import personal
    from stretch.history.progression import HIGH, needs_advice
    from stretch.session.rating import ask_rating

    rows = history.sessions()
    if needs_advice(rows):
        advise(term)
        if term.interactive and not ask(term, "Start anyway?", default=False):
            return None
    pain = options.pain_before
    if pain is None and _asking(term, options):
        pain = ask_rating(term, BEFORE)
    if pain is not None and pain >= HIGH:
        gentler = _gentler(term, known, chosen, pain)
        if gentler is None:
            return None
        chosen = gentler
    levels = _levels(known, history, rows, None if options.demo else pain)
    if rows:
        explain(term, known, levels.since(rows[0].started), about=chosen,
                settings=options.settings.values.plan_settings())
    return personal(chosen, levels.levels), replace(options, pain_before=pain)


def first_time(term: Terminal) -> None:
    """Before the very first session: the doses start low, and where to see why."""
    from rich.text import Text

    term.out.print(Text(FIRST_TIME, style="dim"))


def _gentler(term: Terminal, known: Catalogue, chosen: Routine, pain: int) -> Routine | None:
    """After a high rating: the red flags, and at a terminal a question, so the person has
    time to read them before a full screen covers them: the offer of the gentlest routine,
    or, when this is it, whether to start gently. None when the person says no to that."""
    from stretch.commands.sessions import ask

    gentle = high_pain(term, known, pain)
    if not term.interactive:
        return chosen
    if gentle is not None and gentle.id != chosen.id:
        instead = ask(term, f"Do the {gentle.title.lower()} instead?", default=True)
        return gentle if instead else chosen
    return chosen if ask(term, GENTLY, default=True) else None


def _levels(known: Catalogue, history: History, rows: Sequence[SessionRow],
            pain: int | None) -> Progress:
    """Every move's level, counting the "before" rating just given (a demo's counts for
    nothing) as the day after the last session."""
    from stretch import wallclock
    from stretch.history import checkins

    now = wallclock.local_now().replace(microsecond=0)
    return progress_of(known, rows, checkins.read(history),
                       pending=None if pain is None else (now, pain))


def after(term: Terminal, history: History, logged: Logged, options: Options) -> None:
    """The "after" rating, what it will change, and the advice to stop when it applies."""
    from rich.text import Text

    from stretch.history.progression import HIGH, WORSE, needs_advice
    from stretch.session.rating import ask_rating

    pain = options.pain_after
    if pain is None and _asking(term, options):
        pain = ask_rating(term, AFTER)
    if pain is None:
        return
    history.rate_after(logged.session_id, pain)
    first = options.pain_before
    if first is not None and pain - first >= WORSE and not options.demo:
        term.out.print(Text(worse(history, logged.session_id, first, pain)))
    if pain >= HIGH:
        _high_after(term, pain)
    if needs_advice(history.sessions()):
        advise(term)


def _high_after(term: Terminal, pain: int) -> None:
    """A rating of 8 or more after a session: rest, and the red flags, as before one."""
    from rich.text import Text

    from stretch.commands.coach import red_flags
    from stretch.commands.common import catalogue_or_builtin

    red_flags(term, catalogue_or_builtin(term))
    term.out.print(Text(f"Your back is at {pain}/10 after this session. Rest it today; if "
                        "it does not settle, or a sign above appears, get advice."))


def advise(term: Terminal) -> None:
    from stretch.history.progress_view import advice_panel
    from stretch.history.progression import ADVICE

    term.out.print(advice_panel(ADVICE, boxed=not term.boxless))
