"""The sessions as a table, for a spreadsheet: one row a session, with no cell that a
spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

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
