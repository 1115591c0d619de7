"""The floor for start-up: a bare Typer app, nothing of stretch's imported.

`--help` is the floor for stretch's `--help`; `first --flag` (a command with an option:
Typer 0.26+ imports pydantic for that) is the floor for stretch's commands. `table
--flag` also prints a four-row Rich table, for what drawing any table with the stack
costs (shown in the benchmark for information; the goals use `first --flag`).
"""

from typing import Annotated

import typer

app = typer.Typer()


@app.command()
def first(flag: Annotated[bool, typer.Option(help="A flag.")] = False) -> None:
    """First command."""


@app.command()
def table(flag: Annotated[bool, typer.Option(help="A flag.")] = False) -> None:
    """Print a small table with Rich."""
    from rich.console import Console
    from rich.table import Table

    grid = Table()
    for column in ("name", "title", "min"):
        grid.add_column(column)
    for row in range(4):
        grid.add_row(f"routine-{row}", f"Routine {row}", str(row))
    Console().print(grid)


if __name__ == "__main__":
    app()
