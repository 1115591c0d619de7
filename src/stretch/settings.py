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

from stretch.vocab import PAIN_SCALE

if TYPE_CHECKING:

    from stretch.plan import Timings

Kind = Literal["flag", "seconds", "number", "argv", "span", "minutes", "days", "name",
               "folder", "words"]
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


def folder(help: str, example: str) -> Any:
    """A folder's path (`~` is your home folder); unset means not used."""
    return _setting(None, help, "folder", example=example)


def words(help: str, example: str, most: int) -> Any:
    """A line of text of at most `most` characters; unset means not given."""
    return _setting(None, help, "words", example=example, high=most)


@dataclass(frozen=True, slots=True)
class Values:
    """Every setting with its default: the one table (see the module docstring)."""

    voice: bool = flag(False, "speak the cues (true/false)")
    voice_command: tuple[str, ...] | None = argv(
        'the speech program as a list of arguments with a "{text}" placeholder', "espeak-ng",
        "{text}")
    voice_setup: bool = flag(
        False, "with the voice on, also read each move's setup the first time it comes up "
        "(true/false)")
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
    wait_to_start: bool = flag(
        True, "wait for a key on the start screen before a session begins (true/false)")
    sync_folder: str | None = folder(
        "a folder your machines share (Syncthing, a cloud drive, a git repository): "
        "`stretch sync` keeps them in step through it, and a session syncs as it ends",
        "~/Sync/stretch")
    name: str | None = words("your name, for the top of a printed sheet", "Alex Morgan", 80)

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
        if self.kind in ("folder", "words"):
            return "(not set)"
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
    from stretch.toml_table import parse_table, read_bytes

    data = read_bytes(path)
    if data is None:
        return Settings.defaults()
    given = parse_table(path, data, BY_NAME)
    sources = {name: (str(path) if name in given else DEFAULT_SOURCE) for name in BY_NAME}
    return Settings(Values(**given), sources)


def sync_path(value: str) -> Path:
    """The `sync_folder` setting as a path (`~` is the home folder)."""
    return Path(value).expanduser()
