"""The sheet in the terminal: Rich panels that fit 80 columns, with the text form's content."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from stretch import text_safety
from stretch.errors import printable
from stretch.figures import braille
from stretch.poses import SIDE_SHOWN
from stretch.sheet.model import LOG_WEEKS, Entry, Sheet, day_label, meta
from stretch.views.routines import dose_table
from stretch.views.safety import LEVEL_STYLES

WIDTH = 80
FIGURE = (20, 8)  # a move's figure in its card: columns and rows of braille


def terminal(sheet: Sheet) -> RenderableType:
    """A Rich rendering that fits 80 columns."""
    routine = sheet.routine
    facts = Table.grid(padding=(0, 1))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    for label, value in sheet.facts:
        facts.add_row(f"{label}:", Text(value))
    dated = [Text(sheet.dated, style="dim")] if sheet.dated else []
    parts: list[RenderableType] = [
        *_handout(sheet), Text(routine.title, style="bold"), Text(routine.summary, style="dim"),
        facts, *dated, Text(""), *_safety(sheet),
    ]
    for entry in sheet.entries:
        parts.append(Panel(_move_card(entry), box=box.ROUNDED, width=WIDTH))
    parts += [_log_table(sheet), dose_table(sheet.dose), *_about(sheet)]
    return Group(*parts)


def _handout(sheet: Sheet) -> list[RenderableType]:
    """Who the sheet is for and from, the review date and the note, above the title."""
    handout = sheet.handout
    rows = [*handout.people, *([("Note", handout.note)] if handout.note else [])]
    if not rows:
        return []
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for label, value in rows:
        table.add_row(f"{label}:", Text(printable(value)))
    return [table, Text("")]


def _move_card(entry: Entry) -> RenderableType:
    """Name, what and where, the dose, then setup, cues and cautions (hanging indent) and
    the easier and harder versions, beside the figure."""
    move = entry.move
    head = Text.assemble((f"{entry.number}. {move.name}", "bold"), "  ", (meta(entry), "dim"))
    if entry.rest_before:
        head = Text.assemble((f"(rest {entry.rest_before} s first) ", "dim"), head)
    points = Table.grid(padding=(0, 1))
    points.add_column(width=3, justify="right")
    points.add_column()
    for cue in move.cues:
        points.add_row("•", Text(cue))
    for caution in move.cautions:
        points.add_row(Text("!", style="yellow"), Text(caution, style="yellow"))
    for label, variant in (("Easier", move.easier), ("Harder", move.harder)):
        if variant:
            points.add_row("", Text.assemble((f"{label}: ", "bold"), variant))
    words = Group(Text(move.setup), points)
    dose = Text(entry.dose, style="bold")
    figure = move.figure
    if figure is None:
        return Group(head, dose, words)
    beside = Table.grid(padding=(0, 0, 0, 2))
    beside.add_column(ratio=1)
    beside.add_column(width=FIGURE[0] + 2, no_wrap=True)  # the width counts the padding
    lines = braille.render(figure, width=FIGURE[0], height=FIGURE[1])
    beside.add_row(words, Text("\n".join(lines).rstrip()))
    if move.sided:  # under the card, on one line: the figure's column is too narrow
        return Group(head, dose, beside, Text(SIDE_SHOWN, style="dim", justify="right"))
    return Group(head, dose, beside)


def _log_table(sheet: Sheet) -> RenderableType:
    """A box for each planned day of each week: the days down, the weeks across."""
    days = Table(box=box.SIMPLE_HEAD)
    days.add_column("week")
    for week in range(1, LOG_WEEKS + 1):
        days.add_column(str(week), justify="center")
    for day in sheet.log_days:
        days.add_row(day_label(day), *["[ ]"] * LOG_WEEKS)
    return Group(Text(f"Your {LOG_WEEKS} weeks: tick each session", style="bold"), days)


def _safety(sheet: Sheet) -> list[RenderableType]:
    if not sheet.notes:
        return []
    safety = sheet.notes.safety
    body = Text()
    for (heading, flags), style in zip(text_safety.red_flags(safety), LEVEL_STYLES, strict=False):
        body.append(f"{heading}:", style=style)
        for flag in flags:
            body.append(f"\n  • {flag}")
        body.append("\n\n")
    body.append_text(Text.assemble(text_safety.RARE, "\n\n", text_safety.CHECK_FIRST, "\n",
                                   (safety.stop, "bold")))
    return [Panel(body, title=text_safety.SAFETY, box=box.ROUNDED, width=WIDTH)]


def _about(sheet: Sheet) -> list[RenderableType]:
    parts: list[RenderableType] = []
    if sheet.notes:
        parts.append(Panel(Text(sheet.notes.why_hips), title=text_safety.WHY_HIPS, box=box.ROUNDED,
                           width=WIDTH))
    if sheet.avoid:
        parts += [Text(text_safety.AVOID, style="bold"), Text(text_safety.AVOID_INSTEAD)]
    for avoid in sheet.avoid:
        looks = f"\n{avoid.description}" if avoid.description else ""
        better = text_safety.instead(avoid.instead)
        parts.append(Text.assemble(("Avoid: ", "bold"), avoid.name, looks,
                                   ("\n" + better, "green") if better else ""))
    return parts
