"""The Typer app every command module registers on, and the one funnel for errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer
from typer.core import TyperGroup

from stretch import __version__

if TYPE_CHECKING:
    from stretch.output import Terminal

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

# The order --help lists the commands in: what a person starts with first.
ORDER = ("today", "run", "show", "list", "moves", "avoid", "sheet", "week", "history",
         "checkin", "progress", "remind", "nudge", "validate", "config")


class Commands(TyperGroup):
    """The command group, listing its commands in ORDER rather than as registered."""

    def list_commands(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        names = super().list_commands(ctx)
        return sorted(names, key=lambda n: ORDER.index(n) if n in ORDER else len(ORDER))


# Plain help and usage errors, not Rich panels: a flag reads `--json`, not `--json <bool>`
# as Typer's panels show it, and a usage error is plain lines like stretch's own.
app = typer.Typer(
    name="stretch",
    cls=Commands,
    rich_markup_mode=None,
    help="Guided hip stretches and core exercises for a sore lower back.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


@contextmanager
def command() -> Iterator[Terminal]:
    """Run a command's body: the terminal probed once, core errors turned into one line on
    stderr and the contract's exit codes."""
    from stretch.errors import StretchError, UsageProblem
    from stretch.output import terminal

    term = terminal()
    try:
        yield term
    except UsageProblem as err:
        term.error(err.message)
        raise typer.Exit(EXIT_USAGE) from None
    except StretchError as err:
        term.error(err.message)
        raise typer.Exit(EXIT_ERROR) from None
    except KeyboardInterrupt:
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except Exception as err:  # SIGTERM or SIGHUP: exit as the shell expects, 128 + signal
        from stretch.session.keys import Terminated

        if isinstance(err, Terminated):
            raise typer.Exit(128 + err.signum) from None
        raise


def _version(value: bool) -> None:
    if value:
        typer.echo(f"stretch {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Guided hip stretches and core exercises for a sore lower back.

    Stretch the hips, not the lower back: `stretch today` runs today's routine.
    """
