"""Pick a sheet's form and produce it: printed to a console, or as text for a file."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from stretch import sheet as sheets
from stretch.errors import UnknownName
from stretch.model import Catalogue, Routine
from stretch.plan import PlanSettings
from stretch.sheet_html import html

EXTENSIONS = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown",
              ".txt": "text"}


def choose_format(form: str | None, output: Path | None, *, interactive: bool) -> str:
    """The form asked for; else from the file's extension; else terminal on a screen."""
    if form is not None:
        if form not in sheets.FORMATS:
            raise UnknownName("format", form, sheets.FORMATS)
        return form
    if output is not None:
        return EXTENSIONS.get(output.suffix.lower(), "text")
    return "terminal" if interactive else "text"


def render(
    routine: Routine, catalogue: Catalogue, form: str, out: Console | None,
    settings: PlanSettings | None = None,
) -> str:
    """The sheet in `form`; printed to `out` when given, and returned as text."""
    built = sheets.build(routine, catalogue, settings)
    if form == "terminal":
        target = out or Console(file=io.StringIO(), width=80, color_system=None)
        target.print(sheets.terminal(built), width=min(80, target.width))
        return "" if out else target.file.getvalue()  # type: ignore[attr-defined]
    text = {"text": sheets.text, "markdown": sheets.markdown, "html": html}[form](built)
    if out is not None:
        out.file.write(text)
    return text
