"""Read the catalogue: built-in and user YAML files, checked, merged and resolved.

Only this module imports yaml. It reads parser *events* (with the C parser when
PyYAML has it) rather than letting PyYAML construct objects, so it can refuse tags,
anchors and aliases before they cost anything, catch duplicate keys that PyYAML
would silently overwrite, and keep the line and column of every value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import NoReturn

import yaml

from stretch.errors import CatalogueError, StretchError, did_you_mean
from stretch.model import BUILTIN, REST_DAY, Avoid, Catalogue, Item, Move, Notes, Routine, WeekPlan
from stretch.nodes import TOP, Node, Scalar, Where, join
from stretch.schema import DraftAvoid, DraftRoutine, DraftWeek, FileContent, read_document

MAX_BYTES = 1 << 20
SUFFIXES = (".yaml", ".yml")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_INT = re.compile(r"[-+]?[0-9]+")
_NUMBER_START = frozenset("0123456789+-.")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_WORDS: dict[str, Scalar] = {
    "": None, "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True,
    "false": False, "False": False, "FALSE": False,
}


def builtin_dir() -> Path:
    """The shipped catalogue: inside the installed package, or the checkout's `routines/`."""
    packaged = Path(str(resources.files("stretch"))) / "routines"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "routines"


def catalogue_files(folder: Path) -> list[Path]:
    """The YAML files of a folder in name order; a missing folder has none."""
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
    except FileNotFoundError:
        return []
    except OSError as err:
        raise StretchError(f"{folder}: cannot list the folder: {err.strerror}") from None


def load_catalogue(
    *, user_dir: Path | None, extra: Sequence[Path] = (), builtin: Path | None = None
) -> Catalogue:
    """Load the built-in files, then the user's (and any `extra`) files over them."""
    base = [read_file(p, source=BUILTIN) for p in catalogue_files(builtin or builtin_dir())]
    user_paths = catalogue_files(user_dir) if user_dir is not None else []
    user_paths += [p for p in extra if p not in user_paths]
    return merge(base, [read_file(p) for p in user_paths])


def read_file(path: Path, *, source: str | None = None) -> FileContent:
    """One file, from bytes to validated content; any problem is a CatalogueError."""
    display = str(path)
    root = parse_yaml(read_text(path, display), display)
    return read_document(root, display, source or display)


