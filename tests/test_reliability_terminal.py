"""Issue 15 in a real terminal (tmux) and with real programs: the picker and the end of a
session show user text literally, TERM=dumb and --plain keep their promise, a session
with everything skipped is not completed, `kill %1` ends a suspended session, prompts
keep their hint, a slow voice never speaks late, completion honours the shell named.

Each test names the issue's item it covers.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from stretch.catalogue.load import load_catalogue
from stretch.session.plain import instruction_lines
from tests.conftest import need_program, write_user_file
from tests.terminal import Tmux, shows_big
from tests.test_reliability import ODD, WEEK_OF, log_real

pytestmark = pytest.mark.slow

STRETCH = [sys.executable, "-m", "stretch"]
COLOUR = re.compile(r"\x1b\[[0-9;]*m")
BOXES = set("╭╮╰╯│─┌┐└┘├┤")


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    need_program("tmux")
    terminal = Tmux(tmp_path, width=80, height=30)
    yield terminal
    terminal.close()


def test_1_the_picker_and_the_end_of_a_session_show_titles_literally(tmux: Tmux) -> None:
    write_user_file(tmux.tmp / "home", "odd.yaml", ODD)
    tmux.run("run", "--speed", "100")
    screen = tmux.wait_for("Which routine?")
    assert "Odd [/] routine (odd)" in screen and "Morning [easy] (morning)" in screen
    number = next(line.split()[0] for line in screen.splitlines() if "(odd)" in line)
    tmux.type(f"{number}\n")
    tmux.wait_for("Completed Odd [/] routine after")  # on the end screen
    tmux.type("x")  # any key leaves it
    assert tmux.result() == (0, True)
    screen = tmux.screen()
    assert "Completed Odd [/] routine after" in screen and "Traceback" not in screen


def test_1_the_live_view_shows_a_move_and_its_cues_literally(tmux: Tmux) -> None:
    write_user_file(tmux.tmp / "home", "odd.yaml", ODD)
    tmux.run("run", "odd")
    tmux.wait_for("Get ready · Up next")
    tmux.type("n")  # on to the odd move's hold
    screen = tmux.wait_for("Odd [/] move [bold]")
    assert "Breathe [/]" in screen and "[b]soft[/b] knees" in screen  # its cues, as written
    assert "Odd [/] routine" in screen  # the title in the top line
    tmux.type("q")
    assert tmux.result()[0] == 0


BILATERAL = """\
routines:
  both:
    title: Both at once
    items:
      - move: glute-bridge
      - move: butterfly
