"""Each move's level for a person, and a routine at that person's doses.

The levels are replayed from the log (coach/rules.py) against the catalogue's dose
ladders. A command reads the log once (`Log.read`) and replays it once; `personal` is the
one place a routine gets the person's doses: `show`, `today`, the sheet and the session
all go through it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from stretch.coach import doses

if TYPE_CHECKING:
    from stretch.coach.rules import Progress
    from stretch.history.checkins import Checkin
    from stretch.history.rows import SessionRow
    from stretch.history.store import History
    from stretch.model import Catalogue, Routine


@dataclass(frozen=True, slots=True)
class Log:
    """The history as the coach reads it, once per command: sessions and check-ins, each
    newest first."""

    sessions: list[SessionRow]
    checkins: list[Checkin]

    @classmethod
    def read(cls, history: History) -> Log:
        from stretch.history import checkins

        return cls(history.sessions(), checkins.read(history))

    @classmethod
    def empty(cls) -> Log:
        return cls([], [])


def replay_log(known: Catalogue, log: Log, *,
               pending: tuple[datetime, int] | None = None) -> Progress:
    """Every move's level, replayed from the log against the catalogue's dose ladders;
    `pending` is the "before" rating of a session about to start."""
    from stretch.coach.rules import replay  # (with the log: `list` without one needs none)

    ladders = {m.id: doses.dose_ladder(m) for m in known.moves.values()}
    routine_moves = {r.id: [m.id for m in r.moves] for r in known.routines.values()}
    return replay(log.sessions, log.checkins, ladders, routine_moves=routine_moves,
                  pending=pending)


def at_levels(chosen: Routine, found: Mapping[str, int] | None) -> Routine:
    """The routine at those levels; as written when they could not be read (None)."""
    return chosen if found is None else doses.personal(chosen, found)
