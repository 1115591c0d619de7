"""The safety note on every surface a person reads before or while they exercise.

The sheet in each form is checked in test_sheet.py (assert_safety); here: `show`,
`today --preview`, `avoid`, and the note before the very first session.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from stretch import text
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
        assert text.URGENT.lower() + ":" in flat
        assert all(sign in flat for sign in EMERGENCY_SIGNS)
        assert text.CHECK_FIRST.lower() in flat and "never bounce" in flat


def test_avoid_carries_the_whole_safety_note(runner: CliRunner) -> None:
    flat = words_of(runner, "avoid")
    assert_safety(flat)
    assert flat.index("Avoid: Hamstring stretches") < flat.index(text.URGENT)


def test_the_first_session_opens_with_the_safety_note(runner: CliRunner) -> None:
    first = runner.invoke(app, ["run", "desk-break", "--speed", "1000"])
    assert first.exit_code == 0
    before = flatten(first.stdout.split("0:00  Get ready")[0])
    assert text.BEFORE_YOU_START in before
    assert_safety(before)
    again = runner.invoke(app, ["run", "desk-break", "--speed", "1000"])
    assert text.BEFORE_YOU_START not in again.stdout and text.URGENT not in again.stdout
