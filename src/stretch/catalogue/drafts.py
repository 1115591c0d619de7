"""Checked drafts: what one catalogue file defines, validated but not yet merged.

A draft keeps where each entry was written and holds references (a routine's moves, the
week's routines, an avoid entry's alternatives) as ids, so merge.py can resolve them
across files and point any failure at the line that named them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from stretch.catalogue.nodes import Where
from stretch.model import LearnTopic, Move, SafetyNote


@dataclass(frozen=True, slots=True)
class DraftItem:
    """A routine item before its move id is resolved."""

    where: Where
    move_id: str | None
    hold: int | None
    reps: int | None
    tempo: int | None
    sets: int
    rest: int | None
    priority: int
    given: dict[str, Where] = field(default_factory=dict)  # where each dose key was written


@dataclass(frozen=True, slots=True)
class DraftRoutine:
    id: str
    where: Where
    source: str
    title: str
    summary: str
    rest: int | None
    items: tuple[DraftItem, ...]


@dataclass(frozen=True, slots=True)
class DraftAvoid:
    id: str
    where: Where
    name: str
    why: str
    description: str | None
    instead: tuple[tuple[str, Where], ...]
    known_as: tuple[str, ...]
    held_only: bool


@dataclass(frozen=True, slots=True)
class DraftWeek:
    where: Where
    source: str
    days: tuple[tuple[str, str, Where], ...]


@dataclass(frozen=True, slots=True)
class DraftNotes:
    """A file's `notes`. Every key is optional: merged over the built-in notes key by key,
    and `learn` topic by topic (a topic with a built-in's id replaces it)."""

    where: Where
    why_hips: str | None
    safety: SafetyNote | None
    learn: tuple[LearnTopic, ...] = ()


@dataclass(slots=True)
class FileContent:
    """What one file defines, each entry with where it was defined."""

    path: str
    moves: dict[str, tuple[Move, Where]] = field(default_factory=dict)
    move_names: dict[str, Where] = field(default_factory=dict)  # where each move's name is
    harder: dict[str, Where] = field(default_factory=dict)  # where each `harder_move` is
    instead: dict[str, Where] = field(default_factory=dict)  # where each `instead_of` is
    avoid: dict[str, DraftAvoid] = field(default_factory=dict)
    routines: dict[str, DraftRoutine] = field(default_factory=dict)
    week: DraftWeek | None = None
    notes: DraftNotes | None = None
