"""Where stretch writes, decided once per run: the consoles, and whether a person is there.

The command line asks `terminal()` once and passes the result down, so no module
probes `isatty()` for itself. Rich honours NO_COLOR and writes no escape codes when
stdout is not a terminal, so a pipe always gets plain text. Text from a user's files
is never read as markup here: messages are escaped or built as `Text`.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


@dataclass
class Terminal:
    """Standard input and output as this run found them, and consoles made on first use."""

    stdin_tty: bool
    stdout_tty: bool
    dumb: bool  # TERM=dumb: no cursor movement, no full screen
    plain: bool = False  # --plain: no colour and no boxes, even on a terminal

    @property
    def boxless(self) -> bool:
        """Plain lines wanted on a terminal (`--plain` or TERM=dumb): no boxes to read out."""
        return self.plain or self.dumb

    @property
    def interactive(self) -> bool:
        """A person at a terminal: both standard input and output are terminals."""
        return self.stdin_tty and self.stdout_tty

    @functools.cached_property
    def out(self) -> Console:
        """stdout, with no surprise highlighting of numbers, and no markup: a title or a note
        holding `[b]` or `[/]` is shown as written, never read as style."""
        from rich.console import Console

        return Console(highlight=False, markup=False,
                       color_system=None if self.plain else "auto")

    @functools.cached_property
    def err(self) -> Console:
        from rich.console import Console

        return Console(stderr=True, highlight=False, markup=False,
                       color_system=None if self.plain else "auto")

    def say(self, line: str, style: str = "", *, soft_wrap: bool = False) -> None:
        """A line on stdout, shown literally in an optional style (`dim`, `bold`): for the
        modules that speak to the person but draw nothing (the coach, the commands).
        `soft_wrap` leaves a long line (a path) for the terminal to wrap, unbroken. It is
        one line: a newline or ESC in what it names (a path, a title) is shown escaped."""
        from rich.text import Text

        from stretch.errors import printable

        self.out.print(Text(printable(line), style=style), soft_wrap=soft_wrap)

    def show(self, renderable: object, *, soft_wrap: bool = False) -> None:
        """A renderable made by `views/` (a table, the safety note), on stdout."""
        self.out.print(renderable, soft_wrap=soft_wrap)

    def note(self, message: str) -> None:
        """A remark that is not an error (a hint, a warning): one line on stderr."""
        from rich.text import Text

        from stretch.errors import printable

        self.err.print(Text(printable(message), style="yellow"), soft_wrap=True)

    def error(self, message: str) -> None:
        """The one line a user sees for any error: `stretch: error: ...`, red on a terminal.
        A path or a name in it may hold control characters: they are shown, not obeyed."""
        from rich.text import Text

        from stretch.errors import printable

        self.err.print(Text.assemble(("stretch: error:", "bold red"), " ", printable(message)),
                       soft_wrap=True)


class OutputClosed(OSError):
    """The reader of standard output went away (`stretch list | head -1`): not an error."""


class OutputFailed(OSError):
    """Standard output could not be written (a full disk, an I/O error): one line, exit 1.
    (OSError subclasses, so code that shrugs off a terminal gone away still does; errno is
    None, so Click does not mistake them for its own broken pipe.)"""


class Guarded:
    """A standard stream whose write failures say which kind they are (`OutputClosed`,
    `OutputFailed`), wherever in stretch, Rich or Click the write happens."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise OutputClosed() from None
        except OSError as err:
            raise OutputFailed(err.strerror or str(err)) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise OutputClosed() from None
        except OSError as err:
            raise OutputFailed(err.strerror or str(err)) from None

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def guard_streams() -> None:
    """For the console script: standard output and error written through `Guarded`, and
    any character their encoding lacks (LC_ALL=C, PYTHONIOENCODING=latin-1) replaced
    rather than a traceback."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None or isinstance(stream, Guarded):
            continue
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="replace")
        setattr(sys, name, Guarded(stream))


def terminal() -> Terminal:
    """This run's terminal: the command line probes it once per command and passes it on."""
    return Terminal(stdin_tty=_isatty(sys.stdin), stdout_tty=_isatty(sys.stdout),
                    dumb=os.environ.get("TERM", "") == "dumb")


def _isatty(stream: object) -> bool:
    try:
        return bool(stream is not None and stream.isatty())  # type: ignore[attr-defined]
    except (ValueError, OSError):  # a closed stream
        return False


def emit_json(data: object) -> None:
    """JSON on stdout: no colour, one document, a trailing newline."""
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
