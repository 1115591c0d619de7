"""The pieces a drawing is made of, shared by the figure's geometry and its props."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Layer = Literal["prop", "far", "body", "near", "head"]
XY = tuple[float, float]
XYZ = tuple[float, float, float]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 with y up from the floor
Project = Callable[[XYZ], XY]  # a point in space to where it lands on the page


@dataclass(frozen=True, slots=True)
class Stroke:
    """A polyline on one layer; a head is a one-point stroke (its centre), and a prop whose
    last point is its first is a closed outline (a mat, a cushion) the SVG fills. A `fine`
    stroke is for print only: braille, too coarse for it, leaves it out (a mat's far
    edges, where its front edge alone says "floor"). An `under` stroke lies beneath the
    body (a mat seen from above, the body inside it): braille breaks it where a limb or
    the trunk crosses it, as it does a far limb, so its edge never runs through a body."""

    points: tuple[XY, ...]
    layer: Layer
    fine: bool = False
    under: bool = False

    @property
    def closed(self) -> bool:
        return len(self.points) > 2 and self.points[0] == self.points[-1]
