"""One session of the history, found by (the start of) its id, removed or its ratings
corrected: each a change other machines take at their next sync.
"""

from __future__ import annotations

import sqlite3

from stretch.errors import StretchError
from stretch.history.export_fields import Record
from stretch.history.records import session_record
from stretch.history.rows import SessionRow
from stretch.history.store import History


def find(history: History, given: str) -> SessionRow:
    """The session whose id is `given` or starts with it (at least 4 characters, as
    `history --json` and `stretch history` show ids); else a usage error."""
    from stretch.errors import UsageProblem

    wanted = given.strip().lower()
    if len(wanted) < 4:
        raise UsageProblem(f"'{given}' is too short for a session id: give at least its "
                           "first 4 characters (see stretch history --json)")
    found = [r for r in history.sessions() if (r.uid or "").startswith(wanted)]
    if not found:
        raise UsageProblem(f"no session has the id '{given}' (see stretch history --json)")
    if len(found) > 1:
        raise UsageProblem(f"'{given}' starts the ids of {len(found)} sessions: give more of it")
    return found[0]


def delete(history: History, row: SessionRow) -> Record:
    """Remove a session, keeping a record of the deletion (so a sync spreads it rather than
    bringing the session back); returns the session as it was, for an undo file."""
    if row.status == "running":
        raise StretchError("that session is still running: end it first")
    kept: dict[str, Record] = {}

    def work(db: sqlite3.Connection) -> None:
        groups = dict(db.execute("SELECT grp, seconds FROM group_seconds WHERE session_id = ?",
                                 (row.id,)).fetchall())
        kept["session"] = session_record(row, groups)
        db.execute("DELETE FROM group_seconds WHERE session_id = ?", (row.id,))
        db.execute("DELETE FROM sessions WHERE id = ?", (row.id,))
        db.execute("INSERT INTO deleted (uid, kind, rev) VALUES (?, 'session', ?) ON CONFLICT "
                   "(uid) DO UPDATE SET rev = max(rev, excluded.rev)", (row.uid, row.rev + 1))

    history.write(work, what="the deletion")
    return kept["session"]


def correct(history: History, row: SessionRow, *, before: int | None, after: int | None
            ) -> None:
    """Change a session's 0-10 ratings (those given), as a new revision of it."""
    values = {name: value for name, value in (("pain_before", before), ("pain_after", after))
              if value is not None}
    columns = ", ".join(f"{name} = ?" for name in values)

    def work(db: sqlite3.Connection) -> None:
        db.execute(f"UPDATE sessions SET {columns}, rev = rev + 1 WHERE id = ?",
                   (*values.values(), row.id))

    history.write(work, what="the correction")
