"""The built-in catalogue keeps the promises of the seed article and the dose guidance."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from stretch.model import FLOOR_POSITIONS, STRETCH_GROUPS, Catalogue, Move
from stretch.plan import DOSE_TARGET, stretch_seconds, timed_steps, total_seconds
from tests.conftest import DEFAULTS


def test_each_hip_group_has_at_least_three_stretches(builtin: Catalogue) -> None:
    stretches = Counter(m.group for m in builtin.moves.values() if m.kind == "stretch")
    for group in STRETCH_GROUPS:
        assert stretches[group] >= 3, group


def test_there_are_at_least_six_core_and_hip_exercises(builtin: Catalogue) -> None:
    exercises = [m for m in builtin.moves.values() if m.kind == "exercise"]
    assert len(exercises) >= 6
    assert {m.group for m in exercises} <= {"core", "hip"}
    assert {"glute-bridge", "clamshell", "bird-dog", "dead-bug", "side-plank"} <= {
        m.id for m in exercises
    }


@pytest.mark.parametrize("move_id", ["figure-four", "glute-bridge", "half-kneeling-hip-flexor", "butterfly"])
def test_required_moves_exist(builtin: Catalogue, move_id: str) -> None:
    assert move_id in builtin.moves


def test_every_move_is_fully_described(builtin: Catalogue) -> None:
    for move in builtin.moves.values():
        assert 2 <= len(move.cues) <= 4, move.id
        assert move.cautions, move.id
        assert move.setup.endswith("."), move.id
        assert (move.hold is None) != (move.tempo is None), move.id
        if move.kind == "stretch":
            assert move.hold is not None and 10 <= move.hold <= 60, move.id


AVOIDED = ("knee-rolls", "spinal-twists", "knees-to-chest", "childs-pose", "cat-camel",
           "toe-touches", "hamstring-stretches")


def test_the_lower_back_stretches_in_their_various_forms_are_avoided(builtin: Catalogue) -> None:
    assert tuple(builtin.avoid) == AVOIDED
    for avoided in builtin.avoid.values():
        assert avoided.description and avoided.why and avoided.instead, avoided.id
        assert avoided.known_as, avoided.id
        assert "hip" in avoided.why.lower(), avoided.id  # the alternative
        short_lived = ("soon", "brief", "passes", "minutes", "returns")
        assert any(word in avoided.why for word in short_lived), avoided.id
        assert all(m.group in ("gluteal", "adductor", "psoas", "hip", "core")
                   for m in avoided.instead)
    # the two that are fine when moved gently, and only a problem held at the end of range
    assert {a.id for a in builtin.avoid.values() if a.held_only} == {"childs-pose", "cat-camel"}


def test_no_routine_uses_an_avoided_move(builtin: Catalogue) -> None:
    avoided_words = ("hamstring", "knee roll", "toe touch", "straddle")
    for routine in builtin.routines.values():
        for move in routine.moves:
            assert move.id not in builtin.avoid, (routine.id, move.id)
            assert not any(word in move.name.lower() for word in avoided_words), move.id
            assert move.group in ("gluteal", "adductor", "psoas", "core", "hip")


@pytest.mark.parametrize(
    ("routine_id", "low", "high"),
    # as written, at the top of each ladder; the curl-up's and bird dog's descending
    # pyramids (6-4-2) make the exercise days the longest
    [("hip-reset", 9, 12), ("desk-break", 5, 8), ("core-and-hips", 16, 21),
     ("full-session", 22, 27)],
)
def test_routine_lengths(builtin: Catalogue, routine_id: str, low: float, high: float) -> None:
    minutes = total_seconds(timed_steps(builtin.routines[routine_id], DEFAULTS)) / 60
    assert low <= minutes <= high


def test_hip_reset_gives_each_hip_group_a_minute_per_side(builtin: Catalogue) -> None:
    for routine_id in ("hip-reset", "full-session"):
        per_group = stretch_seconds(timed_steps(builtin.routines[routine_id], DEFAULTS))
        for group in STRETCH_GROUPS:
            assert per_group[group]["left"] >= DOSE_TARGET, (routine_id, group)
            assert per_group[group]["right"] >= DOSE_TARGET, (routine_id, group)


def test_stretch_holds_follow_acsm(builtin: Catalogue) -> None:
    """ACSM: holds of 10-30 s, repeated 2-4 times, in the floor routines."""
    for routine_id in ("hip-reset", "full-session"):
        for item in builtin.routines[routine_id].items:
            if item.move is not None and item.move.kind == "stretch":
                assert item.hold is not None and 10 <= item.hold <= 30
                assert 2 <= item.reps <= 4


def test_desk_break_stays_off_the_floor(builtin: Catalogue) -> None:
    for move in builtin.routines["desk-break"].moves:
        assert move.position not in FLOOR_POSITIONS, move.id
        assert move.position in ("seated", "standing")


def test_muscles_are_warm_before_they_stretch(builtin: Catalogue) -> None:
    """ACSM: stretch warm muscles. A routine with exercises does them all first."""
    assert {m.kind for m in builtin.routines["core-and-hips"].moves} == {"exercise"}
    for routine_id in ("full-session", "desk-break"):
        routine = builtin.routines[routine_id]
        kinds = [m.kind for m in routine.moves]
        assert kinds == sorted(kinds, key=lambda k: k != "exercise"), routine_id
        assert "stretch" in kinds and kinds[0] == "exercise"
        assert "warm" in routine.summary
    assert "warm" in builtin.routines["hip-reset"].summary  # all stretches: warm up first


def test_week_maps_every_day(builtin: Catalogue) -> None:
    assert builtin.week is not None
    days = dict(builtin.week.days)
    assert list(days) == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    assert all(r == "rest" or r in builtin.routines for r in days.values())
    assert "rest" in days.values()


def test_safety_note_has_red_flags_and_stop_rule(builtin: Catalogue) -> None:
    assert builtin.notes is not None
    safety = builtin.notes.safety
    text = " ".join(safety.emergency).lower()
    assert "bladder" in text and "both legs" in text and "genitals" in text
    assert "sexual function" in text  # a cauda equina sign
    assert "cough, sneeze" in " ".join(safety.see_a_doctor)  # urgent GP or 111
    assert len(safety.see_a_doctor) >= 5
    assert "stop" in safety.stop.lower() and "next morning" in safety.stop
    assert "hips" in builtin.notes.why_hips


# --- the physiotherapist's fixes --------------------------------------------------------

def move_text(move: Move) -> str:
    return " ".join([move.setup, *move.cues, *move.cautions, move.easier or "",
                     move.harder or ""])


def test_working_side_is_defined_in_the_setup_where_it_is_used(builtin: Catalogue) -> None:
    defined = re.compile(r"\(the working\s+side\)|[Tt]he working side(, the one you stretch,)?\s+is")
    for move in builtin.moves.values():
        if "working" in move_text(move):
            assert defined.search(move.setup), move.id
            assert "working" not in move.setup[: defined.search(move.setup).start()], move.id  # type: ignore[union-attr]


def test_bird_dog_harder_never_crunches_elbow_to_knee(builtin: Catalogue) -> None:
    harder = (builtin.moves["bird-dog"].harder or "").lower()
    assert harder and "elbow" not in harder and "together" not in harder


def test_glute_bridge_tempo_fits_its_own_cues(builtin: Catalogue) -> None:
    bridge = builtin.moves["glute-bridge"]
    assert bridge.pause is not None and bridge.tempo is not None
    cues = " ".join(bridge.cues)
    assert f"Pause for {bridge.pause} seconds at the top" in cues
    lower = int(re.search(r"Lower slowly over about (\d) seconds", cues).group(1))  # type: ignore[union-attr]
    assert bridge.tempo >= 1 + bridge.pause + lower  # lift, pause, lower


def test_side_plank_easier_is_easier_than_its_setup(builtin: Catalogue) -> None:
    plank = builtin.moves["side-plank"]
    assert "knees bent" in plank.setup and "knees stay on the floor" in plank.setup
    assert plank.easier and "knee" not in plank.easier and "wall" in plank.easier
    assert plank.harder and plank.harder.startswith("The side plank from the feet")


def test_curl_up_and_dead_bug_say_how_high_and_keep_the_leg_bent(builtin: Catalogue) -> None:
    curl = move_text(builtin.moves["curl-up"])
    assert "shoulder blades clear the floor" in curl and "stay that way" in curl
    bug = move_text(builtin.moves["dead-bug"])
    assert "knee staying bent" in bug and "heel nearly touches" in bug


def test_counted_words_hold_for_any_number_of_reps(builtin: Catalogue) -> None:
    """A beginner's 5 reps has no exact half, and a pyramid's sets differ: the curl-up
    swaps legs after its first set (6 | 4 + 2: about even). And alternating
    sides count a reach on each side as one rep, so any number of reps keeps the sides
    even (5 reps: 5 reaches a side), where counting each reach would leave one side a
    rep short on an odd count."""
    for move in builtin.moves.values():
        words = move_text(move)
        assert not re.search(r"(?<!about )halfway|through the set|each reach counts", words), \
            move.id
    bug = builtin.moves["dead-bug"]
    assert "one reach each side is one rep" in bug.cues[-1]  # counted per side: always even
    assert "both sides always do the same number" in bug.setup
    assert "after the first set, swap which leg is bent" in move_text(builtin.moves["curl-up"])


def test_temperatures_carry_the_degree_sign(builtin: Catalogue) -> None:
    assert builtin.notes is not None
    flags = " ".join(builtin.notes.safety.see_a_doctor)
    assert "38 °C" in flags and not re.search(r"\d ?C\b", flags)


def test_pigeon_says_how_to_get_in_and_out_with_a_long_back(builtin: Catalogue) -> None:
    pigeon = builtin.moves["pigeon"]
    assert pigeon.setup.startswith("From hands and knees") and "To come out" in pigeon.setup
    assert "back long" in pigeon.setup and "back stays long" in " ".join(pigeon.cues)
    assert "lower your hips slowly, weight on your hands" in pigeon.setup
    assert "the back leg straight behind its hip" in " ".join(pigeon.cues)
    assert any("Pad the back knee" in c for c in pigeon.cautions)


def test_the_supine_figure_four_protects_the_knee_and_has_a_towel_for_short_reach(
        builtin: Catalogue) -> None:
    move = builtin.moves["figure-four"]
    assert "toes of the crossed foot up towards you" in move.cues[0]
    assert "protects the knee" in move.cues[0]
    assert "loop a towel round it" in move.setup


def test_the_dead_bug_says_how_to_get_into_and_out_of_its_start(builtin: Catalogue) -> None:
    setup = builtin.moves["dead-bug"].setup
    assert setup.startswith("Lie on your back, knees bent, feet flat")
    assert "Lift one leg, then the other, to 90 degrees" in setup
    assert "lower them one by one to finish" in setup


def test_slow_moves_take_longer_to_switch_sides(builtin: Catalogue) -> None:
    slow = {"pigeon", "half-kneeling-hip-flexor", "couch-stretch", "thomas-stretch",
            "clamshell", "side-plank", "side-plank-feet"}
    for move in builtin.moves.values():
        if move.id in slow:
            assert move.switch is not None and 10 <= move.switch <= 15, move.id
        else:
            assert move.switch is None, move.id


def test_equipment_comes_from_the_moves(builtin: Catalogue) -> None:
    def needs(routine_id: str) -> set[str]:
        return {e for m in builtin.routines[routine_id].moves for e in m.equipment}

    assert needs("hip-reset") == {"mat", "cushion", "wall"}  # as written: to the couch stretch
    assert needs("desk-break") == {"chair", "wall"}
    assert needs("core-and-hips") == {"mat"}
    assert builtin.moves["thomas-stretch"].equipment == ("mat", "bed")  # lies on the bed


def test_a_short_full_session_keeps_its_warm_up_and_each_hip_group(builtin: Catalogue) -> None:
    from stretch.fit.fitted import fit

    fitted = fit(builtin.routines["full-session"], DEFAULTS, 8)
    moves = fitted.routine.moves
    assert fitted.fits and moves[0].id == "glute-bridge"  # still warm before stretching
    assert {m.group for m in moves if m.kind == "stretch"} == set(STRETCH_GROUPS)


# --- the clinical review (issue #21) ----------------------------------------------------

FIGURE_FOUR = ("figure-four", "seated-figure-four", "standing-figure-four", "pigeon")
DEEP_HIP = (*FIGURE_FOUR, "frog")


@pytest.mark.parametrize("move_id", FIGURE_FOUR)
def test_buttock_stretches_stop_when_symptoms_spread_down_the_leg(builtin: Catalogue,
                                                                  move_id: str) -> None:
    """They load the sciatic nerve in deep flexion: spreading leg symptoms mean stop."""
    cautions = builtin.moves[move_id].cautions
    assert any("pain, tingling or numbness spreads down your leg" in c for c in cautions)


@pytest.mark.parametrize("move_id", DEEP_HIP)
def test_deep_hip_moves_heed_a_hip_replacement_and_a_groin_pinch(builtin: Catalogue,
                                                                 move_id: str) -> None:
    move = builtin.moves[move_id]
    assert any("hip replacement" in c and "surgeon" in c for c in move.cautions), move.cautions
    assert any("short of any pinch" in c for c in move.cues), move.cues


def test_the_frog_keeps_the_back_long_rocking_back(builtin: Catalogue) -> None:
    """Rocking back round-backed is the child's pose the avoid list names."""
    cues = " ".join(builtin.moves["frog"].cues)
    assert "only as far as your back stays long" in cues and "back stretch" in cues
    assert "sagging" not in cues


