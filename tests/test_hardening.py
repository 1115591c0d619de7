"""Bad arguments, closed pipes, and a full or read-only home: clear errors, nothing lost."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.history.store import History

STRETCH = [sys.executable, "-m", "stretch"]
COMMANDS = ["today", "run", "list", "show", "moves", "avoid", "sheet", "week", "history",
            "validate", "config"]


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unknown_option_is_a_usage_error_on_every_command(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, "--no-such-option"])
    assert result.exit_code == 2
    assert result.stderr == ("stretch: error: No such option: --no-such-option "
                             f"(see 'stretch {command} --help')\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-command"], "No such command 'no-such-command' (see 'stretch --help')"),
        (["show"], "Missing argument 'name' (see 'stretch show --help')"),
        (["sheet"], "Missing argument 'name' (see 'stretch sheet --help')"),
        (["run", "hip-reset", "--speed", "fast"],
         "Invalid value for '--speed': a speed from 0.001 to 1000, got 'fast' (see 'stretch run --help')"),
        (["run", "hip-reset", "--speed", "-1"],
         "Invalid value for '--speed': a speed from 0.001 to 1000, got -1 (see 'stretch run --help')"),
        (["run", "hip-reset", "--minutes", "0"],
         "Invalid value for '--minutes': a number of minutes from 1 to 180, got 0 (see 'stretch run --help')"),
        (["today", "--minutes", "1000"],
         "Invalid value for '--minutes': a number of minutes from 1 to 180, got 1000 (see 'stretch today --help')"),
        (["history", "--weeks", "many"],
         "Invalid value for '--weeks': a number of weeks from 1 to 104, got 'many' (see 'stretch history --help')"),
        (["history", "--weeks", "0"],
         "Invalid value for '--weeks': a number of weeks from 1 to 104, got 0 (see 'stretch history --help')"),
        (["sheet", "hip-reset", "--format", "pdf"],
         "Invalid value for '--format' / '-f': 'pdf' is not one of 'terminal', 'text', 'markdown', 'html' (see 'stretch sheet --help')"),
        (["moves", "--group", "hamstrings"],
         "Invalid value for '--group' / '-g': no muscle group named 'hamstrings'; known: adductor, core, gluteal, hip, psoas (see 'stretch moves --help')"),
        (["show", "hip-reset", "extra-argument"],
         "Got unexpected extra argument(s) (extra-argument) (see 'stretch show --help')"),
        (["run"], "name a routine to run (see `stretch list`): no terminal to ask in"),
        (["run", "--speed", "0"],
         "Invalid value for '--speed': a speed from 0.001 to 1000, got 0 (see 'stretch run --help')"),
        (["sheet", "hip-rest"], "no routine named 'hip-rest'; did you mean hip-reset?"),
    ],
)
def test_bad_arguments_are_usage_errors_in_one_line(runner: CliRunner, args: list[str],
                                                    message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"stretch: error: {message}\n"
    assert result.stdout == ""


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    ["list", "show full-session", "sheet full-session", "sheet full-session --format html",
     "moves --json", "avoid", "history", "week", "config"],
)
def test_a_closed_pipe_is_quiet(command: str, stretch_home: Path) -> None:
    line = " ".join(STRETCH) + f" {command} | head -1"
    env = {**os.environ, "STRETCH_HOME": str(stretch_home)}
    done = subprocess.run(["sh", "-c", line], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0
    assert done.stderr == ""  # no traceback, no "Exception ignored"
    assert done.stdout.strip()


# --- a full or read-only home ------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A tiny tmpfs, mounted for the test (needs the right to mount, as root here)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    # room for a session: the catalogue cache (about 150 KB) and a WAL that grows to about
    # 330 KB as each step is logged; 512 KB left a few KB spare, and a move more filled it
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("mounting a small file system needs root")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> None:
    """Fill a file system to the last byte."""
    with (disk / "filler").open("wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError:
            pass


def run_in(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STRETCH_HOME": str(home)}
    return subprocess.run([*STRETCH, *args], capture_output=True, text=True, env=env,
                          check=False, timeout=60)


@pytest.mark.slow
def test_a_full_disk_is_a_clear_error_and_the_history_stays_whole(small_disk: Path) -> None:
    done = run_in(small_disk, "run", "desk-break", "--speed", "1000")
    assert done.returncode == 0, done.stderr
    fill(small_disk)
    result = run_in(small_disk, "run", "hip-reset", "--speed", "1000")
    assert result.returncode == 1
    assert result.stderr.startswith("stretch: error: ")
    assert "disk is full" in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    (small_disk / "filler").unlink()
    db = sqlite3.connect(small_disk / "history.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()
    rows = History.open(small_disk / "history.sqlite3").sessions()
    assert [r.routine for r in rows if r.status == "completed"] == ["desk-break"]


@pytest.mark.slow
def test_a_full_disk_leaves_no_half_written_sheet(small_disk: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    fill(small_disk)
    target = small_disk / "wall.html"
    result = run_in(home, "sheet", "full-session", "-o", str(target))
    assert result.returncode == 1
    assert result.stderr.startswith(f"stretch: error: cannot write {target}")
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]  # no sheet, no temp file


@pytest.mark.slow
def test_a_read_only_home_runs_unlogged_and_still_reads(small_disk: Path) -> None:
    assert run_in(small_disk, "run", "desk-break", "--speed", "1000").returncode == 0
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    result = run_in(small_disk, "run", "desk-break", "--speed", "1000")
    assert result.returncode == 0, result.stderr  # the session runs (see test_reliability)
    assert "read-only" in result.stderr and "will not be logged" in result.stderr
    sheet = run_in(small_disk, "sheet", "hip-reset", "-o", str(small_disk / "x.txt"))
    assert sheet.returncode == 1 and "Read-only file system" in sheet.stderr
    history = run_in(small_disk, "history", "--json")  # reading still works
    assert history.returncode == 0 and "Traceback" not in history.stderr
