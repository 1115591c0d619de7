"""The built-in catalogue keeps the promises of the seed article and the dose guidance."""

from __future__ import annotations

from collections import Counter

import pytest

from stretch.model import FLOOR_POSITIONS, STRETCH_GROUPS, Catalogue
from stretch.plan import DOSE_TARGET, dose, plan, total_seconds
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


def test_the_two_stretches_to_avoid(builtin: Catalogue) -> None:
    names = " ".join(a.name.lower() for a in builtin.avoid.values())
    assert len(builtin.avoid) == 2
    assert "knee roll" in names and "hamstring" in names
    for avoided in builtin.avoid.values():
        assert avoided.why and avoided.instead
        assert all(m.kind in ("stretch", "exercise") for m in avoided.instead)


def test_no_routine_uses_an_avoided_move(builtin: Catalogue) -> None:
    avoided_words = ("hamstring", "knee roll", "toe touch", "straddle")
    for routine in builtin.routines.values():
        for move in routine.moves:
            assert move.id not in builtin.avoid, (routine.id, move.id)
            assert not any(word in move.name.lower() for word in avoided_words), move.id
            assert move.group in ("gluteal", "adductor", "psoas", "core", "hip")


@pytest.mark.parametrize(
    ("routine_id", "low", "high"),
    [("hip-reset", 9, 12), ("desk-break", 4, 6.5), ("core-and-hips", 10.5, 13.5),
     ("full-session", 20, 25)],
)
def test_routine_lengths(builtin: Catalogue, routine_id: str, low: float, high: float) -> None:
    minutes = total_seconds(plan(builtin.routines[routine_id], DEFAULTS)) / 60
    assert low <= minutes <= high


def test_hip_reset_gives_each_hip_group_a_minute_per_side(builtin: Catalogue) -> None:
    for routine_id in ("hip-reset", "full-session"):
        per_group = dose(plan(builtin.routines[routine_id], DEFAULTS))
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


def test_core_and_hips_is_exercises_and_full_session_stretches_first(builtin: Catalogue) -> None:
    assert {m.kind for m in builtin.routines["core-and-hips"].moves} == {"exercise"}
    kinds = [m.kind for m in builtin.routines["full-session"].moves]
    assert kinds == sorted(kinds, key=lambda k: k != "stretch")
    assert "exercise" in kinds


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
    assert len(safety.see_a_doctor) >= 5
    assert "stop" in safety.stop.lower()
    assert "hips" in builtin.notes.why_hips
