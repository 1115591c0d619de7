"""One-key questions: from the floor, a key is easier than a line, and every question
answers the same way (a person pressed `y` at "Ready to start? [Y/n]" and nothing
happened while it waited for Enter).

A 0-10 pain rating: 0 and 2-9 answer at once. 1 waits a moment for a 0, so typing "10"
gives 10 as a person would type it; a pause or Enter after the 1 gives 1. Enter alone,
Escape, Ctrl-D or the end of input skip the question. Any other key is ignored.

Yes or no: `y` or `n` answer at once (an Enter typed just after, out of a line prompt's
habit, is taken with them, so it cannot answer the next question); Enter, Escape, Ctrl-D
or the end of input take the default. When standard input is not a terminal of ours (a
pipe, a job in the background), the question reads a line instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from stretch.text import whole_number
from stretch.vocab import NO_PAIN, WORST_PAIN

if TYPE_CHECKING:
    from rich.text import Text

    from stretch.output import Terminal

TEN_WINDOW = 1.0  # seconds after a 1 to type the 0 of 10
ENTER_WINDOW = 0.4  # seconds after a y or n in which an Enter belongs to it
SKIP = frozenset({"enter", "escape", "\x04"})  # Enter, Escape, Ctrl-D
HINT = f"{NO_PAIN} none, {WORST_PAIN} worst: type 1 then 0; Enter skips"
ANSWERS = {"y": True, "Y": True, "n": False, "N": False}

ReadKey = Callable[[float | None], str | None]  # a key, or None when the wait runs out
T = TypeVar("T")


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
        if len(key) == 1 and (number := whole_number(key)) is not None:
            echo(key)
            return number


def read_yes_no(read_key: ReadKey, *, default: bool) -> bool:
    """The answer the keys give: y or n, else the default for Enter, Escape or Ctrl-D."""
    while True:
        key = read_key(None)
        if key is None or key in SKIP:
            return default
        if key in ANSWERS:
            read_key(ENTER_WINDOW)  # the Enter of a "y Enter" habit, or a key's bounce
            return ANSWERS[key]


def read_choice(read_key: ReadKey, count: int, *, default: int) -> int:
    """The choice the keys give: a digit from 1 to `count` (returned from 0), else the
    default for Enter, Escape or Ctrl-D; any other key is ignored."""
    while True:
        key = read_key(None)
        if key is None or key in SKIP:
            return default
        if len(key) == 1 and key in "123456789" and int(key) <= count:
            read_key(ENTER_WINDOW)  # the Enter of a "3 Enter" habit
            return int(key) - 1


def _one_key(term: Terminal, prompt: Text, read: Callable[[ReadKey], T]) -> T | None:
    """Show the prompt and read one answer in raw mode; None at the end of input. Ctrl-C
    ends the prompt's line before it goes on up (to the line saying nothing was logged)."""
    from stretch.session.keys import RawKeys

    term.out.print(prompt, end="")
    try:
        with RawKeys() as keys:
            return read(lambda wait: keys.read_key(3600.0 if wait is None else wait))
    except EOFError:
        return None
    except KeyboardInterrupt:
        term.out.print()
        raise


def ask_rating(term: Terminal, question: str, *, hint: str = HINT) -> int | None:
    """Print the question, read one rating from the keyboard, end the line; `hint` says
    what the ends of the scale mean (pain by default)."""
    import sys

    from rich.text import Text

    def echo(text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()

    prompt = Text.assemble((question, "bold"), " ", (f"({hint})", "dim"), " ")
    answer = _one_key(term, prompt, lambda read_key: read_rating(read_key, echo))
    term.out.print("" if answer is not None else Text("skipped", style="dim"))
    return answer


def ask_yes_no(term: Terminal, question: str, *, default: bool) -> bool:
    """A yes/no question ('Ready to start? [Y/n]'): one key at a terminal, a line from
    anything else; the answer is written after it ('yes', 'no')."""
    from rich.text import Text

    from stretch.session.keys import foreground

    prompt = Text(f"{question} {'[Y/n]' if default else '[y/N]'} ")
    if not (term.stdin_tty and foreground()):
        try:
            line = term.out.input(prompt).strip().lower()
        except EOFError:
            return default
        except KeyboardInterrupt:
            term.out.print()
            raise
        return default if not line else line.startswith("y")
    answer = _one_key(term, prompt, lambda read_key: read_yes_no(read_key, default=default))
    answer = default if answer is None else answer
    term.out.print("yes" if answer else "no")
    return answer


def ask_choice(term: Terminal, question: str, choices: list[str], *, default: int) -> int:
    """A question with numbered answers on one line ('Days? 1 every day  2 weekdays ...
    [2]'): one key at a terminal, a line from anything else; the answer is written after
    it. Returns the chosen index (from 0)."""
    from rich.text import Text

    from stretch.session.keys import foreground

    listed = "  ".join(f"{n} {choice}" for n, choice in enumerate(choices, 1))
    term.out.print(Text(question, style="bold"))
    term.out.print(Text(f"  {listed}"))
    prompt = Text(f"Your answer [{default + 1}]: ")
    if not (term.stdin_tty and foreground()):
        try:
            line = term.out.input(prompt).strip()
        except EOFError:
            return default
        except KeyboardInterrupt:
            term.out.print()
            raise
        return int(line) - 1 if line.isdecimal() and 1 <= int(line) <= len(choices) else default
    answer = _one_key(term, prompt, lambda read_key: read_choice(read_key, len(choices),
                                                                 default=default))
    answer = default if answer is None else answer
    term.out.print(choices[answer])
    return answer
