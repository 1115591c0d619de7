"""Record commands: the week plan (and changing a day of it) and the history."""

from typing import Annotated

import typer

from stretch.cli.app import app, command
from stretch.cli.params import JsonOption, WeeksOption, complete_routine

week_app = typer.Typer(name="week", invoke_without_command=True, no_args_is_help=False,
                       rich_markup_mode=None)
app.add_typer(week_app)


@week_app.callback()
def week(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Your week plan, with this week ticked.

    Each day's routine and its minutes for you, a tick on the days you did it, and where
    the plan comes from; `stretch week set DAY ROUTINE` changes a day."""
    if ctx.invoked_subcommand is not None:
        return
    with command() as term:
        from stretch.commands import records

        records.week(term, as_json=as_json)


@week_app.command("set")
def week_set(
    day: Annotated[str, typer.Argument(help="The day to change: mon, tue ... sun.",
                                       show_default=False)],
    name: Annotated[
        str | None,
        typer.Argument(help="The routine for that day, or rest; leave it out to take the day "
                       "back to the plan's own.", autocompletion=complete_routine,
                       show_default=False, metavar="ROUTINE|rest"),
    ] = None,
) -> None:
    """Change a day of your plan, from today on.

    Kept in week.toml beside config.toml; past days keep the plan they had."""
    with command() as term:
        from stretch.commands import records

        records.week_set(term, day, name)


@app.command()
def history(
    as_json: JsonOption = False,
    weeks: WeeksOption = 12,
) -> None:
    """Your sessions, streak and calendar.

    The streak, this week's and month's sessions and minutes, minutes per muscle group,
    a calendar of the last weeks, and the latest sessions."""
    with command() as term:
        from stretch.commands import records

        records.history(term, as_json=as_json, weeks=weeks)
