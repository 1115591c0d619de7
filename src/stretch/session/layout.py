"""Where each part of the live view goes at a given terminal size: a pure function.

Three shapes: `wide` (the figure beside the side's letters and the countdown, for
landscape windows), `tall` (the figure under it) and `tiny` (the countdown alone). The
setup and cues get the rows they need, within limits, so that at 100x32 every cue shows;
the digits take what the other parts leave, so they grow with the window and stay the
biggest thing on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from stretch.session.bigtext import digit_rows, letter_rows
from stretch.session.lines import GAP

TINY_ROWS = 16  # below this many rows, or TINY_COLUMNS columns, the countdown stands alone
TINY_COLUMNS = 40
WIDE = 2.2  # columns per row from which the figure goes beside the countdown
FIGURE_SHARE = 0.4  # of the width, for the figure beside the countdown and the side
BIG_SHARE, BIG_COLUMNS = 0.5, 160  # from this wide, the digits are huge: the figure grows
MIN_DIGITS = 5  # rows the digits keep however long a move's instructions are

Shape = Literal["wide", "tall", "tiny"]


@dataclass(frozen=True, slots=True)
class Layout:
    """Rows and columns for each part; 0 rows means the part is left out."""

    shape: Shape
    width: int
    height: int
    header: int  # the title, the session's progress and time left
    scale: int  # of the big letters (side, banner, PAUSED)
    letters: int  # rows of the big letters
    gap: int  # blank rows between the letters and the digits
    spacing: int  # blank rows above the cues (0 when rows are short)
    digits: int  # rows of the big digits (0: the number as one line of text)
    main: int  # columns of the countdown column
    figure: tuple[int, int]  # columns and rows of the figure, (0, 0) for none
    cues: int  # rows for the setup, cues and cautions
    next: int  # the "Up next" row


def choose(width: int, height: int, *, number: str, figure: bool,
           needs: tuple[int, int] = (0, 0)) -> Layout:
    """The layout for a window of `width` x `height` showing `number` in big digits
    (its widest value in the step, so the size holds still while it counts). `needs` is
    the rows the session's longest setup and cues take with their cautions beside them
    (a wide window) and under them (a tall one): the digits give way so that they show
    whole, down to half the rows they share (then the rest is a key away)."""
    if height < TINY_ROWS or width < TINY_COLUMNS:
        return _tiny(width, height, number)
    scale = 1 if height < 30 else 2 if height < 50 else 3
    letters = letter_rows(scale)
    wide = figure and width >= WIDE * height
    if wide or not figure:
        # header, name, letters, blank, (digits), bar, detail, (blank), (cues), next, footer
        fixed = 1 + 1 + letters + 1 + 2 + 1 + 1
        shared = height - fixed
        cues = _cue_rows(needs[0], shared, least=3 if height >= 20 else 2)
        spacing = 1 if height >= 24 and shared - cues - 1 >= MIN_DIGITS else 0
        share = BIG_SHARE if width >= BIG_COLUMNS else FIGURE_SHARE
        side = round(width * share) if wide else 0
        main = width - side - (GAP if wide else 0)
        digits = digit_rows(number, width=main - 2, rows=shared - cues - spacing)
        beside = letters + 1 + max(digits, 1) + 2  # the rows the figure stands beside
        return Layout(shape="wide", width=width, height=height, header=1, scale=scale,
                      letters=letters, gap=1, spacing=spacing, digits=digits, main=main,
                      figure=(side, beside) if wide else (0, 0),
                      cues=shared - spacing - max(digits, 1), next=1)
    spacing = 1 if height >= 24 else 0
    fixed = 1 + 1 + letters + 1 + 2 + spacing + 1 + 1
    cues = _cue_rows(needs[1], height - fixed - 1, least=max(3, height // 5))
    room = height - fixed - cues - 1  # the figure takes a row's spacing of its own
    digits = digit_rows(number, width=width - 2, rows=room // 2)
    drawn = room - max(digits, 1)
    return Layout(shape="tall", width=width, height=height, header=1, scale=scale,
                  letters=letters, gap=1, spacing=spacing, digits=digits, main=width,
                  figure=(width, drawn), cues=cues, next=1)


def _cue_rows(needed: int, shared: int, *, least: int) -> int:
    """Rows for the setup and cues: what they need, but no fewer than `least` and no more
    than half of what they share with the digits (or the figure) beside a minimum."""
    most = max(least, min(shared // 2, shared - MIN_DIGITS))
    return max(least, min(needed, most))


def _tiny(width: int, height: int, number: str) -> Layout:
    """The name, the side, the digits, the bar and the keys: nothing else fits."""
    scale = 1 if height >= 9 and width >= 24 else 0
    letters = letter_rows(scale) if scale else 1
    gap = 1 if height >= 11 else 0
    # name, letters, blank, (digits), bar, detail, footer
    fixed = 1 + letters + gap + 1 + 1 + 1
    header = 1 if height - fixed >= 7 else 0
    digits = digit_rows(number, width=width - 2, rows=max(0, height - fixed - header))
    cues = height - fixed - header - max(digits, 1)
    return Layout(shape="tiny", width=width, height=height, header=header, scale=scale,
                  letters=letters, gap=gap, spacing=0, digits=digits, main=width,
                  figure=(0, 0), cues=max(0, cues), next=0)
