"""The coach's commands: a check-in at any time, and the progress report."""

from __future__ import annotations

from typing import Annotated

import typer

from stretch.cli.app import app, command
from stretch.cli.params import JsonOption, rating
from stretch.vocab import PAIN_WORDS


@app.command(context_settings={"ignore_unknown_options": True})  # `checkin -1`: a bad rating
def checkin(
    pain: Annotated[
        int,
        typer.Argument(parser=rating, metavar="N", show_default=False,
                       help=f"How your back is right now: {PAIN_WORDS}."),
    ],
    note: Annotated[
        str | None,
        typer.Option("--note", "-n", show_default=False,
                     help="A few words to keep with it (\"stiff after the drive\")."),
    ] = None,
    not_exercise: Annotated[
        bool,
        typer.Option("--not-exercise",
                     help="The pain came from something else (moving a sofa): it steps "
                     "nothing back."),
    ] = False,
) -> None:
    """Record how your back is now, 0-10.

    0 is no pain, 10 the worst you can imagine: a morning check, say. Your doses follow
    these ratings (see `stretch progress`)."""
    with command() as term:
        from stretch.commands import coach

        coach.checkin(term, pain, note, not_exercise=not_exercise)


@app.command()
def progress(as_json: JsonOption = False) -> None:
    """Your doses, why they changed, your pain.

    Each move's dose for you against the catalogue's and why it last changed, your
    check-ins, and your pain week by week over the last 12 weeks."""
    with command() as term:
        from stretch.commands import coach

        coach.progress(term, as_json=as_json)
