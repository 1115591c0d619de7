"""Figures: the hand-written format and its errors, both renderers, mirroring, and where
the drawings appear (moves, the sheets) with and without a figure."""

from __future__ import annotations

import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.catalogue.load import load_catalogue
from stretch.cli import app
from stretch.errors import CatalogueError
from stretch.figures import braille, geometry, svg
from stretch.figures.props import MAT, SEAT
from stretch.figures.space import Moment, joints_at, project
from stretch.figures.strokes import Stroke
from stretch.model import Catalogue
from stretch.poses import (
    HEAD_RADIUS,
    JOINTS,
    WIDTH,
    Figure,
    Pose,
    Prop,
    PropKind,
    View,
    seen_from,
)
from stretch.sheet import model as sheets
from stretch.sheet.html import INSET_MM, INSET_SCALE, html
from tests.conftest import DEFAULTS, write_user_file
from tests.test_golden import check

BAD = Path(__file__).parent / "data" / "bad-figure"
README = Path(__file__).resolve().parents[1] / "README.md"
FIELD = "moves.test-move.figure"

# file -> the message after "path:"
EXPECTED = {
    "figure-bad-view.yaml": f"11:13: {FIELD}.view: 'sid' is not one of: side, front, top, "
    "three-quarter (did you mean 'side'?)",
    "figure-chair-two-numbers.yaml": f"12:30: {FIELD}.props[1]: a chair takes [front, back, "
    "seat]: write 'chair: [40, 58, 24]'",
    "figure-counted-no-end.yaml": f"12:7: {FIELD}.end: missing (a counted exercise is drawn as "
    "a 'start' and an 'end' pose)",
    "figure-counted-one-pose.yaml": f"14:7: {FIELD}.pose: a counted exercise (reps with a tempo) "
    "is drawn as a 'start' and an 'end' pose, not one 'pose'",
    "figure-floor-number.yaml": f"12:23: {FIELD}.props[0]: a floor takes no numbers: "
    "write '- floor'",
    "figure-hold-no-pose.yaml": f"11:7: {FIELD}.pose: missing (required)",
    "figure-hold-with-start.yaml": f"13:7: {FIELD}.start: a held move is drawn as one 'pose'; "
    "'start' and 'end' are for counted exercises",
    "figure-missing-joint.yaml": f"14:9: {FIELD}.pose.far-foot: missing (required)",
    "figure-no-view.yaml": f"11:7: {FIELD}.view: missing (required)",
    "figure-not-mapping.yaml": f"10:13: {FIELD}: expected a mapping of keys, got 'stick'",
    "figure-point-number.yaml": f"15:15: {FIELD}.pose.neck: expected a point [x, y], "
    "got the number 64",
    "figure-point-three.yaml": f"15:15: {FIELD}.pose.neck: expected a point [x, y], "
    "got 3 entries; a depth z is for 'view: three-quarter'",
    "figure-depth-four.yaml": f"14:15: {FIELD}.pose.neck: expected a point [x, y] or "
    "[x, y, z], got 4 entries",
    "figure-depth-out-of-range.yaml": f"20:28: {FIELD}.pose.near-knee: z 31 is out of range "
    "(-30 to 30)",
    "figure-turn-in-side-view.yaml": f"12:13: {FIELD}.turn: 'turn' sets the camera of a "
    "three-quarter view; this figure's view is 'side'",
    "figure-tilt-out-of-range.yaml": f"13:13: {FIELD}.tilt: tilt 95 is out of range (0-90)",
    "figure-turn-not-a-number.yaml": f"12:13: {FIELD}.turn: turn must be a whole number, "
    "got 'left'",
    "figure-end-missing-toes.yaml": f"27:9: {FIELD}.end.near-toes: missing (the start pose "
    "has it, and a counted figure moves each joint from its start to its end)",
    "figure-end-extra-bend.yaml": f"37:9: {FIELD}.end.mid-back: not in the start pose (a "
    "counted figure moves each joint from its start to its end)",
    "figure-props-empty.yaml": f"12:14: {FIELD}.props: the list is empty",
    "figure-seat-too-high.yaml": f"14:27: {FIELD}.props[1]: seat 70 is out of range (0-60)",
    "figure-two-props-one-entry.yaml": f"12:15: {FIELD}.props[0]: one prop per entry, like "
    "'wall: 90'; start each with '- '",
    "figure-unknown-joint.yaml": f"21:9: {FIELD}.pose.near-kne: unknown key 'near-kne' "
    "(did you mean 'near-knee'?)",
    "figure-unknown-key.yaml": f"13:7: {FIELD}.poses: unknown key 'poses' "
    "(did you mean 'pose'?)",
    "figure-unknown-prop-key.yaml": f"12:23: {FIELD}.props[1]: 'chiar' is not one of: floor, "
    "wall, cushion, chair, bed (did you mean 'chair'?)",
    "figure-unknown-prop.yaml": f"12:15: {FIELD}.props[0]: 'flor' is not one of: floor, wall, "
    "cushion, chair, bed (did you mean 'floor'?)",
    "figure-wall-list.yaml": f"12:22: {FIELD}.props[0]: a wall takes x: write 'wall: 90'",
    "figure-x-out-of-range.yaml": f"14:16: {FIELD}.pose.head: x 101 is out of range (0-100)",
    "figure-y-not-a-number.yaml": f"16:19: {FIELD}.pose.hip: y must be a whole number, "
    "got 'low'",
    "figure-inset-start.yaml": f"27:9: {FIELD}.inset.start: an inset is drawn as one 'pose' "
    "(the position seen from another camera), not a 'start' and an 'end'",
    "figure-inset-in-inset.yaml": f"39:9: {FIELD}.inset.inset: an inset has no inset of its "
    "own",
    "figure-inset-no-view.yaml": f"26:9: {FIELD}.inset.view: missing (required)",
    "figure-inset-not-mapping.yaml": f"25:14: {FIELD}.inset: expected a mapping of keys, "
    "got 'from above'",
}
COUNTED = ("glute-bridge", "clamshell", "bird-dog", "dead-bug", "curl-up", "hip-hinge",
           "standing-leg-raise", "single-leg-bridge", "standing-bird-dog")
PLAIN = re.compile(r"[ \u2800-\u28ff→↓]*")  # what a braille drawing is made of, and nothing else


# --- the format -------------------------------------------------------------------------

