"""A figure as inline SVG for the HTML sheet: no files, no fonts, nothing from the network.

Near limbs and the body in ink, far limbs lighter and thinner, props muted, the head a
filled disc. The `figure` class and `viewBox` let the page's CSS size it (its width and
height say its natural size, MM per grid unit); `role="img"` and a `<title>` give it an
accessible name. Written for inline use in HTML, so it carries no XML namespace.
"""

from __future__ import annotations

from html import escape

from stretch.figures.geometry import Drawing, Layer, drawing, frames, oriented
from stretch.poses import HEAD_RADIUS, Figure, Frame
from stretch.vocab import Side

GAP = 12.0  # grid units between two frames, the arrow in the middle
MM = 0.4  # natural size: millimetres per grid unit (a standing person about 22 mm)
INK = "#1f2933"
MUTED = "#a9b3bc"
# Pen widths in grid units, in proportion to the body they draw.
STYLES: dict[Layer, str] = {
    "prop": f'stroke="{MUTED}" stroke-width="1"',
    "far": 'stroke="#8796a5" stroke-width="1.8"',
    "body": f'stroke="{INK}" stroke-width="2.4"',
    "near": f'stroke="{INK}" stroke-width="2.4"',
}


def render(figure: Figure, *, frame: Frame | None = None, side: Side | None = None,
           title: str) -> str:
    """One `<svg>` element. A counted figure without a `frame` shows start, an arrow and
    end: side by side, or one above the other when a frame is wider than it is tall."""
    figure = oriented(figure, side)
    shown = [drawing(figure, f) for f in frames(figure, frame)]
    x0, y0, x1, y1 = shown[0].box
    width, height = x1 - x0, y1 - y0
    stacked = width > height
    step = (0.0, height + GAP) if stacked else (width + GAP, 0.0)
    total_w = width + step[0] * (len(shown) - 1)
    total_h = height + step[1] * (len(shown) - 1)
    parts = [
        f'<svg class="figure" viewBox="0 0 {_n(total_w)} {_n(total_h)}" '
        f'width="{_n(total_w * MM)}mm" height="{_n(total_h * MM)}mm" role="img">',
        f"<title>{escape(title)}</title>",
        '<g fill="none" stroke-linecap="round" stroke-linejoin="round">',
        *(_frame(p, shift=(step[0] * i, step[1] * i)) for i, p in enumerate(shown)),
    ]
    if len(shown) == 2:
        parts.append(_arrow(width, height, stacked=stacked))
    parts.append("</g></svg>")
    return "".join(parts)


def _frame(picture: Drawing, *, shift: tuple[float, float]) -> str:
    """One pose, its box moved by `shift`, y turned to run down the page."""
    x0, _, _, y1 = picture.box

    def at(x: float, y: float) -> str:
        return f"{_n(x - x0 + shift[0])} {_n(y1 - y + shift[1])}"

    paths = [
        f'<path class="{s.layer}" d="M{" L".join(at(x, y) for x, y in s.points)}" '
        f"{STYLES[s.layer]}/>"
        for s in picture.strokes if len(s.points) >= 2
    ]
    cx, cy = at(*picture.head).split()
    head = (f'<circle class="head" cx="{cx}" cy="{cy}" r="{HEAD_RADIUS}" fill="{INK}" '
            'stroke="none"/>')
    paths.insert(max(0, len(paths) - 2), head)  # over the body, under the near limbs
    return "".join(paths)


def _arrow(width: float, height: float, *, stacked: bool) -> str:
    """A chevron from the start frame to the end frame, in the gap between them."""
    if stacked:
        x, y = width / 2, height + GAP / 2
        points = ((x - 4, y - 2.5), (x, y + 2.5), (x + 4, y - 2.5))
    else:
        x, y = width + GAP / 2, height / 2
        points = ((x - 2.5, y - 4), (x + 2.5, y), (x - 2.5, y + 4))
    d = " L".join(f"{_n(px)} {_n(py)}" for px, py in points)
    return f'<path class="arrow" d="M{d}" stroke="{MUTED}" stroke-width="1.5"/>'


def _n(value: float) -> str:
    """A coordinate with at most one decimal, as short as it can be."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text
