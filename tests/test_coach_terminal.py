"""The coach end to end: one-key ratings in a real terminal (tmux), and real-time sessions
on different days (faketime) that move a dose up."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretch.coach.rules import ADVICE
from stretch.history.store import History
from stretch.text_safety import URGENT
from tests.conftest import need_program, write_user_file
from tests.terminal import Tmux
from tests.test_progression import days_ago, log

pytestmark = pytest.mark.slow

STRETCH = [sys.executable, "-m", "stretch"]
TINY = """moves:
  heel-tap:
    name: Heel tap
    kind: exercise
    group: core
    position: supine
    reps: 9
    tempo: 1
    setup: Lie on your back, knees bent.
    cues: [Tap one heel, then the other]
routines:
  tiny:
    title: Tiny
    rest: 0
    items:
      - move: heel-tap
"""


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    need_program("tmux")
    terminal = Tmux(tmp_path, width=80, height=30, checkin=True)
    yield terminal
    terminal.close()


def ratings(home: Path) -> list[tuple[str, int | None, int | None]]:
    """(status, before, after) of each session run in the terminal, oldest first."""
    with History.open(home / "history.sqlite3") as history:
        return [(r.status, r.pain_before, r.pain_after) for r in reversed(history.sessions())
                if r.routine != "core-and-hips"]


def test_one_key_before_and_after(tmux: Tmux) -> None:
    tmux.run("run", "desk-break")  # real time: a demo asks no ratings
    screen = tmux.wait_for("How is your back right now, 0-10?")
    assert "(0 none, 10 worst: type 1 then 0; Enter skips)" in " ".join(screen.split())
    tmux.type("5")  # one key, no Enter
    tmux.start()
    tmux.wait_for("Get ready ·")
    tmux.type("n")  # on to the first move: "And now?" is about a session that began
    tmux.wait_until(lambda screen: "Get ready ·" not in screen, "the first move")
    tmux.type("q")
    tmux.wait_for("And now?")
    tmux.type("1")
    time.sleep(0.2)
    tmux.type("0")  # "1" then "0": ten
    assert tmux.result() == (0, True)
    # every red flag follows a 10, so the answer has scrolled up by now
    assert "And now? (0 none, 10 worst: type 1 then 0; Enter skips) 10" in tmux.scrollback()
    tmux.run("run", "desk-break")
    tmux.wait_for("right now, 0-10?")
    tmux.type("1")  # and nothing more: one
    tmux.start()
    tmux.wait_for("Get ready ·")
    tmux.type("n")  # on to the first move: "And now?" is about a session that began
    tmux.wait_until(lambda screen: "Get ready ·" not in screen, "the first move")
    tmux.type("q")
    tmux.wait_for("And now?")
    tmux.keys("Enter")  # skipped
    assert tmux.result() == (0, True)
    assert "And now? (0 none, 10 worst: type 1 then 0; Enter skips) skipped" in tmux.screen()
    assert ratings(tmux.tmp / "home") == [("stopped", 5, 10), ("stopped", 1, None)]


def test_checkin_false_asks_nothing(tmux: Tmux) -> None:
    (tmux.tmp / "home" / "config.toml").write_text("checkin = false\n")
    tmux.run("run", "desk-break")
    tmux.start()  # no question to answer, and still a key to start
    tmux.wait_for("Get ready ·")
    tmux.type("q")
    assert tmux.result() == (0, True)
    assert "0-10" not in tmux.screen() and "And now?" not in tmux.screen()
    assert ratings(tmux.tmp / "home") == [("stopped", None, None)]


def test_high_pain_offers_the_gentlest_routine(tmux: Tmux) -> None:
    tmux.run("run", "core-and-hips")
    tmux.wait_for("right now, 0-10?")
    tmux.type("9")
    screen = tmux.wait_for("Do the desk break instead? [Y/n]")
    assert URGENT in screen and "Your back is at 9/10 right now." in tmux.joined()
    tmux.keys("Enter")
    tmux.start()
    tmux.wait_for("Get ready ·")
    tmux.type("n")  # on to the first move: "And now?" is about a session that began
    tmux.wait_until(lambda screen: "Get ready ·" not in screen, "the first move")
    tmux.type("q")
    tmux.wait_for("And now?")
    tmux.type("8")
    assert tmux.result() == (0, True)
    with History.open(tmux.tmp / "home" / "history.sqlite3") as history:
        assert history.sessions()[0].routine == "desk-break"


def test_advice_to_stop_asks_before_starting(tmux: Tmux) -> None:
    home = tmux.tmp / "home"
    log(home, days_ago(2), before=2, after=5)
    log(home, days_ago(1), before=2, after=6)
    tmux.run("run", "desk-break")
    tmux.wait_for("Start anyway? [y/N]")
    assert ADVICE in " ".join(tmux.screen().replace("│", " ").split())
    tmux.keys("Enter")
    assert tmux.result() == (0, True)
    assert ratings(home) == []  # nothing started, nothing logged


# --- real-time sessions on different days --------------------------------------------

def run_on(home: Path, when: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`stretch ARGS` with the clock set to `when` (faketime: time runs on from there)."""
    need_program("faketime")
    env = {**os.environ, "STRETCH_HOME": str(home)}
    done = subprocess.run(["faketime", when, *STRETCH, *args], env=env, capture_output=True,
                          text=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    return done


def test_real_sessions_on_different_days_step_up(stretch_home: Path) -> None:
    write_user_file(stretch_home, "tiny.yaml", TINY)
    (stretch_home / "config.toml").write_text("get_ready = 0\n")
    ratings_given = ("--pain-before", "2", "--pain-after", "3")
    first = run_on(stretch_home, "2026-03-02 08:00:00", "run", "tiny", *ratings_given)
    assert "0:00  Heel tap, 5 reps  5 s" in first.stdout  # a 5 s session in real time
    run_on(stretch_home, "2026-03-02 18:00:00", "run", "tiny", *ratings_given)  # same day
    assert "5 x 1 s" in run_on(stretch_home, "2026-03-02 19:00:00", "show", "tiny").stdout
    third = run_on(stretch_home, "2026-03-03 08:00:00", "run", "tiny", *ratings_given)
    assert "Heel tap: 5 -> 7" not in third.stdout  # the change is said at the next session
    fourth = run_on(stretch_home, "2026-03-04 08:00:00", "run", "tiny")
    assert "Heel tap: 5 -> 7 reps: your last two sessions went well" in fourth.stdout
    assert "0:00  Heel tap, 7 reps  7 s" in fourth.stdout
    demo = run_on(stretch_home, "2026-03-05 08:00:00", "run", "tiny", "--speed", "100")
    assert "went well" not in demo.stdout


def test_a_real_session_that_hurts_says_so_and_advises(stretch_home: Path) -> None:
    write_user_file(stretch_home, "tiny.yaml", TINY)
    (stretch_home / "config.toml").write_text("get_ready = 0\n")
    log(stretch_home, days_ago(1), before=2, after=5, routine="tiny", moves=("heel-tap",))
    done = subprocess.run([*STRETCH, "run", "tiny", "--pain-before", "2", "--pain-after", "5"],
                          env={**os.environ, "STRETCH_HOME": str(stretch_home)},
                          capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    after = " ".join(done.stdout.replace("│", " ").split()).split("Completed Tiny")[1]
    assert "Your back is 3 points worse than before; this session's doses are already at " \
        "their lowest." in after  # the heel tap is at its first dose: nothing steps back
    assert " ".join(ADVICE.split()) in after
