"""Issue 23, the history file: a file another process sets aside, a lock held by another
program, a full disk, a schema missing a table, a dead session's process id taken by
another program. No fault ends a session, and nothing logged before is lost.

Each test names the issue's item it covers.
"""

from __future__ import annotations

import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.history.database import WAL_BYTES
from stretch.history.store import History
from tests.conftest import log_session, write_user_file
from tests.test_hardening import fill

STRETCH = [sys.executable, "-m", "stretch"]
PAGE = 4096
LONG = """\
routines:
  long:
    title: Long
    items:
      - move: figure-four
        hold: 60
        reps: 1
"""


def history_file(home: Path) -> Path:
    return home / "history.sqlite3"


def logged(runner: CliRunner) -> list[dict[str, object]]:
    result = runner.invoke(app, ["history", "--json"])
    assert result.exit_code == 0, result.stderr
    return list(json.loads(result.stdout)["sessions"])


def checkins(runner: CliRunner) -> list[dict[str, object]]:
    result = runner.invoke(app, ["progress", "--json"])
    assert result.exit_code == 0, result.stderr
    return list(json.loads(result.stdout)["checkins"])


def earlier(home: Path, runner: CliRunner) -> None:
    """Two sessions and a check-in from before the fault."""
    now = datetime.now().astimezone().replace(microsecond=0)
    with History.open(history_file(home)) as history:
        for days in (2, 1):
            log_session(history, "hip-reset", now - timedelta(days=days))
    assert runner.invoke(app, ["checkin", "3", "--note", "before"]).exit_code == 0


def kept_everything(runner: CliRunner, *, plus: int = 0) -> list[dict[str, object]]:
    """Every earlier session and the check-in still there; the rows after them."""
    rows = logged(runner)
    assert [r["routine"] for r in rows[plus:]] == ["hip-reset", "hip-reset"], rows
    assert [c["note"] for c in checkins(runner)] == ["before"]
    return rows[:plus]


