"""The sheet command."""

from datetime import date
from typing import Annotated

import typer

from stretch.cli.app import app, command
from stretch.cli.params import DATE_FORM, RoutineName, a_date
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
    person: Annotated[
        str | None,
        typer.Option("--for", metavar="NAME", show_default=False,
                     help="Who the sheet is for, at its top (default: name in config.toml)."),
    ] = None,
    clinician: Annotated[
        str | None,
        typer.Option("--by", metavar="NAME", show_default=False,
                     help="Who gave it: your physiotherapist or doctor, at its top."),
    ] = None,
    review: Annotated[
        date | None,
        typer.Option("--review", parser=a_date, metavar="DATE", show_default=False,
                     help=f"When to review the programme together: {DATE_FORM}."),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option("--note", metavar="TEXT", show_default=False,
                     help="A note at the top of the sheet (\"stop the pigeon if the knee "
                     "aches\")."),
    ] = None,
) -> None:
    """The routine sheet, to print or keep.

    A home-exercise handout: each move with its figure and dose, how often, a grid to tick
    off, what to avoid, and the safety note; --for, --by, --review and --note put who it is
    for and from at its top."""
    with command() as term:
        from stretch.commands import sheet as sheets

        sheets.sheet(term, name, form=form, output=output, force=force, person=person,
                     clinician=clinician, review=review, note=note)
