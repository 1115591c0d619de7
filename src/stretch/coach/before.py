"""The start screen, before every session: today's routine and how long it takes this
person, what changed since last time for the moves of this session (doses, rungs, moves
left out), the safety note the first time, the check-in (with the flare-up plan and the
gentlest routine when it is high, and a question when a high next-day rating may have
another cause), then a key to start. Nothing is covered by the full screen unread: the
screen waits for that key at a terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from stretch.coach import rules
from stretch.coach.talk import ELSEWHERE, Coach
from stretch.text_doses import print_again
from stretch.text_safety import BEFORE_YOU_START, SORE_BEFORE
from stretch.vocab import PAIN_SCALE

if TYPE_CHECKING:
    from stretch.coach.replay import Progress
    from stretch.model import Routine
    from stretch.session.options import Options

BEFORE = f"How is your back right now, {PAIN_SCALE}?"
FIRST_TIME = "Your doses start low and grow after good sessions (`stretch progress` says why)."
GENTLY = "Start gently?"
START = "Ready to start?"

# What fitting into the minutes changed, and 'Today: Hip reset, about 9 minutes'.
Describe = Callable[["Routine", "Options"], tuple[list[str], str]]


def start(coach: Coach, chosen: Routine, options: Options, describe: Describe
          ) -> tuple[Routine, Options] | None:
    """The routine as it will run for this person and the options with the check-in's
    answers; None when the person decides not to start."""
    first = not coach.log.sessions
    progress = coach.replay()
    mine, gone = coach.mine(chosen, progress)
    if not mine.items:
        coach.left_out(gone, mine)
        coach.term.say(f"No move of {chosen.title} fits you today: try another routine "
                       "(`stretch list`), or change your answers with `stretch setup`.")
        return None
    if first and coach.known.notes is not None:  # the safety note first, then what starts
        coach.term.say(FIRST_TIME, style="dim")
        coach.red_flags(BEFORE_YOU_START, short=coach.term.interactive)
    _describe(coach, describe(mine, options))
    if coach.log.sessions:
        moves = {m.id for m in mine.moves} | {m.id for m in chosen.moves}
        changes = [c for c in progress.since(coach.log.sessions[0].started)
                   if c.move in moves or c.replaced in moves]
        coach.explain(changes, about=coach.mine(chosen, progress, dosed=False)[0],
                      settings=options.settings.values.timings())
        if changes:  # for a person with the sheet on the wall
            coach.term.say(print_again(chosen.id), style="dim")
    coach.left_out(gone, mine)
    if rules.needs_advice(coach.log.sessions):
        coach.advise()
        if coach.term.interactive and not coach.ask("Start anyway?", False):
            return None
    return _check_in(coach, chosen, mine, options, describe=describe, progress=progress)


def _check_in(coach: Coach, chosen: Routine, mine: Routine, options: Options, *,
              describe: Describe, progress: Progress) -> tuple[Routine, Options] | None:
    """The "before" rating and what it changes, then the key to start."""
    from stretch import wallclock

    asking = coach.term.interactive and options.settings.values.checkin and not options.demo
    pain = options.pain_before
    if pain is None and asking:
        pain = coach.rate(BEFORE)
    elsewhere = pain is not None and asking and coach.next_day_high(pain) and coach.ask(
        ELSEWHERE, False)
    options = replace(options, pain_before=pain, pain_elsewhere=elsewhere)
    gentle = False
    if pain is not None and (pain >= rules.FLARE_PLAN or progress.flare.on):
        picked = _gentler(coach, chosen, pain, options, progress)
        if picked is None:
            return None
        gentle = True  # a session on a bad day, on the coach's word: never a step up
        chosen = picked
    coach.progress = progress
    if pain is not None and not options.demo:
        now = wallclock.local_now().replace(microsecond=0)
        coach.progress = coach.replay((now, pain, elsewhere))
        news = coach.progress.changes[len(progress.changes):]
        coach.explain(news, about=coach.mine(chosen, dosed=False)[0],
                      settings=options.settings.values.timings())
        if news or gentle:
            mine, gone = coach.mine(chosen)
            if gentle:
                _describe(coach, describe(mine, options))
            coach.left_out(gone, mine)
    if not mine.items:
        return None
    waits = (options.settings.values.wait_to_start or pain is not None  # a rating: a key after
             or not coach.log.sessions)  # and the first time, after the safety note
    if coach.term.interactive and waits and not coach.ask(START, True):
        return None
    return mine, replace(options, gentle=gentle)


def _describe(coach: Coach, said: tuple[list[str], str]) -> None:
    """The fitting's notes (on stderr, as every note) and the routine's line."""
    notes, line = said
    for note in notes:
        coach.term.note(note)
    coach.term.say(line)


def _gentler(coach: Coach, chosen: Routine, pain: int, options: Options,
             progress: Progress) -> Routine | None:
    """A high rating, or a flare: the flare-up plan (and the red flags when high), and at
    a terminal a question, so the person has time to read them before a full screen
    covers them: the offer of the gentlest routine, or, when this is it, whether to start
    gently. None when the person says no to that."""
    since = progress.flare.since if progress.flare.on else None
    gentle = coach.high_pain(pain, options.settings.values.timings(), heading=SORE_BEFORE,
                             short=coach.term.interactive, flare_since=since)
    if not coach.term.interactive:
        return chosen
    if gentle is not None and gentle.id != chosen.id:
        instead = coach.ask(f"Do the {gentle.title.lower()} instead?", True)
        return gentle if instead else chosen
    return chosen if coach.ask(GENTLY, True) else None
