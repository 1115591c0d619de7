"""The ways a routine can be cut short to fit some minutes, and the choice among them.

A candidate (a `Cut`) combines three cuts: moves left out (lowest priority first, then
the latest; a stretch group's last move only after every other; a move of priority 1 and
the routine's last move never); holds taken off the stretches one by one, down to 1
each, always from the group with the most stretch seconds; and holds made shorter, in
round steps of 5 s and never below 15 s (the short end of ACSM's 10-30 s). Candidates
are weighed by, in order: stretch groups present; the fewest groups below the 60 s
target; the most stretch seconds; the fewest holds (fewer holds of a good length beat
many short ones); the fewest stretches; the most of the minutes used. Going from the
shortest candidate to the longest, each one better than the last chosen that gives no
group less (or does a group more) is chosen in turn, and N minutes run the last choice
within N: so more minutes never give a group less stretch, unless another group can now
be done at all. The candidates are the same whatever the minutes; a long routine's are
spread out.

Pure, and quick: cutting holds changes no transition, so a candidate takes the plan of
the moves it keeps less what each item's cut saves, and items are planned one at a time
and remembered.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from stretch.model import STRETCH_GROUPS, Group, Item, Routine
from stretch.plan import DOSE_TARGET, Timings, stretch_seconds, timed_steps, total_seconds

FIT_MIN_HOLD = 15
HOLD_STEP = 5  # a hold made shorter is a round number of seconds: 25 s, never 24 s
SPAN = 24  # choices of each cut weighed at most (a long routine's are spread out)


@dataclass(frozen=True, slots=True)
class Cut:
    """A candidate: the first `drops` moves of the drop order left out, the first `trims`
    holds of `Fitter.trimmed` taken off, and no hold longer than `longest` seconds."""

    drops: int
    trims: int = 0
    longest: int | None = None


@dataclass(frozen=True, slots=True)
class Weighed:
    """A cut, the seconds it takes, the stretch it gives each group, and its score."""

    cut: Cut
    seconds: float
    given: tuple[float, ...]
    score: tuple[int, int, float, int, int, float]


class Fitter:
    """The candidate fits of one routine, and the choice for a number of seconds."""

    def __init__(self, routine: Routine, settings: Timings) -> None:
        self.routine, self.settings = routine, settings
        self.order, self.stretches = _drop_order(routine)
        self.groups = [g for g in STRETCH_GROUPS if any(
            stretch(i) and _group(i) == g for i in routine.items)]
        self._pieces: dict[tuple[Item, int, int | None], tuple[float, dict[str, float]]] = {}
        self._bases: dict[int, float] = {}
        self._trims: dict[int, list[int]] = {}

    def kept(self, drops: int) -> list[int]:
        gone = set(self.order[:drops])
        return [i for i in range(len(self.routine.items)) if i not in gone]

    def trimmed(self, drops: int) -> list[int]:
        """The stretches that lose a hold, in turn, down to 1 hold each."""
        if drops not in self._trims:
            gone = set(self.order[:drops])
            kept = [i for i in self.stretches if i not in gone]
            self._trims[drops] = _trim_order([self.routine.items[i] for i in kept], kept)
        return self._trims[drops]

    def apply(self, cut: Cut) -> Routine:
        lost = Counter(self.trimmed(cut.drops)[:cut.trims])
        return replace(self.routine, items=tuple(
            _cut(self.routine.items[i], lost[i], cut.longest) for i in self.kept(cut.drops)))

    def shortest(self, drops: int) -> Cut:  # every hold that can go, the rest at 15 s
        return Cut(drops, len(self.trimmed(drops)), FIT_MIN_HOLD)

    def choose(self, seconds: float) -> Cut | None:
        """The last choice (see the module's rule) that fits, or None if nothing does."""
        chosen: Weighed | None = None
        for weighed in sorted(self._fitting(seconds), key=lambda w: (w.seconds, w.score)):
            if chosen is None or (weighed.score > chosen.score and (
                    weighed.score[0] > chosen.score[0]  # a group more: it may take from others
                    or all(new >= old for new, old in zip(weighed.given, chosen.given,
                                                          strict=True)))):
                chosen = weighed
        return None if chosen is None else chosen.cut

    def _fitting(self, seconds: float) -> Iterator[Weighed]:
        """Every candidate within `seconds`, shortest cuts first: the same candidates for
        any number of minutes, so the choices never depend on the minutes asked."""
        for drops in reversed(_spread(0, len(self.order), dense_end=True)):
            if self.weigh(self.shortest(drops)).seconds > seconds:
                return  # keeping more moves takes longer still
            longest = longest_hold(self.apply(Cut(drops)))
            for trims in reversed(_spread(0, len(self.trimmed(drops)))):
                fitted = [w for w in (self.weigh(Cut(drops, trims, length)) for length in
                                      hold_lengths(longest))
                          if w.seconds <= seconds]
                if not fitted:
                    break  # fewer holds taken off take longer still
                yield from fitted

    def weigh(self, cut: Cut) -> Weighed:
        lost = Counter(self.trimmed(cut.drops)[:cut.trims])
        seconds, holds, moves = self._base(cut.drops), 0, 0
        given: dict[Group, dict[str, float]] = {}
        for i in self.kept(cut.drops):
            item = self.routine.items[i]
            if not held(item):
                continue
            took, sides = self._piece(item, lost[i], cut.longest)
            seconds += took - self._piece(item, 0, None)[0]
            if stretch(item):
                mine = given.setdefault(_group(item), {"left": 0.0, "right": 0.0})
                for side, seconds_held in sides.items():
                    mine[side] += seconds_held
                holds, moves = holds + rounds(item) - lost[i], moves + 1
        each = tuple(min(given[g].values()) if g in given else 0.0 for g in self.groups)
        score = (sum(1 for s in each if s > 0), -sum(1 for s in each if s < DOSE_TARGET),
                 sum(each), -holds, -moves, seconds)
        return Weighed(cut, seconds, each, score)

    def _base(self, drops: int) -> float:
        if drops not in self._bases:  # the moves kept, uncut
            self._bases[drops] = total_seconds(timed_steps(self.apply(Cut(drops)), self.settings))
        return self._bases[drops]

    def _piece(self, item: Item, lost: int, longest: int | None
               ) -> tuple[float, dict[str, float]]:
        """One item as cut, planned on its own: its seconds and its stretch per side."""
        if (key := (item, lost, longest)) not in self._pieces:
            steps = timed_steps(replace(self.routine, items=(_cut(item, lost, longest),)),
                         self.settings)
            sides = next(iter(stretch_seconds(steps).values()), {})
            self._pieces[key] = (total_seconds(steps), sides)
        return self._pieces[key]


def _trim_order(items: list[Item], indices: list[int]) -> list[int]:
    """`Fitter.trimmed` for these stretches, in drop order: a hold off the group with the
    most stretch seconds, from its stretch with the most holds (the first to go first)."""
    seconds: Counter[Group] = Counter()
    heaps: dict[Group, list[tuple[int, int]]] = {}
    for n, item in enumerate(items):
        seconds[_group(item)] += rounds(item) * (item.hold or 0)
        heapq.heappush(heaps.setdefault(_group(item), []), (-rounds(item), n))
    order = []
    while open_ := [g for g, heap in heaps.items() if -heap[0][0] > 1]:
        group = max(open_, key=lambda g: (seconds[g], -heaps[g][0][1]))
        negative, n = heapq.heappop(heaps[group])
        order.append(indices[n])
        seconds[group] -= items[n].hold or 0
        heapq.heappush(heaps[group], (negative + 1, n))
    return order


def _spread(low: int, high: int, *, dense_end: bool = False) -> list[int]:
    """low..high, or SPAN numbers spread evenly across it if it is long (and with
    `dense_end` all of its last SPAN: a few moves kept of many, each one counts)."""
    if high - low < SPAN:
        return list(range(low, high + 1))
    spread = {low + round(n * (high - low) / (SPAN - 1)) for n in range(SPAN)}
    return sorted(spread | (set(range(high - SPAN, high + 1)) if dense_end else set()))


def hold_lengths(longest: int) -> list[int]:
    """The lengths a routine's holds may be cut to, shortest first: the round numbers of
    seconds (HOLD_STEP) from FIT_MIN_HOLD up to its longest hold, and that hold itself."""
    low = min(longest, FIT_MIN_HOLD)
    return sorted({low, longest, *range(-(-low // HOLD_STEP) * HOLD_STEP, longest, HOLD_STEP)})


def held(item: Item, kind: str | None = None) -> bool:
    """A held item (of a move of this kind, if given)."""
    return item.move is not None and item.tempo is None and kind in (None, item.move.kind)


def stretch(item: Item) -> bool:
    return held(item, "stretch")


def _group(item: Item) -> Group:
    assert item.move is not None
    return item.move.group


def rounds(item: Item) -> int:
    return item.reps * item.sets


def longest_hold(routine: Routine) -> int:
    return max((i.hold or 0 for i in routine.items if held(i)), default=0)


def _cut(item: Item, lost: int, longest: int | None) -> Item:
    """An item with `lost` of its holds taken off and none longer than `longest`."""
    if lost:
        item = replace(item, reps=rounds(item) - lost, sets=1)
    if longest is not None and (item.hold or 0) > longest:
        item = replace(item, hold=longest)
    return item


def _drop_order(routine: Routine) -> tuple[list[int], list[int]]:
    """The moves that may be left out, the first to go first; and every stretch in the
    order its holds go (the same order, then the stretches that always stay)."""
    moves = [i for i, item in enumerate(routine.items) if item.move is not None]
    order = sorted(moves, key=lambda i: (routine.items[i].priority, i), reverse=True)
    keepers: dict[Group, int] = {}
    for i in order:  # the last of each stretch group to go is its most important move
        if stretch(routine.items[i]):
            keepers[_group(routine.items[i])] = i
    last = set(keepers.values())
    ranked = [i for i in order if i not in last] + [i for i in order if i in last]
    droppable = [i for i in ranked[:-1] if routine.items[i].priority > 1]
    return droppable, [i for i in ranked if stretch(routine.items[i])]
