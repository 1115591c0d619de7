"""Browsing the catalogue: list, show, moves, avoid, validate and config."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from stretch.commands.common import catalogue, move, routine, settings, timings

if TYPE_CHECKING:
    from stretch.model import Catalogue, Group, Move, Notes, Routine
    from stretch.output import Terminal
    from stretch.plan import PlanSettings


def list_routines(term: Terminal, *, as_json: bool) -> None:
    """Each routine with its minutes at the person's own doses."""
    from stretch import files, views
    from stretch.commands.coach import at_levels, levels
    from stretch.output import emit_json
    from stretch.plan import plan

    known, plans = catalogue(), timings()
    mine = levels(term, known)
    rows = [(r, views.routine_row(r, plan(at_levels(r, mine), plans)))
            for r in known.routines.values()]
    if as_json:
        emit_json([row for _, row in rows])
    else:
        term.out.print(views.routines_table(rows, home=files.config_dir()))


def show(term: Terminal, name: str, *, as_json: bool, minutes: float | None = None,
         as_written: bool = False) -> None:
    """One routine at the person's doses, or `as_written` in the catalogue."""
    from stretch.commands.coach import personal

    known = catalogue()
    chosen = routine(known, name)
    mine = chosen if as_written else personal(term, known, chosen)
    show_routine(term, mine, timings(), as_json=as_json, minutes=minutes, notes=known.notes)
    if not as_json and mine != chosen:
        term.out.print("[dim]At your doses (stretch progress says why); --as-written shows "
                       "the catalogue's.[/]")


def show_routine(term: Terminal, chosen: Routine, plans: PlanSettings, *, as_json: bool,
                 minutes: float | None = None, extra: dict[str, object] | None = None,
                 notes: Notes | None = None) -> None:
    """One routine exactly as it will run (fitted into `minutes` as `run` fits it, with
    the same notes): a table (with the safety lines from `notes`), or `show`'s JSON with
    `extra` first."""
    from stretch import views
    from stretch.fit.fitted import fit_to
    from stretch.output import emit_json
    from stretch.plan import plan

    fitted = fit_to(chosen, plans, minutes)
    for note in fitted.notes:
        term.note(note)
    steps = plan(fitted.routine, fitted.settings)
    if as_json:
        emit_json({**(extra or {}), **views.show_json(fitted.routine, steps)})
    else:
        term.out.print(views.show_view(fitted.routine, steps, notes))


def moves(term: Terminal, name: str | None, *, group: Group | None, as_json: bool) -> None:
    """The catalogue's moves, each dose as written and the person's own."""
    from stretch import move_views
    from stretch.output import emit_json

    known = catalogue()
    chosen = [m for m in known.moves.values() if group is None or m.group == group]
    if name is not None:
        chosen = [move(known, name)]
    if as_json:
        emit_json([move_views.move_json(m) for m in chosen])
        return
    yours = _yours(term, known, chosen)
    if name is not None:
        used = [r.id for r in known.routines.values() if chosen[0] in r.moves]
        term.out.print(move_views.move_view(chosen[0], used, _drawn(chosen[0], term.out.width),
                                       None if yours is None else yours[chosen[0].id]))
    else:
        term.out.print(move_views.moves_table(chosen, yours))


def _yours(term: Terminal, known: Catalogue, chosen: Sequence[Move]) -> dict[str, str] | None:
    """Each move's dose for the person at their level, as the timer runs it; None when
    their history cannot be read."""
    from stretch import move_views
    from stretch.commands.coach import levels
    from stretch.dosing import alone

    mine = levels(term, known)
    if mine is None:
        return None
    plans = timings()
    return {m.id: move_views.your_dose(alone(m, mine.get(m.id, 0)), plans) for m in chosen}


def _drawn(move: Move, columns: int) -> list[str]:
    """A move's figure in braille for `moves MOVE`: both frames of a counted exercise side
    by side, within the panel on a terminal of `columns`. A standing figure gets 16 rows
    (fewer lose its arms and far leg); a counted one lying down gets 8, so its two frames
    stay side by side; the rows a drawing leaves empty are dropped."""
    if move.figure is None:
        return []
    from stretch.figures.braille import render
    from stretch.figures.geometry import bounds

    x0, y0, x1, y1 = bounds(move.figure)
    lying = move.figure.counted and y1 - y0 < x1 - x0
    width = 64 if move.figure.counted else 36
    lines = render(move.figure, width=min(width, columns - 4), height=8 if lying else 16)
    inked = [i for i, line in enumerate(lines) if line.strip()]
    return lines[inked[0]:inked[-1] + 1] if inked else []


def avoid(term: Terminal, *, as_json: bool) -> None:
    from stretch import safety
    from stretch.output import emit_json

    known = catalogue()
    if as_json:
        emit_json([safety.avoid_json(a) for a in known.avoid.values()])
    else:
        term.out.print(safety.avoid_view(known))


def validate(term: Terminal, paths: Sequence[Path]) -> bool:
    """Report each file; True when every one is good."""
    from rich.text import Text

    from stretch.catalogue.validate import check_files
    from stretch.files import user_routines_dir

    folder = user_routines_dir()
    report = check_files(paths, user_dir=folder)
    for path in report.good:
        term.out.print(Text.assemble(("ok", "green"), f"  {path}"), soft_wrap=True)
    if not paths:
        _where_yours_are(term, folder)
    for problem in report.problems:
        term.error(problem)
    if not report.problems:
        term.out.print(report.summary, soft_wrap=True, markup=False)
    return not report.problems


def _where_yours_are(term: Terminal, folder: Path) -> None:
    """Where `validate` looked for the user's files, and any put beside that folder instead
    (where nothing reads them)."""
    from stretch.catalogue.load import catalogue_files
    from stretch.catalogue.validate import misplaced
    from stretch.text import plural

    count = len(catalogue_files(folder)) if folder.is_dir() else 0
    found = plural(count, "file") if count else "no files"
    term.out.print(f"Your routines folder: {folder} ({found})", markup=False, soft_wrap=True)
    for path in misplaced(folder):
        term.note(f"stretch: {path} is not read: your routine files go in {folder}")


def config(term: Terminal, **flags: object) -> None:
    from stretch import views
    from stretch.files import config_file
    from stretch.remind.notify import find_notifier
    from stretch.session.voice import find_speech

    speech, notifier = find_speech(), find_notifier(None)
    detected = {"voice_command": " ".join(speech.argv)} if speech else {}
    if notifier is not None:
        detected["notify_command"] = notifier.argv[0]
    term.out.print(views.config_view(settings(**flags), config_file(), detected))
