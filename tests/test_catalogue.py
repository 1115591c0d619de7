"""The loader: every malformed file gives one exact line; user files merge over built-ins."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from stretch.catalogue.load import load_catalogue, read_file
from stretch.catalogue.parse import parse_yaml
from stretch.errors import CatalogueError
from tests.conftest import write_user_file

BAD = Path(__file__).parent / "data" / "bad"

# file -> the message after "path:"; each names line, column, field and the problem.
EXPECTED = {
    "alias-bomb.yaml": "1:4: a: anchors and aliases (& and *) are not allowed; write it out",
    "anchor.yaml": "2:14: moves.test-move: anchors and aliases (& and *) are not allowed; write it out",
    "avoided-held.yaml": "3:11: moves.resting-stretch.name: 'Child's pose' held still is on the "
    "avoid list (Child's pose held as a back stretch): move through it gently with 'reps' and a "
    "'tempo', or use frog, pigeon or butterfly instead; see 'stretch avoid'",
    "avoided-instead.yaml": "5:24: avoid.sit-ups.instead[1]: 'knees-to-chest' is on the avoid "
    "list (Knees to chest (one knee or both)): use figure-four, glute-bridge or butterfly "
    "instead; see 'stretch avoid'",
    "avoided-item.yaml": "6:15: routines.test-routine.items[1].move: 'toe-touches' is on the "
    "avoid list (Toe touches): use hip-hinge, glute-bridge or figure-four instead; see "
    "'stretch avoid'",
    "avoided-move-id.yaml": "2:3: moves.knee-rolls: 'knee-rolls' is on the avoid list (Knee "
    "rolls and lying twists): use figure-four, butterfly or half-kneeling-hip-flexor instead; "
    "see 'stretch avoid'",
    "avoided-move-name.yaml": "3:11: moves.morning-mobility.name: 'Seated spinal twist' is on "
    "the avoid list (Seated and standing twists): use seated-figure-four, standing-hip-flexor "
    "or side-lunge instead; see 'stretch avoid'",
    "bad-group.yaml": "5:12: moves.test-move.group: 'glutes' is not one of: gluteal, adductor, psoas, "
    "core, hip (did you mean 'gluteal'?)",
    "bad-equipment.yaml": "7:22: moves.test-move.needs[1]: 'sofa' is not one of: mat, cushion, chair, "
    "wall, bed, towel, band",
    "bad-id.yaml": "2:3: moves.Figure_Four: bad id 'Figure_Four': use lower-case words joined by '-', "
    "like 'figure-four' (at most 40 characters)",
    "bad-kind.yaml": "4:11: moves.test-move.kind: 'strech' is not one of: stretch, exercise "
    "(did you mean 'stretch'?)",
    "bad-position.yaml": "6:15: moves.test-move.position: 'lying' is not one of: supine, prone, "
    "side-lying, all-fours, kneeling, seated, standing (did you mean 'side-lying'?)",
    "cues-not-list.yaml": ("9:11: moves.test-move.cues: expected a list, got 'Breathe': make it a "
                           "list, each entry on a line of its own starting with '- '"),
    "duplicate-builtin-week-days.yaml": "3:3: week.mon: duplicate key 'mon' (first at line 2)",
    "duplicate-key.yaml": "11:5: moves.test-move.hold: duplicate key 'hold' (first at line 10)",
    "duplicate-move-id.yaml": "11:3: moves.test-move: duplicate key 'test-move' (first at line 2)",
    "empty-cues.yaml": "9:11: moves.test-move.cues: the list is empty",
    "empty-items.yaml": "4:12: routines.test-routine.items: the list is empty",
    "empty-name.yaml": "3:11: moves.test-move.name: must not be empty",
    "hold-fraction.yaml": "10:11: moves.test-move.hold: expected a whole number, got the number 22.5",
    "hold-not-a-number.yaml": "10:11: moves.test-move.hold: expected a whole number, got 'thirty'",
    "hold-too-long.yaml": "10:11: moves.test-move.hold: 301 s is out of range (5-300 s)",
    "hold-too-short.yaml": "10:11: moves.test-move.hold: 4 s is out of range (5-300 s)",
    "hold-with-tempo.yaml": "12:12: moves.test-move.tempo: use either 'hold' or 'tempo', not both",
    "item-without-move.yaml": "5:9: routines.test-routine.items[0]: an item needs a 'move' "
    "(or is a lone 'rest: seconds')",
    "list-key.yaml": "1:3: (top level): keys must be names, not a list or mapping",
    "missing-name.yaml": "3:5: moves.test-move.name: missing (required)",
    "no-dose.yaml": "3:5: moves.test-move: needs a 'hold' (seconds) or 'reps' with a 'tempo'",
    "not-a-mapping.yaml": "1:1: (top level): expected a mapping of keys, got a list",
    "not-utf8.yaml": "3:14: file: not UTF-8 text (byte 0xe9)",
    "number-key.yaml": "2:3: moves: keys must be names, not 1",
    "pause-on-hold.yaml": "6:12: moves.test-move.pause: a 'pause' is part of a counted rep: it "
    "needs 'reps' and a 'tempo' (a held move already holds still)",
    "pause-too-long.yaml": "6:12: moves.test-move.pause: 4 s does not fit in the 4 s tempo "
    "(leave at least 1 s to move)",
    "instead-of-kind.yaml": "8:17: moves.test-move.instead_of: 'pigeon' is a stretch, "
    "'test-move' an exercise: a move takes the place of its own kind",
    "instead-of-unknown.yaml": "8:17: moves.test-move.instead_of: unknown move 'sidee-plank' "
    "(did you mean 'side-plank'?)",
    "pyramid-on-hold.yaml": "8:14: moves.test-move.pyramid: a pyramid takes reps off each "
    "set: it needs 'reps' and a 'tempo' (a held move's holds are all as long)",
    "reps-too-many.yaml": "6:15: routines.test-routine.items[0].reps: 51 is out of range (1-50)",
    "rest-item-with-extra.yaml": "7:9: routines.test-routine.items[1].reps: a lone rest takes only "
    "'rest: seconds'; 'reps' needs a 'move'",
    "rest-too-long.yaml": "4:11: routines.test-routine.rest: 301 s is out of range (0-300 s)",
    "routine-not-mapping.yaml": "2:17: routines.test-routine: expected a mapping of keys, "
    "got 'Just stretch a bit'",
    "sets-zero.yaml": "6:15: routines.test-routine.items[0].sets: 0 is out of range (1-10)",
    "sided-yes.yaml": "6:12: moves.test-move.sided: expected true or false, got 'yes'",
    "switch-not-sided.yaml": "7:13: moves.test-move.switch: only a move done on each side "
    "(sided: true) switches sides",
    "syntax-error.yaml": "3:8: yaml: syntax error: did not find expected ',' or ']'",
    "tempo-too-slow.yaml": "7:16: routines.test-routine.items[0].tempo: 11 s is out of range (1-10 s)",
    "tempo-without-reps.yaml": "6:16: routines.test-routine.items[0].tempo: a 'tempo' needs 'reps' "
    "to count",
    "too-many-cues.yaml": "9:11: moves.test-move.cues: expected 1-6 entries, got 7",
    "two-documents.yaml": "3:1: (top level): only one YAML document per file (remove the '---')",
    "unknown-instead.yaml": "5:29: avoid.toe-touch.instead[1]: unknown move 'clam-shell' "
    "(did you mean 'clamshell'?)",
    "unknown-move-key.yaml": "10:5: moves.test-move.hols: unknown key 'hols' (did you mean 'hold'?)",
    "unknown-move-ref.yaml": "6:15: routines.test-routine.items[1].move: unknown move 'figur-four' "
    "(did you mean 'figure-four'?)",
    "unknown-top-key.yaml": "1:1: move: unknown key 'move' (did you mean 'moves'?)",
    "unknown-week-routine.yaml": "2:8: week.mon: unknown routine 'hip-rest' (did you mean 'hip-reset'?)",
    "unknown-weekday.yaml": "9:3: week.funday: unknown key 'funday'; expected one of: mon, tue, wed, "
    "thu, fri, sat, sun",
    "bad-demand.yaml": "4:22: moves.test-move.demands[1]: 'flying' is not one of: floor, "
    "kneeling, deep-hip-flexion, standing-balance, sciatic-load",
    "ladder-unknown.yaml": "4:18: moves.test-move.harder_move: unknown move 'pigeonn' (did you "
    "mean 'pigeon'?)",
    "ladder-across-groups.yaml": "4:18: moves.test-move.harder_move: 'pigeon' works the gluteal "
    "group, not the psoas: a ladder stays in one muscle group",
    "ladder-across-kinds.yaml": "4:18: moves.test-move.harder_move: 'glute-bridge' is an "
    "exercise, 'test-move' a stretch: a ladder stays with one kind of move",
    "ladder-two-below.yaml": "14:18: moves.other-move.harder_move: 'third-move' is already the "
    "harder move of 'test-move' (at {path}:4): a ladder has one move on each step",
    "ladder-circle.yaml": "14:18: moves.other-move.harder_move: the ladder goes round in a "
    "circle: test-move -> other-move -> test-move",
    "week-missing-days.yaml": "2:3: week: missing wed, thu, fri, sat, sun (give every day a routine "
    "or 'rest')",
    "yaml-tag.yaml": "2:14: moves.test-move: YAML tags like 'tag:yaml.org,2002:python/object:os.system' "
    "are not allowed",
}


def test_every_fixture_has_an_expected_message() -> None:
    assert sorted(p.name for p in BAD.glob("*.yaml")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_file_gives_one_exact_line(name: str, stretch_home: Path) -> None:
    path = write_user_file(stretch_home, name, "")
    path.write_bytes((BAD / name).read_bytes())
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(user_dir=stretch_home / "routines")
    assert caught.value.message == f"{path}:{EXPECTED[name].replace('{path}', str(path))}"
    assert "\n" not in caught.value.message


def test_alias_bomb_costs_no_time() -> None:
    text = (BAD / "alias-bomb.yaml").read_text()
    started = time.perf_counter()
    with pytest.raises(CatalogueError):
        parse_yaml(text, "bomb.yaml")
    assert time.perf_counter() - started < 0.5


def test_file_over_one_mebibyte_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("# padding\n" * 110_000)
    with pytest.raises(CatalogueError, match=r"big.yaml:1:1: file: larger than 1 MiB"):
        read_file(path)


def test_empty_file_defines_nothing(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("# nothing yet\n")
    content = read_file(path)
    assert not content.moves and not content.routines and content.week is None


def test_yaml_12_scalars(tmp_path: Path) -> None:
    node = parse_yaml("a: yes\nb: 'true'\nc: true\nd: 010\ne: ~\nf: 1.5\n", "x.yaml")
    assert node is not None and isinstance(node.value, dict)
    values = {k: v.value for k, v in node.value.items()}
    assert values == {"a": "yes", "b": "true", "c": True, "d": 10, "e": None, "f": 1.5}


USER_ROUTINE = """
routines:
  morning:
    title: Morning hips
    items:
      - move: figure-four
      - rest: 20
      - move: my-bridge
