"""How a move's catalogue words read for a person: its position ('lying on your side'),
muscle group ('Inner thigh (adductors)'), sides, the equipment it needs and what it asks
of the body.
"""

from __future__ import annotations

from collections.abc import Sequence

from stretch.model import Demand, Equipment, Group, Position
from stretch.text import listing

SIDE_NAMES = {"left": "left", "right": "right", "both": "both sides"}
EQUIPMENT_NAMES: dict[Equipment, str] = {
    "mat": "a mat or soft carpet", "cushion": "a cushion", "chair": "a steady chair",
    "wall": "a wall or desk to hold", "bed": "a firm bed", "towel": "a folded towel",
    "band": "a light exercise band",
}
POSITION_WORDS: dict[Position, str] = {
    "supine": "lying on your back", "prone": "lying face down",
    "side-lying": "lying on your side", "all-fours": "on hands and knees",
    "kneeling": "kneeling", "seated": "sitting", "standing": "standing",
}
GROUP_WORDS: dict[Group, str] = {
    "gluteal": "Buttock (gluteals)", "adductor": "Inner thigh (adductors)",
    "psoas": "Front of the hip (psoas)", "core": "Core", "hip": "Hip muscles",
}
DEMAND_WORDS: dict[Demand, str] = {
    "floor": "getting down to the floor", "kneeling": "kneeling",
    "deep-hip-flexion": "bending the hip deeply", "standing-balance": "balancing on one leg",
    "sciatic-load": "a stretch on the nerve at the back of the hip, left out while your leg "
                    "settles",
}


def position(name: Position) -> str:
    """'side lying': a position as a short label."""
    return name.replace("-", " ")


def posture(name: Position) -> str:
    """'lying on your side': a position as a handout says it."""
    return POSITION_WORDS[name]


def group(name: Group) -> str:
    """'Inner thigh (adductors)': what a muscle group is, for a handout."""
    return GROUP_WORDS[name]


def demand_words(demands: Sequence[Demand]) -> str:
    """'kneeling or getting down to the floor': what a move needs that a body rules out."""
    return listing([DEMAND_WORDS[d] for d in demands], "or")


def sides(*, sided: bool, stretch: bool, short: bool = False) -> str:
    """How a move's sides read: 'each side'; 'both sides at once' for a stretch that works
    both (a butterfly); nothing for an exercise with no sides (a bridge, a plank), where
    "both sides" would read as "do it on each side"."""
    if sided:
        return "each" if short else "each side"
    if stretch:
        return "both" if short else "both sides at once"
    return ""


def equipment(needs: Sequence[Equipment]) -> str:
    """'a mat or soft carpet, a cushion and a steady chair'; 'nothing but yourself'."""
    return listing([EQUIPMENT_NAMES[e] for e in needs]) or "nothing but yourself"
