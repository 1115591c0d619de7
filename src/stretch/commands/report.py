"""`stretch report`: a printable summary of the programme for a clinician, as one HTML page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretch.commands.common.basics import (
    catalogue,
    open_history,
    output_file,
    settings,
    timings,
    write_out,
)
from stretch.commands.common.person import planned, plans_noted, profile

if TYPE_CHECKING:
    from stretch.output import Terminal


def report(term: Terminal, *, weeks: int, output: str | None, force: bool) -> None:
    """The report of the last `weeks` weeks, printed or written to a file whole."""
    from stretch import wallclock
    from stretch.coach.levels import Log, Standing
    from stretch.errors import UsageProblem
    from stretch.history import goals
    from stretch.report.html import html
    from stretch.report.model import Person, build

    target = output_file(output)
    if target is None and output is None and term.stdout_tty:
        raise UsageProblem("the report is a web page to print: write it with -o report.html "
                           "(or -o - to print its HTML here)")
    person, values, now = profile(), settings().values, wallclock.local_now()
    with open_history(term) as history:
        log, found = Log.read(history), goals.read(history)
        known = planned(catalogue(), Standing(person))
        plans = plans_noted(history, known, now.date())
    made = build(known=known, log=log, goals=found, now=now, weeks=weeks, timings=timings(),
                 person=Person(values.name, person, values.checkin, plans))
    page = html(made)
    write_out(term, target, page, force=force,
              said=f"Wrote the report of the last {weeks} weeks to {target}: open it in a browser "
                   "and print it (two pages at most)")
