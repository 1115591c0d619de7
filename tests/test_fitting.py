"""A programme fitted to the person (issue 20), through the command line with a real
history: the intake's answers shape the week and rule moves out, ladders of moves are
climbed and come back down in sessions, `week set` changes a day, and each past day keeps
the plan it had."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from tests.conftest import freeze_now, write_user_file
from tests.test_report import text_of

MONDAY = datetime(2026, 11, 23, 8, 0).astimezone()
WEEK = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def ok(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def week(runner: CliRunner) -> dict[str, dict[str, object]]:
    days = json.loads(ok(runner, "week", "--json"))["days"]
    assert [d["day"] for d in days] == list(WEEK)
    return {d["day"]: d for d in days}


def demands(runner: CliRunner) -> dict[str, set[str]]:
    return {m["id"]: set(m["demands"]) for m in json.loads(ok(runner, "moves", "--json"))}


# --- the intake shapes the week ---------------------------------------------------------

def test_setup_days_and_minutes_shape_the_week(runner: CliRunner,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_now(monkeypatch, MONDAY)
    ok(runner, "setup", "--days", "mon,wed,fri", "--minutes", "10")
    days = week(runner)
    planned = {day: d["routine"] for day, d in days.items() if d["routine"]}
    assert planned == dict.fromkeys(("monday", "wednesday", "friday"), "full-session")
    assert all(0 < d["minutes"] <= 10 for d in days.values() if d["routine"])  # type: ignore[operator]
    ok(runner, "setup", "--days", "weekdays")  # one answer changed, the others kept
    planned = {day: d["routine"] for day, d in week(runner).items() if d["routine"]}
    assert planned == {"monday": "hip-reset", "tuesday": "core-and-hips",
                       "wednesday": "hip-reset", "thursday": "core-and-hips",
                       "friday": "full-session"}
    shown = " ".join(ok(runner, "setup", "--show").split())
    assert "days weekdays (Mon-Fri)" in shown and "minutes a day 10" in shown
    assert "shaped to your days (weekdays (Mon-Fri))" in " ".join(ok(runner, "week").split())
    preview = json.loads(ok(runner, "today", "--preview", "--json"))
    assert preview["name"] == "hip-reset" and preview["seconds"] <= 600  # its 10 minutes


def test_a_broken_profile_is_one_line_naming_file_and_line(runner: CliRunner,
                                                           stretch_home: Path) -> None:
    path = stretch_home / "profile.toml"
    path.write_text("days = \"mon,wed\"\nfloor = yes\n")
    result = runner.invoke(app, ["today", "--preview"])
    assert result.exit_code == 1
    assert result.stderr == (f"stretch: error: {path}:2: floor: expected true or false (TOML "
                             "writes them in lower case), got yes\n")
    path.write_text("minutes = 3\n")
    assert runner.invoke(app, ["setup", "--show"]).stderr == (
        f"stretch: error: {path}:1: minutes: 3 is out of range (5-90)\n")


def test_no_floor_and_no_kneeling_plan_nothing_on_the_floor(runner: CliRunner,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    ok(runner, "setup", "--no-floor", "--no-kneel")
    asks = demands(runner)
    at_target = 0
    for offset in range(7):
        freeze_now(monkeypatch, MONDAY + timedelta(days=offset))
        day = json.loads(ok(runner, "today", "--preview", "--json"))
        if day["rest"]:
            continue
        for step in day["steps"]:
            assert not (asks.get(step["move"], set()) & {"floor", "kneeling"}), step
        sides = day["dose"].values()
        at_target += len(day["dose"]) == 3 and all(min(s.values()) >= 60 for s in sides)
    assert at_target >= 2  # every hip group at 60 s a side, on two days a week or more
    for name in ("hip-reset", "desk-break", "evening-hips", "full-session", "core-and-hips"):
        for step in json.loads(ok(runner, "show", name, "--json"))["steps"]:
            assert not (asks.get(step["move"], set()) & {"floor", "kneeling"}), (name, step)


def test_a_hip_replacement_rules_out_deep_hip_flexion(runner: CliRunner) -> None:
    ok(runner, "setup", "--hip-replacement")
    asks = demands(runner)
    result = runner.invoke(app, ["show", "hip-reset", "--json"])
    steps = json.loads(result.stdout)["steps"]
    assert steps and not any("deep-hip-flexion" in asks.get(s["move"], set()) for s in steps)
    assert result.stderr.splitlines() == [
        "Left out for you: Pigeon stretch (it needs bending the hip deeply): no stretch for "
        "the buttock (gluteals) in this routine."]


def test_moves_left_out_for_one_reason_are_named_on_one_line(runner: CliRunner) -> None:
    ok(runner, "setup", "--no-floor")
    result = runner.invoke(app, ["show", "full-session"])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "Left out for you: Glute bridge, Dead bug, Clamshell, Side plank from the feet and "
        "Bird dog (they need getting down to the floor); in their place: Standing hip hinge "
        "for Glute bridge, Wall plank for Dead bug, Standing side leg raise for Clamshell, "
        "Wall side plank for Side plank from the feet and Standing bird dog for Bird dog."]


def test_off_the_floor_the_exercises_are_swapped_for_standing_ones(runner: CliRunner) -> None:
    """A physiotherapist swaps a floor exercise for one of the same muscle group the person
    can do: the bridge's hip work for the standing hip hinge, the clamshell's for the
    standing side leg raise, the floor core work for the three standing core exercises
    (the wall plank, the wall side plank, the standing bird dog); the exercise day stays
    an exercise day."""
    ok(runner, "setup", "--no-floor", "--no-kneel")
    asks = demands(runner)
    steps = json.loads(ok(runner, "show", "core-and-hips", "--json"))["steps"]
    moves = list(dict.fromkeys(s["move"] for s in steps if s["move"]))
    assert moves == ["hip-hinge", "wall-plank", "standing-leg-raise", "wall-side-plank",
                     "standing-bird-dog"]  # each floor move's own stand-in, in its place
    bird = [s for s in steps if s["move"] == "standing-bird-dog" and s["side"] == "left"]
    assert [s["reps"] for s in bird] == [5, 3, 1]  # the bird dog's pyramid, standing
    said = runner.invoke(app, ["show", "core-and-hips"]).stderr
    assert "Wall side plank for Side plank from the feet" in said
    assert "for Curl-up" not in said  # taking the side plank's would leave it none
    assert "Wall side plank for Side plank from the feet; nothing in place of Curl-up." in said
    plank = [s for s in steps if s["move"] == "wall-plank"]
    assert [s["hold"] for s in plank] == [10, 10]  # its own dose, not the dead bug's sets
    assert not any(asks.get(m, set()) & {"floor", "kneeling"} for m in moves)
    week = json.loads(ok(runner, "week", "--json"))
    assert "core-and-hips" in [d["routine"] for d in week["days"]]


# --- ladders, climbed in sessions -------------------------------------------------------

LADDER = """\
moves:
  wall-lunge:
    name: Wall lunge
    kind: stretch
    group: psoas
    sided: false
    position: standing
    demands: []
    harder_move: deep-lunge
    hold: 10
    progression: {start: 10, step: 5, cap: 15}
    setup: Stand in a split stance, a hand on the wall.
    cues: [Tuck the tailbone]
  deep-lunge:
    name: Deep lunge
    kind: stretch
    group: psoas
    sided: false
    position: standing
    demands: []
    hold: 10
    progression: {start: 10, step: 5, cap: 15}
    setup: Take a longer step.
    cues: [Tuck the tailbone]
