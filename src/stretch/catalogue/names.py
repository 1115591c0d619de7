"""Routine and move names for shell completion, read without the catalogue.

`stretch run h<TAB>` needs only names and titles, and it runs at every Tab: unpickling
the whole catalogue (and importing the model to do it) is most of what stretch itself
adds to that. So beside the cached catalogue sits a small marshal file of the names,
under a key of its own (stretch's version and the exact bytes of every catalogue file),
written whenever the catalogue is cached and ignored when stale, corrupt or missing.
"""

from __future__ import annotations

import marshal
from collections.abc import Sequence
from pathlib import Path

from stretch import __version__

Names = dict[str, dict[str, str]]  # "routines" and "moves": id -> title or name
Key = tuple[str | bytes, ...]
# Moved on when the reader comes to refuse what it once took (control characters in text,
# issue 23), so names and a catalogue cached before are checked again, not served.
CHECKS = "2"


def key(files: Sequence[tuple[Path, bytes]]) -> Key:
    """Stretch's version and its checks, then each file's path and bytes."""
    parts: list[str | bytes] = [__version__, CHECKS]
    for path, data in files:
        parts += [str(path), data]
    return tuple(parts)


def read(path: Path, wanted: Key) -> Names | None:
    """The names kept for exactly the files `wanted` names, else None."""
    try:
        stored, names = marshal.loads(path.read_bytes())
    except Exception:  # missing, unreadable or not ours: no names kept
        return None
    return names if stored == wanted and isinstance(names, dict) else None


def write(path: Path, stored: Key, names: Names) -> None:
    """Keep the names, whole or not at all (`files.keep`)."""
    from stretch.files import keep

    keep(path, marshal.dumps((stored, names)))
