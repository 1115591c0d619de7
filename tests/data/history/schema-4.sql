-- A history file at schema 4, as the stretch of that time wrote it: dumped from that
-- version's own migrations and frozen here, so an upgrade is tested against what older
-- files really hold, not against today's migrations. The test fills in STARTED and ENDED.
CREATE TABLE checkins (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10),
        note TEXT
    );
INSERT INTO "checkins" VALUES(1,'STARTED',4,'stiff after the drive');
CREATE TABLE group_seconds (
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        grp TEXT NOT NULL,
        seconds REAL NOT NULL,
        PRIMARY KEY (session_id, grp)
    );
INSERT INTO "group_seconds" VALUES(1,'core',300.0);
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
    , first_side TEXT NOT NULL DEFAULT 'left', speed REAL NOT NULL DEFAULT 1, pain_before INTEGER, pain_after INTEGER, moves TEXT);
INSERT INTO "sessions" VALUES(1,'core-and-hips','Core and hips','STARTED','ENDED','completed',718.0,718.0,30,30,0,NULL,NULL,'left',1.0,4,3,'glute-bridge dead-bug curl-up clamshell side-plank bird-dog');
CREATE INDEX sessions_started ON sessions (started);
CREATE INDEX checkins_at ON checkins (at);
PRAGMA user_version = 4;
