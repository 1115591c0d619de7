"""Lines of styled text cut or padded to an exact width: what full-screen frames are made of.

The live view and the end screen build every row themselves, so each frame is exactly
the window's size and columns line up however long a user's text is.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence

from rich.align import AlignMethod
from rich.console import Console, RenderableType
from rich.text import Text

GAP = 2  # columns between two columns of text
BULLET = "• "
CAUTION = "! "  # as on the sheet
HANGING = (BULLET, CAUTION)  # wrapped lines of these are indented under their text


def beside(left: Sequence[Text], lw: int, right: Sequence[Text], rw: int) -> list[Text]:
    """Two columns side by side, `GAP` columns apart, as long as the longer one."""
    rows = max(len(left), len(right))
    left = [*left, *[Text()] * (rows - len(left))]
    right = [*right, *[Text()] * (rows - len(right))]
    return [Text.assemble(fit(a, lw, "left"), " " * GAP, fit(b, rw, "left"))
            for a, b in zip(left, right, strict=True)]


def fit(text: Text, width: int, justify: AlignMethod = "center") -> Text:
    """`text` cut (with an ellipsis) or padded to exactly `width` cells: itself when it
    is that wide already (a copy otherwise; neither is ever changed by the caller)."""
    if text.no_wrap and len(text) == width and text.cell_len == width:
        return text
    text = text.copy()
    text.truncate(width, overflow="ellipsis")
    text.align(justify, width)
    text.no_wrap = True
    return text


def wrapped(paragraphs: list[Text], width: int) -> list[Text]:
    """Paragraphs wrapped to `width`, each line of a bullet indented under its text."""
    out: list[Text] = []
    for paragraph in paragraphs:
        hang = "  " if paragraph.plain.startswith(HANGING) else ""
        lines = paragraph.wrap(_measure(), max(1, width - 1 - len(hang)))
        out += [line if i == 0 else Text(hang) + line for i, line in enumerate(lines)]
    return out


def rendered(renderable: RenderableType, width: int) -> list[Text]:
    """A renderable (a table) as lines of styled text, `width` cells wide."""
    console = _measure()
    return [Text.assemble(*[(seg.text, seg.style or "") for seg in line])
            for line in console.render_lines(renderable, console.options.update_width(width),
                                             pad=False)]


@functools.cache
def _measure() -> Console:
    """An off-screen console for wrapping and rendering; it never writes anywhere."""
    return Console(file=io.StringIO(), width=1000, legacy_windows=False, markup=False)
