"""The coach's commands: a check-in at any time, and the progress report."""

from __future__ import annotations

from typing import Annotated

import typer

from stretch.cli.app import app, command
from stretch.cli.params import JsonOption, rating


@app.command(context_settings={"ignore_unknown_options": True})  # `checkin -1`: a bad rating
def checkin(
    pain: Annotated[
        int,
        typer.Argument(parser=rating, metavar="N", show_default=False,
                       help="How your back is right now: 0 (no pain) to 10 (the worst)."),
    ],
    note: Annotated[
        str | None,
        typer.Option("--note", "-n", show_default=False,
                     help="A few words to keep with it (\"stiff after the drive\")."),
    ] = None,
) -> None:
    """Record how your back is right now, 0-10 (a morning check, say)."""
    with command() as term:
        from stretch.commands import coach

        coach.checkin(term, pain, note)


@app.command()
def progress(as_json: JsonOption = False) -> None:
    """Your dose of each move against the catalogue's, why it changed, and your pain trend."""
    with command() as term:
        from stretch.commands import coach

        coach.progress(term, as_json=as_json)
