"""Where the person stands, and a routine as it runs for them.

The log is replayed (replay.py) against the catalogue's dose ladders and ladders of moves,
with the person's profile deciding which moves fit. A command reads the log once
(`Log.read`) and replays it once. `Standing.routine` is the one place a routine becomes
the person's: for each move it names, the rung of that move's ladder the person is on
(never one their body rules out, never harder than the move named), at their dose;
`show`, `today`, the sheet, the session, `list` and the reminder all go through it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING

from stretch.coach import doses
from stretch.coach.profile import Profile

if TYPE_CHECKING:
    from stretch.coach.replay import Progress
    from stretch.history.checkins import Checkin
    from stretch.history.rows import SessionRow
    from stretch.history.store import History
    from stretch.model import Catalogue, Item, Move, Routine
    from stretch.vocab import Demand

LEG_LOAD: frozenset[Demand] = frozenset({"sciatic-load"})


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


def replay_log(known: Catalogue, log: Log, profile: Profile | None = None, *,
               checkins_on: bool = True,
               pending: tuple[datetime, int, bool] | None = None) -> Progress:
    """Every move's level and rung, replayed from the log against the catalogue; `pending`
    is the "before" rating of a session about to start."""
    from stretch.coach.replay import Progress, replay  # (with a log: `list` without one needs none)

    person = profile or Profile()
    progress = Progress(
        doses={m.id: doses.dose_ladder(m) for m in known.moves.values()},
        ladders={m.id: tuple(r.id for r in known.ladder(m)) for m in known.moves.values()},
        fits=lambda move: person.fits(known.moves[move]),
        checkins_on=checkins_on,
        routine_moves={r.id: [m.id for m in r.moves] for r in known.routines.values()})
    return replay(log.sessions, log.checkins, progress, pending=pending)


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A move of a routine with no rung this person can do, what it needs that they
    cannot give ('kneeling or getting down to the floor'), and the move done in its place
    (None: none fits)."""

    move: Move
    needs: str
    instead: Move | None = None


