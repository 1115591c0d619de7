"""config.toml read as text, where tomllib's own answers are too thin: the line each
setting is on, and what a parse failure means in a person's words.

tomllib gives values, not where they were written, and says "Invalid value" for
`voice = yes`; these helpers read the lines themselves so a message can name the line,
the setting and the fix.
"""

from __future__ import annotations

import re

_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_ASSIGNMENT = re.compile(rf"^\s*{_DOTTED}\s*=")
_HEADER = re.compile(rf"^\s*\[\[?\s*{_DOTTED}\s*\]\]?")


def key_lines(text: str) -> dict[str, int]:
    """The line where each top-level key is first set: `key =`, a dotted `key.x =`, or a
    `[key]` / `[[key.x]]` table. Each key is read by tomllib itself (so quotes, escapes
    and spaces around dots read as TOML reads them); lines inside a multi-line string,
    and `key =` lines under a table header (they belong to the table), are not keys."""
    import tomllib

    found: dict[str, int] = {}
    in_string: str | None = None  # the quote that closes the multi-line string we are in
    tables = False
    for number, line in enumerate(text.splitlines(), 1):
        if in_string is not None:
            if line.count(in_string) % 2:
                in_string = None
            continue
        match = _HEADER.match(line) or (None if tables else _ASSIGNMENT.match(line))
        if match is None:
            continue
        header = match.re is _HEADER
        tables = tables or header
        try:
            parsed = tomllib.loads(match.group(0) if header else match.group(0) + " 0")
        except tomllib.TOMLDecodeError:
            continue
        found.setdefault(next(iter(parsed)), number)
        rest = line[match.end():]
        for quote in ('"""', "'''"):
            if rest.count(quote) % 2:
                in_string = quote
    return found


TWICE = "a setting is given twice"
TOML_PROBLEMS = {"Cannot overwrite a value": TWICE}


def toml_problem(message: str, *, last_line: int) -> tuple[int, str]:
    """tomllib says 'problem (at line 3, column 7)'; split that into (3, 'problem')."""
    found = re.search(r"\(at line (\d+), column \d+\)", message)
    if found:
        problem = message[: found.start()].strip()
        return int(found.group(1)), TOML_PROBLEMS.get(problem, problem)
    end = re.search(r"\(at end of document\)", message)
    if end:
        return last_line, message[: end.start()].strip() + " at the end of the file"
    return 1, message


def given_twice(text: str, line: int) -> tuple[str, int] | None:
    """The key set again on `line` and the line it was first set on, for tomllib's
    'Cannot overwrite a value', which names neither."""
    lines = text.splitlines()
    again = key_lines(lines[line - 1]) if 0 < line <= len(lines) else {}
    if not again:
        return None
    key = next(iter(again))
    return key, key_lines(text).get(key, line)


_BARE_WORD = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=\s*(yes|no|on|off|true|false)\s*(?:#.*)?$",
                        re.IGNORECASE)


def bare_word(text: str, line: int) -> tuple[str, str] | None:
    """The setting and the word on a line that gives `yes`, `no`, `on`, `off` or a
    capitalised `True`/`False` unquoted (TOML knows only `true` and `false`), or None."""
    lines = text.splitlines()
    found = _BARE_WORD.match(lines[line - 1]) if 0 < line <= len(lines) else None
    if found is None or found.group(2) in ("true", "false"):  # (those are TOML's own)
        return None
    return found.group(1), found.group(2)
