"""From a figure to strokes on the grid: the one drawing the SVG and braille renderers share.

A pose becomes polylines (the limbs, the trunk, the props) and a head, each on a layer
the renderers style alike: far limbs lighter than near ones, props muted. The box that
frames a figure covers every one of its frames, so a counted exercise does not jump
about as it moves between them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from stretch.poses import (
    HEAD_RADIUS,
    HEIGHTS,
    PROP_NUMBERS,
    WIDTH,
    Figure,
    Frame,
    Pose,
    Prop,
)
from stretch.vocab import Side

Layer = Literal["prop", "far", "body", "near"]
XY = tuple[float, float]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 with y up from the floor

MARGIN = 2.0
WALL_TOP = 30  # a wall is drawn at least this high beside a low figure
CUSHION = ((-6, 0), (-6, 2), (-5, 3), (5, 3), (6, 2), (6, 0))  # around its x
CHAIR_BACK = 20  # how far a chair's back rises above its seat
MATTRESS = 4  # the line under a bed's top


@dataclass(frozen=True, slots=True)
class Stroke:
    points: tuple[XY, ...]
    layer: Layer


@dataclass(frozen=True, slots=True)
class Drawing:
    """One frame: strokes in painting order (props, far limbs, body, near limbs), the
    head's centre (radius HEAD_RADIUS), and the box every frame of the figure shares."""

    strokes: tuple[Stroke, ...]
    head: XY
    box: Box


def oriented(figure: Figure, side: Side | None) -> Figure:
    """The figure as the side being worked sees it: drawn for the left, mirrored for the right."""
    return mirror(figure) if side == "right" else figure


def mirror(figure: Figure) -> Figure:
    """Left and right swapped: every x flipped across the grid, near limbs staying near."""
    def flip(pose: Pose) -> Pose:
        return Pose(tuple((name, (WIDTH - x, y)) for name, (x, y) in pose.joints))

    props = tuple(
        replace(prop, at=tuple(v if name in HEIGHTS else WIDTH - v
                               for name, v in zip(PROP_NUMBERS[prop.kind], prop.at, strict=True)))
        for prop in figure.props
    )
    return replace(figure, props=props, poses=tuple(flip(p) for p in figure.poses))


def frames(figure: Figure, frame: Frame | None) -> tuple[Frame | None, ...]:
    """The frames to draw: the one asked for, or both (start, end) of a counted figure."""
    if frame is None and figure.counted:
        return ("start", "end")
    return (frame,)


def drawing(figure: Figure, frame: Frame | None) -> Drawing:
    """One frame of an (already oriented) figure."""
    box = bounds(figure)
    pose = figure.pose(frame).points()
    far: Layer = "far" if figure.view == "side" else "near"
    limbs: list[tuple[Layer, tuple[str, ...]]] = [
        (far, ("neck", "far-elbow", "far-hand")),
        (far, ("hip", "far-knee", "far-foot", "far-toes")),
        ("body", ("hip", "neck")),
        ("near", ("neck", "near-elbow", "near-hand")),
        ("near", ("hip", "near-knee", "near-foot", "near-toes")),
    ]
    strokes = [stroke for prop in figure.props for stroke in prop_strokes(prop, figure, box)]
    strokes += [Stroke(tuple(_xy(pose[j]) for j in chain if j in pose), layer)
                for layer, chain in limbs]
    neck = _neck(_xy(pose["neck"]), _xy(pose["head"]))
    if neck is not None:
        strokes.insert(-2, neck)
    return Drawing(tuple(strokes), _xy(pose["head"]), box)


def _xy(point: tuple[int, int]) -> XY:
    return (float(point[0]), float(point[1]))


def _neck(neck: XY, head: XY) -> Stroke | None:
    """From the top of the trunk to the edge of the head, when the head is not on it."""
    dx, dy = neck[0] - head[0], neck[1] - head[1]
    length = (dx * dx + dy * dy) ** 0.5
    if length <= HEAD_RADIUS:
        return None
    edge = (head[0] + dx * HEAD_RADIUS / length, head[1] + dy * HEAD_RADIUS / length)
    return Stroke((neck, edge), "body")


def bounds(figure: Figure) -> Box:
    """The area worth showing: every frame's joints and head, and the props that have a
    size of their own (a floor only spans what is above it), with a margin."""
    points: list[XY] = []
    for pose in figure.poses:
        joints = pose.points()
        points += [_xy(xy) for xy in joints.values()]
        hx, hy = joints["head"]
        points += [(hx - HEAD_RADIUS, hy - HEAD_RADIUS), (hx + HEAD_RADIUS, hy + HEAD_RADIUS)]
    for prop in figure.props:
        points += _prop_extent(prop, figure)
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return (min(xs) - MARGIN, min(ys) - MARGIN, max(xs) + MARGIN, max(ys) + MARGIN)


def _prop_extent(prop: Prop, figure: Figure) -> list[XY]:
    if prop.kind == "floor":
        return [(min(x for p in figure.poses for x, _ in p.points().values()), 0.0)]
    if prop.kind == "wall":
        return [(prop.at[0], 0.0), (prop.at[0], WALL_TOP)]
    if prop.kind == "cushion":
        return [(prop.at[0] + dx, dy) for dx, dy in CUSHION]
    a, b, height = prop.at
    top = height + CHAIR_BACK if prop.kind == "chair" and figure.view == "side" else height
    return [(a, 0.0), (b, top)]


def prop_strokes(prop: Prop, figure: Figure, box: Box) -> list[Stroke]:
    """A prop as muted lines: a floor across the box, a wall up to its top, a cushion, a
    chair (its back rising at `back`; from the front, a seat on legs) or a bed."""
    x0, _, x1, y1 = box
    if prop.kind == "floor":
        return [Stroke(((x0, 0.0), (x1, 0.0)), "prop")]
    if prop.kind == "wall":
        x = float(prop.at[0])
        return [Stroke(((x, 0.0), (x, max(y1 - MARGIN, WALL_TOP))), "prop")]
    if prop.kind == "cushion":
        return [Stroke(tuple((prop.at[0] + dx, float(dy)) for dx, dy in CUSHION), "prop")]
    a, b, h = (float(v) for v in prop.at)
    if prop.kind == "bed":
        a, b = min(a, b), max(a, b)
        return [Stroke(((a, 0.0), (a, h), (b, h), (b, 0.0)), "prop"),
                Stroke(((a, h - MATTRESS), (b, h - MATTRESS)), "prop")]
    seat = Stroke(((a, h), (b, h)), "prop")
    if figure.view == "side":
        lean = 2.0 if b >= a else -2.0
        return [seat, Stroke(((a, 0.0), (a, h)), "prop"),
                Stroke(((b, 0.0), (b, h), (b + lean, h + CHAIR_BACK)), "prop")]
    return [seat, Stroke(((a, 0.0), (a, h)), "prop"), Stroke(((b, 0.0), (b, h)), "prop")]
