"""Merge checked files into one catalogue: user ids replace built-in ones, references resolve.

Each layer (the built-in files, the user's files) must define every id once; then
routine items, `instead` lists and the week plan are resolved to the moves and
routines they name, each failure pointing at where the name was written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from stretch.catalogue import avoided
from stretch.catalogue.drafts import (
    DraftAvoid,
    DraftItem,
    DraftRoutine,
    DraftWeek,
    FileContent,
)
from stretch.catalogue.nodes import Where
from stretch.errors import did_you_mean
from stretch.model import REST_DAY, Avoid, Catalogue, Item, Move, Notes, Routine, WeekPlan


def merge(builtin: Sequence[FileContent], user: Sequence[FileContent]) -> Catalogue:
    """Merge files: ids are unique within each layer; a user id replaces a built-in one."""
    base = _Layer.from_files(builtin)
    mine = _Layer.from_files(user)
    located = base.moves | mine.moves
    names = base.move_names | mine.move_names
    avoid = base.avoid | mine.avoid
    avoided.check_moves({k: (m, at, names[k]) for k, (m, at) in located.items()}, avoid)
    moves = {k: m for k, (m, _) in located.items()}
    routines = base.routines | mine.routines
    week = mine.week or base.week
    notes = mine.notes or base.notes
    return Catalogue(
        moves=moves,
        avoid={k: _resolve_avoid(a, moves, avoid) for k, a in avoid.items()},
        routines={
            k: _resolve_routine(r, moves, avoid, replaces=k in base.routines and k in mine.routines)
            for k, r in routines.items()
        },
        week=_resolve_week(week, routines) if week else None,
        notes=notes[0] if notes else None,
    )


@dataclass(slots=True)
class _Layer:
    """The built-in files, or the user's files, with every id unique across the layer."""

    moves: dict[str, tuple[Move, Where]] = field(default_factory=dict)
    move_names: dict[str, Where] = field(default_factory=dict)
    routines: dict[str, DraftRoutine] = field(default_factory=dict)
    avoid: dict[str, DraftAvoid] = field(default_factory=dict)
    week: DraftWeek | None = None
    notes: tuple[Notes, Where] | None = None

    @classmethod
    def from_files(cls, files: Iterable[FileContent]) -> _Layer:
        layer = cls()
        for content in files:
            for move_id, (move, where) in content.moves.items():
                if move_id in layer.moves:
                    _defined_twice(where, layer.moves[move_id][1])
                layer.moves[move_id] = (move, where)
                layer.move_names[move_id] = content.move_names[move_id]
            for routine_id, routine in content.routines.items():
                if routine_id in layer.routines:
                    _defined_twice(routine.where, layer.routines[routine_id].where)
                layer.routines[routine_id] = routine
            for avoid_id, entry in content.avoid.items():
                if avoid_id in layer.avoid:
                    _defined_twice(entry.where, layer.avoid[avoid_id].where)
                layer.avoid[avoid_id] = entry
            if content.week is not None:
                if layer.week is not None:
                    _defined_twice(content.week.where, layer.week.where)
                layer.week = content.week
            if content.notes is not None:
                if layer.notes is not None:
                    _defined_twice(content.notes[1], layer.notes[1])
                layer.notes = content.notes
        return layer


def _defined_twice(where: Where, first: Where) -> None:
    where.fail(f"already defined at {first.path}:{first.line}")


def _lookup(move_id: str, where: Where, moves: dict[str, Move],
            avoid: dict[str, DraftAvoid] | None = None) -> Move:
    move = moves.get(move_id)
    if move is None:
        avoided.check_reference(move_id, where, avoid or {})
        where.fail(f"unknown move '{move_id}'{did_you_mean(move_id, moves)}")
    return move


def _resolve_routine(draft: DraftRoutine, moves: dict[str, Move], avoid: dict[str, DraftAvoid],
                     *, replaces: bool) -> Routine:
    """Attach each item's move and fill in the dose the item leaves to the move."""
    items: list[Item] = []
    for d in draft.items:
        if d.move_id is None:
            items.append(Item(move=None, rest=d.rest, priority=d.priority))
            continue
        move = _lookup(d.move_id, d.where, moves, avoid)
        _check_dose(d, move)
        as_holds = move.hold is not None
        hold = (d.hold or move.hold) if as_holds else None
        tempo = None if as_holds else (d.tempo or move.tempo)
        if tempo is not None and move.pause is not None and move.pause >= tempo:
            d.where.fail(f"a {tempo} s tempo leaves no time to move around the {move.pause} s "
                         f"pause of '{d.move_id}' (give it at least {move.pause + 1} s)")
        items.append(
            Item(
                move=move,
                hold=hold,
                reps=d.reps or move.reps or 1,
                tempo=tempo,
                sets=d.sets,
                rest=d.rest,
                priority=d.priority,
            )
        )
    return Routine(
        id=draft.id,
        title=draft.title,
        summary=draft.summary,
        rest=draft.rest,
        items=tuple(items),
        source=draft.source,
        replaces_builtin=replaces,
    )


def _check_dose(item: DraftItem, move: Move) -> None:
    """An item changes its move's dose but never its kind: a held move takes `hold` and
    `reps` (how many holds), a counted exercise `reps`, `tempo` and `sets`."""
    if move.hold is None and "hold" in item.given:
        item.given["hold"].fail(f"'{move.id}' is a counted exercise (reps at a tempo): give "
                                "it 'reps' and 'tempo', not 'hold'")
    if move.hold is not None and "tempo" in item.given:
        item.given["tempo"].fail(f"'{move.id}' is held (a hold in seconds): give it 'hold' "
                                 "and 'reps' (how many holds), not 'tempo'")
    if move.hold is not None and "sets" in item.given:
        item.given["sets"].fail(f"'{move.id}' is held: 'sets' is for counted exercises; "
                                "'reps' says how many holds")


def _resolve_avoid(draft: DraftAvoid, moves: dict[str, Move],
                   avoid: dict[str, DraftAvoid]) -> Avoid:
    return Avoid(
        id=draft.id,
        name=draft.name,
        why=draft.why,
        description=draft.description,
        instead=tuple(_lookup(move_id, where, moves, avoid) for move_id, where in draft.instead),
        known_as=draft.known_as,
        held_only=draft.held_only,
    )


def _resolve_week(draft: DraftWeek, routines: dict[str, DraftRoutine]) -> WeekPlan:
    for _, routine_id, where in draft.days:
        if routine_id != REST_DAY and routine_id not in routines:
            hint = (did_you_mean(routine_id, [*routines, REST_DAY])
                    or f" (a day with no routine is '{REST_DAY}')")
            where.fail(f"unknown routine '{routine_id}'{hint}")
    return WeekPlan(
        days=tuple((day, routine_id) for day, routine_id, _ in draft.days),
        source=draft.source,
    )
