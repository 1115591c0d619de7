"""Pick a sheet's form and produce it: printed to a console, or as text for a file."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from rich.console import Console

    from stretch.model import Catalogue, Routine
    from stretch.plan import Timings
    from stretch.sheet.model import Handout

Form = Literal["terminal", "text", "markdown", "html"]
FORMS: tuple[Form, ...] = get_args(Form)
EXTENSIONS: dict[str, Form] = {".html": "html", ".htm": "html", ".md": "markdown",
                               ".markdown": "markdown", ".txt": "text"}


def choose_form(form: Form | None, output: Path | None, *, interactive: bool) -> Form:
    """The form asked for; else from the file's extension (none: text); else terminal on
    a screen. An extension no form writes (.pdf) is a usage error naming the forms."""
    if form is not None:
        return form
    if output is not None:
        suffix = output.suffix.lower()
        if suffix and suffix not in EXTENSIONS:
            from stretch.errors import UsageProblem

            shown = ", ".join(EXTENSIONS)
            if suffix == ".pdf":  # the one people ask for: the browser makes it
                html = output.with_suffix(".html")
                raise UsageProblem(f"stretch does not write PDF: write {html} and print it to "
                                   "PDF from your browser (Ctrl-P, then Save as PDF)")
            raise UsageProblem(f"no sheet form writes {suffix} files: name the file with "
                               f"{shown}, or choose one with --format ({'|'.join(FORMS)})")
        return EXTENSIONS.get(suffix, "text")
    return "terminal" if interactive else "text"


def render(routine: Routine, catalogue: Catalogue, form: Form, out: Console | None,
           settings: Timings, *, handout: Handout | None = None) -> str:
    """The sheet in `form`; printed to `out` when given, and returned as text."""
    from stretch.sheet.model import build

    built = build(routine, catalogue, settings, handout)
    if form == "terminal":
        from rich.console import Console

        from stretch.sheet.terminal import terminal

        target = out or Console(file=io.StringIO(), width=80, color_system=None, markup=False)
        target.print(terminal(built), width=min(80, target.width))
        return "" if out else target.file.getvalue()  # type: ignore[attr-defined]
    if form == "html":
        from stretch.sheet.html import html as layout
    elif form == "markdown":
        from stretch.sheet.markdown import markdown as layout
    else:
        from stretch.sheet.plain import plain as layout
    text = layout(built)
    if out is not None:
        out.file.write(text)
    return text
