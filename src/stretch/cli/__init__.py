"""The `stretch` command line: parse, delegate to `commands`, map errors to exit codes.

Only this package imports Typer. Each module declares one family of commands on the
shared `app`; the commands' bodies live in `stretch.commands`, imported inside each
command so `stretch --help` starts as fast as a bare Typer app.
"""

from __future__ import annotations

import sys

from stretch.cli import browse, coach, records, sessions, sheet  # noqa: F401 - they register commands
from stretch.cli.app import EXIT_INTERRUPTED, app

__all__ = ["app", "main"]


def main() -> None:
    """The console script: run the app, and leave quietly when the reader closes the pipe."""
    try:
        app(prog_name="stretch")
    except BrokenPipeError:
        _quiet_broken_pipe()
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)


def _quiet_broken_pipe() -> None:
    """`stretch list | head -1`: stop writing, no traceback (Python's documented recipe)."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)
