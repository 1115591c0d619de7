"""From a file's bytes to located nodes: YAML parser events, refused where the format says no.

The only module that imports yaml. It reads parser *events* (with the C parser when
PyYAML has it) rather than letting PyYAML construct objects, so it can refuse tags,
anchors and aliases before they cost anything, catch duplicate keys that PyYAML
would silently overwrite, and keep the line and column of every value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NoReturn

import yaml

from stretch.catalogue.load import MAX_BYTES
from stretch.catalogue.nodes import TOP, Node, Scalar, join
from stretch.errors import CatalogueError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_INT = re.compile(r"[-+]?[0-9]+")
_NUMBER_START = frozenset("0123456789+-.")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_WORDS: dict[str, Scalar] = {
    "": None, "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True,
    "false": False, "False": False, "FALSE": False,
}


def decode(data: bytes, display: str) -> str:
    """The file's bytes as text, refusing huge files and bytes that are not UTF-8."""
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


