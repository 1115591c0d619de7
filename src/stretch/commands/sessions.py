"""`run` and `today`: choose a routine with the person, then hand it to the session runner."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING

from stretch import text
from stretch.commands.common import catalogue, lookup, open_history, routine, timings

if TYPE_CHECKING:
    from rich.console import RenderableType

    from stretch.history.store import History
    from stretch.model import Catalogue, Routine
    from stretch.output import Terminal
    from stretch.session.options import Options

DESK_BREAK = "desk-break"
NOT_TODAY = "Not today: nothing was logged."


def ask(term: Terminal, question: str, *, default: bool) -> bool:
    """A yes/no question, answered on one key at a terminal (Enter, Escape and Ctrl-D take
    the default) and with a line otherwise."""
    from stretch.session.rating import ask_yes_no

    return ask_yes_no(term, question, default=default)


@contextmanager
def before_starting(term: Terminal) -> Iterator[None]:
    """Ctrl-C before a session starts ends with a line saying so, not in silence."""
    try:
        yield
    except KeyboardInterrupt:
        term.out.print(NOT_TODAY)
        raise


def session(term: Terminal, known: Catalogue, chosen: Routine, options: Options) -> None:
    """Guide and log one session, with the coach around it (check-ins and the person's
    doses); a line to say so when the person decides not to start."""
    from stretch.commands import coaching
    from stretch.session.runner import run_routine

    with open_history(term) as history:
        with before_starting(term):
            ready = (coaching.before(term, known, chosen, history, options)
                     if _first_time(term, known, chosen, history, options) else None)
        if ready is None:
            term.out.print(NOT_TODAY)
            return
        dosed, options = ready
        logged = run_routine(known, dosed, history, options, term)
        coaching.after(term, history, logged, options)


def _first_time(term: Terminal, known: Catalogue, chosen: Routine, history: History,
                options: Options) -> bool:
    """Before the very first session: the safety note and, at a terminal, what is about to
    start and whether to; the emergency signs come last, on screen at the question. False
    when the person says no."""
    if history.count() or known.notes is None:
        return True
    from stretch import safety
    from stretch.commands import coaching
    from stretch.commands.coach import at_levels, levels_in
    from stretch.session.runner import fitted, today_line

    coaching.first_time(term)
    term.out.print(safety.safety_compact(known.notes))
    if not term.interactive:
        return True
    mine = at_levels(chosen, levels_in(known, history))
    term.out.print(today_line(fitted(mine, history, options), options))
    return ask(term, "Ready to start?", default=True)


def run(term: Terminal, name: str | None, options: Options) -> None:
    known = catalogue()
    if name is None:
        with before_starting(term):
            name = pick_routine(term, known)
    session(term, known, routine(known, name), options)


def pick_routine(term: Terminal, known: Catalogue) -> str:
    """A numbered list of routines with their minutes at the person's doses (as `list`
    gives them); the answer is a number, or a name, its title or the start of either."""
    from rich.text import Text

    from stretch.errors import StretchError, UsageProblem

    if not term.interactive:
        raise UsageProblem("name a routine to run (see `stretch list`): no terminal to ask in")
    routines = list(known.routines.values())
    term.out.print(_choices(term, known))
    while True:
        try:
            answer = term.out.input(Text("Which routine? (number or name) ")).strip()
        except EOFError:
            term.out.print()  # end the prompt's line before the error
            raise StretchError("no routine chosen") from None
        except KeyboardInterrupt:
            term.out.print()  # and before the line saying nothing was logged
            raise
        if answer.isdigit() and 1 <= int(answer) <= len(routines):
            return routines[int(answer) - 1].id
        found = lookup(known.routines, answer, lambda r: r.title, prefix=True)
        if found is not None:
            return found.id
        term.note(f"Type a number from 1 to {len(routines)}, or a name (its start will do).")


def _choices(term: Terminal, known: Catalogue) -> RenderableType:
    """'  1  Hip reset (hip-reset)   13 min', a row per routine."""
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from stretch import views
    from stretch.commands.coach import at_levels, levels
    from stretch.plan import plan

    plans, mine = timings(), levels(term, known)
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold")
    table.add_column()
    table.add_column(justify="right")
    for number, each in enumerate(known.routines.values(), 1):
        row = views.routine_row(each, plan(at_levels(each, mine), plans))
        table.add_row(str(number), Text.assemble(f"{each.title} ", (f"({each.id})", "dim")),
                      f"{row['minutes']} min")
    return Padding(table, (0, 0, 0, 2))


def today(term: Terminal, options: Options, *, preview: bool, as_json: bool) -> None:
    from stretch import wallclock

    known = catalogue()
    now = wallclock.local_now()
    if preview or as_json:
        preview_today(term, known, now, options, as_json=as_json)
        return
    with open_history(term) as history, before_starting(term):
        chosen = choose_today(term, known, history, now)
    if chosen is not None:
        session(term, known, chosen, options)


def choose_today(term: Terminal, known: Catalogue, history: History, now: datetime
                 ) -> Routine | None:
    """Today's routine from the week plan, after checking rest days and what is done."""
    from rich.text import Text

    from stretch.history.calendar import done_today, today

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
    from stretch.history.calendar import routine_on
    from stretch.model import WEEKDAYS
    from stretch.output import emit_json

    chosen = routine_on(known, now.date())
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
