"""A figure in Unicode braille: 2 x 4 dots per character cell, the finest a terminal shows.

Plain text (no escapes), so it reads the same on a screen, in a pipe and in a test.
The dots are about square (a cell is twice as tall as it is wide), so a figure keeps
its shape at any size. Near limbs and the body are drawn with a pen that grows with the
drawing, far limbs in dashes, props in a thin line; the head is a ring (a dot when small).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from stretch.figures.geometry import XY, Box, Drawing, Layer, drawing, frames, oriented
from stretch.poses import HEAD_RADIUS, Figure, Frame
from stretch.vocab import Side

BLANK = " "
ARROW = "→"
ARROW_DOWN = "↓"
GAP = 3  # cells between two frames, the arrow in the middle
PEN = 2.0  # near limbs and the body: dots thick per dot of scale (as the SVG's 2.4 units)
FAR_PEN = 1.2  # far limbs, drawn in dashes
# The bit of each dot in a braille cell, by (column, row).
BITS = ((0x01, 0x02, 0x04, 0x40), (0x08, 0x10, 0x20, 0x80))


def render(figure: Figure, *, width: int, height: int, frame: Frame | None = None,
           side: Side | None = None) -> list[str]:
    """Exactly `height` lines of exactly `width` characters.

    `frame` picks "start" or "end" of a counted exercise; without one, a counted figure
    shows both with an arrow between, side by side or one above the other (whichever
    draws them larger), and a hold shows its pose. `side="right"` mirrors the figure
    (it is drawn for the left).
    """
    return list(_render(figure, width, height, frame, side))


@lru_cache(maxsize=64)
def _render(figure: Figure, width: int, height: int, frame: Frame | None, side: Side | None
            ) -> tuple[str, ...]:
    """Remembered: a live view redraws a few times a second, the figure only changes
    with the frame (a big drawing takes a few milliseconds)."""
    if width <= 0 or height <= 0:
        return (BLANK * max(width, 0),) * max(height, 0)
    figure = oriented(figure, side)
    shown = [drawing(figure, f) for f in frames(figure, frame)]
    if len(shown) == 1:
        return tuple(_cells(shown[0], width, height))
    return tuple(_two(shown[0], shown[1], width, height))


def _two(first: Drawing, second: Drawing, width: int, height: int) -> list[str]:
    """Start and end with an arrow between: beside each other, or one above the other when
    that draws them larger (a lying figure in a narrow space). Both at the same scale."""
    panel, rows = (width - GAP) // 2, (height - 1) // 2
    beside = _scale(first.box, panel, height)
    above = _scale(first.box, width, rows)
    if max(beside, above) <= 0:
        return _cells(second, width, height)
    if above > beside:
        arrow = [ARROW_DOWN.center(width)]
        spare = [BLANK * width] * (height - 2 * rows - 1)
        return _cells(first, width, rows) + arrow + _cells(second, width, rows) + spare
    left, right = _cells(first, panel, height), _cells(second, panel, height)
    spare_cells = BLANK * (width - GAP - 2 * panel)
    middle = height // 2
    return [
        a + (f" {ARROW} " if row == middle else BLANK * GAP) + b + spare_cells
        for row, (a, b) in enumerate(zip(left, right, strict=True))
    ]


def _scale(box: Box, width: int, height: int) -> float:
    """Dots per grid unit for a box drawn in `width` x `height` cells (0 if no room)."""
    if width < 4 or height < 1:
        return 0.0
    x0, y0, x1, y1 = box
    return min((width * 2 - 1) / (x1 - x0), (height * 4 - 1) / (y1 - y0))


def _cells(picture: Drawing, width: int, height: int) -> list[str]:
    canvas = _Canvas(width * 2, height * 4, picture.box)
    for stroke in picture.strokes:
        pen, dash = canvas.pen(stroke.layer)
        for a, b in zip(stroke.points, stroke.points[1:], strict=False):
            canvas.line(a, b, pen=pen, dash=dash)
    canvas.head(picture.head, pen=canvas.pen("body")[0])
    return canvas.text()


class _Canvas:
    """Dots on a grid, `scale` dots per figure unit, the figure's box centred."""

    def __init__(self, width: int, height: int, box: Box) -> None:
        self.width, self.height = width, height
        self.dots = [bytearray(width) for _ in range(height)]
        x0, y0, x1, y1 = box
        self.scale = min((width - 1) / (x1 - x0), (height - 1) / (y1 - y0))
        self.left = x0 - ((width - 1) / self.scale - (x1 - x0)) / 2
        self.bottom = y0 - ((height - 1) / self.scale - (y1 - y0)) / 2

    def pen(self, layer: Layer) -> tuple[int, int]:
        """How many dots thick a layer's lines are, and the length of the dashes of a far
        limb (0: solid): the pen grows with the drawing, as the SVG's does."""
        if layer == "prop":
            return 1, 0
        if layer == "far":
            thick = max(1, round(self.scale * FAR_PEN))
            return thick, thick
        return max(1, round(self.scale * PEN)), 0

    def at(self, point: XY) -> tuple[int, int]:
        """The dot nearest a figure point (rows count down from the top)."""
        x = round((point[0] - self.left) * self.scale)
        y = self.height - 1 - round((point[1] - self.bottom) * self.scale)
        return x, y

    def put(self, x: int, y: int) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            self.dots[y][x] = 1

    def line(self, a: XY, b: XY, *, pen: int, dash: int) -> None:
        """Bresenham's line, each dot widened to a square `pen` dots across; with `dash`,
        that many dots on, then as many off."""
        (x0, y0), (x1, y1) = self.at(a), self.at(b)
        low = -((pen - 1) // 2)
        for i, (x, y) in enumerate(_bresenham(x0, y0, x1, y1)):
            if dash and (i // dash) % 2:
                continue
            for dy in range(low, low + pen):
                for dx in range(low, low + pen):
                    self.put(x + dx, y + dy)

    def head(self, centre: XY, *, pen: int) -> None:
        """A ring as thick as the body's pen, or a filled disc when too small for a ring."""
        cx, cy = self.at(centre)
        radius = HEAD_RADIUS * self.scale
        inner = radius - pen - 0.2 if radius >= 2.5 else -1.0
        reach = int(radius) + 1
        for dy in range(-reach, reach + 1):
            for dx in range(-reach, reach + 1):
                if inner * inner < dx * dx + dy * dy <= (radius + 0.3) ** 2:
                    self.put(cx + dx, cy + dy)

    def text(self) -> list[str]:
        lines = []
        for row in range(0, self.height, 4):
            cells = []
            for col in range(0, self.width, 2):
                bits = sum(BITS[dx][dy] for dy in range(4) for dx in range(2)
                           if self.dots[row + dy][col + dx])
                cells.append(chr(0x2800 + bits) if bits else BLANK)
            lines.append("".join(cells))
        return lines


def _bresenham(x0: int, y0: int, x1: int, y1: int) -> Iterator[tuple[int, int]]:
    """Every dot on the line from one end to the other, one per step."""
    dx, dy = abs(x1 - x0), -abs(y1 - y0)
    sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
    err = dx + dy
    while True:
        yield x0, y0
        if x0 == x1 and y0 == y1:
            return
        twice = 2 * err
        if twice >= dy:
            err += dy
            x0 += sx
        if twice <= dx:
            err += dx
            y0 += sy
