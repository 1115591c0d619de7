"""The history file's schema, as the migrations that build it one version at a time.

`PRAGMA user_version` says how far a file is; `database.migrate` applies the rest, each
in its own transaction, so an older file upgrades in place and is never rewritten.
"""

from __future__ import annotations

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
    # ids; NULL in older rows), and check-ins at any time (the coach: coach/rules.py)
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
    # 5: records that travel (history/exchange.py, history/merge.py): a stable id for every
    # session and check-in (random, 32 hex digits; backfilled here), a session's revision
    # (raised by each correction after it ended, so the latest one wins a merge) and
    # whether it was logged by hand; the goals (PSFS) and their ratings; what was deleted
    # (so a sync does not bring it back); and this file's own facts (its machine id)
    """
    ALTER TABLE sessions ADD COLUMN uid TEXT;
    ALTER TABLE sessions ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sessions ADD COLUMN by_hand INTEGER NOT NULL DEFAULT 0;
    UPDATE sessions SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
    CREATE UNIQUE INDEX sessions_uid ON sessions (uid);
    ALTER TABLE checkins ADD COLUMN uid TEXT;
    UPDATE checkins SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
    CREATE UNIQUE INDEX checkins_uid ON checkins (uid);
    CREATE TABLE goals (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        added TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE TABLE goal_ratings (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        goal TEXT NOT NULL,
        at TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10)
    );
    CREATE INDEX goal_ratings_goal ON goal_ratings (goal);
    CREATE TABLE deleted (
        uid TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        rev INTEGER NOT NULL
    );
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 6: the coach's safer rules (coach/rules.py): whether pain, tingling or numbness
    # spread further down a leg (NULL: not asked), a session run as the gentlest routine
    # the coach suggested on a bad day, a "before" rating or a check-in whose pain came
    # from something else (it steps nothing back); and the week plan as it stood from
    # each date (each past day is judged by the plan in force that day)
    """
    ALTER TABLE sessions ADD COLUMN leg_worse INTEGER;
    ALTER TABLE sessions ADD COLUMN gentle INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sessions ADD COLUMN pain_elsewhere INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE checkins ADD COLUMN not_exercise INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        effective TEXT NOT NULL,
        days TEXT NOT NULL
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
