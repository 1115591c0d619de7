"""The move's figure on the live screen: which pose, and the braille styled by layer.

A hold shows its pose, a counted exercise moves between its start and end at the tempo
(session/motion.py), and a pause shows the move coming up in its starting pose. Each
cell is styled by what is nearest in it: with colour the far side is dimmer and the
props muted; without, the dots alone tell near from far (figures/braille.py).
"""

from __future__ import annotations

import functools

from rich.text import Text

from stretch.figures.space import Moment
from stretch.model import Side
from stretch.poses import Figure
from stretch.session import motion
from stretch.session.engine import Session
from stretch.steps import Step

# A braille figure's cells by what is nearest in them (figures/braille.py RANK).
FIGURE_STYLES = ("", "bright_black", "dim", "", "bold")


def figure_frame(step: Step, elapsed: float) -> float | None:
    """The figure's moment `elapsed` seconds into a step (session/motion.py): part way
    between a counted exercise's start and end, moving at its tempo; None for a hold."""
    return motion.moment(step, elapsed)


Drawn = tuple[Figure, Moment, Side | None]  # a figure, its moment and side


def shown_figure(session: Session, shown: Step | None) -> Drawn | None:
    """The figure to draw now, its moment and side; None for a move without one."""
    if shown is None or shown.move is None or shown.move.figure is None:
        return None
    pose: Moment
    if shown is session.step:
        pose = figure_frame(shown, session.elapsed())
    else:  # a pause: the move coming up, ready to start
        pose = "start" if shown.kind == "count" else None
    return shown.move.figure, pose, shown.side


@functools.lru_cache(maxsize=48)
def drawn(figure: Figure, pose: Moment, side: Side | None, width: int, height: int
          ) -> tuple[Text, ...]:
    """The figure in braille, each cell styled by what is nearest in it, as lines made
    once per moment and size: a counted move has LEVELS + 1 of them, a hold one."""
    from stretch.figures.braille import picture

    cells = picture(figure, width=width, height=height, frame=pose, side=side)
    return tuple(_styled(line, ranks)
                 for line, ranks in zip(cells.lines, cells.ranks, strict=True))


def _styled(line: str, ranks: bytes) -> Text:
    """One row of braille with a span for each run of cells of one layer."""
    text = Text(line)
    start = 0
    for end in range(1, len(line) + 1):
        if end == len(line) or ranks[end] != ranks[start]:
            style = FIGURE_STYLES[ranks[start]]
            if style:
                text.stylize(style, start, end)
            start = end
    return text