def test_the_thomas_stretch_says_how_to_get_on_and_off_the_bed(builtin: Catalogue) -> None:
    """Down with both knees held (no leg left hanging while the back rolls), one leg
    lowered once lying flat; up by the side."""
    thomas = builtin.moves["thomas-stretch"]
    assert thomas.setup.startswith("Sit on the very end of a firm bed that will not tip.")
    assert "Holding both knees, roll back slowly" in thomas.setup
    assert "then lower one leg" in thomas.setup and "To get up" in thomas.setup
    assert "roll onto your side" in thomas.setup


def test_the_thomas_stretch_holds_the_knee_only_to_keep_the_back_flat(
        builtin: Catalogue) -> None:
    """The raised knee must not read as the knees-to-chest stretch the avoid list names;
    the hanging thigh stays in line; it tensions the femoral nerve, so spreading leg
    symptoms mean stop, as for the buttock stretches."""
    thomas = builtin.moves["thomas-stretch"]
    cues = " ".join(thomas.cues)
    assert "keep your lower back flat" in cues and "not to stretch it" in cues
    assert "in line with your body, not swinging out" in cues
    assert "hug" not in move_text(thomas).lower()
    assert any("pain, tingling or numbness spreads down your leg" in c
               for c in thomas.cautions)


def test_the_thomas_stretch_hangs_the_knee_bent_as_its_figure_draws_it(
        builtin: Catalogue) -> None:
    """The figure's working knee is bent, the shin hanging: the setup says so, and the
    harder version bends it further rather than starting to bend it. The hanging
    (working, left) leg is drawn near and bold: the head lies to the right, so the near
    side is the left; the held knee behind it."""
    thomas = builtin.moves["thomas-stretch"]
    assert thomas.figure is not None
    points = thomas.figure.pose(None).points()
    (hx, hy), (kx, ky), (fx, fy) = (points[j][:2] for j in ("hip", "near-knee", "near-foot"))
    thigh, shin = (kx - hx, ky - hy), (fx - kx, fy - ky)
    assert points["head"][0] > hx  # head to the right: the left side faces us
    assert abs(shin[1]) > 2 * abs(shin[0])  # the shin hangs down ...
    assert abs(thigh[0]) > abs(thigh[1])  # ... from a thigh that lies out level
    assert points["far-knee"][1] > hy + 10  # the held knee is drawn up, behind
    assert "the knee bent" in thomas.setup
    assert thomas.harder and "bend the knee further" in thomas.harder


