"""What most commands start from: the catalogue, the settings, a routine or move by name,
the history, an -o file, and a routine shown exactly as it will run.

The person (their answers, where they stand, their week) is in `person.py`; what a
command says after the history changed under the coach (a sync, an import) in
`changed.py`. Commands import from this package only, never from each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from pathlib import Path

    from stretch.history.store import History
    from stretch.model import Catalogue, Move, Notes, Routine
    from stretch.output import Terminal
    from stretch.plan import Timings
    from stretch.settings import Settings

T = TypeVar("T")


def catalogue() -> Catalogue:
    """The built-in and user catalogue, through the cache."""
    from stretch.catalogue.load import load_catalogue
    from stretch.files import catalogue_cache, user_routines_dir

    return load_catalogue(user_dir=user_routines_dir(), cache=catalogue_cache())


def catalogue_or_builtin(term: Terminal) -> Catalogue:
    """The catalogue, for a command whose work is the log, not the routines (`checkin`,
    `history`): when a file of the user's is broken, the built-in catalogue instead, with
    one line to say so. A typo in a routine file must not stop a check-in; the commands
    that show or run routines still stop at it, since what they show would not be theirs."""
    from stretch.errors import StretchError

    try:
        return catalogue()
    except StretchError as err:
        term.note(f"stretch: your routine files are skipped: {err.message}")
    from stretch.catalogue.load import load_catalogue

    return load_catalogue(user_dir=None)  # not cached: that file keeps the whole catalogue


def settings(**flags: object) -> Settings:
    """The config file's settings with any command-line flags over them."""
    from stretch.files import config_file
    from stretch.settings import load_settings

    return load_settings(config_file()).with_flags(**flags)


def timings() -> Timings:
    """The planner's timings from the config, for `show`, `list`, `week` and the sheet."""
    return settings().values.timings()


def routine(known: Catalogue, name: str) -> Routine:
    """A routine by its name or title, in any case; else a usage error with suggestions
    (or, for a name two routines answer to, naming both)."""
    return _one(known.routines, name, lambda r: r.title, "routine")


def move(known: Catalogue, name: str) -> Move:
    """A move by its id or display name, in any case: `PIGEON`, `pigeon stretch`."""
    return _one(known.moves, name, lambda m: m.name, "move")


def _one(known: Mapping[str, T], name: str, title: Callable[[T], str], what: str) -> T:
    from stretch.errors import AmbiguousName, UnknownName

    found = lookup(known, name, title)
    if len(found) > 1:
        raise AmbiguousName(what, name, [key for key, entry in known.items() if entry in found])
    if not found:
        raise UnknownName(what, name, known)
    return found[0]


def lookup(known: Mapping[str, T], name: str, title: Callable[[T], str], *,
           prefix: bool = False) -> list[T]:
    """The entries whose id or display name is `name`, ignoring case and treating
    spaces, dashes and underscores alike ('Hip reset' finds hip-reset); with `prefix`,
    else those whose id or name starts so ('desk' finds desk-break). An id given exactly
    is the one answer, whatever else has it as a title."""
    if name in known:
        return [known[name]]
    wanted = _words(name)
    found = [entry for key, entry in known.items()
             if _words(key) == wanted or _words(title(entry)) == wanted]
    if prefix and not found and wanted:
        found = [entry for key, entry in known.items()
                 if _words(key).startswith(wanted) or _words(title(entry)).startswith(wanted)]
    return found


def _words(name: str) -> str:
    return " ".join(name.casefold().replace("-", " ").replace("_", " ").split())


@contextmanager
def open_history(term: Terminal) -> Iterator[History]:
    """The history for a `with` block. What it has to say (a damaged file set aside, at
    opening or later) is one line each on stderr, as the block starts and as it ends."""
    from stretch.files import history_file
    from stretch.history.store import History

    history = History.open(history_file())
    shown = 0

    def show() -> None:
        nonlocal shown
        for notice in history.notices[shown:]:
            term.note(f"stretch: {notice}")
        shown = len(history.notices)

    show()
    try:
        yield history
    finally:
        history.close()
        show()


def show_routine(term: Terminal, chosen: Routine, plans: Timings, *, as_json: bool,
                 minutes: float | None = None, extra: dict[str, object] | None = None,
                 notes: Notes | None = None) -> None:
    """One routine exactly as it will run (fitted into `minutes` as `run` fits it, with
    the same notes): a table (with the safety lines from `notes`), or `show`'s JSON with
    `extra` first."""
    from stretch.fit.fitted import fit_to
    from stretch.output import emit_json
    from stretch.plan import timed_steps
    from stretch.views import routines

    fitted = fit_to(chosen, plans, minutes)
    for note in fitted.notes:
        term.note(note)
    steps = timed_steps(fitted.routine, fitted.settings)
    if as_json:
        emit_json({**(extra or {}), **routines.show_json(fitted.routine, steps)})
    else:
        term.show(routines.show_view(fitted.routine, steps, notes))


def output_file(output: str | None) -> Path | None:
    """An -o file: None for standard output ('-', or no -o); an empty name is a mistake."""
    from pathlib import Path

    from stretch.errors import UsageProblem

    if output is None or output == "-":
        return None
    if not output.strip():
        raise UsageProblem("-o needs a file name (or '-' for standard output)")
    return Path(output)


def write_out(term: Terminal, target: Path | None, text: str, *, force: bool,
              said: str) -> None:
    """`text` to standard output (no target), else written whole to `target` (never half a
    file; an existing one only with `force`), then `said` ('Wrote ... to FILE') on stderr."""
    if target is None:
        term.out.file.write(text)
        return
    from stretch.files import write_atomically

    write_atomically(target, text, force=force)
    term.say(said, soft_wrap=True)