moves:
  my-bridge:
    name: My bridge
    kind: exercise
    group: hip
    position: supine
    reps: 8
    tempo: 3
    setup: Lie down.
    cues: [Lift]
"""


def test_user_file_adds_routines_and_moves(stretch_home: Path) -> None:
    write_user_file(stretch_home, "mine.yaml", USER_ROUTINE)
    catalogue = load_catalogue(user_dir=stretch_home / "routines")
    morning = catalogue.routines["morning"]
    assert morning.source.endswith("mine.yaml") and not morning.replaces_builtin
    assert [i.move.id if i.move else None for i in morning.items] == ["figure-four", None, "my-bridge"]
    assert "hip-reset" in catalogue.routines


def test_user_file_replaces_a_builtin_by_id(stretch_home: Path, builtin: object) -> None:
    write_user_file(
        stretch_home, "mine.yaml",
        "routines:\n  hip-reset:\n    title: My hip reset\n    items:\n      - move: frog\n"
        "moves:\n  frog:\n    name: Wide frog\n    kind: stretch\n    group: adductor\n"
        "    position: all-fours\n    hold: 45\n    setup: Kneel wide.\n    cues: [Relax]\n",
    )
    catalogue = load_catalogue(user_dir=stretch_home / "routines")
    routine = catalogue.routines["hip-reset"]
    assert routine.title == "My hip reset" and routine.replaces_builtin
    assert catalogue.moves["frog"].name == "Wide frog"
    # built-in routines now use the user's version of the move, still on its ladder
    used = [i.move for i in catalogue.routines["full-session"].items if i.move]
    assert catalogue.moves["frog"] in used
    assert all(m.name != "Frog stretch" for m in used)
    assert catalogue.moves["frog"].easier_move == "butterfly"


def test_same_id_in_two_user_files_is_an_error(stretch_home: Path) -> None:
    body = "routines:\n  twice:\n    title: T\n    items:\n      - move: frog\n"
    write_user_file(stretch_home, "a.yaml", body)
    second = write_user_file(stretch_home, "b.yaml", body)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(user_dir=stretch_home / "routines")
    assert caught.value.message == (
        f"{second}:2:3: routines.twice: already defined at {stretch_home}/routines/a.yaml:2"
    )


def test_user_week_replaces_the_builtin_week(stretch_home: Path) -> None:
    days = "".join(f"  {d}: desk-break\n" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
    write_user_file(stretch_home, "week.yaml", "week:\n" + days)
    catalogue = load_catalogue(user_dir=stretch_home / "routines")
    assert catalogue.week is not None
    assert {r for _, r in catalogue.week.days} == {"desk-break"}
    assert catalogue.week.source.endswith("week.yaml")


def test_item_dose_overrides_and_falls_back_to_the_move(stretch_home: Path) -> None:
    write_user_file(
        stretch_home, "mine.yaml",
        "routines:\n  r:\n    title: R\n    items:\n"
        "      - move: glute-bridge\n"             # counted by default
        "      - move: glute-bridge\n        reps: 10\n        tempo: 5\n"  # another tempo
        "      - move: figure-four\n        reps: 3\n",
    )  # (a hold on a counted exercise is an error: see test_reliability.py, item 13)
    items = load_catalogue(user_dir=stretch_home / "routines").routines["r"].items
    assert (items[0].hold, items[0].tempo, items[0].reps) == (None, 6, 10)
    assert (items[1].hold, items[1].tempo, items[1].reps) == (None, 5, 10)
    assert (items[2].hold, items[2].tempo, items[2].reps) == (30, None, 3)


MOVE = """
moves:
  {id}:
    name: {name}
    kind: exercise
    group: core
    position: all-fours
    {dose}
    setup: On hands and knees.
    cues: [Move slowly]
