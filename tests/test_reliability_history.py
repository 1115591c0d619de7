"""Issue 15, the history: a file damaged inside is set aside whenever it is met, a read-only
folder still reads and runs, only real work counts, today is today's routine, and a
session quit before its first sided move keeps the sides.

Real SQLite files throughout; each test names the issue's item it covers.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.catalogue.load import load_catalogue
from stretch.cli import app
from stretch.history.store import History
from tests.conftest import freeze_now, write_user_file
from tests.test_reliability import NOW, WEEK_OF, flat, log_real

STRETCH = [sys.executable, "-m", "stretch"]
PAGE = 4096


def history_file(home: Path) -> Path:
    return home / "history.sqlite3"


def sessions(home: Path) -> list[dict[str, object]]:
    out = CliRunner().invoke(app, ["history", "--json"]).stdout
    return list(json.loads(out)["sessions"])


# --- 2. a file damaged inside ---------------------------------------------------------

def damaged_history(home: Path) -> bytes:
    """A real history with 80 sessions, then random bytes over the sessions table's first
    page (a page in the middle of the file): SQLite opens it, and the first read fails."""
    now = datetime.now().astimezone()
    for day in range(80):
        log_real(home, "hip-reset", now - timedelta(days=day + 1), groups=("gluteal",))
    path = history_file(home)
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sessions'").fetchone()
    (pages,) = db.execute("PRAGMA page_count").fetchone()
    db.close()
    assert 1 < root < pages
    noise = random.Random(15).randbytes(PAGE)
    with path.open("r+b") as handle:
        handle.seek((root - 1) * PAGE)
        handle.write(noise)
    data = path.read_bytes()
    check = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="malformed"):
        check.execute("SELECT * FROM sessions").fetchall()
    check.close()
    return data


@pytest.mark.parametrize("args", [["history"], ["history", "--json"], ["week"], ["today"],
                                  ["run", "desk-break", "--speed", "1000"]])
def test_2_a_file_damaged_inside_is_set_aside_with_one_line(
        runner: CliRunner, stretch_home: Path, args: list[str]) -> None:
    damaged = damaged_history(stretch_home)
    write_user_file(stretch_home, "week.yaml", WEEK_OF.format("rest"))  # `today`: no session
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if line.startswith("stretch: ")]
    path = history_file(stretch_home)
    assert len(notes) == 1 and notes[0].startswith(
        f"stretch: the history file {path} could not be read; kept it as "
        "history.sqlite3.corrupt-"), result.stderr
    (kept,) = stretch_home.glob("history.sqlite3.corrupt-*[0-9]")
    assert notes[0].endswith(f"kept it as {kept.name} and started a new one")
    assert kept.read_bytes() == damaged  # kept as it was, for the user
    again = runner.invoke(app, args[:1] + args[1:])  # the new file works: nothing more to say
    assert again.exit_code == 0 and "could not be read" not in again.stderr
    with History.open(path) as history:
        count = history.count()
    assert count == (2 if args[0] == "run" else 0)


@pytest.mark.slow
def test_2_a_file_damaged_mid_session_does_not_stop_the_session(stretch_home: Path) -> None:
    env = {**os.environ, "STRETCH_HOME": str(stretch_home)}
    log_real(stretch_home, "hip-reset", datetime.now().astimezone())
    proc = subprocess.Popen([*STRETCH, "run", "desk-break", "--speed", "40", "--plain"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith("Today: Desk break")
    assert proc.stdout.readline().startswith("0:00  Get ready")
    told = next(line for line in iter(proc.stdout.readline, "") if not line.startswith("  "))
    assert told.startswith("0:10  ")  # the first step (after the move's setup and cues)
    path = history_file(stretch_home)
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file, then damage
    (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sessions'").fetchone()
    db.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * PAGE)
        handle.write(random.Random(2).randbytes(PAGE))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Completed Desk break" in out and "Traceback" not in err
    notes = [line for line in err.splitlines() if "could not be read" in line]
    assert len(notes) == 1 and "kept it as history.sqlite3.corrupt-" in notes[0]
    (row,) = sessions(stretch_home)  # the session goes on being logged in the new file
    assert row["routine"] == "desk-break" and row["status"] == "completed"
    plan = json.loads(CliRunner().invoke(app, ["show", "desk-break", "--json"]).stdout)
    assert (row["steps_done"], row["active_seconds"]) == (len(plan["steps"]), plan["seconds"])


# --- 4. a read-only folder --------------------------------------------------------------

# A session logged by a process that ended without closing the file: its row is only in
# the -wal file, which stays beside the history with the -shm.
LEFT_IN_THE_WAL = """
import os, sys
from datetime import datetime
from stretch.history.store import History
history = History.open(__import__("pathlib").Path(sys.argv[1]))
row = history.begin(routine="desk-break", title="Desk break", planned_seconds=318,
                    started=datetime.now().astimezone(), steps_total=18, first_side="left")
