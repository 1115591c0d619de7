"""Write a running session into the history as it happens, step by step.

The row is created before the session starts (so a history that cannot be written
stops us before anyone gets on the floor), updated as each step finishes, and closed
with the final status. A process killed mid-session leaves a `running` row that the
history reads back as interrupted. Which side went first is written once the session
has reached its first sided move (with the next write), so a session quit before then
does not swap the sides.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from stretch import wallclock
from stretch.errors import StretchError
from stretch.history.database import Busy
from stretch.history.rows import NO_SIDE
from stretch.history.store import History
from stretch.model import Routine
from stretch.session.engine import Event, Finished, Session, StepDone, StepStarted, Stopped

# While a session runs, a write waits this long for another program's lock and then
# leaves it to the next step's write (which puts the whole row): the timer never waits on
# the disk. At the end, the last write waits out a lock for up to SETTLE seconds.
STEP_WAIT = 0.2
SETTLE = 60.0
RETRY = 0.5  # seconds between tries of the last write


class Recorder:
    """An engine listener that keeps one history row up to date.

    No write failure ends the session (a lock held by another program, a full disk): the
    row as it should be is kept in memory (`History` keeps it) and put whole at the next
    write; `settle` makes the last try after the session and says what was lost, if any.
    """

    def __init__(self, history: History, session: Session, routine: Routine, *,
                 pain_before: int | None = None, gentle: bool = False,
                 pain_elsewhere: bool = False,
                 now: Callable[[], datetime] | None = None) -> None:
        self.history = history
        self.session = session
        self._now = now  # None: the wall clock, read at each call (a test pins it)
        self.closed = False
        self.first_side: str | None = None  # once a sided move starts: written with the
        self.side_written = False           # next step's progress (or the close)
        self.id = history.begin(
            routine=routine.id, title=routine.title, started=self.now(),
            planned_seconds=sum(s.seconds for s in session.steps),
            steps_total=len(session.steps), first_side=NO_SIDE, speed=session.clock.speed,
            moves=tuple(m.id for m in routine.moves), pain_before=pain_before,
            gentle=gentle, pain_elsewhere=pain_elsewhere,
        )
        self.title = routine.title
        self.status = "running"
        self.unsaved: str | None = None  # why the last write failed, until one works
        self._finish: Callable[[], None] = lambda: None  # the closing write, to try again
        self.locked = False  # the last failure was another program's lock: worth waiting
        history.wait_for_locks(STEP_WAIT)

    def __call__(self, event: Event) -> None:
        if isinstance(event, StepStarted):
            if self.first_side is None and event.step.side in ("left", "right"):
                self.first_side = event.step.side
        elif isinstance(event, StepDone):
            move = event.step.move
            active, done, skipped = self._counts(event.at)
            self._try(lambda: self.history.progress(
                self.id, active_seconds=active, steps_done=done, steps_skipped=skipped,
                group=move.group if move and not event.skipped else None,
                seconds=event.step.seconds, first_side=self._side(),
            ))
        elif isinstance(event, (Finished, Stopped)):
            self.close(event.summary.status, at=event.at)

    def _try(self, write: Callable[[], None]) -> bool:
        """One write; when it fails, why, kept until a later one (which puts the whole
        row) works. Whether it worked."""
        try:
            write()
        except StretchError as err:
            self.unsaved = err.message
            self.locked = isinstance(err, Busy)
            return False
        self.unsaved = None
        return True

    def _counts(self, at: float | None = None) -> tuple[float, int, int]:
        """Active seconds, steps done and steps skipped so far."""
        session = self.session
        return session.active(at), len(session.done_steps), len(session.skipped_steps)

    def close(self, status: str, at: float | None = None) -> None:
        """Close the row once (the end of the session, or an interruption)."""
        if not self.closed:
            self.closed = True
            self.status = status
            active, done, skipped = self._counts(at)
            ended = self.now()
            self._finish = lambda: self.history.finish(
                self.id, status=status, ended=ended, active_seconds=active, steps_done=done,
                steps_skipped=skipped, first_side=self._side())
            self._try(self._finish)

    def settle(self, *, said: Callable[[str], None], patience: float = SETTLE) -> str | None:
        """After the session: write what is still unwritten, waiting out a lock for up to
        `patience` seconds (`said` says once that it waits). None when all is written,
        else the one line saying what was lost and why."""
        why = self.unsaved
        if not self.closed or why is None:
            return None
        self.history.wait_for_locks(min(patience, 5.0))
        deadline = time.monotonic() + patience
        if self._try(self._finish):
            return None
        if self.locked and patience > 0:  # (a full disk or a read-only folder: no wait)
            said(f"stretch: waiting up to {patience:g} s to write the history "
                 f"({self.unsaved})")
            while time.monotonic() < deadline:
                time.sleep(RETRY)
                if self._try(self._finish):
                    return None
        return (f"{self.unsaved or why}; this session ({self.title}, {self.status}) was not "
                "saved in the history")

    def now(self) -> datetime:
        return wallclock.local_now() if self._now is None else self._now()

    def _side(self) -> str | None:
        """Which side went first, the first time there is one to write (else None)."""
        if self.first_side is None or self.side_written:
            return None
        self.side_written = True
        return self.first_side
