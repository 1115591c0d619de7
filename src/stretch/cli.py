"""The `stretch` command line: parse, delegate to commands.py, map errors to exit codes.

Only this module imports Typer. Heavy modules (yaml, rich renderables, the catalogue)
are imported inside the commands that need them, so `stretch --help` starts as fast
as a bare Typer app.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from stretch import __version__

if TYPE_CHECKING:
    from stretch.guide import Options

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="stretch",
    help="Guided hip stretches and core exercises for a sore lower back.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


@contextmanager
def _guard() -> Iterator[None]:
    """Turn core errors into one line on stderr and the contract's exit codes."""
    from stretch.errors import StretchError, UsageProblem

    try:
        yield
    except UsageProblem as err:
        from stretch.output import error

        error(err.message)
        raise typer.Exit(EXIT_USAGE) from None
    except StretchError as err:
        from stretch.output import error

        error(err.message)
        raise typer.Exit(EXIT_ERROR) from None
    except KeyboardInterrupt:
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except Exception as err:  # SIGTERM or SIGHUP: exit as the shell expects, 128 + signal
        from stretch.keys import Terminated

        if isinstance(err, Terminated):
            raise typer.Exit(128 + err.signum) from None
        raise


def _complete_routine(incomplete: str) -> list[tuple[str, str]]:
    """Shell completion: routine names with their titles."""
    from stretch.commands import catalogue

    try:
        routines = catalogue().routines
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [(r.id, r.title) for r in routines.values() if r.id.startswith(incomplete)]


def _complete_move(incomplete: str) -> list[tuple[str, str]]:
    from stretch.commands import catalogue

    try:
        moves = catalogue().moves
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [(m.id, m.name) for m in moves.values() if m.id.startswith(incomplete)]


def _complete_group(incomplete: str) -> list[str]:
    from stretch.model import GROUPS

    return [g for g in GROUPS if g.startswith(incomplete)]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"stretch {__version__}")
        raise typer.Exit()


JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
RoutineName = Annotated[
    str,
    typer.Argument(
        help="The routine's name, as `stretch list` shows it (e.g. hip-reset).",
        autocompletion=_complete_routine,
        show_default=False,
    ),
]


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Guided hip stretches and core exercises for a sore lower back.

    Stretch the hips, not the lower back: `stretch today` runs today's routine.
    """


SpeedOption = Annotated[
    float,
    typer.Option(
        "--speed", min=0.001, max=1000,
        help="Run the session clock this many times faster (for demos and tests).",
    ),
]
BellOption = Annotated[
    bool | None,
    typer.Option("--bell/--no-bell", show_default=False,
                 help="Ring the terminal bell at each step and 3-2-1 (default: on)."),
]
VoiceOption = Annotated[
    bool | None,
    typer.Option("--voice/--no-voice", show_default=False,
                 help="Speak the cues with a speech program (default: off)."),
]
PlainOption = Annotated[
    bool,
    typer.Option(
        "--plain", help="One plain line per step, no full-screen view (for screen readers)."
    ),
]
MinutesOption = Annotated[
    float | None,
    typer.Option(
        "--minutes", min=1, max=180, show_default=False,
        help="Fit the routine into this many minutes: shorter holds, then fewer moves.",
    ),
]


def _options(*, speed: float, voice: bool | None, bell: bool | None, plain: bool,
             minutes: float | None) -> Options:
    from stretch.commands import settings
    from stretch.guide import Options

    return Options(settings(voice=voice, bell=bell), speed=speed, plain=plain, minutes=minutes)


@app.command("list")
def list_routines(as_json: JsonOption = False) -> None:
    """List the routines: name, title, minutes, muscle groups and where each comes from."""
    with _guard():
        from stretch import commands

        commands.list_routines(as_json=as_json)


@app.command()
def show(name: RoutineName, as_json: JsonOption = False) -> None:
    """Show one routine step by step, exactly as it will run, with its dose per group."""
    with _guard():
        from stretch import commands

        commands.show(name, as_json=as_json)


@app.command()
def moves(
    move: Annotated[
        str | None,
        typer.Argument(
            help="Show one move in full (setup, cues, cautions, variations).",
            autocompletion=_complete_move,
            show_default=False,
        ),
    ] = None,
    group: Annotated[
        str | None,
        typer.Option(
            "--group", "-g",
            help="Only this muscle group: gluteal, adductor, psoas, core or hip.",
            autocompletion=_complete_group,
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Browse the catalogue of stretches and exercises."""
    with _guard():
        from stretch import commands

        commands.moves(move, group=group, as_json=as_json)


