"""The move fields that describe how a move is done rather than how much: the still
part of a counted rep (`pause`), how long switching sides takes (`switch`), sets in a
descending pyramid (`pyramid`), the equipment it needs (`needs`) and what it asks of the
body (`demands`). Each is checked against the rest of the move.
"""

from __future__ import annotations

from stretch.catalogue.nodes import Node, Reader
from stretch.model import DEMANDS, EQUIPMENT, Demand, Equipment

PAUSE = (1, 9)  # seconds; always inside a tempo of at most 10 s
SWITCH = (0, 60)  # seconds to come out of one side and set up the other


def pause(reader: Reader, m: dict[str, Node], at: str, tempo: int | None) -> int | None:
    """The still part of each counted rep: it fits inside the tempo with a second to move."""
    seconds = reader.optional_number(m, "pause", f"{at}.pause", PAUSE, " s")
    if seconds is None:
        return None
    if tempo is None:
        reader.fail(m["pause"], f"{at}.pause", "a 'pause' is part of a counted rep: it needs "
                    "'reps' and a 'tempo' (a held move already holds still)")
    if seconds >= tempo:
        reader.fail(m["pause"], f"{at}.pause", f"{seconds} s does not fit in the {tempo} s "
                    "tempo (leave at least 1 s to move)")
    return seconds


def switch(reader: Reader, m: dict[str, Node], at: str, *, sided: bool) -> int | None:
    """Seconds to change sides, for a move done on each side only."""
    seconds = reader.optional_number(m, "switch", f"{at}.switch", SWITCH, " s")
    if seconds is not None and not sided:
        reader.fail(m["switch"], f"{at}.switch", "only a move done on each side "
                    "(sided: true) switches sides")
    return seconds


def pyramid(reader: Reader, m: dict[str, Node], at: str, tempo: int | None) -> bool:
    """Sets in a descending pyramid (each a few reps fewer): for a counted move only."""
    node = m.get("pyramid")
    if node is None or node.value is None:
        return False
    on = reader.boolean(node, f"{at}.pyramid")
    if on and tempo is None:
        reader.fail(node, f"{at}.pyramid", "a pyramid takes reps off each set: it needs "
                    "'reps' and a 'tempo' (a held move's holds are all as long)")
    return on


def needs(reader: Reader, node: Node | None, at: str) -> tuple[Equipment, ...]:
    """The equipment the move needs, each from the EQUIPMENT vocabulary, once."""
    if node is None or node.value is None:
        return ()
    entries = reader.items(node, at)
    return tuple(dict.fromkeys(reader.choice(e, f"{at}[{i}]", EQUIPMENT)
                               for i, e in enumerate(entries)))


def demands(reader: Reader, node: Node | None, at: str) -> tuple[Demand, ...] | None:
    """What the move asks of the body, each from the DEMANDS vocabulary, once
    (`demands: []`: nothing but standing or sitting; None when the move does not say)."""
    if node is None or node.value is None:
        return None
    entries = reader.items(node, at, empty=True)
    return tuple(dict.fromkeys(reader.choice(e, f"{at}[{i}]", DEMANDS)
                               for i, e in enumerate(entries)))
