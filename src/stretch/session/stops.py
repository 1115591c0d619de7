"""Time the process spends stopped is not work: Ctrl-Z, SIGSTOP, a laptop lid.

A session reads the keys (the live view, `--plain` at a terminal) or it does not (a
pipe). Either way a stop is noticed when the process is continued (SIGCONT), and the
time it was stopped becomes paused time, counted from the last moment the session was
seen awake (it wakes at least once a second, at each second shown). With keys the
session comes back paused, to go on with space; without, it goes on by itself, the
same step with the same time left. Ctrl-Z with keys is exact: `keys.RawKeys` dates the
pause at the moment of suspension.
"""

from __future__ import annotations

import signal
from types import FrameType, TracebackType

from stretch.session.engine import Command, Order, Session, Waiter
from stretch.session.keys import Terminated

ENDING = (signal.SIGTERM, signal.SIGHUP)


class Awake:
    """The last session time the session was seen running, and a stop noticed since."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.at = session.clock.now()
        self.stopped_at: float | None = None

    def seen(self) -> None:
        self.at = self.session.clock.now()

    def continued(self) -> None:
        """SIGCONT: the process was stopped somewhere after it was last seen awake."""
        if self.stopped_at is None:
            self.stopped_at = self.at

    def take(self) -> Order | None:
        """A pause dated when the stop began, once, if there was a stop."""
        if self.stopped_at is None:
            return None
        at, self.stopped_at = self.stopped_at, None
        return Order(Command.PAUSE, at)


class Unattended:
    """For a session that reads no keys (plain lines into a pipe): a stop and continue
    (SIGSTOP, or Ctrl-Z at the terminal the output goes to) is paused time and the session
    goes on by itself; SIGTERM and SIGHUP end it as they do with keys (`Terminated`), so
    its row is closed and its helpers are ended. A context manager around the session."""

    def __init__(self, session: Session, wait: Waiter) -> None:
        self.awake = Awake(session)
        self._wait = wait
        self._resume = False
        self._old: dict[int, object] = {}

    def __enter__(self) -> Unattended:
        self._old[signal.SIGCONT] = signal.signal(signal.SIGCONT, self._continued)
        for signum in ENDING:
            self._old[signum] = signal.signal(signum, self._terminate)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        for signum, handler in self._old.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        self._old.clear()

    def _continued(self, signum: int, frame: FrameType | None) -> None:
        self.awake.continued()

    def _terminate(self, signum: int, frame: FrameType | None) -> None:
        raise Terminated(signum)

    def wait(self, deadline: float) -> Command | Order | None:
        if self._resume:
            self._resume = False
            return Command.RESUME
        order = self.awake.take()
        if order is None:
            self.awake.seen()
            self._wait(deadline)
            order = self.awake.take()
        if order is not None:
            self._resume = True  # nobody to press space: it goes on by itself
        return order
