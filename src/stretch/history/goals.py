"""Goals: the activities the back makes hard, each rated 0 (cannot) to 10 (as before).

The Patient-Specific Functional Scale (PSFS; Stratford 1995): the person names up to five
activities and rates each again every week or two. A goal and each of its ratings are
records with their own ids, so they travel with the rest of the history (exchange.py).
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime

from stretch.history.store import History


@dataclass(frozen=True, slots=True)
class Rated:
    at: datetime
    rating: int


@dataclass(frozen=True, slots=True)
class Goal:
    """One activity and its ratings, oldest first."""

    uid: str
    added: datetime
    text: str
    ratings: tuple[Rated, ...]

    @property
    def first(self) -> Rated | None:
        return self.ratings[0] if self.ratings else None

    @property
    def latest(self) -> Rated | None:
        return self.ratings[-1] if self.ratings else None


def read(history: History) -> list[Goal]:
    """Every goal, in the order they were added (the numbers `goal rate N` takes)."""
    def work(db: sqlite3.Connection) -> list[Goal]:
        ratings: dict[str, list[Rated]] = {}
        for goal, at, rating in db.execute("SELECT goal, at, rating FROM goal_ratings"):
            ratings.setdefault(goal, []).append(Rated(datetime.fromisoformat(at), int(rating)))
        found = [(datetime.fromisoformat(added), row, Goal(
                     uid, datetime.fromisoformat(added), text,
                     tuple(sorted(ratings.get(uid, []), key=lambda r: r.at))))
                 for row, uid, added, text in db.execute("SELECT id, uid, added, text FROM goals")]
        found.sort(key=lambda g: g[:2])  # by the instant; in one second, as they were added
        return [g for _, _, g in found]

    return history.query(work)


def add(history: History, *, text: str, rating: int, at: datetime) -> str:
    """A new goal with its first rating; returns its id."""
    uid = uuid.uuid4().hex

    def work(db: sqlite3.Connection) -> None:
        stamp = at.isoformat(timespec="seconds")
        db.execute("INSERT INTO goals (uid, added, text) VALUES (?, ?, ?)", (uid, stamp, text))
        _rate(db, uid, rating, stamp)

    history.write(work, what="this goal")
    return uid


def rate(history: History, ratings: list[tuple[str, int]], *, at: datetime) -> None:
    """New ratings of goals (by id), in one transaction."""
    stamp = at.isoformat(timespec="seconds")

    def work(db: sqlite3.Connection) -> None:
        for uid, rating in ratings:
            _rate(db, uid, rating, stamp)

    history.write(work, what="the rating")


def _rate(db: sqlite3.Connection, goal: str, rating: int, stamp: str) -> None:
    db.execute("INSERT INTO goal_ratings (uid, goal, at, rating) VALUES (?, ?, ?, ?)",
               (uuid.uuid4().hex, goal, stamp, rating))