def test_half_kneeling_kneels_tall(builtin: Catalogue) -> None:
    setup = builtin.moves["half-kneeling-hip-flexor"].setup
    assert "Kneel tall." in setup and "Stand" not in setup


@pytest.mark.parametrize(("move_id", "hand"), [("standing-figure-four", "with a hand on"),
                                               ("hip-hinge", "with a hand on")])
def test_harder_on_one_leg_keeps_a_hand_on_support(builtin: Catalogue, move_id: str,
                                                  hand: str) -> None:
    harder = builtin.moves[move_id].harder or ""
    assert hand in harder and "take your hand away" not in harder


def test_the_glute_bridge_keeps_a_neutral_spine(builtin: Catalogue) -> None:
    bridge = move_text(builtin.moves["glute-bridge"])
    assert "one segment" not in bridge and "natural curve" in bridge


def test_the_core_routine_is_not_framed_as_holding_the_back_steady(builtin: Catalogue) -> None:
    summary = builtin.routines["core-and-hips"].summary
    assert "steady" not in summary and "strength and control" in summary


def test_the_harder_rungs_of_the_bridge_and_side_plank(builtin: Catalogue) -> None:
    """Two moves for the coach's ladders, each the harder version of a built-in move: the
    routines name them, and a beginner runs the easier one (the coach's rung)."""
    single = builtin.moves["single-leg-bridge"]
    assert (single.kind, single.group, single.position, single.sided) == (
        "exercise", "hip", "supine", True)
    assert single.tempo is not None and single.pause is not None and single.hold is None
    assert f"Pause for {single.pause} seconds at the top" in " ".join(single.cues)
    assert single.easier and "glute bridge" in single.easier.lower()
    feet = builtin.moves["side-plank-feet"]
    assert (feet.kind, feet.group, feet.position, feet.sided) == (
        "exercise", "core", "side-lying", True)
    assert feet.hold is not None and feet.hold <= 10  # short holds, repeated
    assert feet.reps is not None and feet.reps >= 2
    assert "legs straight" in feet.setup and feet.easier == "The side plank from the knees."
    assert (builtin.moves["glute-bridge"].harder_move, single.easier_move) == (
        "single-leg-bridge", "glute-bridge")
    assert (builtin.moves["side-plank"].harder_move, feet.easier_move) == (
        "side-plank-feet", "side-plank")
    core = [m.id for m in builtin.routines["core-and-hips"].moves]
    assert "single-leg-bridge" in core and "side-plank-feet" in core


