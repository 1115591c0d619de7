"""The planner: the exact steps, their order, totals and the dose per group and side."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from stretch.model import Catalogue, Item, Move, Routine
from stretch.plan import stretch_seconds, timed_steps, total_seconds
from tests.conftest import DEFAULTS


def make_move(move_id: str = "m", *, sided: bool = True, position: str = "supine",
              kind: str = "stretch", group: str = "gluteal") -> Move:
    return Move(
        id=move_id, name=move_id.title(), kind=kind, group=group, sided=sided,  # type: ignore[arg-type]
        position=position, setup="Set up.", cues=("Cue",), hold=30,  # type: ignore[arg-type]
    )


def routine(*items: Item, rest: int = 10) -> Routine:
    return Routine(id="r", title="R", summary="", rest=rest, items=items)


def shape(steps: tuple[object, ...]) -> list[tuple[str, str | None, float]]:
    return [(s.kind, s.side, s.seconds) for s in steps]  # type: ignore[attr-defined]


def test_sided_stretch_is_left_switch_right_with_rest_between_reps() -> None:
    steps = timed_steps(routine(Item(move=make_move(), hold=30, reps=2)), DEFAULTS)
    assert shape(steps) == [
        ("get-ready", None, 10),
        ("hold", "left", 30), ("switch", None, 5), ("hold", "right", 30),
        ("rest", None, 10),
        ("hold", "left", 30), ("switch", None, 5), ("hold", "right", 30),
    ]
    assert [s.rep for s in steps if s.kind == "hold"] == [1, 1, 2, 2]
    assert total_seconds(steps) == 150


def test_first_side_can_be_right() -> None:
    steps = timed_steps(routine(Item(move=make_move(), hold=20)), replace(DEFAULTS, first_side="right"))
    assert [s.side for s in steps if s.kind == "hold"] == ["right", "left"]


def test_counted_exercise_is_reps_times_tempo_per_set_and_side() -> None:
    move = make_move("bridge", kind="exercise", group="hip")
    steps = timed_steps(routine(Item(move=move, reps=10, tempo=3, sets=2, rest=20)), DEFAULTS)
    assert shape(steps) == [
        ("get-ready", None, 10),
        ("count", "left", 30), ("switch", None, 5), ("count", "right", 30),
        ("rest", None, 20),
        ("count", "left", 30), ("switch", None, 5), ("count", "right", 30),
    ]
    assert {(s.reps, s.tempo) for s in steps if s.kind == "count"} == {(10, 3)}
    assert [s.set for s in steps if s.kind == "count"] == [1, 1, 2, 2]


def test_transition_is_longer_when_the_position_changes() -> None:
    a = make_move("a", sided=False, position="supine")
    b = make_move("b", sided=False, position="supine")
    c = make_move("c", sided=False, position="kneeling")
    steps = timed_steps(routine(Item(move=a, hold=30), Item(move=b, hold=30), Item(move=c, hold=30)), DEFAULTS)
    pauses = [(s.kind, s.label, s.seconds) for s in steps if s.move is None]
    assert pauses == [
        ("get-ready", "Get ready", 10),
        ("rest", "Rest", 10),
        ("transition", "Move to kneeling", 20),
    ]


def test_explicit_rest_replaces_the_transition_and_is_never_shorter() -> None:
    a = make_move("a", sided=False)
    b = make_move("b", sided=False, position="standing")
    steps = timed_steps(routine(Item(move=a, hold=30), Item(move=None, rest=45), Item(move=b, hold=30)), DEFAULTS)
    assert shape(steps)[2] == ("rest", None, 45)
    short = timed_steps(routine(Item(move=a, hold=30), Item(move=None, rest=5), Item(move=b, hold=30)), DEFAULTS)
    assert shape(short)[2] == ("rest", None, 20)  # 10 s rest + 10 s to stand up


def test_pause_steps_say_what_comes_next() -> None:
    steps = timed_steps(routine(Item(move=make_move("pigeon"), hold=30)), DEFAULTS)
    assert steps[0].next_label == "Pigeon, left side"
    assert steps[2].next_label == "Pigeon, right side"


def test_dose_counts_a_two_sided_stretch_for_both_sides_and_skips_exercises() -> None:
    both = make_move("butterfly", sided=False, group="adductor")
    one = make_move("figure", group="gluteal")
    work = make_move("bridge", kind="exercise", group="hip")
    steps = timed_steps(routine(
        Item(move=both, hold=30, reps=2), Item(move=one, hold=25, reps=3),
        Item(move=work, reps=10, tempo=3),
    ), DEFAULTS)
    assert stretch_seconds(steps) == {
        "adductor": {"left": 60, "right": 60},
        "gluteal": {"left": 75, "right": 75},
    }


def test_hold_scale_shortens_holds_but_not_below_five_seconds() -> None:
    steps = timed_steps(routine(Item(move=make_move(), hold=30)), replace(DEFAULTS, hold_scale=0.5))
    assert [s.seconds for s in steps if s.kind == "hold"] == [15, 15]
    tiny = timed_steps(routine(Item(move=make_move(), hold=6)), replace(DEFAULTS, hold_scale=0.1))
    assert [s.seconds for s in tiny if s.kind == "hold"] == [5, 5]


def test_builtin_plans_add_up(builtin: Catalogue) -> None:
    for r in builtin.routines.values():
        steps = timed_steps(r, DEFAULTS)
        assert steps[0].kind == "get-ready"
        assert all(s.seconds > 0 for s in steps)
        assert steps[-1].move is not None  # a routine ends on work, not on a rest


@given(
    reps=st.integers(1, 4), sets=st.integers(1, 3), hold=st.integers(5, 60),
    sided=st.booleans(), rest=st.integers(0, 30),
)
def test_total_matches_the_arithmetic(reps: int, sets: int, hold: int, sided: bool, rest: int) -> None:
    steps = timed_steps(routine(Item(move=make_move(sided=sided), hold=hold, reps=reps, sets=sets), rest=rest), DEFAULTS)
    rounds = reps * sets
    sides = 2 if sided else 1
    expected = 10 + rounds * sides * hold + rounds * (sides - 1) * 5 + (rounds - 1) * rest
    assert total_seconds(steps) == expected


def test_a_move_that_is_slow_to_switch_gets_its_own_switch_time() -> None:
    slow = replace(make_move("pigeon"), switch=15)
    steps = timed_steps(routine(Item(move=slow, hold=30, reps=1), Item(move=make_move(), hold=30)),
                 DEFAULTS)
    assert [s.seconds for s in steps if s.kind == "switch"] == [15, 5]
    longer = replace(DEFAULTS, switch_sides=20)  # a person's slower setting wins everywhere
    assert [s.seconds for s in timed_steps(routine(Item(move=slow, hold=30)), longer)
            if s.kind == "switch"] == [20]


def test_pauses_know_the_move_they_lead_into() -> None:
    first, second = make_move("a"), make_move("b", position="seated")
    steps = timed_steps(routine(Item(move=first, hold=30), Item(move=second, hold=30)), DEFAULTS)
    assert [(s.kind, s.next_move.id if s.next_move else None) for s in steps
            if s.move is None] == [("get-ready", "a"), ("switch", "a"), ("transition", "b"),
                                   ("switch", "b")]


@given(hold=st.integers(5, 120), reps=st.integers(1, 4), sets=st.integers(1, 3),
       scale=st.sampled_from([0.5, 0.8, 1.0, 1.5, 2.0]), counted=st.booleans())
def test_item_dose_is_what_the_timer_runs(hold: int, reps: int, sets: int, scale: float,
                                          counted: bool) -> None:
    """The sheet's dose and the plan's steps come from one arithmetic."""
    from stretch.plan import item_dose

    move = replace(make_move(), tempo=4 if counted else None, reps=reps)
    item = Item(move=move, hold=None if counted else hold, reps=reps, sets=sets,
                tempo=4 if counted else None)
    settings = replace(DEFAULTS, hold_scale=scale)
    written = routine(item, rest=12)
    steps = [s for s in timed_steps(written, settings) if s.move is not None]
    d = item_dose(item, written, settings)
    per_side = [s for s in steps if s.side == "left"]
    if counted:
        assert (d.reps, d.tempo, d.sets) == (steps[0].reps, steps[0].tempo, steps[0].sets)
    else:
        assert {s.seconds for s in steps} == {d.hold} and d.reps == len(per_side)
    assert d.rest == 12 and d.sided


def test_dose_reads_as_a_handout_says_it() -> None:
    from stretch.steps import ItemDose
    from stretch.text_doses import dose_words as words

    assert words(ItemDose(hold=30, reps=2, tempo=None, sided=True, rest=10)) == (
        "Hold 30 s, 2 times each side, sides in turn, rest 10 s between")
    assert words(ItemDose(hold=45, reps=1, tempo=None)) == "Hold 45 s"
    assert words(ItemDose(hold=None, reps=10, tempo=6, sets=2, pause=2, rest=15)) == (
        "10 slow reps with a 2 s pause, 2 sets, rest 15 s between")  # the glute bridge
    assert words(ItemDose(hold=None, reps=5, tempo=10, pause=7, sided=True)) == (
        "5 reps each side, each held 7 s")  # the bird dog: mostly a hold, said as one
    assert words(ItemDose(hold=None, reps=1, tempo=3, sided=True)) == "1 rep each side, about 3 s each"
    assert words(ItemDose(hold=20, reps=1, tempo=None, sided=True)) == "Hold 20 s each side"
    assert words(ItemDose(hold=30, reps=2, tempo=None, rest=0)) == "Hold 30 s, 2 times"
    assert words(ItemDose(hold=30, reps=2, tempo=None), brief=True) == "30 s x 2"
    assert words(ItemDose(hold=None, reps=10, tempo=6, sets=2), brief=True) == (
        "10 reps, 6 s each, 2 sets")
    # a rep held still says so: '6 reps x 10 s' read as a 10-second hold
    assert words(ItemDose(hold=None, reps=6, tempo=10, pause=7), brief=True) == (
        "6 reps, 7 s holds")
    pyramid = ItemDose(hold=None, reps=6, tempo=10, pause=7, sets=3, sided=True, rest=15,
                       pyramid=True)
    assert words(pyramid, brief=True) == "6-4-2 reps, 7 s holds"
    assert words(pyramid) == ("6 reps each side, then 4, then 2 (12 a side), each held 7 s, "
                              "rest 15 s between sets")
