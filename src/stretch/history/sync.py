"""Two machines in step through a folder they share (Syncthing, a cloud drive, a git
repository): no server, the person's own files are the transport.

Each machine writes everything its history holds to its own file in the folder,
`stretch-HOST-ID.jsonl` (the export's format, written whole and renamed into place), and
merges every other machine's file there into its history. It never writes another's
file. A file that does not read whole (a sync tool still copying it) is skipped with a
note and read at the next sync. After both have synced, twice for the first of them to
see the second's file, both hold the same history: the merge's rules (merge.py) settle
every record the same way whatever the order.

A machine's id lives in the history file, with the host it was made on: a history copied
to another computer gets a new id there, so two machines never write the same file.
"""

from __future__ import annotations

import re
import socket
import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from stretch.errors import StretchError
from stretch.history import exchange, merge, records
from stretch.history.store import History

PREFIX, SUFFIX = "stretch-", ".jsonl"


@dataclass(slots=True)
class Synced:
    """What a sync did: the files it read and merged, the ones it skipped (one line
    each), and whether it wrote this machine's file anew."""

    own: Path
    read: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    merged: merge.Merged = field(default_factory=merge.Merged)
    wrote: bool = False


def machine(history: History) -> str:
    """This machine's id (made on first use, and again when the history has moved to
    another host)."""
    host = socket.gethostname()

    def work(db: sqlite3.Connection) -> str:
        found = dict(db.execute("SELECT key, value FROM meta WHERE key IN "
                                "('machine', 'machine_host')").fetchall())
        if found.get("machine") and found.get("machine_host") == host:
            return str(found["machine"])
        made = uuid.uuid4().hex
        db.executemany("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                       "DO UPDATE SET value = excluded.value",
                       [("machine", made), ("machine_host", host)])
        return made

    return history.write(work, what="this machine's id")


def own_file(folder: Path, machine_id: str) -> Path:
    """This machine's file in the folder: its host name, for a person, and its id."""
    host = re.sub(r"[^a-z0-9]+", "-", socket.gethostname().lower()).strip("-")[:30]
    return folder / f"{PREFIX}{host or 'machine'}-{machine_id[:12]}{SUFFIX}"


def others(folder: Path, own: Path) -> list[Path]:
    """Every other machine's file in the folder (a sync tool's temp files and conflict
    copies that are not named so are left alone; one that is read does no harm: a merge
    takes each record once)."""
    return sorted(p for p in folder.glob(f"{PREFIX}*{SUFFIX}")
                  if p.name != own.name and p.is_file())


def sync(history: History, folder: Path, *, exported: str) -> Synced:
    """Merge the other machines' files into the history, then write this machine's file
    (only when what it holds has changed, so a sync tool has nothing to copy)."""
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise StretchError(f"the sync folder {folder} {what}: make it (or mount the shared "
                           "drive) first")
    me = machine(history)
    synced = Synced(own_file(folder, me))
    found, seen = [], _seen(history)
    for path in others(folder, synced.own):
        try:
            data = path.read_bytes()
        except OSError as err:
            synced.skipped.append(f"skipped {path}: {err.strerror}; it is read again at the "
                                  "next sync")
            continue
        synced.read.append(path)
        if seen.get(path.name) == _digest(data):
            continue  # merged as it is at an earlier sync: nothing in it can be new
        try:
            found.append(exchange.parse(path, data))
        except StretchError as err:
            synced.read.remove(path)
            synced.skipped.append(f"skipped {err.message}; it is read again at the next sync")
        else:
            seen[path.name] = _digest(data)
    synced.merged = merge.merge(history, found, converge=True)
    _remember(history, {c.path.name: seen[c.path.name] for c in found})
    ours = records.read(history)
    text = "".join(exchange.lines({"exported": exported, "machine": me},
                                  records.everything(ours)))
    if _body(_current(synced.own)) != _body(text):
        from stretch.files import write_atomically

        write_atomically(synced.own, text, force=True)
        synced.wrote = True
    return synced


def _current(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _body(text: str) -> str:
    """A file's records, without its header (whose time changes at every sync)."""
    return text.partition("\n")[2]


SEEN = "synced:"  # meta keys: each other machine's file as it was last merged


def _digest(data: bytes) -> str:
    """A file's records, without its header (whose time changes at every sync)."""
    import hashlib

    return hashlib.sha256(data.partition(b"\n")[2]).hexdigest()


def _seen(history: History) -> dict[str, str]:
    rows = history.read("SELECT key, value FROM meta WHERE key LIKE ?", (SEEN + "%",))
    return {key[len(SEEN):]: value for key, value in rows}


def _remember(history: History, merged: dict[str, str]) -> None:
    """Keep each merged file's digest, so an unchanged file is not read again. (A history
    set aside and started afresh has none: every file is merged into it again.)"""
    def work(db: sqlite3.Connection) -> None:
        db.executemany("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                       "DO UPDATE SET value = excluded.value",
                       [(SEEN + name, digest) for name, digest in merged.items()])

    if merged:
        history.write(work, what="the record of this sync")
