"""The avoid list as a rule: a catalogue may not define or use a stretch it names.

A move counts as an avoided stretch when its id is the entry's id, or when its id or
name holds, as whole words, the entry's id or one of its `known-as` names (case,
hyphens and apostrophes ignored: "Child's pose", "childs-pose"). An entry marked
`held-only` counts only for a held move: moving gently through it with reps is fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Set

from stretch.catalogue.drafts import DraftAvoid
from stretch.catalogue.nodes import Where
from stretch.errors import shorten
from stretch.model import Move
from stretch.text import listing

WORD = re.compile(r"[a-z0-9]+")
APOSTROPHES = str.maketrans("", "", "'\u2019")  # "child's" and "child\u2019s" read as "childs"


def words(text: str) -> str:
    """Lower-case words between single spaces, padded, so phrases match whole words."""
    return " " + " ".join(WORD.findall(text.lower().translate(APOSTROPHES))) + " "


Named = list[tuple[DraftAvoid, list[str]]]


def named(avoid: Iterable[DraftAvoid]) -> Named:
    """Each entry with the names it goes by, as `words`: worked out once for a catalogue,
    not once per move (a thousand moves would otherwise redo them all each time)."""
    return [(entry, [p for p in (words(entry.id), *map(words, entry.known_as)) if p.strip()])
            for entry in avoid]


def matching(text: str, avoid: Named) -> DraftAvoid | None:
    """The first avoid entry one of whose names appears in `text`, as whole words."""
    found = words(text)
    return next((entry for entry, names in avoid if any(n in found for n in names)), None)


def problem(what: str, entry: DraftAvoid) -> str:
    """The one-line problem: it is on the avoid list, and what to do instead."""
    options = listing([move_id for move_id, _ in entry.instead], "or")
    if entry.held_only:
        return (f"'{shorten(what)}' held still is on the avoid list ({entry.name}): move "
                f"through it gently with 'reps' and a 'tempo', or use {options} instead; "
                "see 'stretch avoid'")
    return (f"'{shorten(what)}' is on the avoid list ({entry.name}): use {options} instead; "
            "see 'stretch avoid'")


def check_moves(
    moves: Mapping[str, tuple[Move, Where, Where]], avoid: Mapping[str, DraftAvoid], *,
    builtin: Set[str] = frozenset(), users: Set[str] = frozenset(),
) -> None:
    """Fail at the first move that is an avoided stretch: at its id, else at its name. When
    a person's own avoid entry (an id in `users`) names a built-in move (an id in
    `builtin`), the entry is what to change: the failure is at their entry."""
    every = named(avoid.values())
    moving = [(entry, names) for entry, names in every if not entry.held_only]
    for move_id, (move, at_id, at_name) in moves.items():
        entries = every if move.hold is not None else moving
        for what, at in ((move_id, at_id), (move.name, at_name)):
            entry = matching(what, entries)
            if entry is None:
                continue
            if move_id in builtin and entry.id in users:
                name = next(n for n in (entry.id, *entry.known_as)
                            if words(n).strip() and words(n) in words(what))
                entry.where.fail(f"'{shorten(name)}' names the built-in move '{move_id}' "
                                 f"({at.path}:{at.line}), which the built-in routines use: "
                                 "name only what you avoid, or replace that move with one of "
                                 "your own")
            at.fail(problem(what, entry))


def check_reference(move_id: str, where: Where, avoid: Mapping[str, DraftAvoid]) -> None:
    """A routine item or `instead` naming an avoided stretch (with no move of that id)."""
    entry = avoid.get(move_id)
    if entry is not None:
        where.fail(problem(move_id, entry))
