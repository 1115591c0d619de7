"""`stretch sheet`: the printable routine sheet, printed or written to a file atomically."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretch.commands.common import catalogue, output_file, personal, routine, timings

if TYPE_CHECKING:
    from stretch.output import Terminal
    from stretch.sheet.render import Form


def sheet(term: Terminal, name: str, *, form: Form | None, output: str | None,
          force: bool) -> None:
    """Print the sheet, or write it to `output` ('-' is standard output)."""
    from stretch.sheet.render import choose_form, render

    target = output_file(output)
    known = catalogue()
    chosen = personal(term, known, routine(known, name))  # the person's doses
    kind = choose_form(form, target, interactive=term.stdout_tty)
    if target is None:
        render(chosen, known, kind, term.out, timings())
        return
    from stretch.files import write_atomically

    write_atomically(target, render(chosen, known, kind, None, timings()), force=force)
    term.say(f"Wrote the {kind} sheet for {chosen.title} to {target}", soft_wrap=True)

