"""The session log: a real SQLite file that survives crashes, with streaks and totals.

A row is written when a session starts, updated as each step finishes, and closed at
the end, each in its own short transaction, so a killed process loses at most the
step in progress. WAL and a busy timeout let two sessions write at once. A row left
`running` by a process that no longer exists reads as `interrupted`. Every read and
write goes through `HistoryFile` (file.py), which sets a damaged file aside and starts
a new one, and reads a file stretch cannot write as it is.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import uuid
from datetime import date, datetime, timedelta

from stretch.errors import StretchError
from stretch.history import rows
from stretch.history.file import HistoryFile
from stretch.history.rows import SessionRow
from stretch.history.running import Running, add_seconds, set_values


class History(HistoryFile):
    """The history file. `with History.open(path) as history:`; every method is one
    transaction, and the file is closed on every way out of the block. A file found
    damaged, or set aside by another process, is handled by `HistoryFile`: a session
    running here goes on being logged in the new file.
    """

    # --- writing --------------------------------------------------------------

    def begin(self, *, routine: str, title: str, started: datetime, planned_seconds: float,
              steps_total: int, first_side: str, speed: float = 1.0,
              moves: tuple[str, ...] | None = None, pain_before: int | None = None,
              gentle: bool = False, pain_elsewhere: bool = False) -> int:
        """Log a session as running; returns its id. `first_side` is NO_SIDE until the
        session reaches a sided move (then `progress` or `finish` records it); `moves` are
        the ids of the moves it runs, `pain_before` the 0-10 rating given before it."""
        running = Running({
            "routine": routine, "title": title, "started": started.isoformat(timespec="seconds"),
            "status": "running", "planned_seconds": planned_seconds, "steps_total": steps_total,
            "pid": os.getpid(), "host": socket.gethostname(), "first_side": first_side,
            "speed": speed, "moves": None if moves is None else " ".join(moves),
            "pain_before": pain_before, "gentle": int(gentle),
            "pain_elsewhere": int(pain_elsewhere), "uid": uuid.uuid4().hex,
        })
        session_id = self._use(running.insert)
        self._running[session_id] = running
        return session_id

    def unsaved(self, session_id: int) -> bool:
        """Whether a session begun here is still being written (not finished, or its
        finish not yet written)."""
        return session_id in self._running

    def progress(self, session_id: int, *, active_seconds: float, steps_done: int,
                 steps_skipped: int, group: str | None = None, seconds: float = 0.0,
                 first_side: str | None = None) -> None:
        """Record a finished step (and its seconds of work for a muscle group, and which
        side went first once the session has reached a sided move)."""
        values: dict[str, object] = {"active_seconds": active_seconds,
                                     "steps_done": steps_done, "steps_skipped": steps_skipped}
        if first_side is not None:
            values["first_side"] = first_side
        self._update(session_id, values, group=group if seconds > 0 else None, seconds=seconds)

    def finish(self, session_id: int, *, status: str, ended: datetime, active_seconds: float,
               steps_done: int, steps_skipped: int, first_side: str | None = None) -> None:
        """Close a session as completed, stopped or interrupted."""
        values: dict[str, object] = {"status": status,
                                     "ended": ended.isoformat(timespec="seconds"),
                                     "active_seconds": active_seconds, "steps_done": steps_done,
                                     "steps_skipped": steps_skipped}
        if first_side is not None:
            values["first_side"] = first_side
        self._update(session_id, values)  # (kept as running until this is written)
        self._running.pop(session_id, None)

    def _update(self, session_id: int, values: dict[str, object], *, group: str | None = None,
                seconds: float = 0.0, revise: bool = False) -> None:
        """Change a session's row (and add seconds to one of its groups) in one transaction;
        `revise` raises its revision, for a change made after it ended (so a machine that
        already has the session takes the change at its next sync)."""
        running = self._running.get(session_id)
        if running is not None:
            running.values.update(values)
            if group is not None:
                running.groups[group] = running.groups.get(group, 0.0) + seconds

        def work(db: sqlite3.Connection) -> None:
            row = self._id(session_id)
            if running is not None and running.behind:  # what failed before, now
                running.write(db, row)
                return
            with db:
                set_values(db, row, values, revise=revise)
                if group is not None:
                    add_seconds(db, row, group, seconds)

        try:
            self._use(work)
        except StretchError:
            if running is not None:
                running.behind = True
            raise
        if running is not None:
            running.behind = False

    def rate_after(self, session_id: int, rating: int) -> None:
        """Record how the back felt after a session (0-10)."""
        self._update(session_id, {"pain_after": rating}, revise=True)

    def leg_after(self, session_id: int, worse: bool) -> None:
        """Record whether pain, tingling or numbness spread further down a leg."""
        self._update(session_id, {"leg_worse": int(worse)}, revise=True)

    # --- reading --------------------------------------------------------------

    def sessions(self, *, since: date | None = None, routine: str | None = None,
                 limit: int | None = None) -> list[SessionRow]:
        """Sessions newest first, optionally from a date on or of one routine."""
        query = f"SELECT {rows.COLUMNS} FROM sessions WHERE 1 = 1"
        params: list[object] = []
        if since is not None:
            query += " AND started >= ?"
            params.append((since - timedelta(days=1)).isoformat())  # offsets vary: filter below
        if routine is not None:
            query += " AND routine = ?"
            params.append(routine)
        found = [rows.session_row(r) for r in self._read(query, params)]
        if since is not None:
            found = [r for r in found if r.day >= since]
        # newest first by the instant, not the text: offsets differ across time zones
        found.sort(key=lambda r: (r.started, r.id), reverse=True)
        return found[:limit] if limit is not None else found

    def session(self, session_id: int) -> SessionRow:
        """One session by its id (in this file: a session set aside and begun again
        keeps the id it was begun with)."""
        query = f"SELECT {rows.COLUMNS} FROM sessions WHERE id = ?"
        found = self._read(query, (self._id(session_id),))
        if not found:
            raise StretchError(f"the history file {self.path} has no session {session_id}")
        return rows.session_row(found[0])

    def group_minutes(self, since: date) -> dict[str, float]:
        """Minutes of work per muscle group in real-time sessions from `since` on, most
        first (a `--speed` demo counts toward nothing)."""
        totals: dict[str, float] = {}
        rows = self._read("SELECT s.started, g.grp, g.seconds FROM group_seconds g "
                          "JOIN sessions s ON s.id = g.session_id WHERE s.speed <= 1")
        for started, group, seconds in rows:
            if datetime.fromisoformat(started).date() >= since:
                totals[group] = totals.get(group, 0.0) + seconds / 60
        return dict(sorted(totals.items(), key=lambda kv: -kv[1]))

    def count(self) -> int:
        return int(self._read("SELECT COUNT(*) FROM sessions")[0][0])
