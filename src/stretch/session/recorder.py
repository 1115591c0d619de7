"""Write a running session into the history as it happens, step by step.

The row is created before the session starts (so a history that cannot be written
stops us before anyone gets on the floor), updated as each step finishes, and closed
with the final status. A process killed mid-session leaves a `running` row that the
history reads back as interrupted. Which side went first is written once the session
has reached its first sided move (with the next write), so a session quit before then
does not swap the sides.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from stretch import wallclock
from stretch.history.rows import NO_SIDE
from stretch.history.store import History
from stretch.model import Routine
from stretch.session.engine import Event, Finished, Session, StepDone, StepStarted, Stopped


class Recorder:
    """An engine listener that keeps one history row up to date."""

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

    def __call__(self, event: Event) -> None:
        if isinstance(event, StepStarted):
            if self.first_side is None and event.step.side in ("left", "right"):
                self.first_side = event.step.side
        elif isinstance(event, StepDone):
            move = event.step.move
            active, done, skipped = self._counts(event.at)
            self.history.progress(
                self.id, active_seconds=active, steps_done=done, steps_skipped=skipped,
                group=move.group if move and not event.skipped else None,
                seconds=event.step.seconds, first_side=self._side(),
            )
        elif isinstance(event, (Finished, Stopped)):
            self.close(event.summary.status, at=event.at)

    def _counts(self, at: float | None = None) -> tuple[float, int, int]:
        """Active seconds, steps done and steps skipped so far."""
        session = self.session
        return session.active(at), len(session.done_steps), len(session.skipped_steps)

    def close(self, status: str, at: float | None = None) -> None:
        """Close the row once (the end of the session, or an interruption)."""
        if not self.closed:
            self.closed = True
            active, done, skipped = self._counts(at)
            self.history.finish(self.id, status=status, ended=self.now(), active_seconds=active,
                                steps_done=done, steps_skipped=skipped, first_side=self._side())

    def now(self) -> datetime:
        return wallclock.local_now() if self._now is None else self._now()

    def _side(self) -> str | None:
        """Which side went first, the first time there is one to write (else None)."""
        if self.first_side is None or self.side_written:
            return None
        self.side_written = True
        return self.first_side
