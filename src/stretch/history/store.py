"""The session log: a real SQLite file that survives crashes, with streaks and totals.

A row is written when a session starts, updated as each step finishes, and closed at
the end, each in its own short transaction, so a killed process loses at most the
step in progress. WAL and a busy timeout let two sessions write at once. A row left
`running` by a process that no longer exists reads as `interrupted`. A file found
damaged at any read or write is set aside and a new one started; a folder stretch
cannot write is read as it is (`database.py` and `recovery.py` handle the file itself).
"""

from __future__ import annotations

import contextlib
import os
import socket
import sqlite3
import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from stretch.errors import StretchError
from stretch.history import database, recovery, rows
from stretch.history.migrations import MIGRATIONS
from stretch.history.rows import SessionRow
from stretch.history.running import Running, add_seconds, set_values
from stretch.text import plural

T = TypeVar("T")



class History:
    """The history file. `with History.open(path) as history:`; every method is one
    transaction, and the file is closed on every way out of the block.

    Every read and write goes through `_use`: a file found damaged at any moment (not
    only when it is opened) is set aside, a new one is started, and the work is done
    again there; a session begun here and still running is written into the new file,
    so it goes on being logged. `notices` collects the one line a person should read.
    """

    def __init__(self, path: Path, connection: sqlite3.Connection, *,
                 read_only: str | None = None) -> None:
        self.path = path
        self.db = connection
        self.read_only = read_only  # why nothing can be kept (None: the file is writable)
        self.notices: list[str] = []
        self._file = recovery.identity(path)
        self._running: dict[int, Running] = {}  # sessions begun here, not yet finished
        self._ids: dict[int, int] = {}  # a session's first id -> its id in the current file
        self._wait: float | None = None  # seconds a write waits for a lock (None: the default)

    @classmethod
    def open(cls, path: Path) -> History:
        """Open (creating or migrating) the file. A damaged one is set aside, never deleted;
        one stretch cannot write is read as it is, and what is written is not kept."""
        if path.is_dir():
            raise StretchError(f"the history file {path} is a folder; stretch keeps its "
                               "history in a file of that name: move the folder elsewhere")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StretchError(f"cannot create {path.parent}: {err.strerror}") from None
        if not database.writable(path):  # (SQLite would open it, and fail at the first write)
            return cls._read_only(path)
        try:
            return cls(path, database.connect(path, MIGRATIONS))
        except sqlite3.DatabaseError as err:
            failure = err
        if database.code(failure) in database.UNWRITABLE:
            return cls._read_only(path)
        if database.code(failure) not in database.CORRUPT:
            raise database.io_error(path, failure) from None
        history = cls(path, sqlite3.connect(":memory:"))
        history._start_afresh()
        return history

    @classmethod
    def _read_only(cls, path: Path) -> History:
        """The file as a snapshot in memory, for a folder (or file) stretch cannot write."""
        where = "folder" if not database.writable_folder(path) else "file"
        try:
            snapshot = database.snapshot(path, MIGRATIONS)
        except sqlite3.DatabaseError as err:
            raise database.io_error(path, err) from None
        return cls(path, snapshot, read_only=f"the {where} is read-only")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    # --- the one way in ---------------------------------------------------------

    def _use(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` on the file; if the file turns out damaged, start afresh and run it
        again on the new one. Any other failure is one line for the user. A file another
        process has set aside since is left for the one now in its place."""
        self._follow()
        try:
            return work(self.db)
        except sqlite3.DatabaseError as err:
            if not self._damaged(err):
                self._rollback()
                raise database.io_error(self.path, err) from None
        self._start_afresh()
        try:
            return work(self.db)
        except sqlite3.DatabaseError as err:
            self._rollback()
            raise database.io_error(self.path, err) from None

    def _damaged(self, err: sqlite3.DatabaseError) -> bool:
        """Whether a failure means the file is damaged: SQLite says so, or a statement
        found no table or column the schema version promises (one was dropped)."""
        if database.code(err) in database.CORRUPT:
            return True
        if database.code(err) != sqlite3.SQLITE_ERROR:
            return False
        try:
            database.check_schema(self.db, MIGRATIONS)
        except database.Mismatch:
            return True
        except sqlite3.DatabaseError:
            return False
        return False

    def _rollback(self) -> None:
        """Leave no transaction open after a failed write (a full disk, a lock)."""
        with contextlib.suppress(sqlite3.Error):
            if self.db.in_transaction:
                self.db.rollback()

    def _follow(self) -> None:
        """When another process has set the file aside (found it damaged) and put a new
        one in its place, go on in the new one, with the sessions running here in it: a
        session never goes on writing into a file nobody reads."""
        if self.read_only is not None or self._file is None:
            return
        now = recovery.identity(self.path)
        if now is None or now == self._file:
            return
        recovery.close_quietly(self.db)
        self._reconnect()
        self.notices.append(f"another stretch set the history file {self.path} aside; this "
                            "one goes on in the new file")

    def _start_afresh(self) -> None:
        """Keep the damaged file as `NAME.corrupt-DATE` and put a new one in its place
        with every row that can still be read (unless another process already did), with
        the sessions running here in it."""
        recovery.close_quietly(self.db)
        if self.read_only is not None:
            raise StretchError(f"the history file {self.path} is damaged, and it cannot be "
                               f"set aside: {self.read_only}")
        if recovery.identity(self.path) == self._file or self._file is None:
            kept, saved = recovery.replace_damaged(self.path, MIGRATIONS)
            with_rows = (f" with the {plural(saved, 'session')} that could still be read"
                         if saved else "")
            self.notices.append(f"the history file {self.path} could not be read; kept it as "
                                f"{kept.name} and started a new one{with_rows}")
        self._reconnect()

    def _reconnect(self) -> None:
        """Open the file now at the path, with this process's running sessions in it."""
        try:
            self.db = database.connect(self.path, MIGRATIONS)
            if self._wait is not None:
                self.db.execute(f"PRAGMA busy_timeout = {round(self._wait * 1000)}")
            self._file = recovery.identity(self.path)
            for first_id, running in self._running.items():
                self._ids[first_id] = running.put(self.db)
        except sqlite3.DatabaseError as err:
            raise database.io_error(self.path, err) from None

    def wait_for_locks(self, seconds: float) -> None:
        """How long a write waits for another program's lock before it fails: short while
        a session runs (a failed write is made good by the next), longer at its end."""
        self._wait = seconds
        with contextlib.suppress(sqlite3.Error):
            self.db.execute(f"PRAGMA busy_timeout = {round(seconds * 1000)}")

    def _id(self, session_id: int) -> int:
        return self._ids.get(session_id, session_id)

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

    def write(self, work: Callable[[sqlite3.Connection], T], *, what: str) -> T:
        """Run `work` in one transaction, for the other history modules (the check-ins),
        with the store's care of damaged files and its one-line errors. Such a write is
        only there to be kept: where it cannot be (`read_only`), it fails and says that
        `what` was not saved, rather than going into the copy in memory."""
        if self.read_only is not None:
            raise StretchError(f"cannot write the history file {self.path} "
                               f"({self.read_only}): {what} was not saved")

        def transaction(db: sqlite3.Connection) -> T:
            with db:
                return work(db)

        return self._use(transaction)

    def read(self, query: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read, for the other history modules."""
        return self._read(query, params)

    def query(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run reads of several queries (`work`), with the store's care of damaged files and
        its one-line errors, for the other history modules."""
        return self._use(work)

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

    def _read(self, query: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        return self._use(lambda db: db.execute(query, params).fetchall())
