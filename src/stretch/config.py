"""Where a user's files live: `$STRETCH_HOME`, or the platform's own folders.

One environment variable moves everything (config, routines, history) so tests and
people with unusual set-ups can point stretch anywhere.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

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
