"""`stretch sheet`: the printable routine sheet, printed or written to a file atomically."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from stretch.commands.common import catalogue, routine, timings

if TYPE_CHECKING:
    from stretch.output import Terminal
    from stretch.sheet.render import Form


def sheet(term: Terminal, name: str, *, form: Form | None, output: Path | None,
          force: bool) -> None:
    from rich.text import Text

    from stretch.commands.coach import personal
    from stretch.sheet.render import choose_form, render

    known = catalogue()
    chosen = personal(term, known, routine(known, name))  # the person's doses
    kind = choose_form(form, output, interactive=term.stdout_tty)
    if output is None:
        render(chosen, known, kind, term.out, timings())
        return
    from stretch.files import write_atomically

    write_atomically(output, render(chosen, known, kind, None, timings()), force=force)
    term.out.print(Text(f"Wrote the {kind} sheet for {chosen.title} to {output}"),
                   soft_wrap=True)
