"""Merge checked files into one catalogue: user ids replace built-in ones, references resolve.

Each layer (the built-in files, the user's files) must define every id once; then
routine items, `instead` lists and the week plan are resolved to the moves and
routines they name, each failure pointing at where the name was written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from stretch.catalogue import avoided, ladders
from stretch.catalogue.drafts import (
    DraftAvoid,
    DraftItem,
    DraftNotes,
    DraftRoutine,
    DraftWeek,
    FileContent,
)
from stretch.catalogue.nodes import Where
from stretch.errors import CatalogueError, did_you_mean
from stretch.model import (
    REST_DAY,
    Avoid,
    Catalogue,
    Item,
    LearnTopic,
    Move,
    Notes,
    Routine,
    WeekPlan,
)


def merge(builtin: Sequence[FileContent], user: Sequence[FileContent]) -> Catalogue:
    """Merge files: ids are unique within each layer; a user id replaces a built-in one."""
    base = _Layer.from_files(builtin)
    mine = _Layer.from_files(user)
    located = base.moves | mine.moves
    names = base.move_names | mine.move_names
    avoid = base.avoid | mine.avoid
    avoided.check_moves({k: (m, at, names[k]) for k, (m, at) in located.items()}, avoid,
                        builtin=set(base.moves) - set(mine.moves), users=set(mine.avoid))
    # a built-in ladder or routine that cannot use a move the person replaced: their move
    # is to blame, at their line
    replaced = {k: at for k, (_, at) in mine.moves.items() if k in base.moves}
    harder = {k: at for k, at in base.harder.items() if k not in mine.moves} | mine.harder
    moves = ladders.link({k: m for k, (m, _) in located.items()}, harder, replaced=replaced)
    ladders.check_stand_ins(moves, {k: at for k, at in base.instead.items()
                                    if k not in mine.moves} | mine.instead)
    routines = base.routines | mine.routines
    week = mine.week or base.week
    return Catalogue(
        moves=moves,
        avoid={k: _resolve_avoid(a, moves, avoid) for k, a in avoid.items()},
        routines={
            k: _resolve_routine(r, moves, avoid, replaces=k in base.routines and k in mine.routines,
                                blame={} if k in mine.routines else replaced)
            for k, r in routines.items()
        },
        week=_resolve_week(week, routines) if week else None,
        notes=_merge_notes(base.notes, mine.notes),
    )


@dataclass(slots=True)
class _Layer:
    """The built-in files, or the user's files, with every id unique across the layer."""

    moves: dict[str, tuple[Move, Where]] = field(default_factory=dict)
    move_names: dict[str, Where] = field(default_factory=dict)
    harder: dict[str, Where] = field(default_factory=dict)
    instead: dict[str, Where] = field(default_factory=dict)
    routines: dict[str, DraftRoutine] = field(default_factory=dict)
    avoid: dict[str, DraftAvoid] = field(default_factory=dict)
    week: DraftWeek | None = None
    notes: DraftNotes | None = None

    @classmethod
    def from_files(cls, files: Iterable[FileContent]) -> _Layer:
        layer = cls()
        for content in files:
            layer._add_moves(content)
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
                    _defined_twice(content.notes.where, layer.notes.where)
                layer.notes = content.notes
        return layer

    def _add_moves(self, content: FileContent) -> None:
        """A file's moves, with where each `harder_move` and `instead_of` is written."""
        for move_id, (move, where) in content.moves.items():
            if move_id in self.moves:
                _defined_twice(where, self.moves[move_id][1])
            self.moves[move_id] = (move, where)
            self.move_names[move_id] = content.move_names[move_id]
            for links, found in ((self.harder, content.harder), (self.instead, content.instead)):
                if move_id in found:
                    links[move_id] = found[move_id]


def _merge_notes(base: DraftNotes | None, mine: DraftNotes | None) -> Notes | None:
    """The user's notes over the built-in ones, key by key; `learn` topic by topic, a
    topic with a built-in's id taking its place and new ones coming after."""
    layers = [d for d in (base, mine) if d is not None]
    why_hips = next((d.why_hips for d in reversed(layers) if d.why_hips), None)
    safety = next((d.safety for d in reversed(layers) if d.safety), None)
    if why_hips is None or safety is None:
        return None
    learn: dict[str, LearnTopic] = {}
    for layer in layers:
        learn |= {topic.id: topic for topic in layer.learn}
    return Notes(why_hips=why_hips, safety=safety, learn=tuple(learn.values()))


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
                     *, replaces: bool, blame: Mapping[str, Where] | None = None) -> Routine:
    """Attach each item's move and fill in the dose the item leaves to the move. `blame`:
    where the person defined the built-in moves they replaced, for a built-in routine: an
    item that cannot take their move is their move's problem, named at their line."""
    items: list[Item] = []
    for d in draft.items:
        if d.move_id is None:
            items.append(Item(move=None, rest=d.rest, priority=d.priority))
            continue
        move = _lookup(d.move_id, d.where, moves, avoid)
        theirs = (blame or {}).get(d.move_id)
        try:
            _check_item(d, move)
        except CatalogueError as err:
            if theirs is None:
                raise
            theirs.fail(f"replaces the built-in move '{d.move_id}', which the built-in routine "
                        f"'{draft.id}' cannot run as yours is ({err.path}:{err.line}: "
                        f"{err.problem}); give your move an id of its own")
        as_holds = move.hold is not None
        hold = (d.hold or move.hold) if as_holds else None
        tempo = None if as_holds else (d.tempo or move.tempo)
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


def _check_item(item: DraftItem, move: Move) -> None:
    """The item's dose suits its move: its kind (`_check_dose`), and a tempo with time to
    move around the move's pause."""
    _check_dose(item, move)
    tempo = None if move.hold is not None else (item.tempo or move.tempo)
    if tempo is not None and move.pause is not None and move.pause >= tempo:
        item.where.fail(f"a {tempo} s tempo leaves no time to move around the {move.pause} s "
                        f"pause of '{move.id}' (give it at least {move.pause + 1} s)")


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
