"""The history as records that travel (`exchange.py`), and records merged into it by id.

The rules of a merge, the same whichever order files come in, so machines that share
their files end with the same history:
- a record whose id is not here is added (a session, a check-in, a goal, a rating);
- a session already here is kept as it is, unless the incoming one is a later revision
  of it (a correction made after it ended, `history rate`): then that replaces it;
- a deletion (`deleted`, kept when `history delete` removes a session) removes the
  record here unless this copy was revised after it, and keeps what it deleted from
  coming back with an older copy from another machine's file;
- with `restore` (the person's own `stretch import`), a record that was deleted here
  comes back, as a revision newer than the deletion, so a sync spreads the undo too;
- with `converge` (a sync), two different copies at the same revision (corrected on two
  machines between syncs) are settled the same way on every machine: by their content.
Dose changes are not stored: the coach replays them from the merged log.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from stretch.errors import StretchError
from stretch.history import rows
from stretch.history.exchange import Contents
from stretch.history.export_fields import STORED, Record, record
from stretch.history.rows import SessionRow
from stretch.history.store import History

SESSION_COLUMNS = ("uid", "routine", "title", "started", "ended", "status", "planned_seconds",
                   "active_seconds", "steps_total", "steps_done", "steps_skipped", "first_side",
                   "speed", "pain_before", "pain_after", "moves", "rev", "by_hand",
                   "leg_worse", "gentle", "pain_elsewhere")


@dataclass(slots=True)
class Merged:
    """What a merge did, per record type."""

    added: Counter[str] = field(default_factory=Counter)
    revised: Counter[str] = field(default_factory=Counter)  # a later revision replaced ours
    removed: Counter[str] = field(default_factory=Counter)  # deleted by a `deleted` record
    restored: Counter[str] = field(default_factory=Counter)
    known: Counter[str] = field(default_factory=Counter)  # already here, kept as it is

    @property
    def changed(self) -> bool:
        return any((self.added, self.revised, self.removed, self.restored))


# --- this history as records ----------------------------------------------------------

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


# --- merging records in ----------------------------------------------------------------

def merge(history: History, files: Sequence[Contents], *, restore: bool = False,
          converge: bool = False) -> Merged:
    """Merge every record of `files` into the history in one transaction: all of it is
    kept or, on any failure, none."""
    merged = Merged()

    def work(db: sqlite3.Connection) -> None:
        ensure_ids(db)
        state = _State.load(db)
        for contents in files:
            for kind in STORED:
                for incoming in contents.records[kind]:
                    state.take(kind, incoming, merged, restore=restore, converge=converge)

    history.write(work, what="the import")
    return merged


@dataclass(slots=True)
class _State:
    """What the history holds, by id, as the merge goes."""

    db: sqlite3.Connection
    sessions: dict[str, tuple[int, Record]]  # uid -> (row id, record)
    checkins: set[str]
    goals: set[str]
    ratings: set[str]
    deleted: dict[str, int]  # uid -> the revision that deleted it

    @classmethod
    def load(cls, db: sqlite3.Connection) -> _State:
        found = stored(db)
        ids = dict(db.execute("SELECT uid, id FROM sessions WHERE uid IS NOT NULL"))
        return cls(
            db,
            {r["id"]: (ids[r["id"]], r) for r in found["session"]},
            {r["id"] for r in found["checkin"]},
            {r["id"] for r in found["goal"]},
            {r["id"] for r in found["rating"]},
            {r["id"]: r["rev"] for r in found["deleted"]},
        )

    def take(self, kind: str, incoming: Record, merged: Merged, *, restore: bool,
             converge: bool) -> None:
        uid = incoming["id"]
        if kind == "deleted":
            self._deletion(incoming, merged)
        elif kind == "session":
            self._session(incoming, merged, restore=restore, converge=converge)
        elif uid in self._known(kind):
            merged.known[kind] += 1
        elif uid in self.deleted and not restore:
            merged.known[kind] += 1  # deleted here: it stays deleted
        elif kind == "rating" and incoming["goal"] in self.deleted and not restore:
            merged.known[kind] += 1
        else:
            if uid in self.deleted:
                self._undelete(uid)
                merged.restored[kind] += 1
            else:
                merged.added[kind] += 1
            self._insert(kind, incoming)

    def _known(self, kind: str) -> set[str]:
        return {"checkin": self.checkins, "goal": self.goals, "rating": self.ratings}[kind]

    def _session(self, incoming: Record, merged: Merged, *, restore: bool,
                 converge: bool) -> None:
        uid, rev = incoming["id"], incoming["rev"]
        here = self.sessions.get(uid)
        if here is None:
            gone = self.deleted.get(uid)
            if gone is None:
                merged.added["session"] += 1
            elif restore or rev > gone:
                incoming = {**incoming, "rev": max(rev, gone + 1)}
                self._undelete(uid)
                merged.restored["session"] += 1
            else:
                merged.known["session"] += 1
                return
            self.sessions[uid] = (self._insert_session(incoming), incoming)
            return
        row_id, ours = here
        if rev > ours["rev"] or (converge and rev == ours["rev"] and incoming != ours
                                 and digest(incoming) > digest(ours)):
            self._replace_session(row_id, incoming)
            self.sessions[uid] = (row_id, incoming)
            merged.revised["session"] += 1
        else:
            merged.known["session"] += 1

    def _deletion(self, incoming: Record, merged: Merged) -> None:
        uid, kind, rev = incoming["id"], incoming["kind"], incoming["rev"]
        here = self.sessions.get(uid) if kind == "session" else None
        if kind == "session" and here is not None:
            if rev <= here[1]["rev"]:
                merged.known["deleted"] += 1  # ours was revised after: it stays
                return
            self.remove_session(here[0])
            del self.sessions[uid]
            merged.removed["session"] += 1
        elif kind != "session" and uid in self._known(kind):
            self._remove(kind, uid)
            merged.removed[kind] += 1
        elif self.deleted.get(uid, -1) >= rev:
            merged.known["deleted"] += 1
            return
        self.deleted[uid] = max(rev, self.deleted.get(uid, rev))
        self.db.execute("INSERT INTO deleted (uid, kind, rev) VALUES (?, ?, ?) ON CONFLICT "
                        "(uid) DO UPDATE SET rev = max(rev, excluded.rev)", (uid, kind, rev))

    def _undelete(self, uid: str) -> None:
        self.db.execute("DELETE FROM deleted WHERE uid = ?", (uid,))
        del self.deleted[uid]

    def _insert(self, kind: str, incoming: Record) -> None:
        if kind == "checkin":
            self.db.execute("INSERT INTO checkins (uid, at, rating, note, not_exercise) "
                            "VALUES (?, ?, ?, ?, ?)",
                            (incoming["id"], incoming["time"], incoming["rating"],
                             incoming["note"], int(incoming.get("not_exercise") or 0)))
            self.checkins.add(incoming["id"])
        elif kind == "goal":
            self.db.execute("INSERT INTO goals (uid, added, text) VALUES (?, ?, ?)",
                            (incoming["id"], incoming["added"], incoming["text"]))
            self.goals.add(incoming["id"])
        else:
            self.db.execute("INSERT INTO goal_ratings (uid, goal, at, rating) "
                            "VALUES (?, ?, ?, ?)", (incoming["id"], incoming["goal"],
                                                    incoming["time"], incoming["rating"]))
            self.ratings.add(incoming["id"])

    def _remove(self, kind: str, uid: str) -> None:
        if kind == "checkin":
            self.db.execute("DELETE FROM checkins WHERE uid = ?", (uid,))
            self.checkins.discard(uid)
        else:  # a goal goes with its ratings
            self.db.execute("DELETE FROM goals WHERE uid = ?", (uid,))
            self.db.execute("DELETE FROM goal_ratings WHERE goal = ?", (uid,))
            self.goals.discard(uid)

    def _insert_session(self, incoming: Record) -> int:
        cursor = self.db.execute(
            f"INSERT INTO sessions ({', '.join(SESSION_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(SESSION_COLUMNS))})", _session_values(incoming))
        assert cursor.lastrowid is not None
        self._groups(cursor.lastrowid, incoming)
        return cursor.lastrowid

    def _replace_session(self, row_id: int, incoming: Record) -> None:
        columns = ", ".join(f"{name} = ?" for name in SESSION_COLUMNS)
        self.db.execute(f"UPDATE sessions SET {columns} WHERE id = ?",
                        (*_session_values(incoming), row_id))
        self.db.execute("DELETE FROM group_seconds WHERE session_id = ?", (row_id,))
        self._groups(row_id, incoming)

    def _groups(self, row_id: int, incoming: Record) -> None:
        self.db.executemany("INSERT INTO group_seconds (session_id, grp, seconds) "
                            "VALUES (?, ?, ?)",
                            [(row_id, g, s) for g, s in incoming["groups"].items()])

    def remove_session(self, row_id: int) -> None:
        self.db.execute("DELETE FROM group_seconds WHERE session_id = ?", (row_id,))
        self.db.execute("DELETE FROM sessions WHERE id = ?", (row_id,))


def _session_values(incoming: Record) -> tuple[object, ...]:
    moves = incoming["moves"]
    return (incoming["id"], incoming["routine"], incoming["title"], incoming["started"],
            incoming["ended"], incoming["status"], incoming["planned_seconds"],
            incoming["active_seconds"], incoming["steps_total"], incoming["steps_done"],
            incoming["steps_skipped"], incoming["first_side"], incoming["speed"],
            incoming["pain_before"], incoming["pain_after"],
            None if moves is None else " ".join(moves), incoming["rev"],
            int(incoming["by_hand"]),
            None if incoming.get("leg_worse") is None else int(incoming["leg_worse"]),
            int(incoming.get("gentle") or 0), int(incoming.get("pain_elsewhere") or 0))


def digest(incoming: Record) -> str:
    """A record's content as one comparable string: the same on every machine."""
    text = json.dumps(incoming, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- one session, found, removed or corrected -------------------------------------------

def find(history: History, given: str) -> SessionRow:
    """The session whose id is `given` or starts with it (at least 4 characters, as
    `history --json` and `stretch history` show ids); else a usage error."""
    from stretch.errors import UsageProblem

    wanted = given.strip().lower()
    if len(wanted) < 4:
        raise UsageProblem(f"'{given}' is too short for a session id: give at least its "
                           "first 4 characters (see stretch history --json)")
    found = [r for r in history.sessions() if (r.uid or "").startswith(wanted)]
    if not found:
        raise UsageProblem(f"no session has the id '{given}' (see stretch history --json)")
    if len(found) > 1:
        raise UsageProblem(f"'{given}' starts the ids of {len(found)} sessions: give more of it")
    return found[0]


def delete(history: History, row: SessionRow) -> Record:
    """Remove a session, keeping a record of the deletion (so a sync spreads it rather than
    bringing the session back); returns the session as it was, for an undo file."""
    if row.status == "running":
        raise StretchError("that session is still running: end it first")
    kept: dict[str, Record] = {}

    def work(db: sqlite3.Connection) -> None:
        groups = dict(db.execute("SELECT grp, seconds FROM group_seconds WHERE session_id = ?",
                                 (row.id,)).fetchall())
        kept["session"] = session_record(row, groups)
        db.execute("DELETE FROM group_seconds WHERE session_id = ?", (row.id,))
        db.execute("DELETE FROM sessions WHERE id = ?", (row.id,))
        db.execute("INSERT INTO deleted (uid, kind, rev) VALUES (?, 'session', ?) ON CONFLICT "
                   "(uid) DO UPDATE SET rev = max(rev, excluded.rev)", (row.uid, row.rev + 1))

    history.write(work, what="the deletion")
    return kept["session"]


def correct(history: History, row: SessionRow, *, before: int | None, after: int | None
            ) -> None:
    """Change a session's 0-10 ratings (those given), as a new revision of it."""
    values = {name: value for name, value in (("pain_before", before), ("pain_after", after))
              if value is not None}
    columns = ", ".join(f"{name} = ?" for name in values)

    def work(db: sqlite3.Connection) -> None:
        db.execute(f"UPDATE sessions SET {columns}, rev = rev + 1 WHERE id = ?",
                   (*values.values(), row.id))

    history.write(work, what="the correction")


def new_id() -> str:
    return uuid.uuid4().hex


def everything(found: dict[str, list[Record]]) -> Iterable[Record]:
    for kind in STORED:
        yield from found[kind]
