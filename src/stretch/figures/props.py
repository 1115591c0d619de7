"""Props drawn as what they are: a floor (a mat seen from above in a three-quarter view),
a wall, a cushion (a soft rounded pillow, not a block), a chair and a bed.

Each prop is placed by the numbers `poses.PROP_NUMBERS` names, in grid units; the
strokes are muted lines, and the closed ones (a mat, a cushion) are filled lightly in
print, so they read as objects rather than more limbs.
"""

from __future__ import annotations

import math
from dataclasses import replace

from stretch.figures.strokes import XY, Box, Project, Stroke
from stretch.poses import DEEP, Prop, View

MAT = 7.0  # half a mat's depth (about 45 cm: a mat hugs the body), three-quarter view
# The body's extent along x under which a floor or mat lies, and half the mat's depth.
Span = tuple[float, float, float]
MAT_OVERHANG = 2.0  # how far a mat reaches beyond the body at each end
# How much of each edge a mat seen from above keeps at its corners on screen: its whole
# outline ran beside the frog's legs and closed them into a box; four corners still say
# "a mat, the body on it" and cross nothing.
CORNER = 0.12
WALL_TOP = 30  # a wall is drawn at least this high beside a low figure
# A cushion around its x: a pillow about 40 cm long and 15 cm high, rounded at the ends.
CUSHION = ((-7.0, 0.0), (-7.5, 1.5), (-6.5, 3.5), (-4.0, 4.5), (4.0, 4.5), (6.5, 3.5),
           (7.5, 1.5), (7.0, 0.0), (-7.0, 0.0))
PILLOW = (7.0, 5.0, 2.5)  # half its length and depth, and its height
CHAIR_BACK = 20  # how far a chair's back rises above its seat
CHAIR_LEAN = 2.0  # and how far it leans back as it rises, seen from the side
SEAT = 6.0  # half a chair seat's depth (about 40 cm), three-quarter view
MATTRESS = 4  # the line under a bed's top


def _mat(span: Span, project: Project) -> list[XY]:
    a, b, half = span[0] - MAT_OVERHANG, span[1] + MAT_OVERHANG, span[2]
    corners = ((a, -half), (b, -half), (b, half), (a, half), (a, -half))
    return [project((x, 0.0, z)) for x, z in corners]


def _pillow(x: float, project: Project) -> list[list[XY]]:
    """A round cushion on the floor seen from above at a slant: its top, an ellipse, and
    the curve of its front side down to the floor."""
    w, d, h = PILLOW
    ring = [(math.cos(a * math.pi / 12), math.sin(a * math.pi / 12)) for a in range(25)]
    top = [project((x + w * c, h, d * s)) for c, s in ring]
    front = [project((x + w * c, 0.0, d * s)) for c, s in ring[:13]]
    sides = [[project((x + w * k, h, 0.0)), project((x + w * k, 0.0, 0.0))] for k in (1, -1)]
    return [top, front, *sides]


def _wall_panel(x: float, top: float, project: Project) -> list[XY]:
    corners = ((0.0, MAT), (0.0, -MAT), (top, -MAT), (top, MAT), (0.0, MAT))
    return [project((x, y, z)) for y, z in corners]


def prop_extent(prop: Prop, view: View, span: Span, project: Project
                ) -> list[XY]:
    """The points a prop needs inside the figure's box (a floor in a flat view only
    spans what is above it: it adds its height, not its length)."""
    if prop.kind == "floor":
        return _mat(span, project) if view == DEEP else [(span[0], 0.0)]
    if prop.kind == "wall":
        x = float(prop.at[0])
        if view == DEEP:
            return _wall_panel(x, WALL_TOP, project)
        return [(x, 0.0), (x, float(WALL_TOP))]
    if prop.kind == "cushion":
        if view == DEEP:
            return [p for line in _pillow(prop.at[0], project) for p in line]
        return [(prop.at[0] + dx, dy) for dx, dy in CUSHION]
    return _furniture_extent(prop, view, project)


def prop_strokes(prop: Prop, view: View, box: Box, span: Span,
                 project: Project, *, overhead: bool = False) -> list[Stroke]:
    """A prop as muted lines: a floor across the box (a mat under the body in a
    three-quarter view: in braille its front edge alone, unless seen from `overhead`,
    where the body lies inside its outline and its far edges cross nothing), a wall up to
    its top, a cushion, a chair (its back rising at `back`; from the front, a seat on
    legs) or a bed."""
    x0, _, x1, y1 = box
    if prop.kind == "floor":
        if view == DEEP:
            return _mat_strokes(_mat(span, project), overhead=overhead)
        return [Stroke(((x0, 0.0), (x1, 0.0)), "prop")]
    if prop.kind == "wall":
        x, top = float(prop.at[0]), max(y1 - 2.0, WALL_TOP)
        wall = _wall_panel(x, top, project) if view == DEEP else [(x, 0.0), (x, top)]
        return [Stroke(tuple(wall), "prop")]
    if prop.kind == "cushion":
        if view == DEEP:
            return [Stroke(tuple(line), "prop") for line in _pillow(prop.at[0], project)]
        return [Stroke(tuple((prop.at[0] + dx, dy) for dx, dy in CUSHION), "prop")]
    return _furniture(prop, view, project)


