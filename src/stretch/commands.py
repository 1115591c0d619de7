"""What each command does, free of Typer: cli.py parses and delegates here.

Every import is inside the function that needs it, so `stretch --help` never pays for
yaml, the catalogue or the session machinery. Errors are raised as StretchError for
the command line to turn into one line and an exit code.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stretch.config import Settings
    from stretch.guide import Options
    from stretch.history import History
    from stretch.model import Catalogue, Routine
    from stretch.plan import PlanSettings


def catalogue() -> Catalogue:
    from stretch.catalogue import load_catalogue
    from stretch.config import user_routines_dir

    return load_catalogue(user_dir=user_routines_dir())


def settings(**flags: object) -> Settings:
    """The config file's settings with any command-line flags over them."""
    from stretch.config import load_settings

    return load_settings().with_flags(**flags)


def timings() -> PlanSettings:
    """The planner's timings from the config, for `show`, `list`, `week` and the sheet."""
    from stretch.timings import plan_settings

    return plan_settings(settings())


def routine(known: Catalogue, name: str) -> Routine:
    from stretch.errors import UnknownName

    found = known.routines.get(name)
    if found is None:
        raise UnknownName("routine", name, known.routines)
    return found


def open_history() -> History:
    """Open the history; say so in one line if a damaged file had to be set aside."""
    from stretch.config import history_file
    from stretch.history import History

    history = History.open(history_file())
    if history.notice:
        from stretch.output import note

        note(f"stretch: {history.notice}")
    return history


# --- browsing ----------------------------------------------------------------------

def list_routines(*, as_json: bool) -> None:
    from stretch import views
    from stretch.output import console, emit_json
    from stretch.plan import plan

    known = catalogue()
    plans = timings()
    rows = [views.routine_row(r, plan(r, plans)) for r in known.routines.values()]
    if as_json:
        emit_json(rows)
    else:
        console().print(views.routines_table(rows))


def show(name: str, *, as_json: bool) -> None:
    from stretch import views
    from stretch.output import console, emit_json
    from stretch.plan import plan

    chosen = routine(catalogue(), name)
    steps = plan(chosen, timings())
    if as_json:
        emit_json(views.show_json(chosen, steps))
    else:
        console().print(views.show_view(chosen, steps))


def moves(move: str | None, *, group: str | None, as_json: bool) -> None:
    from stretch import views
    from stretch.errors import UnknownName
    from stretch.model import GROUPS
    from stretch.output import console, emit_json

    known = catalogue()
    if group is not None and group not in GROUPS:
        raise UnknownName("group", group, GROUPS)
    chosen = [m for m in known.moves.values() if group is None or m.group == group]
    if move is not None:
        found = known.moves.get(move)
        if found is None:
            raise UnknownName("move", move, known.moves)
        chosen = [found]
    if as_json:
        emit_json([views.move_json(m) for m in chosen])
    elif move is not None:
        used = [r.id for r in known.routines.values() if chosen[0] in r.moves]
        console().print(views.move_view(chosen[0], used))
    else:
        console().print(views.moves_table(chosen))


def avoid(*, as_json: bool) -> None:
    from stretch import views
    from stretch.output import console, emit_json

    known = catalogue()
    if as_json:
        emit_json([views.avoid_json(a) for a in known.avoid.values()])
    else:
        console().print(views.avoid_view(known))


def validate(paths: Sequence[Path]) -> bool:
    """Report each file; True when every one is good."""
    from stretch.checking import check_files
    from stretch.config import user_routines_dir
    from stretch.output import console, error

    report = check_files(paths, user_dir=user_routines_dir())
    out = console()
    for path in report.good:
        out.print(f"[green]ok[/]  {path}", soft_wrap=True)
    for problem in report.problems:
        error(problem)
    if not report.problems:
        out.print(report.summary, soft_wrap=True)
    return not report.problems


def sheet(name: str, *, form: str | None, output: Path | None, force: bool,
          interactive: bool) -> None:
    from stretch.output import console
    from stretch.sheet_render import choose_format, render

    known = catalogue()
    chosen = routine(known, name)
    kind = choose_format(form, output, interactive=interactive)
    if output is None:
        render(chosen, known, kind, console(), timings())
        return
    from stretch.files import write_atomically

    write_atomically(output, render(chosen, known, kind, None, timings()), force=force)
    console().print(f"Wrote the {kind} sheet for {chosen.title} to {output}", soft_wrap=True)


def config(**flags: object) -> None:
    from stretch import views
    from stretch.config import config_file
    from stretch.cues import find_speech
    from stretch.output import console

    speech = find_speech()
    detected = " ".join(speech.argv) if speech else None
    console().print(views.config_view(settings(**flags), config_file(), detected))


# --- sessions and what they left ---------------------------------------------------

def session(known: Catalogue, chosen: Routine, options: Options) -> None:
    """Guide and log one session (Terminated and KeyboardInterrupt pass through)."""
    from stretch.guide import run_routine
    from stretch.output import console

    history = open_history()
    try:
        run_routine(known, chosen, history, options, console())
    finally:
        history.close()


def run(name: str | None, options: Options) -> None:
    from stretch.guide import pick_routine
    from stretch.output import console

    known = catalogue()
    if name is None:
        name = pick_routine(known, console())
    session(known, routine(known, name), options)


def today(options: Options, *, preview: bool, as_json: bool) -> None:
    from stretch.guide import choose_today, preview_today
    from stretch.output import console
    from stretch.recorder import local_now
    from stretch.timings import plan_settings

    known = catalogue()
    now = local_now()
    if preview or as_json:
        preview_today(known, now, console(), settings=plan_settings(options.settings),
                      as_json=as_json)
        return
    history = open_history()
    try:
        chosen = choose_today(known, history, now, console())
    finally:
        history.close()
    if chosen is not None:
        session(known, chosen, options)


def week() -> None:
    from stretch.output import console
    from stretch.recorder import local_now
    from stretch.report import week_table
    from stretch.schedule import week as week_days

    known = catalogue()
    history = open_history()
    now = local_now()
    try:
        days = week_days(known, history, now)
    finally:
        history.close()
    console().print(week_table(days, now.date(), timings()))


def history(*, as_json: bool, weeks: int) -> None:
    from datetime import timedelta

    from stretch import report
    from stretch.output import console, emit_json
    from stretch.recorder import local_now
    from stretch.schedule import current_streak

    known = catalogue()
    log = open_history()
    now = local_now()
    try:
        rows = log.sessions()
        streak = current_streak(known, log, now)
        groups = log.group_minutes(now.date() - timedelta(days=now.weekday(), weeks=weeks - 1))
    finally:
        log.close()
    if as_json:
        emit_json({"streak": streak, "sessions": [report.session_json(r) for r in rows]})
    else:
        console().print(report.history_view(rows, streak=streak, groups=groups,
                                            today=now.date(), weeks=weeks))