def start(home: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "STRETCH_HOME": str(home)}
    return subprocess.Popen([*STRETCH, *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)


def line(proc: subprocess.Popen[str], starting: str = "") -> str:
    """The next line the session prints (that starts so); the test fails if it ended."""
    assert proc.stdout is not None
    while True:
        said = proc.stdout.readline()
        assert said, f"the session ended early: {proc.communicate()}"
        if said.startswith(starting):
            return said


# --- 5. a schema that does not match its version is damaged -----------------------------

@pytest.mark.parametrize("table", ["group_seconds", "checkins"])
def test_5_a_history_missing_a_table_is_set_aside_and_the_session_runs(
        runner: CliRunner, stretch_home: Path, table: str) -> None:
    earlier(stretch_home, runner)
    db = sqlite3.connect(history_file(stretch_home))
    db.execute(f"DROP TABLE {table}")
    db.close()
    result = runner.invoke(app, ["run", "desk-break", "--speed", "1000"])
    assert result.exit_code == 0, result.stderr
    assert "Completed Desk break" in result.stdout
    path = history_file(stretch_home)
    (kept,) = stretch_home.glob("history.sqlite3.corrupt-*[0-9]")
    assert result.stderr.splitlines()[0] == (
        f"stretch: the history file {path} could not be read; kept it as {kept.name} and "
        "started a new one with the 2 sessions that could still be read")
    rows = logged(runner)
    assert [r["routine"] for r in rows] == ["desk-break", "hip-reset", "hip-reset"]
    assert rows[0]["status"] == "completed"
    if table == "group_seconds":  # the check-in is kept too (the dropped table's rows are gone)
        assert [c["note"] for c in checkins(runner)] == ["before"]
    week = json.loads(runner.invoke(app, ["progress", "--json"]).stdout)
    assert week["checkins"] is not None


# --- 6. a dead session's process id, taken by another program ---------------------------

def test_6_a_running_row_whose_process_id_is_another_programs_reads_interrupted(
        runner: CliRunner, stretch_home: Path) -> None:
    now = datetime.now().astimezone().replace(microsecond=0)
    path = history_file(stretch_home)
    with History.open(path) as history:
        mine = history.begin(routine="hip-reset", title="Hip reset", started=now,
                             planned_seconds=600, steps_total=40, first_side="left")
        other = history.begin(routine="desk-break", title="Desk break",
                              started=now - timedelta(hours=1), planned_seconds=300,
                              steps_total=30, first_side="left")
        old = history.begin(routine="desk-break", title="Desk break",
                            started=now - timedelta(days=2), planned_seconds=300,
                            steps_total=30, first_side="left")
    db = sqlite3.connect(path)
    with db:  # pid 1 runs (init, or the container's first program), and is not stretch
        db.execute("UPDATE sessions SET pid = 1 WHERE id = ?", (other,))
    db.close()
    rows = [(r["started"], r["status"]) for r in logged(runner)]  # newest first
    assert [status for _, status in rows] == ["running", "interrupted", "interrupted"]
    assert rows[0][0] == now.isoformat() and (mine, old) != (other, other)


# --- 3. a file another process sets aside -------------------------------------------------

@pytest.mark.slow
def test_3_a_session_goes_on_in_the_file_another_process_put_in_place(
        runner: CliRunner, stretch_home: Path) -> None:
    earlier(stretch_home, runner)
    write_user_file(stretch_home, "long.yaml", LONG)
    proc = start(stretch_home, "run", "long", "--plain", "--speed", "10")
    line(proc, "0:10  ")  # get-ready logged: the hold has 6 s to go
    path = history_file(stretch_home)
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'checkins'").fetchone()
    db.close()
    with path.open("r+b") as handle:  # damage only the check-ins: the session never reads them
        handle.seek((root - 1) * PAGE)
        handle.write(random.Random(3).randbytes(PAGE))
    other = runner.invoke(app, ["progress", "--json"])  # another command finds it damaged
    assert other.exit_code == 0 and "kept it as history.sqlite3.corrupt-" in other.stderr
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Completed Long" in out and "Traceback" not in err
    assert f"another stretch set the history file {path} aside" in err
    rows = logged(runner)
    assert [(r["routine"], r["status"]) for r in rows] == [
        ("long", "completed"), ("hip-reset", "completed"), ("hip-reset", "completed")]
    plan = json.loads(runner.invoke(app, ["show", "long", "--json"]).stdout)
    assert (rows[0]["steps_done"], rows[0]["active_seconds"]) == (len(plan["steps"]),
                                                                   plan["seconds"])


# --- 4. a short write failure never ends a session ---------------------------------------

@pytest.mark.slow
def test_4_a_lock_held_by_another_program_is_waited_out(runner: CliRunner,
                                                        stretch_home: Path) -> None:
    earlier(stretch_home, runner)
    proc = start(stretch_home, "run", "desk-break", "--plain", "--speed", "20")
    line(proc, "0:10  ")  # the first step is logged
    lock = sqlite3.connect(history_file(stretch_home), isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")  # another program writes, and keeps at it
    try:
        for _ in range(6):  # six steps go by with their writes refused
            line(proc)
        line(proc, "Completed Desk break")  # and the last one too
    finally:
        lock.execute("COMMIT")
        lock.close()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    (row,) = kept_everything(runner, plus=1)
    plan = json.loads(runner.invoke(app, ["show", "desk-break", "--json"]).stdout)
    assert (row["routine"], row["status"]) == ("desk-break", "completed")
    assert (row["steps_done"], row["active_seconds"]) == (len(plan["steps"]), plan["seconds"])


def test_4_a_long_session_keeps_the_write_ahead_log_small(stretch_home: Path) -> None:
    """Every step writes the row; the log of those writes is copied into the file and cut
    back as it goes, so a long session never fills a nearly full disk with log alone
    (by default SQLite let it grow to 4 MB)."""
    path = history_file(stretch_home)
    with History.open(path) as history:
        row = history.begin(routine="hip-reset", title="Hip reset",
                            started=datetime.now().astimezone(), planned_seconds=600,
                            steps_total=400, first_side="left")
        for step in range(1, 401):
            history.progress(row, active_seconds=step * 20.0, steps_done=step,
                             steps_skipped=0, group="gluteal", seconds=20.0)
            assert path.with_name(path.name + "-wal").stat().st_size <= WAL_BYTES + 8 * PAGE


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("mounting a small file system needs root")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.slow
@pytest.mark.parametrize("freed", [True, False])
def test_4_a_full_disk_mid_session_keeps_the_session_going(
        runner: CliRunner, small_disk: Path, monkeypatch: pytest.MonkeyPatch,
        freed: bool) -> None:
    monkeypatch.setenv("STRETCH_HOME", str(small_disk))
    earlier(small_disk, runner)
    proc = start(small_disk, "run", "desk-break", "--plain", "--speed", "20")
    line(proc, "0:10  ")
    fill(small_disk)
    for _ in range(4):
        line(proc)
    if freed:
        (small_disk / "filler").unlink()
    out, err = proc.communicate(timeout=120)
    assert "Completed Desk break" in out and "Traceback" not in err
    if freed:
        assert proc.returncode == 0, err
        (row,) = kept_everything(runner, plus=1)
        plan = json.loads(runner.invoke(app, ["show", "desk-break", "--json"]).stdout)
        assert (row["status"], row["steps_done"], row["active_seconds"]) == (
            "completed", len(plan["steps"]), plan["seconds"])
        return
    assert proc.returncode == 1
    assert err.splitlines()[-1] == (
        f"stretch: error: cannot write the history file {history_file(small_disk)}: the disk "
        "is full; this session (Desk break, completed) was not saved in the history")
    (small_disk / "filler").unlink()
    rows = kept_everything(runner, plus=1)  # what was written before the disk filled
    assert rows[0]["routine"] == "desk-break" and rows[0]["status"] == "interrupted"


def test_6_the_host_check_still_holds(runner: CliRunner, stretch_home: Path) -> None:
    """A row from another machine is not this one's to judge: interrupted, as before."""
    with History.open(history_file(stretch_home)) as history:
        row = history.begin(routine="hip-reset", title="Hip reset",
                            started=datetime.now().astimezone(), planned_seconds=600,
                            steps_total=40, first_side="left")
    db = sqlite3.connect(history_file(stretch_home))
    with db:
        db.execute("UPDATE sessions SET host = ? WHERE id = ?", (socket.gethostname() + "x", row))
    db.close()
    assert [r["status"] for r in logged(runner)] == ["interrupted"]
