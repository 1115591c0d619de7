"""The errors stretch raises: each carries the one line a user should read.

Core code raises these; only the command line prints them and picks the exit code,
so a traceback never reaches the user for anything we foresaw.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def printable(text: str) -> str:
    """Text from outside (a note, a path, a key, a title) for a terminal: shown literally,
    every character that is not printable as the escape a person can read ('\\x1b',
    '\\n', '\\u202e'). So ESC cannot recolour or move the terminal, a newline cannot
    break a one-line message, and a bidi override or zero-width space cannot reorder or
    hide text. The one policy for every message and every piece of user text."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")
                   for ch in text)


def shorten(text: str, limit: int = 40) -> str:
    """A name the user wrote, cut short when it is long, for quoting in a message."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


class StretchError(Exception):
    """Something the user can fix: a bad file, a missing program, an I/O failure.

    The message is always one line: every error is shown as exactly one line.
    """

    def __init__(self, message: str) -> None:
        message = printable(message)
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class CatalogueError(StretchError):
    """A catalogue file is broken; the message is `path:line:col: field: problem`."""

    def __init__(self, path: str, line: int, col: int, field: str, problem: str) -> None:
        super().__init__(f"{path}:{line}:{col}: {field}: {problem}")
        self.path = path
        self.line = line
        self.col = col
        self.field = field
        self.problem = problem


class ConfigError(StretchError):
    """The config file is broken; the message is `path:line: setting: problem`."""

    def __init__(self, path: object, line: int, key: str, problem: str) -> None:
        super().__init__(f"{path}:{line}: {key}: {problem}")
        self.line = line
        self.key = key


class UsageProblem(StretchError):
    """The user asked for something that does not exist (a routine, a move, a group)."""


class UnknownName(UsageProblem):
    """A name that is not in the catalogue, with the closest names as suggestions."""

    def __init__(self, what: str, name: str, known: Iterable[str]) -> None:
        known = sorted(known)
        close = suggestions(name, known)
        if close:
            hint = "did you mean " + " or ".join(close) + "?"
        else:
            hint = "known: " + ", ".join(known) if known else f"there are no {what}s"
        super().__init__(f"no {what} named '{name}'; {hint}")
        self.name = name
        self.close = close


class AmbiguousName(UsageProblem):
    """A name that more than one entry answers to (an id and another's title)."""

    def __init__(self, what: str, name: str, candidates: Iterable[str]) -> None:
        super().__init__(f"'{name}' could be the {what} " + " or ".join(sorted(candidates))
                         + f": name the {what} by one of those")


SHORT = 5  # a typed word this short must be one letter off to be suggested


def suggestions(name: str, known: Iterable[str], limit: int = 3) -> list[str]:
    """The known names closest to `name`, best first. A short word needs a closer match:
    'flor' suggests 'floor', but 'door' (two letters off) suggests nothing, and the
    message's list of names is left to speak. A name that starts with `name`, or has it
    as one of its dashed words ('lying' in 'side-lying'), counts as close."""
    known = list(known)
    cutoff = 0.75 if len(name) <= SHORT else 0.6
    close = difflib.get_close_matches(name, known, n=limit, cutoff=cutoff)
    for candidate in known:
        if len(close) >= limit:
            break
        if name and candidate not in close and (candidate.startswith(name)
                                                or name in candidate.split("-")):
            close.append(candidate)
    return close


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """' (did you mean x?)' when a known name is close, else ''."""
    close = suggestions(name, known, limit=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
