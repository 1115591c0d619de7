"""A TOML file read against a table of rows: config.toml's settings, or the answers to
`stretch setup`. Each value is checked by its row's kind and range, and every problem
is one line, `path:line: key: problem`, naming the line (toml_lines.py finds it)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stretch.errors import ConfigError, StretchError, did_you_mean

if TYPE_CHECKING:
    from datetime import time

    from stretch.settings import Setting


def read_bytes(path: Path) -> bytes | None:
    """A TOML file's bytes, None when there is none; a folder or an unreadable file in its
    place is one line."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise StretchError(f"{path}: cannot read: it is a folder") from None
    except OSError as err:
        raise StretchError(f"{path}: cannot read: {err.strerror}") from None


def parse_table(path: Path, data: bytes, rows: Mapping[str, Setting]) -> dict[str, Any]:
    """A TOML file read against a table of `rows` (config.toml's settings, or the
    profile's answers): each value checked, each problem one line `path:line: key:
    problem`."""
    import tomllib

    from stretch import toml_lines  # only a command with a file to read pays for it

    try:
        text = data.decode("utf-8-sig")  # a byte-order mark (Notepad's) is not a setting
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ConfigError(path, line, "file", "not UTF-8 text") from None
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line, problem = toml_lines.toml_problem(str(err), last_line=text.count("\n") or 1)
        _bare_flag(path, text, line, rows)
        twice = toml_lines.given_twice(text, line) if problem == toml_lines.TWICE else None
        if twice is not None:
            raise ConfigError(path, line, twice[0], f"given twice (first on line {twice[1]})"
                              ) from None
        raise ConfigError(path, line, "toml", problem) from None
    checked: dict[str, Any] = {}
    lines = toml_lines.key_lines(text)
    for key, value in table.items():
        line = lines.get(key, 1)
        setting = _known(path, line, key, rows)
        try:
            checked[key] = check(setting, value)
        except BadValue as bad:
            raise ConfigError(path, line, key, str(bad)) from None
    return checked


def _known(path: Path, line: int, key: str, rows: Mapping[str, Setting]) -> Setting:
    """The setting of that name; else one line with the closest name, or all of them."""
    setting = rows.get(key)
    if setting is None:
        hint = did_you_mean(key, rows) or f"; settings are: {', '.join(rows)}"
        raise ConfigError(path, line, key, f"unknown setting{hint}")
    return setting


def _bare_flag(path: Path, text: str, line: int, rows: Mapping[str, Setting]) -> None:
    """`voice = yes` (or `no`, `on`, `off`, `True`) is not TOML, and tomllib says only
    "Invalid value": for a true/false setting, say what to write instead."""
    from stretch import toml_lines

    found = toml_lines.bare_word(text, line)
    if found is None:
        return
    key, word = found
    if _known(path, line, key, rows).kind == "flag":
        raise ConfigError(path, line, key, "expected true or false (TOML writes them in lower "
                          f"case), got {word}")


class BadValue(ValueError):
    """A setting's value does not fit its row of the table; the message says why."""


def check(setting: Setting, value: object) -> object:
    """One setting's value, of the right type and within its range (or BadValue)."""
    checks = {"flag": _check_flag, "argv": _check_argv, "span": _check_span,
              "days": _check_days, "folder": _check_words, "words": _check_words,
              "name": _check_name}
    if setting.kind in checks:
        return checks[setting.kind](setting, value)
    return _check_number(setting, value)


def _check_flag(setting: Setting, value: object) -> bool:
    if not isinstance(value, bool):
        raise BadValue(f"expected true or false, got {_shown(value)}")
    return value


def _check_name(setting: Setting, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise BadValue(f"expected a name in quotes, got {_shown(value)}")
    return value.strip()


def _check_number(setting: Setting, value: object) -> float:
    """Seconds, minutes (whole) or a number, within the row's range."""
    whole = setting.kind in ("seconds", "minutes")
    fits_type = isinstance(value, int if whole else (int, float)) and not isinstance(value, bool)
    if not fits_type:
        expected = f"a whole number of {setting.kind}" if whole else "a number"
        raise BadValue(f"expected {expected}, got {_shown(value)}")
    assert isinstance(value, (int, float))
    if not setting.low <= value <= setting.high:
        raise BadValue(f"{value} is out of range ({setting.low:g}-{setting.high:g})")
    return value


def _check_argv(setting: Setting, value: object) -> tuple[str, ...]:
    example = ", ".join(f'"{p}"' for p in (setting.example, *setting.placeholders))
    if (not isinstance(value, list) or not value
            or not all(isinstance(a, str) and a for a in value)):
        raise BadValue(f"expected a list of arguments, like [{example}]")
    for placeholder in setting.placeholders:
        if not any(placeholder in a for a in value):
            raise BadValue(f'one argument must hold the "{placeholder}" placeholder')
    return tuple(value)


def span_times(text: str) -> tuple[time, time] | None:
    """'22:00-07:00' as its start and end (end may be the next day); None if it is not one."""
    from stretch.text import time_of_day

    start, dash, end = text.partition("-")
    first, last = time_of_day(start), time_of_day(end)
    if not dash or first is None or last is None or first == last:
        return None
    return first, last


def _check_span(setting: Setting, value: object) -> str:
    times = span_times(value) if isinstance(value, str) else None
    if times is None:
        raise BadValue(f'expected a start and an end time, like "{setting.example}", '
                       f"got {_shown(value)}")
    from stretch.text import hhmm

    return f"{hhmm(times[0])}-{hhmm(times[1])}"


def _check_words(setting: Setting, value: object) -> str:
    """A folder or a name: one line of text, not empty (and not too long for a name)."""
    if not isinstance(value, str) or not value.strip():
        raise BadValue(f'expected text in quotes, like "{setting.example}", got {_shown(value)}')
    if not value.isprintable():
        raise BadValue("expected one line of text, without control characters")
    if setting.high and len(value) > setting.high:
        raise BadValue(f"at most {setting.high:g} characters, got {len(value)}")
    return value.strip()


def _check_days(setting: Setting, value: object) -> tuple[int, ...]:
    from stretch.days import DAYS_FORM, read_days

    days = read_days(value) if isinstance(value, str) else None
    if not days:
        raise BadValue(f"expected days like \"mon,wed,fri\" ({DAYS_FORM}), got {_shown(value)}")
    return days


def _shown(value: object) -> str:
    """A TOML value as the user wrote it, roughly: tables and lists by kind."""
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)
