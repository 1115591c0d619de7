"""The history file as SQLite sees it: opening it for writing or as a read-only snapshot,
migrating it and checking its schema, and SQLite's errors as one line for a person.

`store.py` keeps the log's rows and queries; `recovery.py` sets a damaged file aside;
everything here is about opening the file and what its failures mean.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

from stretch.errors import StretchError

BUSY_TIMEOUT_MS = 10_000
# A session writes its row at every step, and SQLite's write-ahead log keeps each write
# until a checkpoint copies it into the file: by default only after 1000 pages (4 MB). A
# long session on a nearly full disk then filled it with log alone. Checkpoint after 16
# pages (64 kB) and cut the log back to that size, so it stays small.
WAL_PAGES = 16
WAL_BYTES = 64 * 1024
# SQLite's primary result codes for "this file is damaged" and "this file cannot be written"
CORRUPT = frozenset({sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT})
UNWRITABLE = frozenset({sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM,
                        sqlite3.SQLITE_AUTH})


class Mismatch(sqlite3.DatabaseError):
    """The file's tables are not what its schema version promises (one was dropped, a
    column is missing): damaged, like a file SQLite cannot read."""


def code(err: sqlite3.Error) -> int | None:
    """SQLite's primary result code for an error (extended codes carry it in the low byte);
    a schema that does not match its version reads as SQLITE_CORRUPT."""
    if isinstance(err, Mismatch):
        return sqlite3.SQLITE_CORRUPT
    found = getattr(err, "sqlite_errorcode", None)
    return None if found is None else found & 0xFF


def connect(path: Path, migrations: Sequence[str]) -> sqlite3.Connection:
    """The file opened for writing: WAL, a busy timeout, the schema brought up to date and
    checked against what its version promises (`Mismatch` when it is not)."""
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _use_wal(db)
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute(f"PRAGMA wal_autocheckpoint = {WAL_PAGES}")
        db.execute(f"PRAGMA journal_size_limit = {WAL_BYTES}")
        db.execute("PRAGMA foreign_keys = ON")
        migrate(db, migrations)
        check_schema(db, migrations)
    except BaseException:
        db.close()
        raise
    db.isolation_level = "DEFERRED"
    return db


@functools.cache
def promised(migrations: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Each table the migrations make and its columns: what a file at the latest version
    must have (it may have more)."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(db, migrations)
        return columns(db)
    finally:
        db.close()


def columns(db: sqlite3.Connection, schema: str = "main") -> dict[str, frozenset[str]]:
    """The tables of a database and their columns."""
    names = [row[0] for row in db.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%'")]
    return {name: frozenset(row[1] for row in db.execute(
        f"PRAGMA {schema}.table_info({quote(name)})")) for name in names}


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def check_schema(db: sqlite3.Connection, migrations: Sequence[str]) -> None:
    """Raise `Mismatch` when a table or column the schema version promises is missing."""
    have = columns(db)
    for table, wanted in promised(tuple(migrations)).items():
        missing = wanted - have.get(table, frozenset())
        if table not in have:
            raise Mismatch(f"the table {table} is missing")
        if missing:
            raise Mismatch(f"the table {table} has no column {sorted(missing)[0]}")


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


class Busy(StretchError):
    """Another program holds the file's lock (SQLite's "database is locked")."""


def io_error(path: Path, err: sqlite3.Error) -> StretchError:
    """One line for a failure that is not damage: a read-only folder, a full disk, ..."""
    found = code(err)
    if found in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return Busy(f"cannot write the history file {path}: another program is using it "
                    f"({err})")
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
