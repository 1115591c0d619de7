"""`stretch report`: the clinician's page from a real history, its numbers, its escaping,
and headless Chromium printing it on two pages at most."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.history import checkins, goals
from stretch.history.store import History
from tests.conftest import freeze_now, need_program
from tests.test_sheet import pdf_text, print_pdf

NOW = datetime(2026, 12, 2, 20, 0, tzinfo=UTC)  # a Wednesday evening
MONDAY = datetime(2026, 11, 30, 7, 0, tzinfo=UTC)
NOTE = 'sore <b>left</b> hip & "stiff" </style><script>alert(1)</script>'
MOVES = {"hip-reset": "figure-four butterfly pigeon frog half-kneeling-hip-flexor",
         "core-and-hips": "glute-bridge dead-bug curl-up clamshell side-plank bird-dog",
         "desk-break": "hip-hinge standing-leg-raise standing-hip-flexor side-lunge "
                       "seated-figure-four",
         "full-session": "glute-bridge dead-bug curl-up clamshell side-plank bird-dog "
                         "figure-four butterfly pigeon half-kneeling-hip-flexor"}
PLAN = {0: "hip-reset", 1: "core-and-hips", 2: "hip-reset", 3: "core-and-hips",
        4: "desk-break", 5: "full-session"}  # the built-in week; Sunday rests


def logged(history: History, routine: str, started: datetime, *, status: str = "completed",
           before: int | None = 4, after: int | None = 3) -> None:
    def work(db: object) -> None:
        import sqlite3

        assert isinstance(db, sqlite3.Connection)
        db.execute(
            "INSERT INTO sessions (uid, routine, title, started, ended, status, planned_seconds, "
            "active_seconds, steps_total, steps_done, first_side, speed, moves, pain_before, "
            "pain_after) VALUES (?, ?, ?, ?, ?, ?, 600, 600, 30, 30, 'left', 1, ?, ?, ?)",
            (f"{routine}-{started:%Y%m%d%H%M}", routine, routine.replace("-", " ").capitalize(),
             started.isoformat(), (started + timedelta(minutes=10)).isoformat(), status,
             MOVES[routine], before, after))

    history.write(work, what="a session")


def history_of(home: Path, weeks: int) -> None:
    """`weeks` weeks of use up to this Wednesday: most planned days done, now and then a
    session stopped, morning check-ins (some with notes), three goals rated every week."""
    with History.open(home / "history.sqlite3") as history:
        first = MONDAY - timedelta(weeks=weeks - 1)
        day = first
        while day <= NOW:
            routine = PLAN.get(day.weekday())
            number = (day - first).days
            if routine and number % 6 != 5:
                pain = max(1, 6 - number // 14)
                logged(history, routine, day, status="stopped" if number % 10 == 9 else
                       "completed", before=pain, after=pain - 1 if number % 9 else pain + 2)
            if number % 3 == 0:
                note = ["stiff after the drive", NOTE, "walked to the shops"][number % 9 // 3]
                checkins.add(history, at=day - timedelta(hours=1),
                             rating=max(1, 5 - number // 20), note=note)
            day += timedelta(days=1)
        ids = [goals.add(history, text=text, rating=rating, at=first)
               for text, rating in (("Putting on socks", 3), ("Gardening <i>an hour</i>", 4),
                                    ("Sitting through a film", 6))]
        for week in range(1, weeks):
            ratings = (min(10, 3 + week), 4, max(0, 6 - week // 3))
            goals.rate(history, list(zip(ids, ratings, strict=True)),
                       at=first + timedelta(weeks=week))


@pytest.fixture
def page(runner: CliRunner, stretch_home: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    history_of(stretch_home, 5)
    (stretch_home / "config.toml").write_text('name = "Alex <Morgan>"\n')
    freeze_now(monkeypatch, NOW)
    result = runner.invoke(app, ["report", "--weeks", "4"])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def text_of(html: str) -> str:
    """The page's words, as a reader sees them (tags gone, entities read)."""
    from html import unescape

    body = html.split("<body>")[1]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_the_report_shows_the_programme_sessions_and_pain(page: str) -> None:
    words = text_of(page)
    assert words.startswith("Home exercise report: Alex <Morgan> 09 Nov to 02 Dec 2026 "
                            "(4 weeks), made on 02 Dec 2026 by stretch")
    for routine in ("Hip reset Mon, Wed", "Core and hips Tue, Thu", "Desk break Fri",
                    "Full session Sat"):
        assert routine in words, routine
    # the week of 30 Nov, up to Wednesday: three days planned, Tuesday missed (day 29 of
    # the history, 29 % 6 == 5), 20 minutes
    assert "30 Nov 3 2 0 20" in words and "in all 21 15 (71%) 2 170" in words
    assert "Back pain, weekly median (0 none, 10 worst)" in words and "<svg" in page
    assert "Latest week: before " in words
    assert re.search(r"\d+ sessions in these 4 weeks: \d+ completed and \d+ stopped", words)
    assert "your last two sessions went well" in words  # a dose change, with its reason
    assert "Putting on socks 3 (02 Nov) 7 +4" in words  # rated before these weeks began
    assert "Putting on socks: easier, from 3 to 7 since 02 Nov 2026" in words
    assert "stiff after the drive" in words and "walked to the shops" in words