def test_the_wall_plank_is_a_core_hold_off_the_floor_that_no_routine_runs(
        builtin: Catalogue) -> None:
    """For someone who cannot get down to the floor: held like the side and front planks,
    standing at a wall, demanding nothing of the body; the coach does it in place of the
    floor core exercises, so no built-in routine names it, and it is no ladder's rung."""
    plank = builtin.moves["wall-plank"]
    front = builtin.moves["front-plank"]
    assert (plank.kind, plank.group, plank.position, plank.sided) == (
        "exercise", "core", "standing", False)
    assert plank.hold is not None and plank.reps is not None and plank.tempo is None
    assert (plank.hold, plank.reps) == (front.hold, front.reps)  # the plank's 20-30 s x 2
    assert plank.needs == ("wall",) and plank.demands == ()
    assert plank.position not in FLOOR_POSITIONS
    assert plank.harder_move is None and plank.easier_move is None
    assert 2 <= len(plank.cues) <= 4 and plank.cautions and plank.easier and plank.harder
    assert "one straight line from your head to your heels" in plank.setup
    assert all(plank.id not in {m.id for m in routine.moves}
               for routine in builtin.routines.values())


def test_the_wall_plank_is_drawn_in_one_straight_line_at_its_wall(builtin: Catalogue) -> None:
    figure = builtin.moves["wall-plank"].figure
    assert figure is not None and figure.view == "side"
    points = figure.pose(None).points()
    wall = next(p.at[0] for p in figure.props if p.kind == "wall")
    (fx, fy), (nx, ny) = points["near-foot"][:2], points["neck"][:2]
    for joint in ("near-knee", "hip"):  # heels, knees, hips and shoulders in one line
        x, y = points[joint][:2]
        assert abs(fx + (nx - fx) * (y - fy) / (ny - fy) - x) <= 1, joint
    assert 10 <= fx - nx <= 25  # leaning in, not standing up straight or lying down
    for joint in ("near-elbow", "near-hand", "far-elbow", "far-hand"):
        assert points[joint][0] - wall <= 1, joint  # forearms on the wall
    assert points["near-elbow"][1] == ny  # elbows level with the shoulders


