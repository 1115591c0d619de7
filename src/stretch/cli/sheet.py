"""The sheet command."""

from typing import Annotated

import typer

from stretch.cli.app import app, command
from stretch.cli.params import RoutineName
from stretch.sheet.render import Form


@app.command()
def sheet(
    name: RoutineName,
    form: Annotated[
        Form | None,
        typer.Option(
            "--format", "-f", case_sensitive=False, show_default=False,
            help="terminal, text, markdown or html (default: terminal on a screen, text "
            "in a pipe, or from the -o file's extension).",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", show_default=False, metavar="FILE",
                     help="Write the sheet to this file (atomically) instead of printing it; "
                     "'-' prints it."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the -o file if it already exists.")
    ] = False,
) -> None:
    """The routine sheet, to print or keep.

    A home-exercise handout: each move with its figure and dose, how often, a grid to tick
    off, what to avoid, and the safety note."""
    with command() as term:
        from stretch.commands import sheet as sheets

        sheets.sheet(term, name, form=form, output=output, force=force)
