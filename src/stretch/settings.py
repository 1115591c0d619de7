"""The settings: one typed table, and config.toml read against it.

`Values` is the table. Each field is one setting: its name, its type (the annotation),
its default, its range and its help text (the field's metadata). Defaults, validation
of config.toml, `stretch config` and the planner's timings all derive from it, so a
new setting is one line here. Values come from the defaults, then the file, then
command-line flags, and each remembers where it came from.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from stretch.errors import ConfigError, StretchError, did_you_mean
from stretch.vocab import PAIN_SCALE

if TYPE_CHECKING:
    from datetime import time

    from stretch.plan import Timings

Kind = Literal["flag", "seconds", "number", "argv", "span"]
DEFAULT_SOURCE = "default"
FLAG_SOURCE = "flag"


def _setting(default: object, help: str, kind: Kind, *, low: float = 0, high: float = 0,
             example: str = "", placeholders: tuple[str, ...] = ()) -> Any:
    """One row of the table: a dataclass field whose metadata says how to check it."""
    meta = {"kind": kind, "help": help, "low": low, "high": high, "example": example,
            "placeholders": placeholders}
    return dataclasses.field(default=default, metadata=meta)


def flag(default: bool, help: str) -> Any:
    return _setting(default, help, "flag")


def seconds(default: int, help: str, low: int, high: int) -> Any:
    return _setting(default, help, "seconds", low=low, high=high)


def number(default: float, help: str, low: float, high: float) -> Any:
    return _setting(default, help, "number", low=low, high=high)


def argv(help: str, example: str, *placeholders: str) -> Any:
    """A program as a list of arguments; `example` is a program to show in errors."""
    return _setting(None, help, "argv", example=example, placeholders=placeholders)


def span(help: str, example: str) -> Any:
    """A stretch of the day, "HH:MM-HH:MM" (it may run past midnight); unset means off."""
    return _setting(None, help, "span", example=example)


@dataclass(frozen=True, slots=True)
class Values:
    """Every setting with its default: the one table (see the module docstring)."""

    voice: bool = flag(False, "speak the cues (true/false)")
    voice_command: tuple[str, ...] | None = argv(
        'the speech program as a list of arguments with a "{text}" placeholder', "espeak-ng",
        "{text}")
    bell: bool = flag(True, "ring the terminal bell at each step and 3-2-1 (true/false)")
    get_ready: int = seconds(10, "seconds to get ready before the first move", 0, 60)
    switch_sides: int = seconds(5, "seconds to switch sides", 0, 30)
    rest: int = seconds(10, "seconds of rest for routines that do not set their own", 0, 300)
    hold_scale: float = number(1.0, "multiply every hold by this", 0.5, 2.0)
    notify_command: tuple[str, ...] | None = argv(
        'the reminder\'s notification program as a list of arguments with "{title}" and '
        '"{body}" placeholders', "notify-send", "{title}", "{body}")
    quiet_hours: str | None = span('no reminders between these times, like "22:00-07:00"',
                                   "22:00-07:00")
    checkin: bool = flag(
        True, f"ask how your back is, {PAIN_SCALE}, before and after each session (true/false)")

    def timings(self, first_side: str = "left") -> Timings:
        """The planner's timings from these settings, and which side goes first."""
        from stretch.plan import Timings

        return Timings(get_ready=self.get_ready, switch_sides=self.switch_sides,
                            rest=self.rest, hold_scale=self.hold_scale,
                            first_side="right" if first_side == "right" else "left")


@dataclass(frozen=True, slots=True)
class Setting:
    """A row of the table as `stretch config` and the file's checks read it."""

    name: str
    kind: Kind
    default: object
    help: str
    low: float
    high: float
    example: str  # for a program: one to show in errors
    placeholders: tuple[str, ...]  # for a program: what its arguments must hold

    @property
    def unset(self) -> str:
        """How the setting reads when it is not set: a span is off; a program, not found."""
        return "off" if self.kind == "span" else "(none found)"

    @property
    def described(self) -> str:
        """The help text with its range: 'seconds to switch sides (0-30)'."""
        if self.kind in ("seconds", "number"):
            return f"{self.help} ({self.low:g}-{self.high:g})"
        return self.help


