"""The coach's memory, replayed from the log: each move's level on its dose ladder, which
move of each ladder of moves the person is on, flares and leg symptoms.

Derived from the log every time (sessions and check-ins, oldest first), never stored, so
the rules (rules.py) can change and a ten-year history still replays in a blink. Pure:
rows in, levels, rungs, changes and events out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from stretch.coach import rules
from stretch.coach.doses import DoseLadder, describe
from stretch.coach.flare import Flare
from stretch.history.checkins import Checkin
from stretch.history.rows import SessionRow, real


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
    """Each move's level, the rung of each ladder the person is on, and every change and
    event, oldest first. `ladders` gives each move its ladder of moves (easiest first);
    `fits` says which moves the person's body allows."""

    doses: Mapping[str, DoseLadder]
    ladders: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    fits: Callable[[str], bool] = lambda move: True
    checkins_on: bool = True
    routine_moves: Mapping[str, Sequence[str]] = field(default_factory=dict)
    levels: dict[str, int] = field(default_factory=dict)
    rungs: dict[str, str] = field(default_factory=dict)  # a ladder's first move -> its rung
    changes: list[rules.Change] = field(default_factory=list)
    events: list[rules.Event] = field(default_factory=list)
    flare: Flare = field(default_factory=Flare)
    leg_out: bool = False  # moves that load the sciatic nerve are left out for now
    _leg_clear: list[date] = field(default_factory=list)
    _moves: dict[str, _Move] = field(default_factory=dict, repr=False)
    _last: _Last | None = field(default=None, repr=False)

    def last_change(self, move: str) -> rules.Change | None:
        return next((c for c in reversed(self.changes) if c.move == move), None)

    def since(self, moment: datetime) -> list[rules.Change]:
        """The changes from a moment on (those to explain as the next session starts)."""
        return [c for c in self.changes if c.at >= moment]

    def rung(self, move: str) -> str:
        """The move the person is on, on `move`'s ladder: where the log has taken them,
        else the easiest that fits."""
        ladder = self.ladders.get(move, (move,))
        fitting = [m for m in ladder if self.fits(m)] or [ladder[0]]
        return self.rungs.get(ladder[0], fitting[0])

    def _state(self, move: str) -> _Move:
        return self._moves.setdefault(move, _Move())

    def _set(self, move: str, level: int, at: datetime, why: str) -> None:
        state = self._state(move)
        level = max(0, min(level, self.doses[move].top))
        if level != state.level:
            self.changes.append(rules.Change(move, at, state.level, level, why))
            state.level = self.levels[move] = level

    def _climb(self, move: str, step: int, at: datetime, why: str) -> None:
        """Another move of the ladder in place of `move` (the next harder or easier one
        that fits), when `move` is the person's rung: at its start going up, at its top
        coming down."""
        ladder = self.ladders.get(move, (move,))
        if self.rung(move) != move:
            return
        index = ladder.index(move) + step
        while 0 <= index < len(ladder) and not self.fits(ladder[index]):
            index += step
        if not 0 <= index < len(ladder):
            return
        taking = ladder[index]
        level = 0 if step > 0 else self.doses[taking].top
        self.rungs[ladder[0]] = taking
        state = self._state(taking)
        state.good, state.last_good = 0, None
        self.changes.append(rules.Change(taking, at, state.level, level, why, "rung", move))
        state.level = self.levels[taking] = level

    def step_back(self, moves: Iterable[str], at: datetime, why: str) -> None:
        for move in moves:
            state = self._state(move)
            state.good, state.last_good = 0, None
            if state.level == 0:
                self._climb(move, -1, at, why)
            else:
                self._set(move, state.level - 1, at, why)

    def good(self, moves: Iterable[str], day: date, at: datetime) -> None:
        for move in moves:
            state = self._state(move)
            if state.last_good == day:
                continue  # a second session the same day is not a second day
            state.good, state.last_good = state.good + 1, day
            if state.good < rules.GOOD_IN_A_ROW:
                continue
            state.good = 0
            ladder = self.doses[move]
            if state.level < ladder.top:
                self._set(move, state.level + 1, at, rules.WENT_WELL)
            else:
                dose = describe(ladder.measure, ladder.value(state.level))
                self._climb(move, +1, at, rules.reached_top(dose))

    def rating(self, at: datetime, rating: int, *, elsewhere: bool = False) -> None:
        """A rating of the back at rest (a check-in, or a session's "before"): the next
        day's check on the latest session (unless its pain came from something else) and
        the flare watch."""
        last = self._last
        if (not elsewhere and last is not None and not last.stepped_back
                and last.before is not None and at.date() == last.day + timedelta(days=1)
                and rating - last.before >= rules.WORSE):
            last.stepped_back = True
            self.step_back(last.moves, at, rules.worse_next_day(last.before, rating))
        self._flare(self.flare.rating(at, rating))

    def _flare(self, news: rules.Event | None) -> None:
        """A flare beginning steps the latest session's moves back (once); its end is noted."""
        if news is None:
            return
        self.events.append(news)
        last = self._last
        if news.kind == "flare" and last is not None and not last.stepped_back:
            last.stepped_back = True
            self.step_back(last.moves, news.at, news.said)

    def logged(self, row: SessionRow) -> None:
        """A session from the log, in its turn (a `--speed` demo counts for nothing).
        `routine_moves` names the moves of rows logged before sessions kept their own."""
        if row.demo:
            return
        listed = row.moves
        if listed is None:  # logged before sessions kept their moves: the routine's now
            listed = tuple(self.routine_moves.get(row.routine, ()))
        self.session(row, tuple(m for m in listed if m in self.doses))

    def session(self, row: SessionRow, moves: tuple[str, ...]) -> None:
        if row.pain_before is not None:
            self.rating(row.started, row.pain_before, elsewhere=row.pain_elsewhere)
        self._flare(self.flare.session(row))
        self._leg(row)
        said, why = rules.verdict(row, checkins_on=self.checkins_on)
        if said == "bad":
            self.step_back(moves, row.started, why)
        elif said == "good" and not self.flare.on:  # in a flare, nothing steps up
            self.good(moves, row.day, row.started)
        self._last = _Last(row.day, row.pain_before, moves, stepped_back=said == "bad")

    def _leg(self, row: SessionRow) -> None:
        """Leg symptoms that spread leave the nerve-loading moves out until LEG_CLEAR
        sessions in a row, on different days, leave the leg no worse."""
        if row.leg_worse:
            self.leg_out, self._leg_clear = True, []
            self.events.append(rules.Event("leg", row.started, rules.LEG_WORSE))
        elif row.leg_worse is False and self.leg_out and row.day not in self._leg_clear:
            self._leg_clear.append(row.day)
            if len(self._leg_clear) >= rules.LEG_CLEAR:
                self.leg_out = False
                self.events.append(rules.Event(
                    "leg-clear", row.started, "your leg was no worse after your last "
                    f"{len(self._leg_clear)} sessions: the moves left out are back"))


def replay(sessions: Iterable[SessionRow], checkins: Iterable[Checkin], progress: Progress,
           *, pending: tuple[datetime, int, bool] | None = None) -> Progress:
    """`progress` (fresh) brought up to date with the whole log; `pending` is the
    "before" rating of a session about to start (and whether its pain came from something
    else)."""
    events: list[tuple[datetime, int, int, SessionRow | Checkin | tuple[int, bool]]] = []
    events += [(r.started, 1, r.id, r) for r in real(sessions)]
    events += [(c.at, 0, c.id, c) for c in checkins]
    if pending is not None:
        events.append((pending[0], 2, 0, pending[1:]))
    events.sort(key=lambda e: e[:3])  # by the instant; at the same second, in written order
    for at, _, _, event in events:
        if isinstance(event, SessionRow):
            progress.logged(event)
        elif isinstance(event, Checkin):
            progress.rating(at, event.rating, elsewhere=event.not_exercise)
        else:
            progress.rating(at, event[0], elsewhere=event[1])
    return progress
