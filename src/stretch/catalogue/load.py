"""Load the catalogue: the built-in files, then the user's over them, through a cache.

Parsing YAML is most of what `stretch list` would cost, so the merged catalogue is
kept in the user's cache folder, keyed by stretch's version and the exact bytes of
every file read (an edit that keeps a file's size and time is still seen, and so is
a file added or removed). A cache that is missing, stale, corrupt or unreadable is
ignored and rebuilt; one that cannot be written is simply not kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from stretch.errors import CatalogueError, StretchError

if TYPE_CHECKING:
    from stretch.catalogue.drafts import FileContent
    from stretch.catalogue.names import Names
    from stretch.model import Catalogue

SUFFIXES = (".yaml", ".yml")
MAX_BYTES = 1 << 20  # a catalogue file's size limit


def builtin_dir() -> Path:
    """The shipped catalogue: inside the installed package (the wheel puts `routines/`
    beside the code), or the checkout's `routines/` in a development install."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "routines"
    return packaged if packaged.is_dir() else package.parents[1] / "routines"


def catalogue_files(folder: Path) -> list[Path]:
    """The YAML files of a folder in name order; a missing folder has none."""
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
    except FileNotFoundError:
        return []
    except NotADirectoryError:
        raise StretchError(f"{folder}: expected a folder of catalogue files") from None
    except OSError as err:
        raise StretchError(f"{folder}: cannot list the folder: {err.strerror}") from None


def read_bytes(path: Path) -> bytes:
    """A catalogue file's bytes (one more than the limit, so a huge file is caught)."""
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise CatalogueError(str(path), 1, 1, "file", f"cannot read: {err.strerror}") from None


def load_catalogue(
    *, user_dir: Path | None, extra: Sequence[Path] = (), builtin: Path | None = None,
    cache: Path | None = None,
) -> Catalogue:
    """The built-in files, then the user's (and any `extra`) over them; from `cache` (a
    file) when it was made from exactly these files."""
    base, files = _files(user_dir, extra, builtin)
    if cache is None:
        return _build(files, len(base))
    from stretch.catalogue import cache as kept

    key = kept.key(files)
    found = kept.read(cache, key)
    if found is not None:
        return found
    built = _build(files, len(base))
    kept.write(cache, key, built)
    _keep_names(cache, files, built)
    return built


def catalogue_names(*, user_dir: Path | None, cache: Path) -> Names:
    """Routine titles and move names by id, for completion: from the names kept beside
    `cache` when they were made from exactly these files, else from the catalogue."""
    from stretch.catalogue import names

    _, files = _files(user_dir, (), None)
    found = names.read(_names_file(cache), names.key(files))
    if found is not None:
        return found
    known = load_catalogue(user_dir=user_dir, cache=cache)
    return _keep_names(cache, files, known)


def _files(user_dir: Path | None, extra: Sequence[Path], builtin: Path | None
           ) -> tuple[list[Path], list[tuple[Path, bytes]]]:
    """The built-in files, and every file (built-in, the user's, `extra`) with its bytes."""
    base = catalogue_files(builtin or builtin_dir())
    user = catalogue_files(user_dir) if user_dir is not None else []
    user += [p for p in extra if p not in user]
    return base, [(p, read_bytes(p)) for p in [*base, *user]]


def _names_file(cache: Path) -> Path:
    return cache.with_name("names.marshal")


def _keep_names(cache: Path, files: Sequence[tuple[Path, bytes]], known: Catalogue) -> Names:
    from stretch.catalogue import names

    found: Names = {"routines": {r.id: r.title for r in known.routines.values()},
                    "moves": {m.id: m.name for m in known.moves.values()}}
    names.write(_names_file(cache), names.key(files), found)
    return found


def _build(files: Sequence[tuple[Path, bytes]], builtin_count: int) -> Catalogue:
    from stretch.catalogue.merge import merge
    from stretch.model import BUILTIN

    contents = [read_file(p, data, source=BUILTIN if i < builtin_count else None)
                for i, (p, data) in enumerate(files)]
    return merge(contents[:builtin_count], contents[builtin_count:])


def read_file(path: Path, data: bytes | None = None, *, source: str | None = None
              ) -> FileContent:
    """One file, from bytes to validated content; any problem is a CatalogueError."""
    from stretch.catalogue.parse import decode, parse_yaml
    from stretch.catalogue.schema import read_document

    display = str(path)
    text = decode(read_bytes(path) if data is None else data, display)
    return read_document(parse_yaml(text, display), display, source or display)
