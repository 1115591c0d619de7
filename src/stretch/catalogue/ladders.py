"""Ladders: moves linked easier -> harder (`harder_move: ID`), checked once merged.

A move names the one harder move it leads to; the easier side follows, so each move gets
its `easier_move` here. A ladder stays in one muscle group and one kind of move, each
move is the next step of at most one easier move, and a ladder never goes round in a
circle; each failure points at the `harder_move` that breaks the rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from stretch.catalogue.nodes import Where
from stretch.errors import CatalogueError, did_you_mean
from stretch.model import Move


def link(moves: dict[str, Move], wheres: dict[str, Where], *,
         replaced: Mapping[str, Where] | None = None) -> dict[str, Move]:
    """Every move with its `easier_move` filled in, once every link is checked.
    `wheres` says where each move's `harder_move` is written; `replaced`, where the
    person defined the built-in moves they replaced: a built-in ladder their move does
    not fit is their move's problem, named at their line."""
    below: dict[str, str] = {}
    for move in moves.values():
        harder = move.harder_move
        if harder is None:
            continue
        where = wheres[move.id]
        try:
            _check_step(move, harder, moves, where)
        except CatalogueError as err:
            theirs = (replaced or {}).get(harder)
            if theirs is None or move.id in (replaced or {}):
                raise
            theirs.fail(f"replaces the built-in move '{harder}', the harder move of the "
                        f"built-in '{move.id}' ({err.path}:{err.line}: {err.problem}); give "
                        "your move an id of its own")
        if harder in below:
            first = wheres[below[harder]]
            where.fail(f"'{harder}' is already the harder move of '{below[harder]}' (at "
                       f"{first.path}:{first.line}): a ladder has one move on each step")
        below[harder] = move.id
    for move in moves.values():
        _check_circle(move, moves, wheres)
    return {key: replace(move, easier_move=below[key]) if key in below else move
            for key, move in moves.items()}


def _check_step(move: Move, harder: str, moves: Mapping[str, Move], where: Where) -> None:
    target = _known(harder, moves, where)
    if target.id == move.id:
        where.fail("a move cannot be its own harder move")
    if target.group != move.group:
        where.fail(f"'{harder}' works the {target.group} group, not the {move.group}: a "
                   "ladder stays in one muscle group")
    _same_kind(move, target, where, "a ladder stays with one kind of move")


def check_stand_ins(moves: Mapping[str, Move], wheres: Mapping[str, Where]) -> None:
    """Each move's `instead_of` names moves of the catalogue, of its own kind, not itself
    (`wheres` says where each is written)."""
    for move_id, where in wheres.items():
        move = moves[move_id]
        for other in move.instead_of:
            target = _known(other, moves, where)
            if target.id == move.id:
                where.fail("a move cannot be done in place of itself")
            _same_kind(move, target, where, "a move takes the place of its own kind")


def _known(named: str, moves: Mapping[str, Move], where: Where) -> Move:
    """The move `named`, or the error at `where` that says it is unknown."""
    target = moves.get(named)
    if target is None:
        where.fail(f"unknown move '{named}'{did_you_mean(named, moves)}")
    return target


def _same_kind(move: Move, target: Move, where: Where, rule: str) -> None:
    if target.kind != move.kind:
        where.fail(f"'{target.id}' is {_a(target.kind)}, '{move.id}' {_a(move.kind)}: {rule}")


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _check_circle(start: Move, moves: dict[str, Move], wheres: dict[str, Where]) -> None:
    """Follow the ladder up from `start`; coming back to it is a circle."""
    path = [start.id]
    current = start.harder_move
    while current is not None and current in moves:
        if current == start.id:
            wheres[path[-1]].fail("the ladder goes round in a circle: "
                                  + " -> ".join([*path, current]))
        if current in path:
            return  # a circle not through `start`: reported when its own moves are checked
        path.append(current)
        current = moves[current].harder_move

