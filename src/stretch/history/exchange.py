"""The export file: JSON Lines that carry a history from one machine to another.

A file is a header line, one record a line, and an end line that counts them, so a file
cut short (a sync tool part way through copying it) is told from a whole one:

    {"type": "stretch", "format": 1, "exported": "2026-12-06T08:00:00+01:00"}
    {"type": "session", "id": "3f0c...", "routine": "hip-reset", ...}
    {"type": "end", "records": 1}

Every record has a `type` and an `id` that is the same on every machine. The stored
types (`STORED`) are merged by id on import; the derived ones (`DERIVED`: the coach's
dose changes, with their reasons) are there for a reader and recomputed from the merged
history, never stored. `FIELDS` is the format: each field of each type and its check, in
the order a line writes them. Reading is all or nothing: the first problem is one line,
`FILE:LINE: problem`, and nothing of the file is used.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from stretch.errors import StretchError, did_you_mean, shorten
from stretch.vocab import GROUPS, NO_PAIN, WORST_PAIN

FORMAT = 1
HEADER = "stretch"  # the first line's type
END = "end"  # the last line's type
STATUSES = ("completed", "stopped", "interrupted")
SIDES = ("left", "right", "none")
KINDS = ("session", "checkin", "goal")  # what a `deleted` record may name
ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
TEXT_LIMIT = 2000  # characters in a title, a note or a goal: a foreign file is not a book

Record = dict[str, Any]


class Invalid(ValueError):
    """A field's value does not fit; the message says what was expected."""


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise Invalid(f"expected text, got {_shown(value)}")
    if len(value) > TEXT_LIMIT:
        raise Invalid(f"text of at most {TEXT_LIMIT} characters, got {len(value)}")
    return value


def _words(value: object) -> str:
    """Text that is not empty (a goal, a routine's title)."""
    text = _text(value)
    if not text.strip():
        raise Invalid("expected some text, got an empty string")
    return text


def _id(value: object) -> str:
    if not isinstance(value, str) or not ID.fullmatch(value):
        raise Invalid("expected an id of 1-64 letters, digits, dots, dashes or underscores, "
                      f"got {_shown(value)}")
    return value


def _time(value: object) -> str:
    """An ISO 8601 time with its offset, written back as stretch writes times."""
    if not isinstance(value, str):
        raise Invalid(f"expected a time like 2026-12-06T08:00:00+01:00, got {_shown(value)}")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise Invalid(f"expected a time like 2026-12-06T08:00:00+01:00, got {_shown(value)}"
                      ) from None
    if moment.utcoffset() is None:
        raise Invalid(f"expected a time with its offset (+01:00, Z), got {_shown(value)}")
    return moment.isoformat(timespec="seconds")


def _maybe(check: Callable[[object], Any]) -> Callable[[object], Any]:
    def maybe(value: object) -> Any:
        return None if value is None else check(value)

    return maybe


