"""Browsing commands: list, show, moves, avoid, validate, config."""

from pathlib import Path
from typing import Annotated

import typer

from stretch.cli.app import EXIT_ERROR, app, command
from stretch.cli.params import (
    BellOption,
    GroupOption,
    JsonOption,
    MinutesOption,
    RoutineName,
    VoiceOption,
    complete_move,
)


@app.command("list")
def list_routines(as_json: JsonOption = False) -> None:
    """List the routines: name, title, minutes, muscle groups and where each comes from."""
    with command() as term:
        from stretch.commands import browse

        browse.list_routines(term, as_json=as_json)


@app.command()
def show(
    name: RoutineName,
    as_json: JsonOption = False,
    minutes: MinutesOption = None,
    as_written: Annotated[
        bool, typer.Option("--as-written",
                           help="The catalogue's doses, not yours (see `stretch progress`).")
    ] = False,
) -> None:
    """Show one routine step by step, exactly as it will run for you, with its dose per group."""
    with command() as term:
        from stretch.commands import browse

        browse.show(term, name, as_json=as_json, minutes=minutes, as_written=as_written)


@app.command()
def moves(
    move: Annotated[
        str | None,
        typer.Argument(
            help="Show one move in full (setup, cues, cautions, variations).",
            autocompletion=complete_move,
            show_default=False,
        ),
    ] = None,
    group: GroupOption = None,
    as_json: JsonOption = False,
) -> None:
    """Browse the catalogue of stretches and exercises."""
    with command() as term:
        from stretch.commands import browse

        browse.moves(term, move, group=group, as_json=as_json)


@app.command()
def avoid(as_json: JsonOption = False) -> None:
    """The stretches to avoid for low-back pain, why, and the hip moves to do instead."""
    with command() as term:
        from stretch.commands import browse

        browse.avoid(term, as_json=as_json)


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Catalogue files or folders to check, as user files over the built-ins "
            "(default: every built-in and user file).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check catalogue files and report the first problem in each, with file, line and field."""
    with command() as term:
        from stretch.commands import browse

        if not browse.validate(term, paths or []):
            raise typer.Exit(EXIT_ERROR)


@app.command()
def config(voice: VoiceOption = None, bell: BellOption = None) -> None:
    """Every setting, its value, and where it came from (default, config file, or flag)."""
    with command() as term:
        from stretch.commands import browse

        browse.config(term, voice=voice, bell=bell)
