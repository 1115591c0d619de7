"""End to end in a real terminal (tmux): keys, the screen, exit codes and terminal modes."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import need_program
from tests.terminal import Tmux

pytestmark = pytest.mark.slow


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    need_program("tmux")
    terminal = Tmux(tmp_path)
    yield terminal
    terminal.close()


def test_keys_pause_skip_and_quit(tmux: Tmux) -> None:
    tmux.run("run", "desk-break", "--speed", "2")
    screen = tmux.wait_for("GET READY")
    assert "Desk break" in screen and "space pause" in screen
    tmux.type(" ")
    tmux.wait_for("PAUSED")
    tmux.type(" ")
    tmux.wait_for("left")
    tmux.type("n")
    screen = tmux.wait_for("LEFT SIDE")
    assert "Seated figure-four stretch" in screen and "hold 1 of 2" in screen  # 20 s holds
    tmux.type("n")
    tmux.wait_for("SWITCH SIDES")
    tmux.type("?")
    tmux.wait_for("skip to the next step")
    tmux.type("q")
    tmux.wait_for("Stopped Desk break")
    assert "2 steps skipped" in tmux.joined()
    code, restored = tmux.result()
    assert code == 0 and restored
    assert tmux.statuses() == ["stopped"]


def test_arrow_keys_move_between_steps(tmux: Tmux) -> None:
    tmux.run("run", "hip-reset", "--speed", "1")
    tmux.wait_for("GET READY")
    tmux.keys("Right")
    tmux.wait_for("LEFT SIDE")
    tmux.keys("Left")  # within 2 s of the start: back to get-ready
    tmux.wait_for("GET READY")
    tmux.type("q")
    assert tmux.result() == (0, True)


def test_ctrl_c_exits_130_and_restores_the_terminal(tmux: Tmux) -> None:
    tmux.run("run", "hip-reset")
    tmux.wait_for("GET READY")
    tmux.keys("C-c")
    assert tmux.result() == (130, True)
    assert "Traceback" not in tmux.screen()
    assert tmux.statuses() == ["stopped"]


def test_ctrl_z_suspends_and_fg_comes_back_paused(tmux: Tmux) -> None:
    tmux.run_alone("run", "hip-reset")
    tmux.wait_for("GET READY")
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
    tmux.wait_for("GET READY")
    os.kill(tmux.pid(), signal.SIGTERM)
    assert tmux.result() == (128 + signal.SIGTERM, True)
    assert "Traceback" not in tmux.screen()
    assert tmux.statuses() == ["interrupted"]


def test_sighup_when_the_terminal_closes(tmux: Tmux) -> None:
    tmux.run("run", "hip-reset")
    tmux.wait_for("GET READY")
    os.kill(tmux.pid(), signal.SIGHUP)
    assert tmux.result() == (128 + signal.SIGHUP, True)
    assert tmux.statuses() == ["interrupted"]


def test_resize_redraws_at_the_new_size(tmux: Tmux) -> None:
    tmux.run("run", "hip-reset", "--speed", "1")
    tmux.wait_for("GET READY")
    tmux.resize(40, 12)
    screen = tmux.wait_for("space pause")
    lines = screen.rstrip("\n").split("\n")
    assert all(len(line) <= 40 for line in lines)
    tmux.type("q")
    assert tmux.result() == (0, True)
    assert tmux.statuses() == ["stopped"]


def test_picker_lists_routines_by_number(tmux: Tmux) -> None:
    tmux.run("run", "--speed", "50")
    screen = tmux.wait_for("Which routine?")
    assert "1  Hip reset (hip-reset)" in screen
    tmux.type("x\n")
    tmux.wait_for("Type a number from 1 to 4")
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
        screen = terminal.wait_for("Ready to start? [Y/n]")
        assert "Get urgent medical help" in screen and "makes your symptoms worse" in screen
        terminal.type("n\n")
        assert terminal.result() == (0, True)
        terminal.run("run", "desk-break", "--speed", "5")
        terminal.wait_for("Ready to start?")  # nothing was logged, so it asks again
        terminal.type("\n")
        terminal.wait_for("GET READY")
        terminal.type("q")
        assert terminal.result() == (0, True)
    finally:
        terminal.close()
