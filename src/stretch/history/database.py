"""The history file as SQLite sees it: opening it for writing or as a read-only snapshot,
migrating it, setting a damaged one aside, and SQLite's errors as one line for a person.

`store.py` keeps the log's rows and queries; everything here is about the file.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
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


def salvage(new: sqlite3.Connection, damaged: Path) -> int:
    """Copy every row that can still be read from a damaged file into a new one, table by
    table (the columns both have; a table the damaged file lacks is skipped, and so is the
    rest of a table once a row cannot be read). The number of rows copied."""
    copied = 0
    try:
        old = sqlite3.connect(damaged.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return 0
    new.execute("PRAGMA foreign_keys = OFF")  # a session's groups may come before it
    try:
        have = columns(old)
        for table, wanted in columns(new).items():
            common = [c for c in sorted(wanted) if c in have.get(table, ())]
            if not common:
                continue
            names = ", ".join(map(quote, common))
            insert = (f"INSERT OR IGNORE INTO {quote(table)} ({names}) "
                      f"VALUES ({', '.join('?' * len(common))})")
            rows = old.execute(f"SELECT {names} FROM {quote(table)}")
            with new:
                while True:
                    try:
                        row = rows.fetchone()
                    except sqlite3.DatabaseError:
                        break
                    if row is None:
                        break
                    with contextlib.suppress(sqlite3.DatabaseError):
                        copied += new.execute(insert, row).rowcount
    except sqlite3.DatabaseError:
        pass  # what could not be read stays in the file set aside
    finally:
        old.close()
        with new:  # a group's seconds whose session could not be read would be another's
            for table, rowid, *_ in new.execute("PRAGMA foreign_key_check").fetchall():
                new.execute(f"DELETE FROM {quote(table)} WHERE rowid = ?", (rowid,))
        new.execute("PRAGMA foreign_keys = ON")
    return copied


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


def replace_damaged(path: Path, migrations: Sequence[str]) -> tuple[Path, int]:
    """Set a damaged file aside and put a new one in its place holding every row that can
    still be read from it; the name it was kept as and the sessions saved.

    The new file is made whole beside it first and renamed into place, so another process
    never finds a new file without the rows (it finds the old one, or the new one)."""
    temp = path.with_name(f".{path.name}.new-{os.getpid()}")
    for stale in (temp, temp.with_name(temp.name + "-wal"), temp.with_name(temp.name + "-shm")):
        with contextlib.suppress(OSError):
            stale.unlink()
    saved = 0
    try:
        new = connect(temp, migrations)
        try:
            salvage(new, path)
            saved = int(new.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])
        finally:
            new.close()  # the last connection: its WAL is checkpointed into the file
    except sqlite3.Error:
        with contextlib.suppress(OSError):
            temp.unlink()
        kept = set_aside(path)  # nothing could be saved: a new file, as before
        return kept, 0
    kept = set_aside(path)
    try:
        temp.replace(path)
    except OSError as err:
        raise StretchError(f"cannot make a new history file {path}: {err.strerror}") from None
    return kept, saved


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


# --- rows written by this process ---------------------------------------------------

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


RUNNING_AT_MOST = 24 * 3600  # seconds: a row "running" longer than this was interrupted
START_SLACK = 60  # seconds a process's start time may seem to follow its session's


def writer_alive(pid: int | None, host: str | None, started: datetime | None = None) -> bool:
    """Whether the process that wrote a running row (begun at `started`) still runs here.

    A process id is reused (after a reboot or a power cut, by any program), so where
    /proc tells, the process must be stretch and have started before the session did; and
    a row running for a day is interrupted, wherever it was written."""
    if pid is None or host != socket.gethostname():
        return False
    if started is not None and time.time() - started.timestamp() > RUNNING_AT_MOST:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return started is None or _same_process(pid, started)


def _same_process(pid: int, started: datetime) -> bool:
    """Whether process `pid` is stretch and was running when the session began (True where
    /proc cannot say)."""
    proc = Path("/proc")
    try:
        argv = (proc / str(pid) / "cmdline").read_bytes().split(b"\0")
        fields = (proc / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
        boot = next(int(line.split()[1]) for line in (proc / "stat").read_text().splitlines()
                    if line.startswith("btime "))
        ticks = os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return True
    began = boot + int(fields[19]) / ticks  # field 22, counted after the name's ')'
    if began > started.timestamp() + START_SLACK:
        return False
    words = [Path(a.decode("utf-8", "replace")).name for a in argv if a]
    return any(w in ("stretch", "stretch.exe") for w in words) or any(
        a == "-m" and b in ("stretch", "stretch.__main__") for a, b in itertools.pairwise(words))
