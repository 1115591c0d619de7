"""Goals (PSFS) through the command line: added, rated, out of range refused, the trend
and its sentence in `goal` and `progress`, and the weekly question after a session."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.coach import goals as psfs
from stretch.history.goals import Goal, Rated
from tests.conftest import freeze_now

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
WHAT = "a goal's rating is a whole number from 0 (cannot do it) to 10 (as before)"


def goal(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, *args: str,
         at: datetime = START, code: int = 0) -> str:
    freeze_now(monkeypatch, at)
    result = runner.invoke(app, ["goal", *args])
    assert result.exit_code == code, (args, result.stdout, result.stderr)
    return result.stdout if code == 0 else result.stderr


def flat(text: str) -> str:
    return " ".join(text.split())


def test_goals_are_added_rated_and_shown_over_time(runner: CliRunner,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    said = goal(runner, monkeypatch, "add", "Putting on socks", "3")
    assert flat(said) == ("Goal 1: Putting on socks, now 3 (0 cannot do it, 10 as before). "
                          "stretch asks again once a week, after a session.")
    goal(runner, monkeypatch, "add", "gardening <b>[b]weeds[/b]</b>", "5")
    goal(runner, monkeypatch, "rate", "1", "4", at=START + timedelta(days=7))
    said = goal(runner, monkeypatch, "rate", "1", "6", at=START + timedelta(days=14))
    assert said.splitlines()[-1] == "Rated 1 of your goals: `stretch goal` shows them over time."
    assert flat(said) == ("Putting on socks: easier, from 3 to 6 since 02 Nov 2026, a "
                          "meaningful change (2 points or more). Rated 1 of your goals: "
                          "`stretch goal` shows them over time.")
    goal(runner, monkeypatch, "rate", "2", "4", at=START + timedelta(days=14))
    shown = goal(runner, monkeypatch, at=START + timedelta(days=15))
    assert "1   Putting on socks                3 (02 Nov) → 4 → 6 (16 Nov)       +3" in shown
    assert "gardening <b>[b]weeds[/b]</b>" in shown  # literally, never as markup
    assert "   -1\n" in shown  # one point: not a meaningful change, no sentence for it
    assert shown.count("meaningful change (2 points") == 1
    data = json.loads(goal(runner, monkeypatch, "--json"))
    assert [g["text"] for g in data] == ["Putting on socks", "gardening <b>[b]weeds[/b]</b>"]
    assert [r["rating"] for r in data[0]["ratings"]] == [3, 4, 6]
    assert (data[0]["change"], data[0]["meaningful"]) == (3, True)
    assert (data[1]["change"], data[1]["meaningful"], data[1]["sentence"]) == (-1, False, None)
    progress = json.loads(runner.invoke(app, ["progress", "--json"]).stdout)
    assert progress["goals"] == data
    assert "Putting on socks: easier, from 3 to 6" in runner.invoke(app, ["progress"]).stdout


@pytest.mark.parametrize(("args", "problem"), [
    (["add", "socks", "11"], f"{WHAT}, got 11"),
    (["add", "socks", "-1"], f"{WHAT}, got -1"),
    (["add", "socks", "high"], f"{WHAT}, got 'high'"),
    (["rate", "1", "4.5"], f"{WHAT}, got '4.5'"),
    (["rate", "0", "4"], "a goal's number, as `stretch goal` lists it, got 0"),
])
def test_a_rating_out_of_range_is_refused(runner: CliRunner, stretch_home: Path,
                                          monkeypatch: pytest.MonkeyPatch, args: list[str],
                                          problem: str) -> None:
    error = goal(runner, monkeypatch, *args, code=2)
    assert problem in error and error.count("\n") == 1
    assert not (stretch_home / "history.sqlite3").exists()  # nothing kept


def test_at_most_five_goals_and_other_mistakes(runner: CliRunner,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert goal(runner, monkeypatch, "rate", "1", "4", code=2) == (
        "stretch: error: no goals yet: stretch goal add \"putting on socks\" 4\n")
    for number in range(5):
        goal(runner, monkeypatch, "add", f"activity {number}", "5")
    assert goal(runner, monkeypatch, "add", "a sixth", "5", code=1) == (
        "stretch: error: you have 5 goals already, the most the scale asks for: this one was "
        "not added\n")
    assert goal(runner, monkeypatch, "rate", "6", "4", code=2) == (
        "stretch: error: there is no goal 6: your goals are numbered 1 to 5 (see stretch goal)\n")
    assert goal(runner, monkeypatch, "rate", "2", code=2) == (
        "stretch: error: give goal 2 a rating too: stretch goal rate 2 6\n")
    assert goal(runner, monkeypatch, "rate", code=2) == (
        "stretch: error: give the goal's number and its rating (stretch goal rate 1 6): no "
        "terminal to ask in\n")
    assert goal(runner, monkeypatch, "add", "   ", "4", code=2).startswith(
        "stretch: error: name the activity")
    assert len(json.loads(goal(runner, monkeypatch, "--json"))) == 5


def made(*ratings: tuple[int, int]) -> Goal:
    """A goal rated `rating` `days` after START, for each pair."""
    return Goal("g", START, "Gardening",
                tuple(Rated(START + timedelta(days=d), r) for d, r in ratings))


def test_the_weekly_question_and_what_counts_as_meaningful() -> None:
    week = timedelta(days=7)
    assert not psfs.due([], START)
    assert not psfs.due([made((0, 4))], START + week - timedelta(minutes=1))
    assert psfs.due([made((0, 4))], START + week)
    assert psfs.change(made((0, 4))) is None and psfs.sentence(made((0, 4))) is None
    assert not psfs.meaningful(made((0, 4), (7, 5)))
    assert psfs.meaningful(made((0, 4), (7, 6)))
    assert psfs.sentence(made((0, 6), (7, 4))) == (
        "Gardening: harder, from 6 to 4 since 02 Nov 2026. If it keeps getting harder, talk to "
        "a physiotherapist or doctor.")
    asked: list[str] = []

    def rate(question: str) -> int | None:
        asked.append(question)
        return None if len(asked) == 2 else 7

    twice = [made((0, 4)), Goal("h", START, "Socks", ())]
    assert psfs.ask_each(twice, rate, START + timedelta(days=9)) == [("g", 7)]
    assert asked == ["1. Gardening (last 4, 9 days ago)?", "2. Socks?"]
