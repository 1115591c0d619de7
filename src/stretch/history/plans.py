"""The week plan as it stood from each date, so each past day is judged by the plan in
force that day: a plan changed today (in YAML, by `stretch setup` or `week set`) takes
the ticks off no day already done and turns no skipped day into a rest day.

Each command that reads the plan against the log notes the plan in force today when it
differs from the last one noted; a day before the first note has that first plan.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from stretch.history.store import History

Days = tuple[str, ...]  # Monday first: a routine id, or 'rest'


@dataclass(frozen=True, slots=True)
class Plans:
    """The plans in force over time, oldest first: (the date it took effect, its days)."""

    kept: tuple[tuple[date, Days], ...]

    def days_on(self, day: date) -> Days | None:
        """The plan in force on `day` (the first plan for a day before any), None with
        none noted."""
        found = None
        for effective, days in self.kept:
            if effective > day:
                break
            found = days
        if found is None and self.kept:
            return self.kept[0][1]
        return found


def noted(history: History, days: Sequence[str], today: date) -> Plans:
    """Every plan noted, today's added when it differs from the last one (replacing one
    noted earlier today: a plan changed twice in a day took effect today)."""
    current = tuple(days)
    history.read("SELECT MAX(id) FROM sessions")  # the log first: damage is set aside, not written
    kept = [(date.fromisoformat(d), tuple(json.loads(text)))
            for d, text in history.read("SELECT effective, days FROM plans ORDER BY id")]
    if kept and kept[-1][1] == current:
        return Plans(tuple(kept))
    if history.read_only is not None:  # nothing can be noted: today's plan judges today only
        return Plans((*kept, (today, current)))

    def note(db: sqlite3.Connection) -> None:
        if kept and kept[-1][0] == today:
            db.execute("DELETE FROM plans WHERE id = (SELECT MAX(id) FROM plans)")
        db.execute("INSERT INTO plans (effective, days) VALUES (?, ?)",
                   (today.isoformat(), json.dumps(list(current))))

    history.write(note, what="the week plan")
    if kept and kept[-1][0] == today:
        kept.pop()
    return Plans((*kept, (today, current)))
