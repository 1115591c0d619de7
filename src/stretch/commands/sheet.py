"""`stretch sheet`: the printable routine sheet, printed or written to a file atomically."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretch.commands.common.basics import catalogue, output_file, routine, settings, timings
from stretch.commands.common.person import personal

if TYPE_CHECKING:
    from datetime import date

    from stretch.output import Terminal
    from stretch.sheet.render import Form


def sheet(term: Terminal, name: str, *, form: Form | None, output: str | None,
          force: bool, person: str | None = None, clinician: str | None = None,
          review: date | None = None, note: str | None = None) -> None:
    """Print the sheet, or write it to `output` ('-' is standard output); `person` (else
    `name` in config.toml), `clinician`, `review` and `note` go at its top."""
    from stretch import wallclock
    from stretch.sheet.model import Handout
    from stretch.sheet.render import choose_form, render

    target = output_file(output)
    known = catalogue()
    chosen = personal(term, known, routine(known, name))  # the person's doses
    kind = choose_form(form, target, interactive=term.stdout_tty)
    handout = Handout(person=_given(person) or settings().values.name,
                      clinician=_given(clinician), review=review, note=_given(note),
                      dated=wallclock.local_now().date())
    if target is None:
        render(chosen, known, kind, term.out, timings(), handout=handout)
        return
    from stretch.files import write_atomically

    write_atomically(target, render(chosen, known, kind, None, timings(), handout=handout),
                     force=force)
    term.say(f"Wrote the {kind} sheet for {chosen.title} to {target}", soft_wrap=True)


def _given(value: str | None) -> str | None:
    """A name or note as given, None when it is only spaces."""
    return value.strip() if value is not None and value.strip() else None
