"""A figure in Unicode braille: 2 x 4 dots per character cell, the finest a terminal shows.

Plain text (no escapes), so it reads the same on a screen, in a pipe and in a test; the
layer of each cell comes alongside (`picture`), for a screen with colour to dim the far
side and the props. Made to be read from the floor two metres away: the body and near
limbs are solid lines one dot wide (two in a big drawing: no thicker than a limb), the far
limbs dotted (two dots in three), so they differ without colour, and joined to the body;
where a near limb crosses a far one (or a mat seen from above), that stops short of it;
the head is a ring (a disc when small) and the floor a line, both always drawn. The dots
are about square (a cell is twice as tall as it is wide), so a figure keeps its shape at
any size.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from stretch.figures.geometry import Drawing, drawing, frames
from stretch.figures.space import Moment
from stretch.figures.strokes import XY, Box, Layer, Stroke
from stretch.poses import HEAD_RADIUS, Figure
from stretch.vocab import Side

BLANK = " "
ARROW = "→"
ARROW_DOWN = "↓"
GAP = 3  # cells between two frames, the arrow in the middle
GAP_DOTS = 2  # the far side's dots taken off either side of a near line that crosses it
ROOT_DOTS = GAP_DOTS + 3  # of a far limb drawn again from its root, over that gap
THICK_FROM = 2.0  # dots per grid unit from which the body's lines are two dots wide
# Each dot remembers what drew it; a cell shows the nearest of its dots' layers.
RANK: dict[Layer, int] = {"prop": 1, "far": 2, "body": 3, "near": 3, "head": 4}
# The bit of each dot in a braille cell, by (column, row).
BITS = ((0x01, 0x02, 0x04, 0x40), (0x08, 0x10, 0x20, 0x80))


@dataclass(frozen=True, slots=True)
class Picture:
    """Lines of braille and, for each cell, the rank (RANK) of the nearest thing in it
    (0: empty), so a screen can colour the far side and the props apart."""

    lines: tuple[str, ...]
    ranks: tuple[bytes, ...]


def render(figure: Figure, *, width: int, height: int, frame: Moment = None,
           side: Side | None = None) -> list[str]:
    """Exactly `height` lines of exactly `width` characters.

    `frame` picks "start" or "end" of a counted exercise, or a moment between them (0.0
    the start, 1.0 the end); without one, a counted figure shows both with an arrow
    between, side by side or one above the other (whichever draws them larger), and a
    hold shows its pose. `side="right"` mirrors the figure (it is drawn for the left).
    """
    return list(picture(figure, width=width, height=height, frame=frame, side=side).lines)


def picture(figure: Figure, *, width: int, height: int, frame: Moment = None,
            side: Side | None = None) -> Picture:
    """`render`'s lines with each cell's layer."""
    return _render(figure, width, height, frame, side)


@lru_cache(maxsize=64)
def _render(figure: Figure, width: int, height: int, frame: Moment, side: Side | None
            ) -> Picture:
    """Remembered: a live view redraws a few times a second, the figure only changes
    with the moment (a big drawing takes a few milliseconds)."""
    if width <= 0 or height <= 0:
        return Picture((BLANK * max(width, 0),) * max(height, 0),
                       (bytes(max(width, 0)),) * max(height, 0))
    if isinstance(frame, float):
        return _cells(drawing(figure, frame, side), width, height)
    shown = [drawing(figure, f, side) for f in frames(figure, frame)]
    if len(shown) == 1:
        return _cells(shown[0], width, height)
    return _two(shown[0], shown[1], width, height)


def _two(first: Drawing, second: Drawing, width: int, height: int) -> Picture:
    """Start and end with an arrow between: beside each other, or one above the other when
    that draws them larger (a lying figure in a narrow space). Both at the same scale."""
    panel, rows = (width - GAP) // 2, (height - 1) // 2
    beside = _scale(first.box, panel, height)
    above = _scale(first.box, width, rows)
    if max(beside, above) <= 0:
        return _cells(second, width, height)
    if above > beside:
        a, b = _cells(first, width, rows), _cells(second, width, rows)
        spare = height - 2 * rows - 1
        return Picture(a.lines + (ARROW_DOWN.center(width),) + b.lines + (BLANK * width,) * spare,
                       a.ranks + (bytes(width),) * (1 + spare) + b.ranks)
    left, right = _cells(first, panel, height), _cells(second, panel, height)
    spare_cells = width - GAP - 2 * panel
    middle = height // 2
    lines = tuple(a + (f" {ARROW} " if row == middle else BLANK * GAP) + b + BLANK * spare_cells
                  for row, (a, b) in enumerate(zip(left.lines, right.lines, strict=True)))
    ranks = tuple(a + bytes(GAP) + b + bytes(spare_cells)
                  for a, b in zip(left.ranks, right.ranks, strict=True))
    return Picture(lines, ranks)


def _scale(box: Box, width: int, height: int) -> float:
    """Dots per grid unit for a box drawn in `width` x `height` cells (0 if no room)."""
    if width < 4 or height < 1:
        return 0.0
    x0, y0, x1, y1 = box
    return min((width * 2 - 1) / (x1 - x0), (height * 4 - 1) / (y1 - y0))


def _cells(shown: Drawing, width: int, height: int) -> Picture:
    canvas = _Canvas(width * 2, height * 4, shown.box)
    for stroke in shown.props:
        if stroke.under:
            canvas.polyline(stroke, pen=1)
    for stroke in shown.far:
        canvas.polyline(stroke, pen=1, dotted=True)
    for stroke in shown.front:  # a gap in what lies behind, where the front crosses it
        canvas.clear_behind(stroke)
    for stroke in shown.far:  # ... but each far limb still joins its hip or shoulder
        canvas.polyline(stroke, pen=1, dotted=True, first=ROOT_DOTS)
    for stroke in shown.props:
        if not stroke.fine and not stroke.under:
            canvas.polyline(stroke, pen=1)
    for stroke in shown.front:
        if stroke.layer == "head":
            canvas.head(stroke.points[0])
        else:
            canvas.polyline(stroke, pen=canvas.pen)
    return canvas.picture()


class _Canvas:
    """Dots on a grid, `scale` dots per figure unit, the figure's box centred."""

    def __init__(self, width: int, height: int, box: Box) -> None:
        self.width, self.height = width, height
        self.dots = [bytearray(width) for _ in range(height)]
        x0, y0, x1, y1 = box
        self.scale = min((width - 1) / (x1 - x0), (height - 1) / (y1 - y0))
        self.left = x0 - ((width - 1) / self.scale - (x1 - x0)) / 2
        self.bottom = y0 - ((height - 1) / self.scale - (y1 - y0)) / 2
        self.pen = 2 if self.scale >= THICK_FROM else 1

    def at(self, point: XY) -> tuple[int, int]:
        """The dot nearest a figure point (rows count down from the top)."""
        x = round((point[0] - self.left) * self.scale)
        y = self.height - 1 - round((point[1] - self.bottom) * self.scale)
        return x, y

    def put(self, x: int, y: int, rank: int) -> None:
        if 0 <= x < self.width and 0 <= y < self.height and self.dots[y][x] < rank:
            self.dots[y][x] = rank

    def path(self, stroke: Stroke) -> Iterator[tuple[int, int]]:
        """Every dot along a polyline, each joint once."""
        ends = [self.at(p) for p in stroke.points]
        for i, (a, b) in enumerate(itertools.pairwise(ends)):
            yield from _bresenham(*a, *b, skip_first=i > 0)

    def polyline(self, stroke: Stroke, *, pen: int, dotted: bool = False,
                 first: int | None = None) -> None:
        """Solid (a square `pen` dots across at each step), or dotted: two dots of every
        three, dense enough to read as a limb from the floor, broken enough to tell from
        a solid one without colour. `first`: only that many steps from the start."""
        rank = RANK[stroke.layer]
        low = -((pen - 1) // 2)
        for i, (x, y) in enumerate(self.path(stroke)):
            if first is not None and i >= first:
                break
            if dotted and i % 3 == 2:
                continue
            for dy in range(low, low + pen):
                for dx in range(low, low + pen):
                    self.put(x + dx, y + dy, rank)

    def clear_behind(self, stroke: Stroke) -> None:
        """Take the far side's dots (and a mat's under the body) off a margin around a front
        stroke or head: two dots, so a dotted far line shows a clear gap either side of a
        near one."""
        behind = (RANK["prop"], RANK["far"])  # a far limb, or a mat under the body
        if stroke.layer == "head":
            cx, cy = self.at(stroke.points[0])
            reach = int(self.radius) + 2
            spots = [(cx + dx, cy + dy) for dy in range(-reach, reach + 1)
                     for dx in range(-reach, reach + 1)
                     if dx * dx + dy * dy <= (self.radius + 1.5) ** 2]
        else:
            margin = range(-GAP_DOTS, self.pen + GAP_DOTS)
            spots = [(x + dx, y + dy) for x, y in self.path(stroke)
                     for dy in margin for dx in margin]
        for x, y in spots:
            if 0 <= x < self.width and 0 <= y < self.height and self.dots[y][x] in behind:
                self.dots[y][x] = 0

    @property
    def radius(self) -> float:
        return HEAD_RADIUS * self.scale

    def head(self, centre: XY) -> None:
        """A ring as thick as the body's pen; a filled disc when too small for a ring, and
        never smaller than a dot and its four neighbours."""
        cx, cy = self.at(centre)
        radius = max(self.radius, 1.2)
        inner = radius - self.pen - 0.2 if radius >= 3 else -1.0
        reach = int(radius) + 1
        for dy in range(-reach, reach + 1):
            for dx in range(-reach, reach + 1):
                if inner * inner < dx * dx + dy * dy <= (radius + 0.3) ** 2:
                    self.put(cx + dx, cy + dy, RANK["head"])

    def picture(self) -> Picture:
        lines, ranks = [], []
        for row in range(0, self.height, 4):
            cells, layers = [], bytearray()
            for col in range(0, self.width, 2):
                found = [(BITS[dx][dy], self.dots[row + dy][col + dx])
                         for dy in range(4) for dx in range(2) if self.dots[row + dy][col + dx]]
                bits = sum(bit for bit, _ in found)
                cells.append(chr(0x2800 + bits) if bits else BLANK)
                layers.append(max((rank for _, rank in found), default=0))
            lines.append("".join(cells))
            ranks.append(bytes(layers))
        return Picture(tuple(lines), tuple(ranks))


def _bresenham(x0: int, y0: int, x1: int, y1: int, *, skip_first: bool = False
               ) -> Iterator[tuple[int, int]]:
    """Every dot on the line from one end to the other, one per step."""
    dx, dy = abs(x1 - x0), -abs(y1 - y0)
    sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
    err = dx + dy
    first = True
    while True:
        if not (first and skip_first):
            yield x0, y0
        first = False
        if x0 == x1 and y0 == y1:
            return
        twice = 2 * err
        if twice >= dy:
            err += dy
            x0 += sx
        if twice <= dx:
            err += dx
            y0 += sy
