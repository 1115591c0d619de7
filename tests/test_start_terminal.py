"""Starting a session in a real terminal (tmux), as a new user on the floor meets it: the
safety note on screen when the question comes, what is about to start, one-key answers,
a pause after a high rating, a demo that says so, a line for Ctrl-C, and the picker."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from stretch.catalogue.load import load_catalogue
from stretch.text_safety import BEFORE_YOU_START, FULL_NOTE, SORE_BEFORE, URGENT
from tests.conftest import need_program, write_user_file
from tests.terminal import Tmux
from tests.test_reliability import WEEK_OF, log_real

pytestmark = pytest.mark.slow



def emergency_signs() -> tuple[str, ...]:
    notes = load_catalogue(user_dir=None).notes
    assert notes is not None
    return notes.safety.emergency


@pytest.fixture
def first(tmp_path: Path) -> Iterator[Tmux]:
    """A new user at the smallest usual terminal, with the check-ins on."""
    need_program("tmux")
    terminal = Tmux(tmp_path, width=80, height=24, returning=False, checkin=True)
    yield terminal
    terminal.close()


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    """A returning user at 80 x 24, with the check-ins on."""
    need_program("tmux")
    terminal = Tmux(tmp_path, width=80, height=24, checkin=True)
    yield terminal
    terminal.close()


def flat(screen: str) -> str:
    """The screen's words in one line (a heading may wrap)."""
    return " ".join(screen.split())


def emergency_on_screen(screen: str) -> None:
    """The 999 heading and every emergency sign are on screen, above the question."""
    shown = flat(screen)
    assert URGENT in shown, screen
    for sign in emergency_signs():
        assert sign in shown, f"{sign!r} is off the screen:\n{screen}"


def test_the_first_run_note_fits_80_by_24_and_no_answers_on_one_key(first: Tmux) -> None:
    """The short form: its heading, the stop rule, the other signs summed up with the
    command that lists them all, and every emergency sign, with the question under it."""
    first.run("run", "core-and-hips")
    first.skip_setup()
    first.wait_for("How is your back right now, 0-10?")
    first.keys("Enter")  # skipped
    screen = first.wait_for("Ready to start? [Y/n]")
    emergency_on_screen(screen)
    shown = flat(screen)
    assert BEFORE_YOU_START in screen.splitlines() and "never bounce" in shown
    summary = load_catalogue(user_dir=None).notes.safety.summary  # type: ignore[union-attr]
    assert f"{summary}: `{FULL_NOTE}` lists them all." in shown, screen
    question = screen.rstrip().splitlines()
    assert "Today: Core and hips, about 14 minutes" in question[-5:], screen  # by the question
    first.type("n")  # one key, no Enter
    first.wait_for("Not today: nothing was logged.")
    assert first.result() == (0, True)
    assert first.statuses() == []


def test_yes_answers_on_one_key_and_today_is_said_before_the_session(first: Tmux) -> None:
    first.run("run", "desk-break")
    first.skip_setup()
    first.wait_for("How is your back right now, 0-10?")
    first.type("3")
    first.wait_for("Ready to start? [Y/n]")
    first.type("y")  # one key, no Enter
    first.wait_for("Get ready ·")
    first.type("n")  # on to the first move: "And now?" is about a session that began
    first.wait_until(lambda screen: "Get ready ·" not in screen, "the first move")
    first.type("q")
    first.wait_for("And now?")
    first.keys("Escape")  # skips the rating
    assert first.result() == (0, True)
    shown = first.screen()
    assert "Ready to start? [Y/n] yes" in shown
    assert shown.index("Today: Desk break, about 7 minutes") < shown.index("Stopped Desk break")