TABLE: tuple[Setting, ...] = tuple(
    Setting(f.name, f.metadata["kind"], f.default, f.metadata["help"], f.metadata["low"],
            f.metadata["high"], f.metadata["example"], f.metadata["placeholders"])
    for f in dataclasses.fields(Values)
)
BY_NAME = {s.name: s for s in TABLE}


@dataclass(frozen=True, slots=True)
class Settings:
    """The effective settings, and where each came from (default, the file's path, flag)."""

    values: Values
    sources: dict[str, str]

    @classmethod
    def defaults(cls) -> Settings:
        return cls(Values(), dict.fromkeys(BY_NAME, DEFAULT_SOURCE))

    def with_flags(self, **flags: object) -> Settings:
        """Command-line flags win over the file; a flag left unset (None) changes nothing."""
        given: dict[str, Any] = {k: v for k, v in flags.items() if v is not None}
        sources = {**self.sources, **dict.fromkeys(given, FLAG_SOURCE)}
        return Settings(dataclasses.replace(self.values, **given), sources)

    def shown(self) -> list[tuple[Setting, object, str]]:
        """Each setting with its value and source, in the table's order."""
        return [(s, getattr(self.values, s.name), self.sources[s.name]) for s in TABLE]


def load_settings(path: Path) -> Settings:
    """Defaults, overridden by the config file when it exists."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Settings.defaults()
    except IsADirectoryError:
        raise StretchError(f"{path}: cannot read: it is a folder") from None
    except OSError as err:
        raise StretchError(f"{path}: cannot read: {err.strerror}") from None
    given = _parse(path, data)
    sources = {name: (str(path) if name in given else DEFAULT_SOURCE) for name in BY_NAME}
    return Settings(Values(**given), sources)


def _parse(path: Path, data: bytes) -> dict[str, Any]:
    import tomllib

    from stretch import toml_lines  # only a command with a config file pays for it

    try:
        text = data.decode("utf-8-sig")  # a byte-order mark (Notepad's) is not a setting
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ConfigError(path, line, "file", "not UTF-8 text") from None
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line, problem = toml_lines.toml_problem(str(err), last_line=text.count("\n") or 1)
        _bare_flag(path, text, line)
        twice = toml_lines.given_twice(text, line) if problem == toml_lines.TWICE else None
        if twice is not None:
            raise ConfigError(path, line, twice[0], f"given twice (first on line {twice[1]})"
                              ) from None
        raise ConfigError(path, line, "toml", problem) from None
    checked: dict[str, Any] = {}
    lines = toml_lines.key_lines(text)
    for key, value in table.items():
        line = lines.get(key, 1)
        setting = _known(path, line, key)
        try:
            checked[key] = check(setting, value)
        except BadValue as bad:
            raise ConfigError(path, line, key, str(bad)) from None
    return checked


def _known(path: Path, line: int, key: str) -> Setting:
    """The setting of that name; else one line with the closest name, or all of them."""
    setting = BY_NAME.get(key)
    if setting is None:
        hint = did_you_mean(key, BY_NAME) or f"; settings are: {', '.join(BY_NAME)}"
        raise ConfigError(path, line, key, f"unknown setting{hint}")
    return setting


def _bare_flag(path: Path, text: str, line: int) -> None:
    """`voice = yes` (or `no`, `on`, `off`, `True`) is not TOML, and tomllib says only
    "Invalid value": for a true/false setting, say what to write instead."""
    from stretch import toml_lines

    found = toml_lines.bare_word(text, line)
    if found is None:
        return
    key, word = found
    if _known(path, line, key).kind == "flag":
        raise ConfigError(path, line, key, "expected true or false (TOML writes them in lower "
                          f"case), got {word}")


class BadValue(ValueError):
    """A setting's value does not fit its row of the table; the message says why."""


def check(setting: Setting, value: object) -> object:
    """One setting's value, of the right type and within its range (or BadValue)."""
    if setting.kind == "flag":
        if not isinstance(value, bool):
            raise BadValue(f"expected true or false, got {_shown(value)}")
        return value
    if setting.kind == "argv":
        return _check_argv(setting, value)
    if setting.kind == "span":
        return _check_span(setting, value)
    whole = setting.kind == "seconds"
    fits_type = isinstance(value, int if whole else (int, float)) and not isinstance(value, bool)
    if not fits_type:
        expected = "a whole number of seconds" if whole else "a number"
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


def _shown(value: object) -> str:
    """A TOML value as the user wrote it, roughly: tables and lists by kind."""
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)
