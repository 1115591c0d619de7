"""Browsing the catalogue: list, show, moves, avoid, validate and config."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from stretch.commands.common.basics import catalogue, move, routine, settings, show_routine, timings
from stretch.commands.common.person import first_side_today, personal, read_standing

if TYPE_CHECKING:
    from stretch.model import Catalogue, Group, Move
    from stretch.output import Terminal


def list_routines(term: Terminal, *, as_json: bool) -> None:
    """Each routine with its minutes at the person's own doses."""
    from stretch import files, text_doses
    from stretch.output import emit_json
    from stretch.plan import timed_steps
    from stretch.views import routines

    known, plans = catalogue(), timings()
    standing = read_standing(term, known)
    rows = [(r, routines.routine_row(r, timed_steps(standing.routine(known, r)[0], plans)))
            for r in known.routines.values()]
    if as_json:
        emit_json([row for _, row in rows])
    else:
        term.show(routines.routines_table(rows, home=files.config_dir()))
        if standing.levels is not None:  # (None: no history to read: the doses as written)
            term.say(text_doses.MINUTES_AT_DOSES, style="dim")


def show(term: Terminal, name: str, *, as_json: bool, minutes: float | None = None,
         as_written: bool = False) -> None:
    """One routine at the person's doses, or `as_written` in the catalogue."""
    known = catalogue()
    chosen = routine(known, name)
    mine = chosen if as_written else personal(term, known, chosen)
    show_routine(term, mine, settings().values.timings(first_side_today(chosen.id)),
                 as_json=as_json, minutes=minutes, notes=known.notes)
    if not as_json and mine != chosen:
        term.say("At your doses (stretch progress says why); --as-written shows the "
                 "catalogue's.", style="dim")


def moves(term: Terminal, name: str | None, *, group: Group | None, as_json: bool) -> None:
    """The catalogue's moves, each dose as written and the person's own."""
    from stretch.output import emit_json
    from stretch.views import moves as move_views

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
        term.show(move_views.move_view(chosen[0], used, _drawn(chosen[0], term.out.width),
                                       None if yours is None else yours[chosen[0].id]))
    else:
        term.show(move_views.moves_table(chosen, yours))


def _yours(term: Terminal, known: Catalogue, chosen: Sequence[Move]) -> dict[str, str] | None:
    """Each move's dose for the person at their level, as the timer runs it; None when
    their history cannot be read."""
    from stretch.coach.doses import alone
    from stretch.views import moves as move_views

    mine = read_standing(term, known).levels
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
    from stretch.output import emit_json
    from stretch.views import safety

    known = catalogue()
    if as_json:
        emit_json([safety.avoid_json(a) for a in known.avoid.values()])
    else:
        term.show(safety.avoid_view(known))


def validate(term: Terminal, paths: Sequence[Path]) -> bool:
    """Report each file; True when every one is good."""
    from stretch.catalogue.validate import check_files
    from stretch.files import user_routines_dir

    folder = user_routines_dir()
    report = check_files(paths, user_dir=folder)
    from stretch.views.routines import validated

    for path in report.good:
        term.show(validated(path), soft_wrap=True)
    if not paths:
        _where_yours_are(term, folder)
    for problem in report.problems:
        term.error(problem)
    if not report.problems:
        term.say(report.summary, soft_wrap=True)
    return not report.problems


def _where_yours_are(term: Terminal, folder: Path) -> None:
    """Where `validate` looked for the user's files, and any put beside that folder instead
    (where nothing reads them)."""
    from stretch.catalogue.load import catalogue_files
    from stretch.catalogue.validate import misplaced
    from stretch.text import plural

    count = len(catalogue_files(folder)) if folder.is_dir() else 0
    found = plural(count, "file") if count else "no files"
    term.say(f"Your routines folder: {folder} ({found})", soft_wrap=True)
    for path in misplaced(folder):
        term.note(f"stretch: {path} is not read: your routine files go in {folder}")


def config(term: Terminal, **flags: object) -> None:
    from stretch.files import config_file
    from stretch.remind.notify import find_notifier
    from stretch.session.voice import find_speech

    speech, notifier = find_speech(), find_notifier(None)
    detected = {"voice_command": " ".join(speech.argv)} if speech else {}
    if notifier is not None:
        detected["notify_command"] = notifier.argv[0]
    from stretch.views.config import config_view

    term.show(config_view(settings(**flags), config_file(), detected))


def config_set(term: Terminal, name: str, value: str) -> None:
    """Set one setting in config.toml (tomlkit keeps the person's comments), checked as
    the file is; nothing is written when the value or the file is wrong."""
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    from stretch.errors import StretchError, UsageProblem, did_you_mean
    from stretch.files import config_file, write_atomically
    from stretch.settings import BY_NAME, load_settings
    from stretch.toml_table import BadValue, check, parse_table, read_bytes
    from stretch.views.config import setting_text

    setting = BY_NAME.get(name)
    if setting is None:
        hint = did_you_mean(name, BY_NAME) or f"; settings are: {', '.join(BY_NAME)}"
        raise UsageProblem(f"no setting named '{name}'{hint}")
    written = _toml_value(value)
    try:
        checked = check(setting, written)
    except BadValue as bad:
        raise UsageProblem(f"{name}: {bad}") from None
    path = config_file()
    load_settings(path)  # a broken file is said as it is, not written over
    data = read_bytes(path)
    try:
        document = tomlkit.parse(data.decode("utf-8")) if data else tomlkit.document()
        document[name] = written
        text = tomlkit.dumps(document)
    except (TOMLKitError, UnicodeDecodeError) as err:
        raise StretchError(f"{path}: cannot update it: {err}") from None
    parse_table(path, text.encode("utf-8"), BY_NAME)  # what is written reads back whole
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, text, force=True)
    term.say(f"{name} = {setting_text(checked)} in {path}", soft_wrap=True)


def _toml_value(text: str) -> object:
    """A value as TOML reads it (true, 15, [..]); anything else as the text itself."""
    import tomllib

    try:
        return tomllib.loads(f"value = {text}")["value"]
    except tomllib.TOMLDecodeError:
        return text