def test_a_high_rating_before_the_gentlest_routine_waits_with_the_red_flags(tmux: Tmux) -> None:
    tmux.run("run", "desk-break")
    tmux.wait_for("right now, 0-10?")
    tmux.type("8")
    screen = tmux.wait_for("Start gently? [Y/n]")
    emergency_on_screen(screen)
    assert "Your back is at 8/10 right now." in flat(screen)
    assert SORE_BEFORE in flat(screen) and BEFORE_YOU_START not in screen
    time.sleep(1)
    assert "Get ready" not in tmux.screen()  # it waits for the person
    tmux.type("n")
    tmux.wait_for("Not today: nothing was logged.")
    assert tmux.result() == (0, True)
    tmux.run("run", "desk-break")
    tmux.wait_for("right now, 0-10?")
    tmux.type("9")
    tmux.wait_for("Start gently? [Y/n]")
    tmux.keys("Enter")  # the default: yes
    tmux.start()
    tmux.wait_for("Get ready ·")
    tmux.type("n")  # on to the first move: "And now?" is about a session that began
    tmux.wait_until(lambda screen: "Get ready ·" not in screen, "the first move")
    tmux.type("q")
    tmux.wait_for("And now?")
    tmux.type("5")
    assert tmux.result() == (0, True)
    assert tmux.statuses() == ["stopped"]


def test_a_demo_says_so_live_and_at_the_end_and_asks_no_ratings(tmux: Tmux) -> None:
    tmux.run("run", "desk-break", "--speed", "30")
    tmux.start()
    screen = tmux.wait_for("Get ready ·")
    assert "0-10" not in screen  # a demo's ratings would count for nothing
    assert "DEMO x30" in screen.splitlines()[0]  # the header
    screen = tmux.wait_for("press any key to finish", timeout=30)
    assert "DEMO x30" in screen
    tmux.type("x")
    assert tmux.result() == (0, True)
    after = tmux.screen()
    assert "And now?" not in after
    notice = "counts toward nothing (not the streak, the week's ticks, your minutes or your doses)."
    assert notice in tmux.joined()
    words = set(notice.split())  # Rich wraps between words, never inside one
    lines = [line.strip() for line in after.splitlines()]
    assert all(any(word in line.split() for line in lines) for word in words), after


@pytest.mark.parametrize("width", [50, 80, 100])
def test_the_demo_notice_wraps_between_words(tmp_path: Path, width: int) -> None:
    need_program("tmux")
    terminal = Tmux(tmp_path, width=width, height=24)
    try:
        terminal.run("run", "desk-break", "--plain", "--speed", "1000")
        assert terminal.result(timeout=30) == (0, True)
        lines = terminal.screen().splitlines()
        top = next(i for i, line in enumerate(lines) if line.startswith("A --speed run"))
        notice = lines[top:top + next(i for i, line in enumerate(lines[top:])
                                      if line.startswith("$"))]
        assert all(len(line) <= width and len(line.split()) > 1 for line in notice), notice
        assert " ".join(notice).endswith("your minutes or your doses).")
    finally:
        terminal.close()


def test_ctrl_c_in_a_session_says_it_was_logged(tmux: Tmux) -> None:
    (tmux.tmp / "home" / "config.toml").write_text("checkin = false\nwait_to_start = false\n")
    tmux.run("run", "desk-break")
    tmux.wait_for("Get ready ·")
    tmux.keys("C-c")
    assert tmux.result() == (130, True)
    assert "Stopped; logged as stopped." in tmux.screen()
    assert tmux.statuses() == ["stopped"]


def test_ctrl_c_at_a_question_says_nothing_was_logged(first: Tmux) -> None:
    first.run("run", "desk-break")
    first.skip_setup()
    first.wait_for("How is your back right now, 0-10?")
    first.keys("C-c")
    assert first.result() == (130, True)
    assert "Not today: nothing was logged." in first.screen()
    assert first.statuses() == []


def test_go_again_answers_on_one_key_and_escape_takes_the_default(tmux: Tmux) -> None:
    home = tmux.tmp / "home"
    (home / "config.toml").write_text("checkin = false\nwait_to_start = false\n")
    write_user_file(home, "week.yaml", WEEK_OF.format("desk-break"))
    log_real(home, "desk-break", datetime.now().astimezone())
    tmux.run("today")
    tmux.wait_for("Go again? [y/N]")
    tmux.keys("Escape")  # the default: no
    assert tmux.result() == (0, True)
    tmux.run("today")
    tmux.wait_for("Go again? [y/N]")
    tmux.type("y")
    tmux.wait_for("Get ready ·")
    tmux.type("q")
    assert tmux.result() == (0, True)