@app.command()
def avoid(as_json: JsonOption = False) -> None:
    """The stretches to avoid for low-back pain, why, and the hip moves to do instead."""
    with _guard():
        from stretch import commands

        commands.avoid(as_json=as_json)


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
    with _guard():
        from stretch import commands

        if not commands.validate(paths or []):
            raise typer.Exit(EXIT_ERROR)


@app.command()
def run(
    name: Annotated[
        str | None,
        typer.Argument(
            help="The routine to run; leave it out in a terminal to pick from a list.",
            autocompletion=_complete_routine,
            show_default=False,
        ),
    ] = None,
    speed: SpeedOption = 1.0,
    voice: VoiceOption = None,
    bell: BellOption = None,
    plain: PlainOption = False,
    minutes: MinutesOption = None,
) -> None:
    """Run a routine with hold, switch-sides and rest countdowns, and log it."""
    with _guard():
        from stretch import commands

        options = _options(speed=speed, voice=voice, bell=bell, plain=plain, minutes=minutes)
        commands.run(name, options)


@app.command()
def today(
    preview: Annotated[
        bool, typer.Option("--preview", help="Show today's routine without starting it.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="With --preview: print it as JSON (implies --preview).")
    ] = False,
    speed: SpeedOption = 1.0,
    voice: VoiceOption = None,
    bell: BellOption = None,
    plain: PlainOption = False,
    minutes: MinutesOption = None,
) -> None:
    """Run today's routine from your week plan, log it, and show your streak."""
    with _guard():
        from stretch import commands

        options = _options(speed=speed, voice=voice, bell=bell, plain=plain, minutes=minutes)
        commands.today(options, preview=preview, as_json=as_json)


@app.command()
def week() -> None:
    """The week plan, day by day, with this week's sessions ticked."""
    with _guard():
        from stretch import commands

        commands.week()


@app.command()
def history(
    as_json: JsonOption = False,
    weeks: Annotated[
        int, typer.Option("--weeks", min=1, max=104, help="How many weeks the calendar shows.")
    ] = 12,
) -> None:
    """Your sessions, streak, minutes per muscle group, and a calendar of the last weeks."""
    with _guard():
        from stretch import commands

        commands.history(as_json=as_json, weeks=weeks)


@app.command()
def sheet(
    name: RoutineName,
    form: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", show_default=False,
            help="terminal, text, markdown or html (default: terminal on a screen, text "
            "in a pipe, or from the -o file's extension).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", show_default=False,
                     help="Write the sheet to this file (atomically) instead of printing it."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the -o file if it already exists.")
    ] = False,
) -> None:
    """The printable routine sheet: moves, dose, a tick-off log, what to avoid, safety."""
    with _guard():
        from stretch import commands

        commands.sheet(name, form=form, output=output, force=force,
                       interactive=sys.stdout.isatty())


@app.command()
def config(voice: VoiceOption = None, bell: BellOption = None) -> None:
    """Every setting, its value, and where it came from (default, config file, or flag)."""
    with _guard():
        from stretch import commands

        commands.config(voice=voice, bell=bell)


def main() -> None:
    """The console script: run the app, and leave quietly when the reader closes the pipe."""
    try:
        app(prog_name="stretch")
    except BrokenPipeError:
        _quiet_broken_pipe()
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)


def _quiet_broken_pipe() -> None:
    """`stretch list | head -1`: stop writing, no traceback (Python's documented recipe)."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)
