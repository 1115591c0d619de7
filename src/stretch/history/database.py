"""The history file as SQLite sees it: opening it for writing or as a read-only snapshot,
migrating it, setting a damaged one aside, and SQLite's errors as one line for a person.

`store.py` keeps the log's rows and queries; everything here is about the file.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from stretch.errors import StretchError

BUSY_TIMEOUT_MS = 10_000
# SQLite's primary result codes for "this file is damaged" and "this file cannot be written"
CORRUPT = frozenset({sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT})
UNWRITABLE = frozenset({sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM,
                        sqlite3.SQLITE_AUTH})


def code(err: sqlite3.Error) -> int | None:
    """SQLite's primary result code for an error (extended codes carry it in the low byte)."""
    found = getattr(err, "sqlite_errorcode", None)
    return None if found is None else found & 0xFF


def connect(path: Path, migrations: Sequence[str]) -> sqlite3.Connection:
    """The file opened for writing: WAL, a busy timeout, and the schema brought up to date."""
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _use_wal(db)
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        migrate(db, migrations)
    except BaseException:
        db.close()
        raise
    db.isolation_level = "DEFERRED"
    return db


def snapshot(path: Path, migrations: Sequence[str]) -> sqlite3.Connection:
    """The file copied into memory, for a folder stretch cannot write: reading works as
    usual (the copy is migrated, never the file), and what is written is not kept.

    A WAL file needs its `-shm` beside it even to be read; where that cannot be made,
    the file is read as immutable (nothing can be writing to a read-only folder).
    """
    memory = sqlite3.connect(":memory:", isolation_level=None)
    if path.exists():
        uri = path.resolve().as_uri() + "?mode=ro"
        for options in ("", "&immutable=1"):
            source = None
            try:
                source = sqlite3.connect(uri + options, uri=True)
                source.execute("PRAGMA user_version").fetchone()
                source.backup(memory)
                break
            except sqlite3.DatabaseError:
                if options:
                    memory.close()
                    raise
            finally:
                if source is not None:
                    source.close()
    try:
        migrate(memory, migrations)
    except BaseException:
        memory.close()
        raise
    memory.isolation_level = "DEFERRED"
    return memory


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
            if code(err) != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def migrate(db: sqlite3.Connection, migrations: Sequence[str]) -> None:
    """Bring the file up to the latest schema, one migration per transaction."""
    latest = len(migrations)
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > latest:
        raise StretchError(f"the history file is from a newer stretch (schema {version}, "
                           f"this one knows {latest}); upgrade stretch to use it")
    for number in range(version + 1, latest + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            # re-read inside the lock: another process may have migrated meanwhile
            if int(db.execute("PRAGMA user_version").fetchone()[0]) >= number:
                db.execute("COMMIT")
                continue
            for statement in migrations[number - 1].split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {number}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise


def identity(path: Path) -> tuple[int, int] | None:
    """Which file is at `path` now (device and inode), to tell whether another process has
    already set a damaged file aside and started a new one."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def set_aside(path: Path) -> Path:
    """Rename a damaged file (and its WAL files) with a timestamp, keeping it for the user."""
    stamp = datetime.now().astimezone().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while kept.exists():  # never overwrite one kept earlier in the same second
        number += 1
        kept = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
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


def close_quietly(db: sqlite3.Connection) -> None:
    """Close a connection to a file that may be damaged or gone."""
    with contextlib.suppress(sqlite3.Error):
        db.close()


def io_error(path: Path, err: sqlite3.Error) -> StretchError:
    """One line for a failure that is not damage: a read-only folder, a full disk, ..."""
    found = code(err)
    if found in UNWRITABLE:
        return StretchError(f"cannot write the history file {path}: the folder is read-only "
                            "or missing (set STRETCH_HOME to a writable folder)")
    if found == sqlite3.SQLITE_FULL or (found == sqlite3.SQLITE_IOERR
                                        and nearly_full(path.parent)):
        return StretchError(f"cannot write the history file {path}: the disk is full")
    return StretchError(f"the history file {path} could not be used: {err}")


def nearly_full(folder: Path) -> bool:
    """Whether a folder's file system has (almost) no room left: SQLite often says only
    "disk I/O error" when a write fails for want of space."""
    try:
        stats = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return stats.f_bavail * stats.f_frsize < 256 * 1024


def writable_folder(path: Path) -> bool:
    """Whether new files can be made beside `path` (False on a read-only mount)."""
    return os.access(path.parent, os.W_OK)


def writable(path: Path) -> bool:
    """Whether stretch can write the history: the file (if there is one) and its folder,
    where SQLite keeps its -wal and -shm files."""
    return writable_folder(path) and (not path.exists() or os.access(path, os.W_OK))


# --- rows written by this process ---------------------------------------------------

@dataclass(slots=True)
class Running:
    """A session begun by this process: its row as written so far, to write it again into
    a new file if the old one turns out damaged mid-session."""

    values: dict[str, object]
    groups: dict[str, float] = field(default_factory=dict)

    def insert(self, db: sqlite3.Connection) -> int:
        columns = ", ".join(self.values)
        marks = ", ".join("?" * len(self.values))
        with db:
            cursor = db.execute(f"INSERT INTO sessions ({columns}) VALUES ({marks})",
                                tuple(self.values.values()))
            assert cursor.lastrowid is not None
            for group, seconds in self.groups.items():
                add_seconds(db, cursor.lastrowid, group, seconds)
        return cursor.lastrowid


def set_values(db: sqlite3.Connection, session_id: int, values: dict[str, object], *,
               revise: bool = False) -> None:
    columns = ", ".join([f"{name} = ?" for name in values] + ["rev = rev + 1"] * revise)
    db.execute(f"UPDATE sessions SET {columns} WHERE id = ?", (*values.values(), session_id))


def add_seconds(db: sqlite3.Connection, session_id: int, group: str, seconds: float) -> None:
    db.execute("INSERT INTO group_seconds (session_id, grp, seconds) VALUES (?, ?, ?) "
               "ON CONFLICT (session_id, grp) DO UPDATE SET seconds = seconds + excluded.seconds",
               (session_id, group, seconds))


def writer_alive(pid: int | None, host: str | None) -> bool:
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
