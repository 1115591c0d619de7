"""The person in front of stretch: their answers to the intake, where they stand on each
ladder and dose (replayed from the log), and their week plan, then and now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretch.commands.common.basics import open_history, settings

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from stretch.coach.levels import Log, Standing
    from stretch.coach.profile import Profile
    from stretch.coach.replay import Progress
    from stretch.history.plans import Plans
    from stretch.history.store import History
    from stretch.model import Catalogue, Routine
    from stretch.output import Terminal


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
    from stretch.coach.wording import left_out_lines

    mine, gone = (standing or read_standing(term, known)).routine(known, chosen)
    for line in left_out_lines(gone, mine):
        term.note(line)
    return mine


def first_side_today(routine_id: str) -> str:
    """The side that goes first if the routine ran now (as `run` picks it), without
    creating a history to find out."""
    from stretch.files import history_file

    if not history_file().exists():  # (and no sqlite3 loaded to find that out)
        return "left"
    from stretch.history.calendar import first_side
    from stretch.history.store import History

    with History.open(history_file()) as history:
        return first_side(history, routine_id)


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


def replay_for(known: Catalogue, log: Log, person: Profile | None = None) -> Progress:
    """The log replayed for this person: their profile, and the `checkin` setting."""
    from stretch.coach.levels import replay_log

    return replay_log(known, log, person or profile(), checkins_on=settings().values.checkin)
