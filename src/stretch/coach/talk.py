"""What the coach says around a session: before it, the safety note the first time, the
check-in and today's doses with what changed; after it, the second check-in and what it
means; and, after a high rating at any time, the red flags and the gentlest routine.

It asks through the callables it is given (`Ask`, `Rate`), so nothing here imports a
command, and it reads the log once (`Log`) and replays it once for the whole session.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from stretch.coach import doses, rules
from stretch.coach.levels import Log, replay_log
from stretch.coach.wording import change_line
from stretch.vocab import PAIN_SCALE

if TYPE_CHECKING:
    from stretch.history.rows import SessionRow
    from stretch.history.store import History
    from stretch.model import Catalogue, Routine
    from stretch.output import Terminal
    from stretch.plan import Timings
    from stretch.session.options import Options

Ask = Callable[[str, bool], bool]  # a yes/no question and its default -> the answer
Rate = Callable[[str], "int | None"]  # a 0-10 question -> the rating, None when skipped

BEFORE = f"How is your back right now, {PAIN_SCALE}?"
AFTER = "And now?"
FIRST_TIME = "Your doses start low and grow after good sessions (`stretch progress` says why)."
GENTLY = "Start gently?"
NAMED = 3  # moves named in "next time, A, B, C and 2 more step back"; the rest are counted


def _default(question: str, default: bool) -> bool:
    return default


def _skip(question: str) -> int | None:
    return None


@dataclass
class Coach:
    """The coach for one command: the catalogue, the log as read once, and how to ask.
    `progress` is the replay the session started from, kept to add the session to."""

    term: Terminal
    known: Catalogue
    log: Log
    ask: Ask = _default
    rate: Rate = _skip
    progress: rules.Progress | None = field(default=None, init=False)

    def first_time(self, today: str) -> bool:
        """Before the very first session: the safety note and, at a terminal, what is
        about to start (`today`) and whether to; the emergency signs come last, on screen
        at the question. False when the person says no."""
        if self.log.sessions or self.known.notes is None:
            return True
        self.term.say(FIRST_TIME, style="dim")
        self.red_flags()
        if not self.term.interactive:
            return True
        self.term.say(today)
        return self.ask("Ready to start?", True)

    def before(self, chosen: Routine, options: Options
               ) -> tuple[Routine, Options] | None:
        """The routine at today's doses and the options with the "before" rating; None
        when the person decides not to start."""
        rows = self.log.sessions
        if rules.needs_advice(rows):
            self.advise()
            if self.term.interactive and not self.ask("Start anyway?", False):
                return None
        pain = options.pain_before
        if pain is None and self._asking(options):
            pain = self.rate(BEFORE)
        if pain is not None and pain >= rules.HIGH:
            gentler = self._gentler(chosen, pain, options.settings.values.timings())
            if gentler is None:
                return None
            chosen = gentler
        self.progress = self._replay(None if options.demo else pain)
        if rows:
            changes = self.progress.since(rows[0].started)
            self.explain(changes, about=chosen, settings=options.settings.values.timings())
            if {c.move for c in changes} & {m.id for m in chosen.moves}:
                from stretch.text import print_again

                self.term.say(print_again(chosen.id), style="dim")
        return doses.personal(chosen, self.progress.levels), replace(options, pain_before=pain)

    def after(self, history: History, row: SessionRow, options: Options) -> None:
        """The "after" rating (written at once), what it will change, and the advice to
        stop when it applies."""
        pain = options.pain_after
        if pain is None and self._asking(options):
            pain = self.rate(AFTER)
        if pain is None:
            return
        history.rate_after(row.id, pain)
        row = replace(row, pain_after=pain)
        first = options.pain_before
        if first is not None and pain - first >= rules.WORSE and not options.demo:
            self.term.say(self.worse(row, first, pain))
        if pain >= rules.HIGH:
            self.red_flags()
            self.term.say(f"Your back is at {pain}/10 after this session. Rest it today; if "
                          "it does not settle, or a sign above appears, get advice.")
        if rules.needs_advice([row, *self.log.sessions]):
            self.advise()

    def worse(self, row: SessionRow, before: int, after: int) -> str:
        """After a session that made the back worse, what that changes: 'Your back is 3
        points worse than before: next time, Clamshell and Dead bug step back one
        level.', or that its doses are already at their lowest (nothing steps back)."""
        from stretch.text import run_of

        progress = self.progress or self._replay(None)
        known = len(progress.changes)
        progress.logged(row)
        why = rules.hurt_more(before, after)  # the rule's own reason: this session's step back
        names = list(dict.fromkeys(  # a move steps back once for a session
            self.known.moves[c.move].name for c in progress.changes[known:]
            if c.why == why and c.move in self.known.moves))
        said = f"Your back is {after - before} points worse than before"
        if not names:
            return f"{said}; this session's doses are already at their lowest."
        steps = "steps" if len(names) == 1 else "step"
        return f"{said}: next time, {run_of(names, NAMED)} {steps} back one level."

    def checked_in(self, at: object, rating: int) -> list[rules.Change]:
        """What a check-in just given changes: the changes the rating adds to the replay."""
        from datetime import datetime

        assert isinstance(at, datetime)
        progress = self._replay(None)
        known = len(progress.changes)
        progress.next_day(at, rating)
        return progress.changes[known:]

    def _replay(self, pain: int | None) -> rules.Progress:
        """The log replayed, counting a "before" rating just given as the day after the
        last session."""
        from stretch import wallclock

        now = wallclock.local_now().replace(microsecond=0)
        return replay_log(self.known, self.log, pending=None if pain is None else (now, pain))

    def _asking(self, options: Options) -> bool:
        """Whether to ask for a rating: a person at a terminal, check-ins on, and a real
        session (a demo's ratings would count for nothing)."""
        return (self.term.interactive and options.settings.values.checkin
                and not options.demo)

    def _gentler(self, chosen: Routine, pain: int, timings: Timings) -> Routine | None:
        """After a high rating: the red flags, and at a terminal a question, so the
        person has time to read them before a full screen covers them: the offer of the
        gentlest routine, or, when this is it, whether to start gently. None when the
        person says no to that."""
        gentle = self.high_pain(pain, timings)
        if not self.term.interactive:
            return chosen
        if gentle is not None and gentle.id != chosen.id:
            instead = self.ask(f"Do the {gentle.title.lower()} instead?", True)
            return gentle if instead else chosen
        return chosen if self.ask(GENTLY, True) else None

    def high_pain(self, rating: int, timings: Timings) -> Routine | None:
        """The red flags, and the gentlest routine to suggest (None if there is none)."""
        self.red_flags()
        gentle = gentlest(self.known, timings)
        advice = (f"Your back is at {rating}/10 right now. Go gently and stop any move that "
                  "hurts")
        if gentle is not None:
            advice += f"; the gentlest routine is {gentle.title} (stretch run {gentle.id})"
        self.term.say(advice + ".")
        return gentle

    def red_flags(self) -> None:
        """The short safety note, the emergency signs last (on screen at any question)."""
        from stretch.views.safety import safety_compact

        if self.known.notes is not None:
            self.term.show(safety_compact(self.known.notes))

    def advise(self) -> None:
        from stretch.views.progress import advice_panel

        self.term.show(advice_panel(rules.ADVICE, boxed=not self.term.boxless))

    def explain(self, changes: Sequence[rules.Change], *, about: Routine | None = None,
                settings: Timings | None = None) -> None:
        """One line per change of dose: 'Clamshell: 6 -> 8 reps: your last two sessions
        went well'; for a move of the routine `about` to run, also what it runs there (as
        the timer runs it, with `settings`) when that differs: '7 -> 9 reps (8 in this
        routine)'."""
        items = {} if about is None else {i.move.id: i for i in reversed(about.items) if i.move}
        for change in changes:
            move = self.known.moves.get(change.move)
            if move is None:
                continue
            item, here = items.get(move.id), None
            if item is not None and settings is not None:
                then, now = (doses.runs_at(item, move, level, settings)
                             for level in (change.before, change.after))
                here = None if then is None or now is None else (then, now)
            self.term.say(change_line(change, move.name, doses.dose_ladder(move), here))


def gentlest(known: Catalogue, timings: Timings) -> Routine | None:
    """The gentlest routine: the shortest with no move on the floor (the desk break in the
    built-ins), else the shortest of all."""
    from stretch.model import FLOOR_POSITIONS
    from stretch.plan import timed_steps, total_seconds

    routines = sorted(known.routines.values(),
                      key=lambda r: (any(m.position in FLOOR_POSITIONS for m in r.moves),
                                     total_seconds(timed_steps(r, timings))))
    return routines[0] if routines else None
