"""Reminder commands: `remind on/off/status`, and `nudge`, which the scheduler runs."""

from __future__ import annotations

from typing import Annotated

import typer

from stretch.cli.app import app, command

remind = typer.Typer(
    name="remind",
    help="Reminders from your system's scheduler.\n\nYour system's own scheduler nudges you "
    "when today's routine is due: remind on, off or status.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(remind)


@remind.command("on")
def remind_on(
    at: Annotated[
        str,
        typer.Option("--at", show_default=False,
                     help="The time of the reminder, HH:MM on the 24-hour clock (e.g. 07:30)."),
    ],
    days: Annotated[
        str | None,
        typer.Option(
            "--days", show_default=False,
            help="Which days: daily, weekdays, weekends, a day (mon), a range (mon-fri) or a "
            "list (mon,wed,fri). Default: the days your week plan is not a rest day.",
        ),
    ] = None,
    use_cron: Annotated[
        bool,
        typer.Option("--cron", help="Use a crontab line instead of a systemd user timer "
                     "(Linux; for systems without user systemd)."),
    ] = False,
) -> None:
    """Set the reminder, or change it.

    One reminder, on your system's own scheduler.

    Linux: a systemd user timer (or, with --cron, a crontab line); macOS: a launchd agent;
    Windows: a scheduled task.
    """
    with command() as term:
        from stretch.commands import remind as reminders

        reminders.on(term, at=at, days=days, use_cron=use_cron)


@remind.command("off")
def remind_off() -> None:
    """Remove the reminder.

    Everything `remind on` wrote, and nothing else."""
    with command() as term:
        from stretch.commands import remind as reminders

        reminders.off(term)


@remind.command("status")
def remind_status() -> None:
    """The reminder that is set.

    When it fires next, and what it runs."""
    with command() as term:
        from stretch.commands import remind as reminders

        reminders.status(term)


@app.command()
def nudge(
    show: Annotated[
        bool,
        typer.Option("--print", help="Print the reminder (or why there is none) instead of "
                     "showing a desktop notification."),
    ] = False,
) -> None:
    """The reminder the scheduler runs.

    A desktop notification naming today's routine, its minutes and your streak.

    The scheduler runs it. It stays quiet on a rest day, once today's routine is done, and
    in quiet hours; problems go to remind.log in your data folder, never to the screen.
    """
    with command(check_home=show) as term:
        from stretch.commands import nudge as nudging

        nudging.nudge(term, show=show)
