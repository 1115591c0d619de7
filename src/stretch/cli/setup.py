"""`stretch setup`: the person's profile, asked in a terminal or given as flags."""

from __future__ import annotations

from typing import Annotated

import typer

from stretch.cli.app import app, command
from stretch.cli.params import between
from stretch.vocab import DAY_MINUTES


@app.command()
def setup(
    days: Annotated[
        str | None,
        typer.Option("--days", metavar="DAYS", show_default=False,
                     help="The days you stretch: daily, weekdays, weekends, a day (mon), a "
                     "range (mon-fri) or a list (mon,wed,fri); 'plan' for the plan's own."),
    ] = None,
    minutes: Annotated[
        int | None,
        typer.Option("--minutes", metavar="MINUTES", show_default=False,
                     parser=between(int, *DAY_MINUTES, "a number of minutes a day"),
                     help=f"Minutes a day ({DAY_MINUTES[0]}-{DAY_MINUTES[1]}): today's "
                     "routine is fitted into them."),
    ] = None,
    floor: Annotated[
        bool | None,
        typer.Option("--floor/--no-floor", show_default=False,
                     help="Whether you can get down to the floor and back up."),
    ] = None,
    kneel: Annotated[
        bool | None,
        typer.Option("--kneel/--no-kneel", show_default=False, help="Whether you can kneel."),
    ] = None,
    hip_replacement: Annotated[
        bool | None,
        typer.Option("--hip-replacement/--no-hip-replacement", show_default=False,
                     help="A hip replacement, or a pinch at the front of the hip when it "
                     "bends deeply: no move that bends the hip deeply."),
    ] = None,
    leg_symptoms: Annotated[
        bool | None,
        typer.Option("--leg-symptoms/--no-leg-symptoms", show_default=False,
                     help="Pain, tingling or numbness spreads down a leg: each session ends "
                     "by asking whether it spread further."),
    ] = None,
    show: Annotated[
        bool, typer.Option("--show", help="Print your answers and change nothing.")
    ] = False,
) -> None:
    """Fit the plan to you: a one-minute intake.

    Six questions, one key an answer, in a terminal: which days, how many minutes, whether
    you can get down to the floor and kneel, a hip replacement, and leg symptoms. In a
    script, give the flags; each flag changes that answer only. Run it again to change
    your answers; --show prints them."""
    with command() as term:
        from stretch.commands import profile

        profile.setup(term, show=show, days=days, minutes=minutes, floor=floor, kneel=kneel,
                      hip_replacement=hip_replacement, leg_symptoms=leg_symptoms)
