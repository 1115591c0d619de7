"""The best fit of a routine into some seconds, found by searching every choice.

A choice leaves out any of the moves that may go (every move but those of priority 1),
keeps from 1 to all of each stretch's holds, and caps every hold at one length of at
least 15 s (the short end of ACSM's 10-30 s). Choices are weighed by, in order: stretch
groups present; groups at the 60 s target; stretch seconds; the fewest holds; the most of
the minutes used; then leaving out the moves marked to go first (priority 3). For each
set of moves and holds the longest hold that fits is best (more seconds, no more holds),
so only the moves and the holds are searched; a bound on what a set of moves could give
skips the sets that cannot beat the best so far.

Exact, and quick for a routine of a dozen moves (every built-in one); `SEARCHABLE` says
when a routine is small enough, and cuts.py's spread search takes the rest.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from stretch.fit.cuts import FIT_MIN_HOLD, held, rounds, stretch
from stretch.model import Item, Routine
from stretch.plan import DOSE_TARGET, Timings, timed_steps, total_seconds

SEARCHABLE = 60_000  # choices of moves and holds searched at most (else the spread search)
Score = tuple[int, int, float, int, float, int]


@dataclass(frozen=True, slots=True)
class Choice:
    """Which items are left out, how many holds each kept stretch keeps, and the longest
    a hold may be (None: as written)."""

    dropped: frozenset[int]
    holds: tuple[tuple[int, int], ...]
    longest: int | None


class Search:
    """Every choice for one routine (its holds as the timer runs them, `hold_scale` 1)."""

    def __init__(self, routine: Routine, settings: Timings) -> None:
        self.routine, self.settings = routine, settings
        items = routine.items
        self.droppable = [i for i, it in enumerate(items) if it.move and it.priority > 1]
        self.stretches = [i for i, it in enumerate(items) if stretch(it)]
        self.held = [i for i, it in enumerate(items) if held(it) and not stretch(it)]  # planks
        longest = max((it.hold or 0 for it in items if held(it)), default=0)
        self.lengths = list(range(min(longest, FIT_MIN_HOLD), longest + 1)) or [0]
        self._bases: dict[frozenset[int], float] = {}
        self._pieces: dict[tuple[int, int, int], float] = {}

    @property
    def size(self) -> int:
        """How many sets of moves and holds there are to search."""
        count: int = 2 ** len(self.droppable)
        for i in self.stretches:
            count *= rounds(self.routine.items[i])
        return count

    def apply(self, choice: Choice) -> Routine:
        """The routine as the choice runs it."""
        holds = dict(choice.holds)
        kept = []
        for i, written in enumerate(self.routine.items):
            if i not in self._kept(choice.dropped):
                continue
            item = replace(written, reps=holds[i], sets=1) if i in holds else written
            if choice.longest is not None and held(item) and (item.hold or 0) > choice.longest:
                item = replace(item, hold=choice.longest)
            kept.append(item)
        return replace(self.routine, items=tuple(kept))

    def best(self, seconds: float) -> Choice | None:
        """The best choice that takes no more than `seconds`, or None."""
        found: tuple[Score, Choice] | None = None
        for dropped in self._drop_sets():
            kept = [i for i in self.stretches if i not in dropped]
            if found is not None and self._bound(kept) < found[0][:3]:
                continue
            for holds in itertools.product(*(range(1, rounds(self.routine.items[i]) + 1)
                                             for i in kept)):
                chosen = self._longest(dropped, dict(zip(kept, holds, strict=True)), seconds)
                if chosen is not None and (found is None or chosen[0] > found[0]):
                    found = chosen
        return None if found is None else found[1]

    def shortest(self) -> Choice:
        """When nothing fits: everything that can go gone but the first stretch of each
        group (or, with no stretches, the first move), one hold each, at the floor."""
        first: dict[str, int] = {}
        for i in self.stretches:
            first.setdefault(self._group(i), i)
        keep = set(first.values()) or {min(i for i, it in enumerate(self.routine.items)
                                           if it.move)}
        dropped = frozenset(i for i in self.droppable if i not in keep)
        kept = [i for i in self.stretches if i not in dropped]
        return Choice(dropped, tuple((i, 1) for i in kept), self.lengths[0] or None)

    def _drop_sets(self) -> Iterator[frozenset[int]]:
        """Every set of moves to leave out, fewest first, never every move."""
        moves = sum(1 for it in self.routine.items if it.move)
        for count in range(len(self.droppable) + 1):
            for dropped in itertools.combinations(self.droppable, count):
                if count < moves:
                    yield frozenset(dropped)

    def _bound(self, kept: Sequence[int]) -> tuple[int, int, float]:
        """The most a set of stretches could give: every group present at its target,
        every hold kept at its length."""
        groups = {self._group(i) for i in kept}
        return (len(groups), len(groups),
                sum(rounds(self.routine.items[i]) * (self.routine.items[i].hold or 0)
                    for i in kept))

    def _longest(self, dropped: frozenset[int], holds: dict[int, int], seconds: float
                 ) -> tuple[Score, Choice] | None:
        """The longest hold that fits with these moves and holds, and its score."""
        times = [self._seconds(dropped, holds, length) for length in self.lengths]
        fits = bisect_right(times, seconds)  # more length never takes less time
        if fits == 0:
            return None
        length = self.lengths[fits - 1]
        choice = Choice(dropped, tuple(sorted(holds.items())),
                        None if length == self.lengths[-1] else length)
        return self._score(dropped, holds, length, times[fits - 1]), choice

    def _score(self, dropped: frozenset[int], holds: dict[int, int], length: int,
               seconds: float) -> Score:
        given: dict[str, float] = {}
        for i, count in holds.items():
            group = self._group(i)
            given[group] = given.get(group, 0.0) + count * min(
                self.routine.items[i].hold or 0, length)
        at_target = sum(1 for s in given.values() if s >= DOSE_TARGET)
        first = sum(3 - self.routine.items[i].priority for i in dropped)  # priority 3 first
        return (len(given), at_target, sum(given.values()), -sum(holds.values()), seconds,
                -first)

    def _seconds(self, dropped: frozenset[int], holds: dict[int, int], length: int) -> float:
        """The seconds a choice takes: the kept moves as written, less what each cut saves
        (cutting holds changes no transition)."""
        total = self._base(dropped)
        for i, count in holds.items():
            total += self._piece(i, count, length) - self._piece(i, -1, 0)
        for i in self.held:  # a plank's holds get no fewer, but no longer either
            if i not in dropped:
                count = rounds(self.routine.items[i])
                total += self._piece(i, count, length) - self._piece(i, -1, 0)
        return total

    def _kept(self, dropped: frozenset[int]) -> set[int]:
        """The items a choice keeps: its moves, and each rest that still comes before one
        (a rest left at the end would only wait)."""
        items = self.routine.items
        last = max((i for i, it in enumerate(items) if it.move and i not in dropped), default=-1)
        return {i for i, it in enumerate(items) if i not in dropped and (it.move or i < last)}

    def _base(self, dropped: frozenset[int]) -> float:
        if dropped not in self._bases:
            kept = self._kept(dropped)
            items = tuple(it for i, it in enumerate(self.routine.items) if i in kept)
            self._bases[dropped] = total_seconds(timed_steps(
                replace(self.routine, items=items), self.settings))
        return self._bases[dropped]

    def _piece(self, index: int, count: int, length: int) -> float:
        """One item planned on its own with `count` holds of at most `length` seconds
        (-1: as written)."""
        key = (index, count, length)
        if key not in self._pieces:
            item: Item = self.routine.items[index]
            if count >= 0:
                item = replace(item, reps=count, sets=1, hold=min(item.hold or 0, length))
            self._pieces[key] = total_seconds(timed_steps(
                replace(self.routine, items=(item,)), self.settings))
        return self._pieces[key]

    def _group(self, index: int) -> str:
        move = self.routine.items[index].move
        assert move is not None
        return move.group
