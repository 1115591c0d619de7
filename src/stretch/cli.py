"""The `stretch` command line: parse, call the core, render, and map errors to exit codes.

Heavy modules (yaml, rich renderables, the catalogue) are imported inside the commands
that need them, so `stretch --help` starts as fast as a bare Typer app.
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
    from stretch.config import Settings
    from stretch.guide import Options
    from stretch.history import History
    from stretch.model import Catalogue, Routine
    from stretch.plan import PlanSettings

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


def _catalogue() -> Catalogue:
    from stretch.catalogue import load_catalogue
    from stretch.config import user_routines_dir

    return load_catalogue(user_dir=user_routines_dir())


def _settings() -> Settings:
    from stretch.config import load_settings

    return load_settings()


def _plan_settings() -> PlanSettings:
    """The planner's timings from the config, for `show`, `list` and the sheet."""
    from stretch.timings import plan_settings

    return plan_settings(_settings())


def _routine(catalogue: Catalogue, name: str) -> Routine:
    from stretch.errors import UnknownName

    routine = catalogue.routines.get(name)
    if routine is None:
        raise UnknownName("routine", name, catalogue.routines)
    return routine


def _complete_routine(incomplete: str) -> list[tuple[str, str]]:
    """Shell completion: routine names with their titles."""
    try:
        routines = _catalogue().routines
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [(r.id, r.title) for r in routines.values() if r.id.startswith(incomplete)]


def _complete_move(incomplete: str) -> list[tuple[str, str]]:
    try:
        moves = _catalogue().moves
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


@app.command("list")
def list_routines(as_json: JsonOption = False) -> None:
    """List the routines: name, title, minutes, muscle groups and where each comes from."""
    with _guard():
        from stretch.plan import plan

        catalogue = _catalogue()
        from stretch import views

        timings = _plan_settings()
        rows = [views.routine_row(r, plan(r, timings)) for r in catalogue.routines.values()]
        if as_json:
            from stretch.output import emit_json

            emit_json(rows)
            return
        from stretch.output import console

        console().print(views.routines_table(rows))


@app.command()
def show(name: RoutineName, as_json: JsonOption = False) -> None:
    """Show one routine step by step, exactly as it will run, with its dose per group."""
    with _guard():
        from stretch import views
        from stretch.plan import plan

        routine = _routine(_catalogue(), name)
        steps = plan(routine, _plan_settings())
        if as_json:
            from stretch.output import emit_json

            emit_json(views.show_json(routine, steps))
            return
        from stretch.output import console

        console().print(views.show_view(routine, steps))


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
        from stretch import views
        from stretch.errors import UnknownName
        from stretch.model import GROUPS
        from stretch.output import console, emit_json

        catalogue = _catalogue()
        if group is not None and group not in GROUPS:
            raise UnknownName("group", group, GROUPS)
        chosen = [m for m in catalogue.moves.values() if group is None or m.group == group]
        if move is not None:
            found = catalogue.moves.get(move)
            if found is None:
                raise UnknownName("move", move, catalogue.moves)
            chosen = [found]
        if as_json:
            emit_json([views.move_json(m) for m in chosen])
        elif move is not None:
            used = [r.id for r in catalogue.routines.values() if chosen[0] in r.moves]
            console().print(views.move_view(chosen[0], used))
        else:
            console().print(views.moves_table(chosen))


@app.command()
def avoid(as_json: JsonOption = False) -> None:
    """The stretches to avoid for low-back pain, why, and the hip moves to do instead."""
    with _guard():
        from stretch import views
        from stretch.output import console, emit_json

        catalogue = _catalogue()
        if as_json:
            emit_json([views.avoid_json(a) for a in catalogue.avoid.values()])
            return
        console().print(views.avoid_view(catalogue))


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
        from stretch.checking import check_files
        from stretch.config import user_routines_dir
        from stretch.output import console, error

        report = check_files(paths or [], user_dir=user_routines_dir())
        out = console()
        for path in report.good:
            out.print(f"[green]ok[/]  {path}", soft_wrap=True)
        for problem in report.problems:
            error(problem)
        if report.problems:
            raise typer.Exit(EXIT_ERROR)
        out.print(report.summary, soft_wrap=True)


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


