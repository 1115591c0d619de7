"""Data commands: `export`, `import`, `sync`, and `log` for a session done from the sheet."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Literal

import typer

from stretch.cli.app import app, command
from stretch.cli.params import (
    DATE_FORM,
    FileOption,
    ForceOption,
    PainAfterOption,
    PainBeforeOption,
    RoutineName,
    a_date,
)


@app.command()
def export(
    form: Annotated[
        Literal["jsonl", "csv"] | None,
        typer.Option("--format", "-f", case_sensitive=False, show_default=False,
                     help="jsonl: every record, one JSON object a line (the default); csv: "
                     "the sessions as a table for a spreadsheet (the default for a .csv "
                     "file)."),
    ] = None,
    output: FileOption = None,
    force: ForceOption = False,
) -> None:
    """Your history as a file: to keep, move or open.

    JSON Lines by default: every session, check-in, goal and rating with its id, and each
    dose change with its reason. `stretch import` reads it back on any machine."""
    with command() as term:
        from stretch.commands import data

        data.export(term, form=form, output=output, force=force)


@app.command("import")
def import_(
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE...", show_default=False,
                       help="Files written by `stretch export` (or a sync)."),
    ],
) -> None:
    """Merge exported history into yours.

    Records are matched by id: importing a file twice adds nothing, and a session already
    here is kept as it is. A broken file is refused whole, and nothing changes."""
    with command() as term:
        from stretch.commands import data

        data.import_files(term, files)


@app.command()
def sync(
    folder: Annotated[
        str | None,
        typer.Argument(metavar="[DIR]", show_default=False,
                       help="The folder your machines share (default: sync_folder in "
                       "config.toml)."),
    ] = None,
) -> None:
    """Keep two machines in step through a shared folder.

    Writes this machine's history to its own file in the folder and merges every other
    machine's file there; with sync_folder set, a session syncs as it ends."""
    with command() as term:
        from stretch.commands import data

        data.sync(term, folder)


@app.command("log")
def log_session(
    name: RoutineName,
    day: Annotated[
        date | None,
        typer.Option("--date", parser=a_date, metavar="DATE", show_default=False,
                     help=f"The day you did it: {DATE_FORM} (default: today)."),
    ] = None,
    pain_before: PainBeforeOption = None,
    pain_after: PainAfterOption = None,
) -> None:
    """Log a session you did from the paper sheet.

    It counts as done (the streak, the week's tick, your doses), at the doses you had
    that day, and is marked as logged by hand."""
    with command() as term:
        from stretch.commands import corrections

        corrections.log(term, name, day=day, pain_before=pain_before, pain_after=pain_after)
