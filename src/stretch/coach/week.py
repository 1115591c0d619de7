"""The person's week plan: the catalogue's, shaped to the days they set up, with the days
they changed with `stretch week set` over it.

A week of the user's own (YAML) is used as they wrote it. The built-in plan is shaped to
the intake's days: on 1-3 days a week every day is the full session (stretches and
exercises, fitted to the minutes); on 4 or more, stretch days and exercise days take
turns and the last day of the week is the full session. A routine with no move that fits
the person's body becomes the desk break (standing and in a chair). `week set` changes a
day from today on; `week.toml` keeps those changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from stretch.settings import Setting
from stretch.vocab import BUILTIN, REST_DAY, WEEKDAYS

if TYPE_CHECKING:
    from stretch.coach.levels import Standing
    from stretch.model import Catalogue, WeekPlan

STRETCH_DAY, EXERCISE_DAY, WHOLE, FLOOR_FREE = (
    "hip-reset", "core-and-hips", "full-session", "desk-break")
FEW_DAYS = 3  # up to this many days a week, each is the whole session


@dataclass(frozen=True, slots=True)
class Changes:
    """The days a person changed with `stretch week set`: weekday -> routine id or 'rest'."""

    days: Mapping[str, str]
    path: Path


def shaped(days: Sequence[int], known: Catalogue) -> tuple[str, ...]:
    """The built-in plan for these weekdays: each chosen day's routine, the rest rest."""
    have = known.routines
    if len(days) <= FEW_DAYS:
        turns = [WHOLE] * len(days)
    else:
        turns = [(STRETCH_DAY, EXERCISE_DAY)[n % 2] for n in range(len(days) - 1)] + [WHOLE]
    picked = {day: routine if routine in have else next(iter(have), REST_DAY)
              for day, routine in zip(days, turns, strict=True)}
    return tuple(picked.get(number, REST_DAY) for number in range(7))


def plan_for(known: Catalogue, standing: Standing, changes: Changes | None) -> WeekPlan:
    """The week as it stands for this person, saying where it comes from."""
    from stretch.days import describe_days
    from stretch.model import WeekPlan

    base = known.week
    if base is not None and base.source != BUILTIN:
        days, source = tuple(r for _, r in base.days), f"your week in {base.source}"
    elif standing.profile.days:
        days = _fitting(shaped(standing.profile.days, known), known, standing)
        source = (f"the built-in plan, shaped to your days ({describe_days(standing.profile.days)})"
                  " in `stretch setup`")
    else:
        days = _fitting(tuple(r for _, r in base.days) if base else (REST_DAY,) * 7, known,
                        standing)
        source = "the built-in plan"
    if changes is not None and changes.days:
        given = [WEEKDAYS.index(day) for day in changes.days]
        days = tuple(changes.days.get(WEEKDAYS[n], routine) for n, routine in enumerate(days))
        source += f", with {describe_days(sorted(given))} changed by `stretch week set`"
    return WeekPlan(days=tuple(zip(WEEKDAYS, days, strict=True)), source=source)


def _fitting(days: tuple[str, ...], known: Catalogue, standing: Standing) -> tuple[str, ...]:
    """Each day's routine, or the desk break where none of its moves fits the person."""
    def runs(routine_id: str) -> bool:
        routine = known.routines.get(routine_id)
        return routine is None or bool(standing.routine(known, routine)[0].items)

    spare = FLOOR_FREE if FLOOR_FREE in known.routines and runs(FLOOR_FREE) else REST_DAY
    return tuple(r if r == REST_DAY or runs(r) else spare for r in days)


def load_changes(path: Path, known: Catalogue) -> Changes:
    """The days changed in `week.toml`, each a routine of the catalogue or rest; a name
    that is neither is one line naming the file, the line and the day."""
    from stretch.errors import ConfigError, did_you_mean
    from stretch.toml_lines import key_lines
    from stretch.toml_table import parse_table, read_bytes

    data = read_bytes(path)
    if data is None:
        return Changes({}, path)
    given = parse_table(path, data, ROWS)
    lines = key_lines(data.decode("utf-8", errors="replace"))
    for day, routine in given.items():
        if routine != REST_DAY and routine not in known.routines:
            hint = did_you_mean(routine, [*known.routines, REST_DAY])
            raise ConfigError(path, lines.get(day, 1), day, f"unknown routine '{routine}'{hint}")
    return Changes(given, path)


def save_changes(changes: Changes) -> None:
    """Write the changed days, keeping any comments the person added (tomlkit)."""
    import tomlkit

    from stretch.files import write_atomically

    try:
        document = tomlkit.parse(changes.path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        document = tomlkit.document()
        document.add(tomlkit.comment("Days changed with `stretch week set DAY ROUTINE|rest`; "
                                     "`stretch week set DAY` takes a day back to the plan's."))
    for day in WEEKDAYS:
        if day in changes.days:
            document[day] = changes.days[day]
        elif day in document:
            del document[day]
    changes.path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(changes.path, tomlkit.dumps(document), force=True)


ROWS = {day: Setting(day, "name", None, "a routine's name, or rest", 0, 0, "", ())
        for day in WEEKDAYS}