@dataclass(frozen=True, slots=True)
class Standing:
    """Where the person stands: each move's level, the rung of each ladder, what their
    body rules out and what the coach leaves out for now. `levels` None: the history could
    not be read, and each move runs as written."""

    profile: Profile
    levels: Mapping[str, int] | None = field(default_factory=dict)
    rungs: Mapping[str, str] = field(default_factory=dict)
    leg_out: bool = False

    @classmethod
    def of(cls, progress: Progress, profile: Profile) -> Standing:
        return cls(profile, dict(progress.levels), dict(progress.rungs), progress.leg_out)

    @property
    def left_out_for_now(self) -> frozenset[Demand]:
        return LEG_LOAD if self.leg_out else frozenset()

    def rung_for(self, known: Catalogue, named: Move) -> Move | None:
        """The move that runs for `named`: the person's rung of its ladder, no harder
        than `named`, one their body allows; None when none of those fits."""
        ladder = known.ladder(named)
        top = ladder.index(named)
        allowed = [m for m in ladder[:top + 1]
                   if self.profile.fits(m, self.left_out_for_now)]
        if not allowed:
            return None
        fitting = [m for m in ladder if self.profile.fits(m)] or [ladder[0]]
        current = known.moves.get(self.rungs.get(ladder[0].id, fitting[0].id), fitting[0])
        at = ladder.index(current) if current in ladder else 0
        below = [m for m in allowed if ladder.index(m) <= at]
        return below[-1] if below else allowed[0]

    def routine(self, known: Catalogue, chosen: Routine) -> tuple[Routine, tuple[LeftOut, ...]]:
        """The routine as it runs for this person, and the moves it left out."""
        items: list[Item] = []
        gone: list[LeftOut] = []
        rungs = {m.id: self.rung_for(known, m) for m in chosen.moves}
        swaps = self._stand_ins(known, chosen, [m for m in dict.fromkeys(chosen.moves)
                                                if rungs[m.id] is None])
        for item in chosen.items:
            if item.move is None:
                items.append(item)
                continue
            rung = rungs[item.move.id]
            if rung is None:
                rung = swaps[item.move.id]
                left = LeftOut(item.move, self._needs(known, item.move), rung)
                gone += [left] if left not in gone else []
                if rung is None:
                    continue
            mine = _item_for(item, item.move, rung)
            if self.levels is not None:
                mine = doses.dosed(mine, rung, self.levels.get(rung.id, 0))
            items.append(mine)
        if all(i.move is None for i in items):
            items = []  # rests alone are not a routine
        return replace(chosen, items=tuple(items)), tuple(gone)

    def _stand_ins(self, known: Catalogue, chosen: Routine,
                   missing: list[Move]) -> dict[str, Move | None]:
        """The move done in place of each `missing` move of `chosen` (no rung fits), as a
        physiotherapist would swap one: first every move that says it is done in place
        of one of them (`instead_of`: the wall side plank for the side plank), so another
        cannot take it, then for the rest the first of the catalogue of the same kind and
        muscle group (the standing hip hinge for the glute bridge); each one that fits,
        at the bottom of its own ladder, used once, and not in the routine already."""
        used = {m.id for named in chosen.moves for m in known.ladder(named)}
        swaps: dict[str, Move | None] = {}
        for pick in (self._meant, self._alike):
            for named in missing:
                if swaps.get(named.id) is None:
                    swaps[named.id] = found = pick(known, named, used)
                    used |= {found.id} if found else set()
        return swaps

    def _fitting(self, known: Catalogue, named: Move, used: set[str]) -> list[Move]:
        """Moves that could stand in for `named`: its kind, a ladder's bottom, unused."""
        return [m for m in known.moves.values()
                if m.kind == named.kind and m.easier_move is None and m.id not in used
                and self.profile.fits(m, self.left_out_for_now)]

    def _meant(self, known: Catalogue, named: Move, used: set[str]) -> Move | None:
        ladder = {m.id for m in known.ladder(named)}
        return next((m for m in self._fitting(known, named, used)
                     if ladder & set(m.instead_of)), None)

    def _alike(self, known: Catalogue, named: Move, used: set[str]) -> Move | None:
        return next((m for m in self._fitting(known, named, used)
                     if m.group == named.group), None)

    def _needs(self, known: Catalogue, named: Move) -> str:
        """What every rung of `named`'s ladder needs that the body rules out, in words."""
        from stretch.text_moves import demand_words

        asked = {d for m in known.ladder(named) for d in m.asks}
        out = sorted(asked & (self.profile.ruled_out | self.left_out_for_now))
        return demand_words(out)


def _item_for(item: Item, named: Move, rung: Move) -> Item:
    """A routine's item for `named`, done with `rung` instead: a stretch keeps the seconds
    it asks for; otherwise what the item took from the named move (its hold, reps or
    tempo) comes from the rung's own, and what the routine wrote itself stays."""
    if rung.id == named.id:
        return item
    if (item.tempo is None) != (rung.tempo is None) or (rung.tempo is None) != (
            named.tempo is None):  # counted for held, or held for counted: the rung's dose
        return replace(item, move=rung, hold=rung.hold, reps=rung.reps or 1, tempo=rung.tempo,
                       sets=1)
    if rung.kind == "stretch":
        return replace(item, move=rung)

    def own(written: int | None, named_value: int | None, rung_value: int | None) -> int | None:
        return rung_value if written == named_value and rung_value is not None else written

    return replace(item, move=rung, hold=own(item.hold, named.hold, rung.hold),
                   reps=own(item.reps, named.reps or 1, rung.reps) or 1,
                   tempo=own(item.tempo, named.tempo, rung.tempo))


def at_levels(chosen: Routine, found: Mapping[str, int] | None) -> Routine:
    """The routine at those levels; as written when they could not be read (None)."""
    return chosen if found is None else doses.personal(chosen, found)
