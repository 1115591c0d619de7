"""The consoles: created in one place so colour, width and errors behave the same everywhere.

Rich honours NO_COLOR and writes no escape codes when stdout is not a terminal, so a
pipe always gets plain text.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def console(*, stderr: bool = False) -> Console:
    """A console for stdout (or stderr) with no surprise highlighting of numbers."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def error(message: str) -> None:
    """The one line a user sees for any error: `stretch: error: ...` in red on a terminal."""
    from rich.markup import escape

    console(stderr=True).print(f"[bold red]stretch: error:[/] {escape(message)}", soft_wrap=True)


def note(message: str) -> None:
    """A short remark on stderr that is not an error (a hint, a warning)."""
    from rich.markup import escape

    console(stderr=True).print(f"[yellow]{escape(message)}[/]", soft_wrap=True)


def emit_json(data: object) -> None:
    """JSON on stdout: no colour, one document, a trailing newline."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
