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
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

from stretch.model import Catalogue

Key = tuple[str | bytes, ...]


def shape() -> str:
    """The fields of the values kept, so a catalogue pickled by code with other fields (a
    development build of the same version) is never read back half-filled."""
    from dataclasses import fields

    from stretch import model, poses

    kept = (model.Move, model.Progression, model.Item, model.Routine, model.Avoid,
            model.SafetyNote, model.LearnTopic, model.Notes, model.WeekPlan, model.Catalogue,
            poses.Figure, poses.Pose, poses.Prop)
    return ";".join(c.__name__ + ":" + ",".join(f.name for f in fields(c)) for c in kept)


def key(files: Sequence[tuple[Path, bytes]]) -> Key:
    """Python's version and the model's shape, then what the names file is keyed by:
    stretch's version and each file's path and bytes."""
    from stretch.catalogue import names

    return (sys.version, shape(), *names.key(files))


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
    """Keep the catalogue for next time, whole or not at all (`files.keep`)."""
    from stretch.files import keep

    with contextlib.suppress(pickle.PicklingError):
        keep(path, pickle.dumps((stored_key, catalogue), protocol=pickle.HIGHEST_PROTOCOL))
