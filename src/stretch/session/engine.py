"""The session state machine: planned steps plus a clock plus commands become events.

Deadlines, not sleeps: a step that runs its course ends at exactly its deadline, and
the next one starts there, however late the caller noticed. Only pauses (and a
deliberate next or back) move the schedule, so slow rendering never adds drift.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from stretch.session.clock import Clock
from stretch.steps import Step

BACK_GRACE = 2.0  # within this many seconds of a step's start, back goes to the previous step
# A session that reaches its end is completed only when more than this share of its work
# (the planned seconds of its hold and counted steps) was actually run; otherwise stopped.
COMPLETE_SHARE = 0.5
WORK: frozenset[str] = frozenset({"hold", "count"})


class Command(enum.Enum):
    PAUSE = "pause"
    RESUME = "resume"
    TOGGLE = "toggle"  # pause when running, resume when paused
    NEXT = "next"
    BACK = "back"
    STOP = "stop"


@dataclass(frozen=True, slots=True)
class StepStarted:
    index: int
    step: Step
    at: float


@dataclass(frozen=True, slots=True)
class Tick:
    index: int
    step: Step
    elapsed: float
    remaining: float
    at: float


@dataclass(frozen=True, slots=True)
class Paused:
    index: int
    at: float


@dataclass(frozen=True, slots=True)
class Resumed:
    index: int
    at: float


@dataclass(frozen=True, slots=True)
class StepDone:
    index: int
    step: Step
    skipped: bool
    at: float


@dataclass(frozen=True, slots=True)
class Summary:
    """What a session amounted to, for the end screen and the history."""

    status: str  # completed | stopped
    active_seconds: float
    steps_done: int
    steps_skipped: int
    holds_done: int
    reached_end: bool = False  # ran to its last step (when stopped: most work skipped)


@dataclass(frozen=True, slots=True)
class Finished:
    summary: Summary
    at: float


@dataclass(frozen=True, slots=True)
class Stopped:
    summary: Summary
    at: float


Event = StepStarted | Tick | Paused | Resumed | StepDone | Finished | Stopped


@dataclass(slots=True)
class Session:
    """One run through a list of steps. Times are session-clock times.

    `active` time is session time minus the time spent paused; each step starts at an
    active time (`step_start`) and ends `step.seconds` later.
    """

    steps: Sequence[Step]
    clock: Clock
    index: int = 0
    started_at: float = 0.0
    paused_total: float = 0.0
    paused_since: float | None = None
    step_start: float = 0.0
    done: bool = False
    done_steps: set[int] = field(default_factory=set)
    skipped_steps: set[int] = field(default_factory=set)
    worked: dict[int, float] = field(default_factory=dict)  # seconds run of each work step

    # --- time -------------------------------------------------------------------

    def active(self, at: float | None = None) -> float:
        """Active seconds since the start at clock time `at` (pauses excluded)."""
        at = self.clock.now() if at is None else at
        if self.paused_since is not None:
            at = self.paused_since
        return at - self.started_at - self.paused_total

    def deadline(self) -> float | None:
        """Clock time at which the current step ends, or None when paused or done."""
        if self.done or self.paused_since is not None:
            return None
        return self.started_at + self.paused_total + self.step_start + self.step.seconds

    @property
    def step(self) -> Step:
        return self.steps[self.index]

    @property
    def paused(self) -> bool:
        return self.paused_since is not None

    def elapsed(self, at: float | None = None) -> float:
        """Seconds into the current step."""
        return min(self.step.seconds, max(0.0, self.active(at) - self.step_start))

    def remaining(self, at: float | None = None) -> float:
        return self.step.seconds - self.elapsed(at)

    def remaining_total(self, at: float | None = None) -> float:
        """Seconds left in the whole session, from the current step on."""
        later = sum(s.seconds for s in self.steps[self.index + 1 :])
        return self.remaining(at) + later

    # --- driving ----------------------------------------------------------------

    def start(self) -> list[Event]:
        self.started_at = self.clock.now()
        if not self.steps:
            self.done = True
            return [self._finished(self.started_at)]
        return [StepStarted(0, self.step, self.started_at)]

    def poll(self, now: float | None = None) -> list[Event]:
        """Finish every step whose deadline has passed by `now`, then report a tick."""
        events: list[Event] = []
        now = self.clock.now() if now is None else now
        deadline = self.deadline()
        while deadline is not None and now >= deadline:
            events += self._advance(skipped=False, at=deadline)
            deadline = self.deadline()
        if not self.done:
            events.append(Tick(self.index, self.step, self.elapsed(now), self.remaining(now), now))
        return events

    def command(self, command: Command, at: float | None = None) -> list[Event]:
        """Apply a user command; `at` lets a signal handler's time be used (Ctrl-Z)."""
        if self.done:
            return []
        at = self.clock.now() if at is None else min(at, self.clock.now())
        events = self.poll(at)
        if events and isinstance(events[-1], Finished):
            return events
        if command is Command.TOGGLE:
            command = Command.RESUME if self.paused else Command.PAUSE
        if command is Command.PAUSE and not self.paused:
            self.paused_since = at
            events.append(Paused(self.index, at))
        elif command is Command.RESUME and self.paused_since is not None:
            self.paused_total += self.clock.now() - self.paused_since
            self.paused_since = None
            events.append(Resumed(self.index, self.clock.now()))
        elif command is Command.NEXT:
            events += self._advance(skipped=True, at=self.clock.now())
        elif command is Command.BACK:
            events += self._back()
        elif command is Command.STOP:
            self.done = True
            events.append(Stopped(self.summary("stopped", at), at))
        return events

    def _advance(self, *, skipped: bool, at: float) -> list[Event]:
        """End the current step at clock time `at` and start the next one there."""
        events: list[Event] = [StepDone(self.index, self.step, skipped, at)]
        (self.skipped_steps if skipped else self.done_steps).add(self.index)
        if self.step.kind in WORK:
            self.worked[self.index] = self.elapsed(at) if skipped else self.step.seconds
        if self.index + 1 >= len(self.steps):
            self.done = True
            events.append(self._finished(at))
            return events
        self.index += 1
        self.step_start = self.active(at)
        events.append(StepStarted(self.index, self.step, at))
        return events

    def _back(self) -> list[Event]:
        now = self.clock.now()
        if self.elapsed(now) < BACK_GRACE and self.index > 0:
            self.index -= 1
            self.done_steps.discard(self.index)
            self.skipped_steps.discard(self.index)
        self.step_start = self.active(now)
        return [StepStarted(self.index, self.step, now)]

    def _finished(self, at: float) -> Finished:
        """The end of the last step: completed when more than COMPLETE_SHARE of the work
        was run, else stopped (skipping every step is not a session done)."""
        planned = sum(s.seconds for s in self.steps if s.kind in WORK)
        status = "completed" if sum(self.worked.values()) > planned * COMPLETE_SHARE else "stopped"
        return Finished(self.summary(status, at, reached_end=True), at)

    def summary(self, status: str, at: float, *, reached_end: bool = False) -> Summary:
        holds = [i for i in self.done_steps if self.steps[i].kind in WORK]
        return Summary(
            status=status,
            active_seconds=self.active(at),
            steps_done=len(self.done_steps),
            steps_skipped=len(self.skipped_steps),
            holds_done=len(holds),
            reached_end=reached_end,
        )