def _mat_strokes(mat: list[XY], *, overhead: bool) -> list[Stroke]:
    """A mat's outline; in braille, seen from above, its four corners (under the body,
    broken where a limb crosses one), and seen at a slant its front edge alone (its far
    edges would cross the body lying on it). The front edge is the one nearest
    the camera, lowest on the page: from the side the long edge before the body, from
    behind the short one under the feet (not the side edge, which stood up like a wall);
    seen level, where all four lie on the floor's line, the longest on the page (looking
    along the body, the long edges shrink to a point)."""
    if overhead:
        return [Stroke(tuple(mat), "prop", fine=True),
                *(Stroke(_corner(mat, i), "prop", under=True) for i in range(4))]
    edges = [(mat[i], mat[i + 1]) for i in (2, 0, 1, 3)]  # on a tie, the long near one
    front = min(edges, key=lambda edge: (round(edge[0][1] + edge[1][1], 6),
                                         -round(abs(edge[0][0] - edge[1][0]), 6)))
    return [Stroke(tuple(mat), "prop", fine=True), Stroke(front, "prop")]


def _furniture_extent(prop: Prop, view: View, project: Project) -> list[XY]:
    """The corners a chair or bed needs inside the box, where the view puts them."""
    if view == DEEP:
        return [p for s in _furniture_in_depth(prop, project) for p in s.points]
    a, b, height = (float(v) for v in prop.at)
    if prop.kind == "chair" and view == "side":
        return [(a, 0.0), (b, height), _chair_back_top(a, b, height)]
    return [(a, 0.0), (b, height)]


def _chair_back_top(a: float, b: float, seat: float) -> XY:
    """Where a chair's back ends, seen from the side: above its `back` edge, leaning
    away from the seat."""
    return (b + (CHAIR_LEAN if b >= a else -CHAIR_LEAN), seat + CHAIR_BACK)


def _furniture(prop: Prop, view: View, project: Project) -> list[Stroke]:
    """A bed (its ends, the mattress line and its top) or a chair. The top is for print
    only: in braille a body lying on it would share its row of dots and merge with it,
    where the mattress line below leaves a gap (the mattress) and still says "bed"."""
    if view == DEEP:
        return _furniture_in_depth(prop, project)
    a, b, h = (float(v) for v in prop.at)
    if prop.kind == "bed":
        a, b = min(a, b), max(a, b)
        return [Stroke(((a, 0.0), (a, h)), "prop"), Stroke(((b, h), (b, 0.0)), "prop"),
                Stroke(((a, h - MATTRESS), (b, h - MATTRESS)), "prop"),
                Stroke(((a, h), (b, h)), "prop", fine=True)]
    seat = Stroke(((a, h), (b, h)), "prop")
    if view == "side":
        return [seat, Stroke(((a, 0.0), (a, h)), "prop"),
                Stroke(((b, 0.0), (b, h), _chair_back_top(a, b, h)), "prop")]
    return [seat, Stroke(((a, 0.0), (a, h)), "prop"), Stroke(((b, 0.0), (b, h)), "prop")]


def _furniture_in_depth(prop: Prop, project: Project) -> list[Stroke]:
    """A chair or bed seen at a three-quarter angle: its top a slab across the body (a
    seat as deep as a chair's, a bed as deep as a mat), standing on its near legs; a
    chair's back a panel rising from its `back` edge."""
    a, b, h = (float(v) for v in prop.at)
    half = SEAT if prop.kind == "chair" else MAT

    def line(*points: tuple[float, float, float]) -> Stroke:
        return Stroke(tuple(project(p) for p in points), "prop")

    top = line((a, h, half), (b, h, half), (b, h, -half), (a, h, -half), (a, h, half))
    legs = [line((x, 0.0, half), (x, h, half)) for x in (a, b)]
    if prop.kind == "bed":
        return [*legs, line((a, h - MATTRESS, half), (b, h - MATTRESS, half)),
                replace(top, fine=True)]
    lean = CHAIR_LEAN if b >= a else -CHAIR_LEAN
    back = line((b, h, half), (b + lean, h + CHAIR_BACK, half),
                (b + lean, h + CHAIR_BACK, -half), (b, h, -half))
    return [top, *legs, back]


def _corner(mat: list[XY], i: int) -> tuple[XY, ...]:
    """A mat's corner as a short bend of its two edges (CORNER of each)."""
    here, before, after = mat[i], mat[i - 1 if i else 3], mat[i + 1]

    def towards(p: XY) -> XY:
        return (here[0] + (p[0] - here[0]) * CORNER, here[1] + (p[1] - here[1]) * CORNER)

    return (towards(before), here, towards(after))