history.finish(row, status="completed", ended=datetime.now().astimezone(),
               active_seconds=318, steps_done=18, steps_skipped=0)
os._exit(0)
"""


@pytest.fixture(params=["closed", "wal-left"])
def read_only_home(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    """A home on a small file system holding a real session (and with "wal-left", a
    second one still in the -wal file), then mounted read-only: a real read-only folder
    (as root, chmod would not stop a write)."""
    home = tmp_path / "ro"
    home.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(home)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("mounting a file system needs root")
    try:
        log_real(home, "hip-reset", datetime.now().astimezone(), groups=("gluteal",))
        if request.param == "wal-left":
            subprocess.run([sys.executable, "-c", LEFT_IN_THE_WAL, str(history_file(home))],
                           check=True)
            assert history_file(home).with_name("history.sqlite3-wal").exists()
        subprocess.run(["mount", "-o", "remount,ro", str(home)], check=True)
        yield home
    finally:
        subprocess.run(["umount", "-l", str(home)], check=False)


def run_in(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STRETCH_HOME": str(home)}
    return subprocess.run([*STRETCH, *args], capture_output=True, text=True, env=env,
                          check=False, timeout=60)


@pytest.mark.slow
def test_4_a_read_only_folder_reads_and_runs_unlogged(read_only_home: Path) -> None:
    history = run_in(read_only_home, "history", "--json")
    assert history.returncode == 0 and history.stderr == ""
    logged = json.loads(history.stdout)["sessions"]
    wal = history_file(read_only_home).with_name("history.sqlite3-wal").exists()
    assert len(logged) == 1 + wal  # a session only in the -wal file is read too
    assert logged[-1]["routine"] == "hip-reset" and json.loads(history.stdout)["streak"] == 1
    view = run_in(read_only_home, "history")
    assert view.returncode == 0 and "Hip reset" in view.stdout and "gluteal" in view.stdout
    week = run_in(read_only_home, "week")
    assert week.returncode == 0 and week.stderr == ""
    before = history_file(read_only_home).read_bytes()
    ran = run_in(read_only_home, "run", "desk-break", "--speed", "1000")
    assert ran.returncode == 0, ran.stderr
    assert "Completed Desk break" in ran.stdout
    path = history_file(read_only_home)
    assert [line for line in ran.stderr.splitlines() if "history" in line] == [
        f"stretch: cannot write the history file {path} (the folder is read-only): "
        "this session will not be logged."]
    assert path.read_bytes() == before
    after = json.loads(run_in(read_only_home, "history", "--json").stdout)["sessions"]
    assert after == logged


def test_4_a_history_file_that_is_a_folder(runner: CliRunner, stretch_home: Path) -> None:
    history_file(stretch_home).mkdir()
    for args in (["history"], ["week"], ["run", "desk-break", "--speed", "1000"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, args
        assert result.stderr == (
            f"stretch: error: the history file {history_file(stretch_home)} is a folder; "
            "stretch keeps its history in a file of that name: move the folder elsewhere\n")


# --- 5. what counts ---------------------------------------------------------------------

def test_5_a_speed_run_counts_toward_nothing(runner: CliRunner, stretch_home: Path) -> None:
    write_user_file(stretch_home, "week.yaml", WEEK_OF.format("desk-break"))
    first = runner.invoke(app, ["today", "--speed", "1000"])
    assert first.exit_code == 0 and "Completed Desk break" in first.stdout
    assert "Streak" not in first.stdout
    assert "A --speed run is a demo: it counts toward nothing" in first.stderr
    data = json.loads(runner.invoke(app, ["history", "--json"]).stdout)
    assert data["streak"] == 0 and data["sessions"][0]["speed"] == 1000
    view = flat(runner.invoke(app, ["history"]).stdout)
    assert "This week: 0 sessions, 0 min." in view and "Minutes per muscle group" not in view
    assert "completed (demo)" in view
    week = runner.invoke(app, ["week"]).stdout
    assert "✓" not in week
    again = runner.invoke(app, ["today", "--speed", "1000"])  # not "You did Desk break today"
    assert "You did" not in again.stdout and "Completed Desk break" in again.stdout


# --- 6. today is today's planned routine ----------------------------------------------

def test_6_another_routine_done_today_makes_the_day_done(
        runner: CliRunner, stretch_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 23 item 17 changed this: one definition of a day done, for today, the week,
    the streak and the reminder. The desk break the coach offers on a bad day keeps the
    day; `today` says so, and names the plan's routine (run it with `stretch run`)."""
    from stretch.history import calendar  # done_today: the one answer, reminders' too

    freeze_now(monkeypatch, NOW)
    write_user_file(stretch_home, "week.yaml", WEEK_OF.format("core-and-hips"))
    log_real(stretch_home, "desk-break", NOW - timedelta(minutes=30))
    catalogue = load_catalogue(user_dir=stretch_home / "routines")
    with History.open(history_file(stretch_home)) as history:
        done_by = calendar.done_today(calendar.today(catalogue, history, NOW))
    assert done_by is not None and done_by.routine == "desk-break"
    week = runner.invoke(app, ["week"]).stdout
    (today,) = [line for line in week.splitlines() if "(today)" in line]
    assert today.rstrip().endswith("✓")
    done = runner.invoke(app, ["today", "--speed", "1000"])
    assert done.stdout == "You did Desk break today at 08:30.\n"  # nothing runs in a script
    log_real(stretch_home, "core-and-hips", NOW - timedelta(minutes=5))
    with History.open(history_file(stretch_home)) as history:
        done_by = calendar.done_today(calendar.today(catalogue, history, NOW))
    assert done_by is not None and done_by.routine == "core-and-hips"
    done = runner.invoke(app, ["today"])
    assert done.stdout == "You did Core and hips today at 08:55.\n"
    assert "✓" in runner.invoke(app, ["week"]).stdout


