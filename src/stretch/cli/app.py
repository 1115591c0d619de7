"""The Typer app every command module registers on, and the one funnel for errors."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from stretch import __version__

if TYPE_CHECKING:
    from stretch.output import Terminal

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

# The order --help lists the commands in: what a person starts with first.
ORDER = ("today", "run", "setup", "show", "list", "moves", "avoid", "learn", "sheet", "week",
         "history", "log", "checkin", "progress", "goal", "report", "export", "import", "sync",
         "remind", "nudge", "validate", "config")


class Commands(TyperGroup):
    """The command group: its commands listed in ORDER rather than as registered, and a
    usage error said in one line like every other error, not Click's four."""

    def list_commands(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        names = super().list_commands(ctx)
        return sorted(names, key=lambda n: ORDER.index(n) if n in ORDER else len(ORDER))

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        """Run standalone as Click would, but a usage error is one line: `stretch: error:
        Invalid value for '--minutes': a number of minutes from 1 to 180, got 0 (see
        'stretch show --help')`, and exit 2."""
        def run() -> Any:
            return super(Commands, self).main(args, prog_name, complete_var, False,
                                               windows_expand_args, **extra)

        if not standalone_mode:
            return run()
        errors = _click_errors()
        try:
            code = run()
        except errors.NoArgsIsHelpError as err:  # `stretch` alone: the help, as asked
            err.show()
            sys.exit(err.exit_code)
        except errors.UsageError as err:
            _usage_error(err)
        except errors.ClickException as err:
            err.show()
            sys.exit(err.exit_code)
        except typer.Abort:
            sys.exit(EXIT_ERROR)
        sys.exit(code if isinstance(code, int) else 0)


def _click_errors() -> Any:
    """Click's exceptions: Typer 0.26 and later carry their own copy of Click (the module
    Typer's own error handling uses); older Typer runs on Click itself."""
    try:
        from typer._click import exceptions
    except ImportError:  # pragma: no cover - Typer before 0.26
        from click import exceptions  # type: ignore[no-redef,import-not-found,unused-ignore]
    return exceptions


def _usage_error(err: Any) -> NoReturn:
    """One line on stderr naming the help to read; exit 2."""
    from stretch.output import terminal

    # Typer hands Literal choices to pydantic, whose message starts 'Value error, '.
    message = err.format_message().replace(": Value error, ", ": ").rstrip(".")
    where = err.ctx.command_path if err.ctx is not None else "stretch"
    terminal().error(f"{message} (see '{where} --help')")
    sys.exit(err.exit_code)


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
def command(*, check_home: bool = True) -> Iterator[Terminal]:
    """Run a command's body: the terminal probed once, core errors turned into one line on
    stderr and the contract's exit codes. A STRETCH_HOME that is not a folder is said
    first, once (`check_home`: the scheduler's nudge logs it instead)."""
    from stretch.errors import StretchError, UsageProblem
    from stretch.files import stretch_home
    from stretch.output import terminal

    term = terminal()
    try:
        if check_home:
            stretch_home()
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
