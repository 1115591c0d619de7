"""The clinician's report command."""

from __future__ import annotations

from typing import Annotated

import typer

from stretch.cli.app import app, command
from stretch.cli.params import FileOption, ForceOption, between


@app.command()
def report(
    weeks: Annotated[
        int, typer.Option("--weeks", parser=between(int, 1, 104, "a number of weeks"),
                          metavar="1-104", help="How many weeks the report covers, up to "
                          "this one.")
    ] = 12,
    output: FileOption = None,
    force: ForceOption = False,
) -> None:
    """A printable report for your physiotherapist.

    One HTML page (two printed pages at most): the programme now against where it
    started, sessions week by week, every dose change and why, the pain trend, events,
    goals and check-in notes."""
    with command() as term:
        from stretch.commands import report as reports

        reports.report(term, weeks=weeks, output=output, force=force)