def test_every_figure_fixture_has_an_expected_message() -> None:
    assert sorted(p.name for p in BAD.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_figure_gives_one_exact_line(name: str, stretch_home: Path) -> None:
    path = write_user_file(stretch_home, name, (BAD / name).read_text())
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(user_dir=stretch_home / "routines")
    assert caught.value.message == f"{path}:{EXPECTED[name]}"


def readme_example() -> str:
    """The complete example under 'Drawing a figure for your own move'."""
    section = README.read_text().split("## Drawing a figure for your own move", 1)[1]
    return section.split("```yaml\n", 1)[1].split("```", 1)[0]


def test_the_readme_example_is_a_good_figure(stretch_home: Path) -> None:
    write_user_file(stretch_home, "mine.yaml", readme_example())
    move = load_catalogue(user_dir=stretch_home / "routines").moves["wall-hip-flexor"]
    figure = move.figure
    assert figure is not None and figure.view == "side" and not figure.counted
    assert figure.props == (Prop("floor"), Prop("wall", (22,)), Prop("cushion", (58,)))
    points = figure.pose(None).points()
    assert points["head"] == (44, 40) and points["near-toes"] == (73, 2)


def test_a_counted_figure_has_a_start_and_an_end(stretch_home: Path) -> None:
    text = (BAD / "figure-counted-no-end.yaml").read_text()
    pose = text.split("      start:\n", 1)[1]
    write_user_file(stretch_home, "mine.yaml",
                    text + "      end:\n" + pose.replace("hip: [46, 3]", "hip: [46, 12]"))
    figure = load_catalogue(user_dir=stretch_home / "routines").moves["test-move"].figure
    assert figure is not None and figure.counted
    assert figure.pose("start").points()["hip"] == (46, 3)
    assert figure.pose("end").points()["hip"] == (46, 12)
    assert figure.pose(None) == figure.pose("end")  # held, a counted move holds its end


def counted_with_inset(stretch_home: Path) -> Figure:
    """A user's counted move whose figure carries a second view from above."""
    text = (BAD / "figure-counted-no-end.yaml").read_text()
    pose = text.split("      start:\n", 1)[1]
    deeper = "".join("  " + line for line in pose.splitlines(keepends=True))
    inset = "      inset:\n        view: top\n        pose:\n" + deeper
    write_user_file(stretch_home, "mine.yaml", text + "      end:\n" + pose + inset)
    figure = load_catalogue(user_dir=stretch_home / "routines").moves["test-move"].figure
    assert figure is not None
    return figure


def test_an_inset_is_a_second_view_in_one_pose_even_for_a_counted_move(
        stretch_home: Path) -> None:
    figure = counted_with_inset(stretch_home)
    assert figure.counted and figure.view == "side"
    inset = figure.inset
    assert inset is not None and inset.view == "top" and inset.inset is None
    assert not inset.counted and inset.pose(None) == figure.pose("start")


@pytest.mark.parametrize(("view", "tilt", "words"), [
    ("side", 0, "Seen from the side"), ("front", 0, "Seen from the front"),
    ("top", 0, "Seen from above"), ("three-quarter", 60, "Seen from above"),
    ("three-quarter", 30, "Seen from above, at a slant"), ("three-quarter", 5, "Seen at a slant"),
])
def test_a_view_says_where_it_is_seen_from(view: View, tilt: int, words: str) -> None:
    assert seen_from(Figure(view, (), crossing().poses, camera=(35, tilt))) == words


def test_a_level_view_along_the_body_says_from_which_end() -> None:
    """`crossing` lies with its head at the right: a camera turned to the figure's left
    end looks from its feet, turned the other way from its head."""
    poses = crossing().poses
    assert seen_from(Figure("three-quarter", (), poses, camera=(90, 2))) == "Seen from the feet end"
    assert seen_from(Figure("three-quarter", (), poses, camera=(-70, 0))) == "Seen from the head end"
    assert seen_from(Figure("three-quarter", (), poses, camera=(50, 0))) == "Seen at a slant"


def test_an_inset_is_printed_under_the_drawing_named_by_where_it_is_seen_from(
        runner: CliRunner, stretch_home: Path) -> None:
    counted_with_inset(stretch_home)
    card = printed_card(runner, stretch_home)
    inset = card.find(".//figure[@class='inset']")
    assert inset is not None and inset.findtext("figcaption") == "Seen from above"
    drawn, start = inset.find("svg"), card.find(".//div[@class='frames']/svg")
    assert drawn is not None and drawn.findtext("title") == "Test move: seen from above"
    assert start is not None and start.findtext("title") == "Test move: start"
    assert scale(drawn) == pytest.approx(INSET_SCALE * scale(start))  # smaller, in proportion
    data = json.loads(runner.invoke(app, ["moves", "test-move", "--json"]).stdout)
    assert data[0]["figure"]["inset"]["view"] == "top"
    assert set(data[0]["figure"]["inset"]) == {"view", "props", "pose"}


def printed_card(runner: CliRunner, stretch_home: Path) -> ET.Element:
    """The HTML sheet's card of the user's `test-move`, in a routine of its own."""
    write_user_file(stretch_home, "mine-routine.yaml",
                    "routines:\n  mine:\n    title: Mine\n    items:\n      - move: test-move\n")
    page = runner.invoke(app, ["sheet", "mine", "--format", "html"])
    assert page.exit_code == 0, page.output
    card, = cards(page.stdout)
    return card


def scale(drawn: ET.Element) -> float:
    """An SVG's millimetres on paper per unit of the grid."""
    return float(drawn.get("width", "").removesuffix("mm")) / float(
        drawn.get("viewBox", "").split()[2])


STANDING = """
        pose: {head: [50, 51], neck: [50, 45], hip: [50, 27], near-elbow: [46, 36],
               near-hand: [45, 28], far-elbow: [54, 36], far-hand: [55, 28],
               near-knee: [47, 14], near-foot: [47, 2], far-knee: [53, 14], far-foot: [53, 2]}
"""


def test_a_narrow_inset_under_a_wide_drawing_is_still_20_mm_wide(
        runner: CliRunner, stretch_home: Path) -> None:
    """A person standing, seen from the front, under one lying down: at 0.7 of the
    lying figure's scale it would print about 10 mm wide."""
    text, poses = (BAD / "figure-hold-with-start.yaml").read_text().split("      start:\n")
    lying = poses.split("      end:\n")[0]
    write_user_file(stretch_home, "mine.yaml", text + "      pose:\n" + lying
                    + "      inset:\n        view: front\n" + STANDING.lstrip("\n"))
    drawn = printed_card(runner, stretch_home).find(".//figure[@class='inset']/svg")
    assert drawn is not None and drawn.findtext("title") == "Test move: seen from the front"
    assert float(drawn.get("width", "").removesuffix("mm")) == pytest.approx(INSET_MM)


def test_every_builtin_move_has_a_figure_with_the_right_frames(builtin: Catalogue) -> None:
    assert len(builtin.moves) == 26
    for move in builtin.moves.values():
        assert move.figure is not None, move.id
        assert move.figure.counted == (move.tempo is not None), move.id
    assert {m.id for m in builtin.moves.values() if m.tempo} == set(COUNTED)


# A standing adult's limbs on the grid (README: ankles 2, knees 14, hips 27, shoulders
# 45); a limb seen at a slant looks shorter, never longer. SLACK allows for whole numbers.
LIMBS = {
    ("neck", "hip"): 18, ("hip", "near-knee"): 13, ("hip", "far-knee"): 13,
    ("near-knee", "near-foot"): 12, ("far-knee", "far-foot"): 12,
    ("neck", "near-elbow"): 10, ("neck", "far-elbow"): 10,
    ("near-elbow", "near-hand"): 9, ("far-elbow", "far-hand"): 9,
    ("near-foot", "near-toes"): 6, ("far-foot", "far-toes"): 6,
}
SLACK = 1.2


def test_no_builtin_figure_draws_a_limb_longer_than_a_body_has(builtin: Catalogue) -> None:
    too_long = []
    drawn = [(move.id, figure) for move in builtin.moves.values()
             for figure in (move.figure, move.figure and move.figure.inset) if figure]
    for name, figure in drawn:
        for frame in geometry.frames(figure, None):
            points = joints_at(figure, frame)
            bent = [("hip", "mid-back"), ("mid-back", "neck")] if "mid-back" in points else []
            trunk = sum(math.dist(points[a], points[b]) for a, b in bent)
            too_long += [f"{name} {frame or 'pose'} trunk: {trunk:.1f}"] if trunk > 18 + SLACK \
                else []
            too_long += [f"{name} {frame or 'pose'} {a}-{b}: "
                         f"{math.dist(points[root(points, a, b)], points[b]):.1f} "
                         f"(a body has {length})"
                         for (a, b), length in LIMBS.items()
                         if b in points
                         and math.dist(points[root(points, a, b)], points[b]) > length + SLACK]
    assert too_long == []


def root(points: dict[str, tuple[float, float, float]], joint: str, limb: str) -> str:
    """Where a limb starts: in a three-quarter view an arm at its shoulder and a leg at its
    hip, either side of the trunk (`joints_at` adds them); elsewhere the neck or the hip."""
    side = limb.split("-", maxsplit=1)[0]
    girdle = {"neck": f"{side}-shoulder", "hip": f"{side}-hip"}.get(joint, joint)
    return girdle if girdle in points else joint


# --- the limb that does the work is the bold one (a physiotherapist's review) ------------

def test_the_dead_bug_lowers_the_opposite_arm_and_leg(builtin: Catalogue) -> None:
    """The arm and the leg that lower are on opposite sides, as the cues say: the near
    (solid) leg and the far arm. Both near limbs moving drew a same-side reach."""
    figure = figure_of(builtin, "dead-bug")
    start, end = (pose.points() for pose in figure.poses)
    moved = {joint for joint in start if start[joint] != end[joint]}
    assert moved == {"far-elbow", "far-hand", "near-knee", "near-foot"}


def test_the_bird_dog_reaches_the_leg_back_no_higher_than_the_hip(builtin: Catalogue) -> None:
    """Its caution says to lift the leg no higher than the hip; the leg drawn rising above
    it showed the arched back the caution warns against. Level with the trunk instead."""
    end = figure_of(builtin, "bird-dog").pose("end").points()
    hip, neck = end["hip"], end["neck"]
    assert abs(hip[1] - neck[1]) <= 1  # the trunk level, as on all fours
    for joint in ("near-knee", "near-foot"):
        assert hip[1] - 2 <= end[joint][1] <= hip[1], joint  # level, no higher than the hip
    assert end["near-foot"][0] - hip[0] >= 20  # reached right back, not hanging down


def test_the_clamshell_opens_the_top_knee_with_the_feet_together(builtin: Catalogue) -> None:
    """Seen from above at a slant, the lifted knee seemed to swing back over the trunk;
    seen from the person's front, the top knee opens away from the bottom one like a
    shell while the feet stay stacked."""
    figure = figure_of(builtin, "clamshell")
    assert figure.view == "front"
    start, end = (pose.points() for pose in figure.poses)
    for pose in (start, end):
        assert pose["near-foot"][0] == pose["far-foot"][0]  # heels together ...
        assert 0 < pose["near-foot"][1] - pose["far-foot"][1] <= 4  # ... the top one on top
        assert pose["head"][0] < pose["hip"][0] < pose["near-knee"][0]  # lying along x
    assert start["near-knee"][1] - start["far-knee"][1] <= 5  # knees together at the start
    for knee, foot in (("near-knee", "near-foot"), ("far-knee", "far-foot")):
        assert start[knee][1] < min(start["hip"][1], start[foot][1])  # bent: hip 45, knee 90
    assert end["near-knee"][1] - end["far-knee"][1] >= 10  # the top knee opened


def test_the_frog_is_seen_from_above_with_both_knees_out_wide(builtin: Catalogue) -> None:
    """Seen from the side, the far thigh shrank to a stub and the frog read as one leg
    out; at a slant from above, the far thigh still drew shorter than the near: straight
    down, both knees spread as wide on the page, shins back, feet turned out."""
    figure = figure_of(builtin, "frog")
    assert figure.view == "three-quarter" and figure.camera == (0, 90)
    points = joints_at(figure, None)
    near, far, hip = points["near-knee"], points["far-knee"], points["hip"]
    assert near[2] >= 10 and far[2] == -near[2]  # as wide each side
    for side in ("near", "far"):
        knee, foot, toes = (points[f"{side}-{j}"] for j in ("knee", "foot", "toes"))
        assert foot[0] > knee[0] and foot[2] == knee[2]  # the shin back, ankle in line
        assert abs(toes[2]) > abs(foot[2])  # the foot turned out
    assert knee[0] - hip[0] <= 2  # the knees out to the sides of the hips
    hand = points["near-hand"]
    assert hand[2] >= 7 and points["far-hand"][2] == -hand[2]  # both forearms flat ...
    assert points["head"][1] <= 6  # ... either side of a low head, not hidden behind it
    on_page = {name: project(figure, p) for name, p in points.items()}
    thighs = [math.dist(on_page[f"{side}-hip"], on_page[f"{side}-knee"]) for side in ("near", "far")]
    assert thighs[0] == pytest.approx(thighs[1])  # as long on the page: both knees as wide

    def braille_mat(move_id: str) -> list[tuple[int, bool]]:  # what the screen draws of it
        return [(len(s.points), s.under) for s in
                geometry.drawing(figure_of(builtin, move_id)).props if not s.fine]
    assert braille_mat("frog") == [(3, True)] * 4  # from above: its corners, under the body
    assert braille_mat("side-plank") == [(2, False)]  # at a slant: its front edge alone
    on_mat = [abs(p[2]) for p in points.values() if p[1] <= geometry.ON_THE_FLOOR]
    assert geometry._span(figure)[2] > max(on_mat)  # the mat's edge is not across a knee


def test_a_body_lying_on_its_side_has_no_shoulder_or_hip_bars(builtin: Catalogue) -> None:
    """Lying on one side, the shoulders and hips stand one above the other: drawn as bars
    across the trunk they read as extra limbs (the side plank), so the limbs start at the
    neck and the hip; on all fours the bars stay, and give the body its width."""
    def bars(move_id: str) -> list[float]:
        at = joints_at(figure_of(builtin, move_id), None)
        return [math.dist(at[f"near-{part}"], at[f"far-{part}"]) for part in ("shoulder", "hip")]

    assert bars("side-plank") == [0.0, 0.0]  # the limbs start at the neck and the hip
    assert min(bars("bird-dog")) >= 5  # shoulders and hips across the trunk


def test_shoulders_and_hips_lie_across_the_body_not_along_it(builtin: Catalogue) -> None:
    """Pigeon's knee forward and leg back tilted its shoulder bar along the trunk, where
    it stood up behind the head like a stray limb: the bars lie across, towards the near
    side, whatever the limbs do along the body."""
    for move in builtin.moves.values():
        assert move.figure is not None
        if move.figure.view != "three-quarter":
            continue
        for frame in geometry.frames(move.figure, None):
            at = joints_at(move.figure, frame)
            for part, centre in (("shoulder", "neck"), ("hip", "hip")):
                assert at[f"near-{part}"][0] == pytest.approx(at[centre][0], abs=0.5), \
                    (move.id, part)
                assert at[f"near-{part}"][2] >= at[centre][2], (move.id, part)


def test_the_side_plank_from_the_feet_props_on_a_forearm_pointing_forward(
        builtin: Catalogue) -> None:
    """Seen from the front, the forearm lay along the floor past the head, a front plank's
    arm: turned towards the head, the forearm lies on the mat under the shoulder, square
    to the body, and the body is one straight line from the feet."""
    figure = figure_of(builtin, "side-plank-feet")
    assert figure.view == "three-quarter" and figure.camera[0] > 0
    at = joints_at(figure, None)
    elbow, hand = at["near-elbow"], at["near-hand"]
    assert elbow[1] <= 1 and hand[1] <= 1  # the forearm flat on the floor ...
    assert abs(elbow[0] - at["neck"][0]) <= 2  # ... the elbow under the shoulder ...
    assert hand[2] - elbow[2] >= 7 and abs(hand[0] - elbow[0]) <= 1  # ... pointing forward
    slope = (at["hip"][1] - at["near-foot"][1]) / (at["hip"][0] - at["near-foot"][0])
    assert at["neck"][1] == pytest.approx(
        at["hip"][1] + slope * (at["neck"][0] - at["hip"][0]), abs=1.5)  # one line


def test_the_bird_dog_is_drawn_with_a_level_back_and_leg(builtin: Catalogue) -> None:
    """Turned far round, the camera tilted the whole figure uphill and the reaching leg
    seemed to rise above the hip: on the page the back and the reaching leg are level."""
    figure = figure_of(builtin, "bird-dog")
    on_page = {name: project(figure, p) for name, p in joints_at(figure, "end").items()}
    hip_y = on_page["hip"][1]
    for joint in ("neck", "near-knee", "near-foot"):
        assert abs(on_page[joint][1] - hip_y) <= 3, joint


def test_a_foot_seen_from_the_front_stands_on_the_floor(builtin: Catalogue) -> None:
    """Seen from the front, a leg ended at the ankle, two units above the floor line, and
    the person seemed to float: a foot without toes just above the floor reaches it."""
    legs = [s for s in geometry.drawing(figure_of(builtin, "standing-figure-four")).front
            if s.layer == "near" and len(s.points) >= 3]
    assert min(s.points[-1][1] for s in legs) == 0.0  # the standing foot on the floor
    side = geometry.drawing(figure_of(builtin, "standing-hip-flexor"))
    assert all(len(s.points) <= 4 for s in side.far + side.front)  # side views: as drawn


def test_the_standing_hip_flexor_takes_a_long_step_hips_forward_back_heel_up(
        builtin: Catalogue) -> None:
    """A short step with the hips midway between the feet read as a walking stride: the
    stance is long, the hips eased towards the front foot, the back heel lifted."""
    points = figure_of(builtin, "standing-hip-flexor").pose(None).points()
    front, back, hip = points["far-foot"], points["near-foot"], points["hip"]
    assert back[0] - front[0] >= 25  # a long step (the person faces left)
    assert hip[0] - front[0] < back[0] - hip[0]  # the hips nearer the front foot
    toes = points["near-toes"]
    assert toes[0] < back[0] and toes[1] < back[1]  # on the ball of the back foot
    assert abs(points["neck"][0] - hip[0]) <= 1  # chest tall, no lean back


def test_the_wide_knee_sit_rests_its_elbows_on_the_inside_of_the_knees(
        builtin: Catalogue) -> None:
    """Elbows a third of the way up the thighs, above them, read as sitting tall with the
    arms reaching down: they rest just inside each knee, the forearms hanging between."""
    points = figure_of(builtin, "seated-adductor").pose(None).points()
    for side in ("near", "far"):
        elbow, knee, hand = (points[f"{side}-{j}"] for j in ("elbow", "knee", "hand"))
        assert math.dist(elbow, knee) <= 4  # at the knee ...
        assert abs(elbow[0] - 50) < abs(knee[0] - 50)  # ... on its inside
        assert abs(hand[0] - 50) < abs(elbow[0] - 50) and hand[1] < elbow[1]  # hanging in


def test_the_standing_bird_dog_reaches_the_leg_back_in_line_with_its_back(
        builtin: Catalogue) -> None:
    """Standing, the back is hinged forward: the leg goes back in line with it, which is
    below the hip; lifted level with the hip it would arch the back (its caution)."""
    figure = figure_of(builtin, "standing-bird-dog")
    start, end = (pose.points() for pose in figure.poses)
    worktop = next(p for p in figure.props if p.kind == "bed").at
    for pose in (start, end):
        for hand in ("near-hand", "far-hand"):  # both hands on the worktop
            x, y = pose[hand][:2]
            assert worktop[0] <= x <= worktop[1] and y == worktop[2], hand
        assert pose["far-foot"][1] <= 2  # the standing leg stays down
    assert start["near-foot"][1] <= 2
    hip, neck = end["hip"], end["neck"]
    trunk = math.atan2(hip[1] - neck[1], hip[0] - neck[0])
    assert math.radians(20) <= -trunk <= math.radians(60)  # hinged forward, a long back
    for joint in ("near-knee", "near-foot"):
        assert end[joint][1] < hip[1], joint  # no higher than the hip
        leg = math.atan2(end[joint][1] - hip[1], end[joint][0] - hip[0])
        assert abs(leg - trunk) <= math.radians(5), joint  # in line with the back


def test_the_supine_figure_four_draws_the_crossed_leg_bold_with_its_ankle_on_the_knee(
        builtin: Catalogue) -> None:
    """The working (crossed, left) leg is the bold near one: the head lies to the right,
    so the near side is the left. The held thigh behind it is lifted."""
    points = figure_of(builtin, "figure-four").pose(None).points()
    hip, held = points["hip"], points["far-knee"]
    assert points["head"][0] > hip[0]  # head to the right: the left side faces us
    assert held[1] - hip[1] >= 10  # the held thigh is lifted
    knee, ankle = points["near-knee"], points["near-foot"]
    assert off_line(held, knee, ankle) <= 2  # the crossed shin lies over that knee (a 4)
    assert math.dist(knee, ankle) > math.dist(knee, held)  # the ankle just past it
    assert points["near-toes"][1] > held[1]  # the crossed foot above it, toes pulled up
    assert points["near-knee"][1] < held[1]  # the crossed knee dropped open below it


def off_line(point: tuple[float, ...], a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """How far a point lies from the segment a-b, on the page."""
    (px, py), (ax, ay), (bx, by) = point[:2], a[:2], b[:2]
    length = (bx - ax) ** 2 + (by - ay) ** 2
    t = max(0.0, min(1.0, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / length))
    return math.dist((px, py), (ax + t * (bx - ax), ay + t * (by - ay)))


def test_pigeon_draws_the_folded_leg_bold_its_shin_across_and_the_back_leg_long(
        builtin: Catalogue) -> None:
    """The working (folded, left) leg is near and bold: the figure faces left, so the near
    side is the left; the back leg runs long and straight behind."""
    figure = figure_of(builtin, "pigeon")
    points = joints_at(figure, None)
    hip, knee, foot = points["hip"], points["far-knee"], points["far-foot"]
    on_the_mat = ("near-hand", "far-hand", "near-knee", "near-foot", "far-knee", "far-foot")
    assert all(points[joint][1] <= 1 for joint in on_the_mat)  # no hand floats
    assert points["head"][0] < hip[0]  # facing left
    assert knee[0] > hip[0] + 10 and foot[0] > knee[0] + 10  # long behind the hip ...
    assert abs(foot[2] - knee[2]) <= 2  # ... and straight back
    front_knee, front_foot = points["near-knee"], points["near-foot"]
    assert front_knee[0] < hip[0] and front_knee[2] > 0  # forward, on the near side
    assert abs(front_foot[2] - front_knee[2]) > abs(front_foot[0] - front_knee[0])  # across


def test_the_thomas_figure_lies_on_the_bed_and_fills_its_box(builtin: Catalogue) -> None:
    """The torso rests on the mattress with the hip at the very end of the bed, and the
    bed is no longer than the body needs, so the body, not the bed, fills the drawing."""
    figure = figure_of(builtin, "thomas-stretch")
    points = figure.pose(None).points()
    low, high, top = next(p for p in figure.props if p.kind == "bed").at
    assert all(top < points[joint][1] <= top + 2 for joint in ("hip", "neck"))
    assert low <= points["hip"][0] <= low + 2  # the hip at the end the leg hangs off
    assert 0 <= high - (points["head"][0] + HEAD_RADIUS) <= 5
    x0, y0, x1, y1 = geometry.bounds(figure)
    xs = [p[0] for p in points.values()] + [points["head"][0] + r for r in (-HEAD_RADIUS, HEAD_RADIUS)]
    ys = [p[1] for p in points.values()]
    assert max(xs) - min(xs) >= 0.8 * (x1 - x0) and max(ys) - min(ys) >= 0.75 * (y1 - y0)


def test_a_bed_top_is_drawn_in_print_only(builtin: Catalogue) -> None:
    """A body lying on the bed would share the top's row of braille dots and merge with
    it; the mattress line below stays, with a gap (the mattress) above it."""
    figure = figure_of(builtin, "thomas-stretch")
    top = next(p for p in figure.props if p.kind == "bed").at[2]
    lines = geometry.drawing(figure).props
    level = [s for s in lines if len(s.points) == 2 and s.points[0][1] == s.points[1][1]]
    assert sorted((s.points[0][1], s.fine) for s in level) == [
        (0.0, False), (top - 4, False), (top, True)]  # the floor, the mattress line, the top


def test_figures_come_back_whole_from_the_cache(tmp_path: Path, builtin: Catalogue) -> None:
    kept = tmp_path / "catalogue.pickle"
    load_catalogue(user_dir=None, cache=kept)
    written = kept.stat().st_mtime_ns
    again = load_catalogue(user_dir=None, cache=kept)
    assert kept.stat().st_mtime_ns == written  # read from the pickle, not parsed again
    assert {k: m.figure for k, m in again.moves.items()} == {
        k: m.figure for k, m in builtin.moves.items()}


def test_a_hold_is_the_same_in_every_frame(builtin: Catalogue) -> None:
    figure = builtin.moves["pigeon"].figure
    assert figure is not None
    assert figure.pose("start") == figure.pose("end") == figure.pose(None)


# --- braille ----------------------------------------------------------------------------

def figure_of(catalogue: Catalogue, move_id: str) -> Figure:
    figure = catalogue.moves[move_id].figure
    assert figure is not None
    return figure


# The figure's room beside the digits at 100x32 and at 200x55 (session/layout.py).
GOLDEN_SIZES = ((38, 14), (78, 33))


def test_braille_is_stable_for_a_hold_and_a_counted_move_at_two_sizes(builtin: Catalogue) -> None:
    """Golden drawings: pigeon (a three-quarter hold) and the glute bridge (a side view
    that moves) at the live view's two benchmark sizes; the bridge at its start, half way
    and its end, and both frames side by side as `moves` shows them."""
    pigeon = figure_of(builtin, "pigeon")
    bridge = figure_of(builtin, "glute-bridge")
    for width, height in GOLDEN_SIZES:
        check(f"figure-pigeon-{width}x{height}",
              "\n".join(braille.render(pigeon, width=width, height=height)) + "\n")
        moments: tuple[Moment, ...] = ("start", 0.5, "end")
        frames = [f"{moment}:\n" + "\n".join(braille.render(bridge, width=width,
                                                            height=height, frame=moment))
                  for moment in moments]
        both = "\n".join(braille.render(bridge, width=64, height=7))
        check(f"figure-glute-bridge-{width}x{height}",
              "\n".join([*frames, "both:", both]) + "\n")


@pytest.mark.parametrize(("width", "height"), [(1, 1), (3, 2), (10, 3), (22, 9), (80, 30)])
def test_braille_fills_exactly_the_cells_given_with_plain_text(
    builtin: Catalogue, width: int, height: int
) -> None:
    for move in builtin.moves.values():
        assert move.figure is not None
        for frame in (None, "start", "end"):
            lines = braille.render(move.figure, width=width, height=height, frame=frame)
            assert len(lines) == height and {len(line) for line in lines} == {width}, move.id
            assert all(PLAIN.fullmatch(line) for line in lines), move.id
            assert any(line.strip() for line in lines), move.id


def test_braille_frames_differ_and_both_show_an_arrow(builtin: Catalogue) -> None:
    bridge = figure_of(builtin, "glute-bridge")
    start = braille.render(bridge, width=30, height=8, frame="start")
    end = braille.render(bridge, width=30, height=8, frame="end")
    assert start != end
    assert "→" in "".join(braille.render(bridge, width=64, height=8))  # lying: side by side
    assert "↓" in "".join(braille.render(bridge, width=20, height=9))  # narrow: one above


def dots(lines: list[str]) -> set[tuple[int, int]]:
    """The inked dots of braille text, as (column, row) of the dot grid."""
    found = set()
    for row, line in enumerate(lines):
        for col, cell in enumerate(line):
            bits = ord(cell) - 0x2800 if "\u2800" <= cell <= "\u28ff" else 0
            for (dx, dy), bit in DOT_BITS.items():
                if bits & bit:
                    found.add((col * 2 + dx, row * 4 + dy))
    return found


DOT_BITS = {(0, 0): 0x01, (0, 1): 0x02, (0, 2): 0x04, (0, 3): 0x40,
            (1, 0): 0x08, (1, 1): 0x10, (1, 2): 0x20, (1, 3): 0x80}


def test_the_right_side_is_the_mirror_of_the_left(builtin: Catalogue) -> None:
    sided = [m for m in builtin.moves.values() if m.sided]
    assert len(sided) == 17
    for move in sided:
        assert move.figure is not None
        for frame in ("start", "end"):
            left = geometry.drawing(move.figure, frame)
            right = geometry.drawing(move.figure, frame, "right")
            flip = [[(round(WIDTH - x, 6), round(y, 6)) for x, y in s.points]
                    for s in left.strokes]
            same = [[(round(x, 6), round(y, 6)) for x, y in s.points] for s in right.strokes]
            assert flip == same, move.id
            assert (WIDTH - left.head[0], left.head[1]) == right.head
            # in braille too, up to two dots either way: a two-dot pen cannot be centred,
            # and a head's centre and a line's ends round to the nearest dot
            shown = braille.render(move.figure, width=40, height=12, frame=frame)
            mirrored = braille.render(move.figure, width=40, height=12, frame=frame,
                                      side="right")
            flipped = {(79 - x, y) for x, y in dots(shown)}
            assert mirrored != shown, move.id
            assert near(dots(mirrored), flipped) and near(flipped, dots(mirrored)), move.id


def near(these: set[tuple[int, int]], those: set[tuple[int, int]]) -> bool:
    """Every dot of `these` has a dot of `those` at most two dots away."""
    reach = range(-2, 3)
    return all(any((x + dx, y + dy) in those for dx in reach for dy in reach)
               for x, y in these)


def test_mirroring_flips_the_page_and_keeps_near_limbs_near() -> None:
    """The right side is the left's mirror on the page, after the three-quarter view's
    camera has turned it, so the depth slants the other way too; near limbs stay near."""
    pose = Pose(tuple((name, (30 + i, 10 + i, 5 if name.startswith("near") else 0))
                      for i, name in enumerate(JOINTS)))
    figure = Figure("three-quarter", (Prop("floor"), Prop("wall", (90,))), (pose,),
                    camera=(40, 30))
    left = geometry.drawing(figure)
    right = geometry.drawing(figure, side="right")
    assert [s.layer for s in right.strokes] == [s.layer for s in left.strokes]
    for a, b in zip(left.strokes, right.strokes, strict=True):
        assert [(round(WIDTH - x, 6), y) for x, y in a.points] == \
            [(round(x, 6), y) for x, y in b.points]
    assert right.box == (WIDTH - left.box[2], left.box[1], WIDTH - left.box[0], left.box[3])
    assert geometry.drawing(figure, side="left") == left
    assert WIDTH == 100



def test_every_stroke_of_a_figure_and_its_props_lies_inside_its_box(builtin: Catalogue) -> None:
    """Nothing is cut at the edge: a chair's back seen from the side leans past its seat,
    and its top once touched the box's edge, its end cut off."""
    sitting = Pose((("head", (41, 33)), ("neck", (45, 28)), ("hip", (55, 17)),
                    ("near-elbow", (40, 23)), ("near-hand", (44, 21)), ("far-elbow", (40, 23)),
                    ("far-hand", (44, 21)), ("near-knee", (48, 20)), ("near-foot", (42, 19)),
                    ("far-knee", (42, 16)), ("far-foot", (43, 3))))
    figures = [("chair", Figure("side", (Prop("floor"), Prop("chair", (46, 62, 15))),
                                (sitting,)))]
    figures += [(move.id, figure) for move in builtin.moves.values()
                for figure in (move.figure, move.figure and move.figure.inset) if figure]
    outside = []
    inside = 1.0  # a pen's half width from the edge, so no line end is cut
    for name, figure in figures:
        for frame in geometry.frames(figure, None):
            drawn = geometry.drawing(figure, frame)
            x0, y0, x1, y1 = drawn.box
            outside += [f"{name} {frame}: {stroke.layer} at {x:.1f}, {y:.1f}"
                        for stroke in drawn.strokes for x, y in stroke.points
                        if not (x0 + inside <= x <= x1 - inside and y0 + inside <= y <= y1 - inside)
                        and any(y for _, y in stroke.points)]  # a floor runs edge to edge
    assert outside == []


@pytest.mark.parametrize("kind", ["chair", "bed"])
def test_a_chair_or_bed_seen_at_three_quarters_stands_where_the_camera_puts_it(
        kind: PropKind) -> None:
    """Drawn flat, a chair in a three-quarter view stood off to one side of the body
    sitting on it: its seat is a slab the camera turns and tilts like the body."""
    pose = Pose(tuple((name, (40 + i, 16 + i % 5, 0)) for i, name in enumerate(JOINTS)))
    figure = Figure("three-quarter", (Prop(kind, (34, 66, 14)),), (pose,), camera=(35, 15))
    lines = geometry.drawing(figure).props
    half = SEAT if kind == "chair" else MAT  # the seat's or the bed's half depth
    near_front = project(figure, (34.0, 14.0, half))
    assert any(near_front in s.points for s in lines)  # a near corner of the seat
    assert (34.0, 14.0) not in [p for s in lines for p in s.points]  # not the flat one
    assert min(p[1] for s in lines for p in s.points) == pytest.approx(
        project(figure, (34.0, 0.0, half))[1])  # on its legs


@pytest.mark.parametrize(("turn", "front"), [(10, "long"), (-80, "short")])
def test_on_screen_a_mat_keeps_the_edge_nearest_the_camera(turn: int, front: str) -> None:
    """Its edge at the person's front stood up like a wall when the camera was behind
    them: on screen the mat keeps the edge lowest on the page, the one nearest you."""
    pose = Pose(tuple((name, (30 + i * 2, 1, 6 if name.startswith("near") else -6))
                      for i, name in enumerate(JOINTS)))
    figure = Figure("three-quarter", (Prop("floor"),), (pose,), camera=(turn, 30))
    outline, edge = geometry.drawing(figure).props
    assert outline.fine and not edge.fine and len(edge.points) == 2
    corners = outline.points[:4]
    pairs = zip(corners, corners[1:] + corners[:1], strict=True)
    lowest = min(pairs, key=lambda e: e[0][1] + e[1][1])
    assert set(edge.points) == set(lowest)
    # the outline runs from the head end's far corner: far, then round to the near side
    near_side, feet_end = set(corners[2:4]), set(corners[1:3])
    assert set(edge.points) == (near_side if front == "long" else feet_end)


def test_a_mat_seen_level_along_the_body_keeps_an_edge_across_the_page() -> None:
    """Looking along the body from its head end, level, every edge of the mat lies on the
    floor's line and its long edges shrink to a point: the one kept is the widest."""
    pose = Pose(tuple((name, (30 + i * 2, 1, 6 if name.startswith("near") else -6))
                      for i, name in enumerate(JOINTS)))
    figure = Figure("three-quarter", (Prop("floor"),), (pose,), camera=(90, 0))
    _, edge = geometry.drawing(figure).props
    (x0, _), (x1, _) = edge.points
    assert abs(x1 - x0) > 10  # the mat's width, not a point


# --- SVG --------------------------------------------------------------------------------

def test_svg_is_well_formed_accessible_and_escapes_its_title(builtin: Catalogue) -> None:
    for move in builtin.moves.values():
        assert move.figure is not None
        for side in ("left", "right"):
            root = ET.fromstring(svg.render(move.figure, side=side, title=move.name))
            assert root.tag == "svg" and root.get("role") == "img" and root.get("class") == "figure"
            assert root.findtext("title") == move.name
            assert len(root.get("viewBox", "").split()) == 4
            heads = [c for c in root.iter("circle") if c.get("class") == "head"]
            assert len(heads) == (2 if move.figure.counted else 1)
    figure = figure_of(builtin, "frog")
    text = svg.render(figure, title="<Frog> & 'co'")
    assert ET.fromstring(text).findtext("title") == "<Frog> & 'co'" and "<Frog>" not in text


def test_svg_draws_far_limbs_lighter_in_a_side_view_only(builtin: Catalogue) -> None:
    side = ET.fromstring(svg.render(figure_of(builtin, "pigeon"), title="p"))
    front = ET.fromstring(svg.render(figure_of(builtin, "butterfly"), title="b"))
    near = {p.get("stroke") for p in side.iter("path") if p.get("class") == "near"}
    far = {p.get("stroke") for p in side.iter("path") if p.get("class") == "far"}
    assert near and far and near.isdisjoint(far)
    assert not [p for p in front.iter("path") if p.get("class") == "far"]


def test_svg_joins_each_far_limb_to_the_body_over_the_white_edges(builtin: Catalogue) -> None:
    """The white edge around the body cut a far leg off below the hip (the standing bird
    dog's standing leg seemed to float): each far limb's first stretch is drawn again, in
    its colour, after the edges and before the body, from the joint it hangs from."""
    root = ET.fromstring(svg.render(figure_of(builtin, "standing-bird-dog"), moment="end",
                                    title="d"))
    paths = list(root.iter("path"))
    kinds = [p.get("class") for p in paths]
    far = [p for p in paths if p.get("class") == "far"]
    roots = [p for p in paths if p.get("class") == "far root"]
    assert len(roots) == len(far) == 2
    last_edge = max(i for i, kind in enumerate(kinds) if kind == "edge")
    first_body = kinds.index("body")
    for limb, stub in zip(far, roots, strict=True):
        assert last_edge < paths.index(stub) < first_body
        assert stub.get("stroke") == limb.get("stroke")
        start = limb.get("d", "").split(" L")[0]
        assert stub.get("d", "").startswith(start + " L")  # from the same joint


def cards(page: str) -> list[ET.Element]:
    """Each move card of an HTML sheet, parsed as XML (so each must be well-formed)."""
    return [ET.fromstring(card) for card in re.findall(r'<article class="move">.*?</article>', page)]


@pytest.mark.parametrize("name", ["hip-reset", "desk-break", "core-and-hips", "full-session"])
def test_every_card_of_the_html_sheet_has_one_drawing_of_its_move(
    builtin: Catalogue, name: str
) -> None:
    page = html(sheets.build(builtin.routines[name], builtin, DEFAULTS))
    found = cards(page)
    assert len(found) == len(builtin.routines[name].moves)
    for card, move in zip(found, builtin.routines[name].moves, strict=True):
        drawings = card.findall(".//svg")
        assert move.figure is not None
        insets = 1 if move.figure.inset else 0  # and a second view under them
        assert len(drawings) == (2 if move.figure.counted else 1) + insets  # start and end
        for drawing in drawings:
            title = drawing.findtext("title")
            assert title and title.startswith(move.name)  # the drawing of this move
            assert move.name in (card.findtext(".//h3") or "")


# --- a user's move without a figure -----------------------------------------------------

BARE = """moves:
  chair-twist-free:
    name: Seated hip shift
    kind: stretch
    group: gluteal
    sided: true
    position: seated
    hold: 20
    setup: Sit tall.
    cues: [Shift your weight]
routines:
  mine:
    title: Mine
    items:
      - move: chair-twist-free
      - move: pigeon
"""


def test_a_move_without_a_figure_works_everywhere(runner: CliRunner, stretch_home: Path) -> None:
    write_user_file(stretch_home, "mine.yaml", BARE)
    shown = runner.invoke(app, ["moves", "chair-twist-free"])
    assert shown.exit_code == 0 and "Seated hip shift" in shown.stdout
    assert "left side shown" not in shown.stdout
    data = json.loads(runner.invoke(app, ["moves", "--json"]).stdout)
    assert next(m for m in data if m["id"] == "chair-twist-free")["figure"] is None
    assert next(m for m in data if m["id"] == "pigeon")["figure"]["view"] == "three-quarter"
    assert runner.invoke(app, ["show", "mine"]).exit_code == 0
    page = runner.invoke(app, ["sheet", "mine", "--format", "html"])
    assert page.exit_code == 0
    found = cards(page.stdout)
    assert [len(c.findall(".//svg")) for c in found] == [0, 2]  # none; pigeon, seen twice
    sheet = runner.invoke(app, ["sheet", "mine", "--format", "terminal"])
    assert sheet.exit_code == 0 and "Seated hip shift" in sheet.stdout


def test_moves_shows_the_figure_as_plain_text_in_a_pipe(runner: CliRunner) -> None:
    result = runner.invoke(app, ["moves", "glute-bridge"])
    assert result.exit_code == 0 and "\x1b" not in result.stdout
    assert "start → end" in result.stdout
    drawing = [line for line in result.stdout.splitlines() if re.search("[\u2801-\u28ff]", line)]
    assert len(drawing) >= 4 and any("→" in line for line in drawing)
    assert max(len(line) for line in result.stdout.splitlines()) <= 100  # COLUMNS in tests


def test_moves_json_figure_is_the_catalogue_shape(runner: CliRunner, builtin: Catalogue) -> None:
    data = {m["id"]: m["figure"] for m in json.loads(runner.invoke(app, ["moves", "--json"]).stdout)}
    bridge = data["glute-bridge"]
    assert set(bridge) == {"view", "props", "start", "end"}
    assert bridge["props"] == ["floor"] and bridge["start"]["head"] == [72, 4]
    couch = data["couch-stretch"]
    assert set(couch) == {"view", "props", "pose"}
    assert couch["props"] == ["floor", {"wall": 77}, {"cushion": 72}]
    assert data["thomas-stretch"]["props"][1] == {"bed": [46, 78, 18]}


# --- braille made to be read from the floor --------------------------------------------

def crossing() -> Figure:
    """A side view whose near shin crosses its far leg, which lies straight along y 30."""
    spots = {"head": (80, 30), "neck": (74, 30), "hip": (50, 30),
             "near-elbow": (70, 40), "near-hand": (66, 48), "far-elbow": (78, 40),
             "far-hand": (82, 48), "near-knee": (45, 45), "near-foot": (35, 15),
             "far-knee": (40, 30), "far-foot": (28, 30)}
    return Figure("side", (Prop("floor"),), (Pose(tuple(spots.items())),))


def test_far_limbs_are_dotted_near_ones_solid_and_cut_where_they_cross() -> None:
    """Without colour the dots tell near from far: a near limb is an unbroken line one dot
    wide at this size, a far one two dots in three; where they cross, the far one stops
    short of the near one, so the crossing reads as two limbs, not a blob; it still
    starts at the hip it hangs from."""
    figure = crossing()
    inked = dots(braille.render(figure, width=40, height=16))
    canvas = braille._Canvas(80, 64, geometry.bounds(figure))
    near_shin = list(canvas.path(Stroke(((45, 45), (35, 15)), "near")))
    far_leg = list(canvas.path(Stroke(((50, 30), (40, 30), (28, 30)), "far")))
    assert canvas.pen == 1
    assert all(dot in inked for dot in near_shin)  # solid
    shown = [dot in inked for dot in far_leg]
    away = [seen for dot, seen in zip(far_leg, shown, strict=True)
            if dot not in near_shin and min(abs(dot[0] - x) for x, _ in near_shin) > 3]
    assert sum(away) >= len(away) // 2  # there, dense enough to read from the floor ...
    assert not any(all(shown[i:i + 3]) for i in range(len(shown) - 2))  # ... and dotted
    assert shown[1]  # joined to the hip, though the gap around the trunk passes there
    reach = range(-braille.GAP_DOTS, braille.GAP_DOTS + 1)
    crossed = {(x + dx, y + dy) for x, y in near_shin for dx in reach for dy in reach}
    cut = [dot for dot in far_leg if dot in crossed and dot not in near_shin]
    assert cut and not any(dot in inked for dot in cut)  # a gap either side of the near line


def test_a_mat_under_the_body_is_cut_where_a_limb_crosses_it_and_the_floor_is_not() -> None:
    """Seen from above, the mat's far edge ran straight through pigeon's raised trunk on
    screen: a stroke under the body breaks around a limb that crosses it, as a far limb
    does; a floor line the feet stand on stays whole."""
    mat = Stroke(((10.0, 30.0), (90.0, 30.0)), "prop", under=True)
    floor = Stroke(((10.0, 10.0), (90.0, 10.0)), "prop")
    leg = Stroke(((50.0, 50.0), (50.0, 10.0)), "near")
    inked = dots(list(braille._cells(
        geometry.Drawing((), (mat, floor), (leg,), (10, 10, 90, 50)), 40, 12).lines))
    canvas = braille._Canvas(80, 48, (10, 10, 90, 50))
    leg_x = canvas.at((50.0, 0.0))[0]
    for line, broken in ((mat, True), (floor, False)):
        near_leg = [d for d in canvas.path(line) if 0 < abs(d[0] - leg_x) <= braille.GAP_DOTS]
        away = [d for d in canvas.path(line) if abs(d[0] - leg_x) > braille.GAP_DOTS + 1]
        assert all(d in inked for d in away)
        assert near_leg and (not any(d in inked for d in near_leg) if broken
                             else all(d in inked for d in near_leg))


@pytest.mark.parametrize(("width", "height"), [(16, 6), (40, 17), (80, 35)])
def test_the_head_and_the_floor_are_drawn_at_every_size(builtin: Catalogue, width: int,
                                                        height: int) -> None:
    for move in builtin.moves.values():
        assert move.figure is not None
        for frame in geometry.frames(move.figure, None):  # a pose, or start and end
            shown = geometry.drawing(move.figure, frame)
            canvas = braille._Canvas(width * 2, height * 4, shown.box)
            inked = dots(braille.render(move.figure, width=width, height=height, frame=frame))
            cx, cy = canvas.at(shown.head)
            reach = int(canvas.radius) + 2
            around = {(cx + dx, cy + dy) for dx in range(-reach, reach + 1)
                      for dy in range(-reach, reach + 1)}
            assert len(around & inked) >= 5, (move.id, width)  # a ring, or at least a disc
            floor = [s for s in shown.props if not s.fine and s.points[0][1] == 0.0] or \
                [s for s in shown.props if not s.fine][:1]
            assert floor, move.id
            line = list(canvas.path(floor[0]))
            assert sum(dot in inked for dot in line) >= len(line) // 2, (move.id, width)


def test_lines_are_one_dot_wide_small_and_two_at_most_when_big(builtin: Catalogue) -> None:
    """The pen grows with the drawing but stops at two dots: thick strokes run together
    into blobs from two metres away."""
    figure = figure_of(builtin, "glute-bridge")
    box = geometry.bounds(figure)
    pens = [braille._Canvas(w * 2, h * 4, box).pen for w, h in ((40, 17), (80, 35), (200, 90))]
    assert pens == [1, 2, 2]
