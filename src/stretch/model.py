"""The catalogue as frozen values, shared by every other module (a session's timed steps
are in steps.py).

Everything here is immutable so the planner, the engine and the views can pass the
same objects around without defensive copies.
"""

from __future__ import annotations

from dataclasses import dataclass

from stretch.poses import Figure
from stretch.vocab import (
    BUILTIN,
    DEMANDS,
    EQUIPMENT,
    FLOOR_POSITIONS,
    GROUPS,
    KINDS,
    POSITIONS,
    REST_DAY,
    STRETCH_GROUPS,
    WEEKDAYS,
    Demand,
    Equipment,
    Group,
    Kind,
    Position,
    Side,
    StepKind,
)

# The vocabularies live in vocab.py (the command line needs them without these classes);
# they are part of the model's names too.
__all__ = [
    "BUILTIN",
    "DEMANDS",
    "EQUIPMENT",
    "FLOOR_POSITIONS",
    "GROUPS",
    "KINDS",
    "POSITIONS",
    "REST_DAY",
    "STRETCH_GROUPS",
    "WEEKDAYS",
    "Avoid",
    "Catalogue",
    "Demand",
    "Equipment",
    "Group",
    "Item",
    "Kind",
    "LearnTopic",
    "Move",
    "Notes",
    "Position",
    "Routine",
    "SafetyNote",
    "Side",
    "StepKind",
    "WeekPlan",
]


@dataclass(frozen=True, slots=True)
class Progression:
    """How a move's dose grows for a person: where it starts, by how much it grows and
    where it stops (reps for a counted move, seconds for a held one). A value left None
    takes the default for the move's kind (see coach/doses.py)."""

    start: int | None = None
    step: int | None = None
    cap: int | None = None


@dataclass(frozen=True, slots=True)
class Move:
    """One stretch or exercise. Either `hold` or `reps` with `tempo` sets its dose.

    `pause` is the still part of each counted rep (within its tempo); `switch` is how long
    changing sides takes for this move (None: the `switch_sides` setting); `needs` is the
    equipment it needs besides a mat on the floor; `demands` what it asks of the body;
    `harder_move` and `easier_move` its neighbours on its ladder (the easier side is
    filled in from the harder one when the catalogue is merged); `pyramid` (a counted
    move) takes PYRAMID_STEP reps off each set after the first, McGill's descending
    pyramid: 6, 4, 2.
    """

    id: str
    name: str
    kind: Kind
    group: Group
    sided: bool
    position: Position
    setup: str
    cues: tuple[str, ...]
    cautions: tuple[str, ...] = ()
    hold: int | None = None
    reps: int | None = None
    tempo: int | None = None
    easier: str | None = None
    harder: str | None = None
    source: str = BUILTIN
    figure: Figure | None = None  # its drawing (optional for a user's move)
    pause: int | None = None
    switch: int | None = None
    needs: tuple[Equipment, ...] = ()
    demands: tuple[Demand, ...] | None = None  # None: not written (see `asks`)
    harder_move: str | None = None
    easier_move: str | None = None
    pyramid: bool = False
    instead_of: tuple[str, ...] = ()  # moves it is done in place of when none of theirs fits

    @property
    def asks(self) -> tuple[Demand, ...]:
        """What the move asks of the body: its `demands`, or for a move that does not
        say, what its position implies (the floor, and kneeling when kneeling)."""
        if self.demands is not None:
            return self.demands
        implied: tuple[Demand, ...] = ("floor",) if self.position in FLOOR_POSITIONS else ()
        return (*implied, "kneeling") if self.position == "kneeling" else implied

    @property
    def equipment(self) -> tuple[Equipment, ...]:
        """Everything this move needs: a mat for the floor, then what it says it needs."""
        floor: tuple[Equipment, ...] = ("mat",) if self.position in FLOOR_POSITIONS else ()
        return tuple(dict.fromkeys((*floor, *self.needs)))
    progression: Progression = Progression()


