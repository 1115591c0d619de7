"""Goal commands (PSFS): `goal`, `goal add TEXT RATING`, `goal rate [N RATING]`."""

from __future__ import annotations

from typing import Annotated

import typer

from stretch.cli.app import app, command
from stretch.cli.params import JsonOption

WHAT = "a goal's rating is a whole number from 0 (cannot do it) to 10 (as before)"


def goal_rating(value: str) -> int:
    """A PSFS rating, or a usage error saying what one is."""
    try:
        number = int(value)
    except ValueError:
        raise typer.BadParameter(f"{WHAT}, got '{value}'") from None
    if not 0 <= number <= 10:
        raise typer.BadParameter(f"{WHAT}, got {number}")
    return number


def goal_number(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise typer.BadParameter(f"a goal's number, as `stretch goal` lists it, got '{value}'"
                                 ) from None
    if number < 1:
        raise typer.BadParameter(f"a goal's number, as `stretch goal` lists it, got {number}")
    return number


Rating = Annotated[
    int,
    typer.Argument(parser=goal_rating, metavar="RATING", show_default=False,
                   help="How the activity is now: 0 (cannot do it) to 10 (as before)."),
]

goal_app = typer.Typer(
    name="goal",
    help="Activities your back makes hard, rated 0-10.\n\nThe Patient-Specific Functional "
    "Scale: up to five activities, each rated 0 (cannot do it) to 10 (as before), again "
    "once a week; `stretch goal` shows them over time.",
    invoke_without_command=True,
    rich_markup_mode=None,
    context_settings={"ignore_unknown_options": True},  # `goal add x -1`: a bad rating
)
app.add_typer(goal_app)


@goal_app.callback()
def goal(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Activities your back makes hard, rated 0-10.

    The Patient-Specific Functional Scale: up to five activities, each rated 0 (cannot do
    it) to 10 (as before), again once a week; `stretch goal` shows them over time."""
    if ctx.invoked_subcommand is not None:
        return
    with command() as term:
        from stretch.commands import goals

        goals.show(term, as_json=as_json)


@goal_app.command("add", context_settings={"ignore_unknown_options": True})
def goal_add(
    text: Annotated[
        str,
        typer.Argument(metavar="TEXT", show_default=False,
                       help="The activity, in a few words (\"putting on socks\")."),
    ],
    rating: Rating,
) -> None:
    """Add an activity your back makes hard, rated now.

    Up to five; 0 means you cannot do it, 10 that you do it as before."""
    with command() as term:
        from stretch.commands import goals

        goals.add(term, text, rating)


@goal_app.command("rate", context_settings={"ignore_unknown_options": True})
def goal_rate(
    number: Annotated[
        int | None,
        typer.Argument(parser=goal_number, metavar="N", show_default=False,
                       help="The goal's number, as `stretch goal` lists it."),
    ] = None,
    rating: Annotated[
        int | None,
        typer.Argument(parser=goal_rating, metavar="RATING", show_default=False,
                       help="How the activity is now: 0 (cannot do it) to 10 (as before)."),
    ] = None,
) -> None:
    """Rate your goals again: one, or each in turn.

    With N and RATING, that goal; without, at a terminal, each goal in turn, one key each
    (Enter skips one)."""
    with command() as term:
        from stretch.commands import goals

        goals.rate(term, number, rating)
