"""A figure as inline SVG for the HTML sheet: no files, no fonts, nothing from the network.

Near limbs and the body in ink, far limbs lighter and thinner, props muted (a mat or a
cushion filled lightly, so it reads as a thing), the head a filled disc. Where the body
or a near limb crosses what lies behind it, a white edge cuts a gap, so crossing limbs
stay two limbs. Pen widths are set in millimetres on paper for the size the figure is
printed at, so every figure on a sheet has the same line weight however big its pose.
`role="img"` and a `<title>` give it an accessible name. Written for inline use in HTML,
so it carries no XML namespace.
"""

from __future__ import annotations

import math
from html import escape

from stretch.figures.geometry import Drawing, drawing, frames
from stretch.figures.space import Moment
from stretch.figures.strokes import Layer, Stroke
from stretch.poses import HEAD_RADIUS, Figure
from stretch.vocab import Side

GAP = 12.0  # grid units between two frames, the arrow in the middle
MM = 0.4  # natural size: millimetres per grid unit
INK = "#1f2933"
FAR = "#7b8a99"
MUTED = "#a9b3bc"
FILL = "#e6ebef"
PAPER = "#ffffff"
COLOURS: dict[Layer, str] = {"prop": MUTED, "far": FAR, "body": INK, "near": INK, "head": INK}
# Pen widths in millimetres on paper, and the white edge either side of a front stroke.
PEN_MM: dict[Layer, float] = {"prop": 0.35, "far": 0.75, "body": 1.15, "near": 1.15,
                              "head": 0.0}
EDGE_MM = 0.55
ROOT_MM = 1.8  # of a far limb drawn again over the edges, where it joins the body


def render(figure: Figure, *, moment: Moment = None, side: Side | None = None, title: str,
           width_mm: float | None = None) -> str:
    """One `<svg>` element `width_mm` wide (else its natural size). A counted figure
    without a `moment` shows start, an arrow and end: side by side, or one above the
    other when a frame is wider than it is tall."""
    if isinstance(moment, float):
        shown = [drawing(figure, moment, side)]
    else:
        shown = [drawing(figure, f, side) for f in frames(figure, moment)]
    x0, y0, x1, y1 = shown[0].box
    width, height = x1 - x0, y1 - y0
    stacked = width > height
    step = (0.0, height + GAP) if stacked else (width + GAP, 0.0)
    total_w = width + step[0] * (len(shown) - 1)
    total_h = height + step[1] * (len(shown) - 1)
    mm = width_mm / total_w if width_mm else MM  # millimetres per grid unit on paper
    parts = [
        f'<svg class="figure" viewBox="0 0 {_n(total_w)} {_n(total_h)}" '
        f'width="{_n(total_w * mm)}mm" height="{_n(total_h * mm)}mm" role="img">',
        f"<title>{escape(title)}</title>",
        '<g fill="none" stroke-linecap="round" stroke-linejoin="round">',
        *(_frame(p, shift=(step[0] * i, step[1] * i), mm=mm) for i, p in enumerate(shown)),
    ]
    if len(shown) == 2:
        parts.append(_arrow(width, height, stacked=stacked, mm=mm))
    parts.append("</g></svg>")
    return "".join(parts)


def _frame(picture: Drawing, *, shift: tuple[float, float], mm: float) -> str:
    """One pose, its box moved by `shift`, y turned to run down the page: the props' light
    fill, the far limbs, white edges around everything in front, the props' lines, then
    the front strokes."""
    x0, _, _, y1 = picture.box

    def at(x: float, y: float) -> str:
        return f"{_n(x - x0 + shift[0])} {_n(y1 - y + shift[1])}"

    def path(stroke: Stroke, colour: str, pen: float, *, fill: str = "none") -> str:
        d = " L".join(at(x, y) for x, y in stroke.points)
        return (f'<path class="{stroke.layer}" d="M{d}" stroke="{colour}" '
                f'stroke-width="{_n(pen / mm, 2)}"' + (f' fill="{fill}"/>' if fill != "none"
                                                       else "/>"))

    def head(stroke: Stroke, colour: str, grow: float, name: str) -> str:
        cx, cy = at(*stroke.points[0]).split()
        return (f'<circle class="{name}" cx="{cx}" cy="{cy}" r="{_n(HEAD_RADIUS + grow, 2)}" '
                f'fill="{colour}" stroke="none"/>')

    out = [path(s, "none", 0.0, fill=FILL) for s in picture.props if s.closed]
    out += [path(s, FAR, PEN_MM["far"]) for s in picture.far]
    for s in picture.front:  # the white edges, under every front stroke
        out.append(head(s, PAPER, EDGE_MM / mm, "edge") if s.layer == "head" else
                   path(s, PAPER, PEN_MM[s.layer] + 2 * EDGE_MM).replace(
                       f'class="{s.layer}"', 'class="edge"'))
    out += [path(root, FAR, PEN_MM["far"]).replace('class="far"', 'class="far root"')
            for root in (_root(s, ROOT_MM / mm) for s in picture.far) if root]
    out += [path(s, MUTED, PEN_MM["prop"]) for s in picture.props]
    out += [head(s, INK, 0.0, "head") if s.layer == "head" else
            path(s, COLOURS[s.layer], PEN_MM[s.layer]) for s in picture.front]
    return "".join(out)


def _root(limb: Stroke, reach: float) -> Stroke | None:
    """The first `reach` grid units of a far limb, drawn again over the white edges: a far leg
    joins the hip and a far arm the shoulder, where the body's edge would otherwise cut
    it off (a standing leg seemed to float below the hip)."""
    (x0, y0), (x1, y1) = limb.points[:2] if len(limb.points) > 1 else (limb.points[0],) * 2
    length = math.hypot(x1 - x0, y1 - y0)
    if not length:
        return None
    t = min(1.0, reach / length)
    return Stroke(((x0, y0), (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)), "far")


def _arrow(width: float, height: float, *, stacked: bool, mm: float) -> str:
    """A chevron from the start frame to the end frame, in the gap between them."""
    if stacked:
        x, y = width / 2, height + GAP / 2
        points = ((x - 4, y - 2.5), (x, y + 2.5), (x + 4, y - 2.5))
    else:
        x, y = width + GAP / 2, height / 2
        points = ((x - 2.5, y - 4), (x + 2.5, y), (x - 2.5, y + 4))
    d = " L".join(f"{_n(px)} {_n(py)}" for px, py in points)
    return (f'<path class="arrow" d="M{d}" stroke="{MUTED}" '
            f'stroke-width="{_n(0.6 / mm, 2)}"/>')


def _n(value: float, places: int = 1) -> str:
    """A number with at most `places` decimals, as short as it can be."""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"
