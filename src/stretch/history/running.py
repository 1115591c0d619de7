"""Writing a session's row: a session this process runs is kept whole in memory and put
whole at each write, and any row's values and seconds per muscle group are updated here.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field


@dataclass(slots=True)
class Running:
    """A session begun by this process: its whole row as it should be now (values and
    seconds per group), so every write puts all of it, and a write that failed (a lock,
    a full disk) is made good by the next; and so it can be written again into a new
    file when the old one was set aside mid-session (by this process or another)."""

    values: dict[str, object]
    groups: dict[str, float] = field(default_factory=dict)
    behind: bool = False  # a write failed: the next one puts the whole row

    def insert(self, db: sqlite3.Connection) -> int:
        names = ", ".join(self.values)
        marks = ", ".join("?" * len(self.values))
        with db:
            cursor = db.execute(f"INSERT INTO sessions ({names}) VALUES ({marks})",
                                tuple(self.values.values()))
            assert cursor.lastrowid is not None
            self._groups(db, cursor.lastrowid)
        return cursor.lastrowid

    def put(self, db: sqlite3.Connection) -> int:
        """Into a new file: the row another process copied across when it set the old
        file aside (the same start, process and host) brought up to date, else a new row;
        its id."""
        found = db.execute("SELECT id FROM sessions WHERE routine = ? AND started = ? AND "
                           "pid IS ? AND host IS ? ORDER BY id LIMIT 1",
                           tuple(self.values[k] for k in ("routine", "started", "pid", "host"))
                           ).fetchone()
        if found is None:
            return self.insert(db)
        self.write(db, int(found[0]))
        return int(found[0])

    def write(self, db: sqlite3.Connection, session_id: int) -> None:
        """The whole row, in one transaction."""
        with db:
            set_values(db, session_id, self.values)
            self._groups(db, session_id)

    def _groups(self, db: sqlite3.Connection, session_id: int) -> None:
        for group, seconds in self.groups.items():
            db.execute("INSERT INTO group_seconds (session_id, grp, seconds) VALUES (?, ?, ?) "
                       "ON CONFLICT (session_id, grp) DO UPDATE SET seconds = excluded.seconds",
                       (session_id, group, seconds))


def set_values(db: sqlite3.Connection, session_id: int, values: dict[str, object], *,
               revise: bool = False) -> None:
    columns = ", ".join([f"{name} = ?" for name in values] + ["rev = rev + 1"] * revise)
    db.execute(f"UPDATE sessions SET {columns} WHERE id = ?", (*values.values(), session_id))


def add_seconds(db: sqlite3.Connection, session_id: int, group: str, seconds: float) -> None:
    db.execute("INSERT INTO group_seconds (session_id, grp, seconds) VALUES (?, ?, ?) "
               "ON CONFLICT (session_id, grp) DO UPDATE SET seconds = seconds + excluded.seconds",
               (session_id, group, seconds))
