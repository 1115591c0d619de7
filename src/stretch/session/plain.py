"""Plain output for pipes, `TERM=dumb` and screen readers: one line per step, then a summary.

No colour, no cursor movement, no boxes: each step start is one line a screen reader
reads once. The first time a move comes up (in the pause before it, or as it starts)
its setup, cues and cautions follow, a line each: without the picture, the words are
how to get into the position. At a terminal the keys still work (space, n, b, q, ?, and
i to hear the move's instructions again), read without echo, so `--plain` is the whole
session for someone who listens rather than looks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from stretch.model import Move
from stretch.session.engine import (
    Command,
    Event,
    Finished,
    Listener,
    Order,
    Paused,
    Resumed,
    Session,
    StepStarted,
    Stopped,
    Summary,
    run_session,
)
from stretch.text import clock, plural
from stretch.text_doses import step_name


def instruction_lines(move: Move) -> list[str]:
    """A move's setup, cues and cautions as plain lines, each labelled for the ear."""
    return [f"  Setup: {move.setup}", *[f"  Cue: {cue}" for cue in move.cues],
            *[f"  Caution: {caution}" for caution in move.cautions]]


class PlainPrinter:
    """One plain line per step for pipes and screen readers, then a summary line."""

    def __init__(self, write: Callable[[str], None], title: str, *, keys: bool = True) -> None:
        self.write = write
        self.title = title
        self.keys = keys  # space goes on after a pause (without keys: a stop, going on by itself)
        self.origin: float | None = None
        self.told: set[str] = set()  # the moves whose instructions have been printed

    def __call__(self, event: Event) -> None:
        if isinstance(event, StepStarted):
            if self.origin is None:
                self.origin = event.at
            step = event.step
            label = step_name(step)
            if step.move is None and step.next_label:
                label += f" (next: {step.next_label})"
            self._line(event.at, f"{label}  {step.seconds:g} s")
            move = step.move or step.next_move
            if move is not None and move.id not in self.told:
                self.told.add(move.id)
                for line in instruction_lines(move):
                    self.write(line)
        elif isinstance(event, Paused):
            self._line(event.at, "Paused (space to go on)" if self.keys else "Paused while stopped")
        elif isinstance(event, Resumed):
            self._line(event.at, "Resumed")
        elif isinstance(event, (Finished, Stopped)):
            self.write(summary_line(event.summary, self.title))

    def _line(self, at: float, text: str) -> None:
        origin = at if self.origin is None else self.origin
        self.write(f"{clock(at - origin)}  {text}")


def summary_line(summary: Summary, title: str) -> str:
    """'Completed Hip reset after 10:40: 20 holds and sets done, no steps skipped.'

    A session that ran to its end with most of its work skipped is not completed: it
    reads 'Stopped ..., most of it skipped: ...', as the history logs it."""
    status = "Completed" if summary.status == "completed" else "Stopped"
    skipped = plural(summary.steps_skipped, "step") if summary.steps_skipped else "no steps"
    why = ", most of it skipped" if summary.reached_end and status == "Stopped" else ""
    return (
        f"{status} {title} after {clock(summary.active_seconds)}{why}: "
        f"{plural(summary.holds_done, 'hold')} and sets done, {skipped} skipped."
    )


class PlainKeys:
    """The keys of the live view for plain output: read raw (never echoed), waiting on the
    clock in between; Ctrl-Z pauses at the moment of suspension, as in the live view."""

    def __init__(self, session: Session, write: Callable[[str], None]) -> None:
        from stretch.session.keys import RawKeys
        from stretch.session.stops import Awake

        self.session = session
        self.write = write
        self.awake = Awake(session)  # Ctrl-Z and SIGSTOP: the gap is paused time
        self.keys = RawKeys(on_suspend=self._on_suspend, on_continue=self.awake.continued)

    def _on_suspend(self) -> None:
        self.awake.stopped_at = self.session.clock.now()

    def wait(self, deadline: float) -> Command | Order | None:
        from stretch.session.view import KEY_COMMANDS, KEYS_HELP

        order = self.awake.take()
        if order is not None:
            return order
        self.awake.seen()
        key = self.keys.read_key(self.session.clock.real_seconds_until(deadline))
        order = self.awake.take()  # stopped while waiting: nothing ran out meanwhile
        if order is not None:
            return order
        if key == "?":
            self.write(f"Keys: {KEYS_HELP}")
            return None
        if key == "i":
            step = self.session.step
            move = step.move or step.next_move
            for line in instruction_lines(move) if move else ["No move now: this is a pause."]:
                self.write(line)
            return None
        return KEY_COMMANDS.get(key or "")


def run_plain(
    session: Session, *, title: str, listeners: Sequence[Listener], write: Callable[[str], None],
    keys: bool = False,
) -> Summary:
    """Print lines as steps start, waiting on the clock; with `keys` (a terminal to read
    from), answer the session keys too. The line comes first, then the other listeners
    (the history's write): what a person follows is never late for a disk."""
    printer = PlainPrinter(write, title, keys=keys)
    every: list[Listener] = [printer, *listeners]
    if not keys:
        from stretch.session.stops import Unattended

        with Unattended(session, session.clock.sleep_until) as unattended:
            return run_session(session, wait=unattended.wait, listeners=every, refresh=1.0)
    reader = PlainKeys(session, write)
    with reader.keys:
        return run_session(session, wait=reader.wait, listeners=every, refresh=1.0)