STAND_INS = {"wall-side-plank": "side-plank", "standing-bird-dog": "bird-dog"}


@pytest.mark.parametrize(("move_id", "floor_id"), STAND_INS.items())
def test_the_standing_side_plank_and_bird_dog_ask_nothing_of_the_floor_or_knees(
        builtin: Catalogue, move_id: str, floor_id: str) -> None:
    """Without the floor or kneeling, the side plank and the bird dog had nothing in their
    place (a physiotherapist's review): each has a standing version now, with the floor
    move's dose, done in its place by the coach, so no routine names it and it is no
    ladder's rung."""
    move, floor = builtin.moves[move_id], builtin.moves[floor_id]
    assert (move.kind, move.group, move.sided, move.position) == (
        "exercise", "core", True, "standing")
    assert move.position not in FLOOR_POSITIONS
    assert move.demands is not None and set(move.demands) <= {"standing-balance"}
    assert (move.hold, move.reps, move.tempo, move.pause, move.pyramid) == (
        floor.hold, floor.reps, floor.tempo, floor.pause, floor.pyramid)
    assert move.harder_move is None and move.easier_move is None
    assert floor_id in move.instead_of  # the coach's stand-in for it, by name
    assert move.easier and move.harder
    assert all(move.id not in {m.id for m in routine.moves}
               for routine in builtin.routines.values())


