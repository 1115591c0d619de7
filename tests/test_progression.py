"""Progression through the command line on a real history file: a dose starts low, grows
after good sessions on different days, steps back after a bad one or a bad next day, and
stops at its cap; demos and stopped sessions count for nothing."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch import wallclock
from stretch.cli import app
from stretch.coach import doses
from stretch.history import checkins
from stretch.history.store import History
from stretch.model import WEEKDAYS, Catalogue
from tests.conftest import write_user_file

CORE = ("glute-bridge", "dead-bug", "curl-up", "clamshell", "side-plank", "bird-dog")


def days_ago(days: float, hour: int = 8) -> datetime:
    """A moment `days` before today, at a fixed hour (today's local offset)."""
    return wallclock.local_now().replace(hour=hour, minute=0, second=0, microsecond=0) - timedelta(days=days)


def log(home: Path, started: datetime, *, before: int | None = 2, after: int | None = 2,
        status: str = "completed", speed: float = 1.0, moves: tuple[str, ...] | None = CORE,
        routine: str = "core-and-hips") -> None:
    """One session in the history file, as a finished run would leave it (rated 2 before
    and after unless told otherwise: a good session, if completed)."""
    with History.open(home / "history.sqlite3") as history:
        row = history.begin(routine=routine, title="Core and hips", started=started,
                            planned_seconds=480, steps_total=30, first_side="left", speed=speed,
                            moves=moves, pain_before=before)
        history.finish(row, status=status, ended=started + timedelta(minutes=8),
                       active_seconds=480, steps_done=30, steps_skipped=0)
        if after is not None:
            history.rate_after(row, after)


def checkin(home: Path, at: datetime, rating: int) -> None:
    with History.open(home / "history.sqlite3") as history:
        checkins.add(history, at=at, rating=rating, note=None)


def progress(runner: CliRunner) -> dict[str, dict[str, object]]:
    result = runner.invoke(app, ["progress", "--json"])
    assert result.exit_code == 0, result.output
    return {m["move"]: m for m in json.loads(result.stdout)["moves"]}


def dose(runner: CliRunner, move: str = "clamshell") -> object:
    return progress(runner)[move]["dose"]


# --- the ladder and the catalogue key ----------------------------------------------

def test_defaults_by_kind(builtin: Catalogue) -> None:
    ladder = {m: doses.dose_ladder(builtin.moves[m]).rungs
              for m in ("clamshell", "bird-dog", "figure-four", "side-plank")}
    assert ladder["clamshell"] == (5, 7, 9, 11, 12, 13, 15)  # about 5 reps, +2, the written 12
    assert ladder["bird-dog"] == (5, 6, 7, 8)  # McGill's 6, a quarter more at most
    assert ladder["figure-four"] == (20, 25, 30)  # a stretch: 20 s up to ACSM's 30 s
    assert ladder["side-plank"] == (10, 15, 20, 25, 30)  # a plank from 10 s


def test_a_beginner_starts_low_and_as_written_shows_the_catalogue(runner: CliRunner) -> None:
    mine = json.loads(runner.invoke(app, ["show", "core-and-hips", "--json"]).stdout)
    written = json.loads(runner.invoke(app, ["show", "core-and-hips", "--json",
                                             "--as-written"]).stdout)
    bridge = [s["seconds"] for s in mine["steps"] if s["move"] == "glute-bridge"]
    assert bridge == [30, 30]  # a beginner's rung of the ladder: 5 reps x 6 s, 2 sets
    assert [s["seconds"] for s in written["steps"] if s["move"] == "single-leg-bridge"] == [
        48] * 4  # as written: the ladder's top, 8 reps x 6 s, 2 sets a side
    text = runner.invoke(app, ["show", "core-and-hips"]).stdout
    assert "Glute bridge                 30 s   5 x 6 s, set 1 of 2" in text


def test_short_holds_come_more_often_so_each_stretch_still_gets_its_seconds(
        runner: CliRunner) -> None:
    data = json.loads(runner.invoke(app, ["show", "desk-break", "--json"]).stdout)
    holds = [s["seconds"] for s in data["steps"] if s["move"] == "standing-figure-four"]
    assert holds == [20] * 6  # 3 holds of 20 s per side, not 2 of 30
    assert all(min(sides.values()) >= 60 for sides in data["dose"].values())


def test_a_progression_key_sets_start_step_and_cap(runner: CliRunner, stretch_home: Path) -> None:
    write_user_file(stretch_home, "mine.yaml", CLAMSHELL + "    progression: {start: 4, step: 3}\n")
    assert progress(runner)["clamshell"]["dose"] == 4
    for day in (4, 3):
        log(stretch_home, days_ago(day))
    moved = progress(runner)["clamshell"]
    assert (moved["dose"], moved["start"], moved["cap"]) == (7, 4, 15)


CLAMSHELL = """moves:
  clamshell:
    name: Clamshell
    kind: exercise
    group: hip
    sided: true
    position: side-lying
    reps: 12
    tempo: 3
    setup: Lie on your side.
    cues: [Lift the knee]
"""


@pytest.mark.parametrize(("key", "message"), [
    ("progression: {start: 14}", "12:26: moves.clamshell.progression.start: starts at 14, above "
     "the written dose (12 reps); start at or below it"),
    ("progression: {cap: 10}", "12:24: moves.clamshell.progression.cap: stops at 10, below the "
     "written dose (12 reps); cap at or above it"),
    ("progression: {stride: 2}", "12:19: moves.clamshell.progression.stride: unknown key "
     "'stride' (did you mean 'step'?)"),
    ("progression: {step: 0}", "12:25: moves.clamshell.progression.step: 0 is out of range (1-10)"),
    ("progression: {step: two}", "12:25: moves.clamshell.progression.step: expected a whole "
     "number, got 'two'"),
    ("progression: 5", "12:18: moves.clamshell.progression: expected a mapping of keys, got the "
     "number 5"),
])
def test_a_bad_progression_key_names_file_line_and_field(runner: CliRunner, stretch_home: Path,
                                                         key: str, message: str) -> None:
    path = write_user_file(stretch_home, "mine.yaml", CLAMSHELL + "    " + key + "\n")
    result = runner.invoke(app, ["show", "core-and-hips"])
    assert result.exit_code == 1
    assert result.stderr == f"stretch: error: {path}:{message}\n"


# --- the rules, on a real history file ---------------------------------------------

def test_two_good_sessions_on_different_days_step_up(runner: CliRunner, stretch_home: Path) -> None:
    log(stretch_home, days_ago(2), before=3, after=3)
    assert dose(runner) == 5
    log(stretch_home, days_ago(1), before=3, after=4)  # one point more is still good
    clamshell = progress(runner)["clamshell"]
    assert clamshell["dose"] == 7
    changed = clamshell["changed"]
    assert isinstance(changed, dict)
    assert (changed["from"], changed["to"]) == (5, 7)
    assert changed["why"] == "your last two sessions went well"
    show = json.loads(runner.invoke(app, ["show", "core-and-hips", "--json"]).stdout)
    assert [s["seconds"] for s in show["steps"] if s["move"] == "clamshell"] == [21] * 4


def test_two_sessions_on_the_same_day_are_one_day(runner: CliRunner, stretch_home: Path) -> None:
    log(stretch_home, days_ago(1, hour=8))
    log(stretch_home, days_ago(1, hour=18))
    assert dose(runner) == 5
    log(stretch_home, days_ago(0, hour=0))
    assert dose(runner) == 7


def test_sessions_without_ratings_count_for_nothing_while_check_ins_are_on(
        runner: CliRunner, stretch_home: Path) -> None:
    for day in (6, 5, 4, 3):
        log(stretch_home, days_ago(day), before=None, after=None)
    assert dose(runner) == 5
    log(stretch_home, days_ago(2))  # nor do they break a run: this one and the next step up
    log(stretch_home, days_ago(1, hour=7), before=None, after=None)
    log(stretch_home, days_ago(1))
    assert dose(runner) == 7


def test_with_check_ins_off_completing_a_session_is_enough(runner: CliRunner,
                                                          stretch_home: Path) -> None:
    (stretch_home / "config.toml").write_text("checkin = false\n")
    for day in (6, 5, 4, 3):
        log(stretch_home, days_ago(day), before=None, after=None)
    assert dose(runner) == 9


def test_a_session_that_hurts_steps_back(runner: CliRunner, stretch_home: Path) -> None:
    for day in (6, 5, 4, 3):
        log(stretch_home, days_ago(day), before=2, after=2)
    log(stretch_home, days_ago(2), before=3, after=5)
    clamshell = progress(runner)["clamshell"]
    assert clamshell["dose"] == 7
    assert clamshell["changed"] == {
        "time": days_ago(2).isoformat(timespec="seconds"), "from": 9, "to": 7,
        "why": "your back hurt more after your last session (3 -> 5)"}
    log(stretch_home, days_ago(1), before=3, after=3)  # the run starts again after a bad one
    assert dose(runner) == 7


def test_a_worse_next_day_steps_back(runner: CliRunner, stretch_home: Path) -> None:
    log(stretch_home, days_ago(4), before=3, after=3)
    log(stretch_home, days_ago(3), before=3, after=3)
    checkin(stretch_home, days_ago(2, hour=7), 4)  # one point more the next day: fine
    checkin(stretch_home, days_ago(1, hour=7), 6)  # two days on: not the next day
    assert dose(runner) == 7
    log(stretch_home, days_ago(1, hour=9), before=3, after=3)
    result = runner.invoke(app, ["checkin", "6", "--note", "stiff"])
    assert result.exit_code == 0
    assert "Clamshell: 7 -> 5 reps: your back was worse the day after your last session (3 -> 6)" \
        in result.stdout.splitlines()
    assert dose(runner) == 5
    again = runner.invoke(app, ["checkin", "7"])
    assert again.exit_code == 0 and "Clamshell" not in again.stdout  # once per session
    assert dose(runner) == 5


def test_a_next_day_exactly_two_points_above_steps_back(runner: CliRunner,
                                                       stretch_home: Path) -> None:
    """The boundary of WORSE: 2 points above the session's "before" is worse (1 is not)."""
    log(stretch_home, days_ago(3), before=3, after=3)
    log(stretch_home, days_ago(2), before=3, after=3)
    assert dose(runner) == 7
    checkin(stretch_home, days_ago(1, hour=7), 5)
    assert dose(runner) == 5


def test_the_next_sessions_before_rating_counts_as_the_next_day(runner: CliRunner,
                                                                stretch_home: Path) -> None:
    for day in (4, 3, 2):
        log(stretch_home, days_ago(day), before=2, after=2)
    log(stretch_home, days_ago(1), before=5)  # stopped, rated 3 more than the day before
    assert dose(runner) == 5


def test_a_dose_stops_at_its_cap(runner: CliRunner, stretch_home: Path) -> None:
    for day in range(20, 0, -1):
        log(stretch_home, days_ago(day))
    assert dose(runner) == 15  # clamshell: 12 written, 15 at most
    assert dose(runner, "bird-dog") == 8
    log(stretch_home, days_ago(0, hour=0), before=2, after=4)
    assert dose(runner) == 13  # one level back from the cap, however long at it


def test_demos_and_stopped_sessions_count_for_nothing(runner: CliRunner,
                                                      stretch_home: Path) -> None:
    for day in (5, 4, 3):
        log(stretch_home, days_ago(day), speed=1000)
    log(stretch_home, days_ago(3, hour=9), before=2, after=7, speed=50)  # a demo that "hurt"
    assert dose(runner) == 5
    log(stretch_home, days_ago(2), status="stopped")
    log(stretch_home, days_ago(1), status="interrupted")
    assert dose(runner) == 5
    log(stretch_home, days_ago(1, hour=12))
    log(stretch_home, days_ago(0, hour=0))  # good, (stopped), good: still two in a row
    assert dose(runner) == 7


def test_a_move_left_out_does_not_grow(runner: CliRunner, stretch_home: Path) -> None:
    for day in (2, 1):
        log(stretch_home, days_ago(day), moves=("glute-bridge",))
    assert (dose(runner, "glute-bridge"), dose(runner)) == (7, 5)


def test_the_next_session_explains_each_change(runner: CliRunner, stretch_home: Path) -> None:
    log(stretch_home, days_ago(2))
    log(stretch_home, days_ago(1))
    first = runner.invoke(app, ["run", "core-and-hips", "--speed", "1000"])
    assert first.exit_code == 0
    lines = first.stdout.splitlines()
    assert "Clamshell: 5 -> 7 reps: your last two sessions went well" in lines
    assert "Side plank: 10 -> 15 s holds: your last two sessions went well" in lines
    assert lines.index("Glute bridge: 5 -> 7 reps: your last two sessions went well") < \
        next(i for i, line in enumerate(lines) if line.startswith("0:00"))
    again = runner.invoke(app, ["run", "core-and-hips", "--speed", "1000"])
    assert "went well" not in again.stdout  # said once, at the next session


def test_the_sheet_and_todays_preview_use_your_doses(runner: CliRunner, stretch_home: Path) -> None:
    def sheet() -> str:
        result = runner.invoke(app, ["sheet", "core-and-hips", "--format", "text"])
        assert result.exit_code == 0
        return result.stdout

    card = ("4. Clamshell\n   Hip muscles · lying on your side\n   {} reps each side, about "
            "3 s each, 2 sets on one side, then the other")
    assert card.format(5) in sheet()
    log(stretch_home, days_ago(2))
    log(stretch_home, days_ago(1))
    assert card.format(7) in sheet()
    days = "".join(f"  {day}: core-and-hips\n" for day in WEEKDAYS)  # no rest day, any day
    write_user_file(stretch_home, "week.yaml", f"week:\n{days}")
    preview = json.loads(runner.invoke(app, ["today", "--preview", "--json"]).stdout)
    assert preview["name"] == "core-and-hips" and not preview["rest"]
    shown = json.loads(runner.invoke(app, ["show", "core-and-hips", "--json"]).stdout)
    written = json.loads(runner.invoke(app, ["show", "core-and-hips", "--json",
                                             "--as-written"]).stdout)
    assert preview["steps"] == shown["steps"] != written["steps"]  # yours, not as written


def test_an_item_with_its_own_dose_follows_yours(runner: CliRunner, stretch_home: Path) -> None:
    write_user_file(stretch_home, "mine.yaml", """routines:
  mine:
    title: Mine
    items:
      - move: clamshell
        reps: 8
      - move: clamshell
        reps: 15
      - move: clamshell
        reps: 1
""")

    def reps() -> list[object]:
        data = json.loads(runner.invoke(app, ["show", "mine", "--json"]).stdout)
        return [s["seconds"] // 3 for s in data["steps"] if s["move"] == "clamshell"][::2]

    # your 5 of the written 12; an item asking 3 more than the move still asks 3 more
    assert reps() == [5, 8, 1]
    for day in (4, 3, 2, 1):
        log(stretch_home, days_ago(day))
    assert reps() == [8, 12, 1]  # your 9: no more than an item asks
    for day in range(12, 4, -1):
        log(stretch_home, days_ago(day, hour=6))
    assert reps() == [11, 18, 4]  # your 15, 3 past the written 12: 3 more everywhere
