"""The floor for start-up: a bare two-command Typer app, nothing else imported.

`--help` is the floor the goals are set against. Running `first --flag` shows what Typer
itself costs to run a command with an option (Typer 0.26+ imports pydantic for that).
"""

from typing import Annotated

import typer

app = typer.Typer()


@app.command()
def first(flag: Annotated[bool, typer.Option(help="A flag.")] = False) -> None:
    """First command."""


@app.command()
def second() -> None:
    """Second command."""


if __name__ == "__main__":
    app()
