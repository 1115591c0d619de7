"""The export file: JSON Lines that carry a history from one machine to another.

A file is a header line, one record a line, and an end line that counts them, so a file
cut short (a sync tool part way through copying it) is told from a whole one:

    {"type": "stretch", "format": 1, "exported": "2026-12-06T08:00:00+01:00"}
    {"type": "session", "id": "3f0c...", "routine": "hip-reset", ...}
    {"type": "end", "records": 1}

Each record's fields and their checks are in export_fields.py. Reading is all or
nothing: the first problem is one line, `FILE:LINE: problem`, and nothing of the file is
used.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from stretch.errors import StretchError, did_you_mean, shorten
from stretch.history.export_fields import FIELDS, OPTIONAL, STORED, Invalid, Record, shown

FORMAT = 1
HEADER = "stretch"  # the first line's type
END = "end"  # the last line's type


@dataclass(slots=True)
class Contents:
    """What a file holds, each stored type in file order, and where each record was."""

    path: Path
    records: dict[str, list[Record]] = field(default_factory=lambda: {t: [] for t in STORED})
    lines: dict[str, int] = field(default_factory=dict)  # id -> its line

    def __len__(self) -> int:
        return sum(len(found) for found in self.records.values())


def lines(header: Record, records: Iterable[Record]) -> Iterator[str]:
    """The file, line by line: the header, each record, and the end line with their count."""
    count = 0
    yield _line({"type": HEADER, "format": FORMAT, **header})
    for record in records:
        count += 1
        yield _line(record)
    yield _line({"type": END, "records": count})


def _line(record: Record) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def read(path: Path, data: bytes | None = None) -> Contents:
    """A whole file checked (or StretchError `FILE:LINE: problem`)."""
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as err:
            raise StretchError(f"cannot read {path}: {err.strerror}") from None
    return parse(path, data)


def parse(path: Path, data: bytes) -> Contents:
    contents = Contents(path)
    rows = data.split(b"\n")
    if rows and rows[-1] == b"":
        rows.pop()  # the newline that ends the last line
    if not rows:
        raise _problem(path, 1, "empty file: not a stretch export")
    ended = 0
    for number, raw in enumerate(rows, start=1):
        if ended:
            raise _problem(path, number, f"a line after the end line (line {ended})")
        line = _decode(path, number, raw)
        if number == 1:
            _header(path, line)
            continue
        kind = line.get("type")
        if kind == END:
            _end(path, number, line)
            ended = number
            continue
        if kind not in FIELDS:
            hint = did_you_mean(kind, FIELDS) if isinstance(kind, str) else ""
            raise _problem(path, number, f"unknown record type {shown(kind)}{hint}")
        checked = _checked(path, number, kind, line)
        if kind in STORED:
            first = contents.lines.setdefault(f"{kind}:{checked['id']}", number)
            if first != number:
                raise _problem(path, number, f"{kind} {checked['id']} is already on line {first}")
            contents.records[kind].append(checked)
    if not ended:
        raise _problem(path, len(rows), "the file stops before its end line: it is cut short "
                       "(still being copied, or half-written)")
    _goals_known(contents)
    return contents


def _decode(path: Path, number: int, raw: bytes) -> Record:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _problem(path, number, "not UTF-8 text: not a stretch export") from None
    try:
        line = json.loads(text)
    except json.JSONDecodeError as err:
        what = "not JSON" if number == 1 else "not a whole JSON object (cut short?)"
        raise _problem(path, number, f"{what}: {err.msg} (column {err.colno})") from None
    if not isinstance(line, dict):
        raise _problem(path, number, f"expected a JSON object, got {shown(line)}")
    return line


def _header(path: Path, line: Record) -> None:
    if line.get("type") != HEADER:
        raise _problem(path, 1, 'not a stretch export: its first line should be {"type": '
                       f'"{HEADER}", "format": {FORMAT}, ...}}')
    version = line.get("format")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _problem(path, 1, f"format: expected a whole number, got {shown(version)}")
    if version > FORMAT:
        raise _problem(path, 1, f"the file is from a newer stretch (format {version}; this "
                       f"one reads format {FORMAT}): upgrade stretch to import it")


def _end(path: Path, number: int, line: Record) -> None:
    count = line.get("records")
    if count != number - 2:
        raise _problem(path, number, f"the end line counts {shown(count)} records, but the "
                       f"file has {number - 2}: some lines are missing")


def _checked(path: Path, number: int, kind: str, line: Record) -> Record:
    fields = FIELDS[kind]
    for name in line:
        if name != "type" and name not in fields:
            raise _problem(path, number, f"{kind}: unknown field '{shorten(name)}'"
                           f"{did_you_mean(name, fields)}")
    checked: Record = {"type": kind}
    for name, check in fields.items():
        if name not in line:
            if (kind, name) in OPTIONAL:
                checked[name] = None
                continue
            raise _problem(path, number, f"{kind}: missing field '{name}'")
        try:
            checked[name] = check(line[name])
        except Invalid as bad:
            raise _problem(path, number, f"{kind}: {name}: {bad}") from None
    return checked


def _goals_known(contents: Contents) -> None:
    """A goal's rating travels with its goal: one naming a goal the file lacks is refused."""
    goals = {g["id"] for g in contents.records["goal"]}
    for rating in contents.records["rating"]:
        if rating["goal"] not in goals:
            line = contents.lines[f"rating:{rating['id']}"]
            raise _problem(contents.path, line, f"rating: goal: {rating['goal']} is not a "
                           "goal in this file")


def _problem(path: Path, line: int, problem: str) -> StretchError:
    return StretchError(f"{path}:{line}: {problem}")