def _history() -> History:
    """Open the history; say so in one line if a damaged file had to be set aside."""
    from stretch.config import history_file
    from stretch.history import History

    history = History.open(history_file())
    if history.notice:
        from stretch.output import note

        note(f"stretch: {history.notice}")
    return history


def _session(catalogue: Catalogue, routine: Routine, options: Options) -> None:
    """Guide and log a session, mapping the ways it can be cut short to exit codes."""
    from stretch.guide import run_routine
    from stretch.keys import Terminated
    from stretch.output import console

    history = _history()
    try:
        run_routine(catalogue, routine, history, options, console())
    except Terminated as stop:
        raise typer.Exit(128 + stop.signum) from None
    finally:
        history.close()


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
    from stretch.guide import Options

    with _guard():
        settings = _settings().with_flags(voice=voice, bell=bell)
        catalogue = _catalogue()
        if name is None:
            from stretch.guide import pick_routine
            from stretch.output import console

            name = pick_routine(catalogue, console())
        options = Options(settings, speed=speed, plain=plain, minutes=minutes)
        _session(catalogue, _routine(catalogue, name), options)


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
    from stretch.guide import Options, choose_today, preview_today
    from stretch.output import console
    from stretch.recorder import local_now
    from stretch.timings import plan_settings

    with _guard():
        settings = _settings().with_flags(voice=voice, bell=bell)
        catalogue = _catalogue()
        now = local_now()
        if preview or as_json:
            preview_today(catalogue, now, console(), settings=plan_settings(settings),
                          as_json=as_json)
            return
        history = _history()
        try:
            routine = choose_today(catalogue, history, now, console())
        finally:
            history.close()
        if routine is not None:
            options = Options(settings, speed=speed, plain=plain, minutes=minutes)
            _session(catalogue, routine, options)


@app.command()
def week() -> None:
    """The week plan, day by day, with this week's sessions ticked."""
    from stretch.output import console
    from stretch.recorder import local_now
    from stretch.report import week_table
    from stretch.schedule import week as week_days

    with _guard():
        catalogue = _catalogue()
        history = _history()
        now = local_now()
        try:
            days = week_days(catalogue, history, now)
        finally:
            history.close()
        console().print(week_table(days, now.date(), _plan_settings()))


@app.command()
def history(
    as_json: JsonOption = False,
    weeks: Annotated[
        int, typer.Option("--weeks", min=1, max=104, help="How many weeks the calendar shows.")
    ] = 12,
) -> None:
    """Your sessions, streak, minutes per muscle group, and a calendar of the last weeks."""
    from datetime import timedelta

    from stretch import report
    from stretch.output import console, emit_json
    from stretch.recorder import local_now
    from stretch.schedule import current_streak

    with _guard():
        catalogue = _catalogue()
        log = _history()
        now = local_now()
        try:
            rows = log.sessions()
            streak = current_streak(catalogue, log, now)
            since = now.date() - timedelta(days=now.weekday(), weeks=weeks - 1)
            groups = log.group_minutes(since)
        finally:
            log.close()
        if as_json:
            emit_json({"streak": streak, "sessions": [report.session_json(r) for r in rows]})
            return
        console().print(report.history_view(rows, streak=streak, groups=groups,
                                            today=now.date(), weeks=weeks))


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
        from stretch.sheet_render import choose_format, render

        catalogue = _catalogue()
        routine = _routine(catalogue, name)
        chosen = choose_format(form, output, interactive=sys.stdout.isatty())
        if output is None:
            from stretch.output import console

            render(routine, catalogue, chosen, console(), _plan_settings())
            return
        from stretch.files import write_atomically

        text = render(routine, catalogue, chosen, None, _plan_settings())
        write_atomically(output, text, force=force)
        typer.echo(f"Wrote the {chosen} sheet for {routine.title} to {output}")


@app.command()
def config(voice: VoiceOption = None, bell: BellOption = None) -> None:
    """Every setting, its value, and where it came from (default, config file, or flag)."""
    with _guard():
        from stretch import views
        from stretch.config import config_file
        from stretch.cues import find_speech
        from stretch.output import console

        settings = _settings().with_flags(voice=voice, bell=bell)
        speech = find_speech()
        detected = " ".join(speech.argv) if speech else None
        console().print(views.config_view(settings, config_file(), detected))


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
