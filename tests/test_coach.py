"""Check-ins, `stretch progress`, the pain trend, the safety rules and the schema 4 upgrade,
through the command line on real history files."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.coach.rules import ADVICE
from stretch.history.migrations import SCHEMA_VERSION
from stretch.history.store import History
from stretch.history.trend import Outcome
from stretch.session.rating import read_rating
from stretch.text_safety import URGENT
from tests.conftest import write_user_file
from tests.test_progression import checkin, days_ago, log

RATING = "a rating is a whole number from 0 (no pain) to 10 (the worst)"


@pytest.mark.parametrize(("args", "shown"), [
    (["checkin", "11"], "11"), (["checkin", "-1"], "-1"), (["checkin", "abc"], "'abc'"),
    (["checkin", "4.5"], "'4.5'"), (["run", "desk-break", "--pain-before", "12"], "12"),
    (["today", "--pain-after", "x"], "'x'"),
])
def test_a_bad_rating_is_a_usage_error(runner: CliRunner, stretch_home: Path, args: list[str],
                                       shown: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert f"{RATING}, got {shown}" in " ".join(result.output.replace("│", "").split())
    assert not (stretch_home / "history.sqlite3").exists()  # nothing started, nothing logged


def test_ratings_from_the_command_line_are_kept(runner: CliRunner) -> None:
    result = runner.invoke(app, ["run", "desk-break", "--speed", "1000", "--pain-before", "4",
                                 "--pain-after", "3"])
    assert result.exit_code == 0
    (session,) = json.loads(runner.invoke(app, ["history", "--json"]).stdout)["sessions"]
    assert (session["pain_before"], session["pain_after"], session["speed"]) == (4, 3, 1000)


def test_a_checkin_is_kept_with_its_note_shown_literally(runner: CliRunner) -> None:
    result = runner.invoke(app, ["checkin", "3", "--note", "stiff [bold]after[/] the drive"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Noted: your back at 3/10 at ")
    (entry,) = json.loads(runner.invoke(app, ["progress", "--json"]).stdout)["checkins"]
    assert entry["rating"] == 3 and entry["note"] == "stiff [bold]after[/] the drive"
    assert date.fromisoformat(entry["time"][:10]) == date.today()
    shown = runner.invoke(app, ["progress"]).stdout
    assert "stiff [bold]after[/] the drive" in shown and "3/10" in shown


def test_progress_json_shape(runner: CliRunner, stretch_home: Path) -> None:
    log(stretch_home, days_ago(2), before=4, after=4)
    log(stretch_home, days_ago(1), before=4, after=3)
    checkin(stretch_home, days_ago(0, hour=0), 3)
    data = json.loads(runner.invoke(app, ["progress", "--json"]).stdout)
    assert set(data) == {"moves", "checkins", "trend", "change", "advice", "events", "goals"}
    clamshell = next(m for m in data["moves"] if m["move"] == "clamshell")
    assert clamshell == {
        "move": "clamshell", "name": "Clamshell", "measure": "reps", "dose": 7, "written": 12,
        "level": 1, "top": 6, "start": 5, "cap": 15,
        "changed": {"time": days_ago(1).isoformat(timespec="seconds"), "from": 5, "to": 7,
                    "why": "your last two sessions went well"}}
    stretch = next(m for m in data["moves"] if m["move"] == "seated-figure-four")  # a beginner's
    assert (stretch["measure"], stretch["dose"], stretch["changed"]) == ("hold", 20, None)
    assert not any(m["move"] in ("figure-four", "pigeon") for m in data["moves"])
    assert data["events"] == []
    assert len(data["trend"]) == 12
    assert all(set(w) == {"week", "before", "after"} for w in data["trend"])
    monday = date.fromisoformat(data["trend"][-1]["week"])
    assert monday.weekday() == 0 and 0 <= (date.today() - monday).days < 7  # oldest first
    assert data["change"] is None and data["advice"] is None  # not four weeks yet; all well
    assert data["checkins"][0]["rating"] == 3 and data["checkins"][0]["note"] is None


def test_the_trend_and_a_meaningful_change(runner: CliRunner, stretch_home: Path) -> None:
    for day in (40, 38, 36, 34, 30):
        log(stretch_home, days_ago(day), before=6, after=7)
    for day in (10, 8, 6, 4, 2):
        log(stretch_home, days_ago(day), before=3, after=3)
    data = json.loads(runner.invoke(app, ["progress", "--json"]).stdout)
    assert data["change"] == {
        "first": 6.0, "last": 3.0, "points": -3.0, "meaningful": True,
        "sentence": "Your back pain has eased from 6 to 3 since your first two weeks: a meaningful "
                    "change (2 points or 30% or more)."}
    weeks = [w for w in data["trend"] if w["before"] is not None]
    assert weeks[-1]["before"] == 3.0 and weeks[-1]["after"] == 3.0
    text = runner.invoke(app, ["progress"]).stdout
    assert "Back pain, weekly median of the last 12 weeks (0 none, 10 worst)" in text
    assert "Your back pain has eased from 6 to 3" in " ".join(text.split())
    assert "█" in text and " 10 ┤" in text and "  0 └" in text


@pytest.mark.parametrize(("first", "last", "meaningful"), [
    (6, 4, True), (6, 5, False), (3, 2, True), (1, 0.5, False), (2, 4, True), (0, 1, False),
])
def test_a_meaningful_change_is_2_points_or_30_percent(first: float, last: float,
                                                       meaningful: bool) -> None:
    assert Outcome(first, last).meaningful is meaningful


def test_high_pain_before_shows_the_red_flags_and_the_gentlest_routine(runner: CliRunner) -> None:
    result = runner.invoke(app, ["run", "core-and-hips", "--speed", "1000", "--pain-before", "8"])
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert URGENT in out
    assert ("Your back is at 8/10 right now. Go gently and stop any move that hurts; the gentlest "
            "routine is Desk break (stretch run desk-break).") in out
    assert "Completed Core and hips" in out  # a script asked for this routine: it runs
    bad = runner.invoke(app, ["run", "core-and-hips", "--speed", "1000", "--pain-before", "7"])
    flat = " ".join(bad.stdout.split())
    assert "the gentlest routine is Desk break" in flat and URGENT not in flat
    calm = runner.invoke(app, ["run", "core-and-hips", "--speed", "1000", "--pain-before", "6"])
    assert "gentlest" not in calm.stdout and URGENT not in calm.stdout


def test_a_high_checkin_points_to_help(runner: CliRunner) -> None:
    out = " ".join(runner.invoke(app, ["checkin", "9"]).stdout.split())
    assert URGENT in out and "the gentlest routine is Desk break" in out


def test_pain_up_3_in_two_sessions_in_a_row_says_stop(runner: CliRunner, stretch_home: Path) -> None:
    advice = " ".join(ADVICE.split())
    log(stretch_home, days_ago(3), before=2, after=5)
    log(stretch_home, days_ago(2), before=2, after=4)
    assert json.loads(runner.invoke(app, ["progress", "--json"]).stdout)["advice"] is None
    log(stretch_home, days_ago(1), before=2, after=6, status="stopped")
    assert json.loads(runner.invoke(app, ["progress", "--json"]).stdout)["advice"] is None
    log(stretch_home, days_ago(0, hour=0), before=1, after=4)  # 3 more, twice in a row
    assert json.loads(runner.invoke(app, ["progress", "--json"]).stdout)["advice"] == ADVICE
    shown = runner.invoke(app, ["progress"]).stdout
    assert advice in " ".join(shown.split()) and "╭" not in shown  # TERM=dumb: no box
    result = runner.invoke(app, ["run", "desk-break", "--speed", "1000"])
    assert result.exit_code == 0  # told before it starts; a script is not asked
    assert advice in " ".join(result.stdout.replace("│", "").split()).split("0:00")[0]


DESK = ("hip-hinge", "standing-leg-raise", "standing-hip-flexor", "side-lunge",
        "seated-figure-four")
STANDING = """routines:
  standing:
    title: Standing
    items:
      - move: hip-hinge
      - move: standing-leg-raise
        reps: 8
        tempo: 3
      - move: standing-hip-flexor
        hold: 30
        reps: 1
      - move: side-lunge
        hold: 30
        reps: 1
      - move: seated-figure-four
        hold: 30
        reps: 1