@dataclass(frozen=True, slots=True)
class Order:
    """A command dated in the past: Ctrl-Z pauses at the moment of suspension."""

    command: Command
    at: float


def next_mark(session: Session, now: float) -> float | None:
    """The next moment, in session time, at which what a step shows or says can change:
    its end and each whole second before it (the seconds left, 3-2-1, a rep's count);
    in a counted step with an odd tempo each half second too, for the half reps at which
    the figure changes pose."""
    deadline = session.deadline()
    if deadline is None:
        return None
    step = session.step
    grain = 0.5 if step.kind == "count" and step.tempo and step.tempo % 2 else 1.0
    return deadline - (math.ceil((deadline - now) / grain) - 1) * grain


Waiter = Callable[[float], Command | Order | None]
Listener = Callable[[Event], None]


def run_session(session: Session, *, wait: Waiter, listeners: Sequence[Listener],
                refresh: float = 1.0) -> Summary:
    """Drive a session to its end: wait for the next deadline or a command, emit events.

    `wait(t)` blocks until session time `t` or until the user gives a command, which
    it returns (as an `Order` when it happened earlier). Listeners get a tick at every
    `next_mark` and at least every `refresh` real seconds; in between the process
    sleeps, so a hold costs one wake-up a second.
    """

    def emit(events: list[Event]) -> Summary | None:
        # each listener takes the whole moment in turn, so the first ones (the screen)
        # show the end of a step and the start of the next before a later one (the log)
        # writes either
        for listener in listeners:
            for event in events:
                listener(event)
        ends = [e.summary for e in events if isinstance(e, (Finished, Stopped))]
        return ends[-1] if ends else None

    result = emit(session.start())
    while result is None:
        now = session.clock.now()
        wake = now + refresh * session.clock.speed
        mark = next_mark(session, now)
        order = wait(wake if mark is None else min(wake, mark))
        if isinstance(order, Order):
            result = emit(session.command(order.command, order.at))
        else:
            result = emit(session.command(order) if order else session.poll())
    return result
