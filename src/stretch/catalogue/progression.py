"""A move's `progression` key: start, step and cap, checked against the move's own dose.

Every key is optional; one left out takes the default for the move's kind (coach/doses.py),
and the three together must climb: start <= the written dose <= cap.
"""

from __future__ import annotations

from dataclasses import replace

from stretch.catalogue.nodes import Node, Reader
from stretch.coach import doses
from stretch.model import Move, Progression

PROGRESSION_KEYS = ("start", "step", "cap")
# Bounds of each key by measure: the same as the format's reps and holds.
BOUNDS = {"reps": {"start": (1, 50), "step": (1, 10), "cap": (1, 50)},
          "hold": {"start": (5, 300), "step": (1, 60), "cap": (5, 300)}}
UNIT = {"reps": "", "hold": " s"}


def read_progression(reader: Reader, node: Node | None, move: Move, at: str) -> Move:
    """The move with its `progression` (the defaults when the key is absent)."""
    if node is None or node.value is None:
        return move
    at = f"{at}.progression"
    keys = reader.mapping(node, at, allowed=PROGRESSION_KEYS)
    measure = doses.measure(move)
    given = {key: reader.number(value, f"{at}.{key}", BOUNDS[measure][key], UNIT[measure])
             for key, value in keys.items()}
    checked = replace(move, progression=Progression(**given))
    start, _, cap = doses.settled(checked)
    dose = doses.written(checked)
    shown = doses.describe(measure, dose) if measure == "reps" else f"{dose} s"
    if start > dose:
        where = keys.get("start", node)
        reader.fail(where, f"{at}.start",
                    f"starts at {start}, above the written dose ({shown}); start at or below it")
    if cap < dose:
        where = keys.get("cap", node)
        reader.fail(where, f"{at}.cap",
                    f"stops at {cap}, below the written dose ({shown}); cap at or above it")
    return checked
