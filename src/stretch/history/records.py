"""This history as records that travel: each stored row as the export writes it, the same
on every machine that holds the same history, with an id that stays with it.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime

from stretch.history import rows
from stretch.history.export_fields import STORED, Record, record
from stretch.history.rows import SessionRow
from stretch.history.store import History


def ensure_ids(db: sqlite3.Connection) -> None:
    """Give an id to any row written without one (by another tool): once given, it stays."""
    for table in ("sessions", "checkins"):
        db.execute(f"UPDATE {table} SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL")


def session_record(row: SessionRow, groups: dict[str, float]) -> Record:
    """A session as the export writes it: `history --json`'s fields and what a merge needs
    to make the same row on another machine."""
    return record(
        "session", id=row.uid, routine=row.routine, title=row.title,
        started=row.started.isoformat(timespec="seconds"),
        ended=row.ended.isoformat(timespec="seconds") if row.ended else None,
        status=row.status, active_seconds=row.active_seconds,
        planned_seconds=row.planned_seconds, steps_total=row.steps_total,
        steps_done=row.steps_done, steps_skipped=row.steps_skipped,
        pain_before=row.pain_before, pain_after=row.pain_after, leg_worse=row.leg_worse,
        gentle=row.gentle, pain_elsewhere=row.pain_elsewhere,
        speed=row.speed, first_side=row.first_side,
        moves=None if row.moves is None else list(row.moves), groups=dict(sorted(groups.items())),
        by_hand=row.by_hand, rev=row.rev,
    )


def stored(db: sqlite3.Connection) -> dict[str, list[Record]]:
    """Every stored record of the history, each type oldest first (ties by id), so two
    machines holding the same history write the same lines. A session still running
    here is left out: it travels once it has ended."""
    groups: dict[str, dict[str, float]] = {}
    for uid, group, seconds in db.execute(
            "SELECT s.uid, g.grp, g.seconds FROM group_seconds g "
            "JOIN sessions s ON s.id = g.session_id"):
        groups.setdefault(uid, {})[group] = seconds
    sessions = [rows.session_row(r) for r in
                db.execute(f"SELECT {rows.COLUMNS} FROM sessions").fetchall()]
    sessions.sort(key=lambda r: (r.started, r.uid or ""))
    found: dict[str, list[Record]] = {
        "session": [session_record(r, groups.get(r.uid or "", {})) for r in sessions
                    if r.status != "running" and r.uid is not None],
        "checkin": [record("checkin", id=uid, time=at, rating=rating, note=note,
                           not_exercise=bool(elsewhere))
                    for uid, at, rating, note, elsewhere in db.execute(
                        "SELECT uid, at, rating, note, not_exercise FROM checkins "
                        "WHERE uid IS NOT NULL")],
        "goal": [record("goal", id=uid, added=added, text=text) for uid, added, text
                 in db.execute("SELECT uid, added, text FROM goals")],
        "rating": [record("rating", id=uid, goal=goal, time=at, rating=rating)
                   for uid, goal, at, rating
                   in db.execute("SELECT uid, goal, at, rating FROM goal_ratings")],
        "deleted": [record("deleted", id=uid, kind=kind, rev=rev) for uid, kind, rev
                    in db.execute("SELECT uid, kind, rev FROM deleted ORDER BY uid")],
    }
    for kind, key in (("checkin", "time"), ("goal", "added"), ("rating", "time")):
        found[kind].sort(key=_by(key))
    return found


def _by(key: str) -> Callable[[Record], tuple[datetime, str]]:
    """Records in time order (by the instant: offsets differ), ties by id."""
    def order(found: Record) -> tuple[datetime, str]:
        return datetime.fromisoformat(found[key]), found["id"]

    return order


def read(history: History) -> dict[str, list[Record]]:
    """Every stored record (ids given first to any row written without one; a history
    that cannot be written is read as it is)."""
    if history.read_only is None:
        history.write(ensure_ids, what="an id for each record")
    return history.query(stored)


def new_id() -> str:
    """A new record's id (a session logged by hand), as random as every other one."""
    return uuid.uuid4().hex


def everything(found: dict[str, list[Record]]) -> Iterable[Record]:
    """Every record, type by type in the order the file writes them."""
    for kind in STORED:
        yield from found[kind]
