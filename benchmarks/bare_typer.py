"""The floor for start-up: a bare Typer app, nothing of stretch's imported.

`--help` is the floor for stretch's `--help`; `first --flag` (a command with an option:
Typer 0.26+ imports pydantic for that) is the floor for shell completion; `table
--rows N` prints a Rich table of N rows, the stack's own cost of a command that shows a
table, and the floor for each stretch command that shows one of as many rows.
"""

from typing import Annotated

import typer

app = typer.Typer()


@app.command()
def first(flag: Annotated[bool, typer.Option(help="A flag.")] = False) -> None:
    """First command."""


@app.command()
def table(rows: Annotated[int, typer.Option(help="How many rows.")] = 4) -> None:
    """Print a table of `rows` rows with Rich."""
    from rich.console import Console
    from rich.table import Table

    grid = Table()
    for column in ("name", "title", "min"):
        grid.add_column(column)
    for row in range(rows):
        grid.add_row(f"routine-{row}", f"Routine {row}", str(row))
    Console().print(grid)


if __name__ == "__main__":
    app()
