"""`stretch week --ics`: the plan as an iCalendar file, read back with the icalendar library."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from stretch.cli import app
from stretch.remind import record
from stretch.remind.schedule import Schedule
from tests.conftest import freeze_now, write_user_file

THURSDAY = datetime(2026, 11, 26, 21, 0, tzinfo=UTC)
PLAN = {"hip-reset": ["MO", "WE"], "core-and-hips": ["TU", "TH"], "desk-break": ["FR"],
        "full-session": ["SA"]}  # the built-in week; Sunday is a rest day


def events(text: bytes | str) -> dict[str, Any]:
    """Each event of a calendar file by its routine (from its description)."""
    calendar = Calendar.from_ical(text)
    found = {}
    for event in calendar.walk("VEVENT"):
        routine = str(event["description"]).rsplit("stretch run ", 1)[1].rstrip(")")
        found[routine] = event
    return found


def test_the_plan_becomes_weekly_events_with_an_alarm(runner: CliRunner,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_now(monkeypatch, THURSDAY)
    result = runner.invoke(app, ["week", "--ics"])
    assert result.exit_code == 0, result.stderr
    found = events(result.stdout)
    assert set(found) == set(PLAN)
    minutes = {line.split()[0]: line for line in runner.invoke(app, ["list"]).stdout.splitlines()}
    for routine, days in PLAN.items():
        event = found[routine]
        rule = event["rrule"]
        assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == days, routine
        start = event["dtstart"].dt
        assert start.tzinfo is None  # floating: 08:00 wherever the person is
        assert start.time() == time(8, 0)
        assert ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][start.weekday()] in days
        assert THURSDAY.date() <= start.date() < THURSDAY.date() + timedelta(days=7)
        length = event["duration"].dt
        assert f" {int(length.total_seconds() // 60)} " in minutes[routine]  # as `list` says
        assert str(event["summary"]).endswith(f"({int(length.total_seconds() // 60)} min)")
        (alarm,) = event.walk("VALARM")
        assert alarm["action"] == "DISPLAY" and alarm["trigger"].dt == timedelta(0)
    # Thursday evening: core and hips starts today, the hip reset next Monday
    assert found["core-and-hips"]["dtstart"].dt.date() == THURSDAY.date()
    assert found["hip-reset"]["dtstart"].dt.date() == THURSDAY.date() + timedelta(days=4)
    again = events(runner.invoke(app, ["week", "--ics"]).stdout)
    assert [e["uid"] for e in again.values()] == [e["uid"] for e in found.values()]


def test_the_events_are_at_the_reminders_time(runner: CliRunner, stretch_home: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    freeze_now(monkeypatch, THURSDAY)
    record.save(stretch_home / "remind.json",
                Schedule(time(7, 15), (0, 1, 2), ("/usr/bin/stretch",)), "cron")
    target = tmp_path / "week.ics"
    result = runner.invoke(app, ["week", "--ics", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert " ".join(result.stdout.split()) == (
        f"Wrote your week plan (4 routines, at 07:15) to {target}: open it with your calendar "
        "to import it")
    assert all(e["dtstart"].dt.time() == time(7, 15)
               for e in events(target.read_bytes()).values())
    again = runner.invoke(app, ["week", "--ics", "-o", str(target)])
    assert again.exit_code == 1
    assert again.stderr == f"stretch: error: {target} already exists; add --force to replace it\n"


def test_a_user_week_and_its_titles_travel_as_text(runner: CliRunner, stretch_home: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_now(monkeypatch, THURSDAY)
    write_user_file(stretch_home, "mine.yaml", """
routines:
  evening:
    title: "Evening; hips, \\\\ and, more"
    summary: "Two lines:\\nand commas, semicolons; backslashes \\\\"
    items:
      - move: butterfly
week:
  mon: evening
  tue: rest
  wed: rest
  thu: rest
  fri: rest
  sat: rest
  sun: evening
""")
    result = runner.invoke(app, ["week", "--ics"])
    assert result.exit_code == 0, result.stderr
    (event,) = events(result.stdout).values()
    assert str(event["summary"]).startswith("Evening; hips, \\ and, more (")
    assert str(event["description"]).startswith(
        "Two lines: and commas, semicolons; backslashes \\\n\nstretch today")
    assert event["rrule"]["BYDAY"] == ["MO", "SU"]
    assert runner.invoke(app, ["week", "-o", "x.ics"]).stderr == (
        "stretch: error: -o writes the calendar file: add --ics\n")
