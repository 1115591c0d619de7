"""End to end in a real terminal (tmux): keys, the screen, exit codes and terminal modes."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import need_program
from tests.terminal import Tmux, digit_height, log_past_session, shows_big

pytestmark = pytest.mark.slow


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    need_program("tmux")
    terminal = Tmux(tmp_path)
    yield terminal
    terminal.close()


def test_keys_pause_skip_and_quit(tmux: Tmux) -> None:
    tmux.run("run", "hip-reset", "--speed", "2")
    screen = tmux.wait_for("Get ready ·")
    assert "Hip reset" in screen and "space pause" in screen
    tmux.type(" ")
    tmux.wait_for("PAUSED")
    tmux.type(" ")
    tmux.wait_for("left")
    tmux.type("n")
    screen = tmux.wait_for("left side")
    assert "Seated figure-four stretch" in screen and "hold 1 of 5" in screen  # a beginner: 20 s x 5
    tmux.type("n")
    tmux.wait_for("Switch sides ·")
    tmux.type("?")
    tmux.wait_for("skip to the next step")
    tmux.type("q")
    tmux.wait_for("Stopped Hip reset")
    assert "2 steps skipped" in tmux.joined()
    code, restored = tmux.result()
    assert code == 0 and restored
    assert tmux.statuses() == ["stopped"]


def test_arrow_keys_move_between_steps(tmux: Tmux) -> None:
    tmux.run("run", "hip-reset", "--speed", "1")
    tmux.wait_for("Get ready ·")
    tmux.keys("Right")
    tmux.wait_for("left side")
    tmux.keys("Left")  # within 2 s of the start: back to get-ready
    tmux.wait_for("Get ready ·")
    tmux.type("q")
    assert tmux.result() == (0, True)


def test_ctrl_c_exits_130_and_restores_the_terminal(tmux: Tmux) -> None:
    tmux.run("run", "hip-reset")
    tmux.wait_for("Get ready ·")
    tmux.keys("C-c")
    assert tmux.result() == (130, True)
    assert "Traceback" not in tmux.screen()
    assert tmux.statuses() == ["stopped"]


def test_ctrl_z_suspends_and_fg_comes_back_paused(tmux: Tmux) -> None:
    tmux.run_alone("run", "hip-reset")
    tmux.wait_for("Get ready ·")
    tmux.keys("C-z")
    tmux.wait_for("Stopped")
    suspended = tmux.tmp / "suspended"
    tmux.type(f"stty -g > {suspended}; fg\n")
    tmux.wait_for("PAUSED")
    tmux.type("q")
    tmux.wait_for("Stopped Hip reset")
    tmux.finish_alone()
    assert tmux.result() == (0, True)
    assert tmux.statuses() == ["stopped"]
    # while suspended, the shell had its terminal back exactly as before
    assert suspended.read_text() == (tmux.tmp / "before").read_text()


def test_sigterm_restores_the_terminal(tmux: Tmux) -> None:
    tmux.run("run", "hip-reset")
    tmux.wait_for("Get ready ·")
    os.kill(tmux.pid(), signal.SIGTERM)
    assert tmux.result() == (128 + signal.SIGTERM, True)
    assert "Traceback" not in tmux.screen()
    assert tmux.statuses() == ["interrupted"]


def test_sighup_when_the_terminal_closes(tmux: Tmux) -> None:
    tmux.run("run", "hip-reset")
    tmux.wait_for("Get ready ·")
    os.kill(tmux.pid(), signal.SIGHUP)
    assert tmux.result() == (128 + signal.SIGHUP, True)
    assert tmux.statuses() == ["interrupted"]


def test_resize_redraws_at_the_new_size(tmux: Tmux) -> None:
    tmux.run("run", "hip-reset", "--speed", "1")
    tmux.wait_for("Get ready ·")
    before = digit_height(tmux.screen())
    tmux.resize(40, 12)
    screen = wait_until(tmux, lambda shown: shown.rstrip("\n").split("\n")[-1].startswith(
        "space pause") and shows_big(shown, "GET READY"))  # redrawn at the new size
    lines = screen.rstrip("\n").split("\n")
    assert len(lines) == 12 and all(len(line) <= 40 for line in lines)
    assert 3 <= digit_height(screen) < before
    tmux.resize(100, 32)
    wait_until(tmux, lambda shown: digit_height(shown) >= 7)
    tmux.type("q")
    assert tmux.result() == (0, True)
    assert tmux.statuses() == ["stopped"]


def test_picker_lists_routines_by_number(tmux: Tmux) -> None:
    tmux.run("run", "--speed", "50")
    screen = tmux.wait_for("Which routine?")
    assert "1  Hip reset (hip-reset)" in screen
    tmux.type("x\n")
    tmux.wait_for("Type a number from 1 to 5")
    tmux.type("2\n")
    tmux.wait_for("Desk break")
    tmux.type("q")
    assert tmux.result() == (0, True)


def test_ctrl_d_at_the_picker_ends_with_one_line(tmux: Tmux) -> None:
    tmux.run("run")
    tmux.wait_for("Which routine?")
    tmux.keys("C-d")
    tmux.wait_for("no routine chosen")
    code, restored = tmux.result()
    assert code == 1 and restored
    assert "Traceback" not in tmux.screen()


def test_first_session_shows_the_safety_note_and_asks(tmp_path: Path) -> None:
    need_program("tmux")
    terminal = Tmux(tmp_path, width=80, height=40, returning=False)
    try:
        terminal.run("run", "desk-break", "--speed", "5")
        terminal.skip_setup()
        screen = terminal.wait_for("Ready to start? [Y/n]")
        flat = " ".join(screen.split())
        assert "Call 999 / 911 or go to A&E" in flat and "spreads down a leg" in flat
        terminal.type("n\n")
        assert terminal.result() == (0, True)
        terminal.run("run", "desk-break", "--speed", "5")
        terminal.skip_setup()  # nothing was logged, so it offers and asks again
        terminal.wait_for("Ready to start?")
        terminal.type("\n")
        terminal.wait_for("Get ready ·")
        terminal.type("q")
        assert terminal.result() == (0, True)
    finally:
        terminal.close()


def wait_until(tmux: Tmux, check: Callable[[str], bool], timeout: float = 10.0) -> str:
    """The screen once `check` holds for it."""
    deadline = time.monotonic() + timeout
    while not check(screen := tmux.screen()):
        if time.monotonic() > deadline:
            raise AssertionError(f"the screen never passed the check:\n{screen}")
        time.sleep(0.05)
    return screen


@pytest.mark.parametrize(("width", "height", "tallest"), [(200, 55, 11), (100, 32, 7), (40, 12, 3)])
def test_digits_in_a_real_terminal_grow_with_it(tmp_path: Path, width: int, height: int,
                                                tallest: int) -> None:
    need_program("tmux")
    terminal = Tmux(tmp_path, width=width, height=height)
    try:
        terminal.run("run", "hip-reset", "--speed", "1")
        terminal.wait_for("Get ready")
        terminal.type("n")
        screen = terminal.wait_until(
            lambda shown: "left side" in shown and shows_big(shown, "◀ LEFT")
            and digit_height(shown) >= tallest, f"digits {tallest} rows tall and ◀ LEFT")
        assert max(len(line) for line in screen.split("\n")) <= width
        terminal.type("q")
        assert terminal.result() == (0, True)
    finally:
        terminal.close()


def test_paused_screen_stands_still(tmux: Tmux) -> None:
    tmux.run("run", "desk-break", "--speed", "1")
    tmux.wait_for("Get ready ·")
    tmux.type("n")
    tmux.wait_for("left side")
    tmux.type(" ")
    tmux.wait_until(lambda screen: shows_big(screen, "PAUSED"), "the big PAUSED")
    paused = tmux.settled()  # the paused frame written whole (tmux takes it line by line)
    time.sleep(2.5)
    assert tmux.screen() == paused  # nothing counts, nothing moves
    tmux.type(" ")
    resumed = tmux.wait_until(lambda screen: "PAUSED" not in screen, "the pause lifted")
    assert "left side" in resumed and not shows_big(resumed, "PAUSED")
    tmux.type("q")
    assert tmux.result() == (0, True)


def test_the_end_screen_waits_for_a_key(tmux: Tmux) -> None:
    tmux.run("run", "desk-break", "--speed", "100")  # a beginner's 7:00 in about 4 s
    screen = tmux.wait_for("press any key to finish", timeout=30)
    assert shows_big(screen, "WELL DONE")
    assert "Completed Desk break after 7:00" in screen and "gluteal" in screen
    time.sleep(1.5)
    assert "press any key to finish" in tmux.screen()
    assert not (tmux.tmp / "code").exists()  # still waiting
    tmux.type("x")
    assert tmux.result() == (0, True)
    after = tmux.screen()
    assert "Completed Desk break after 7:00" in after and "press any key" not in after
    assert after.rstrip().endswith("$")  # the prompt is back
    assert tmux.statuses() == ["completed"]


def test_a_terminal_that_reports_no_size_gets_the_usual_one(tmp_path: Path) -> None:
    """Under `script` and some pseudo-terminals the size is 0 x 0 (issue 15, item 3)."""
    home = tmp_path / "home"
    log_past_session(home)
    (home / "config.toml").write_text("checkin = false\nwait_to_start = false\n")  # straight in
    env = {**os.environ, "STRETCH_HOME": str(home), "TERM": "xterm-256color"}
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    pid, fd = pty.fork()
    if pid == 0:  # the child: stretch in a terminal that has never been given a size
        os.execvpe(sys.executable, [sys.executable, "-m", "stretch", "run", "desk-break",
                                    "--speed", "5"], env)
    rows, columns = struct.unpack("HHHH", fcntl.ioctl(fd, termios.TIOCGWINSZ, bytes(8)))[:2]
    assert (rows, columns) == (0, 0)
    output = read_until(fd, b"q quit", timeout=20)  # the live view's key line: it drew a frame
    os.write(fd, b"q")
    output += read_until(fd, b"Stopped Desk break", timeout=10)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    assert b"Traceback" not in output and b"Error" not in output
    assert os.waitstatus_to_exitcode(status) == 0


def read_until(fd: int, text: bytes, *, timeout: float) -> bytes:
    """What the terminal shows until `text` appears (or it closes)."""
    seen = b""
    deadline = time.monotonic() + timeout
    while text not in seen:
        left = deadline - time.monotonic()
        assert left > 0, f"{text!r} did not appear; the output was:\n{seen[-2000:]!r}"
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child has gone
                break
            if not chunk:
                break
            seen += chunk
    return seen
