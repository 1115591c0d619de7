"""Validate one catalogue file's located tree into model values, or name what is wrong.

The YAML reader (parse.py) turns text into `Node`s that remember their line and
column; everything here works on those nodes so each error can point at the exact
field. References between files (a routine's moves, the week's routines) are kept as
ids with their location and resolved later, after the files are merged. A move's
figure and the notes have modules of their own (figure_schema.py, notes_schema.py).
"""

from __future__ import annotations

from stretch.catalogue import fields
from stretch.catalogue.drafts import DraftAvoid, DraftItem, DraftRoutine, DraftWeek, FileContent
from stretch.catalogue.figure_schema import read_figure
from stretch.catalogue.nodes import Node, Reader
from stretch.catalogue.notes_schema import read_notes
from stretch.catalogue.progression import read_progression
from stretch.model import GROUPS, KINDS, POSITIONS, WEEKDAYS, Move

# Bounds of every number in the format, in seconds or counts (see README: the format).
HOLD = (5, 300)
REPS = (1, 50)
SETS = (1, 10)
TEMPO = (1, 10)
REST = (0, 300)
PRIORITY = (1, 3)

TOP_KEYS = ("moves", "avoid", "routines", "week", "notes")
MOVE_KEYS = (
    "name", "kind", "group", "sided", "pause", "switch", "needs", "position", "hold", "reps",
    "tempo", "setup", "cues", "cautions", "easier", "harder", "figure", "progression",
    "demands", "harder_move", "pyramid", "instead_of",
)
ITEM_KEYS = ("move", "hold", "reps", "tempo", "sets", "rest", "priority")
ROUTINE_KEYS = ("title", "summary", "rest", "items")
AVOID_KEYS = ("name", "known-as", "held-only", "description", "why", "instead")


def read_document(root: Node | None, path: str, source: str) -> FileContent:
    """Validate a whole file's tree: the top level, then each section.

    `source` is what `stretch list` shows: 'built-in', or the user file's path.
    """
    content = FileContent(path)
    if root is None:
        return content
    reader = Reader(path, source)
    top = reader.mapping(root, "", allowed=TOP_KEYS)
    if not top:
        return content
    sections = {
        "moves": _read_moves,
        "avoid": _read_avoid,
        "routines": _read_routines,
    }
    for key, node in top.items():
        if key in sections:
            sections[key](reader, node, content)
        elif key == "week":
            content.week = _read_week(reader, node)
        else:
            content.notes = read_notes(reader, node)
    return content


def _read_moves(reader: Reader, node: Node, content: FileContent) -> None:
    for move_id, where, body in reader.entries(node, "moves"):
        content.moves[move_id] = (_read_move(reader, move_id, body), where)
        assert isinstance(body.value, dict)  # _read_move checked it, and its name
        content.move_names[move_id] = reader.where(body.value["name"], f"moves.{move_id}.name")
        harder = body.value.get("harder_move")
        if harder is not None:
            content.harder[move_id] = reader.where(harder, f"moves.{move_id}.harder_move")
        instead = body.value.get("instead_of")
        if instead is not None:
            content.instead[move_id] = reader.where(instead, f"moves.{move_id}.instead_of")


def _read_move(reader: Reader, move_id: str, node: Node) -> Move:
    at = f"moves.{move_id}"
    m = reader.mapping(
        node, at, allowed=MOVE_KEYS,
        required=("name", "kind", "group", "position", "setup", "cues"),
    )
    hold, reps, tempo = _dose(reader, m, node, at)
    if hold is None and tempo is None:
        reader.fail(node, at, "needs a 'hold' (seconds) or 'reps' with a 'tempo'")
    sided = m.get("sided")
    is_sided = False if sided is None else reader.boolean(sided, f"{at}.sided")
    move = Move(
        id=move_id,
        name=reader.text(m["name"], f"{at}.name"),
        kind=reader.choice(m["kind"], f"{at}.kind", KINDS),
        group=reader.choice(m["group"], f"{at}.group", GROUPS),
        sided=is_sided,
        position=reader.choice(m["position"], f"{at}.position", POSITIONS),
        setup=reader.text(m["setup"], f"{at}.setup"),
        cues=reader.text_list(m["cues"], f"{at}.cues", low=1, high=6),
        cautions=reader.text_list(m.get("cautions"), f"{at}.cautions", low=0, high=6),
        hold=hold,
        reps=reps,
        tempo=tempo,
        easier=reader.optional_text(m, "easier", f"{at}.easier"),
        harder=reader.optional_text(m, "harder", f"{at}.harder"),
        source=reader.source,
        figure=read_figure(reader, m.get("figure"), at, counted=tempo is not None),
        pause=fields.pause(reader, m, at, tempo),
        switch=fields.switch(reader, m, at, sided=is_sided),
        needs=fields.needs(reader, m.get("needs"), f"{at}.needs"),
        demands=fields.demands(reader, m.get("demands"), f"{at}.demands"),
        harder_move=reader.ident(m["harder_move"], f"{at}.harder_move")
        if "harder_move" in m else None,
        pyramid=fields.pyramid(reader, m, at, tempo),
        instead_of=tuple(reader.ident(e, f"{at}.instead_of[{i}]") for i, e in
                         enumerate(reader.items(m["instead_of"], f"{at}.instead_of")))
        if "instead_of" in m else (),
    )
    return read_progression(reader, m.get("progression"), move, at)


