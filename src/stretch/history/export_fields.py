"""The export format's records: each type's fields, in the order a line writes them, and
the check of each value.

Every record has a `type` and an `id` that is the same on every machine. The stored
types (`STORED`) are merged by id on import; the derived ones (`DERIVED`: the coach's
dose changes, with their reasons) are there for a reader and recomputed from the merged
history, never stored. `FIELDS` is the format; exchange.py reads and writes the file.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from stretch.errors import did_you_mean, shorten
from stretch.vocab import GROUPS, NO_PAIN, WORST_PAIN

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
        raise Invalid(f"expected text, got {shown(value)}")
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
                      f"got {shown(value)}")
    return value


def _time(value: object) -> str:
    """An ISO 8601 time with its offset, written back as stretch writes times."""
    if not isinstance(value, str):
        raise Invalid(f"expected a time like 2026-12-06T08:00:00+01:00, got {shown(value)}")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise Invalid(f"expected a time like 2026-12-06T08:00:00+01:00, got {shown(value)}"
                      ) from None
    if moment.utcoffset() is None:
        raise Invalid(f"expected a time with its offset (+01:00, Z), got {shown(value)}")
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
            raise Invalid(f"expected {wanted}, got {shown(value)}")
        return value

    return whole


def _number(low: float, high: float) -> Callable[[object], float]:
    def number(value: object) -> float:
        if (isinstance(value, bool) or not isinstance(value, (int, float))
                or not math.isfinite(value) or not low <= value <= high):
            raise Invalid(f"expected a number from {low:g} to {high:g}, got {shown(value)}")
        return float(value)

    return number


def _one_of(*choices: str) -> Callable[[object], str]:
    def one_of(value: object) -> str:
        if value not in choices:
            raise Invalid(f"expected {' or '.join(choices)}, got {shown(value)}")
        assert isinstance(value, str)
        return value

    return one_of


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, got {shown(value)}")
    return value


def _moves(value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise Invalid(f"expected a list of move ids, got {shown(value)}")
    return value


def _groups(value: object) -> dict[str, float]:
    if not isinstance(value, dict):
        raise Invalid(f"expected seconds per muscle group, like {{\"gluteal\": 120}}, got "
                      f"{shown(value)}")
    seconds = _number(0, 1e7)
    checked = {}
    for group, amount in value.items():
        if group not in GROUPS:
            raise Invalid(f"unknown muscle group {shown(group)}{did_you_mean(group, GROUPS)}")
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


def record(kind: str, /, **values: object) -> Record:
    """A record of a type, its fields in the format's order (a field not given: null)."""
    return {"type": kind, **{name: values.get(name) for name in FIELDS[kind]}}


def shown(value: object) -> str:
    return shorten(json.dumps(value, ensure_ascii=False), 40)
