"""The pain trend drawn as bars in the terminal: two bars a week, before and after."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from stretch.history.trend import Week, number

BARS = " ▁▂▃▄▅▆▇█"
ROWS = 5  # 2 points per row, in eighths: a quarter of a point per step
SLOT = 5  # characters per week
COLOURS = {"before": "cyan", "after": "magenta"}


def chart(weeks: Sequence[Week]) -> Text:
    """Two bars a week (left: before, right: after), 0-10 on five rows, the medians as
    numbers below so the chart reads without colour too."""
    lines = Text()
    for row in range(ROWS - 1, -1, -1):
        lines.append(f"{(row + 1) * 2:>6} ┤", style="dim")
        for week in weeks:
            lines.append(" ")
            lines.append(_bar(week.before, row), style=COLOURS["before"])
            lines.append(_bar(week.after, row), style=COLOURS["after"])
            lines.append(" " * (SLOT - 3))
        lines.append("\n")
    lines.append(f"{0:>6} └" + "─" * (SLOT * len(weeks)) + "\n", style="dim")
    lines.append(" " * 8 + _labels(weeks), style="dim")
    for name in ("before", "after"):
        lines.append("\n" + f"{name:>6}  ", style=COLOURS[name])
        for week in weeks:
            lines.append(f" {number(getattr(week, name)):<{SLOT - 1}}", style=COLOURS[name])
    return lines


def _labels(weeks: Sequence[Week]) -> str:
    """Every other week's Monday ('9 Sep'), the latest week always labelled."""
    row = [" "] * (SLOT * len(weeks) + SLOT)
    for index in range(len(weeks) - 1, -1, -2):
        label = f"{weeks[index].monday.day} {weeks[index].monday:%b}"
        start = index * SLOT + 1
        row[start:start + len(label)] = label
    return "".join(row).rstrip()


def _bar(value: float | None, row: int) -> str:
    """One row of a bar: each row holds 2 points in eighths."""
    if value is None:
        return " "
    eighths = round(value * 4) - 8 * row
    return BARS[max(0, min(8, eighths))]