"""


def grown_desk_breaks(home: Path) -> None:
    """A routine of standing moves, done well on four days: every move two levels up (the
    leg raise 5 -> 9 reps, though the routine writes it at 8)."""
    write_user_file(home, "standing.yaml", STANDING)
    for day in (4, 3, 2, 1):
        log(home, days_ago(day), moves=DESK, routine="standing")


def test_a_dose_change_is_said_as_this_routine_runs_it(runner: CliRunner,
                                                      stretch_home: Path) -> None:
    grown_desk_breaks(stretch_home)
    result = runner.invoke(app, ["run", "standing"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert ("Standing side leg raise: 7 -> 9 reps (8 in this routine): your last two "
            "sessions went well") in out  # was "7 -> 9 reps", then 8 reps ran
    assert "Standing side leg raise, left side, 8 reps" in out
    assert "Standing hip hinge: 7 -> 9 reps: your last two sessions went well" in out
    assert "Standing hip hinge, 9 reps" in out  # the same in this routine: said once
    moves = {m["move"]: m for m in json.loads(
        runner.invoke(app, ["progress", "--json"]).stdout)["moves"]}
    assert moves["standing-leg-raise"]["dose"] == 9  # progress: the move's own level


def test_a_dose_change_is_said_as_the_timer_runs_the_holds(runner: CliRunner,
                                                           stretch_home: Path) -> None:
    grown_desk_breaks(stretch_home)
    (stretch_home / "config.toml").write_text("hold_scale = 1.5\n")
    out = " ".join(runner.invoke(app, ["run", "standing"]).stdout.split())
    assert ("Side lunge stretch: 25 -> 30 s holds (38 -> 45 in this routine): your last two "
            "sessions went well") in out
    assert "Side lunge stretch, left side 45 s" in out


WORSE_RUN = ["run", "standing", "--pain-before", "2", "--pain-after", "5"]


def test_a_worse_session_says_when_nothing_can_step_back(runner: CliRunner,
                                                         stretch_home: Path) -> None:
    write_user_file(stretch_home, "standing.yaml", STANDING)
    out = " ".join(runner.invoke(app, WORSE_RUN).stdout.split())
    assert ("Your back is 3 points worse than before; this session's doses are already at "
            "their lowest.") in out
    assert "step back" not in out  # every move was at its first dose: nothing can


def test_a_worse_session_names_the_moves_that_step_back(runner: CliRunner,
                                                        stretch_home: Path) -> None:
    grown_desk_breaks(stretch_home)
    out = " ".join(runner.invoke(app, WORSE_RUN).stdout.split())
    assert ("Your back is 3 points worse than before: next time, Standing hip hinge, Standing "
            "side leg raise, Standing hip flexor stretch and 2 more step back one level.") in out
    moves = {m["move"]: m for m in json.loads(
        runner.invoke(app, ["progress", "--json"]).stdout)["moves"]}
    assert moves["standing-leg-raise"]["dose"] == 7


def test_one_key_ratings() -> None:
    def keys(*pressed: str | None) -> list[str | None]:
        return list(pressed)

    def rate(pressed: list[str | None]) -> tuple[int | None, str]:
        shown: list[str] = []
        waits: list[float | None] = []

        def read(wait: float | None) -> str | None:
            waits.append(wait)
            return pressed.pop(0) if pressed else None

        return read_rating(read, shown.append), "".join(shown)

    assert rate(keys("7")) == (7, "7")
    assert rate(keys("x", "q", "0")) == (0, "0")  # other keys are ignored
    assert rate(keys("1", "0")) == (10, "10")
    assert rate(keys("1", None)) == (1, "1")  # a pause after the 1
    assert rate(keys("1", "enter")) == (1, "1")
    assert rate(keys("1", "5")) == (1, "1")
    assert rate(keys("enter")) == (None, "")
    assert rate(keys("escape")) == (None, "")
    assert rate(keys("\x04")) == (None, "")  # Ctrl-D


# --- the schema 4 upgrade ----------------------------------------------------------

OLD_FILES = Path(__file__).parent / "data" / "history"


def old_file(path: Path, version: int) -> None:
    """A history file as stretch left it at schema `version` (frozen SQL in tests/data, not
    today's migrations), with one session completed two days ago."""
    script = (OLD_FILES / f"schema-{version}.sql").read_text(encoding="utf-8")
    script = script.replace("STARTED", days_ago(2).isoformat(timespec="seconds"))
    db = sqlite3.connect(path)
    db.executescript(script.replace("ENDED", days_ago(2).isoformat()))
    db.close()


@pytest.mark.parametrize("version", [1, 2, 3, 4])
def test_an_older_file_upgrades_in_place(runner: CliRunner, stretch_home: Path,
                                         version: int) -> None:
    path = stretch_home / "history.sqlite3"
    old_file(path, version)
    (session,) = json.loads(runner.invoke(app, ["history", "--json"]).stdout)["sessions"]
    assert (session["pain_before"], session["pain_after"]) == ((4, 3) if version == 4
                                                               else (None, None))
    assert session["speed"] == 1 and session["status"] == "completed"
    with History.open(path) as history:
        assert history.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
        (row,) = history.sessions()
        assert (row.moves is None) == (version < 4)
        assert (row.leg_worse, row.gentle, row.pain_elsewhere) == (None, False, False)
    (stretch_home / "config.toml").write_text("checkin = false\n")  # unrated rows count
    log(stretch_home, days_ago(1), moves=None)  # an old row names no moves: its routine's count
    assert runner.invoke(app, ["checkin", "2"]).exit_code == 0
    clamshell = next(m for m in json.loads(runner.invoke(app, ["progress", "--json"]).stdout)
                     ["moves"] if m["move"] == "clamshell")
    assert clamshell["dose"] == 7


def test_a_high_rating_after_a_session_shows_the_red_flags(runner: CliRunner) -> None:
    result = runner.invoke(app, ["run", "desk-break", "--pain-before", "3", "--pain-after", "9"])
    assert result.exit_code == 0
    after = " ".join(result.stdout.split()).split("Completed Desk break")[1]
    assert "Call 999 / 911 or go to A&E / the emergency room" in after
    assert after.rstrip().endswith("Your back is at 9/10 after this session. Rest it today; "
                                   "if it does not settle, or a sign above appears, get advice.")
    calm = runner.invoke(app, ["run", "desk-break", "--pain-before", "3", "--pain-after", "4"])
    assert "999" not in calm.stdout.split("Completed Desk break")[1]
