"""The parsed catalogue kept on disk, keyed by the exact bytes it was made from.

A pickle in the user's cache folder (only the user can write there, as with their
config). The key holds every file's path and its whole content, compared byte for
byte: the files are small, so this is cheaper than hashing and no edit can ever slip
past. Whatever goes wrong reading it (missing, truncated, from another version, not a
pickle at all) means "no cache": the catalogue is parsed again and the cache
rewritten, atomically, so a reader never sees half of one.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

from stretch import __version__
from stretch.model import Catalogue

Key = tuple[str | bytes, ...]


def shape() -> str:
    """The fields of the values kept, so a catalogue pickled by code with other fields (a
    development build of the same version) is never read back half-filled."""
    from dataclasses import fields

    from stretch import model

    kept = (model.Move, model.Progression, model.Item, model.Routine, model.Avoid,
            model.SafetyNote, model.Notes, model.WeekPlan, model.Catalogue)
    return ";".join(c.__name__ + ":" + ",".join(f.name for f in fields(c)) for c in kept)


def key(files: Sequence[tuple[Path, bytes]]) -> Key:
    """stretch's and Python's versions and the model's shape, then each file's path and
    bytes."""
    parts: list[str | bytes] = [__version__, sys.version, shape()]
    for path, data in files:
        parts += [str(path), data]
    return tuple(parts)


def read(path: Path, wanted: Key) -> Catalogue | None:
    """The cached catalogue if it was made from exactly the files `wanted` names."""
    try:
        with path.open("rb") as handle:
            stored_key, catalogue = pickle.load(handle)
    except Exception:  # missing, unreadable or corrupt: all mean "no cache"
        return None
    if stored_key != wanted or not isinstance(catalogue, Catalogue):
        return None
    return catalogue


def write(path: Path, stored_key: Key, catalogue: Catalogue) -> None:
    """Keep the catalogue for next time; a cache that cannot be written is not kept."""
    import tempfile

    with contextlib.suppress(OSError, pickle.PicklingError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump((stored_key, catalogue), out, protocol=pickle.HIGHEST_PROTOCOL)
            Path(temp).replace(path)
        finally:
            with contextlib.suppress(OSError):
                Path(temp).unlink()
