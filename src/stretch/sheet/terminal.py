"""The sheet in the terminal: Rich panels that fit 80 columns."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from stretch import text
from stretch.figures import braille
from stretch.sheet.model import DAY_NAMES, LOG_WEEKS, Entry, Sheet, meta
from stretch.views import dose_table

FIGURE = (20, 8)  # a move's figure in its card: columns and rows of braille


def terminal(sheet: Sheet) -> RenderableType:
    """A Rich rendering that fits 80 columns."""
    routine = sheet.routine
    parts: list[RenderableType] = [
        Text.assemble((routine.title, "bold"), f"   {sheet.minutes} · " + ", ".join(sheet.groups)),
        Text(routine.summary, style="dim"),
        Text(""),
    ]
    for entry in sheet.entries:
        parts.append(Panel(_move_card(entry), box=box.ROUNDED, width=80))
    parts += [dose_table(sheet.dose), _log_table(sheet), *_notes(sheet)]
    return Group(*parts)


def _move_card(entry: Entry) -> RenderableType:
    """Name and dose, then setup, cues and cautions (hanging indent) beside the figure."""
    head = Text.assemble((f"{entry.number}. {entry.move.name}", "bold"), "  ",
                         (meta(entry), "dim"))
    if entry.rest_before:
        head = Text.assemble((f"(rest {entry.rest_before} s first) ", "dim"), head)
    points = Table.grid(padding=(0, 1))
    points.add_column(width=3, justify="right")
    points.add_column()
    for cue in entry.move.cues:
        points.add_row("•", Text(cue))
    for caution in entry.move.cautions:
        points.add_row(Text("!", style="yellow"), Text(caution, style="yellow"))
    words = Group(Text(entry.move.setup), points)
    figure = entry.move.figure
    if figure is None:
        return Group(head, words)
    beside = Table.grid(padding=(0, 0, 0, 2))
    beside.add_column(ratio=1)
    beside.add_column(width=FIGURE[0] + 2, no_wrap=True)  # the width counts the padding
    lines = braille.render(figure, width=FIGURE[0], height=FIGURE[1])
    beside.add_row(words, Text("\n".join(lines).rstrip()))
    return Group(head, beside)


def _log_table(sheet: Sheet) -> RenderableType:
    moves = Table(title="Tick off as you go", box=box.SIMPLE_HEAD, title_justify="left")
    moves.add_column("move")
    moves.add_column("left")
    moves.add_column("right")
    for entry in sheet.entries:
        left, right = ("[ ]", "[ ]") if entry.move.sided else ("[ ] both", "")
        moves.add_row(Text(entry.move.name), left, right)
    days = Table(title=f"{LOG_WEEKS} weeks", box=box.SIMPLE_HEAD, title_justify="left")
    days.add_column("")
    for name in DAY_NAMES:
        days.add_column(name)
    for week in range(1, LOG_WEEKS + 1):
        days.add_row(f"week {week}", *["[ ]"] * 7)
    return Group(moves, days)


def _notes(sheet: Sheet) -> list[RenderableType]:
    parts: list[RenderableType] = []
    if sheet.notes:
        parts.append(Panel(Text(sheet.notes.why_hips), title=text.WHY_HIPS, box=box.ROUNDED,
                           width=80))
    for avoid in sheet.avoid:
        instead = ", ".join(m.name for m in avoid.instead)
        parts.append(Text.assemble(("Avoid: ", "bold red"), avoid.name, "\n", avoid.why,
                                   "\n", ("Instead: ", "bold"), instead))
    if sheet.notes:
        safety = sheet.notes.safety
        body = Text(f"{text.URGENT}: {text.run_on(safety.emergency)}.\n"
                    f"{text.SEE_A_DOCTOR}: {text.run_on(safety.see_a_doctor)}.\n{safety.stop}")
        parts.append(Panel(body, title=text.SAFETY, box=box.ROUNDED, width=80))
    return parts


