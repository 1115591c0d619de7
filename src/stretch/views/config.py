"""`stretch config`: every setting, its value and where it came from."""

from __future__ import annotations

from pathlib import Path

from rich import box
from rich.console import Group as Stack
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from stretch.settings import TABLE, Settings


def setting_text(value: object, found: str | None = None, unset: str = "(none found)") -> str:
    """A setting's value as a person would write it in the file; for a program left unset,
    the one stretch found by itself (`found`), else what unset means (`unset`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return f"(found: {found})" if found else unset
    if isinstance(value, tuple):
        return "[" + ", ".join(f'"{part}"' for part in value) + "]"
    return f"{value:g}" if isinstance(value, float) else str(value)


def config_view(settings: Settings, path: Path, detected: dict[str, str]) -> RenderableType:
    """Every setting, its value and where it came from, then what each means and where
    the file is."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("setting", style="bold cyan", no_wrap=True)
    table.add_column("value")
    table.add_column("from", overflow="fold")
    for setting, value, source in settings.shown():
        shown = setting_text(value, detected.get(setting.name), setting.unset)
        table.add_row(setting.name, Text(shown), Text(source))
    state = "" if path.exists() else " (not there yet: every setting is a default)"
    meaning = Table.grid(padding=(0, 2))
    meaning.add_column(style="cyan", no_wrap=True)
    meaning.add_column(style="dim")
    for setting in TABLE:
        meaning.add_row(setting.name, Text(setting.described))
    return Stack(table, meaning, Text(""), Text(f"Config file: {path}{state}", style="dim"))
