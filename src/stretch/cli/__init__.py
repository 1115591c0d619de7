"""The `stretch` command line: parse, delegate to `commands`, map errors to exit codes.

Only this package imports Typer. Each module declares one family of commands on the
shared `app`; the commands' bodies live in `stretch.commands`, imported inside each
command so `stretch --help` starts as fast as a bare Typer app.
"""

from __future__ import annotations

import contextlib
import sys

from stretch.cli import (  # noqa: F401 - they register
    browse,
    coach,
    data,
    goals,
    learn,
    records,
    remind,
    report,
    sessions,
    setup,
    sheet,
)
from stretch.cli.app import EXIT_ERROR, EXIT_INTERRUPTED, app

__all__ = ["app", "main"]


COMPLETION_OPTIONS = ("--show-completion", "--install-completion")


def main() -> None:
    """The console script: run the app; leave quietly (exit 0) when the reader closes the
    pipe, whatever the command; one line and exit 1 when the output cannot be written."""
    from stretch.output import OutputClosed, OutputFailed, guard_streams

    _honour_completion_shell(sys.argv[1:])
    guard_streams()
    code: str | int | None = 0
    try:
        try:
            app(prog_name="stretch")
        except SystemExit as done:
            code = done.code
        except KeyboardInterrupt:
            code = EXIT_INTERRUPTED
        sys.stdout.flush()  # what is buffered fails here, not after the exit code is set
    except (BrokenPipeError, OutputClosed):
        _quiet_broken_pipe()
    except OutputFailed as err:
        _output_failed(str(err))
    sys.exit(code)


def _output_failed(why: str) -> None:
    """`stretch list > /dev/full`: one line on stderr (if even that can be written), exit 1."""
    import os

    from stretch.output import terminal

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # nothing more to flush at exit
    with contextlib.suppress(OSError):
        terminal().error(f"cannot write the output: {why}")
    sys.exit(EXIT_ERROR)


def _honour_completion_shell(args: list[str]) -> None:
    """`--show-completion zsh` and `--install-completion fish` name their shell.

    Typer reads these options as flags and guesses the shell from the parent process,
    so a named shell would be ignored (and bash's script given). Typer's own switch makes
    the options take the shell as their value instead; it is set only when a shell is
    named, so the bare options still guess."""
    import itertools
    import os

    for option, value in itertools.pairwise(args):
        if option in COMPLETION_OPTIONS and not value.startswith("-"):
            os.environ["_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"] = "1"
            return


def _quiet_broken_pipe() -> None:
    """`stretch list | head -1`: stop writing, no traceback (Python's documented recipe)."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    with contextlib.suppress(OSError):
        os.dup2(devnull, sys.stderr.fileno())  # (a pipe into `head` may hold both)
    sys.exit(0)