# --- 8. quitting before the first sided move keeps the sides ---------------------------

@pytest.mark.slow
def test_8_a_session_ended_in_get_ready_does_not_swap_sides(stretch_home: Path) -> None:
    env = {**os.environ, "STRETCH_HOME": str(stretch_home)}
    first = run_in(stretch_home, "run", "hip-reset", "--speed", "1000")
    assert re.search(r"^0:10  [\w -]+figure-four stretch, left side", first.stdout, re.M)
    proc = subprocess.Popen([*STRETCH, "run", "hip-reset", "--plain"], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith("Today: Hip reset")
    assert re.match(r"0:00  Get ready \(next: [\w -]+figure-four stretch, right side\)",
                    proc.stdout.readline())
    proc.send_signal(signal.SIGTERM)  # ended in its get-ready step
    assert proc.wait(timeout=30) == 128 + signal.SIGTERM  # the contract's 143 (issue 23)
    statuses = [row["status"] for row in sessions(stretch_home)]
    assert statuses == ["interrupted", "completed"]
    after = run_in(stretch_home, "run", "hip-reset", "--speed", "1000")
    assert re.search(r"^0:10  [\w -]+figure-four stretch, right side", after.stdout,
                     re.M)  # right's turn still
    last = run_in(stretch_home, "run", "hip-reset", "--speed", "1000")
    assert re.search(r"^0:10  [\w -]+figure-four stretch, left side", last.stdout,
                     re.M)  # and then left again
