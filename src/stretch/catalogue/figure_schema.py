"""Check a move's `figure` (its drawing, written by hand) into a `Figure`, or name what is wrong.

Kept beside schema.py, which calls `read_figure` for each move, so the drawing format
has one home. Every error names the file, line, column and field like any other.
"""

from __future__ import annotations

from stretch.catalogue.nodes import Node, Reader, describe
from stretch.poses import (
    ALL_JOINTS,
    FRAMES,
    HEIGHT,
    HEIGHTS,
    JOINTS,
    PROP_NUMBERS,
    PROPS,
    VIEWS,
    WIDTH,
    Figure,
    Pose,
    Prop,
    PropKind,
)
from stretch.text import plural

FIGURE_KEYS = ("view", "props", "pose", *FRAMES)
EXAMPLES: dict[PropKind, str] = {
    "floor": "- floor", "wall": "wall: 90", "cushion": "cushion: 30",
    "chair": "chair: [40, 58, 24]", "bed": "bed: [0, 45, 28]",
}


def read_figure(reader: Reader, node: Node | None, at: str, *, counted: bool) -> Figure | None:
    """A move's figure; `counted` moves (reps with a tempo) draw a start and an end."""
    if node is None or node.value is None:
        return None
    at = f"{at}.figure"
    m = reader.mapping(node, at, allowed=FIGURE_KEYS, required=("view",))
    names = _frames(reader, m, node, at, counted=counted)
    return Figure(
        view=reader.choice(m["view"], f"{at}.view", VIEWS),
        props=_props(reader, m.get("props"), f"{at}.props"),
        poses=tuple(_pose(reader, m[name], f"{at}.{name}") for name in names),
    )


def _frames(reader: Reader, m: dict[str, Node], node: Node, at: str, *, counted: bool
            ) -> tuple[str, ...]:
    """Which poses the figure must give: 'start' and 'end' when counted, else 'pose'."""
    if counted:
        if "pose" in m:
            reader.fail(node.keys["pose"], f"{at}.pose", "a counted exercise (reps with a "
                        "tempo) is drawn as a 'start' and an 'end' pose, not one 'pose'")
        for name in FRAMES:
            if name not in m:
                reader.fail(node, f"{at}.{name}", "missing (a counted exercise is drawn "
                            "as a 'start' and an 'end' pose)")
        return FRAMES
    for name in FRAMES:
        if name in m:
            reader.fail(node.keys[name], f"{at}.{name}", "a held move is drawn as one "
                        "'pose'; 'start' and 'end' are for counted exercises")
    if "pose" not in m:
        reader.fail(node, f"{at}.pose", "missing (required)")
    return ("pose",)


def _pose(reader: Reader, node: Node, at: str) -> Pose:
    joints = reader.mapping(node, at, allowed=ALL_JOINTS, required=JOINTS)
    return Pose(tuple(
        (name, _point(reader, joints[name], f"{at}.{name}"))
        for name in ALL_JOINTS if name in joints
    ))


def _point(reader: Reader, node: Node, at: str) -> tuple[int, int]:
    value = node.value
    if not isinstance(value, list) or len(value) != 2:
        found = (plural(len(value), "entry", "entries") if isinstance(value, list)
                 else describe(value))
        reader.fail(node, at, f"expected a point [x, y], got {found}")
    return (_coordinate(reader, value[0], at, "x", WIDTH),
            _coordinate(reader, value[1], at, "y", HEIGHT))


def _coordinate(reader: Reader, node: Node, at: str, name: str, high: int) -> int:
    """A whole number on the grid: x from 0 to WIDTH, or y from the floor up to HEIGHT."""
    value = node.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        reader.fail(node, at, f"{name} must be a whole number, got {describe(value)}")
    if not 0 <= value <= high:
        reader.fail(node, at, f"{name} {value} is out of range (0-{high})")
    return value


def _props(reader: Reader, node: Node | None, at: str) -> tuple[Prop, ...]:
    if node is None or node.value is None:
        return ()
    return tuple(_prop(reader, item, f"{at}[{i}]")
                 for i, item in enumerate(reader.items(node, at)))


def _prop(reader: Reader, node: Node, at: str) -> Prop:
    """'floor', or one key naming the prop with its number or [numbers]: 'wall: 90'."""
    if isinstance(node.value, dict):
        if len(node.keys) != 1:
            reader.fail(node, at, "one prop per entry, like 'wall: 90'; start each with '- '")
        key_node = next(iter(node.keys.values()))
        kind = reader.choice(key_node, at, PROPS)
        numbers = node.value[kind]
    else:
        kind, numbers = reader.choice(node, at, PROPS), None
    names = PROP_NUMBERS[kind]
    given = numbers.value if numbers is not None else None
    items = given if isinstance(given, list) else [numbers] if numbers is not None else []
    if len(items) != len(names) or (len(names) == 1 and isinstance(given, list)):
        wanted = "no numbers" if not names else (
            f"{names[0]}" if len(names) == 1 else f"[{', '.join(names)}]")
        reader.fail(numbers or node, at, f"a {kind} takes {wanted}: write '{EXAMPLES[kind]}'")
    return Prop(kind, tuple(
        _coordinate(reader, item, at, name, HEIGHT if name in HEIGHTS else WIDTH)
        for name, item in zip(names, items, strict=True)
    ))
