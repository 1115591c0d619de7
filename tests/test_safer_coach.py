"""Coaching a physiotherapist would sign (issue 21), through the command line with a real
history and real-time sessions (the fake clock of the fast tests): pain level as well as
change, no step up without ratings, leg symptoms, flares, and pain from something else."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.coach.rules import LEG_ADVICE
from tests.conftest import freeze_now, write_user_file
from tests.test_fitting import LADDER, MONDAY, ok, runs
from tests.test_progression import log


def lunges(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, day: int, *extra: str) -> str:
    """A real-time session of the lunges on a day, with the ratings given."""
    freeze_now(monkeypatch, MONDAY + timedelta(days=day))
    result = runner.invoke(app, ["run", "lunges", *extra])
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())


@pytest.fixture
def ladder(stretch_home: Path) -> Path:
    write_user_file(stretch_home, "lunges.yaml", LADDER)
    return stretch_home


@pytest.mark.usefixtures("ladder")
def test_two_sessions_at_six_do_not_step_up(runner: CliRunner,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    for day in (0, 1):
        lunges(runner, monkeypatch, day, "--pain-before", "6", "--pain-after", "5")
    assert runs(runner) == [("wall-lunge", 10)]  # pain above 5/10: not a good session


@pytest.mark.usefixtures("ladder")
def test_two_sessions_without_ratings_do_not_step_up(runner: CliRunner,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    for day in (0, 1):
        lunges(runner, monkeypatch, day)
    assert runs(runner) == [("wall-lunge", 10)]
    lunges(runner, monkeypatch, 2, "--pain-before", "2", "--pain-after", "3")  # good (up 1)
    lunges(runner, monkeypatch, 3, "--pain-before", "2", "--pain-after", "2")
    assert runs(runner) == [("wall-lunge", 15)]  # two good ones do


@pytest.mark.usefixtures("ladder")
def test_a_session_ending_at_six_steps_back(runner: CliRunner,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    for day in (0, 1):
        lunges(runner, monkeypatch, day, "--pain-before", "2", "--pain-after", "2")
    said = lunges(runner, monkeypatch, 3, "--pain-before", "5", "--pain-after", "6")
    assert ("Your back is at 6/10 after this session: next time, Wall lunge steps back one "
            "level.") in said  # a rise of 1, but 6/10 is too much
    assert runs(runner) == [("wall-lunge", 10)]


@pytest.mark.usefixtures("ladder")
def test_a_session_on_a_bad_day_never_steps_up(runner: CliRunner,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: 'your last two sessions went well' after a stopped 7 -> 8 session and a gentle
    one at 8."""
    lunges(runner, monkeypatch, 0, "--pain-before", "2", "--pain-after", "2")
    said = lunges(runner, monkeypatch, 1, "--pain-before", "7", "--pain-after", "4")
    assert "flare-up" in said.lower() and "the gentlest routine is" in said
    assert runs(runner) == [("wall-lunge", 10)]


