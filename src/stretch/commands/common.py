"""What most commands start from: the catalogue, the settings, a routine by name, the
history, the person's levels, and a routine shown exactly as it will run."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from stretch.coach.levels import Standing
    from stretch.coach.profile import Profile
    from stretch.history.plans import Plans
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


def read_standing(term: Terminal, known: Catalogue, person: Profile | None = None
                  ) -> Standing:
    """Where this person stands, for a command that only shows routines: a beginner's
    start before any history; levels None when a history cannot be opened (a read-only
    home), with a line to say the doses are shown as written: browsing must not fail for
    want of a writable folder."""
    from stretch.coach.levels import Log, Standing, replay_log
    from stretch.files import history_file

    person = person or profile()
    if not history_file().exists():  # reading must not create the file (nor load sqlite3)
        return Standing(person)
    from stretch.errors import StretchError

    try:
        with open_history(term) as history:
            log = Log.read(history)
    except StretchError as err:
        term.note(f"stretch: {err.message}; showing the doses as written")
        return Standing(person, levels=None)
    checkins_on = settings().values.checkin
    return Standing.of(replay_log(known, log, person, checkins_on=checkins_on), person)


def personal(term: Terminal, known: Catalogue, chosen: Routine,
             standing: Standing | None = None) -> Routine:
    """The routine as it runs for this person (their rungs and doses), with a line for
    each move it leaves out."""
    from stretch.coach.wording import left_out_line

    mine, gone = (standing or read_standing(term, known)).routine(known, chosen)
    for out in gone:
        term.note(left_out_line(out, mine))
    return mine


def first_side_today(routine_id: str) -> str:
    """The side that goes first if the routine ran now (as `run` picks it), without
    creating a history to find out."""
    from stretch.files import history_file
    from stretch.history.calendar import first_side
    from stretch.history.store import History

    if not history_file().exists():
        return "left"
    with History.open(history_file()) as history:
        return first_side(history, routine_id)


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


def profile_and_path() -> tuple[Profile | None, Path]:
    """The person's answers to `stretch setup` (None before any) and where they are kept."""
    from stretch.coach.profile import load
    from stretch.files import profile_file

    path = profile_file()
    return load(path), path


def profile() -> Profile:
    """The person's answers, or the defaults of someone who has not answered."""
    from stretch.coach.profile import Profile

    return profile_and_path()[0] or Profile()


def intake_for(term: Terminal, known: Catalogue, current: Profile) -> Profile:
    """The one-minute intake at this terminal, starting from `current`."""
    from stretch.coach.intake import INTRO, intake
    from stretch.history.calendar import rest_weekdays
    from stretch.session.rating import ask_choice, ask_yes_no

    term.say(INTRO, style="dim")
    plan = [d for d in range(7) if d not in rest_weekdays(known.week)]
    return intake(lambda question, default: ask_yes_no(term, question, default=default),
                  lambda question, choices, default: ask_choice(term, question, choices,
                                                                default=default),
                  current, plan)


def planned(known: Catalogue, standing: Standing) -> Catalogue:
    """The catalogue with the person's week in it: shaped to their days, with the days
    they changed (`coach/week.py`)."""
    from dataclasses import replace

    from stretch.coach.week import load_changes, plan_for
    from stretch.files import week_file

    return replace(known, week=plan_for(known, standing, load_changes(week_file(), known)))


def plans_noted(history: History, known: Catalogue, today: date) -> Plans:
    """The plans in force over time, today's (the person's, in `known`) noted."""
    from stretch.history.plans import noted
    from stretch.vocab import REST_DAY

    days = [r for _, r in known.week.days] if known.week else [REST_DAY] * 7
    return noted(history, days, today)
