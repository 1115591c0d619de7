"""The person: their answers to `stretch setup`, kept in profile.toml beside config.toml.

Which days and how many minutes a day shape the week plan; whether they can get down to
the floor and kneel, a hip replacement (or a pinch at the front of the hip) and pain
spreading down a leg decide which moves fit them (`fits`). The file is small and
readable; a damaged or hand-edited one is one line, `file:line: answer: problem`, as
config.toml's problems are. Written whole and atomically, with tomlkit, so its comments
stay.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from stretch.settings import Kind, Setting
from stretch.vocab import DAY_MINUTES

if TYPE_CHECKING:
    from stretch.model import Move
    from stretch.vocab import Demand



def _row(name: str, kind: Kind, help: str, low: float = 0, high: float = 0) -> Setting:
    return Setting(name, kind, None, help, low, high, "", ())


ROWS = {row.name: row for row in (
    _row("days", "days", "the days you stretch, like \"mon,wed,fri\", \"weekdays\" or "
         "\"daily\" (left out: the plan's own days)"),
    _row("minutes", "minutes", "minutes a day: today's routine is fitted into them",
         *DAY_MINUTES),
    _row("floor", "flag", "you can get down to the floor and back up (true/false)"),
    _row("kneel", "flag", "you can kneel (true/false)"),
    _row("hip_replacement", "flag", "a hip replacement, or the front of your hip pinches "
         "when it bends deeply (true/false)"),
    _row("leg_symptoms", "flag", "pain, tingling or numbness spreads down a leg "
         "(true/false)"),
)}


@dataclass(frozen=True, slots=True)
class Profile:
    """The answers, with the defaults of a person who has not answered: the plan's own
    days and minutes, and nothing that rules a move out."""

    days: tuple[int, ...] | None = None  # weekday numbers, 0 = Monday; None: the plan's
    minutes: int | None = None  # None: each routine as long as it takes
    floor: bool = True
    kneel: bool = True
    hip_replacement: bool = False
    leg_symptoms: bool = False

    @property
    def ruled_out(self) -> frozenset[Demand]:
        """What a move may not ask of this body."""
        out: set[Demand] = set()
        if not self.floor:
            out.add("floor")
        if not self.kneel:
            out.add("kneeling")
        if self.hip_replacement:
            out.add("deep-hip-flexion")
        return frozenset(out)

    def fits(self, move: Move, also: frozenset[Demand] = frozenset()) -> bool:
        """Whether `move` asks nothing of the body this person cannot give (nor anything
        in `also`: what the coach leaves out for now, after leg symptoms)."""
        return not (set(move.asks) & (self.ruled_out | also))


def load(path: Path) -> Profile | None:
    """The answers in `path`; None when the person has not answered (no file)."""
    from stretch.toml_table import parse_table, read_bytes

    data = read_bytes(path)
    if data is None:
        return None
    return Profile(**parse_table(path, data, ROWS))


def save(path: Path, profile: Profile) -> None:
    """Write the answers whole, atomically, each with a comment saying what it means."""
    import tomlkit

    from stretch.days import describe_days
    from stretch.files import write_atomically
    from stretch.vocab import WEEKDAYS

    document = tomlkit.document()
    document.add(tomlkit.comment("Your answers to `stretch setup`: run it again to change "
                                 "them, or edit this file."))
    for field in dataclasses.fields(profile):
        value = getattr(profile, field.name)
        document.add(tomlkit.nl())
        document.add(tomlkit.comment(ROWS[field.name].help))
        if value is None:
            document.add(tomlkit.comment(f"{field.name} = (not set)"))
            continue
        if field.name == "days":
            item = tomlkit.item(",".join(WEEKDAYS[d] for d in value))
            item.comment(describe_days(value))
            document.add(field.name, item)
        else:
            document.add(field.name, value)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        from stretch.errors import StretchError

        raise StretchError(f"cannot create {path.parent}: {err.strerror}") from None
    write_atomically(path, tomlkit.dumps(document), force=True)
