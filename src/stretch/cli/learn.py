"""`learn`: short notes on back pain in plain words."""

from typing import Annotated

import typer

from stretch.cli.app import app, command


@app.command()
def learn(
    topic: Annotated[
        str | None,
        typer.Argument(help="A topic to read, such as flare-up (default: the list).",
                       show_default=False),
    ] = None,
    plain: Annotated[
        bool, typer.Option("--plain", help="No boxes (for screen readers).")
    ] = False,
) -> None:
    """Notes on back pain: why, what helps, when to get help.

    Back pain is common and the back is strong; hurt does not mean harm; keep moving; a
    plan for a flare-up; why the hips; how your doses change; when to get help. With no
    topic, the list of topics."""
    with command() as term:
        from stretch.commands import learn as notes

        term.plain = term.plain or plain
        notes.learn(term, topic)
