"""Where a user's files live, and the settings in their config.toml.

One environment variable, `$STRETCH_HOME`, moves everything (config, routines,
history) so tests and people with unusual set-ups can point stretch anywhere. The
settings come from defaults, then the file, then command-line flags, and each one
remembers where it came from for `stretch config`.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from stretch.errors import ConfigError, StretchError, did_you_mean

APP = "stretch"


def stretch_home() -> Path | None:
    """`$STRETCH_HOME` when set (and not empty)."""
    value = os.environ.get("STRETCH_HOME", "").strip()
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    """Settings and user routines: `$STRETCH_HOME`, else the platform's config folder."""
    home = stretch_home()
    if home is not None:
        return home
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / APP
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / APP


def data_dir() -> Path:
    """The session history: `$STRETCH_HOME`, else the platform's data folder."""
    home = stretch_home()
    if home is not None:
        return home
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / APP
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / APP


def user_routines_dir() -> Path:
    """User catalogue files, merged over the built-in ones."""
    return config_dir() / "routines"


def config_file() -> Path:
    return config_dir() / "config.toml"


def history_file() -> Path:
    return data_dir() / "history.sqlite3"


# --- settings ------------------------------------------------------------------------

DEFAULTS: dict[str, object] = {
    "voice": False,
    "voice_command": None,
    "bell": True,
    "get_ready": 10,
    "switch_sides": 5,
    "rest": 10,
    "hold_scale": 1.0,
}
HELP = {
    "voice": "speak the cues (true/false)",
    "voice_command": 'the speech program as a list of arguments with a "{text}" placeholder',
    "bell": "ring the terminal bell at each step and 3-2-1 (true/false)",
    "get_ready": "seconds to get ready before the first move (0-60)",
    "switch_sides": "seconds to switch sides (0-30)",
    "rest": "seconds of rest for routines that do not set their own (0-300)",
    "hold_scale": "multiply every hold by this (0.5-2.0)",
}
RANGES: dict[str, tuple[float, float]] = {
    "get_ready": (0, 60), "switch_sides": (0, 30), "rest": (0, 300), "hold_scale": (0.5, 2.0),
}
DEFAULT_SOURCE = "default"
FLAG_SOURCE = "flag"


@dataclass(frozen=True, slots=True)
class Settings:
    """The effective settings, and where each one came from (default, a path, or flag)."""

    values: dict[str, object]
    sources: dict[str, str]

    def __getitem__(self, key: str) -> object:
        return self.values[key]

    @property
    def voice(self) -> bool:
        return bool(self.values["voice"])

    @property
    def bell(self) -> bool:
        return bool(self.values["bell"])

    @property
    def voice_command(self) -> tuple[str, ...] | None:
        command = self.values["voice_command"]
        return tuple(str(a) for a in command) if isinstance(command, (list, tuple)) else None

    def number(self, key: str) -> float:
        value = self.values[key]
        assert isinstance(value, (int, float))
        return value

    def with_flags(self, **flags: object) -> Settings:
        """Command-line flags win over the file; a flag left unset (None) changes nothing."""
        values, sources = dict(self.values), dict(self.sources)
        for key, value in flags.items():
            if value is not None:
                values[key], sources[key] = value, FLAG_SOURCE
        return Settings(values, sources)


def load_settings(path: Path | None = None) -> Settings:
    """Defaults, overridden by the config file when it exists."""
    path = path or config_file()
    values = dict(DEFAULTS)
    sources = dict.fromkeys(DEFAULTS, DEFAULT_SOURCE)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Settings(values, sources)
    except OSError as err:
        raise StretchError(f"{path}: cannot read: {err.strerror}") from None
    for key, value in _parse(path, data).items():
        values[key] = value
        sources[key] = str(path)
    return Settings(values, sources)


def _parse(path: Path, data: bytes) -> dict[str, object]:
    import tomllib

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ConfigError(path, line, "file", "not UTF-8 text") from None
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line, problem = _toml_problem(str(err), last_line=text.count("\n") or 1)
        raise ConfigError(path, line, "toml", problem) from None
    checked: dict[str, object] = {}
    for key, value in table.items():
        line = _line_of(text, key)
        if key not in DEFAULTS:
            hint = did_you_mean(key, DEFAULTS) or f"; settings are: {', '.join(DEFAULTS)}"
            raise ConfigError(path, line, key, f"unknown setting{hint}")
        checked[key] = _check(path, line, key, value)
    return checked


def _check(path: Path, line: int, key: str, value: object) -> object:
    """One setting's value, of the right type and within its range."""
    if key in ("voice", "bell"):
        if not isinstance(value, bool):
            raise ConfigError(path, line, key, f"expected true or false, got {_shown(value)}")
        return value
    if key == "voice_command":
        if (not isinstance(value, list) or not value
                or not all(isinstance(a, str) and a for a in value)):
            raise ConfigError(path, line, key, 'expected a list of arguments, like '
                              '["espeak-ng", "{text}"]')
        if not any("{text}" in a for a in value):
            raise ConfigError(path, line, key, 'one argument must hold the "{text}" placeholder')
        return tuple(value)
    low, high = RANGES[key]
    number_ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    if key != "hold_scale" and not isinstance(value, int):
        number_ok = False
    if not number_ok:
        kind = "a number" if key == "hold_scale" else "a whole number of seconds"
        raise ConfigError(path, line, key, f"expected {kind}, got {_shown(value)}")
    assert isinstance(value, (int, float))
    if not low <= value <= high:
        raise ConfigError(path, line, key, f"{value} is out of range ({low:g}-{high:g})")
    return value


def _line_of(text: str, key: str) -> int:
    """The line where a top-level key is set (TOML keys may be bare or quoted)."""
    import re

    pattern = re.compile(rf"""^\s*(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')\s*=""")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    return 1


TOML_PROBLEMS = {"Cannot overwrite a value": "a setting is given twice"}


def _shown(value: object) -> str:
    """A TOML value as the user wrote it, roughly: tables and lists by kind."""
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def _toml_problem(message: str, *, last_line: int) -> tuple[int, str]:
    """tomllib says 'problem (at line 3, column 7)'; split that into (3, 'problem')."""
    import re

    found = re.search(r"\(at line (\d+), column \d+\)", message)
    if found:
        problem = message[: found.start()].strip()
        return int(found.group(1)), TOML_PROBLEMS.get(problem, problem)
    end = re.search(r"\(at end of document\)", message)
    if end:
        return last_line, message[: end.start()].strip() + " at the end of the file"
    return 1, message
