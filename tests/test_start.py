"""Starting a session, through the command line and the frames: what is about to start,
a demo that says it is one, the end screen's words, and the first-run note's order."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from typer.testing import CliRunner

from stretch.cli import app
from stretch.model import Catalogue
from stretch.plan import timed_steps
from stretch.session.ending import end_frame, ending
from stretch.session.engine import Session, run_session
from stretch.session.rating import ENTER_WINDOW, read_yes_no
from stretch.session.view import View, frame
from stretch.text_safety import (
    BEFORE_YOU_START,
    CHECK_FIRST,
    FULL_NOTE,
    GET_CHECKED,
    RARE,
    SEE_A_DOCTOR,
    URGENT,
)
from stretch.views import safety
from tests.conftest import DEFAULTS
from tests.fakes import FakeClock


def test_plain_output_starts_with_the_routine_and_its_minutes(runner: CliRunner) -> None:
    runner.invoke(app, ["run", "desk-break"])  # the first run: the safety note first
    again = runner.invoke(app, ["run", "core-and-hips", "--minutes", "5"])
    assert again.exit_code == 0
    assert again.stdout.splitlines()[0] == "Today: Core and hips, about 4 minutes"
    assert again.stdout.splitlines()[1].startswith("0:00  Get ready")


def test_a_demo_says_so_before_it_starts(runner: CliRunner) -> None:
    result = runner.invoke(app, ["run", "desk-break", "--speed", "30"])
    today = next(line for line in result.stdout.splitlines() if line.startswith("Today:"))
    assert today == "Today: Desk break, about 7 minutes (DEMO x30: it counts for nothing)"


@pytest.mark.parametrize("width", [50, 80, 100])
def test_the_demo_notice_is_wrapped_between_words(runner: CliRunner, width: int,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = runner.invoke(app, ["run", "desk-break", "--speed", "1000"])
    notice = [line.strip() for line in result.stderr.splitlines() if line.strip()]
    assert notice and all(len(line) <= width and len(line.split()) > 1 for line in notice), \
        notice
    assert " ".join(notice) == ("A --speed run is a demo: it counts toward nothing (not the "
                                "streak, the week's ticks, your minutes or your doses).")


def test_speed_help_says_a_faster_run_is_a_demo_that_counts_for_nothing(
        runner: CliRunner) -> None:
    for command in ("run", "today"):
        shown = " ".join(runner.invoke(app, [command, "--help"]).stdout.replace("│", " ").split())
        assert "faster than 1 is a demo that counts for nothing" in shown, shown


def session_of(builtin: Catalogue, routine: str) -> Session:
    return Session(timed_steps(builtin.routines[routine], DEFAULTS), FakeClock())


def test_a_demo_is_marked_in_the_live_header(builtin: Catalogue) -> None:
    session = session_of(builtin, "desk-break")
    session.start()
    for width in (40, 80, 100):
        header = frame(session, View("Desk break", demo="DEMO x30"), width=width, height=24)[0]
        assert header.plain.startswith("DEMO x30 "), header.plain
        assert "DEMO" not in frame(session, View("Desk break"), width=width, height=24)[0].plain


def test_the_end_screen_marks_a_demo_and_names_moves_done_both_at_once(
        builtin: Catalogue) -> None:
    clock = FakeClock()
    session = Session(timed_steps(builtin.routines["core-and-hips"], DEFAULTS), clock)
    summary = run_session(session, wait=clock.sleep_until, listeners=[])
    end = ending(session.steps, session.done_steps, title="Core and hips", summary=summary,
                 streak=0, demo="DEMO x30")
    for width, height in ((80, 24), (100, 32)):
        shown = "\n".join(line.plain for line in end_frame(end, width=width, height=height))
        assert "DEMO x30: it counts for nothing" in shown, shown
        assert "both at once" in shown and "both sides" not in shown  # not a total


@pytest.mark.parametrize("short", [True, False])
def test_the_compact_safety_note_ends_with_the_emergency_signs(builtin: Catalogue,
                                                                short: bool) -> None:
    """Before a question (short), the other signs are summed up in a line that names the
    command listing them all, and the note fits 80 x 24 with the lines around it; after a
    high rating with no question to follow, every sign is there, the emergency ones last."""
    notes = builtin.notes
    assert notes is not None
    console = Console(width=80, record=True, file=io.StringIO(), color_system=None)
    console.print(safety.safety_compact(notes, BEFORE_YOU_START, short=short))
    shown = console.export_text()
    lines = shown.rstrip().splitlines()
    assert lines[0] == BEFORE_YOU_START
    assert lines[-1 - len(notes.safety.emergency)] == f"{URGENT}:"
    assert [line.strip("• ") for line in lines[-len(notes.safety.emergency):]] == list(
        notes.safety.emergency)
    shown = " ".join(shown.split())
    assert notes.safety.stop in shown and CHECK_FIRST in shown
    others = [*notes.safety.see_a_doctor, *notes.safety.get_checked]
    if short:
        assert f"{notes.safety.summary}: `{FULL_NOTE}` lists them all." in shown
        assert SEE_A_DOCTOR not in shown and GET_CHECKED not in shown
        assert len(lines) <= 21  # with the doses line, today and the question: 24 rows
    else:
        assert SEE_A_DOCTOR in shown and GET_CHECKED in shown and RARE in shown
        assert all(sign[1:] in shown for sign in others), shown


def test_yes_or_no_on_one_key_and_the_enter_after_it_goes_with_it() -> None:
    def answer(*pressed: str | None, default: bool) -> tuple[bool, list[float | None], int]:
        keys, waits = list(pressed), []

        def read(wait: float | None) -> str | None:
            waits.append(wait)
            return keys.pop(0) if keys else None

        return read_yes_no(read, default=default), waits, len(keys)

    assert answer("y", default=False) == (True, [None, ENTER_WINDOW], 0)
    assert answer("N", "enter", "7", default=True) == (False, [None, ENTER_WINDOW], 1)  # 7 stays
    assert answer("x", "q", "Y", default=False)[0] is True  # other keys are ignored
    for key in ("enter", "escape", "\x04", None):  # Enter, Escape, Ctrl-D, end of input
        assert answer(key, default=True)[0] is True
        assert answer(key, default=False)[0] is False
