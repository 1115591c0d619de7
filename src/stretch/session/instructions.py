"""A move's setup, cues and cautions on the live screen: whole, or cut between lines with
a key to read the rest, never a sentence cut mid-word.

Wide windows put the cautions beside the setup and cues; narrow ones under them. The
layout asks how many rows the session's longest instructions need (`needs`), so that at
100x32 every cue of every move shows; where a window is too small for them, the last
row that fits ends in an ellipsis and says which key shows them all (`i`, a page of its
own that `page` lays out).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from rich.text import Text

from stretch.model import Move
from stretch.session.lines import BULLET, CAUTION, GAP, beside, fit, wrapped

MORE = "… i: read the rest"
INSTRUCTIONS_KEY = "i"


def columns(width: int) -> tuple[int, int]:
    """The widths of the setup-and-cues column and of the cautions beside it."""
    right = (width - GAP) * 2 // 5
    return width - GAP - right, right


def _parts(move: Move) -> tuple[list[Text], list[Text]]:
    cues = [Text(move.setup, style="dim"), *[Text(BULLET + cue) for cue in move.cues]]
    cautions = [Text(CAUTION + c, style="yellow") for c in move.cautions]
    return cues, cautions


@functools.lru_cache(maxsize=64)
def lines(move: Move, width: int, *, side_by_side: bool) -> tuple[Text, ...]:
    """The setup and cues wrapped to `width`, the cautions beside them or under them
    (made once per move and window; the lines are copied, never changed, when shown)."""
    cues, cautions = _parts(move)
    if side_by_side and cautions:
        left, right = columns(width)
        return tuple(beside(wrapped(cues, left), left, wrapped(cautions, right), right))
    return tuple(fit(line, width, "left") for line in wrapped(cues + cautions, width))


def needs(moves: Iterable[Move], width: int) -> tuple[int, int]:
    """Rows the longest instructions take at `width`: cautions beside, and under."""
    shown = tuple(dict.fromkeys(moves))
    return (max((len(lines(m, width, side_by_side=True)) for m in shown), default=0),
            max((len(lines(m, width, side_by_side=False)) for m in shown), default=0))


def fitted(shown: tuple[Text, ...], rows: int, width: int) -> list[Text]:
    """Exactly `rows` lines: all of them, or as many whole lines as fit (a line breaks
    between words) and, last, an ellipsis and the key that shows the rest."""
    if len(shown) <= rows:
        return [*shown, *[Text()] * (rows - len(shown))]
    if rows <= 0:
        return []
    return [*shown[: rows - 1], fit(Text(MORE, style="bold"), width, "left")]


def _ended(line: Text, width: int, marker: str) -> Text:
    """A line cut back to its last whole word that leaves room for `marker`."""
    plain = line.plain.rstrip()
    room = max(0, width - len(marker))
    cut = plain[:room]
    if len(plain) > room:
        cut = cut[: cut.rfind(" ")] if " " in cut.strip() else ""
    head = line[: len(cut.rstrip())]
    return fit(Text.assemble(head, (marker, "bold")), width, "left")


def page(move: Move | None, width: int, rows: int) -> list[Text]:
    """The `i` page: the whole setup, cues and cautions across the window, `rows` lines
    (cut with an ellipsis only in a window too small for them even so)."""
    if move is None:
        return [Text("No move now: this is a pause.")] + [Text()] * (rows - 1)
    shown = lines(move, width, side_by_side=False)
    if len(shown) <= rows:
        return [*shown, *[Text()] * (rows - len(shown))]
    return [*shown[: rows - 1], _ended(shown[rows - 1], width, " …")]
