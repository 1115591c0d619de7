"""A damaged history file set aside (never deleted) and a new one put in its place with
every row that can still be read; and how a process tells that another has done so.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from stretch.errors import StretchError
from stretch.history.database import columns, connect, quote


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
