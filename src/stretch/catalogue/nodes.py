"""Located YAML values and the checks every catalogue field goes through.

A `Node` remembers where it was written; a `Reader` checks one file's nodes and names
the file, line, column and field in every error, with a did-you-mean where it helps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NoReturn, TypeVar

from stretch.errors import CatalogueError, did_you_mean, printable, shorten

Scalar = str | int | float | bool | None
ID_PATTERN = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
MAX_ID = 40
MAX_TEXT = 2000
TOP = "(top level)"  # the field name shown for problems with the document as a whole

T = TypeVar("T")


@dataclass(slots=True)
class Node:
    """A YAML value with the 1-based line and column where it starts.

    `value` is a scalar, a list of Nodes, or a dict of Nodes; for a dict, `keys`
    holds where each key was written, so unknown keys can be pointed at.
    """

    value: Scalar | list[Node] | dict[str, Node]
    line: int
    col: int
    keys: dict[str, Node] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Where:
    """Where something was written, for errors found after merging."""

    path: str
    line: int
    col: int
    field: str

    def fail(self, problem: str) -> NoReturn:
        raise CatalogueError(self.path, self.line, self.col, self.field, problem)


class Reader:
    """Checks nodes of one file; every failure names the file, position and field."""

    def __init__(self, path: str, source: str) -> None:
        self.path = path
        self.source = source

    def fail(self, node: Node, field_path: str, problem: str) -> NoReturn:
        raise CatalogueError(self.path, node.line, node.col, field_path or TOP, problem)

    def where(self, node: Node, field_path: str) -> Where:
        return Where(self.path, node.line, node.col, field_path)

    def mapping(
        self,
        node: Node,
        field_path: str,
        *,
        allowed: tuple[str, ...],
        required: tuple[str, ...] = (),
    ) -> dict[str, Node]:
        value = node.value
        if not isinstance(value, dict):
            self.fail(node, field_path, f"expected a mapping of keys, got {describe(value)}")
        for key, key_node in node.keys.items():
            if key not in allowed:
                hint = did_you_mean(key, allowed) or f"; expected one of: {', '.join(allowed)}"
                self.fail(key_node, join(field_path, shorten(key)),
                          f"unknown key '{shorten(key)}'{hint}")
        for key in required:
            if key not in value or value[key].value is None:
                self.fail(node, join(field_path, key), "missing (required)")
        return value

    def text(self, node: Node, field_path: str) -> str:
        """Text as a person reads it: runs of white space (line breaks too) as one space.
        A character the terminal would obey or hide rather than show (ESC, BEL, a bidi
        override, a zero-width space; what `printable` would escape) is refused here, the
        one boundary every command and form reads the catalogue through."""
        value = node.value
        if isinstance(value, str) and value.strip():
            if len(value) > MAX_TEXT:
                problem = f"too long ({len(value)} characters, at most {MAX_TEXT})"
                self.fail(node, field_path, problem)
            joined = " ".join(value.split())
            hidden = next((ch for ch in joined if not ch.isprintable()), None)
            if hidden is not None:
                self.fail(node, field_path, f"holds the character {printable(hidden)}, which a "
                          "terminal would act on or hide rather than show: remove it")
            return joined
        if isinstance(value, str):
            self.fail(node, field_path, "must not be empty")
        self.fail(node, field_path, f"expected text, got {describe(value)}")

    def optional_text(self, parent: dict[str, Node], key: str, field_path: str) -> str | None:
        node = parent.get(key)
        if node is None or node.value is None:
            return None
        return self.text(node, field_path)

    def number(self, node: Node, field_path: str, bounds: tuple[int, int], unit: str = "") -> int:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                self.fail(node, field_path, f"expected a whole number, got {describe(value)}")
        low, high = bounds
        if not low <= value <= high:
            self.fail(node, field_path, f"{value}{unit} is out of range ({low}-{high}{unit})")
        return value

    def optional_number(
        self, parent: dict[str, Node], key: str, field_path: str, bounds: tuple[int, int],
        unit: str = "",
    ) -> int | None:
        node = parent.get(key)
        if node is None or node.value is None:
            return None
        return self.number(node, field_path, bounds, unit)

    def boolean(self, node: Node, field_path: str) -> bool:
        if isinstance(node.value, bool):
            return node.value
        self.fail(node, field_path, f"expected true or false, got {describe(node.value)}")

    def choice(self, node: Node, field_path: str, options: tuple[T, ...]) -> T:
        value = node.value
        for option in options:
            if value == option:
                return option
        shown = ", ".join(str(o) for o in options)
        hint = did_you_mean(value, [str(o) for o in options]) if isinstance(value, str) else ""
        self.fail(node, field_path, f"'{value}' is not one of: {shown}{hint}")

    def items(self, node: Node, field_path: str, *, empty: bool = False) -> list[Node]:
        """A list's entries; an empty list is a mistake unless `empty` says it means
        something ('demands: []': nothing asked of the body)."""
        value = node.value
        if not isinstance(value, list):
            self.fail(node, field_path, f"expected a list, got {describe(value)}")
        if not value and not empty:
            self.fail(node, field_path, "the list is empty")
        return value

    def text_list(
        self, node: Node | None, field_path: str, *, low: int, high: int
    ) -> tuple[str, ...]:
        if node is None or node.value is None:
            return ()  # a required list is caught as missing by `mapping`
        if isinstance(node.value, str):
            self.fail(node, field_path, f"expected a list, got {describe(node.value)}: make it "
                      "a list, each entry on a line of its own starting with '- '")
        entries = self.items(node, field_path)
        if not low <= len(entries) <= high:
            wanted = f"at most {high}" if low == 0 else f"{low}-{high}"
            self.fail(node, field_path, f"expected {wanted} entries, got {len(entries)}")
        return tuple(self.text(e, f"{field_path}[{i}]") for i, e in enumerate(entries))

    def ident(self, key_node: Node, field_path: str) -> str:
        """An id: kebab-case, at most MAX_ID characters; the message names which rule broke."""
        key = key_node.value
        if not isinstance(key, str) or not ID_PATTERN.fullmatch(key):
            problem = (f"use lower-case words joined by '-', like 'figure-four' (at most "
                       f"{MAX_ID} characters)")
        elif len(key) > MAX_ID:
            problem = f"too long ({len(key)} characters, at most {MAX_ID})"
        else:
            return key
        self.fail(key_node, shorten(field_path, 80), f"bad id '{shorten(str(key))}': {problem}")

    def entries(self, node: Node, section: str) -> list[tuple[str, Where, Node]]:
        """The definitions of a section (moves, routines, learn topics...): each checked
        id, where it is written, and its body."""
        if node.value is None:
            return []
        entries = self.mapping(node, section, allowed=tuple(node.keys))
        found = []
        for key, body in entries.items():
            key_node = node.keys[key]
            at = f"{section}.{key}"
            found.append((self.ident(key_node, at), self.where(key_node, at), body))
        return found


def join(parent: str, key: str) -> str:
    return f"{parent}.{key}" if parent else key


def describe(value: object) -> str:
    """A short, user-facing name for what was found instead."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    text = str(value)
    short = text if len(text) <= 30 else text[:27] + "..."
    return f"'{short}'"
