"""Ask for a 0-10 pain rating with one key: from the floor, a key is easier than a line.

0 and 2-9 answer at once. 1 waits a moment for a 0, so typing "10" gives 10 as a
person would type it; a pause or Enter after the 1 gives 1. Enter alone, Escape, Ctrl-D
or the end of input skip the question. Any other key is ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stretch.output import Terminal

TEN_WINDOW = 1.0  # seconds after a 1 to type the 0 of 10
SKIP = frozenset({"enter", "escape", "\x04"})  # Enter, Escape, Ctrl-D
HINT = "0 none, 10 worst (1 then 0), Enter skips"

ReadKey = Callable[[float | None], str | None]  # a key, or None when the wait runs out


def read_rating(read_key: ReadKey, echo: Callable[[str], None]) -> int | None:
    """The rating the keys spell, or None when skipped; `echo` shows each digit taken."""
    while True:
        key = read_key(None)
        if key is None or key in SKIP:
            return None
        if key == "1":
            echo("1")
            follow = read_key(TEN_WINDOW)
            if follow == "0":
                echo("0")
                return 10
            return 1
        if len(key) == 1 and key.isdigit():
            echo(key)
            return int(key)


def ask_rating(term: Terminal, question: str) -> int | None:
    """Print the question, read one rating from the keyboard, end the line."""
    import sys

    from rich.text import Text

    from stretch.session.keys import RawKeys

    term.out.print(Text.assemble((question, "bold"), " ", (f"({HINT})", "dim"), " "), end="")

    def echo(text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()

    answer: int | None = None
    try:
        with RawKeys() as keys:
            answer = read_rating(lambda wait: keys.read_key(3600.0 if wait is None else wait),
                                 echo)
    except EOFError:
        answer = None
    term.out.print("" if answer is not None else Text("skipped", style="dim"))
    return answer
