"""The `stretch` command line: parse, delegate to `commands`, map errors to exit codes.

Only this package imports Typer. Each module declares one family of commands on the
shared `app`; the commands' bodies live in `stretch.commands`, imported inside each
command so `stretch --help` starts as fast as a bare Typer app.
"""

from __future__ import annotations

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
from stretch.cli.app import EXIT_INTERRUPTED, app

__all__ = ["app", "main"]


COMPLETION_OPTIONS = ("--show-completion", "--install-completion")


def main() -> None:
    """The console script: run the app, and leave quietly when the reader closes the pipe."""
    _honour_completion_shell(sys.argv[1:])
    try:
        app(prog_name="stretch")
    except BrokenPipeError:
        _quiet_broken_pipe()
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)


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
    sys.exit(0)
