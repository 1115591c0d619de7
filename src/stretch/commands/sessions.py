"""`run` and `today`: choose a routine with the person, then guide it with the coach.

Each loads the catalogue once and opens the history once, and hands both down: the
picker, today's choice, the coach and the session runner all read the same ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from stretch import text
from stretch.coach.levels import Standing
from stretch.commands.common.basics import (
    catalogue,
    lookup,
    open_history,
    routine,
    show_routine,
    timings,
)
from stretch.commands.common.changed import sync_after, weekly_goals
from stretch.commands.common.person import (
    first_side_today,
    intake_for,
    planned,
    plans_noted,
    profile_and_path,
    read_standing,
)

if TYPE_CHECKING:
    from stretch.coach.profile import Profile
    from stretch.coach.talk import Coach
    from stretch.history.store import History
    from stretch.model import Catalogue, Routine
    from stretch.output import Terminal
    from stretch.session.options import Options

DESK_BREAK = "desk-break"
NOT_TODAY = "Not today: nothing was logged."
OFFER = "A one-minute setup first, to fit the plan to your body?"
PICK = "Which routine? (number or name) "


@contextmanager
def before_starting(term: Terminal) -> Iterator[None]:
    """Ctrl-C before a session starts ends with a line saying so, not in silence."""
    try:
        yield
    except KeyboardInterrupt:
        term.say(NOT_TODAY)
        raise


def coach_for(term: Terminal, known: Catalogue, history: History, person: Profile,
              options: Options) -> Coach:
    """The coach for this session, asking its questions one key at a time."""
    from stretch.coach.levels import Log
    from stretch.coach.talk import Coach
    from stretch.session.rating import ask_rating, ask_yes_no

    return Coach(term, known, Log.read(history), person,
                 ask=lambda question, default: ask_yes_no(term, question, default=default),
                 rate=lambda question: ask_rating(term, question),
                 checkins_on=options.settings.values.checkin)


def session(term: Terminal, known: Catalogue, history: History, chosen: Routine,
            options: Options, *, person: Profile) -> None:
    """Guide and log one session, with the coach around it: the start screen (what runs
    for this person, what changed, the check-in, a key to start) and the questions after;
    a line to say so when the person decides not to start. `known` has the person's week
    (for the streak at the end)."""
    from stretch import wallclock
    from stretch.coach.after import finish
    from stretch.coach.before import start
    from stretch.history.calendar import current_streak
    from stretch.session.runner import describe, run_routine

    plans = plans_noted(history, known, wallclock.local_now().date())

    coach = coach_for(term, known, history, person, options)
    with before_starting(term):
        ready = start(coach, chosen, options,
                      lambda routine, opts: describe(routine, history, opts))
    if ready is None:
        term.say(NOT_TODAY)
        return
    dosed, options = ready
    logged = run_routine(dosed, history, options, term, streak=lambda: current_streak(
        known, history, wallclock.local_now(), plans))
    if logged.began:  # "And now?" (and the goals) are about a session that happened
        finish(coach, history, history.session(logged.session_id), options)
        if not options.demo:
            weekly_goals(term, history)
    sync_after(term, known, history)


def offer_setup(term: Terminal, known: Catalogue, history: History) -> Profile:
    """Before the very first session at a terminal, the intake, skippable; the person's
    answers (the defaults, a gentle start, when skipped)."""
    from stretch.coach import profile as profiles
    from stretch.session.rating import ask_yes_no

    found, path = profile_and_path()
    if found is not None or history.count() or not term.interactive:
        return found or profiles.Profile()
    if not ask_yes_no(term, OFFER, default=True):
        return profiles.Profile()
    answers = intake_for(term, known, profiles.Profile())
    profiles.save(path, answers)
    term.say(f"Saved to {path}; `stretch setup` changes it.", style="dim")
    return answers


def run(term: Terminal, name: str | None, options: Options) -> None:
    known = catalogue()
    if name is None:
        with before_starting(term):
            name = pick_routine(term, known)
    chosen = routine(known, name)
    with open_history(term) as history:
        with before_starting(term):
            person = offer_setup(term, known, history)
        session(term, planned(known, Standing(person)), history, chosen, options,
                person=person)


def pick_routine(term: Terminal, known: Catalogue) -> str:
    """A numbered list of routines with their minutes at the person's doses (as `list`
    gives them); the answer is a number, or a name, its title or the start of either."""
    from stretch.errors import StretchError, UsageProblem

    if not term.interactive:
        raise UsageProblem("name a routine to run (see `stretch list`): no terminal to ask in")
    routines = list(known.routines.values())
    term.show(_choices(term, known))
    while True:
        try:
            answer = term.out.input(PICK).strip()
        except EOFError:
            term.say("")  # end the prompt's line before the error
            raise StretchError("no routine chosen") from None
        except KeyboardInterrupt:
            term.say("")  # and before the line saying nothing was logged
            raise
        number = text.whole_number(answer)
        if number is not None and 1 <= number <= len(routines):
            return routines[number - 1].id
        found = lookup(known.routines, answer, lambda r: r.title, prefix=True)
        if len(found) == 1:
            return found[0].id
        if found:
            term.note(f"'{answer}' could be " + " or ".join(r.id for r in found)
                      + ": type more of the name, or its number.")
        else:
            term.note(f"Type a number from 1 to {len(routines)}, or a name (its start will do).")


def _choices(term: Terminal, known: Catalogue) -> object:
    from stretch.plan import timed_steps, total_seconds
    from stretch.views.picker import choices

    plans, standing = timings(), read_standing(term, known)
    return choices([(each, text.minutes(total_seconds(timed_steps(
        standing.routine(known, each)[0], plans)))) for each in known.routines.values()])


def today(term: Terminal, options: Options, *, preview: bool, as_json: bool) -> None:
    from stretch import wallclock

    known = catalogue()
    now = wallclock.local_now()
    if preview or as_json:
        preview_today(term, known, now, options, as_json=as_json)
        return
    with open_history(term) as history:
        with before_starting(term):
            person = offer_setup(term, known, history)
            mine = planned(known, Standing(person))
            chosen = choose_today(term, mine, history, now)
        if chosen is not None:
            minutes = options.minutes or person.minutes  # the day's minutes, as set up
            session(term, mine, history, chosen, replace(options, minutes=minutes),
                    person=person)


def choose_today(term: Terminal, known: Catalogue, history: History, now: datetime
                 ) -> Routine | None:
    """Today's routine from the week plan, after checking rest days and what is done."""
    from stretch.errors import printable
    from stretch.history.calendar import done_today, today
    from stretch.session.rating import ask_yes_no

    day = today(known, history, now)
    if day.routine is None:
        term.say(text.rest_day(now.strftime("%A")))
        desk = known.routines.get(DESK_BREAK)
        if desk is None:
            return None
        if not term.interactive:
            term.say(f"If you would like to move anyway: stretch run {DESK_BREAK}")
            return None
        question = f"Do the {desk.title.lower()} instead?"
        return desk if ask_yes_no(term, question, default=False) else None
    last = done_today(day)
    if last is not None:  # done: the plan's routine, or another (the coach's gentler one)
        term.say(text.done_today(printable(last.title), last.started.time()))
        again = ("Go again?" if last.routine == day.routine.id
                 else f"The plan had {day.routine.title} today: do it too?")
        if not term.interactive or not ask_yes_no(term, again, default=False):
            return None
    return day.routine


def preview_today(term: Terminal, known: Catalogue, now: datetime, options: Options, *,
                  as_json: bool) -> None:
    """Today's routine without starting it: `show` with the day (as JSON, `show`'s fields
    plus the day)."""
    from stretch.commands.common.person import personal, profile
    from stretch.history.calendar import routine_on
    from stretch.model import WEEKDAYS
    from stretch.output import emit_json

    person = profile()
    chosen = routine_on(planned(known, Standing(person)), now.date())
    day = {"day": WEEKDAYS[now.weekday()], "date": now.date().isoformat(),
           "rest": chosen is None}
    if chosen is None:
        if as_json:
            emit_json(day)
        else:
            term.say(text.rest_day(now.strftime("%A")))
        return
    if not as_json:
        term.say(f"Today ({now.strftime('%A')}):", style="bold")
    mine = personal(term, known, chosen, read_standing(term, known, person))
    show_routine(term, mine, options.settings.values.timings(first_side_today(mine.id)),
                 as_json=as_json, minutes=options.minutes or person.minutes, extra=day,
                 notes=known.notes)
