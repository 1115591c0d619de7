"""Words that frighten: none in anything a person reads about their back.

Fear of movement slows recovery from back pain (NICE NG59), and the NHS's own back-pain
sheets include stretches the avoid list leaves out: so no text calls a move harmful or
dangerous, or the back damaged, worn or degenerating. Every text in the built-in files
is read (moves, the avoid list, routines, the safety note, the learn notes), and so is
every sentence of stretch's own that goes with them; a failure names the file, line and
field, or the constant.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretch import text, text_doses, text_moves, text_safety
from stretch.catalogue.load import builtin_dir, catalogue_files
from stretch.catalogue.nodes import Node
from stretch.catalogue.parse import parse_yaml

FRIGHTENING = re.compile(
    r"\b(harm(ful|s)?\b|damag\w*|danger\w*|strain(s|ed|ing)?\b|injur\w*|"
    r"wear and tear|worn (out|away|down)|degenerat\w*|never again|crumbl\w*|fragile|"
    r"slipped|crippl\w*|ruin\w*|paralys\w*|catastroph\w*|irreversibl\w*|permanent\w*)",
    re.IGNORECASE,
)
# Keys whose values are not sentences: a figure is data; `known-as` names the stretches
# people already call by those names.
NOT_WORDS = {"figure", "known-as"}
# The one phrase allowed: the reassurance itself ("hurt does not mean harm", "no harm").
REASSURING = re.compile(r"hurt does not mean harm|not a sign of harm|no harm", re.IGNORECASE)


def texts(node: Node, field: str) -> Iterator[tuple[str, int, int, str]]:
    """Every string under `node` with its field path, line and column."""
    if isinstance(node.value, dict):
        for key, child in node.value.items():
            if key not in NOT_WORDS:
                yield from texts(child, f"{field}.{key}" if field else key)
    elif isinstance(node.value, list):
        for i, child in enumerate(node.value):
            yield from texts(child, f"{field}[{i}]")
    elif isinstance(node.value, str):
        yield field, node.line, node.col, node.value


def frightening(words: str) -> list[str]:
    return [m.group(0) for m in FRIGHTENING.finditer(REASSURING.sub("", words))]


def found_in(path: Path) -> list[str]:
    root = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    assert root is not None
    return [f"{path.name}:{line}:{col}: {field}: {', '.join(bad)!r} in {value!r}"
            for field, line, col, value in texts(root, "")
            if (bad := frightening(value))]


@pytest.mark.parametrize("path", catalogue_files(builtin_dir()), ids=lambda p: p.name)
def test_no_built_in_text_frightens(path: Path) -> None:
    assert found_in(path) == []


def test_stretchs_own_sentences_do_not_frighten() -> None:
    """The headings and sentences stretch's own wording adds to what a person reads: the
    safety note and the avoid list (text_safety.py), the doses (text_doses.py) and the
    rest (text.py, text_moves.py)."""
    own = {f"{module.__name__.removeprefix('stretch.')}.{name}": value
           for module in (text, text_doses, text_moves, text_safety)
           for name, value in vars(module).items() if name.isupper() and isinstance(value, str)}
    assert {"text_safety.AVOID_INSTEAD", "text_safety.RARE", "text_safety.GET_CHECKED",
            "text_doses.MINUTES_AT_DOSES", "text.CLOCK_FORM"} <= set(own)
    assert [f"{name}: {value!r}" for name, value in own.items() if frightening(value)] == []


@pytest.mark.parametrize("words", [
    "It is harmful to the back", "Twisting strains the joints", "strain the joints",
    "Discs can be damaged", "a dangerous stretch", "risk of injury", "wear and tear",
    "degenerative changes", "never again", "a slipped disc", "a worn out spine",
])
def test_the_check_catches_each_frightening_phrase(words: str) -> None:
    assert frightening(words), words


@pytest.mark.parametrize("words", [
    "Hurt does not mean harm", "They do your back no harm", "your back is strong",
    "Stretch to gentle tension, never pain, and never bounce",
])
def test_the_check_lets_reassurance_through(words: str) -> None:
    assert frightening(words) == [], words


def test_a_frightening_word_is_named_with_its_file_line_and_field(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("avoid:\n  x:\n    name: X\n    why: >-\n      It strains the joints.\n"
                    "    instead: [figure-four]\n")
    assert found_in(mine) == ["mine.yaml:4:10: avoid.x.why: 'strains' in 'It strains the "
                              "joints.'"]
