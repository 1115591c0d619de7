"""The routine sheet's model: everything a sheet shows, gathered once.

`build` reads the routine and the catalogue; each form (terminal, plain text,
Markdown, HTML) only lays the model out, so the four always say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from stretch import text
from stretch.model import WEEKDAYS, Avoid, Catalogue, Item, Move, Notes, Routine
from stretch.model import Group as MuscleGroup
from stretch.plan import PlanSettings, dose, groups, plan, total_seconds

FORMATS = ("terminal", "text", "markdown", "html")
LOG_WEEKS = 4
DAY_NAMES = tuple(d.title() for d in WEEKDAYS)


@dataclass(frozen=True, slots=True)
class Entry:
    """One move of the routine as the sheet lists it."""

    number: int
    move: Move
    dose: str
    rest_before: int  # an explicit rest written just before this move, in seconds


@dataclass(frozen=True, slots=True)
class Sheet:
    routine: Routine
    seconds: float
    groups: tuple[MuscleGroup, ...]
    entries: tuple[Entry, ...]
    dose: dict[MuscleGroup, dict[str, float]]
    notes: Notes | None
    avoid: tuple[Avoid, ...]

    @property
    def minutes(self) -> str:
        return text.clock(self.seconds)


def item_dose(item: Item, move: Move) -> str:
    """'30 s x 2 per side' or '10 reps x 4 s, 2 sets': an item's dose as a person reads it."""
    return text.dose(hold=item.hold, reps=item.reps, tempo=item.tempo, sets=item.sets,
                     sided=move.sided)


def build(routine: Routine, catalogue: Catalogue, settings: PlanSettings) -> Sheet:
    steps = plan(routine, settings)
    entries: list[Entry] = []
    rest = 0
    for item in routine.items:
        if item.move is None:
            rest += item.rest or 0
            continue
        entries.append(Entry(len(entries) + 1, item.move, item_dose(item, item.move), rest))
        rest = 0
    return Sheet(
        routine=routine,
        seconds=total_seconds(steps),
        groups=tuple(groups(routine)),
        entries=tuple(entries),
        dose=dose(steps),
        notes=catalogue.notes,
        avoid=tuple(catalogue.avoid.values()),
    )


def meta(entry: Entry) -> str:
    """'gluteal · supine · 30 s x 2 per side': the line under a move's name."""
    move = entry.move
    return f"{move.group} · {text.position(move.position)} · {entry.dose}"


