"""The history on real SQLite files: crashes, concurrency, corruption, migration, streaks."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.history.schedule import streak
from stretch.history.store import MIGRATIONS, SCHEMA_VERSION, History
from tests.conftest import write_user_file

STRETCH = [sys.executable, "-m", "stretch"]



def history_at(home: Path) -> History:
    return History.open(home / "history.sqlite3")


def log(history: History, routine: str, started: datetime, status: str = "completed") -> int:
    row = history.begin(routine=routine, title=routine.title(), started=started,
                        planned_seconds=60, steps_total=3, first_side="left")
    history.finish(row, status=status, ended=started + timedelta(minutes=1), active_seconds=60,
                   steps_done=3, steps_skipped=0)
    return row


def test_a_session_is_logged_as_it_runs(runner: CliRunner, stretch_home: Path) -> None:
    result = runner.invoke(app, ["run", "desk-break", "--speed", "1000"])
    assert result.exit_code == 0
    data = json.loads(runner.invoke(app, ["history", "--json"]).stdout)
    assert data["streak"] == 1
    (session,) = data["sessions"]
    assert set(session) == {"routine", "started", "ended", "status", "active_seconds",
                            "steps_done", "steps_skipped", "speed", "pain_before", "pain_after"}
    assert session["routine"] == "desk-break" and session["status"] == "completed"
    # a beginner's doses: 20 s holds, two per side (`stretch show desk-break`)
    assert session["active_seconds"] == 375 and session["steps_done"] == 30
    assert session["pain_before"] is None and session["pain_after"] is None
    started = datetime.fromisoformat(session["started"])
    assert started.utcoffset() is not None  # ISO 8601 with an offset


def test_kill_9_mid_session_leaves_a_whole_file_and_an_interrupted_row(stretch_home: Path) -> None:
    env = {**os.environ, "STRETCH_HOME": str(stretch_home)}
    proc = subprocess.Popen([*STRETCH, "run", "hip-reset", "--speed", "40", "--plain"],
                            env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    lines = [proc.stdout.readline() for _ in range(6)]  # a few steps in (after the safety note)
    while not any(line.startswith("0:5") for line in lines):  # 20 s holds for a beginner
        lines.append(proc.stdout.readline())
        assert lines[-1], "the session ended before it was killed:\n" + "".join(lines)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    db = sqlite3.connect(stretch_home / "history.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()
    (row,) = history_at(stretch_home).sessions()
    assert row.status == "interrupted" and row.ended is None
    assert row.steps_done >= 2 and row.active_seconds >= 40


def test_two_sessions_at_once_both_land(stretch_home: Path) -> None:
    env = {**os.environ, "STRETCH_HOME": str(stretch_home)}
    procs = [subprocess.Popen([*STRETCH, "run", name, "--speed", "300", "--plain"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for name in ("desk-break", "hip-reset")]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    rows = history_at(stretch_home).sessions()
    assert sorted(r.routine for r in rows) == ["desk-break", "hip-reset"]
    assert {r.status for r in rows} == {"completed"}


def test_a_corrupt_file_is_kept_aside_with_one_line(runner: CliRunner, stretch_home: Path) -> None:
    path = stretch_home / "history.sqlite3"
    garbage = b"this is not a database at all\n" * 200
    path.write_bytes(garbage)
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 0
    notice = result.stderr.strip()
    assert notice.startswith(f"stretch: the history file {path} could not be read; kept it as ")
    assert "\n" not in notice
    (kept,) = stretch_home.glob("history.sqlite3.corrupt-*")
    assert kept.read_bytes() == garbage
    assert history_at(stretch_home).count() == 0  # a fresh, working file


def test_migration_from_schema_1_keeps_the_rows(stretch_home: Path) -> None:
    path = stretch_home / "history.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("INSERT INTO sessions (routine, title, started, ended, status, planned_seconds, "
               "active_seconds, steps_total, steps_done) VALUES ('hip-reset', 'Hip reset', "
               "'2026-01-05T07:00:00+01:00', '2026-01-05T07:11:00+01:00', 'completed', 640, 640, "
               "32, 32)")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    history = history_at(stretch_home)
    (row,) = history.sessions()
    assert row.routine == "hip-reset" and row.first_side == "left" and row.status == "completed"
    assert row.speed == 1.0  # sessions logged before speeds were kept ran in real time
    assert history.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_session_keeps_its_clock_speed(runner: CliRunner) -> None:
    assert runner.invoke(app, ["run", "desk-break", "--speed", "500"]).exit_code == 0
    (session,) = json.loads(runner.invoke(app, ["history", "--json"]).stdout)["sessions"]
    assert session["speed"] == 500


def test_a_file_from_a_newer_version_is_refused(runner: CliRunner, stretch_home: Path) -> None:
    db = sqlite3.connect(stretch_home / "history.sqlite3")
    db.execute("PRAGMA user_version = 99")
    db.close()
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 1
    assert "newer stretch" in result.stderr and result.stderr.count("\n") == 1


def test_an_unwritable_home_is_a_clear_error(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRETCH_HOME", "/proc/stretch-cannot-be-here")
    result = runner.invoke(app, ["run", "desk-break", "--speed", "1000"])
    assert result.exit_code == 1
    assert result.stderr.startswith("stretch: error: cannot create /proc/stretch-cannot-be-here")
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_streak_skips_planned_rest_days_and_stops_at_a_missed_day() -> None:
    today = date(2026, 11, 24)  # a Tuesday
    sunday = 6
    done = [date(2026, 11, 24), date(2026, 11, 23), date(2026, 11, 21), date(2026, 11, 20),
            date(2026, 11, 18)]
    # Sun 22 is a rest day: it does not break the streak; Thu 19 was missed: it does.
    assert streak(done, {sunday}, today) == 4
    assert streak(done, set(), today) == 2
    # today not done yet does not break it
    assert streak(done[1:], {sunday}, today) == 3
    assert streak([], {sunday}, today) == 0


def test_streak_across_midnight_and_time_zones(stretch_home: Path) -> None:
    history = history_at(stretch_home)
    # started late on the 22nd in New York, ran past midnight: it belongs to the 22nd
    log(history, "hip-reset", datetime(2026, 11, 22, 23, 50, tzinfo=timezone(timedelta(hours=-5))))
    # the 23rd in Tokyo (still the 22nd in UTC): it belongs to the local 23rd
    log(history, "hip-reset", datetime(2026, 11, 23, 7, 0, tzinfo=timezone(timedelta(hours=9))))
    log(history, "hip-reset", datetime(2026, 11, 24, 0, 5, tzinfo=UTC))
    days = [r.day for r in history.sessions()]  # newest first in absolute time
    assert sorted(days) == [date(2026, 11, 22), date(2026, 11, 23), date(2026, 11, 24)]
    assert streak(days, set(), date(2026, 11, 24)) == 3


def test_sided_moves_alternate_the_first_side(runner: CliRunner, stretch_home: Path) -> None:
    for _ in range(3):
        assert runner.invoke(app, ["run", "desk-break", "--speed", "1000"]).exit_code == 0
    sides = [r.first_side for r in reversed(history_at(stretch_home).sessions())]
    assert sides == ["left", "right", "left"]
    second = runner.invoke(app, ["run", "desk-break", "--speed", "1000"]).stdout
    assert "0:10  Seated figure-four stretch, right side  20 s" in second


def test_minutes_fits_a_routine_and_says_what_changed(runner: CliRunner, stretch_home: Path) -> None:
    result = runner.invoke(app, ["run", "hip-reset", "--minutes", "9", "--speed", "1000"])
    assert result.exit_code == 0
    err = result.stderr
    assert "To fit 9 minutes: holds shortened (20 s holds now 16 s)." in err  # a beginner's 20 s
    assert "To fit 9 minutes: left out: Frog stretch." in err
    (row,) = history_at(stretch_home).sessions()
    assert row.active_seconds <= 540
    bad = runner.invoke(app, ["run", "hip-reset", "--minutes", "0"])
    assert bad.exit_code == 2


def test_today_runs_logs_then_says_it_is_done(runner: CliRunner, stretch_home: Path) -> None:
    first = runner.invoke(app, ["today", "--speed", "1000"])
    assert first.exit_code == 0 and "Completed" in first.stdout and "Streak: 1 day." in first.stdout
    again = runner.invoke(app, ["today", "--speed", "1000"])
    assert again.exit_code == 0
    assert again.stdout.startswith("You did ") and " today at " in again.stdout
    week = runner.invoke(app, ["week"])
    assert week.exit_code == 0 and "(today)" in week.stdout and "✓" in week.stdout


def test_rest_day_says_so_and_offers_the_desk_break(runner: CliRunner, stretch_home: Path) -> None:
    days = "".join(f"  {d}: rest\n" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
    write_user_file(stretch_home, "week.yaml", "week:\n" + days)
    result = runner.invoke(app, ["today"])
    assert result.exit_code == 0
    assert "is a rest day in your plan" in result.stdout
    assert "stretch run desk-break" in result.stdout
    preview = json.loads(runner.invoke(app, ["today", "--json"]).stdout)
    assert preview["rest"] is True and "steps" not in preview


def test_today_preview_json_is_show_plus_the_day(runner: CliRunner) -> None:
    data = json.loads(runner.invoke(app, ["today", "--preview", "--json"]).stdout)
    assert data["day"] in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    assert date.fromisoformat(data["date"])
    if not data["rest"]:
        assert {"name", "title", "seconds", "dose", "steps"} <= set(data)


def test_history_view_shows_streak_calendar_groups_and_latest(runner: CliRunner, stretch_home: Path) -> None:
    runner.invoke(app, ["run", "hip-reset", "--speed", "1000"])
    result = runner.invoke(app, ["history", "--weeks", "4"])
    assert result.exit_code == 0
    out = result.stdout
    assert "Streak: 1 day" in out and "The last 4 weeks" in out
    assert "gluteal" in out and "psoas" in out and "adductor" in out
    assert "Hip reset" in out and "completed" in out
    assert runner.invoke(app, ["history", "--weeks", "0"]).exit_code == 2


def test_history_reads_fast_with_many_sessions(stretch_home: Path) -> None:
    history = history_at(stretch_home)
    start = datetime(2025, 1, 1, 7, tzinfo=UTC)
    for day in range(400):
        log(history, "hip-reset", start + timedelta(days=day))
    began = time.perf_counter()
    assert len(history.sessions()) == 400
    assert time.perf_counter() - began < 1.0