def _dose(
    reader: Reader, m: dict[str, Node], node: Node, at: str
) -> tuple[int | None, int | None, int | None]:
    """hold, reps and tempo, checked for range and for fitting together."""
    hold = reader.optional_number(m, "hold", f"{at}.hold", HOLD, " s")
    reps = reader.optional_number(m, "reps", f"{at}.reps", REPS)
    tempo = reader.optional_number(m, "tempo", f"{at}.tempo", TEMPO, " s")
    if hold is not None and tempo is not None:
        reader.fail(m["tempo"], f"{at}.tempo", "use either 'hold' or 'tempo', not both")
    if tempo is not None and reps is None:
        reader.fail(m["tempo"], f"{at}.tempo", "a 'tempo' needs 'reps' to count")
    return hold, reps, tempo


def _read_routines(reader: Reader, node: Node, content: FileContent) -> None:
    for routine_id, where, body in reader.entries(node, "routines"):
        at = f"routines.{routine_id}"
        r = reader.mapping(body, at, allowed=ROUTINE_KEYS, required=("title", "items"))
        rest = reader.optional_number(r, "rest", f"{at}.rest", REST, " s")
        items = tuple(_read_item(reader, n, f"{at}.items[{i}]")
                      for i, n in enumerate(reader.items(r["items"], f"{at}.items")))
        if all(item.move_id is None for item in items):
            reader.fail(r["items"], f"{at}.items",
                        "a routine needs at least one move (rests alone are not a routine)")
        content.routines[routine_id] = DraftRoutine(
            id=routine_id,
            where=where,
            source=reader.source,
            title=reader.text(r["title"], f"{at}.title"),
            summary=reader.optional_text(r, "summary", f"{at}.summary") or "",
            rest=rest,
            items=items,
        )


def _read_item(reader: Reader, node: Node, at: str) -> DraftItem:
    m = reader.mapping(node, at, allowed=ITEM_KEYS)
    if "move" not in m:
        if "rest" not in m:
            reader.fail(node, at, "an item needs a 'move' (or is a lone 'rest: seconds')")
        extra = sorted(set(m) - {"rest"})
        if extra:
            reader.fail(
                node.keys[extra[0]], f"{at}.{extra[0]}",
                f"a lone rest takes only 'rest: seconds'; '{extra[0]}' needs a 'move'",
            )
        rest = reader.number(m["rest"], f"{at}.rest", REST, " s")
        return DraftItem(reader.where(node, at), None, None, None, None, 1, rest, 2)
    move_node = m["move"]
    move_id = reader.text(move_node, f"{at}.move")
    hold, reps, tempo = _dose(reader, m, node, at)
    sets = reader.optional_number(m, "sets", f"{at}.sets", SETS)
    return DraftItem(
        where=reader.where(move_node, f"{at}.move"),
        move_id=move_id,
        hold=hold,
        reps=reps,
        tempo=tempo,
        sets=1 if sets is None else sets,
        rest=reader.optional_number(m, "rest", f"{at}.rest", REST, " s"),
        priority=reader.optional_number(m, "priority", f"{at}.priority", PRIORITY) or 2,
        given={key: reader.where(m[key], f"{at}.{key}") for key in ("hold", "tempo", "sets")
               if key in m},
    )


def _read_avoid(reader: Reader, node: Node, content: FileContent) -> None:
    for avoid_id, where, body in reader.entries(node, "avoid"):
        at = f"avoid.{avoid_id}"
        a = reader.mapping(body, at, allowed=AVOID_KEYS, required=("name", "why", "instead"))
        instead = reader.items(a["instead"], f"{at}.instead")
        content.avoid[avoid_id] = DraftAvoid(
            id=avoid_id,
            where=where,
            name=reader.text(a["name"], f"{at}.name"),
            why=reader.text(a["why"], f"{at}.why"),
            description=reader.optional_text(a, "description", f"{at}.description"),
            known_as=reader.text_list(a.get("known-as"), f"{at}.known-as", low=1, high=20),
            held_only=reader.boolean(a["held-only"], f"{at}.held-only")
            if "held-only" in a else False,
            instead=tuple(
                (reader.text(n, f"{at}.instead[{i}]"), reader.where(n, f"{at}.instead[{i}]"))
                for i, n in enumerate(instead)
            ),
        )


def _read_week(reader: Reader, node: Node) -> DraftWeek:
    days = reader.mapping(node, "week", allowed=WEEKDAYS)
    missing = [d for d in WEEKDAYS if d not in days]
    if missing:
        problem = f"missing {', '.join(missing)} (give every day a routine or 'rest')"
        reader.fail(node, "week", problem)
    return DraftWeek(
        where=reader.where(node, "week"),
        source=reader.source,
        days=tuple(
            (day, reader.text(days[day], f"week.{day}"), reader.where(days[day], f"week.{day}"))
            for day in WEEKDAYS
        ),
    )


