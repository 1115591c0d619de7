"""A move's drawing as data: a stick figure's joints on a small grid, and a few props.

Pure frozen values (no rich, no yaml) so a `Move` can carry its figure, the catalogue
cache can pickle it, and both renderers (figures/svg.py and figures/braille.py) draw
the very same thing. The format is written by hand in the catalogue (see the README,
"Drawing a figure for your own move"); catalogue/figure_schema.py checks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

# The grid: x from 0 (left) to WIDTH, y from 0 (the floor) up to HEIGHT; in a
# three-quarter view, z from -DEPTH (away from the viewer) to DEPTH (towards them).
WIDTH = 100
HEIGHT = 60
DEPTH = 30
HEAD_RADIUS = 4

View = Literal["side", "front", "top", "three-quarter"]
VIEWS: tuple[View, ...] = get_args(View)
DEEP: View = "three-quarter"  # the one view whose points may carry a depth z
# Its camera, in degrees: turned from the side view towards the figure's left end (0: the
# side view, 90: looking along the body from its left end), and tilted to look down.
CAMERA_KEYS = ("turn", "tilt")
CAMERA = (35, 20)  # the three-quarter view's turn and tilt when a figure gives none

# Every pose names these; "near" limbs face the viewer in a side view.
JOINTS: tuple[str, ...] = (
    "head", "neck", "hip",
    "near-elbow", "near-hand", "far-elbow", "far-hand",
    "near-knee", "near-foot", "far-knee", "far-foot",
)
TOES: tuple[str, ...] = ("near-toes", "far-toes")  # optional: a foot's direction
BEND = "mid-back"  # optional: where the trunk bends (a curl-up lifts only above it)
ALL_JOINTS: tuple[str, ...] = JOINTS + TOES + (BEND,)

PropKind = Literal["floor", "wall", "cushion", "chair", "bed"]
PROPS: tuple[PropKind, ...] = get_args(PropKind)
# What each prop's numbers mean, in order ("floor" takes none).
PROP_NUMBERS: dict[PropKind, tuple[str, ...]] = {
    "floor": (),
    "wall": ("x",),
    "cushion": ("x",),
    "chair": ("front", "back", "seat"),
    "bed": ("from", "to", "top"),
}
HEIGHTS = frozenset({"seat", "top"})  # the prop numbers measured up from the floor; others are x

# Every figure is drawn for the left side; a card or screen that shows a sided move's
# drawing says so, in these words.
SIDE_SHOWN = "Left side shown; mirror it for the right."

# A figure may carry a second, smaller view of the same move (its `inset`), for what its
# own camera hides: the sheet prints it under the drawing, named by where it is seen from
# (a three-quarter view by how far its camera looks down: SLANTED and OVERHEAD degrees;
# from OVERHEAD on, the body lies inside its mat and on screen the mat is its corners).
INSET = "inset"
SEEN_FROM: dict[str, str] = {
    "side": "Seen from the side", "front": "Seen from the front", "top": "Seen from above",
    "slanted": "Seen from above, at a slant", "level": "Seen at a slant",
    "head": "Seen from the head end", "feet": "Seen from the feet end",
}
SLANTED, OVERHEAD = 20, 55
END_ON = 60  # a level camera turned this far looks along the body, from one end


Frame = Literal["start", "end"]
FRAMES: tuple[Frame, ...] = get_args(Frame)
Point = tuple[int, int] | tuple[int, int, int]  # (x, y), or (x, y, z) in a three-quarter view


@dataclass(frozen=True, slots=True)
class Pose:
    """One position of the body: each joint's (x, y) or (x, y, z), in ALL_JOINTS order."""

    joints: tuple[tuple[str, Point], ...]

    def points(self) -> dict[str, Point]:
        return dict(self.joints)


@dataclass(frozen=True, slots=True)
class Prop:
    """A floor, wall, cushion, chair or bed, placed by the numbers PROP_NUMBERS names."""

    kind: PropKind
    at: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Figure:
    """A move's drawing: one pose for a hold, or a start and an end for a counted exercise.

    Drawn for the left side where the move is sided; the right side is its mirror image.
    `camera` is a three-quarter view's (turn, tilt) in degrees, (0, 0) for the others.
    `inset` is a second view of the move with one pose and no inset of its own, printed
    small under the drawing where one camera cannot show all that matters.
    """

    view: View
    props: tuple[Prop, ...]
    poses: tuple[Pose, ...]
    camera: tuple[int, int] = (0, 0)
    inset: Figure | None = None

    @property
    def counted(self) -> bool:
        return len(self.poses) == len(FRAMES)

    def pose(self, frame: Frame | None) -> Pose:
        """The pose of a frame; a counted figure without a frame shows where it ends
        (the position held), and a one-pose figure is the same in every frame."""
        if self.counted and frame != "start":
            return self.poses[-1]
        return self.poses[0]


def seen_from(figure: Figure) -> str:
    """Where a view is seen from, in words: a three-quarter camera that looks down far
    enough is seen from above, one a little less at a slant from above, and one level and
    turned to look along the body from its head end or its feet end (a positive turn
    looks from the figure's left end)."""
    if figure.view != DEEP:
        return SEEN_FROM[figure.view]
    turn, tilt = figure.camera
    if tilt < SLANTED and abs(turn) >= END_ON:  # which end: the head's, or the feet's
        points = figure.poses[0].points()
        head_left = points["head"][0] < points["hip"][0]
        return SEEN_FROM["head" if head_left == (turn > 0) else "feet"]
    return SEEN_FROM["top" if tilt >= OVERHEAD else "slanted" if tilt >= SLANTED else "level"]


def figure_data(figure: Figure) -> dict[str, object]:
    """The figure as plain data in the catalogue's own shape (for `moves --json`)."""
    props: list[object] = [
        prop.kind if not prop.at else {prop.kind: prop.at[0] if len(prop.at) == 1
                                        else list(prop.at)}
        for prop in figure.props
    ]
    names = FRAMES if figure.counted else ("pose",)
    camera = dict(zip(CAMERA_KEYS, figure.camera, strict=True)) if figure.view == DEEP else {}
    inset = {INSET: figure_data(figure.inset)} if figure.inset else {}
    return {
        "view": figure.view,
        **camera,
        "props": props,
        **{name: {joint: list(xy) for joint, xy in pose.joints}
           for name, pose in zip(names, figure.poses, strict=True)},
        **inset,
    }
