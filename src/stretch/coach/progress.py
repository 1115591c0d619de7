"""What `stretch progress` reports, gathered once for the table and the JSON: each move as
it stands for the person, the check-ins, the weekly trend and any advice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from stretch.coach.doses import DoseLadder
from stretch.coach.rules import Change, Event
from stretch.history import trend
from stretch.history.checkins import Checkin
from stretch.history.goals import Goal
from stretch.model import Move


@dataclass(frozen=True, slots=True)
class MoveDose:
    """One move as it stands for the person."""

    move: Move
    ladder: DoseLadder
    level: int
    changed: Change | None
    replaced: str | None = None  # the name of the move it took the place of, if it did

    @property
    def dose(self) -> int:
        return self.ladder.value(self.level)


@dataclass(frozen=True, slots=True)
class Report:
    """Everything `stretch progress` shows, gathered once for both forms."""

    moves: Sequence[MoveDose]
    checkins: Sequence[Checkin]
    weeks: Sequence[trend.Week]
    outcome: trend.Outcome | None
    advice: str | None
    events: Sequence[Event] = ()  # leg symptoms and flares, oldest first
    goals: Sequence[Goal] = ()  # the activities the back makes hard (PSFS), and their ratings
