"""From a figure to strokes on the page: the one drawing the SVG and braille renderers share.

A pose becomes polylines (the limbs, the trunk, the props) and a head, each on a layer
the renderers style alike: far limbs lighter than near ones, props muted. A three-quarter
view shows depth (figures/space.py turns and tilts it to the page), so a knee that points
at the viewer, a shin across the body or knees spread wide read as such, and the floor
is a mat seen from above. A counted figure is drawn at any moment between its start and
end (the live view's in-between frames). The box that frames a figure covers every one
of its frames, so it does not jump about as it moves. The right side is the left's
mirror image, flipped on the page after the projection, so its depth turns the other
way too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from stretch.figures.props import MAT, Span, prop_extent, prop_strokes
from stretch.figures.space import Moment, joints_at, nearness, project
from stretch.figures.strokes import XY, Box, Layer, Project, Stroke
from stretch.poses import BEND, DEEP, HEAD_RADIUS, OVERHEAD, WIDTH, Figure, Frame
from stretch.vocab import Side

MARGIN = 2.0
ON_THE_FLOOR = 2  # a joint this low touches the floor (an ankle, a knee, a hand)
MAT_EDGE = 1.0  # a mat's edge beyond the widest joint on it
FLAT_DEPTH: dict[Layer, float] = {"far": -1.0, "body": 0.0, "head": 0.5, "near": 1.0}
# Each limb from the trunk out; a three-quarter view starts the arms and legs at the
# shoulders and hips (`space.joints_at` adds them), and draws those across the trunk.
LIMBS: tuple[tuple[Layer, tuple[str, ...]], ...] = (
    ("far", ("far-shoulder", "far-elbow", "far-hand")),
    ("far", ("far-hip", "far-knee", "far-foot", "far-toes")),
    ("body", ("hip", BEND, "neck")),
    ("body", ("far-shoulder", "near-shoulder")),
    ("body", ("far-hip", "near-hip")),
    ("near", ("near-shoulder", "near-elbow", "near-hand")),
    ("near", ("near-hip", "near-knee", "near-foot", "near-toes")),
)
ROOTS = {"near-shoulder": "neck", "far-shoulder": "neck", "near-hip": "hip", "far-hip": "hip"}


@dataclass(frozen=True, slots=True)
class Drawing:
    """One moment of a figure, painted back to front: the far limbs, then the props, then
    the body, near limbs and head in order of depth. Renderers cut a gap into what lies
    behind the body and near limbs (`front`) where they cross it. `box` frames every
    frame of the figure alike."""

    far: tuple[Stroke, ...]
    props: tuple[Stroke, ...]
    front: tuple[Stroke, ...]
    box: Box

    @property
    def strokes(self) -> tuple[Stroke, ...]:
        return self.far + self.props + self.front

    @property
    def head(self) -> XY:
        return next(s.points[0] for s in self.front if s.layer == "head")


def frames(figure: Figure, frame: Frame | None) -> tuple[Frame | None, ...]:
    """The frames to draw: the one asked for, or both (start, end) of a counted figure."""
    if frame is None and figure.counted:
        return ("start", "end")
    return (frame,)


def drawing(figure: Figure, moment: Moment = None, side: Side | None = None) -> Drawing:
    """One moment of a figure drawn for the left side, or mirrored for the right."""
    joints = joints_at(figure, moment)
    box = bounds(figure)
    deep = figure.view == DEEP
    far: list[tuple[float, Stroke]] = []
    front: list[tuple[float, Stroke]] = []
    for limb, chain in LIMBS:
        if not deep and chain[0] in ROOTS and chain[1] in ROOTS:
            continue  # no shoulders or hips across a flat view's trunk
        named = [joints[j if j in joints or j not in ROOTS else ROOTS[j]]
                 for j in chain if j in joints or j in ROOTS]
        if figure.view == "front" and chain[-1] not in joints and chain[-1].endswith("toes") \
                and 0 < named[-1][1] <= ON_THE_FLOOR:  # an ankle just above the floor:
            named.append((named[-1][0], 0.0, named[-1][2]))  # its foot, seen from the front
        layer = _layer(figure, limb)
        depth = sum(nearness(figure, p) for p in named) / len(named) if deep else FLAT_DEPTH[layer]
        stroke = Stroke(tuple(project(figure, p) for p in named), layer)
        (far if layer == "far" else front).append((depth, stroke))
    head = joints["head"]
    neck = _neck(project(figure, joints["neck"]), project(figure, head))
    if neck is not None:
        front.append((nearness(figure, head) if deep else FLAT_DEPTH["body"], neck))
    front.append(((nearness(figure, head) if deep else 0.0) + FLAT_DEPTH["head"],
                  Stroke((project(figure, head),), "head")))
    props = tuple(s for prop in figure.props
                  for s in prop_strokes(prop, figure.view, box, _span(figure), _projector(figure),
                                        overhead=figure.camera[1] >= OVERHEAD))
    shown = Drawing(_by_depth(far), props, _by_depth(front), box)
    return mirrored(shown) if side == "right" else shown


def _layer(figure: Figure, limb: Layer) -> Layer:
    """A limb's layer: a side or three-quarter view draws the far- limbs light; a front
    or top view draws both sides alike."""
    return "near" if limb == "far" and figure.view not in ("side", DEEP) else limb


def _by_depth(strokes: list[tuple[float, Stroke]]) -> tuple[Stroke, ...]:
    """Back to front; a stable sort, so strokes at one depth keep their LIMBS order."""
    return tuple(s for _, s in sorted(strokes, key=lambda pair: pair[0]))


def _projector(figure: Figure) -> Project:
    return lambda point: project(figure, point)


def mirrored(shown: Drawing) -> Drawing:
    """Left and right swapped on the page: every x flipped across the grid."""
    def flip(strokes: tuple[Stroke, ...]) -> tuple[Stroke, ...]:
        return tuple(replace(s, points=tuple((WIDTH - x, y) for x, y in s.points))
                     for s in strokes)

    x0, y0, x1, y1 = shown.box
    return Drawing(flip(shown.far), flip(shown.props), flip(shown.front),
                   (WIDTH - x1, y0, WIDTH - x0, y1))


def _neck(neck: XY, head: XY) -> Stroke | None:
    """From the top of the trunk to the edge of the head, when the head is not on it."""
    dx, dy = neck[0] - head[0], neck[1] - head[1]
    length = (dx * dx + dy * dy) ** 0.5
    if length <= HEAD_RADIUS:
        return None
    edge = (head[0] + dx * HEAD_RADIUS / length, head[1] + dy * HEAD_RADIUS / length)
    return Stroke((neck, edge), "body")


def _span(figure: Figure) -> Span:
    """The body's extent along x over every frame, for a floor or a mat under it, and how
    far either side of the middle a mat reaches: far enough for every hand, knee and foot
    on the floor (a frog's knees go wider than a mat that hugs the body)."""
    points = [p for pose in figure.poses for p in pose.points().values()]
    xs = [p[0] for p in points]
    down = [abs(p[2]) + MAT_EDGE for p in points if len(p) == 3 and p[1] <= ON_THE_FLOOR]
    return float(min(xs)), float(max(xs)), max([MAT, *down])


def bounds(figure: Figure) -> Box:
    """The area worth showing: every frame's joints and head, and the props that have a
    size of their own (a floor only spans what is above it), with a margin."""
    points: list[XY] = []
    for frame in frames(figure, None):
        joints = joints_at(figure, frame)
        points += [project(figure, p) for p in joints.values()]
        hx, hy = project(figure, joints["head"])
        points += [(hx - HEAD_RADIUS, hy - HEAD_RADIUS), (hx + HEAD_RADIUS, hy + HEAD_RADIUS)]
    for prop in figure.props:
        points += prop_extent(prop, figure.view, _span(figure), _projector(figure))
    return _box(points)


def _box(points: Iterable[XY]) -> Box:
    xs, ys = zip(*points, strict=True)
    return (min(xs) - MARGIN, min(ys) - MARGIN, max(xs) + MARGIN, max(ys) + MARGIN)

