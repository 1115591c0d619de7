"""The one door to the history file: every read and write goes through it.

A file found damaged at any moment (not only when it is opened) is set aside, a new one
is started and the work is done again there, with the sessions this process is running
written into it; a file another process has set aside and replaced is followed into the
new one; any other failure (a lock, a full disk, a read-only folder) is one line.
`store.py` builds the session log on this door; `database.py` and `recovery.py` handle
the file itself.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar

from stretch.errors import StretchError
from stretch.history import database, recovery
from stretch.history.migrations import MIGRATIONS
from stretch.history.running import Running
from stretch.text import plural

T = TypeVar("T")


class HistoryFile:
    """The history file, opened: `HistoryFile.open(path)`, then `write`, `read` and `query`
    for the history modules, each one transaction.

    Every read and write goes through `_use`: a file found damaged at any moment (not
    only when it is opened) is set aside, a new one is started, and the work is done
    again there; a session begun here and still running (`_running`) is written into the
    new file, so it goes on being logged. `notices` collects the one line a person
    should read.
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
    def open(cls, path: Path) -> Self:
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
    def _read_only(cls, path: Path) -> Self:
        """The file as a snapshot in memory, for a folder (or file) stretch cannot write."""
        where = "folder" if not database.writable_folder(path) else "file"
        try:
            snapshot = database.snapshot(path, MIGRATIONS)
        except sqlite3.DatabaseError as err:
            raise database.io_error(path, err) from None
        return cls(path, snapshot, read_only=f"the {where} is read-only")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
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

    # --- for the other history modules ---------------------------------------

    def write(self, work: Callable[[sqlite3.Connection], T], *, what: str) -> T:
        """Run `work` in one transaction, for the other history modules (the check-ins),
        with the care of damaged files and the one-line errors of `_use`. Such a write is
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
        """Run reads of several queries (`work`), with the care of damaged files and
        its one-line errors, for the other history modules."""
        return self._use(work)

    def _read(self, query: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        return self._use(lambda db: db.execute(query, params).fetchall())
