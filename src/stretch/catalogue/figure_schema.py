"""Check a move's `figure` (its drawing, written by hand) into a `Figure`, or name what is wrong.

Kept beside schema.py, which calls `read_figure` for each move, so the drawing format
has one home. Every error names the file, line, column and field like any other.
"""

from __future__ import annotations

from dataclasses import replace

from stretch.catalogue.nodes import Node, Reader, describe
from stretch.poses import (
    ALL_JOINTS,
    CAMERA,
    CAMERA_KEYS,
    DEEP,
    DEPTH,
    FRAMES,
    HEIGHT,
    HEIGHTS,
    INSET,
    JOINTS,
    PROP_NUMBERS,
    PROPS,
    VIEWS,
    WIDTH,
    Figure,
    Point,
    Pose,
    Prop,
    PropKind,
    View,
)
from stretch.text import plural

FIGURE_KEYS = ("view", *CAMERA_KEYS, "props", "pose", *FRAMES, INSET)
ONE_POSE = ("an inset is drawn as one 'pose' (the position seen from another camera), not "
            "a 'start' and an 'end'")
NOT_IN_INSET = {"start": ONE_POSE, "end": ONE_POSE, INSET: "an inset has no inset of its own"}
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
    figure = _view(reader, node, m, at, counted=counted)
    if INSET not in m or m[INSET].value is None:
        return figure
    return replace(figure, inset=_inset(reader, m[INSET], f"{at}.{INSET}"))


def _inset(reader: Reader, node: Node, at: str) -> Figure:
    """The figure's second view: the move seen from another camera, in one pose even for a
    counted exercise (the position it is done in), and with no inset of its own."""
    if isinstance(node.value, dict):
        for key, problem in NOT_IN_INSET.items():
            if key in node.keys:
                reader.fail(node.keys[key], f"{at}.{key}", problem)
    allowed = tuple(key for key in FIGURE_KEYS if key not in NOT_IN_INSET)
    m = reader.mapping(node, at, allowed=allowed, required=("view",))
    return _view(reader, node, m, at, counted=False)


def _view(reader: Reader, node: Node, m: dict[str, Node], at: str, *, counted: bool) -> Figure:
    """One camera's drawing: its view and camera, props and pose or poses."""
    names = _frames(reader, m, node, at, counted=counted)
    view = reader.choice(m["view"], f"{at}.view", VIEWS)
    poses = tuple(_pose(reader, m[name], f"{at}.{name}", view) for name in names)
    if len(poses) == 2:
        _same_joints(reader, m, at, poses)
    return Figure(view=view, props=_props(reader, m.get("props"), f"{at}.props"), poses=poses,
                  camera=_camera(reader, m, at, view))


def _camera(reader: Reader, m: dict[str, Node], at: str, view: View) -> tuple[int, int]:
    """A three-quarter view's turn (-90 to 90: to the figure's left end, or its right)
    and tilt (0-90) in degrees, or its defaults."""
    if view != DEEP:
        for key in CAMERA_KEYS:
            if key in m:
                reader.fail(m[key], f"{at}.{key}", f"'{key}' sets the camera of a "
                            "three-quarter view; this figure's view is " + repr(view))
        return (0, 0)
    turn, tilt = (_coordinate(reader, m[key], f"{at}.{key}", key, span) if key in m
                  else default for key, default, span
                  in zip(CAMERA_KEYS, CAMERA, ((-90, 90), (0, 90)), strict=True))
    return (turn, tilt)


def _same_joints(reader: Reader, m: dict[str, Node], at: str, poses: tuple[Pose, ...]) -> None:
    """A counted figure moves each joint from its start to its end, so both name the same
    optional joints (toes, the mid-back)."""
    start, end = (set(pose.points()) for pose in poses)
    for name in ALL_JOINTS:
        if name in start and name not in end:
            reader.fail(m["end"], f"{at}.end.{name}", "missing (the start pose has it, and "
                        "a counted figure moves each joint from its start to its end)")
        if name in end and name not in start:
            reader.fail(m["end"].keys[name], f"{at}.end.{name}", "not in the start pose (a "
                        "counted figure moves each joint from its start to its end)")


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


def _pose(reader: Reader, node: Node, at: str, view: View) -> Pose:
    joints = reader.mapping(node, at, allowed=ALL_JOINTS, required=JOINTS)
    return Pose(tuple(
        (name, _point(reader, joints[name], f"{at}.{name}", view))
        for name in ALL_JOINTS if name in joints
    ))


def _point(reader: Reader, node: Node, at: str, view: View) -> Point:
    """[x, y]; in a three-quarter view [x, y] or [x, y, z], z the depth towards the viewer."""
    value = node.value
    sizes = (2, 3) if view == DEEP else (2,)
    if not isinstance(value, list) or len(value) not in sizes:
        found = (plural(len(value), "entry", "entries") if isinstance(value, list)
                 else describe(value))
        wanted = "[x, y] or [x, y, z]" if view == DEEP else "[x, y]"
        hint = ("; a depth z is for 'view: three-quarter'"
                if view != DEEP and isinstance(value, list) and len(value) == 3 else "")
        reader.fail(node, at, f"expected a point {wanted}, got {found}{hint}")
    x = _coordinate(reader, value[0], at, "x", (0, WIDTH))
    y = _coordinate(reader, value[1], at, "y", (0, HEIGHT))
    if len(value) == 3:
        return (x, y, _coordinate(reader, value[2], at, "z", (-DEPTH, DEPTH)))
    return (x, y)


def _coordinate(reader: Reader, node: Node, at: str, name: str, span: tuple[int, int]) -> int:
    """A whole number on the grid: x from 0 to WIDTH, y from the floor up to HEIGHT, or a
    depth z either side of the body's middle."""
    value = node.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        reader.fail(node, at, f"{name} must be a whole number, got {describe(value)}")
    low, high = span
    if not low <= value <= high:
        shown = f"{low}-{high}" if low >= 0 else f"{low} to {high}"
        reader.fail(node, at, f"{name} {value} is out of range ({shown})")
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
        _coordinate(reader, item, at, name, (0, HEIGHT if name in HEIGHTS else WIDTH))
        for name, item in zip(names, items, strict=True)
    ))
