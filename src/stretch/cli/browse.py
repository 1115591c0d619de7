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
    """The routines: minutes, groups, source.

    Each routine's name (what `run` and `show` take), title, minutes at your own doses,
    the muscle groups it works, and whether it is built in or from your files."""
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
    """One routine step by step, at your doses.

    Every step exactly as the timer will run it for you, the seconds of stretch per muscle
    group and side, and the safety lines."""
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
    """The stretches and exercises, with figures.

    Every move in a table; name one to see its figure, setup, cues, cautions and its
    easier and harder versions."""
    with command() as term:
        from stretch.commands import browse

        browse.moves(term, move, group=group, as_json=as_json)


@app.command()
def avoid(as_json: JsonOption = False) -> None:
    """Stretches to avoid, and what to do instead.

    The lower-back and hamstring stretches to leave out, what each looks like, why its
    relief does not last, the hip moves to do instead, and the safety note."""
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
    """Check catalogue files for mistakes.

    Reports the first problem in each file as file:line:col: field: problem."""
    with command() as term:
        from stretch.commands import browse

        if not browse.validate(term, paths or []):
            raise typer.Exit(EXIT_ERROR)


config_app = typer.Typer(name="config", invoke_without_command=True, rich_markup_mode=None)
app.add_typer(config_app)


@config_app.callback()
def config(ctx: typer.Context, voice: VoiceOption = None, bell: BellOption = None) -> None:
    """Every setting and where it came from.

    Each setting's value and its source (the default, your config.toml, or a flag), what
    it means, and where the file is; `stretch config set NAME VALUE` changes one."""
    if ctx.invoked_subcommand is not None:
        return
    with command() as term:
        from stretch.commands import browse

        browse.config(term, voice=voice, bell=bell)


@config_app.command("set")
def config_set(
    name: Annotated[str, typer.Argument(help="The setting, as `stretch config` lists it.",
                                        show_default=False)],
    value: Annotated[str, typer.Argument(
        help='Its value as config.toml writes it: true, 15, 1.5, 22:00-07:00, or a list '
        'like \'["espeak-ng", "{text}"]\'.', show_default=False)],
) -> None:
    """Change one setting in config.toml.

    Checked as the file is, and written keeping your comments and the other settings."""
    with command() as term:
        from stretch.commands import browse

        browse.config_set(term, name, value)
