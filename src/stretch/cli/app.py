"""The Typer app every command module registers on, and the one funnel for errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from stretch import __version__

if TYPE_CHECKING:
    from stretch.output import Terminal

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

def _flags_take_no_value() -> None:
    """Typer 0.29 lists every flag in --help with a '<bool>' type (`--json <bool>`), as
    though it wanted `--json true`. A flag takes no value, so it shows none: this covers
    the flags Typer adds itself (--help, the completion ones) as well as stretch's own."""
    from typer.core import TyperOption

    shown = TyperOption.display_type_rich

    def display_type_rich(self: TyperOption, ctx: typer.Context) -> str | None:
        return None if self.is_flag else shown(self, ctx)

    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign,assignment]


_flags_take_no_value()
app = typer.Typer(
    name="stretch",
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
