"""Issue 23 through the command line: catalogue text never drives the terminal, the
person's own file is blamed for its own mistakes, the Markdown sheet escapes HTML, -o
keeps what is there, future sessions keep their date, one definition of a day done, and
the small ones.

Each test names the issue's item it covers. The history file's items (3-6) are in
test_reliability3_history.py; the reminder's (7, 8, 18) in test_reliability3_remind.py;
the ones about a real terminal or process (1, 10-12) in test_reliability3_terminal.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from tests.conftest import write_user_file


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# --- 16. the small ones ---------------------------------------------------------------

@pytest.mark.parametrize("typed", ["1_0", " 7", "²", "٣", "+3"])
def test_16_a_rating_is_plain_digits(runner: CliRunner, typed: str) -> None:
    code, _, err = run(runner, "checkin", typed)
    assert code == 2, err
    assert err.startswith("stretch: error: Invalid value for 'N': a rating is a whole number")
    assert run(runner, "history", "--json")[0] == 0
    assert json.loads(run(runner, "progress", "--json")[1])["checkins"] == []


@pytest.mark.parametrize("typed", ["1_0", "²"])
def test_16_a_number_of_weeks_is_plain_digits(runner: CliRunner, typed: str) -> None:
    code, _, err = run(runner, "history", "--weeks", typed)
    assert code == 2 and f"a number of weeks from 1 to 104, got '{typed}'" in err


def test_16_a_config_file_may_start_with_a_byte_order_mark(runner: CliRunner,
                                                           stretch_home: Path) -> None:
    (stretch_home / "config.toml").write_bytes(b"\xef\xbb\xbfget_ready = 20\n")
    code, out, err = run(runner, "show", "hip-reset", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["steps"][0]["seconds"] == 20


def test_16_show_json_steps_carry_every_key_of_the_contract(runner: CliRunner) -> None:
    code, out, _ = run(runner, "show", "core-and-hips", "--json")
    steps = json.loads(out)["steps"]
    assert code == 0
    ready = steps[0]
    assert ready["kind"] == "get-ready"
    assert (ready["hold"], ready["reps"], ready["tempo"], ready["set"]) == (None, None, None, None)
    held = next(s for s in steps if s["kind"] == "hold")
    assert held["hold"] == held["seconds"] and held["tempo"] is None
    assert held["reps"] >= 1 and 1 <= held["set"] <= held["reps"]
    counted = next(s for s in steps if s["kind"] == "count")
    assert counted["hold"] is None and counted["tempo"] >= 1
    assert counted["seconds"] == counted["reps"] * counted["tempo"] and counted["set"] >= 1
