"""McGill's descending pyramid: a counted move's sets each a few reps fewer (6, 4, 2),
as the timer runs them and as every form of the dose says them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from stretch.cli import app
from tests.conftest import write_user_file

PYRAMID = """\
moves:
  wall-curl:
    name: Wall curl
    kind: exercise
    group: core
    sided: true
    position: standing
    demands: []
    reps: 6
    tempo: 10
    pause: 7
    pyramid: true
    setup: Stand with your back to a wall.
    cues: [Curl your shoulders forward a little]
routines:
  curls:
    title: Curls
    items:
      - move: wall-curl
        sets: 3
"""


def test_each_set_of_a_pyramid_has_fewer_reps(runner: CliRunner, stretch_home: Path) -> None:
    write_user_file(stretch_home, "curls.yaml", PYRAMID)
    steps = json.loads(runner.invoke(app, ["show", "curls", "--json", "--as-written"]).stdout)
    sets = [(s["side"], s["reps"], s["seconds"]) for s in steps["steps"] if s["kind"] == "count"]
    assert sets == [("left", 6, 60), ("right", 6, 60), ("left", 4, 40), ("right", 4, 40),
                    ("left", 2, 20), ("right", 2, 20)]
    sheet = " ".join(runner.invoke(app, ["sheet", "curls", "--format", "text"]).stdout.split())
    # a beginner's dose (5 reps at the top), as the sheet says it
    assert "5 reps each side, then 3, then 1 (9 a side), each held 7 s, rest 10 s between " \
        "sets" in sheet
    moves = json.loads(runner.invoke(app, ["moves", "wall-curl", "--json"]).stdout)
    assert moves[0]["pyramid"] is True


def test_a_pyramid_on_a_held_move_is_refused_at_its_line(runner: CliRunner,
                                                         stretch_home: Path) -> None:
    path = write_user_file(stretch_home, "curls.yaml", PYRAMID.replace(
        "    reps: 6\n    tempo: 10\n    pause: 7\n", "    hold: 10\n"))
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1
    assert f"{path}:10:14: moves.wall-curl.pyramid: a pyramid takes reps off each set" in (
        result.stdout + result.stderr)