def _whole(low: int, high: int | None = None) -> Callable[[object], int]:
    wanted = f"a whole number from {low} to {high}" if high is not None else \
        f"a whole number of {low} or more"

    def whole(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < low or (
                high is not None and value > high):
            raise Invalid(f"expected {wanted}, got {_shown(value)}")
        return value

    return whole


def _number(low: float, high: float) -> Callable[[object], float]:
    def number(value: object) -> float:
        if (isinstance(value, bool) or not isinstance(value, (int, float))
                or not math.isfinite(value) or not low <= value <= high):
            raise Invalid(f"expected a number from {low:g} to {high:g}, got {_shown(value)}")
        return float(value)

    return number


def _one_of(*choices: str) -> Callable[[object], str]:
    def one_of(value: object) -> str:
        if value not in choices:
            raise Invalid(f"expected {' or '.join(choices)}, got {_shown(value)}")
        assert isinstance(value, str)
        return value

    return one_of


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, got {_shown(value)}")
    return value


def _moves(value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise Invalid(f"expected a list of move ids, got {_shown(value)}")
    return value


def _groups(value: object) -> dict[str, float]:
    if not isinstance(value, dict):
        raise Invalid(f"expected seconds per muscle group, like {{\"gluteal\": 120}}, got "
                      f"{_shown(value)}")
    seconds = _number(0, 1e7)
    checked = {}
    for group, amount in value.items():
        if group not in GROUPS:
            raise Invalid(f"unknown muscle group {_shown(group)}{did_you_mean(group, GROUPS)}")
        checked[group] = seconds(amount)
    return checked


def _anything(value: object) -> object:
    return value


RATING = _whole(NO_PAIN, WORST_PAIN)
SECONDS = _number(0, 1e7)
COUNT = _whole(0)
# Each record type's fields, in the order a line writes them, with the check of each value.
FIELDS: dict[str, dict[str, Callable[[object], Any]]] = {
    "session": {
        "id": _id, "routine": _words, "title": _words, "started": _time,
        "ended": _maybe(_time), "status": _one_of(*STATUSES), "active_seconds": SECONDS,
        "planned_seconds": SECONDS, "steps_total": COUNT, "steps_done": COUNT,
        "steps_skipped": COUNT, "pain_before": _maybe(RATING), "pain_after": _maybe(RATING),
        "leg_worse": _maybe(_flag), "speed": _number(0.001, 1000),
        "first_side": _one_of(*SIDES), "moves": _maybe(_moves), "groups": _groups,
        "by_hand": _flag, "rev": COUNT, "gentle": _flag, "pain_elsewhere": _flag,
    },
    "checkin": {"id": _id, "time": _time, "rating": RATING, "note": _maybe(_text),
                "not_exercise": _flag},
    "goal": {"id": _id, "added": _time, "text": _words},
    "rating": {"id": _id, "goal": _id, "time": _time, "rating": RATING},
    "deleted": {"id": _id, "kind": _one_of(*KINDS), "rev": COUNT},
    # derived: a dose change and its reason, as `stretch progress` says it (recomputed)
    "dose": {"move": _words, "name": _words, "time": _time, "measure": _words,
             "from": _anything, "to": _anything, "why": _words},
    # derived: a move that took another's place on its ladder, and why
    "ladder": {"move": _words, "name": _words, "replaced": _words, "time": _time,
               "why": _words},
    # derived: leg symptoms that spread (and settled), a flare (and its end)
    "event": {"kind": _words, "time": _time, "said": _words},
}
STORED = ("session", "checkin", "goal", "rating", "deleted")
# Records made from the others, for a reader; an import checks and skips them: the coach's
# dose changes, ladder changes, and leg-symptom and flare events.
DERIVED = ("dose", "ladder", "event")
OPTIONAL = {("session", "leg_worse"), ("session", "gentle"),  # fields an older stretch's
            ("session", "pain_elsewhere"), ("checkin", "not_exercise")}  # file may not have


@dataclass(slots=True)
class Contents:
    """What a file holds, each stored type in file order, and where each record was."""

    path: Path
    records: dict[str, list[Record]] = field(default_factory=lambda: {t: [] for t in STORED})
    lines: dict[str, int] = field(default_factory=dict)  # id -> its line

    def __len__(self) -> int:
        return sum(len(found) for found in self.records.values())


def _shown(value: object) -> str:
    return shorten(json.dumps(value, ensure_ascii=False), 40)


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


def record(kind: str, /, **values: object) -> Record:
    """A record of a type, its fields in the format's order (a field not given: null)."""
    return {"type": kind, **{name: values.get(name) for name in FIELDS[kind]}}


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
            raise _problem(path, number, f"unknown record type {_shown(kind)}{hint}")
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
        raise _problem(path, number, f"expected a JSON object, got {_shown(line)}")
    return line


def _header(path: Path, line: Record) -> None:
    if line.get("type") != HEADER:
        raise _problem(path, 1, 'not a stretch export: its first line should be {"type": '
                       f'"{HEADER}", "format": {FORMAT}, ...}}')
    version = line.get("format")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _problem(path, 1, f"format: expected a whole number, got {_shown(version)}")
    if version > FORMAT:
        raise _problem(path, 1, f"the file is from a newer stretch (format {version}; this "
                       f"one reads format {FORMAT}): upgrade stretch to import it")


def _end(path: Path, number: int, line: Record) -> None:
    count = line.get("records")
    if count != number - 2:
        raise _problem(path, number, f"the end line counts {_shown(count)} records, but the "
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


# --- the sessions as a table, for a spreadsheet -------------------------------------

CSV_COLUMNS = ("id", "routine", "title", "started", "ended", "status", "active_seconds",
               "steps_done", "steps_skipped", "pain_before", "pain_after", "leg_worse",
               "speed", "by_hand")
FORMULA = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet would read as a formula


def sessions_csv(sessions: Iterable[Mapping[str, Any]]) -> str:
    """One row a session under a header; text that a spreadsheet would run as a formula
    (a title starting with '=') is written with a leading apostrophe, as spreadsheets
    themselves mark text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for session in sessions:
        writer.writerow([_cell(session[name]) for name in CSV_COLUMNS])
    return out.getvalue()


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(FORMULA):
        return "'" + value
    return value
