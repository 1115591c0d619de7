"""Writing a user's file safely: whole or not at all, and never over one by surprise."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from stretch.errors import StretchError


def write_atomically(path: Path, text: str, *, force: bool) -> None:
    """Write `text` to a temp file beside `path`, then rename it into place.

    A reader (or a crash) sees the old file or the new one, never half of one. An
    existing file is only replaced with `force`.
    """
    if path.is_dir():
        raise StretchError(f"{path} is a folder; give a file name")
    if path.exists() and not force:
        raise StretchError(f"{path} already exists; add --force to replace it")
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
        Path(temp).chmod(0o644)
        Path(temp).replace(path)
    except OSError as err:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
        raise StretchError(f"cannot write {path}: {err.strerror}") from None
