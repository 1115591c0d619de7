"""The safety note on every surface a person reads before or while they exercise.

The sheet in each form is checked in test_sheet.py (assert_safety); here: `show`,
`today --preview`, `avoid`, and the note before the very first session.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from stretch import text_safety
from stretch.cli import app
from tests.conftest import write_user_file
from tests.test_sheet import assert_safety, flatten

EMERGENCY_SIGNS = ("numbness or tingling around your genitals or buttocks",
                   "new problems with sexual function", "weakness, numbness or pain in both legs")


def words_of(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return flatten(result.stdout)


def test_show_ends_with_the_stop_rule_and_the_emergency_signs(runner: CliRunner,
                                                              stretch_home: Path) -> None:
    days = "".join(f"  {d}: hip-reset\n" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
    write_user_file(stretch_home, "week.yaml", "week:\n" + days)  # today is never a rest day
    for args in (["show", "hip-reset"], ["today", "--preview"]):
        flat = words_of(runner, *args).lower()
        assert "seated figure-four stretch" in flat  # a beginner's rung of pigeon's ladder
        assert text_safety.URGENT.lower() + ":" in flat
        assert all(sign in flat for sign in EMERGENCY_SIGNS)
        assert text_safety.CHECK_FIRST.lower() in flat and "never bounce" in flat


def test_avoid_carries_the_whole_safety_note(runner: CliRunner) -> None:
    flat = words_of(runner, "avoid")
    assert_safety(flat)
    assert flat.index("Avoid: Hamstring stretches") < flat.index(text_safety.URGENT)


def test_the_first_session_opens_with_the_safety_note(runner: CliRunner) -> None:
    first = runner.invoke(app, ["run", "desk-break", "--speed", "1000"])
    assert first.exit_code == 0
    before = flatten(first.stdout.split("0:00  Get ready")[0])
    assert text_safety.BEFORE_YOU_START in before
    assert_safety(before)
    again = runner.invoke(app, ["run", "desk-break", "--speed", "1000"])
    assert text_safety.BEFORE_YOU_START not in again.stdout and text_safety.URGENT not in again.stdout


# --- the heading for the moment, and every red flag after a high rating -----------------

def test_a_high_checkin_shows_every_red_flag_under_its_own_heading(runner: CliRunner) -> None:
    """No question follows a check-in, so the whole list is there; the emergency signs
    come last, nearest the line about the rating, and the heading is not the first
    session's."""
    out = runner.invoke(app, ["checkin", "8"]).stdout
    flat = flatten(out)
    assert_safety(flat)
    assert text_safety.SORE_NOW in flat and text_safety.BEFORE_YOU_START not in flat
    assert flat.index(text_safety.GET_CHECKED) < flat.index(text_safety.URGENT) < flat.index(
        "Your back is at 8/10 right now.")
    calm = flatten(runner.invoke(app, ["checkin", "7"]).stdout)
    assert text_safety.URGENT not in calm and text_safety.GET_CHECKED not in calm


def test_a_high_rating_around_a_session_has_its_own_heading(runner: CliRunner) -> None:
    runner.invoke(app, ["run", "desk-break", "--speed", "1000"])  # the first session is past
    before = flatten(runner.invoke(app, ["run", "desk-break", "--speed", "1000",
                                         "--pain-before", "9"]).stdout)
    assert text_safety.SORE_BEFORE in before and text_safety.BEFORE_YOU_START not in before
    assert_safety(before.split("0:00  Get ready")[0])  # a script is asked nothing: all of it
    after = runner.invoke(app, ["run", "desk-break", "--pain-before", "3",
                                "--pain-after", "8"])
    assert after.exit_code == 0
    flat = flatten(after.stdout)
    ending = flat[flat.index("Completed Desk break"):]
    assert text_safety.SORE_AFTER in ending and text_safety.BEFORE_YOU_START not in flat
    assert_safety(ending)
