"""A logged session as the history reads it back, and the columns it is read from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

NO_SIDE = "none"  # first_side of a session that never reached a sided move
COLUMNS = ("id, routine, title, started, ended, status, planned_seconds, active_seconds, "
           "steps_total, steps_done, steps_skipped, first_side, pid, host, speed, pain_before, "
           "pain_after, moves, uid, rev, by_hand, leg_worse, gentle, pain_elsewhere")


@dataclass(frozen=True, slots=True)
class SessionRow:
    """One logged session, as read back (status may read `interrupted`)."""

    id: int
    routine: str
    title: str
    started: datetime
    ended: datetime | None
    status: str
    planned_seconds: float
    active_seconds: float
    steps_done: int
    steps_skipped: int
    first_side: str
    speed: float = 1.0  # above 1: a `--speed` demo
    pain_before: int | None = None  # 0-10, None when not given
    pain_after: int | None = None
    moves: tuple[str, ...] | None = None  # the move ids it ran; None in rows before schema 4
    leg_worse: bool | None = None  # spread further down a leg; None: not asked
    gentle: bool = False  # the gentlest routine, run on the coach's word on a bad day
    pain_elsewhere: bool = False  # its "before" rating's pain came from something else
    uid: str | None = None  # the id that stays the same on every machine (export, sync)
    rev: int = 0  # raised by each change after the session ended: the latest wins a merge
    by_hand: bool = False  # logged with `stretch log`, from the paper sheet
    steps_total: int = 0  # the steps it planned

    @property
    def day(self) -> date:
        """The local date where and when the session started."""
        return self.started.date()

    @property
    def demo(self) -> bool:
        """A `--speed` run faster than real time: logged and listed, but it counts toward
        nothing (a slower one held every stretch at least as long: it counts)."""
        return self.speed > 1

    @property
    def counts(self) -> bool:
        """Done, for the streak, the week's ticks and `today`: completed (most of its work
        was done) and in real time."""
        return self.status == "completed" and not self.demo


def real(rows: Iterable[SessionRow]) -> list[SessionRow]:
    """Sessions run in real time (or slower), oldest first: a `--speed` demo counts for
    nothing."""
    return sorted((r for r in rows if not r.demo), key=lambda r: (r.started, r.id))


def session_row(r: tuple[Any, ...]) -> SessionRow:
    """A `SELECT COLUMNS` row as a SessionRow; a row still `running` whose writer is gone
    reads as interrupted."""
    (id_, routine, title, started, ended, status, planned, active, total, done, skipped, first,
     pid, host, speed, before, after, moves, uid, rev, by_hand, leg, gentle, elsewhere) = r
    begun = datetime.fromisoformat(started)
    if status == "running":
        from stretch.history import liveness  # (the rows themselves need no sqlite3)

        if not liveness.writer_alive(pid, host, begun):
            status = "interrupted"
    return SessionRow(
        id=int(id_),
        routine=str(routine),
        title=str(title),
        started=begun,
        ended=datetime.fromisoformat(ended) if ended else None,
        status=str(status),
        planned_seconds=float(planned),
        active_seconds=float(active),
        steps_done=int(done),
        steps_total=int(total),
        steps_skipped=int(skipped),
        first_side=str(first),
        speed=float(speed),
        pain_before=None if before is None else int(before),
        pain_after=None if after is None else int(after),
        moves=None if moves is None else tuple(moves.split()),
        leg_worse=None if leg is None else bool(leg),
        gentle=bool(gentle),
        pain_elsewhere=bool(elsewhere),
        uid=None if uid is None else str(uid),
        rev=int(rev),
        by_hand=bool(by_hand),
    )
