"""Text from a person's files is data, never markup: a title, a summary, a move's name or a
note holding Rich's `[/]`, `[/i]` or `[b]` is shown exactly as written by every command
that shows it. (With markup on, `[/]` alone ends the run with "closing tag has nothing to
close", and `[b]` vanishes into bold.)"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.history.store import History
from tests.conftest import freeze_now, write_user_file

TITLE = "Desk [/] break [/i] with [b]care"
SUMMARY = "Stand [b]tall[/b] and breathe [/]"
MOVE = "Wall [/i] lean [b]"
NOTE = "after the [b]drive[/] home"
FRIDAY = datetime(2026, 11, 27, 9, 0).astimezone()

MINE = f"""\
moves:
  wall-lean:
    name: "{MOVE}"
    kind: stretch
    group: psoas
    sided: true
    position: standing
    hold: 30
    setup: Stand with a hand on the wall.
    cues: [Tuck your tailbone]
routines:
  desk-break:
    title: "{TITLE}"
    summary: "{SUMMARY}"
    items:
      - move: wall-lean
        hold: 30
        reps: 2
week:
  mon: desk-break
  tue: desk-break
  wed: desk-break
  thu: desk-break
  fri: desk-break
  sat: desk-break
  sun: desk-break
"""


@pytest.fixture
def mine(stretch_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_user_file(stretch_home, "mine.yaml", MINE)
    freeze_now(monkeypatch, FRIDAY)
    return stretch_home


def output(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())  # a long title may wrap in a table


def log_today(home: Path) -> None:
    with History.open(home / "history.sqlite3") as history:
        started = FRIDAY - timedelta(hours=1)
        row = history.begin(routine="desk-break", title=TITLE, started=started,
                            planned_seconds=90, steps_total=4, first_side="left",
                            moves=("wall-lean",))
        history.finish(row, status="completed", ended=started + timedelta(seconds=90),
                       active_seconds=90, steps_done=4, steps_skipped=0)


@pytest.mark.usefixtures("mine")
def test_the_browsing_commands_show_a_title_summary_and_name_as_written() -> None:
    assert TITLE in output("list")
    shown = output("show", "desk-break")
    assert TITLE in shown and SUMMARY in shown and MOVE in shown
    assert TITLE in output("today", "--preview")
    assert TITLE in output("week")
    assert MOVE in output("moves", "wall-lean")
    assert MOVE in output("moves")


@pytest.mark.usefixtures("mine")
@pytest.mark.parametrize("form", ["terminal", "text", "markdown", "html"])
def test_every_sheet_form_shows_them_as_written(form: str) -> None:
    sheet = output("sheet", "desk-break", "--format", form)
    assert TITLE in sheet or TITLE.upper() in sheet  # the text form heads it in capitals
    assert MOVE in sheet and SUMMARY in sheet


def test_the_log_and_the_coach_show_them_as_written(mine: Path) -> None:
    log_today(mine)
    assert f"You did {TITLE} today" in output("today")
    assert TITLE in output("history")
    assert json.loads(output("history", "--json"))["sessions"][0]["routine"] == "desk-break"
    high = output("checkin", "9", "--note", NOTE)
    assert f"the gentlest routine is {TITLE}" in high  # the check-in's high-pain line
    progress = output("progress")
    assert MOVE in progress and NOTE in progress


def test_the_nudge_names_the_routine_as_written(mine: Path) -> None:
    text = output("nudge", "--print")
    assert TITLE in text
