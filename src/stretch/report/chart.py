"""The pain trend as an inline SVG chart for print: the weekly median "before" (a solid
line with filled dots) and "after" (a dashed line with open squares), 0-10 up the side,
the weeks along the bottom. Shapes and dashes, not colour alone, tell the two apart, so
it reads in black and white; a week without ratings leaves a gap in its line."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from stretch.history.trend import Week
from stretch.vocab import NO_PAIN, WORST_PAIN

WIDTH, HEIGHT = 170.0, 62.0  # the drawing's units (mm at its natural size)
LEFT, RIGHT, TOP, BOTTOM = 9.0, 3.0, 3.0, 8.0
BEFORE, AFTER = "#1f5f4f", "#8a3f00"


def pain_chart(weeks: Sequence[Week]) -> str:
    """One `<svg>` element, sized by the page's CSS (class `chart`)."""
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = inner_w / max(1, len(weeks))

    def x(index: int) -> float:
        return LEFT + step * (index + 0.5)

    def y(value: float) -> float:
        return TOP + inner_h * (1 - (value - NO_PAIN) / (WORST_PAIN - NO_PAIN))

    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH:g} {HEIGHT:g}" width="{WIDTH:g}mm" '
             f'height="{HEIGHT:g}mm" role="img"><title>Back pain, weekly median, '
             f"{NO_PAIN} none to {WORST_PAIN} worst</title>"]
    for value in range(NO_PAIN, WORST_PAIN + 1, 2):
        parts.append(f'<line x1="{LEFT:g}" x2="{WIDTH - RIGHT:g}" y1="{y(value):.2f}" '
                     f'y2="{y(value):.2f}" stroke="#d5dce2" stroke-width="0.3"/>'
                     f'<text x="{LEFT - 1.5:g}" y="{y(value) + 1.2:.2f}" text-anchor="end" '
                     f'font-size="3.2">{value}</text>')
    every = max(1, round(len(weeks) / 8))  # about eight dates, counted back from this week
    for index, week in enumerate(weeks):
        if (len(weeks) - 1 - index) % every == 0:
            parts.append(f'<text x="{x(index):.2f}" y="{HEIGHT - 3:g}" text-anchor="middle" '
                         f'font-size="3">{week.monday:%d %b}</text>')
    size = min(1.1, step * 0.3)  # markers shrink to fit two years of weeks
    parts += _series([(i, w.before) for i, w in enumerate(weeks)], x, y, colour=BEFORE,
                     dash="", marker="dot", size=size)
    parts += _series([(i, w.after) for i, w in enumerate(weeks)], x, y, colour=AFTER,
                     dash=' stroke-dasharray="1.6 1.2"', marker="square", size=size)
    parts.append("</svg>")
    return "".join(parts)


def _series(points: list[tuple[int, float | None]], x: Callable[[int], float],
            y: Callable[[float], float], *, colour: str, dash: str, marker: str,
            size: float) -> list[str]:
    """A line through the weeks with ratings (broken where a week has none), each week's
    median marked."""
    out: list[str] = []
    run: list[str] = []
    for index, value in [*points, (len(points), None)]:
        if value is None:
            if len(run) > 1:
                out.append(f'<polyline points="{" ".join(run)}" fill="none" stroke="{colour}" '
                           f'stroke-width="0.7"{dash}/>')
            run = []
            continue
        px, py = x(index), y(value)
        run.append(f"{px:.2f},{py:.2f}")
        if marker == "dot":
            out.append(f'<circle cx="{px:.2f}" cy="{py:.2f}" r="{size:.2f}" fill="{colour}"/>')
        else:
            out.append(f'<rect x="{px - size:.2f}" y="{py - size:.2f}" width="{2 * size:.2f}" '
                       f'height="{2 * size:.2f}" fill="#fff" stroke="{colour}" '
                       f'stroke-width="{size * 0.45:.2f}"/>')
    return out
