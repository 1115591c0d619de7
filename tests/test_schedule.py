"""Which routine today is, the week, the streak and which side goes first."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.history import calendar
from stretch.history.calendar import streak
from stretch.history.store import History
from stretch.model import Catalogue
from tests.conftest import freeze_now, log_session, write_user_file

TUESDAY = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
SUNDAY = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)


@pytest.fixture
def history(stretch_home: Path) -> History:
    return History.open(stretch_home / "history.sqlite3")


def test_streak_skips_planned_rest_days_and_stops_at_a_missed_day() -> None:
    today = date(2026, 11, 24)  # a Tuesday
    sunday = 6
    done = [date(2026, 11, 24), date(2026, 11, 23), date(2026, 11, 21), date(2026, 11, 20),
            date(2026, 11, 18)]
    # Sun 22 is a rest day: it does not break the streak; Thu 19 was missed: it does.
    assert streak(done, {sunday}, today) == 4
    assert streak(done, set(), today) == 2
    # today not done yet does not break it
    assert streak(done[1:], {sunday}, today) == 3
    assert streak([], {sunday}, today) == 0


def test_streak_across_midnight_and_time_zones(history: History) -> None:
    # started late on the 22nd in New York, ran past midnight: it belongs to the 22nd
    log_session(history, "hip-reset", datetime(2026, 11, 22, 23, 50,
                                               tzinfo=timezone(timedelta(hours=-5))))
    # the 23rd in Tokyo (still the 22nd in UTC): it belongs to the local 23rd
    log_session(history, "hip-reset", datetime(2026, 11, 23, 7, 0,
                                               tzinfo=timezone(timedelta(hours=9))))
    log_session(history, "hip-reset", datetime(2026, 11, 24, 0, 5, tzinfo=UTC))
    days = [r.day for r in history.sessions()]  # newest first in absolute time
    assert sorted(days) == [date(2026, 11, 22), date(2026, 11, 23), date(2026, 11, 24)]
    assert streak(days, set(), date(2026, 11, 24)) == 3


def test_the_week_plan_gives_each_date_its_routine(builtin: Catalogue) -> None:
    monday = date(2026, 11, 23)
    names = [getattr(calendar.routine_on(builtin, monday + timedelta(days=n)), "id", None)
             for n in range(7)]
    assert names == ["hip-reset", "core-and-hips", "hip-reset", "core-and-hips", "desk-break",
                     "full-session", None]
    assert calendar.rest_weekdays(builtin.week) == {6}


def test_today_holds_only_todays_sessions(builtin: Catalogue, history: History) -> None:
    log_session(history, "hip-reset", TUESDAY - timedelta(days=1))
    log_session(history, "desk-break", TUESDAY - timedelta(hours=1))
    day = calendar.today(builtin, history, TUESDAY)
    assert day.date == date(2026, 11, 24) and day.routine is not None
    assert day.routine.id == "core-and-hips"
    assert [s.routine for s in day.sessions] == ["desk-break"]


def test_week_runs_monday_to_sunday_with_each_days_sessions(builtin: Catalogue,
                                                            history: History) -> None:
    log_session(history, "hip-reset", datetime(2026, 11, 23, 7, tzinfo=UTC))
    log_session(history, "hip-reset", datetime(2026, 11, 16, 7, tzinfo=UTC))  # last week
    days = calendar.week(builtin, history, TUESDAY)
    assert [d.date for d in days] == [date(2026, 11, 23) + timedelta(days=n) for n in range(7)]
    assert [len(d.sessions) for d in days] == [1, 0, 0, 0, 0, 0, 0]
    assert days[0].done and not days[1].done and days[6].routine is None


def test_the_first_side_alternates_per_routine(history: History) -> None:
    assert calendar.first_side(history, "hip-reset") == "left"
    log_session(history, "hip-reset", TUESDAY)  # went left first
    assert calendar.first_side(history, "hip-reset") == "right"
    assert calendar.first_side(history, "desk-break") == "left"


def test_sided_moves_alternate_the_first_side(runner: CliRunner, stretch_home: Path) -> None:
    for _ in range(3):
        assert runner.invoke(app, ["run", "desk-break", "--speed", "1000"]).exit_code == 0
    rows = History.open(stretch_home / "history.sqlite3").sessions()
    assert [r.first_side for r in reversed(rows)] == ["left", "right", "left"]
    second = runner.invoke(app, ["run", "desk-break", "--speed", "1000"]).stdout
    assert "0:30  Standing figure-four stretch, right side  20 s" in second  # a beginner's


def test_today_runs_logs_then_says_it_is_done(runner: CliRunner, history: History,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_now(monkeypatch, TUESDAY)  # core and hips
    first = runner.invoke(app, ["today", "--speed", "1000"])
    assert first.exit_code == 0 and "Completed" in first.stdout
    assert "Streak" not in first.stdout  # a --speed demo counts toward nothing
    demo = runner.invoke(app, ["today", "--speed", "1000"])
    assert "You did" not in demo.stdout and "Completed" in demo.stdout  # a demo is not the workout
    log_session(history, "core-and-hips", TUESDAY)  # at its real pace
    again = runner.invoke(app, ["today", "--speed", "1000"])
    assert again.exit_code == 0
    assert again.stdout == "You did Core and hips today at 08:00.\n"
    week = runner.invoke(app, ["week"])
    assert week.exit_code == 0 and "(today)" in week.stdout and "✓" in week.stdout


def test_rest_day_says_so_and_offers_the_desk_break(runner: CliRunner, stretch_home: Path) -> None:
    days = "".join(f"  {d}: rest\n" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
    write_user_file(stretch_home, "week.yaml", "week:\n" + days)
    result = runner.invoke(app, ["today"])
    assert result.exit_code == 0
    assert "is a rest day in your plan" in result.stdout
    assert "stretch run desk-break" in result.stdout
    preview = json.loads(runner.invoke(app, ["today", "--json"]).stdout)
    assert preview["rest"] is True and "steps" not in preview


def test_today_preview_json_is_show_plus_the_day(runner: CliRunner,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_now(monkeypatch, TUESDAY)
    data = json.loads(runner.invoke(app, ["today", "--preview", "--json"]).stdout)
    shown = json.loads(runner.invoke(app, ["show", "core-and-hips", "--json"]).stdout)
    assert data == {"day": "tue", "date": "2026-11-24", "rest": False, **shown}
    assert list(data)[:4] == ["day", "date", "rest", "name"]


def test_today_preview_on_the_rest_day(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_now(monkeypatch, SUNDAY)
    data = json.loads(runner.invoke(app, ["today", "--json"]).stdout)
    assert data == {"day": "sun", "date": "2026-11-29", "rest": True}
    text = runner.invoke(app, ["today", "--preview"]).stdout
    assert text == "Sunday is a rest day in your plan.\n"