"""


@pytest.mark.parametrize(
    ("move_id", "name", "dose"),
    [
        ("cat-camel", "Cat-camel", "reps: 8\n    tempo: 4"),  # moved gently: a warm-up
        ("hamstring-curl", "Hamstring curl", "reps: 8\n    tempo: 4"),  # not a stretch
        ("wide-knee-rock", "Wide-knee rock back", "hold: 20"),  # no avoided name in it
        ("couch-rest", "Couch stretch (easy)", "hold: 20"),  # "cat stretch" is not a word in it
    ],
)
def test_what_is_not_on_the_avoid_list(stretch_home: Path, move_id: str, name: str,
                                       dose: str) -> None:
    write_user_file(stretch_home, "mine.yaml", MOVE.format(id=move_id, name=name, dose=dose))
    assert move_id in load_catalogue(user_dir=stretch_home / "routines").moves


@pytest.mark.parametrize(
    ("move_id", "name", "dose", "field"),
    [
        ("cat-camel", "Cat-camel", "hold: 20", "moves.cat-camel"),  # held at the end
        ("my-stretch", "Knees-to-chest hug", "hold: 20", "moves.my-stretch.name"),
        ("windscreen-wipers", "Gentle rocking", "reps: 8\n    tempo: 4", "moves.windscreen-wipers"),
        ("morning-fold", "Standing toe touch", "hold: 20", "moves.morning-fold.name"),
        ("reach", "CHILDS POSE", "hold: 20", "moves.reach.name"),
    ],
)
def test_each_form_of_an_avoided_stretch_is_refused(stretch_home: Path, move_id: str, name: str,
                                                     dose: str, field: str) -> None:
    path = write_user_file(stretch_home, "mine.yaml",
                           MOVE.format(id=move_id, name=name, dose=dose))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(user_dir=stretch_home / "routines")
    assert caught.value.path == str(path) and caught.value.field == field
    assert " is on the avoid list (" in caught.value.problem


def test_a_cache_made_by_code_with_other_fields_is_not_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A development build keeps the version number while the model gains fields: a
    catalogue pickled before would come back with those fields missing."""
    from stretch.catalogue import cache
    from stretch.catalogue.load import builtin_dir, catalogue_files, read_bytes

    kept = tmp_path / "catalogue.pickle"
    files = [(p, read_bytes(p)) for p in catalogue_files(builtin_dir())]
    with monkeypatch.context() as patch:
        patch.setattr(cache, "shape", lambda: "Move:id,name")  # the older code
        load_catalogue(user_dir=None, cache=kept)
        assert cache.read(kept, cache.key(files)) is not None
    assert cache.read(kept, cache.key(files)) is None  # today's code rebuilds instead
    rebuilt = load_catalogue(user_dir=None, cache=kept)
    assert rebuilt.moves["pigeon"].switch == 15
