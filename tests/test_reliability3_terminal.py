"""Issue 23 in real processes and terminals: output that cannot be written, a closed
pipe, the picker's keys, helpers that outlive their cue, Ctrl-Z and SIGSTOP mid-session,
no "And now?" after a session that never began.

Each test names the issue's item it covers.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from stretch.history.store import History
from tests.conftest import log_session, need_program
from tests.terminal import Tmux

pytestmark = pytest.mark.slow

STRETCH = [sys.executable, "-m", "stretch"]
EVERY = [["list"], ["show", "hip-reset"], ["show", "hip-reset", "--json"], ["history"],
         ["history", "--json"], ["week"], ["moves"], ["moves", "pigeon"], ["avoid"],
         ["sheet", "hip-reset"], ["sheet", "hip-reset", "--format", "html"], ["config"],
         ["today", "--preview"], ["validate"], ["remind", "status"], ["nudge", "--print"],
         ["progress"], ["--help"], ["run", "desk-break", "--speed", "1000"]]


@pytest.fixture
def home(stretch_home: Path) -> Path:
    """A home with yesterday's session (history has rows, the nudge a streak at stake)."""
    with History.open(stretch_home / "history.sqlite3") as history:
        log_session(history, "hip-reset", datetime.now().astimezone() - timedelta(days=1))
    return stretch_home


def stretch(home: Path, args: list[str], *, env: dict[str, str] | None = None,
            **options: object) -> subprocess.CompletedProcess[str]:
    done: subprocess.CompletedProcess[str] = subprocess.run(
        [*STRETCH, *args], env={**os.environ, "STRETCH_HOME": str(home), **(env or {})},
        text=True, check=False, timeout=60, **options)  # type: ignore[call-overload]
    return done


# --- 10. output that cannot be written or encoded -----------------------------------------

@pytest.mark.parametrize("args", EVERY, ids=" ".join)
def test_10_a_full_output_is_one_line_and_exit_1(home: Path, args: list[str]) -> None:
    with Path("/dev/full").open("w") as full:
        done = stretch(home, args, stdout=full, stderr=subprocess.PIPE)
    assert (done.returncode, done.stderr) == (
        1, "stretch: error: cannot write the output: No space left on device\n")


@pytest.mark.parametrize("args", EVERY, ids=" ".join)
def test_10_a_closed_pipe_is_exit_0_and_no_message(home: Path, args: list[str]) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # the reader has gone (`| true`, `| head -1` once it has its line)
    try:
        done = stretch(home, args, stdout=writer, stderr=subprocess.PIPE)
    finally:
        os.close(writer)
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "latin-1"},
                                 {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}])
@pytest.mark.parametrize("args", [["history"], ["list"], ["sheet", "hip-reset"], ["moves",
                                  "pigeon"], ["show", "hip-reset", "--json"]], ids=" ".join)
def test_10_an_encoding_without_the_characters_gets_them_replaced(
        home: Path, args: list[str], env: dict[str, str]) -> None:
    done = stretch(home, args, env=env, capture_output=True, errors="replace")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.strip()


# --- 12. helpers never outlive their cue, nor stretch -------------------------------------

def gone(pid: int) -> bool:
    """Whether a process has ended (a zombie waiting for its parent counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state == "Z"


def hanging_voice(home: Path, pids: Path) -> None:
    """A speech program that starts another and never ends (each writes its pid)."""
    hang = f"echo $$ >> {pids}; sleep 300 & echo $! >> {pids}; wait"
    (home / "config.toml").write_text(
        "voice = true\nbell = false\nget_ready = 3\n"
        f"voice_command = [\"sh\", \"-c\", '{hang}', \"sh\", \"{{text}}\"]\n")


def started_pids(pids: Path) -> list[int]:
    return [int(p) for p in pids.read_text().split()] if pids.exists() else []


@pytest.mark.parametrize("how", ["to the end", "SIGTERM"])
def test_12_a_hanging_voice_is_ended_with_its_children(home: Path, tmp_path: Path,
                                                        how: str) -> None:
    pids = tmp_path / "pids"
    hanging_voice(home, pids)
    env = {**os.environ, "STRETCH_HOME": str(home)}
    speed = "100" if how == "to the end" else "1"
    proc = subprocess.Popen([*STRETCH, "run", "desk-break", "--speed", speed, "--voice",
                             "--plain"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        if how == "SIGTERM":
            deadline = time.monotonic() + 30
            while len(started_pids(pids)) < 2:  # the first cue is being said
                assert time.monotonic() < deadline and proc.poll() is None
                time.sleep(0.05)
            proc.terminate()
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == (0 if how == "to the end" else 143), err
        assert len(started_pids(pids)) >= 2
        deadline = time.monotonic() + 10
        while not all(gone(pid) for pid in started_pids(pids)):
            assert time.monotonic() < deadline, [p for p in started_pids(pids) if not gone(p)]
            time.sleep(0.05)
    finally:
        for pid in started_pids(pids):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


# --- 1. time spent stopped is not work ----------------------------------------------------

SHORT = """\
routines:
  short:
    title: Short
    items:
      - move: figure-four
        hold: 20
        reps: 1
