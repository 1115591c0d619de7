"""The routine sheet's model: everything a sheet shows, gathered once.

`build` reads the routine it is given, the settings and the catalogue; each form
(terminal, plain text, Markdown, HTML) only lays the model out, so the four always say
the same thing. Every dose comes from the same arithmetic the timer runs
(`plan.item_dose`), so a sheet made with `hold_scale = 2`, or for a routine whose doses
were adjusted for the person, shows exactly what the session will do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from stretch import text, text_doses, text_moves
from stretch.model import (
    EQUIPMENT,
    REST_DAY,
    WEEKDAYS,
    Avoid,
    Catalogue,
    Equipment,
    Move,
    Notes,
    Routine,
)
from stretch.model import Group as MuscleGroup
from stretch.plan import Timings, groups, item_dose, stretch_seconds, timed_steps, total_seconds

LOG_WEEKS = 8  # the tick-off grid covers the 6-8 weeks the sheet asks for


@dataclass(frozen=True, slots=True)
class Entry:
    """One move of the routine as the sheet lists it, with its dose in words."""

    number: int
    move: Move
    dose: str
    rest_before: int  # an explicit rest written just before this move, in seconds


@dataclass(frozen=True, slots=True)
class Handout:
    """Who a sheet is for and from, for a clinician's handout (each optional), and the date
    its doses are from. Text from the person: every form shows it literally."""

    person: str | None = None
    clinician: str | None = None
    review: date | None = None
    note: str | None = None
    dated: date | None = None

    @property
    def people(self) -> tuple[tuple[str, str], ...]:
        """The labelled lines at the top: 'For', 'Given by', 'Review'."""
        found = (("For", self.person), ("Given by", self.clinician),
                 ("Review", text.long_date(self.review) if self.review else None))
        return tuple((label, value) for label, value in found if value)


@dataclass(frozen=True, slots=True)
class Sheet:
    routine: Routine
    seconds: float
    groups: tuple[MuscleGroup, ...]
    entries: tuple[Entry, ...]
    dose: dict[MuscleGroup, dict[str, float]]
    notes: Notes | None
    avoid: tuple[Avoid, ...]
    days: tuple[str, ...]  # the weekdays ('mon'...) the week plan gives this routine
    equipment: tuple[Equipment, ...]  # what the moves need besides the person
    handout: Handout = field(default_factory=Handout)

    @property
    def dated(self) -> str | None:
        """'Doses as of Monday 7 December 2026: print this sheet again when ...'."""
        day = self.handout.dated
        return None if day is None else text_doses.doses_as_of(day, self.routine.id)

    @property
    def minutes(self) -> str:
        """'about 11 minutes'."""
        return text_doses.about_minutes(self.seconds)

    @property
    def how_often(self) -> str:
        """'2 days a week (Monday and Wednesday) for 6-8 weeks'."""
        return text_doses.how_often(self.days)

    @property
    def log_days(self) -> tuple[str, ...]:
        """The columns of the tick-off grid: the planned days, or every day."""
        return self.days or WEEKDAYS

    @property
    def facts(self) -> tuple[tuple[str, str], ...]:
        """The handout's key facts, labelled, in the order every form shows them."""
        return (("Time", self.minutes), ("How often", self.how_often),
                ("You need", text_moves.equipment(self.equipment)))


def build(routine: Routine, catalogue: Catalogue, settings: Timings,
          handout: Handout | None = None) -> Sheet:
    """The sheet for `routine` as it will run with `settings`: its steps, doses, days, and
    who it is for (`handout`)."""
    steps = timed_steps(routine, settings)
    entries: list[Entry] = []
    rest = 0
    for item in routine.items:
        if item.move is None:
            rest += item.rest or 0
            continue
        words = text_doses.dose_words(item_dose(item, routine, settings))
        entries.append(Entry(len(entries) + 1, item.move, words, rest))
        rest = 0
    week = catalogue.week.days if catalogue.week else ()
    needs = {thing for move in routine.moves for thing in move.equipment}
    return Sheet(
        routine=routine,
        seconds=total_seconds(steps),
        groups=tuple(groups(routine)),
        entries=tuple(entries),
        dose=stretch_seconds(steps),
        notes=catalogue.notes,
        avoid=tuple(catalogue.avoid.values()),
        days=tuple(day for day, name in week if name == routine.id and name != REST_DAY),
        equipment=tuple(thing for thing in EQUIPMENT if thing in needs),
        handout=handout or Handout(),
    )


def meta(entry: Entry) -> str:
    """'Buttocks · lying on your back': what a move works and where you are."""
    move = entry.move
    return f"{text_moves.group(move.group)} · {text_moves.posture(move.position)}"


def day_label(day: str) -> str:
    """'Mon' for a tick-off grid's column."""
    return text.DAY_NAMES[day][:3]
