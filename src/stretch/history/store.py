"""The session log: a real SQLite file that survives crashes, with streaks and totals.

A row is written when a session starts, updated as each step finishes, and closed at
the end, each in its own short transaction, so a killed process loses at most the
step in progress. WAL and a busy timeout let two sessions write at once. A row left
`running` by a process that no longer exists reads as `interrupted`.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from stretch.errors import StretchError

BUSY_TIMEOUT_MS = 10_000

# Each entry moves the schema up one version; `PRAGMA user_version` says how far a file is.
MIGRATIONS: tuple[str, ...] = (
    # 1: the session log
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        routine TEXT NOT NULL,
        title TEXT NOT NULL,
        started TEXT NOT NULL,
        ended TEXT,
        status TEXT NOT NULL,
        planned_seconds REAL NOT NULL,
        active_seconds REAL NOT NULL DEFAULT 0,
        steps_total INTEGER NOT NULL,
        steps_done INTEGER NOT NULL DEFAULT 0,
        steps_skipped INTEGER NOT NULL DEFAULT 0,
        pid INTEGER,
        host TEXT
    );
    CREATE INDEX sessions_started ON sessions (started);
    """,
    # 2: which side went first (to alternate it), and seconds per muscle group
    """
    ALTER TABLE sessions ADD COLUMN first_side TEXT NOT NULL DEFAULT 'left';
    CREATE TABLE group_seconds (
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        grp TEXT NOT NULL,
        seconds REAL NOT NULL,
        PRIMARY KEY (session_id, grp)
    );
    """,
    # 3: the clock speed of a session (a --speed demo counts toward nothing)
    """
    ALTER TABLE sessions ADD COLUMN speed REAL NOT NULL DEFAULT 1;
    """,
    # 4: back pain 0-10 before and after a session, the moves it ran (space-separated
    # ids; NULL in older rows), and check-ins at any time (the coach: history/progression)
    """
    ALTER TABLE sessions ADD COLUMN pain_before INTEGER;
    ALTER TABLE sessions ADD COLUMN pain_after INTEGER;
    ALTER TABLE sessions ADD COLUMN moves TEXT;
    CREATE TABLE checkins (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10),
        note TEXT
    );
    CREATE INDEX checkins_at ON checkins (at);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
CORRUPT = frozenset({sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT})


def local_now() -> datetime:
    """The wall-clock time with the local offset, as history rows store it."""
    return datetime.now().astimezone()


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

    @property
    def day(self) -> date:
        """The local date where and when the session started."""
        return self.started.date()


class History:
    """The history file. `with History.open(path) as history:`; every method is one
    transaction, and the file is closed on every way out of the block."""

    def __init__(self, path: Path, connection: sqlite3.Connection, notice: str | None) -> None:
        self.path = path
        self.db = connection
        self.notice = notice  # one line for the user, e.g. a corrupt file set aside

    @classmethod
    def open(cls, path: Path) -> History:
        """Open (creating or migrating) the file; a corrupt one is set aside, never deleted."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StretchError(f"cannot create {path.parent}: {err.strerror}") from None
        try:
            return cls(path, _connect(path), None)
        except sqlite3.DatabaseError as err:
            if _code(err) not in CORRUPT:
                raise _io_error(path, err) from None
        kept = _set_aside(path)
        notice = (f"the history file {path} could not be read; kept it as {kept.name} "
                  "and started a new one")
        try:
            return cls(path, _connect(path), notice)
        except sqlite3.DatabaseError as err:
            raise _io_error(path, err) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        try:
            with self.db:
                yield self.db
        except sqlite3.DatabaseError as err:
            raise _io_error(self.path, err) from None

    # --- writing --------------------------------------------------------------

    def begin(self, *, routine: str, title: str, started: datetime, planned_seconds: float,
              steps_total: int, first_side: str, speed: float = 1.0,
              moves: tuple[str, ...] | None = None, pain_before: int | None = None) -> int:
        """Log a session as running; returns its id."""
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO sessions (routine, title, started, status, planned_seconds, "
                "steps_total, pid, host, first_side, speed, moves, pain_before) "
                "VALUES (?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?)",
                (routine, title, started.isoformat(timespec="seconds"), planned_seconds,
                 steps_total, os.getpid(), socket.gethostname(), first_side, speed,
                 None if moves is None else " ".join(moves), pain_before),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def progress(self, session_id: int, *, active_seconds: float, steps_done: int,
                 steps_skipped: int, group: str | None = None, seconds: float = 0.0) -> None:
        """Record a finished step (and its seconds of work for a muscle group)."""
        with self._write() as db:
            db.execute(
                "UPDATE sessions SET active_seconds = ?, steps_done = ?, steps_skipped = ? "
                "WHERE id = ?",
                (active_seconds, steps_done, steps_skipped, session_id),
            )
            if group is not None and seconds > 0:
                db.execute(
                    "INSERT INTO group_seconds (session_id, grp, seconds) VALUES (?, ?, ?) "
                    "ON CONFLICT (session_id, grp) "
                    "DO UPDATE SET seconds = seconds + excluded.seconds",
                    (session_id, group, seconds),
                )

    def finish(self, session_id: int, *, status: str, ended: datetime, active_seconds: float,
               steps_done: int, steps_skipped: int) -> None:
        """Close a session as completed, stopped or interrupted."""
        with self._write() as db:
            db.execute(
                "UPDATE sessions SET status = ?, ended = ?, active_seconds = ?, steps_done = ?, "
                "steps_skipped = ? WHERE id = ?",
                (status, ended.isoformat(timespec="seconds"), active_seconds, steps_done,
                 steps_skipped, session_id),
            )

    def rate_after(self, session_id: int, rating: int) -> None:
        """Record how the back felt after a session (0-10)."""
        with self._write() as db:
            db.execute("UPDATE sessions SET pain_after = ? WHERE id = ?", (rating, session_id))

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction for the other history modules (check-ins), with the same
        one-line errors as the store's own."""
        with self._write() as db:
            yield db

    def query(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read, with the store's one-line errors."""
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as err:
            raise _io_error(self.path, err) from None

    # --- reading --------------------------------------------------------------

    def sessions(self, *, since: date | None = None, routine: str | None = None,
                 limit: int | None = None) -> list[SessionRow]:
        """Sessions newest first, optionally from a date on or of one routine."""
        query = ("SELECT id, routine, title, started, ended, status, planned_seconds, "
                 "active_seconds, steps_done, steps_skipped, first_side, pid, host, speed, "
                 "pain_before, pain_after, moves "
                 "FROM sessions WHERE 1 = 1")
        params: list[object] = []
        if since is not None:
            query += " AND started >= ?"
            params.append((since - timedelta(days=1)).isoformat())  # offsets vary: filter below
        if routine is not None:
            query += " AND routine = ?"
            params.append(routine)
        try:
            rows = [_row(r) for r in self.db.execute(query, params)]
        except sqlite3.DatabaseError as err:
            raise _io_error(self.path, err) from None
        if since is not None:
            rows = [r for r in rows if r.day >= since]
        # newest first by the instant, not the text: offsets differ across time zones
        rows.sort(key=lambda r: (r.started, r.id), reverse=True)
        return rows[:limit] if limit is not None else rows

    def group_minutes(self, since: date) -> dict[str, float]:
        """Minutes of work per muscle group in sessions from `since` on, most first."""
        totals: dict[str, float] = {}
        try:
            rows = self.db.execute(
                "SELECT s.started, g.grp, g.seconds FROM group_seconds g "
                "JOIN sessions s ON s.id = g.session_id"
            ).fetchall()
        except sqlite3.DatabaseError as err:
            raise _io_error(self.path, err) from None
        for started, group, seconds in rows:
            if datetime.fromisoformat(started).date() >= since:
                totals[group] = totals.get(group, 0.0) + seconds / 60
        return dict(sorted(totals.items(), key=lambda kv: -kv[1]))

    def count(self) -> int:
        try:
            return int(self.db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])
        except sqlite3.DatabaseError as err:
            raise _io_error(self.path, err) from None


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _use_wal(db)
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        _migrate(db)
    except BaseException:
        db.close()
        raise
    db.isolation_level = "DEFERRED"
    return db


def _use_wal(db: sqlite3.Connection) -> None:
    """Switch a file to WAL (it stays so). The switch needs the file to itself and SQLite
    answers "busy" at once rather than waiting, so two first sessions at the same moment
    take turns here, up to the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            if _code(err) != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _migrate(db: sqlite3.Connection) -> None:
    """Bring the file up to SCHEMA_VERSION, one migration per transaction."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StretchError(f"the history file is from a newer stretch (schema {version}, "
                           f"this one knows {SCHEMA_VERSION}); upgrade stretch to use it")
    for number in range(version + 1, SCHEMA_VERSION + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            # re-read inside the lock: another process may have migrated meanwhile
            if int(db.execute("PRAGMA user_version").fetchone()[0]) >= number:
                db.execute("COMMIT")
                continue
            for statement in MIGRATIONS[number - 1].split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {number}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise


def _code(err: sqlite3.Error) -> int | None:
    """SQLite's primary result code for an error (extended codes carry it in the low byte)."""
    code = getattr(err, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _set_aside(path: Path) -> Path:
    """Rename a broken file (and its WAL files) with a timestamp, keeping it for the user."""
    stamp = datetime.now().astimezone().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}.corrupt-{stamp}")
    try:
        path.rename(kept)
        for suffix in ("-wal", "-shm"):
            extra = path.with_name(path.name + suffix)
            if extra.exists():
                extra.rename(kept.with_name(kept.name + suffix))
    except OSError as err:
        raise StretchError(f"the history file {path} is damaged and could not be moved aside: "
                           f"{err.strerror}") from None
    return kept


def _io_error(path: Path, err: sqlite3.Error) -> StretchError:
    code = _code(err)
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN):
        return StretchError(f"cannot write the history file {path}: the folder is read-only "
                            "or missing (set STRETCH_HOME to a writable folder)")
    if code == sqlite3.SQLITE_FULL or (code == sqlite3.SQLITE_IOERR
                                       and _nearly_full(path.parent)):
        return StretchError(f"cannot write the history file {path}: the disk is full")
    return StretchError(f"the history file {path} could not be used: {err}")


def _nearly_full(folder: Path) -> bool:
    """Whether a folder's file system has (almost) no room left: SQLite often says only
    "disk I/O error" when a write fails for want of space."""
    try:
        stats = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return stats.f_bavail * stats.f_frsize < 256 * 1024


def _alive(pid: int | None, host: str | None) -> bool:
    """Whether the process that wrote a running row still exists (on this machine)."""
    if pid is None or host != socket.gethostname():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _row(r: tuple[Any, ...]) -> SessionRow:
    (id_, routine, title, started, ended, status, planned, active, done, skipped, first,
     pid, host, speed, before, after, moves) = r
    if status == "running" and not _alive(pid, host):
        status = "interrupted"
    return SessionRow(
        id=int(id_),
        routine=str(routine),
        title=str(title),
        started=datetime.fromisoformat(started),
        ended=datetime.fromisoformat(ended) if ended else None,
        status=str(status),
        planned_seconds=float(planned),
        active_seconds=float(active),
        steps_done=int(done),
        steps_skipped=int(skipped),
        first_side=str(first),
        speed=float(speed),
        pain_before=None if before is None else int(before),
        pain_after=None if after is None else int(after),
        moves=None if moves is None else tuple(moves.split()),
    )
