"""What most commands start from: the catalogue, the settings, a routine by name, the
history, the person's levels, and a routine shown exactly as it will run."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date, datetime
    from pathlib import Path

    from stretch.coach.levels import Log, Standing
    from stretch.coach.profile import Profile
    from stretch.coach.replay import Progress
    from stretch.history.goals import Goal
    from stretch.history.plans import Plans
    from stretch.history.store import History
    from stretch.history.sync import Synced
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


def output_file(output: str | None) -> Path | None:
    """An -o file: None for standard output ('-', or no -o); an empty name is a mistake."""
    from pathlib import Path

    from stretch.errors import UsageProblem

    if output is None or output == "-":
        return None
    if not output.strip():
        raise UsageProblem("-o needs a file name (or '-' for standard output)")
    return Path(output)


def replay_for(known: Catalogue, log: Log, person: Profile | None = None) -> Progress:
    """The log replayed for this person: their profile, and the `checkin` setting."""
    from stretch.coach.levels import replay_log

    return replay_log(known, log, person or profile(), checkins_on=settings().values.checkin)


def levels_now(known: Catalogue, history: History) -> dict[str, int]:
    """Each move's level, replayed from the history as it is now."""
    from stretch.coach.levels import Log

    return replay_for(known, Log.read(history)).levels


def say_recomputed(term: Terminal, known: Catalogue, history: History,
                   before: Mapping[str, int]) -> None:
    """After the history changed under the coach (an import, a sync, a deletion, a
    correction, a session logged by hand): each dose that moved, and the streak, as they
    are worked out again from the history now."""
    from stretch import wallclock
    from stretch.coach.doses import describe, dose_ladder
    from stretch.history.calendar import current_streak
    from stretch.text import plural

    after = levels_now(known, history)
    for move in known.moves.values():
        was, now = before.get(move.id, 0), after.get(move.id, 0)
        if was != now:
            ladder = dose_ladder(move)
            term.say(f"{move.name}: now {describe(ladder.measure, ladder.value(now))} "
                     f"(was {ladder.value(was)}), worked out again from your history")
    streak = current_streak(known, history, wallclock.local_now())
    term.say(f"Your streak: {plural(streak, 'day')}.")


def synced_line(synced: Synced) -> str:
    """'Synced with ~/Sync/stretch: 3 sessions and 1 check-in from your other machines.'"""
    from stretch.errors import printable
    from stretch.text import listing, plural

    merged = synced.merged
    came = [plural(merged.added[kind] + merged.restored[kind], word)
            for kind, word in (("session", "session"), ("checkin", "check-in"),
                               ("goal", "goal"), ("rating", "goal rating"))
            if merged.added[kind] + merged.restored[kind]]
    news = [f"{listing(came)} new"] if came else []
    if merged.revised["session"]:
        news.append(f"{plural(merged.revised['session'], 'session')} corrected")
    if merged.removed["session"]:
        news.append(f"{plural(merged.removed['session'], 'session')} deleted")
    read = plural(len(synced.read), "other machine's file", "other machines' files")
    said = f"Synced with {printable(str(synced.own.parent))}: read {read}"
    return said + (f"; {', '.join(news)}." if news else "; nothing new.")


def sync_after(term: Terminal, known: Catalogue, history: History) -> None:
    """With `sync_folder` set, sync as a session ends: one line to say what came, and a
    problem is a note, never a failed session (the session is logged either way)."""
    from stretch.errors import StretchError

    folder = settings().values.sync_folder
    if folder is None:
        return
    from stretch import wallclock
    from stretch.history.sync import sync
    from stretch.settings import sync_path

    try:
        before = levels_now(known, history)
        synced = sync(history, sync_path(folder),
                      exported=wallclock.local_now().isoformat(timespec="seconds"))
    except StretchError as err:
        term.note(f"stretch: not synced: {err.message}")
        return
    for skipped in synced.skipped:
        term.note(f"stretch: {skipped}")
    term.say(synced_line(synced), style="dim", soft_wrap=True)
    if synced.merged.changed:
        say_recomputed(term, known, history, before)


def ask_goals(term: Terminal, found: Sequence[Goal], now: datetime) -> list[tuple[str, int]]:
    """Each goal asked in turn at a terminal, one key each (Enter skips one)."""
    from stretch.coach import goals as psfs
    from stretch.session.rating import ask_rating

    term.say(psfs.WEEKLY)
    return psfs.ask_each(found, lambda question: ask_rating(term, question, hint=psfs.HINT),
                         now)


def weekly_goals(term: Terminal, history: History) -> None:
    """After a session, at a terminal with check-ins on: the goals rated again when none
    was rated this week (each skippable)."""
    if not term.interactive or not settings().values.checkin:
        return
    from stretch import wallclock
    from stretch.coach import goals as psfs
    from stretch.history import goals

    now = wallclock.local_now().replace(microsecond=0)
    found = goals.read(history)
    if not psfs.due(found, now):
        return
    answers = ask_goals(term, found, now)
    if answers:
        goals.rate(history, answers, at=now)
        for goal in goals.read(history):
            said = psfs.sentence(goal)
            if said and goal.uid in dict(answers):
                term.say(said)
