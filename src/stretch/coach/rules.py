"""The coach's rules: how far up its ladder each move is for a person, and why.

Derived from the log every time (sessions and check-ins, oldest first), never stored,
so the rules can change and a ten-year history still replays in milliseconds:
- a `--speed` demo counts for nothing;
- a session in which the back got 2 or more points worse (after against before) steps
  its moves back one level, whether it was finished or stopped;
- a rating the day after a session (a check-in, or the next session's "before") 2 or
  more above that session's "before" steps its moves back, once per session;
- otherwise a completed session is good (without ratings too: nothing says otherwise);
  two good sessions in a row that included a move, on different days, step it up;
- a stopped or cut-short session never counts as good and does not break a run.
Pure: rows in, levels and explanations out (the pain-monitoring model of Silbernagel
2007; CONTENT-FACTS.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from stretch.coach.doses import DoseLadder
from stretch.history.checkins import Checkin
from stretch.history.rows import SessionRow, real
from stretch.text import counted

WORSE = 2  # points of pain that make a session (or the next day) step back
GOOD_IN_A_ROW = 2  # good sessions on different days before a move steps up
STOP = 3  # points worse in each of STOP_SESSIONS sessions in a row: stop and get advice
STOP_SESSIONS = 2
HIGH = 8  # a rating before a session that suggests the gentlest routine

# The rules in words, made from the numbers above so the two never disagree.
WENT_WELL = f"your last {counted(GOOD_IN_A_ROW)} sessions went well"
ADVICE = (f"Your back was {STOP} or more points worse after each of your last "
          f"{counted(STOP_SESSIONS)} sessions. Stop these exercises for now and get advice "
          "from a physiotherapist or doctor before you carry on.")
RULE = (f"Each move starts low and grows after {counted(GOOD_IN_A_ROW)} good sessions in a "
        f"row on different days, up to its cap; a session that makes your back {WORSE} points "
        "worse, or a worse next day, steps it back.")


def hurt_more(before: int, after: int) -> str:
    return f"your back hurt more after your last session ({before} -> {after})"


def worse_next_day(before: int, rating: int) -> str:
    return f"your back was worse the day after your last session ({before} -> {rating})"


@dataclass(frozen=True, slots=True)
class Change:
    """A move's level went up or down, at a moment, for a reason a person can read."""

    move: str
    at: datetime
    before: int
    after: int
    why: str


@dataclass(slots=True)
class _Move:
    level: int = 0
    good: int = 0  # good sessions in the current run
    last_good: date | None = None


@dataclass(slots=True)
class _Last:
    """The latest real session, for the next day's rating."""

    day: date
    before: int | None
    moves: tuple[str, ...]
    stepped_back: bool


@dataclass(slots=True)
class Progress:
    """Each move's level and every change, oldest first."""

    ladders: Mapping[str, DoseLadder]
    routine_moves: Mapping[str, Sequence[str]] = field(default_factory=dict)
    levels: dict[str, int] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    _moves: dict[str, _Move] = field(default_factory=dict, init=False, repr=False)
    _last: _Last | None = field(default=None, init=False, repr=False)

    def last_change(self, move: str) -> Change | None:
        return next((c for c in reversed(self.changes) if c.move == move), None)

    def since(self, moment: datetime) -> list[Change]:
        """The changes from a moment on (those to explain as the next session starts)."""
        return [c for c in self.changes if c.at >= moment]

    def _state(self, move: str) -> _Move:
        return self._moves.setdefault(move, _Move())

    def _set(self, move: str, level: int, at: datetime, why: str) -> None:
        state = self._state(move)
        level = max(0, min(level, self.ladders[move].top))
        if level != state.level:
            self.changes.append(Change(move, at, state.level, level, why))
            state.level = self.levels[move] = level

    def step_back(self, moves: Iterable[str], at: datetime, why: str) -> None:
        for move in moves:
            state = self._state(move)
            state.good, state.last_good = 0, None
            self._set(move, state.level - 1, at, why)

    def good(self, moves: Iterable[str], day: date, at: datetime) -> None:
        for move in moves:
            state = self._state(move)
            if state.last_good == day:
                continue  # a second session the same day is not a second day
            state.good, state.last_good = state.good + 1, day
            if state.good >= GOOD_IN_A_ROW:
                state.good = 0
                self._set(move, state.level + 1, at, WENT_WELL)

    def next_day(self, at: datetime, rating: int) -> None:
        """A rating the day after the latest session, against that session's "before"."""
        last = self._last
        if (last is None or last.stepped_back or last.before is None
                or at.date() != last.day + timedelta(days=1) or rating - last.before < WORSE):
            return
        last.stepped_back = True
        self.step_back(last.moves, at, worse_next_day(last.before, rating))

    def logged(self, row: SessionRow) -> None:
        """A session from the log, in its turn (a `--speed` demo counts for nothing).
        `routine_moves` names the moves of rows logged before sessions kept their own."""
        if row.demo:
            return
        listed = row.moves
        if listed is None:  # logged before sessions kept their moves: the routine's now
            listed = tuple(self.routine_moves.get(row.routine, ()))
        self.session(row, tuple(m for m in listed if m in self.ladders))

    def session(self, row: SessionRow, moves: tuple[str, ...]) -> None:
        if row.pain_before is not None:
            self.next_day(row.started, row.pain_before)
        points = rise(row)
        worse = points is not None and points >= WORSE
        if worse and row.pain_before is not None and row.pain_after is not None:
            self.step_back(moves, row.started, hurt_more(row.pain_before, row.pain_after))
        elif row.counts:  # completed, in real time
            self.good(moves, row.day, row.started)
        self._last = _Last(row.day, row.pain_before, moves, stepped_back=worse)


def rise(row: SessionRow) -> int | None:
    """How many points worse the back was after the session (None without both ratings)."""
    if row.pain_before is None or row.pain_after is None:
        return None
    return row.pain_after - row.pain_before


def replay(sessions: Iterable[SessionRow], checkins: Iterable[Checkin],
           ladders: Mapping[str, DoseLadder], *, routine_moves: Mapping[str, Sequence[str]],
           pending: tuple[datetime, int] | None = None) -> Progress:
    """Every move's level from the whole log. `routine_moves` names the moves of rows
    logged before sessions kept their own list; `pending` is the "before" rating of a
    session about to start."""
    progress = Progress(ladders, routine_moves)
    events: list[tuple[datetime, int, int, SessionRow | Checkin | int]] = []
    events += [(r.started, 1, r.id, r) for r in real(sessions)]
    events += [(c.at, 0, c.id, c) for c in checkins]
    if pending is not None:
        events.append((pending[0], 2, 0, pending[1]))
    events.sort(key=lambda e: e[:3])  # by the instant; at the same second, in written order
    for at, _, _, event in events:
        if isinstance(event, SessionRow):
            progress.logged(event)
        else:
            progress.next_day(at, event if isinstance(event, int) else event.rating)
    return progress


def needs_advice(sessions: Iterable[SessionRow]) -> bool:
    """The back got STOP or more points worse in each of the last STOP_SESSIONS real
    sessions."""
    last = real(sessions)[-STOP_SESSIONS:]
    return len(last) == STOP_SESSIONS and all((rise(r) or 0) >= STOP for r in last)
