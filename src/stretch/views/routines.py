"""The routines as `list` and `show` draw them, and the JSON shapes of DESIGN.md.

Tests render each view into a recorded console of fixed width.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from rich import box
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.console import Group as Stack
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from stretch import text, text_doses, text_moves
from stretch.model import BUILTIN, Notes, Routine
from stretch.model import Group as MuscleGroup
from stretch.plan import (
    DOSE_TARGET,
    groups,
    meets_target,
    short_of_target,
    stretch_seconds,
    total_seconds,
)
from stretch.steps import Step


def source_label(routine: Routine) -> str:
    if routine.source == BUILTIN:
        return BUILTIN
    return f"{routine.source} (replaces built-in)" if routine.replaces_builtin else routine.source


class ShortPath:
    """A path as wide as the table lets it be, on one line: one in the stretch folder is
    named from there ('routines/mine.yaml'), and a long one loses its middle, never broken
    across lines (a 'mine.ya' / 'ml' split reads as two files)."""

    SHORTEST = 12

    def __init__(self, path: Path, home: Path) -> None:
        self.path = path.relative_to(home) if path.is_relative_to(home) else path

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        full = len(str(self.path))
        return Measurement(min(full, self.SHORTEST), full)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(text.short_path(self.path, options.max_width), no_wrap=True, overflow="crop")


def source_cell(routine: Routine, home: Path) -> RenderableType:
    """Where a routine comes from, for the table: 'built-in', or its file (and on the next
    line whether it replaces a built-in one)."""
    if routine.source == BUILTIN:
        return Text(BUILTIN)
    where = ShortPath(Path(routine.source), home)
    return Stack(where, Text("(replaces built-in)")) if routine.replaces_builtin else where


# --- list --------------------------------------------------------------------------

def routine_row(routine: Routine, steps: Sequence[Step]) -> dict[str, object]:
    seconds = total_seconds(steps)
    return {
        "name": routine.id,
        "title": routine.title,
        "summary": routine.summary,
        "minutes": text.minutes(seconds),
        "seconds": seconds,
        "groups": list(groups(routine)),
        "source": source_label(routine),
    }


def routines_table(rows: Iterable[tuple[Routine, dict[str, object]]], *, home: Path) -> Table:
    """The routines, each file named from the stretch folder `home` where it is inside."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("name", style="bold cyan", no_wrap=True)
    table.add_column("title")
    table.add_column("min", justify="right")
    table.add_column("groups")
    table.add_column("source")
    for routine, row in rows:
        names = row["groups"]
        assert isinstance(names, list)
        table.add_row(
            str(row["name"]), Text(str(row["title"])), str(row["minutes"]), ", ".join(names),
            source_cell(routine, home),
        )
    return table


# --- show --------------------------------------------------------------------------

def step_json(step: Step) -> dict[str, object]:
    """A step as the contract gives it (DESIGN.md): a hold has `hold` (its seconds), `reps`
    (holds of the move) and `set` (which hold this is); a counted step `reps`, `tempo` and
    `set` (which set); what a step does not have is null."""
    move = step.move
    held, counted = step.kind == "hold", step.kind == "count"
    return {
        "label": step.label,
        "move": move.id if move else None,
        "kind": step.kind,
        "group": move.group if move else None,
        "side": step.side,
        "seconds": step.seconds,
        "hold": step.seconds if held else None,
        "reps": step.reps if held or counted else None,
        "tempo": step.tempo if counted else None,
        "set": (step.rep if held else step.set) if held or counted else None,
    }


def show_json(routine: Routine, steps: Sequence[Step]) -> dict[str, object]:
    return {
        "name": routine.id,
        "title": routine.title,
        "summary": routine.summary,
        "seconds": total_seconds(steps),
        "groups": list(groups(routine)),
        "dose": stretch_seconds(steps),
        "steps": [step_json(s) for s in steps],
    }


def show_view(routine: Routine, steps: Sequence[Step], notes: Notes | None = None
              ) -> RenderableType:
    """Every step with its start and length, the dose per group, and the safety line."""
    total = total_seconds(steps)
    head = Text.assemble(
        (routine.title, "bold"),
        f"  ({routine.id}, {text.clock(total)} in {text.plural(len(steps), 'step')})",
    )
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("at", justify="right", style="dim")
    table.add_column("step")
    table.add_column("side")
    table.add_column("time", justify="right")
    table.add_column("", style="dim")
    start = 0.0
    for number, step in enumerate(steps, 1):
        style = "bold" if step.move else "dim"
        side = text_moves.SIDE_NAMES.get(step.side or "", "") if step.side != "both" else ""
        table.add_row(
            str(number), text.clock(start), Text(step.label, style=style), side,
            f"{step.seconds:g} s", text_doses.step_detail(step),
        )
        start += step.seconds
    parts = [head, Text(routine.summary), table, dose_table(stretch_seconds(steps))]
    if notes is not None:
        from stretch.views.safety import safety_brief

        parts += [Text(""), safety_brief(notes)]
    return Stack(*parts)


def dose_table(per_group: dict[MuscleGroup, dict[str, float]]) -> RenderableType:
    """Seconds of stretch per group and side, against the 60 s target (show and sheet)."""
    if not per_group:
        return Text(text_doses.ALL_EXERCISES, style="dim")
    title = text_doses.per_side_heading(DOSE_TARGET)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, title=title,
                  title_justify="left")
    table.add_column("group")
    table.add_column("left", justify="right")
    table.add_column("right", justify="right")
    table.add_column("")
    for group, sides in per_group.items():
        met = meets_target(sides)
        mark = Text("target met", style="green") if met else Text("below target", style="yellow")
        table.add_row(group, f"{sides['left']:g} s", f"{sides['right']:g} s", mark)
    if not short_of_target(per_group):
        return table
    return Stack(table, Text(text_doses.below_target(DOSE_TARGET), style="dim"))


def validated(path: object) -> Text:
    """'ok  routines/mine.yaml': a file `validate` found good."""
    return Text.assemble(("ok", "green"), f"  {path}")