@dataclass(frozen=True, slots=True)
class Item:
    """One line of a routine: a move with its dose, or an explicit rest (move is None)."""

    move: Move | None
    hold: int | None = None
    reps: int = 1
    tempo: int | None = None
    sets: int = 1
    rest: int | None = None
    priority: int = 2


@dataclass(frozen=True, slots=True)
class Routine:
    """A named sequence of items; `rest` is the pause between items and reps (None: the
    configured default)."""

    id: str
    title: str
    summary: str
    rest: int | None
    items: tuple[Item, ...]
    source: str = BUILTIN
    replaces_builtin: bool = False

    @property
    def moves(self) -> tuple[Move, ...]:
        """The moves in order of first appearance."""
        seen: dict[str, Move] = {}
        for item in self.items:
            if item.move is not None and item.move.id not in seen:
                seen[item.move.id] = item.move
        return tuple(seen.values())


@dataclass(frozen=True, slots=True)
class Avoid:
    """A stretch that does not help low-back pain, why, and the moves to do instead.

    `known_as` are the names it goes by: a move named with one of them counts as this
    stretch. With `held_only`, only a held version counts (moving gently through it is
    fine).
    """

    id: str
    name: str
    why: str
    instead: tuple[Move, ...]
    description: str | None = None
    known_as: tuple[str, ...] = ()
    held_only: bool = False


@dataclass(frozen=True, slots=True)
class SafetyNote:
    """The red flags that mean 'see someone', at three levels, and the rule to stop.

    `emergency`: call 999 / 911 now; `see_a_doctor`: an urgent GP appointment or 111,
    today; `get_checked`: see a GP or physiotherapist soon. `summary` sums up the last
    two in a line, for the short note shown before a question (None: a general line).
    """

    emergency: tuple[str, ...]
    see_a_doctor: tuple[str, ...]
    stop: str
    get_checked: tuple[str, ...] = ()
    summary: str | None = None


Paragraph = str | tuple[str, ...]  # a paragraph, or a list of short points


@dataclass(frozen=True, slots=True)
class LearnTopic:
    """One of `stretch learn`'s notes: a title, the line that sums it up in the list of
    topics, and its body, paragraph by paragraph. With `safety`, the whole safety note
    follows the body."""

    id: str
    title: str
    summary: str
    body: tuple[Paragraph, ...]
    safety: bool = False


@dataclass(frozen=True, slots=True)
class WeekPlan:
    """Which routine (or `rest`) belongs to each weekday, mon..sun."""

    days: tuple[tuple[str, str], ...]
    source: str = BUILTIN

    def for_day(self, weekday: int) -> str:
        """The routine id (or 'rest') for a weekday number, Monday = 0."""
        return self.days[weekday][1]


@dataclass(frozen=True, slots=True)
class Notes:
    """Free text kept with the catalogue: why the hips, the safety note, and the notes
    `stretch learn` shows (in their order in the files)."""

    why_hips: str
    safety: SafetyNote
    learn: tuple[LearnTopic, ...] = ()

    def topic(self, topic_id: str) -> LearnTopic | None:
        return next((t for t in self.learn if t.id == topic_id), None)


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Everything loaded and merged: moves, avoid list, routines, week plan and notes."""

    moves: dict[str, Move]
    avoid: dict[str, Avoid]
    routines: dict[str, Routine]
    week: WeekPlan | None
    notes: Notes | None

    def ladder(self, move: Move) -> tuple[Move, ...]:
        """The whole ladder `move` is on, easiest first (a move on no ladder: itself)."""
        bottom = move
        while bottom.easier_move is not None and bottom.easier_move in self.moves:
            bottom = self.moves[bottom.easier_move]
        found = [bottom]
        while found[-1].harder_move is not None and found[-1].harder_move in self.moves:
            found.append(self.moves[found[-1].harder_move])
        return tuple(found)