def test_the_picker_gives_minutes_and_takes_a_prefix_in_any_case(tmux: Tmux) -> None:
    (tmux.tmp / "home" / "config.toml").write_text("checkin = false\nwait_to_start = false\n")
    tmux.run("run")
    screen = tmux.wait_for("Which routine?")
    rows = {line.split("(")[1].split(")")[0]: line for line in screen.splitlines() if "(" in line
            and line.strip()[:1].isdigit()}
    assert "12 min" in rows["hip-reset"] and "7 min" in rows["desk-break"], screen  # as `list`
    tmux.type("desk\n")
    tmux.wait_for("Get ready ·")
    tmux.type("q")
    assert tmux.result() == (0, True)
    tmux.run("run")
    tmux.wait_for("Which routine?")
    tmux.type("HIP R\n")
    tmux.wait_until(lambda screen: "Get ready ·" in screen
                    and "Hip reset" in screen.splitlines()[0], "hip reset's live view")
    tmux.type("q")
    assert tmux.result() == (0, True)
    assert tmux.logged() == [("desk-break", "stopped"), ("hip-reset", "stopped")]


def test_the_picker_shows_a_title_as_written(tmux: Tmux) -> None:
    from tests.test_markup import MINE, TITLE

    write_user_file(tmux.tmp / "home", "mine.yaml", MINE)
    tmux.run("run")
    screen = tmux.wait_for("Which routine?")
    assert f"{TITLE} (desk-break)" in screen  # not bold, not an error about a closing tag
    tmux.keys("C-d")
    assert tmux.result()[0] == 1


def test_the_intake_asks_each_question_on_one_key_and_ctrl_c_changes_nothing(
        first: Tmux) -> None:
    """At 80 x 24: every question on screen, one key an answer, Enter the default."""
    profile = first.tmp / "home" / "profile.toml"
    first.run("setup")
    first.wait_for("Which days will you stretch?")
    first.type("4")  # Mon, Wed, Fri
    first.wait_for("How many minutes a day?")
    first.keys("Enter")  # the default: 10
    first.wait_for("Can you get down to the floor and back up? [Y/n]")
    first.keys("Enter")  # yes
    first.wait_for("Can you kneel? [Y/n]")
    first.type("n")
    first.wait_until(lambda screen: "bends deeply? [y/N]" in screen, "the hip question")
    first.keys("Escape")  # the default: no
    first.wait_for("spread down a leg? [y/N]")
    first.type("y")
    assert first.result() == (0, True)
    screen = first.screen()
    for question in ("Which days", "How many minutes", "down to the floor", "Can you kneel",
                     "hip replacement", "spread down a leg"):
        assert question in screen, screen  # the whole intake on one 80 x 24 screen
    saved = profile.read_text()
    assert 'days = "mon,wed,fri"' in saved and "minutes = 10" in saved
    assert "kneel = false" in saved and "leg_symptoms = true" in saved
    first.run("setup")
    first.wait_for("Which days will you stretch?")
    first.type("2")
    first.wait_for("How many minutes a day?")
    first.keys("C-c")  # part-way: the old answers stay as they were
    assert first.result()[0] == 130
    assert profile.read_text() == saved


def test_the_start_screen_says_what_changed_and_waits_for_a_key(tmux: Tmux) -> None:
    from tests.test_progression import days_ago, log

    home = tmux.tmp / "home"
    for day in (3, 2):
        log(home, days_ago(day), moves=("hip-hinge", "standing-figure-four"),
            routine="desk-break")
    tmux.run("run", "desk-break")
    screen = tmux.wait_for("How is your back right now, 0-10?")
    lines = [line.strip() for line in screen.splitlines()]
    today = next(i for i, line in enumerate(lines) if line.startswith("Today: Desk break"))
    assert "Standing hip hinge: 5 -> 7 reps: your last two sessions went well" in lines[today + 1]
    tmux.type("2")
    screen = tmux.wait_for("Ready to start? [Y/n]")
    assert "Get ready" not in screen  # nothing covers the start screen before the key
    tmux.type("n")
    tmux.wait_for("Not today: nothing was logged.")
    assert tmux.result() == (0, True)
