"""Session commands: run a routine by name, or today's from the week plan."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from stretch.cli.app import app, command
from stretch.cli.params import (
    BellOption,
    LegWorseOption,
    MinutesOption,
    PainAfterOption,
    PainBeforeOption,
    PlainOption,
    SpeedOption,
    VoiceOption,
    complete_routine,
)

if TYPE_CHECKING:
    from stretch.output import Terminal
    from stretch.session.options import Options

Start = Callable[["Terminal", "Options"], None]


def _session(start: Start, *, speed: float, voice: bool | None, bell: bool | None,
             plain: bool, minutes: float | None, pain_before: int | None,
             pain_after: int | None, leg_worse: bool | None) -> None:
    """The one runner of `run` and `today`: the terminal as --plain asks, the settings
    with the flags over them, then `start` with both."""
    with command() as term:
        from stretch.commands.common.basics import settings
        from stretch.session.options import Options

        term.plain = plain
        start(term, Options(settings(voice=voice, bell=bell), speed=speed, plain=plain,
                            minutes=minutes, pain_before=pain_before, pain_after=pain_after,
                            leg_worse=leg_worse))


@app.command()
def run(
    name: Annotated[
        str | None,
        typer.Argument(
            help="The routine to run; leave it out in a terminal to pick from a list.",
            autocompletion=complete_routine,
            show_default=False,
        ),
    ] = None,
    speed: SpeedOption = 1.0,
    voice: VoiceOption = None,
    bell: BellOption = None,
    plain: PlainOption = False,
    minutes: MinutesOption = None,
    pain_before: PainBeforeOption = None,
    pain_after: PainAfterOption = None,
    leg_worse: LegWorseOption = None,
) -> None:
    """Run a routine, guided, and log it.

    Hold, switch-sides and rest countdowns you can read from the floor; with no name,
    pick one from a list."""
    def start(term: "Terminal", options: "Options") -> None:
        from stretch.commands import sessions

        sessions.run(term, name, options)

    _session(start, speed=speed, voice=voice, bell=bell, plain=plain, minutes=minutes,
             pain_before=pain_before, pain_after=pain_after, leg_worse=leg_worse)


@app.command()
def today(
    preview: Annotated[
        bool, typer.Option("--preview", help="Show today's routine without starting it.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="With --preview: print it as JSON (implies --preview).")
    ] = False,
    speed: SpeedOption = 1.0,
    voice: VoiceOption = None,
    bell: BellOption = None,
    plain: PlainOption = False,
    minutes: MinutesOption = None,
    pain_before: PainBeforeOption = None,
    pain_after: PainAfterOption = None,
    leg_worse: LegWorseOption = None,
) -> None:
    """Today's routine from your week plan.

    Runs it at your doses, logs it and shows your streak; on a rest day, or once it is
    done, says so. --preview shows it without starting."""
    def start(term: "Terminal", options: "Options") -> None:
        from stretch.commands import sessions

        sessions.today(term, options, preview=preview, as_json=as_json)

    _session(start, speed=speed, voice=voice, bell=bell, plain=plain, minutes=minutes,
             pain_before=pain_before, pain_after=pain_after, leg_worse=leg_worse)