def test_the_report_escapes_what_the_person_wrote(page: str) -> None:
    assert "<script>" not in page and "<b>left</b>" not in page and "<Morgan>" not in page
    assert "sore &lt;b&gt;left&lt;/b&gt; hip &amp; &quot;stiff&quot; &lt;/style&gt;" in page
    assert "Gardening &lt;i&gt;an hour&lt;/i&gt;" in page
    assert '@top-left { content: "Home exercise report\\3a  Alex \\3c Morgan\\3e "' in page
    assert "http" not in page.replace("http-equiv", "")  # nothing from the network


def test_a_high_rating_and_the_advice_to_stop_are_events(runner: CliRunner, stretch_home: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    with History.open(stretch_home / "history.sqlite3") as history:
        logged(history, "hip-reset", MONDAY - timedelta(days=2), before=3, after=6)
        logged(history, "hip-reset", MONDAY, before=5, after=9)
    freeze_now(monkeypatch, NOW)
    words = text_of(runner.invoke(app, ["report", "-o", "-"]).stdout)
    assert ("30 Nov: 3 or more points worse after two sessions in a row: advised to stop these "
            "exercises and get advice.") in words  # at the top, in red
    assert "30 Nov: Back at 9/10 after Hip reset: the red flags were shown" in words


def test_an_empty_history_still_makes_a_page(runner: CliRunner,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_now(monkeypatch, NOW)
    words = text_of(runner.invoke(app, ["report"]).stdout)
    assert "No sessions in these 12 weeks." in words
    assert "No ratings in these weeks." in words and "No goals set" in words


def test_the_report_keeps_the_sheet_rules_for_its_file(runner: CliRunner, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_now(monkeypatch, NOW)
    target = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "-o", str(target)])
    assert result.exit_code == 0
    assert target.read_text().startswith("<!doctype html>")
    again = runner.invoke(app, ["report", "-o", str(target)])
    assert again.exit_code == 1 and again.stderr.endswith("add --force to replace it\n")
    assert runner.invoke(app, ["report", "--weeks", "105"]).exit_code == 2


@pytest.mark.slow
@pytest.mark.parametrize("weeks", [12, 26, 104])
def test_chromium_prints_the_report_on_two_pages_at_most(
        runner: CliRunner, stretch_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        weeks: int) -> None:
    chromium = need_program("chromium")
    need_program("pdfinfo")
    history_of(stretch_home, weeks + 4)
    freeze_now(monkeypatch, NOW)
    html = runner.invoke(app, ["report", "--weeks", str(weeks)]).stdout
    for paper in ("A4", "letter"):
        page = tmp_path / f"report-{paper}.html"
        page.write_text(html.replace("</style>", f"@page {{ size: {paper}; }}</style>"))
        pdf = tmp_path / f"report-{weeks}-{paper}.pdf"
        print_pdf(chromium, page, pdf, tmp_path / "profile")
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
        assert pages <= 2, (weeks, paper)
        words = " ".join(pdf_text(pdf).split())
        for routine in ("Hip reset", "Core and hips", "Desk break", "Full session"):
            assert routine in words, (weeks, paper, routine)
        assert "stiff after the drive" in words  # a check-in note
        assert "Back pain, weekly median" in words and "Latest week: before" in words
        assert re.search(r"\d+ sessions in these \d+ weeks", words)
        assert f"Page {pages} of {pages}" in words
        assert "file:" not in words and ".html" not in words  # no browser header or footer


def test_done_counts_a_day_as_the_week_ticks_it(runner: CliRunner, stretch_home: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A day is done as `week` ticks it (`done_on`): the desk break on a core-and-hips day
    keeps the day; a stopped session does not, and is counted as stopped."""
    with History.open(stretch_home / "history.sqlite3") as history:
        logged(history, "hip-reset", MONDAY)
        logged(history, "desk-break", MONDAY + timedelta(days=1))  # a core-and-hips day
        logged(history, "hip-reset", MONDAY + timedelta(days=2), status="stopped")
    freeze_now(monkeypatch, NOW)
    words = text_of(runner.invoke(app, ["report", "--weeks", "1"]).stdout)
    assert "30 Nov 3 2 1 30 in all 3 2 (67%) 1 30" in words
