"""The coach for one command: the catalogue, the log as read once, the person's profile,
and how to ask. What it says before a session is in before.py, after one in after.py;
here are the pieces both use (the replay, the person's routine, the red flags, the lines
that explain a change, the gentlest routine and the flare-up plan).

It asks through the callables it is given (`Ask`, `Rate`), so nothing here imports a
command.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from stretch.coach import doses, rules
from stretch.coach.levels import LeftOut, Log, Standing, replay_log
from stretch.coach.profile import Profile
from stretch.coach.wording import change_line

if TYPE_CHECKING:
    from datetime import datetime

    from stretch.coach.replay import Progress
    from stretch.model import Catalogue, Routine
    from stretch.output import Terminal
    from stretch.plan import Timings

Ask = Callable[[str, bool], bool]  # a yes/no question and its default -> the answer
Rate = Callable[[str], "int | None"]  # a 0-10 question -> the rating, None when skipped

FLARE_TOPIC = "flare-up"  # the `stretch learn` note a flare and a high rating offer
ELSEWHERE = ("Did something other than these exercises bring it on (lifting, a long drive)? "
             "Then it steps nothing back.")


def _default(question: str, default: bool) -> bool:
    return default


def _skip(question: str) -> int | None:
    return None


@dataclass
class Coach:
    """The coach for one command. `progress` is the replay the session started from,
    kept to add the session to; `checkins_on` is the `checkin` setting."""

    term: Terminal
    known: Catalogue
    log: Log
    profile: Profile = field(default_factory=Profile)
    ask: Ask = _default
    rate: Rate = _skip
    checkins_on: bool = True
    progress: Progress | None = field(default=None, init=False)

    def replay(self, pending: tuple[datetime, int, bool] | None = None) -> Progress:
        """The log replayed, with a "before" rating just given as its latest event."""
        return replay_log(self.known, self.log, self.profile, checkins_on=self.checkins_on,
                          pending=pending)

    def mine(self, chosen: Routine, progress: Progress | None = None, *,
             dosed: bool = True) -> tuple[Routine, tuple[LeftOut, ...]]:
        """`chosen` as it runs for this person now (their rungs, and with `dosed` their
        doses: without, each rung's item as the routine writes it), and the moves it
        leaves out."""
        standing = Standing.of(progress or self.progress or self.replay(), self.profile)
        if not dosed:
            standing = replace(standing, levels=None)
        return standing.routine(self.known, chosen)

    def next_day_high(self, pain: int) -> bool:
        """A rating now, the day after the latest session, high enough to step it back
        (unless its pain came from something else: worth asking)."""
        from datetime import timedelta

        from stretch import wallclock

        last = next((r for r in self.log.sessions if not r.demo), None)
        return (last is not None and last.pain_before is not None
                and wallclock.local_now().date() == last.day + timedelta(days=1)
                and pain - last.pain_before >= rules.WORSE)

    def red_flags(self, heading: str, *, short: bool = True) -> None:
        """The safety note headed for its moment, the emergency signs last (on screen at
        any question); `short` before a question, the other signs summed up in a line."""
        from stretch.views.safety import safety_compact

        if self.known.notes is not None:
            self.term.show(safety_compact(self.known.notes, heading, short=short))

    def advise(self) -> None:
        from stretch.views.progress import advice_panel

        self.term.show(advice_panel(rules.ADVICE, boxed=not self.term.boxless))

    def flare_plan(self) -> None:
        """The flare-up plan from `stretch learn`, when the catalogue has it."""
        from stretch.views import learn

        plan = learn.topic(self.known, FLARE_TOPIC, boxed=not self.term.boxless)
        if plan is not None:
            self.term.show(plan)

    def high_pain(self, rating: int, timings: Timings, *, heading: str, short: bool = True,
                  flare_since: datetime | None = None) -> Routine | None:
        """The flare-up plan (at FLARE_PLAN or more, or in a flare), the red flags under
        `heading` (at HIGH or more; `short` when a question follows), and the gentlest
        routine to suggest (None if there is none)."""
        if rating >= rules.FLARE_PLAN or flare_since is not None:
            self.flare_plan()
        if rating >= rules.HIGH:  # after the plan: the emergency signs last, by the question
            self.red_flags(heading, short=short)
        gentle = gentlest(self.known, timings)
        advice = (f"Your back is at {rating}/10 right now" if flare_since is None else
                  f"Your back has been worse than usual since {flare_since:%A %d %B}")
        advice += ". Go gently and stop any move that hurts"
        if gentle is not None:
            advice += f"; the gentlest routine is {gentle.title} (stretch run {gentle.id})"
        self.term.say(advice + ".")
        return gentle

    def explain(self, changes: Sequence[rules.Change], *, about: Routine | None = None,
                settings: Timings | None = None) -> None:
        """One line per change: 'Clamshell: 6 -> 8 reps: your last two sessions went
        well', 'Pigeon stretch replaces Supine figure-four stretch from today: ...'; for
        a move of the routine `about` to run, also what it runs there (as the timer runs
        it, with `settings`) when that differs: '7 -> 9 reps (8 in this routine)'."""
        items = {} if about is None else {i.move.id: i for i in reversed(about.items) if i.move}
        for change in changes:
            move = self.known.moves.get(change.move)
            if move is None:
                continue
            if change.kind == "rung":
                old = self.known.moves.get(change.replaced or "")
                self.term.say(f"{move.name} replaces {old.name if old else change.replaced} "
                              f"from today: {change.why}.")
                continue
            item, here = items.get(move.id), None
            if item is not None and settings is not None:
                then, now = (doses.runs_at(item, move, level, settings)
                             for level in (change.before, change.after))
                here = None if then is None or now is None else (then, now)
            self.term.say(change_line(change, move.name, doses.dose_ladder(move), here))

    def left_out(self, gone: Sequence[LeftOut], kept: Routine) -> None:
        """A line for the moves of the routine that nothing on their ladder fits, one
        for each reason."""
        from stretch.coach.wording import left_out_lines

        for line in left_out_lines(gone, kept):
            self.term.say(line, style="yellow")


def gentlest(known: Catalogue, timings: Timings) -> Routine | None:
    """The gentlest routine: the shortest with no move on the floor (the desk break in the
    built-ins), else the shortest of all."""
    from stretch.model import FLOOR_POSITIONS
    from stretch.plan import timed_steps, total_seconds

    routines = sorted(known.routines.values(),
                      key=lambda r: (any(m.position in FLOOR_POSITIONS for m in r.moves),
                                     total_seconds(timed_steps(r, timings))))
    return routines[0] if routines else None