"""
STOPPED_FOR = 8.0  # real seconds a test keeps stretch stopped: longer than all of `short`
# at --speed 10 (about 7 s); the time of the fault itself, not a wait for an outcome


def short_routine(home: Path) -> None:
    (home / "routines").mkdir(exist_ok=True)
    (home / "routines" / "short.yaml").write_text(SHORT)
    (home / "config.toml").write_text("checkin = false\nwait_to_start = false\nget_ready = 30\n"
                                      "bell = false\n")


def logged_row(home: Path) -> dict[str, object]:
    with History.open(home / "history.sqlite3") as history:
        (row,) = [r for r in history.sessions() if r.routine == "short"]
    return {"status": row.status, "steps_done": row.steps_done, "active": row.active_seconds,
            "planned": row.planned_seconds}


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    need_program("tmux")
    terminal = Tmux(tmp_path, width=80, height=30)
    short_routine(tmp_path / "home")
    yield terminal
    terminal.close()


@pytest.mark.parametrize("plain", [False, True], ids=["live", "plain"])
def test_1_ctrl_z_and_fg_come_back_paused_on_the_same_step(tmux: Tmux, plain: bool) -> None:
    tmux.run_alone("run", "short", "--speed", "10", *(["--plain"] if plain else []))
    tmux.wait_for("Get ready")
    tmux.keys("C-z")
    tmux.wait_for("Stopped")
    time.sleep(STOPPED_FOR)  # the fault: stopped for longer than the routine
    tmux.type("fg\n")
    screen = tmux.wait_for("Paused (space to go on)" if plain else "PAUSED")
    if plain:  # nothing ran out while stopped: no step began between the two
        steps = [line.split("  ", 1)[1] for line in screen.splitlines()
                 if line[:1].isdigit() and "  " in line]
        assert steps[-2].startswith("Get ready (next:") and steps[-1].startswith("Paused"), steps
    else:
        assert "Get ready ·" in screen
    tmux.type("q")
    tmux.wait_for("Stopped Short")
    tmux.finish_alone()
    assert tmux.result() == (0, True)
    row = logged_row(tmux.tmp / "home")
    assert row["status"] == "stopped" and row["steps_done"] == 0
    assert isinstance(row["active"], float) and row["active"] < 30  # get ready never ran out


def test_1_sigstop_and_sigcont_come_back_paused_in_the_live_view(tmux: Tmux) -> None:
    tmux.run("run", "short", "--speed", "10")
    tmux.wait_for("Get ready ·")
    pid = tmux.pid()
    os.kill(pid, signal.SIGSTOP)
    time.sleep(STOPPED_FOR)  # the fault
    os.kill(pid, signal.SIGCONT)
    screen = tmux.wait_for("PAUSED")
    assert "Get ready ·" in screen
    tmux.type(" ")  # goes on from where it was
    tmux.wait_until(lambda s: "PAUSED" not in s, "the session going on")
    tmux.type("q")
    tmux.wait_for("Stopped Short")
    assert tmux.result() == (0, True)
    row = logged_row(tmux.tmp / "home")
    assert row["status"] == "stopped" and row["steps_done"] == 0


def test_1_sigstop_without_keys_is_paused_time_and_the_session_goes_on(home: Path) -> None:
    short_routine(home)
    env = {**os.environ, "STRETCH_HOME": str(home)}
    proc = subprocess.Popen([*STRETCH, "run", "short", "--speed", "10"], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith("Today: Short")
    assert proc.stdout.readline().startswith("0:00  Get ready")
    proc.send_signal(signal.SIGSTOP)
    time.sleep(STOPPED_FOR)  # the fault
    proc.send_signal(signal.SIGCONT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    lines = [line.split("  ", 1)[1] for line in out.splitlines() if line[:1].isdigit()]
    assert lines[:2] == ["Paused while stopped", "Resumed"], out  # before any step ran out
    assert lines[2].endswith("figure-four stretch, left side  20 s"), out
    row = logged_row(home)
    assert row["status"] == "completed" and row["active"] == row["planned"]


# --- 11. the picker asks again about a digit int() does not read ----------------------------

def test_11_the_picker_asks_again_about_superscript_two(tmux: Tmux) -> None:
    tmux.run("run", "--speed", "1000")
    tmux.wait_for("Which routine?")
    tmux.type("²\n")  # the key left of 1 on many keyboards
    screen = tmux.wait_for("Type a number from 1 to")
    assert "Traceback" not in screen
    tmux.type("short\n")
    tmux.wait_for("Completed Short")
    tmux.type("x")
    assert tmux.result() == (0, True)


def test_11_the_rating_keys_ignore_superscript_two(tmp_path: Path) -> None:
    need_program("tmux")
    terminal = Tmux(tmp_path, width=80, height=30, checkin=True)
    try:
        terminal.run("run", "desk-break")
        terminal.wait_for("How is your back right now, 0-10?")
        terminal.type("²")  # not a rating: the question waits
        terminal.type("3")
        terminal.start()
        terminal.wait_for("Get ready ·")
        terminal.type("q")
        assert terminal.result() == (0, True)
        with History.open(tmp_path / "home" / "history.sqlite3") as history:
            assert history.sessions()[0].pain_before == 3
    finally:
        terminal.close()


# --- 16. no "And now?" about a session that never began -------------------------------------

def test_16_a_quit_while_getting_ready_asks_nothing_after(tmp_path: Path) -> None:
    need_program("tmux")
    terminal = Tmux(tmp_path, width=80, height=30, checkin=True)
    try:
        terminal.run("run", "desk-break")
        terminal.wait_for("How is your back right now, 0-10?")
        terminal.type("4")
        terminal.start()
        terminal.wait_for("Get ready ·")
        terminal.type("q")
        terminal.wait_for("Stopped Desk break")
        assert terminal.result() == (0, True)  # it ended: nothing waits for an answer
        assert "And now?" not in terminal.screen()
        with History.open(tmp_path / "home" / "history.sqlite3") as history:
            row = history.sessions()[0]
        assert (row.status, row.pain_before, row.pain_after) == ("stopped", 4, None)
    finally:
        terminal.close()
