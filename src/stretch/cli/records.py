"""Record commands: the week plan (and changing a day of it) and the history (and one
session deleted or corrected)."""

from __future__ import annotations

from typing import Annotated

import typer

from stretch.cli.app import app, command
from stretch.cli.params import (
    FileOption,
    ForceOption,
    JsonOption,
    WeeksOption,
    complete_routine,
    rating,
)
from stretch.vocab import PAIN_SCALE

week_app = typer.Typer(name="week", invoke_without_command=True, no_args_is_help=False,
                       rich_markup_mode=None)
app.add_typer(week_app)


@week_app.callback()
def week(
    ctx: typer.Context,
    as_json: JsonOption = False,
    ics: Annotated[
        bool,
        typer.Option("--ics", help="Print the plan as an iCalendar file (weekly events with an "
                     "alarm) for your phone's or computer's calendar."),
    ] = False,
    output: FileOption = None,
    force: ForceOption = False,
) -> None:
    """Your week plan, with this week ticked.

    Each day's routine and its minutes for you, a tick on the days you did it, and where
    the plan comes from; `stretch week set DAY ROUTINE` changes a day, `--ics` gives the
    plan as a calendar file (`-o week.ics`)."""
    if ctx.invoked_subcommand is not None:
        return
    with command() as term:
        from stretch.commands import records

        records.week(term, as_json=as_json, ics=ics, output=output, force=force)


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


history_app = typer.Typer(
    name="history",
    help="Your sessions, streak and calendar.\n\nThe streak, this week's and month's "
    "sessions and minutes, minutes per muscle group, a calendar of the last weeks, and the "
    "latest sessions; `history delete ID` and `history rate ID` put one session right.",
    invoke_without_command=True,
    rich_markup_mode=None,
)
app.add_typer(history_app)


@history_app.callback()
def history(
    ctx: typer.Context,
    as_json: JsonOption = False,
    weeks: WeeksOption = 12,
) -> None:
    """Your sessions, streak and calendar.

    The streak, this week's and month's sessions and minutes, minutes per muscle group,
    a calendar of the last weeks, and the latest sessions; `history delete ID` and
    `history rate ID` put one session right."""
    if ctx.invoked_subcommand is not None:
        return
    with command() as term:
        from stretch.commands import records

        records.history(term, as_json=as_json, weeks=weeks)


SessionId = Annotated[
    str,
    typer.Argument(metavar="ID", show_default=False,
                   help="The session's id from `stretch history --json` (its first few "
                   "characters will do)."),
]


@history_app.command("delete")
def history_delete(session: SessionId) -> None:
    """Delete one session (asked first at a terminal).

    The streak, ticks and doses are worked out again without it; it is kept in a file
    whose `stretch import` brings it back."""
    with command() as term:
        from stretch.commands import corrections

        corrections.delete(term, session)


@history_app.command("rate")
def history_rate(
    session: SessionId,
    before: Annotated[
        int | None,
        typer.Option("--before", parser=rating, metavar=PAIN_SCALE, show_default=False,
                     help="How your back was before the session."),
    ] = None,
    after: Annotated[
        int | None,
        typer.Option("--after", parser=rating, metavar=PAIN_SCALE, show_default=False,
                     help="How your back was after the session."),
    ] = None,
) -> None:
    """Correct one session's 0-10 ratings (asked first at a terminal).

    Your doses and the pain trend are worked out again with the new ratings."""
    with command() as term:
        from stretch.commands import corrections

        corrections.rate(term, session, before=before, after=after)
