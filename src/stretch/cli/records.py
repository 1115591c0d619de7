"""Record commands: the week plan and the history."""

from stretch.cli.app import app, command
from stretch.cli.params import JsonOption, WeeksOption


@app.command()
def week() -> None:
    """The week plan, day by day, with this week's sessions ticked."""
    with command() as term:
        from stretch.commands import records

        records.week(term)


@app.command()
def history(
    as_json: JsonOption = False,
    weeks: WeeksOption = 12,
) -> None:
    """Your sessions, streak, minutes per muscle group, and a calendar of the last weeks."""
    with command() as term:
        from stretch.commands import records

        records.history(term, as_json=as_json, weeks=weeks)
