"""Records merged into the history by id (records.py makes them from it; exchange.py
reads them from a file).

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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from stretch.history.exchange import Contents
from stretch.history.export_fields import STORED, Record
from stretch.history.records import ensure_ids, stored
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