def read_text(path: Path, display: str) -> str:
    """The file as text, refusing huge files and bytes that are not UTF-8."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise CatalogueError(display, 1, 1, "file", f"cannot read: {err.strerror}") from None
    if len(data) > MAX_BYTES:
        problem = "larger than 1 MiB; split it into smaller files"
        raise CatalogueError(display, 1, 1, "file", problem)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        # latin-1 maps each byte to one character, so lines and columns count bytes
        line, col = _line_and_column(data[: err.start].decode("latin-1"))
        raise CatalogueError(
            display, line, col, "file", f"not UTF-8 text (byte 0x{data[err.start]:02x})"
        ) from None


def parse_yaml(text: str, path: str) -> Node | None:
    """Parse one YAML document into located Nodes; None for an empty file."""
    builder = _TreeBuilder(path)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = err.problem or err.context or "not valid YAML"
        raise CatalogueError(path, line, col, "yaml", f"syntax error: {problem}") from None
    except yaml.reader.ReaderError as err:
        line, col = _line_and_column(text[: err.position])
        problem = f"character #x{err.character:04x} is not allowed in YAML" if isinstance(
            err.character, int) else "a character is not allowed in YAML"
        raise CatalogueError(path, line, col, "yaml", problem) from None
    except yaml.YAMLError as err:
        problem = " ".join(str(err).split())
        raise CatalogueError(path, 1, 1, "yaml", f"syntax error: {problem}") from None
    return builder.root


def _line_and_column(before: str) -> tuple[int, int]:
    """The 1-based line and column just after `before`, the text ahead of a problem."""
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


@dataclass(slots=True)
class _Open:
    """A collection being built, with the path of fields that leads to it."""

    node: Node
    field: str
    pending_key: Node | None = None


@dataclass(slots=True)
class _TreeBuilder:
    """Turns parser events into Nodes, refusing what the format does not allow."""

    path: str
    root: Node | None = None
    documents: int = 0
    stack: list[_Open] = field(default_factory=list)

    def feed(self, event: yaml.Event) -> None:
        """Take one parser event; scalars come first as they are most of a file."""
        kind = type(event)
        if kind is yaml.ScalarEvent:
            self._plain(event)
            self._add(Node(_scalar(event), *_position(event)))  # type: ignore[arg-type]
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self._plain(event)
            value: dict[str, Node] | list[Node] = {} if kind is yaml.MappingStartEvent else []
            self.stack.append(_Open(Node(value, *_position(event)), self._here()))
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self._add(self.stack.pop().node)
        elif kind is yaml.AliasEvent:
            self._plain(event)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self._fail(*_position(event), "only one YAML document per file (remove the '---')")

    def _plain(self, event: yaml.Event) -> None:
        """Refuse anchors, aliases and tags: the format has no use for them."""
        anchor = getattr(event, "anchor", None)
        tag = getattr(event, "tag", None)
        if anchor is None and tag is None:
            return
        line, col = _position(event)
        if anchor is not None:
            self._fail(line, col, "anchors and aliases (& and *) are not allowed; write it out")
        self._fail(line, col, f"YAML tags like '{tag}' are not allowed")

    def _here(self) -> str:
        """The field path of the value the parser is at: the next list item, the value of
        the key just read, or (before a key) the mapping itself."""
        if not self.stack:
            return ""
        top = self.stack[-1]
        if isinstance(top.node.value, list):
            return f"{top.field}[{len(top.node.value)}]"
        if top.pending_key is not None:
            return join(top.field, str(top.pending_key.value))
        return top.field

    def _add(self, node: Node) -> None:
        if not self.stack:
            self.root = node
            return
        top = self.stack[-1]
        container = top.node.value
        if isinstance(container, list):
            container.append(node)
        elif top.pending_key is None:
            self._check_key(top, node)
            top.pending_key = node
        else:
            assert isinstance(container, dict)
            key = str(top.pending_key.value)
            container[key] = node
            top.node.keys[key] = top.pending_key
            top.pending_key = None

    def _check_key(self, top: _Open, key: Node) -> None:
        name = key.value
        if not isinstance(name, str):
            shown = "a list or mapping" if isinstance(name, (list, dict)) else repr(name)
            self._fail(key.line, key.col, f"keys must be names, not {shown}", top.field)
        existing = top.node.keys.get(name)
        if existing is not None:
            self._fail(
                key.line, key.col, f"duplicate key '{name}' (first at line {existing.line})",
                join(top.field, name),
            )

    def _fail(
        self, line: int, col: int, problem: str, field_path: str | None = None
    ) -> NoReturn:
        if field_path is None:
            field_path = self._here()
        raise CatalogueError(self.path, line, col, field_path or TOP, problem)


def _position(event: yaml.Event) -> tuple[int, int]:
    """The 1-based line and column where an event starts."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _scalar(event: yaml.ScalarEvent) -> Scalar:
    """Plain scalars become null, booleans or numbers (YAML 1.2 core rules); quoted ones stay text.

    YAML 1.2 rules avoid PyYAML's 1.1 surprises, where `no` or `off` mean false.
    """
    text = event.value
    if not event.implicit[0]:
        return text
    if text in _WORDS:
        return _WORDS[text]
    if text[0] not in _NUMBER_START:
        return text
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def merge(builtin: Sequence[FileContent], user: Sequence[FileContent]) -> Catalogue:
    """Merge files: ids are unique within each layer; a user id replaces a built-in one."""
    base = _Layer.from_files(builtin)
    mine = _Layer.from_files(user)
    moves = {k: m for k, (m, _) in (base.moves | mine.moves).items()}
    routines = base.routines | mine.routines
    week = mine.week or base.week
    notes = mine.notes or base.notes
    return Catalogue(
        moves=moves,
        avoid={k: _resolve_avoid(a, moves) for k, a in (base.avoid | mine.avoid).items()},
        routines={
            k: _resolve_routine(r, moves, replaces=k in base.routines and k in mine.routines)
            for k, r in routines.items()
        },
        week=_resolve_week(week, routines) if week else None,
        notes=notes[0] if notes else None,
        files=tuple(f.path for f in [*builtin, *user]),
    )


