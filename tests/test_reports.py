"""The week table and the history report, rendered whole at a fixed width."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from rich.console import Console, RenderableType
from typer.testing import CliRunner

from stretch.cli import app
from stretch.history import calendar
from stretch.history.rows import SessionRow
from stretch.history.store import History
from stretch.model import Catalogue
from stretch.views import history as reports
from tests.conftest import freeze_now, log_session

TODAY = date(2026, 11, 24)  # a Tuesday


def rendered(renderable: RenderableType, width: int = 60) -> str:
    console = Console(file=io.StringIO(), width=width, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


@pytest.fixture
def history(stretch_home: Path) -> History:
    return History.open(stretch_home / "history.sqlite3")


def rows_of(history: History) -> list[SessionRow]:
    return history.sessions()


def test_shades_step_up_at_their_thresholds() -> None:
    assert [reports.shade(m).plain for m in (0, 0.05, 0.1, 9.9, 10, 19.9, 20, 90)] == [
        "·", "·", "░", "░", "▒", "▒", "▓", "▓"]


def test_totals_count_sessions_and_minutes_from_a_date(history: History) -> None:
    log_session(history, "hip-reset", datetime(2026, 11, 24, 7, tzinfo=UTC), seconds=600)
    log_session(history, "desk-break", datetime(2026, 11, 23, 7, tzinfo=UTC), seconds=300)
    log_session(history, "desk-break", datetime(2026, 11, 20, 7, tzinfo=UTC), seconds=300)
    today = date(2026, 11, 24)
    assert reports.totals(rows_of(history), date(2026, 11, 23), today) == (2, 15.0)
    assert reports.totals(rows_of(history), date(2026, 11, 25), today) == (0, 0.0)


def test_heat_map_has_a_row_per_weekday_and_stops_at_today(history: History) -> None:
    log_session(history, "hip-reset", datetime(2026, 11, 24, 7, tzinfo=UTC), seconds=25 * 60)
    log_session(history, "desk-break", datetime(2026, 11, 16, 7, tzinfo=UTC), seconds=5 * 60)
    text = rendered(reports.heat_map(rows_of(history), TODAY, weeks=2))
    assert text == "Mon ░ ·\n    · ▓\nWed ·  \n    ·  \nFri ·  \n    ·  \nSun ·  \n"


@pytest.mark.parametrize("weeks", [12, 52])
def test_calendar_dates_stand_above_their_weeks(
        runner: CliRunner, history: History, monkeypatch: pytest.MonkeyPatch, weeks: int) -> None:
    """A person finds Monday 26 October by its date: the shade under the date's first
    character is that day's. Every date names the Monday of the column it starts above."""
    monkeypatch.setenv("COLUMNS", "80")
    freeze_now(monkeypatch, datetime(2026, 11, 24, 9, tzinfo=UTC))
    log_session(history, "hip-reset", datetime(2026, 10, 26, 7, tzinfo=UTC), seconds=25 * 60)
    lines = runner.invoke(app, ["history", "--weeks", str(weeks)]).stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("The last "))
    dates, monday = lines[start + 1], lines[start + 2]
    assert max(map(len, lines)) <= 80 and monday.startswith("Mon ")
    assert monday[dates.index("26 Oct")] == "▓"
    shown = (len(monday) - 3) // 2
    first = TODAY - timedelta(days=TODAY.weekday(), weeks=shown - 1)
    found = {m.start(): m.group() for m in re.finditer(r"\d\d [A-Z][a-z]{2}", dates)}
    assert len(found) >= shown // 4 - 1
    for column, label in found.items():
        assert f"{first + timedelta(weeks=(column - 4) // 2):%d %b}" == label, (column, label)
    assert ("23 Nov" in dates) == (weeks == 12)  # this week's date, where it fits


def test_group_bars_scale_to_the_largest_group() -> None:
    text = rendered(reports.group_bars({"gluteal": 10.0, "psoas": 5.0}))
    assert text == "gluteal ████████████████████ 10 min\npsoas   ██████████            5 min\n"


def test_latest_table_without_sessions_says_how_to_start() -> None:
    assert rendered(reports.latest_table([], TODAY)) == \
        "No sessions yet. Start with: stretch today\n"


def test_session_json_is_the_contracts_shape(history: History) -> None:
    log_session(history, "hip-reset", datetime(2026, 11, 24, 7, 30, tzinfo=UTC), seconds=640,
                speed=2.0)
    (row,) = rows_of(history)
    assert reports.session_json(row) == {
        "routine": "hip-reset", "started": "2026-11-24T07:30:00+00:00",
        "ended": "2026-11-24T07:40:40+00:00", "status": "completed", "active_seconds": 640.0,
        "steps_done": 3, "steps_skipped": 0, "speed": 2.0, "pain_before": None,
        "pain_after": None, "leg_worse": None, "id": row.uid,
    }
    assert row.uid is not None and re.fullmatch(r"[0-9a-f]{32}", row.uid)


def test_week_table_ticks_done_days_and_marks_today(builtin: Catalogue, history: History) -> None:
    log_session(history, "hip-reset", datetime(2026, 11, 23, 7, tzinfo=UTC))
    log_session(history, "core-and-hips", datetime(2026, 11, 24, 7, tzinfo=UTC),
                status="stopped")
    days = calendar.week(builtin, history, datetime(2026, 11, 24, 9, tzinfo=UTC))
    lines = rendered(reports.week_table(days, TODAY, [10, 14, 10, 14, 7, 19, None]),
                     width=70).splitlines()
    assert lines[2].split() == ["Mon", "23", "Nov", "Hip", "reset", "(hip-reset)", "10", "✓"]
    assert lines[3].split()[:4] == ["Tue", "24", "Nov", "(today)"]
    assert lines[3].split()[-1] == "·"  # a session, but not a completed one
    assert lines[8].split() == ["Sun", "29", "Nov", "rest"]


def test_history_view_shows_streak_calendar_groups_and_latest(
        runner: CliRunner, history: History, monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_now(monkeypatch, datetime(2026, 11, 24, 9, tzinfo=UTC))
    row = log_session(history, "hip-reset", datetime(2026, 11, 24, 7, tzinfo=UTC), seconds=640)
    for group in ("gluteal", "adductor", "psoas"):  # as the recorder writes them
        history.progress(row, active_seconds=640, steps_done=3, steps_skipped=0, group=group,
                         seconds=120)
    result = runner.invoke(app, ["history", "--weeks", "4"])
    assert result.exit_code == 0
    out = result.stdout
    assert "Streak: 1 day" in out and "The last 4 weeks" in out
    assert "gluteal" in out and "psoas" in out and "adductor" in out
    assert "Hip reset" in out and "completed" in out
    bad = runner.invoke(app, ["history", "--weeks", "0"])
    assert bad.exit_code == 2 and bad.stderr.startswith(
        "stretch: error: Invalid value for '--weeks': a number of weeks from 1 to 104, got 0")


def test_group_minutes_count_only_sessions_since_a_date(history: History) -> None:
    old, new = (log_session(history, "hip-reset", datetime(2026, 11, d, 7, tzinfo=UTC))
                for d in (2, 24))
    history.progress(old, active_seconds=60, steps_done=1, steps_skipped=0, group="gluteal",
                     seconds=600)
    history.progress(new, active_seconds=60, steps_done=1, steps_skipped=0, group="psoas",
                     seconds=120)
    assert history.group_minutes(TODAY - timedelta(days=7)) == {"psoas": 2.0}
    assert history.group_minutes(date(2026, 11, 1)) == {"gluteal": 10.0, "psoas": 2.0}
