"""Check-ins: how the back feels (0-10, the numeric rating scale) at any time of day.

`stretch checkin N` writes one; the coach reads them all. The ratings given around a
session live on the session's own row (pain_before, pain_after).
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from stretch.history.store import History


@dataclass(frozen=True, slots=True)
class Checkin:
    """One rating given with `stretch checkin`, and the note that came with it."""

    id: int
    at: datetime
    rating: int
    note: str | None
    not_exercise: bool = False  # the pain came from something else: it steps nothing back
    uid: str | None = None  # the id that stays the same on every machine (export, sync)

    @property
    def day(self) -> date:
        return self.at.date()


def add(history: History, *, at: datetime, rating: int, note: str | None,
        not_exercise: bool = False) -> int:
    """Record a check-in; returns its id."""
    def insert(db: sqlite3.Connection) -> int:
        cursor = db.execute("INSERT INTO checkins (at, rating, note, not_exercise, uid) "
                            "VALUES (?, ?, ?, ?, ?)",
                            (at.isoformat(timespec="seconds"), rating, note, int(not_exercise),
                             uuid.uuid4().hex))
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    return history.write(insert, what="this check-in")


def read(history: History) -> list[Checkin]:
    """Every check-in, newest first (by the instant: offsets differ across time zones)."""
    rows = [Checkin(int(id_), datetime.fromisoformat(at), int(rating), note, bool(elsewhere),
                    uid)
            for id_, at, rating, note, elsewhere, uid in history.read(
                "SELECT id, at, rating, note, not_exercise, uid FROM checkins")]
    rows.sort(key=lambda c: (c.at, c.id), reverse=True)
    return rows
