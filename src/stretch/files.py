"""Where a user's files live, and writing them safely: whole or not at all.

One environment variable, `$STRETCH_HOME`, moves everything (config, routines,
history, cache) so tests and people with unusual set-ups can point stretch anywhere;
without it, the platform's own folders are used.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from stretch.errors import StretchError

APP = "stretch"


def stretch_home() -> Path | None:
    """`$STRETCH_HOME` when set (and not empty); one that names a file is an error that
    says so, rather than a puzzle about `routines` or `history.sqlite3` under it."""
    value = os.environ.get("STRETCH_HOME", "").strip()
    if not value:
        return None
    home = Path(value).expanduser()
    if home.exists() and not home.is_dir():
        raise StretchError(f"STRETCH_HOME is {home}, which is a file, not a folder: point it "
                           "at a folder (stretch makes it if it is missing)")
    return home


def _platform_dir(kind: str) -> Path:
    """The platform's own folder of a kind (config, data or cache) for stretch."""
    home = Path.home()
    if sys.platform == "win32":
        roaming = os.environ.get("APPDATA") or home / "AppData" / "Roaming"
        local = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / APP
        return {"config": Path(roaming) / APP, "data": local, "cache": local / "cache"}[kind]
    if sys.platform == "darwin":
        library = home / "Library"
        return library / ("Caches" if kind == "cache" else "Application Support") / APP
    variable, fallback = {"config": ("XDG_CONFIG_HOME", home / ".config"),
                          "data": ("XDG_DATA_HOME", home / ".local" / "share"),
                          "cache": ("XDG_CACHE_HOME", home / ".cache")}[kind]
    return Path(os.environ.get(variable) or fallback) / APP


def config_dir() -> Path:
    """Settings and user routines: `$STRETCH_HOME`, else the platform's config folder."""
    return stretch_home() or _platform_dir("config")


def data_dir() -> Path:
    """The session history: `$STRETCH_HOME`, else the platform's data folder."""
    return stretch_home() or _platform_dir("data")


def cache_dir() -> Path:
    """What stretch can always rebuild (the parsed catalogue)."""
    home = stretch_home()
    return home / "cache" if home is not None else _platform_dir("cache")


def catalogue_cache() -> Path:
    """The parsed catalogue, kept (names.marshal beside it holds its names, for completion)."""
    return cache_dir() / "catalogue.pickle"


def user_routines_dir() -> Path:
    """User catalogue files, merged over the built-in ones."""
    return config_dir() / "routines"


def config_file() -> Path:
    return config_dir() / "config.toml"


def profile_file() -> Path:
    """The person's answers to `stretch setup`: a small TOML file beside config.toml."""
    return config_dir() / "profile.toml"


def week_file() -> Path:
    """The days changed with `stretch week set`, beside config.toml."""
    return config_dir() / "week.toml"


def history_file() -> Path:
    return data_dir() / "history.sqlite3"


def remind_file() -> Path:
    """The reminder `stretch remind on` set, so `status` can show it and `off` undo it."""
    return config_dir() / "remind.json"


def remind_log() -> Path:
    """Where `stretch nudge` notes what went wrong: it runs unseen, so it never prints."""
    return data_dir() / "remind.log"


def check_writable(path: Path) -> None:
    """Fail now, with the line a write would give, if `path` could not be written or
    removed: for a command of several steps that must all be done or none (`remind`).

    The folder is made if need be and tried with an empty temp file, so a read-only
    mount, a missing permission or a file in the folder's place is found before the
    first step, not after it."""
    if path.is_dir():
        raise StretchError(f"cannot write {path}: it is a folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(handle)
        Path(temp).unlink()
    except OSError as err:
        raise StretchError(f"cannot write {path}: {err.strerror}") from None


def remove(path: Path) -> None:
    """Delete a file if it is there; one line when it cannot be. Nothing there is nothing
    to do, even in a read-only folder (where unlink fails with EROFS, not ENOENT)."""
    try:
        path.unlink()
    except OSError as err:
        if os.path.lexists(path):
            raise StretchError(f"cannot remove {path}: {err.strerror}") from None


def _mode(path: Path) -> int:
    """The permissions a replaced file keeps (a private one stays private); 0644 for a
    new file."""
    import stat

    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:  # no file there (or a symlink to nothing)
        return 0o644


def keep(path: Path, data: bytes) -> None:
    """Keep what stretch can always make again (the cached catalogue, its names): written
    whole beside `path` and renamed into place, so no reader sees half of it; when it
    cannot be written, it is simply not kept."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            Path(temp).replace(path)
        finally:
            with contextlib.suppress(OSError):
                Path(temp).unlink()


def write_atomically(path: Path, text: str, *, force: bool) -> None:
    """Write `text` to a temp file beside `path`, then rename it into place.

    A reader (or a crash) sees the old file or the new one, never half of one. An
    existing file (or a symlink, even to nothing) is only replaced with `force`, and keeps
    its permissions; a new one is readable by all (0644).
    """
    if path.is_dir():
        raise StretchError(f"{path} is a folder; give a file name")
    if os.path.lexists(path) and not force:  # a symlink too, even one to nothing
        raise StretchError(f"{path} already exists; add --force to replace it")
    mode = _mode(path)
    folder = path.parent if str(path.parent) else Path()
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise StretchError(f"cannot write {path}: {err.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        Path(temp).chmod(mode)
        Path(temp).replace(path)
    except OSError as err:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
        raise StretchError(f"cannot write {path}: {err.strerror}") from None
