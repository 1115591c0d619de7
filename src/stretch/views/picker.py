"""The routine picker's list: `stretch run` with no name, at a terminal."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from stretch.model import Routine


def choices(rows: Sequence[tuple[Routine, int]]) -> RenderableType:
    """'  1  Hip reset (hip-reset)   13 min', a row per routine with its minutes at the
    person's doses."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold")
    table.add_column()
    table.add_column(justify="right")
    for number, (each, minutes) in enumerate(rows, 1):
        table.add_row(str(number), Text.assemble(f"{each.title} ", (f"({each.id})", "dim")),
                      f"{minutes} min")
    return Padding(table, (0, 0, 0, 2))
