"""The safety note and the stretches to avoid, as the terminal shows them.

Three forms of the one note, each with the heading its moment calls for (text_safety.py):
- in full (`safety_view`): every sign, one a line, the most urgent first: `stretch avoid`
  and `stretch learn get-help`;
- compact (`safety_compact`), the emergency signs last, one a line, so they are on screen
  at whatever follows: before a question ("Ready to start?", "Start gently?") in its
  short form, the other signs summed up in a line that names the command showing them
  all (so the first-run screen fits 80 x 24 with its question); after a high rating with
  no question to follow, with the other signs run on in full;
- in brief (`safety_brief`), under every routine (`show`, `today --preview`).
The sheet lays out the same note for print.
"""

from __future__ import annotations

from rich import box
from rich.console import Group as Stack
from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from stretch import text, text_safety
from stretch.model import Avoid, Catalogue, Notes

LEVEL_STYLES = ("bold red", "bold yellow", "bold")  # emergency, today, soon


def bullets(points: tuple[str, ...]) -> Table:
    """Points one a line, each with a bullet and a hanging indent."""
    table = Table.grid(padding=(0, 1))
    table.add_column(width=3, justify="right")
    table.add_column()
    for point in points:
        table.add_row("•", Text(point))
    return table


def avoid_json(avoid: Avoid) -> dict[str, object]:
    return {
        "id": avoid.id,
        "name": avoid.name,
        "description": avoid.description,
        "why": avoid.why,
        "instead": [{"id": m.id, "name": m.name} for m in avoid.instead],
        "known_as": list(avoid.known_as),
        "held_only": avoid.held_only,
    }


def avoid_view(catalogue: Catalogue) -> RenderableType:
    parts: list[RenderableType] = []
    if catalogue.notes:
        parts.append(Panel(Text(catalogue.notes.why_hips), title=text_safety.WHY_HIPS,
                           expand=False, box=box.ROUNDED))
    if catalogue.avoid:
        parts += [Text(text_safety.AVOID, style="bold"), Text(text_safety.AVOID_INSTEAD)]
    for avoid in catalogue.avoid.values():
        lines = [Text(f"Avoid: {avoid.name}", style="bold")]
        if avoid.description:
            lines.append(Text(avoid.description))
        lines += [Text(""), Text.assemble(("Why:", "bold"), " ", avoid.why), Text(""),
                  Text("Do instead:", style="bold")]
        lines += [Text.assemble(f"  • {m.name} ", (f"({m.id})", "dim")) for m in avoid.instead]
        parts.append(Panel(Stack(*lines), expand=False, box=box.ROUNDED))
    if catalogue.notes:
        parts.append(safety_view(catalogue.notes, title=text_safety.SAFETY))
    return Stack(*parts)


def safety_view(notes: Notes, title: str = text_safety.WHEN_TO_GET_HELP, *,
                boxed: bool = True) -> RenderableType:
    """The whole note: every red flag one a line, the most urgent first, what one sign
    means, who should check first, and the stop rule; without a box for `--plain`, a
    pipe and TERM=dumb, where a screen reader would read out every edge."""
    lines = safety_lines(notes)
    if not boxed:
        return Stack(Text(title, style="bold"), *lines, Text(""))
    return Panel(Stack(*lines), title=title, expand=False, box=box.ROUNDED)


def safety_lines(notes: Notes) -> list[RenderableType]:
    """The whole note's lines, without a heading (`stretch learn get-help` puts them
    under its own words)."""
    safety = notes.safety
    lines: list[RenderableType] = []
    for (heading, flags), style in zip(text_safety.red_flags(safety), LEVEL_STYLES, strict=False):
        lines += [Text(f"{heading}:", style=style), bullets(flags), Text("")]
    return [*lines, Text(text_safety.RARE), Text(""), Text(text_safety.CHECK_FIRST), Text(""),
            Text(safety.stop, style="bold")]


def safety_compact(notes: Notes, title: str = text_safety.BEFORE_YOU_START, *,
                   short: bool = True) -> RenderableType:
    """The note when something follows it that must not push the emergency signs away:
    no box, the stop rule first, and the emergency signs last, one a line. `short`
    (before a question: "Ready to start?", "Start gently?"): the other signs summed up in
    a line naming the command that lists them, so at 80 x 24 all of it is on screen when
    the person answers; otherwise (after a high rating) the other signs run on in full.
    In a smaller window what scrolls away first is the least urgent."""
    safety = notes.safety
    emergency, *others = text_safety.red_flags(safety)
    lines: list[RenderableType] = [
        Text(title, style="bold"),
        Text.assemble((safety.stop, "bold"), " ", text_safety.CHECK_FIRST), Text()]
    if short:
        lines += [Text(text_safety.others_in_short(safety)), Text()]
    else:
        for (heading, flags), style in zip(others, LEVEL_STYLES[1:], strict=False):
            lines += [Text.assemble((f"{heading}:", style), " ", f"{text.run_on(flags)}."),
                      Text()]
        lines += [Text(text_safety.RARE), Text()]
    lines += [Text(f"{emergency[0]}:", style=LEVEL_STYLES[0]), bullets(emergency[1])]
    return Stack(*lines, Text())


def safety_brief(notes: Notes) -> RenderableType:
    """The stop rule and the emergency signs in a few lines, under a routine's steps, and
    where the other signs are."""
    safety = notes.safety
    return Text.assemble(
        (safety.stop, "bold"), " ", text_safety.CHECK_FIRST, "\n",
        (f"{text_safety.URGENT}: ", "bold red"), f"{text.run_on(safety.emergency)}.",
        (f" Every sign to get checked for: {text_safety.FULL_NOTE}.", "dim"),
    )
