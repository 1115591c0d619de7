"""Fit a routine into the minutes a person has, and say in a line or two what changed.

How the fit is chosen (the rule, README "Short of time?") lives in cuts.py; this module
runs it on the holds as the timer runs them and words the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from stretch.fit.cuts import Cut, Fitter, held, longest_hold, rounds, stretch
from stretch.fit.search import SEARCHABLE, Choice, Search
from stretch.model import Routine
from stretch.plan import Timings, hold_seconds, timed_steps, total_seconds
from stretch.text import clock, listing, plural, run_of

NAMED = 3  # moves named in "left out ..."; the rest are counted


@dataclass(frozen=True, slots=True)
class Fitted:
    """The routine and settings to run, what changed, and whether it now fits."""

    routine: Routine
    settings: Timings
    changes: tuple[str, ...]
    fits: bool
    minutes: float | None = None

    @property
    def notes(self) -> list[str]:
        """'To fit 6 minutes: fewer holds of each stretch (2 instead of 3).': a line for holds,
        one for the moves left out; the same for `run`, `today`, `show`, `--preview`."""
        if self.minutes is None:
            return []
        return [f"To fit {plural(self.minutes, 'minute')}: {change}." for change in self.changes]


def fit_to(routine: Routine, settings: Timings, minutes: float | None) -> Fitted:
    """The routine as it will run: fitted into `minutes` when given, else as written."""
    if minutes is None:
        return Fitted(routine, settings, (), True)
    return fit(routine, settings, minutes)


def fit(routine: Routine, settings: Timings, minutes: float) -> Fitted:
    """The best choice for `minutes` (search.py; cuts.py's spread search for a routine too
    long to search), or the shortest if nothing fits."""
    seconds = minutes * 60
    if total_seconds(timed_steps(routine, settings)) <= seconds:
        return Fitted(routine, settings, (), True, minutes)
    as_run, timings = _as_run(routine, settings)
    search = Search(as_run, timings)
    if search.size <= SEARCHABLE:
        found = search.best(seconds)
        choice = found or search.shortest()
        fitted, uncut = search.apply(choice), search.apply(Choice(choice.dropped, (), None))
        gone = [as_run.items[i].move for i in sorted(choice.dropped)]
    else:
        fitter = Fitter(as_run, timings)
        chosen = fitter.choose(seconds)
        cut = chosen or fitter.shortest(len(fitter.order))
        found = None if chosen is None else Choice(frozenset(), (), None)
        fitted, uncut = fitter.apply(cut), fitter.apply(Cut(cut.drops))
        gone = [as_run.items[i].move for i in sorted(fitter.order[:cut.drops])]
    names = [move.name for move in gone if move]
    changes = [*_holds_note(uncut, fitted), *([left_out(names)] if names else [])]
    if found is None:
        took = clock(total_seconds(timed_steps(fitted, timings)))
        changes.append(f"it still takes {took} at its shortest")
    return Fitted(fitted, timings, tuple(changes), found is not None, minutes)


def _as_run(routine: Routine, settings: Timings) -> tuple[Routine, Timings]:
    """Every hold at the seconds the timer runs it (`hold_scale` applied) and a scale of 1,
    so the cuts work on the seconds a person sees."""
    items = tuple(replace(i, hold=hold_seconds(i, settings)) if held(i) else i
                  for i in routine.items)
    return replace(routine, items=items), replace(settings, hold_scale=1.0)


def _holds_note(before: Routine, after: Routine) -> list[str]:
    """One line for the holds: 'holds shortened (20 s holds now 17 s)', 'fewer holds of
    each stretch (2 instead of 3)', or 'fewer, shorter holds (1 of each stretch instead
    of 3; 20 s holds now 16 s)'."""
    longest, shorter = longest_hold(before), longest_hold(after)
    length = f"{longest} s holds now {shorter} s" if shorter < longest else ""
    pairs = [(a, rounds(a), rounds(b)) for a, b in zip(after.items, before.items, strict=True)
             if stretch(a)]
    cut = [(item.move, now, was) for item, now, was in pairs if now < was]
    if not cut:
        return [f"holds shortened ({length})"] if length else []
    names = listing([move.name for move, _, _ in cut if move])
    which = ("each stretch" if len(cut) == len(pairs)
             else names if len(cut) <= 2 else f"{len(cut)} stretches")
    now, was = _counts(now for _, now, _ in cut), _counts(was for _, _, was in cut)
    if length:
        return [f"fewer, shorter holds ({now} of {which} instead of {was}; {length})"]
    return [f"fewer holds of {which} ({now} instead of {was})"]


def _counts(values: Iterable[int]) -> str:
    return listing([str(v) for v in sorted(set(values))], "or")


def left_out(names: Sequence[str]) -> str:
    """'left out: Frog stretch', or 'left out 12 moves: A, B, C and 2 more': one short line
    however many were dropped; each move named once, in routine order."""
    distinct = list(dict.fromkeys(names))
    if len(names) == 1:
        return f"left out: {names[0]}"
    return f"left out {plural(len(names), 'move')}: {run_of(distinct, NAMED)}"