@dataclass(slots=True)
class _Layer:
    """The built-in files, or the user's files, with every id unique across the layer."""

    moves: dict[str, tuple[Move, Where]] = field(default_factory=dict)
    routines: dict[str, DraftRoutine] = field(default_factory=dict)
    avoid: dict[str, DraftAvoid] = field(default_factory=dict)
    week: DraftWeek | None = None
    notes: tuple[Notes, Where] | None = None

    @classmethod
    def from_files(cls, files: Iterable[FileContent]) -> _Layer:
        layer = cls()
        for content in files:
            for move_id, (move, where) in content.moves.items():
                if move_id in layer.moves:
                    _defined_twice(where, layer.moves[move_id][1])
                layer.moves[move_id] = (move, where)
            for routine_id, routine in content.routines.items():
                if routine_id in layer.routines:
                    _defined_twice(routine.where, layer.routines[routine_id].where)
                layer.routines[routine_id] = routine
            for avoid_id, avoided in content.avoid.items():
                if avoid_id in layer.avoid:
                    _defined_twice(avoided.where, layer.avoid[avoid_id].where)
                layer.avoid[avoid_id] = avoided
            if content.week is not None:
                if layer.week is not None:
                    _defined_twice(content.week.where, layer.week.where)
                layer.week = content.week
            if content.notes is not None:
                if layer.notes is not None:
                    _defined_twice(content.notes[1], layer.notes[1])
                layer.notes = content.notes
        return layer


def _defined_twice(where: Where, first: Where) -> None:
    where.fail(f"already defined at {first.path}:{first.line}")


def _lookup(move_id: str, where: Where, moves: dict[str, Move]) -> Move:
    move = moves.get(move_id)
    if move is None:
        where.fail(f"unknown move '{move_id}'{did_you_mean(move_id, moves)}")
    return move


def _resolve_routine(draft: DraftRoutine, moves: dict[str, Move], *, replaces: bool) -> Routine:
    """Attach each item's move and fill in the dose the item leaves to the move."""
    items: list[Item] = []
    for d in draft.items:
        if d.move_id is None:
            items.append(Item(move=None, rest=d.rest, priority=d.priority))
            continue
        move = _lookup(d.move_id, d.where, moves)
        as_holds = d.hold is not None or (d.tempo is None and move.hold is not None)
        hold = (d.hold or move.hold) if as_holds else None
        tempo = None if as_holds else (d.tempo or move.tempo)
        if hold is None and tempo is None:
            d.where.fail(f"'{d.move_id}' is counted: give this item a 'hold' or a 'tempo'")
        items.append(
            Item(
                move=move,
                hold=hold,
                reps=d.reps or move.reps or 1,
                tempo=tempo,
                sets=d.sets,
                rest=d.rest,
                priority=d.priority,
            )
        )
    return Routine(
        id=draft.id,
        title=draft.title,
        summary=draft.summary,
        rest=draft.rest,
        items=tuple(items),
        source=draft.source,
        replaces_builtin=replaces,
    )


def _resolve_avoid(draft: DraftAvoid, moves: dict[str, Move]) -> Avoid:
    return Avoid(
        id=draft.id,
        name=draft.name,
        why=draft.why,
        description=draft.description,
        instead=tuple(_lookup(move_id, where, moves) for move_id, where in draft.instead),
    )


def _resolve_week(draft: DraftWeek, routines: dict[str, DraftRoutine]) -> WeekPlan:
    for _, routine_id, where in draft.days:
        if routine_id != REST_DAY and routine_id not in routines:
            hint = did_you_mean(routine_id, [*routines, REST_DAY])
            where.fail(f"unknown routine '{routine_id}'{hint}")
    return WeekPlan(
        days=tuple((day, routine_id) for day, routine_id, _ in draft.days),
        source=draft.source,
    )
