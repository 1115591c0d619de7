"""Record commands: the week plan and the history."""

from stretch.cli.app import app, command
from stretch.cli.params import JsonOption, WeeksOption


@app.command()
def week() -> None:
    """Your week plan, with this week ticked.

    Each day's routine and minutes, with a tick on the days you did it."""
    with command() as term:
        from stretch.commands import records

        records.week(term)


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