routines:
  lunges:
    title: Lunges
    items:
      - move: deep-lunge
        hold: 10
        reps: 1
"""


def session(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, day: int, *,
            after: int = 2) -> str:
    """A real-time session of the lunges (the fake clock of the fast tests), on a day."""
    freeze_now(monkeypatch, MONDAY + timedelta(days=day))
    result = runner.invoke(app, ["run", "lunges", "--pain-before", "2",
                                 "--pain-after", str(after)])
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())


def runs(runner: CliRunner) -> list[tuple[str, float]]:
    steps = json.loads(ok(runner, "show", "lunges", "--json"))["steps"]
    return [(s["move"], s["seconds"]) for s in steps if s["kind"] == "hold"]


def test_a_users_ladder_is_climbed_and_comes_back_down(runner: CliRunner, stretch_home: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    write_user_file(stretch_home, "lunges.yaml", LADDER)
    assert runs(runner) == [("wall-lunge", 10)]  # a beginner: the easiest rung
    session(runner, monkeypatch, 0)
    session(runner, monkeypatch, 1)
    assert runs(runner) == [("wall-lunge", 15)]  # up its dose to the cap first
    said = session(runner, monkeypatch, 2)  # the start screen says why, for this session
    assert "Wall lunge: 10 -> 15 s holds: your last two sessions went well" in said
    session(runner, monkeypatch, 3)
    assert runs(runner) == [("deep-lunge", 10)]  # at the cap, twice: the harder move
    said = session(runner, monkeypatch, 4, after=6)  # the harder move, at its start
    assert ("Deep lunge replaces Wall lunge from today: you did 15 s holds with your back no "
            "worse, two sessions in a row.") in said
    assert runs(runner) == [("wall-lunge", 15)]  # a bad session at its bottom: back down
    said = session(runner, monkeypatch, 5)
    assert ("Wall lunge replaces Deep lunge from today: your back was at 6/10 after your "
            "last session.") in said
    progress = [m["move"] for m in json.loads(ok(runner, "progress", "--json"))["moves"]]
    assert "wall-lunge" in progress and "deep-lunge" not in progress  # the rung it is on
    report = text_of(ok(runner, "report", "--weeks", "1", "-o", "-"))
    assert "Deep lunge Wall lunge → Deep lunge, 10 s holds you did 15 s holds" in report
    assert "Wall lunge Deep lunge → Wall lunge, 15 s holds your back was at 6/10" in report
    ladder = [r for r in map(json.loads, ok(runner, "export").splitlines())
              if r["type"] == "ladder"]
    assert [(r["move"], r["replaced"]) for r in ladder] == [("deep-lunge", "wall-lunge"),
                                                            ("wall-lunge", "deep-lunge")]


# --- week set ---------------------------------------------------------------------------

def test_week_set_is_kept_and_undone(runner: CliRunner, stretch_home: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_now(monkeypatch, MONDAY)
    assert week(runner)["saturday"]["routine"] == "full-session"
    assert ok(runner, "week", "set", "sat", "rest").startswith("Sat is now a rest day")
    ok(runner, "week", "set", "Tuesday", "Desk break")
    days = week(runner)
    assert (days["saturday"]["routine"], days["tuesday"]["routine"]) == (None, "desk-break")
    assert "tue = \"desk-break\"" in (stretch_home / "week.toml").read_text()
    ok(runner, "week", "set", "sat")
    assert week(runner)["saturday"]["routine"] == "full-session"


@pytest.mark.parametrize(("args", "message"), [
    (["funday", "rest"], "no day named 'funday': days are mon, tue, wed, thu, fri, sat, sun"),
    (["mon", "hip-rest"], "no routine named 'hip-rest'; did you mean hip-reset; or rest for a "
     "day off"),
])
def test_a_bad_week_set_names_the_choices(runner: CliRunner, args: list[str],
                                          message: str) -> None:
    result = runner.invoke(app, ["week", "set", *args])
    assert result.exit_code == 2
    assert result.stderr == f"stretch: error: {message}\n"


def test_a_plan_changed_later_keeps_the_days_already_judged(
        runner: CliRunner, stretch_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tried as a new user would: a `week` added on day 13 took the ticks off days already
    done and turned a skipped Saturday into a rest day (the streak jumped from 0 to 5)."""
    write_user_file(stretch_home, "lunges.yaml", LADDER)
    for day in range(3):  # the desk break on Monday to Wednesday, as the plan had it
        freeze_now(monkeypatch, MONDAY + timedelta(days=day))
        ok(runner, "week", "set", ("mon", "tue", "wed")[day], "lunges")
        ok(runner, "run", "lunges", "--pain-before", "2", "--pain-after", "2")
    freeze_now(monkeypatch, MONDAY + timedelta(days=4))  # Thursday was skipped
    before = json.loads(ok(runner, "history", "--json"))["streak"]
    days = week(runner)
    assert [days[d]["done"] for d in WEEK[:3]] == [True, True, True]
    write_user_file(stretch_home, "week.yaml", "week:\n" + "".join(
        f"  {d}: {'rest' if d == 'thu' else 'hip-reset'}\n"
        for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")))
    days = week(runner)
    assert [days[d]["done"] for d in WEEK[:3]] == [True, True, True]  # still theirs
    assert json.loads(ok(runner, "history", "--json"))["streak"] == before == 0
    assert days["friday"]["routine"] == "hip-reset"  # the new plan from today on