"""


def test_17_a_move_done_on_both_sides_at_once_announces_no_side(tmux: Tmux) -> None:
    write_user_file(tmux.tmp / "home", "both.yaml", BILATERAL)
    tmux.run("run", "both")
    tmux.wait_for("Get ready · Up next")
    # (a beginner runs the easiest rung of the butterfly's ladder: the seated wide-knee)
    for move in ("Glute bridge · hip · supine", "Seated wide-knee stretch · adductor · seated"):
        for _ in range(3):  # n skips get ready, then any rest or move to seated before it
            tmux.type("n")
            time.sleep(0.5)
            if move in tmux.screen():
                break
        screen = tmux.wait_for(move)
        for side in ("BOTH SIDES", "◀ LEFT", "RIGHT ▶", "SWITCH SIDES"):
            assert not shows_big(screen, side), (move, side, screen)
        assert "left side" not in screen and "right side" not in screen
    tmux.type("q")
    assert tmux.result()[0] == 0


def test_5_skipping_every_step_is_stopped_not_completed(tmux: Tmux,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from stretch.cli import app

    monkeypatch.setenv("STRETCH_HOME", str(tmux.tmp / "home"))
    count = len(json.loads(CliRunner().invoke(app, ["show", "desk-break", "--json"]).stdout)
                ["steps"])  # a beginner's desk break, as it runs for them
    tmux.run("run", "desk-break")
    tmux.wait_for("Get ready · Up next")
    for _ in range(count):  # every step
        tmux.type("n")
        time.sleep(0.05)
    tmux.wait_for("most of it skipped")  # on the end screen
    tmux.type("x")
    assert tmux.result() == (0, True)
    screen = tmux.screen()
    assert "Stopped Desk break after 0:0" in screen
    assert f"0 holds and sets done, {count} steps skipped." in tmux.joined()
    assert "Completed" not in screen and "Streak" not in screen
    assert tmux.statuses() == ["stopped"]


def test_9_term_dumb_gets_plain_lines_and_keys(tmux: Tmux) -> None:
    tmux.run("run", "desk-break", env={"TERM": "dumb"})
    screen = tmux.wait_for("0:00  Get ready (next: ")
    assert "Up next" not in screen and "space pause" not in screen  # no full-screen view
    tmux.type("q")
    tmux.wait_for("Stopped Desk break")
    assert tmux.result() == (0, True)
    assert tmux.statuses() == ["stopped"]


def test_9_plain_in_a_terminal_answers_keys_without_echo_colour_or_boxes(
        tmp_path: Path) -> None:
    need_program("tmux")
    terminal = Tmux(tmp_path, width=80, height=60, returning=False)  # the safety note too
    try:
        terminal.run("run", "hip-reset", "--plain", "--speed", "2")
        terminal.skip_setup()
        terminal.wait_for("Ready to start? [Y/n]")
        terminal.type("\n")
        terminal.wait_for("Get ready")
        terminal.type(" ")
        terminal.wait_for("Paused (space to go on)")
        terminal.type(" ")
        terminal.wait_for("Resumed")
        terminal.type("n")
        first = terminal.wait_until(lambda s: "figure-four stretch, left side  20 s" in s,
                                    "a beginner's first hold")
        name = next(line for line in first.splitlines()
                    if "figure-four stretch, left side  20 s" in line).split("  ")[1]
        terminal.type("b")  # within 2 s of the start: back to get ready
        terminal.wait_for(f"Get ready (next: {name})  10 s\n")
        terminal.type("q")
        screen = terminal.wait_for("Stopped Hip reset")
        assert terminal.result() == (0, True)
        session = screen[screen.index("Ready to start?"):].splitlines()[1:]
        lines = [line for line in session if line.strip()]
        lines = lines[: next(i for i, line in enumerate(lines) if "Stopped" in line) + 1]
        assert "Today: Hip reset, about " in screen  # what starts (said before the question)
        move = next(m for m in load_catalogue(user_dir=None).moves.values()
                    if f"{m.name}, left side" == name)  # the rung a beginner runs
        told = " ".join(" ".join(instruction_lines(move)).split())  # its setup, cues, cautions
        echoed = [line for line in lines
                  if not re.match(r"\d+:\d\d  |Stopped Hip reset|  (Setup|Cue|Caution): ", line)
                  and not (len(line.strip()) > 1 and line.strip() in told)]  # (a key is 1)
        assert echoed == [], lines  # nothing typed was echoed between the lines (or the
        # move's words, wrapped)
        assert not BOXES & set(screen) and "Before you start" in screen
        assert not COLOUR.search(terminal.screen(escapes=True))
    finally:
        terminal.close()


def test_16_kill_ends_a_suspended_session(tmux: Tmux) -> None:
    tmux.run_alone("run", "hip-reset")
    tmux.wait_for("Get ready · Up next")
    tmux.keys("C-z")
    tmux.wait_for("Stopped")
    suspended = tmux.tmp / "suspended"
    tmux.type(f"stty -g > {suspended}; kill %1\n")
    deadline = time.monotonic() + 10
    while "Exit 143" not in tmux.screen():  # the job ended, without `fg`; bash says so
        assert time.monotonic() < deadline, tmux.screen()  # at its next prompt
        tmux.type("\n")
        time.sleep(0.3)
    tmux.type("jobs > " + str(tmux.tmp / "jobs") + "\n")
    tmux.finish_alone()
    tmux.result()
    assert (tmux.tmp / "jobs").read_text() == ""
    assert (tmux.tmp / "after").read_text() == (tmux.tmp / "before").read_text()
    assert suspended.read_text() == (tmux.tmp / "before").read_text()
    assert tmux.statuses() == ["interrupted"]


def test_17_yes_no_prompts_keep_their_hint(tmux: Tmux) -> None:
    home = tmux.tmp / "home"
    write_user_file(home, "week.yaml", WEEK_OF.format("rest"))
    tmux.run("today")
    tmux.wait_for("Do the desk break instead? [y/N]")
    tmux.type("n\n")
    assert tmux.result() == (0, True)
    write_user_file(home, "week.yaml", WEEK_OF.format("hip-reset"))
    log_real(home, "hip-reset", datetime.now().astimezone())
    tmux.run("today")
    screen = tmux.wait_for("Go again? [y/N]")
    assert "You did Hip reset today at" in screen
    tmux.type("\n")
    assert tmux.result() == (0, True)


def test_10_a_slow_voice_never_speaks_a_cue_after_its_moment(tmp_path: Path) -> None:
    """Speech that takes 0.9 s at --speed 2 (1.8 session seconds a cue): "3" (2 s before
    the end) runs into the moment of "2". Since issue 23 (item 12) a cue still being said
    when its moment is over and the next one is due is cut short, its program ended:
    "2" and "1" each start in their own second, none after it."""
    home = tmp_path / "home"
    said = tmp_path / "said"
    speak = f'printf "%s %s\\n" "$(date +%s.%N)" "$1" >> {said}; sleep 0.9'
    (home / "config.toml").write_text(
        f"voice = true\nbell = false\nget_ready = 0\nswitch_sides = 3\nrest = 0\n"
        f"voice_command = [\"sh\", \"-c\", '{speak}', \"sh\", \"{{text}}\"]\n")
    write_user_file(home, "short.yaml", "routines:\n  short:\n    title: Short\n    items:\n"
                                        "      - move: figure-four\n        hold: 5\n        reps: 1\n")
    env = {**os.environ, "STRETCH_HOME": str(home)}
    done = subprocess.run([*STRETCH, "run", "short", "--speed", "2", "--voice"], env=env,
                          capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    spoken = [(float(line.split(" ", 1)[0]), line.split(" ", 1)[1])
              for line in said.read_text().splitlines()]
    start = spoken[0][0]
    cues = [(round((when - start) * 2, 1), text) for when, text in spoken]  # session seconds
    texts = [text for _, text in cues]
    assert texts[0].endswith("figure-four stretch, left side") and texts[-1] == "Well done."
    assert (2.0, "3") in cues and "Switch sides" in texts, cues
    assert [text for at, text in cues if at < 8].count("1") == 1, cues  # in its second
    # the holds run 0-5 and 8-13 s; a count "n" is over when n - 1 seconds are left, and
    # "Switch sides" 2.5 s after it began (before the switch ends at 8 s)
    for at, text in cues:
        end = 5.0 if at < 8 else 13.0
        if text in ("1", "2", "3"):
            assert at < end - (int(text) - 1) + 0.2, cues
        if text == "Switch sides":
            assert at < 7.5 + 0.2, cues


def test_17_completion_scripts_for_the_shell_named(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    zsh = subprocess.run([*STRETCH, "--show-completion", "zsh"], env=env, capture_output=True,
                         text=True, check=False)
    assert zsh.returncode == 0 and zsh.stdout.startswith("#compdef stretch")
    fish = subprocess.run([*STRETCH, "--install-completion", "fish"], env=env,
                          capture_output=True, text=True, check=False)
    assert fish.returncode == 0 and fish.stdout.startswith("fish completion installed in")
    script = tmp_path / ".config" / "fish" / "completions" / "stretch.fish"
    assert script.read_text().startswith("complete --command stretch")
    assert not (tmp_path / ".bashrc").exists()
    wrong = subprocess.run([*STRETCH, "--show-completion", "tcsh"], env=env,
                           capture_output=True, text=True, check=False)
    assert wrong.returncode == 2 and "'tcsh' is not one of" in wrong.stderr