def test_the_wall_side_plank_leans_on_the_forearm_and_minds_the_shoulder(
        builtin: Catalogue) -> None:
    plank = builtin.moves["wall-side-plank"]
    assert plank.needs == ("wall",) and plank.demands == ()
    assert "side-on to a wall" in plank.setup and "one straight line" in plank.setup
    cautions = " ".join(plank.cautions)
    assert "shoulder" in cautions and "Stop if pain spreads" in cautions


def test_the_standing_bird_dog_holds_a_worktop_and_keeps_the_leg_below_the_hip(
        builtin: Catalogue) -> None:
    dog = builtin.moves["standing-bird-dog"]
    assert dog.demands == ("standing-balance",)  # one leg bears the weight
    assert "worktop" in dog.setup and "both hands" in dog.setup
    assert dog.cautions[0].startswith("Lift the leg no higher than your hip")
    assert dog.harder and "arm" in dog.harder  # the hands hold on: the reach comes later


def test_the_wall_side_plank_is_drawn_leaning_in_one_line_on_the_near_forearm(
        builtin: Catalogue) -> None:
    """Seen from the front, left side working: the person's left (near) forearm is on the
    wall, so the wall is on the right of the page, and the body leans in towards it."""
    figure = builtin.moves["wall-side-plank"].figure
    assert figure is not None and figure.view == "front"
    points = figure.pose(None).points()
    wall = next(p.at[0] for p in figure.props if p.kind == "wall")
    assert wall > points["neck"][0] > points["hip"][0]  # leaning towards the wall
    fx = (points["near-foot"][0] + points["far-foot"][0]) / 2
    (nx, ny), fy = points["neck"][:2], points["near-foot"][1]
    for joint in ("hip", "head"):  # feet, hips, shoulders and head in one line
        x, y = points[joint][:2]
        assert abs(fx + (nx - fx) * (y - fy) / (ny - fy) - x) <= 1, joint
    assert 10 <= nx - fx <= 25  # leaning in, neither upright nor lying down
    ex, ey = points["near-elbow"][:2]
    hx, hy = points["near-hand"][:2]
    assert wall - 1 <= ex <= wall and wall - 1 <= hx <= wall  # the forearm on the wall ...
    assert hy - ey >= 7  # ... pointing up
    assert 0 <= ny - ey <= 5  # the elbow just below the shoulder
