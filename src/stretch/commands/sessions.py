"""`run` and `today`: choose a routine with the person, then hand it to the session runner."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from stretch import text
from stretch.commands.common import catalogue, lookup, open_history, routine

if TYPE_CHECKING:
    from stretch.history.store import History
    from stretch.model import Catalogue, Routine
    from stretch.output import Terminal
    from stretch.session.options import Options

DESK_BREAK = "desk-break"


def ask(term: Terminal, question: str, *, default: bool) -> bool:
    """A yes/no question; Enter takes the default, end of input too."""
    from rich.text import Text

    hint = "[Y/n]" if default else "[y/N]"
    try:
        answer = term.out.input(Text(f"{question} {hint} ")).strip().lower()
    except EOFError:
        return default
    return default if not answer else answer.startswith("y")


def session(term: Terminal, known: Catalogue, chosen: Routine, options: Options) -> None:
    """Guide and log one session; before the very first, the safety note and a question;
    around each, the coach (check-ins and the person's doses)."""
    from stretch.commands import coaching
    from stretch.session.runner import run_routine

    with open_history(term) as history:
        if history.count() == 0 and known.notes is not None:
            from stretch import safety

            term.out.print(safety.safety_view(known.notes, boxed=not term.boxless))
            coaching.first_time(term)
            if term.interactive and not ask(term, "Ready to start?", default=True):
                return
        ready = coaching.before(term, known, chosen, history, options)
        if ready is not None:
            dosed, options = ready
            logged = run_routine(known, dosed, history, options, term)
            coaching.after(term, history, logged, options)


def run(term: Terminal, name: str | None, options: Options) -> None:
    known = catalogue()
    if name is None:
        name = pick_routine(term, known)
    session(term, known, routine(known, name), options)


def pick_routine(term: Terminal, known: Catalogue) -> str:
    """A numbered list of routines; the answer is a number or a name."""
    from rich.text import Text

    from stretch.errors import StretchError, UsageProblem

    if not term.interactive:
        raise UsageProblem("name a routine to run (see `stretch list`): no terminal to ask in")
    routines = list(known.routines.values())
    for number, each in enumerate(routines, 1):
        term.out.print(Text.assemble("  ", (str(number), "bold"), f"  {each.title} ",
                                     (f"({each.id})", "dim")))
    while True:
        try:
            answer = term.out.input(Text("Which routine? (number or name) ")).strip()
        except EOFError:
            term.out.print()  # end the prompt's line before the error
            raise StretchError("no routine chosen") from None
        if answer.isdigit() and 1 <= int(answer) <= len(routines):
            return routines[int(answer) - 1].id
        found = lookup(known.routines, answer, lambda r: r.title)
        if found is not None:
            return found.id
        term.note(f"Type a number from 1 to {len(routines)}, or a name.")


def today(term: Terminal, options: Options, *, preview: bool, as_json: bool) -> None:
    from stretch.history.schedule import local_now

    known = catalogue()
    now = local_now()
    if preview or as_json:
        preview_today(term, known, now, options, as_json=as_json)
        return
    with open_history(term) as history:
        chosen = choose_today(term, known, history, now)
    if chosen is not None:
        session(term, known, chosen, options)


def choose_today(term: Terminal, known: Catalogue, history: History, now: datetime
                 ) -> Routine | None:
    """Today's routine from the week plan, after checking rest days and what is done."""
    from rich.text import Text

    from stretch.history.schedule import done_today, today

    day = today(known, history, now)
    if day.routine is None:
        term.out.print(text.rest_day(now.strftime("%A")), markup=False)
        desk = known.routines.get(DESK_BREAK)
        if desk is None:
            return None
        if not term.interactive:
            term.out.print(f"If you would like to move anyway: stretch run {DESK_BREAK}",
                           markup=False)
            return None
        question = f"Do the {desk.title.lower()} instead?"
        return desk if ask(term, question, default=False) else None
    last = done_today(day)
    if last is not None:
        term.out.print(Text(text.done_today(last.title, last.started.time())))
        if not term.interactive or not ask(term, "Go again?", default=False):
            return None
    return day.routine


def preview_today(term: Terminal, known: Catalogue, now: datetime, options: Options, *,
                  as_json: bool) -> None:
    """Today's routine without starting it: `show` with the day (as JSON, `show`'s fields
    plus the day)."""
    from rich.text import Text

    from stretch.commands.browse import show_routine
    from stretch.commands.coach import personal
    from stretch.history.schedule import plan_for
    from stretch.model import WEEKDAYS
    from stretch.output import emit_json

    chosen = plan_for(known, now.date())
    day = {"day": WEEKDAYS[now.weekday()], "date": now.date().isoformat(),
           "rest": chosen is None}
    if chosen is None:
        if as_json:
            emit_json(day)
        else:
            term.out.print(text.rest_day(now.strftime("%A")), markup=False)
        return
    if not as_json:
        term.out.print(Text(f"Today ({now.strftime('%A')}):", style="bold"))
    show_routine(term, personal(term, known, chosen), options.settings.values.plan_settings(),
                 as_json=as_json, minutes=options.minutes, extra=day, notes=known.notes)