def test_leg_symptoms_that_spread_step_back_leave_moves_out_and_say_get_advice(
        runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    ok(runner, "setup", "--leg-symptoms")
    for day in (0, 1):
        freeze_now(monkeypatch, MONDAY + timedelta(days=day))
        ok(runner, "run", "evening-hips", "--pain-before", "2", "--pain-after", "2",
           "--no-leg-worse")
    freeze_now(monkeypatch, MONDAY + timedelta(days=2))
    said = " ".join(ok(runner, "run", "evening-hips", "--pain-before", "2", "--pain-after",
                       "2", "--leg-worse").split())
    assert ("Pain, tingling or numbness spread further down your leg: next time, Seated "
            "figure-four stretch, Seated wide-knee stretch and Thomas stretch step back one "
            "level.") in said
    assert "Left out until your leg settles: Supine figure-four stretch, Seated figure-four" in said
    assert " ".join(LEG_ADVICE.split()) in said
    sessions = json.loads(ok(runner, "history", "--json"))["sessions"]
    assert [s["leg_worse"] for s in sessions] == [True, False, False]
    shown = runner.invoke(app, ["show", "evening-hips", "--json"])
    assert "seated-figure-four" not in [s["move"] for s in json.loads(shown.stdout)["steps"]]
    assert "Left out for you: Seated figure-four stretch" in shown.stderr
    events = json.loads(ok(runner, "progress", "--json"))["events"]
    assert [e["kind"] for e in events] == ["leg"]
    for day in (3, 4):  # two sessions with the leg no worse bring the moves back
        freeze_now(monkeypatch, MONDAY + timedelta(days=day))
        ok(runner, "run", "evening-hips", "--pain-before", "2", "--pain-after", "2",
           "--no-leg-worse")
    assert [e["kind"] for e in json.loads(ok(runner, "progress", "--json"))["events"]] == [
        "leg", "leg-clear"]
    assert "seated-figure-four" in ok(runner, "show", "evening-hips", "--json")


def test_without_leg_symptoms_nothing_is_asked_or_kept(runner: CliRunner) -> None:
    ok(runner, "run", "evening-hips", "--speed", "1000")
    (session,) = json.loads(ok(runner, "history", "--json"))["sessions"]
    assert session["leg_worse"] is None


def checkins(runner: CliRunner, monkeypatch: pytest.MonkeyPatch,
             ratings: dict[int, int]) -> dict[int, str]:
    said = {}
    for day, rating in ratings.items():
        freeze_now(monkeypatch, MONDAY + timedelta(days=day))
        said[day] = " ".join(ok(runner, "checkin", str(rating)).split())
    return said


def test_a_flare_pauses_step_ups_and_shows_the_plan(runner: CliRunner, stretch_home: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    write_user_file(stretch_home, "lunges.yaml", LADDER)
    checkins(runner, monkeypatch, {0: 2, 2: 2, 4: 3, 6: 2})  # usually 2
    said = checkins(runner, monkeypatch, {10: 5, 11: 5, 12: 5})  # 3 above, not settling
    assert "flare" not in said[10] and "flare" not in said[11]
    assert "This looks like a flare: your back has been at 5/10 for two days" in said[12]
    assert "In a flare-up" in said[12] or "flare-up" in said[12].lower()
    during = lunges(runner, monkeypatch, 13, "--pain-before", "5", "--pain-after", "5")
    assert "the gentlest routine is" in during  # the session in a flare: on the coach's word
    for day in (14, 15):  # sessions logged as good (not on the coach's word): still nothing
        log(stretch_home, MONDAY + timedelta(days=day), before=5, after=5,
            moves=("wall-lunge",), routine="lunges")
    assert runs(runner) == [("wall-lunge", 10)]
    events = json.loads(ok(runner, "progress", "--json"))["events"]
    assert [e["kind"] for e in events] == ["flare"]
    checkins(runner, monkeypatch, {16: 2})
    assert [e["kind"] for e in json.loads(ok(runner, "progress", "--json"))["events"]] == [
        "flare", "flare-end"]


@pytest.mark.usefixtures("ladder")
def test_pain_from_something_else_steps_nothing_back(runner: CliRunner,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    for day in (0, 1):
        lunges(runner, monkeypatch, day, "--pain-before", "2", "--pain-after", "2")
    assert runs(runner) == [("wall-lunge", 15)]
    freeze_now(monkeypatch, MONDAY + timedelta(days=2))
    ok(runner, "checkin", "6", "--not-exercise", "--note", "moved a sofa")
    assert runs(runner) == [("wall-lunge", 15)]  # the day after, 4 above: not the exercises
    freeze_now(monkeypatch, MONDAY + timedelta(days=2, hours=1))
    said = " ".join(ok(runner, "checkin", "6").split())
    assert ("Wall lunge: 15 -> 10 s holds: your back was worse the day after your last session "
            "(2 -> 6)") in said
    assert runs(runner) == [("wall-lunge", 10)]
