"""The safety note and the stretches to avoid, as the terminal shows them.

Shown before the first session and after a high rating (compact, the emergency signs
last), under every routine (`show`, `today --preview`) in brief, and in full by
`stretch avoid`; the sheet lays out the same notes for print.
"""

from __future__ import annotations

from rich import box
from rich.console import Group as Stack
from rich.console import RenderableType
from rich.panel import Panel
from rich.text import Text

from stretch import text
from stretch.model import Avoid, Catalogue, Notes


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
        parts.append(Panel(Text(catalogue.notes.why_hips), title=text.WHY_HIPS,
                           expand=False, box=box.ROUNDED))
    for avoid in catalogue.avoid.values():
        lines = [Text(f"Avoid: {avoid.name}", style="bold red")]
        if avoid.description:
            lines.append(Text(avoid.description))
        lines += [Text(""), Text.assemble(("Why:", "bold"), " ", avoid.why), Text(""),
                  Text("Do instead:", style="bold")]
        lines += [Text.assemble(f"  • {m.name} ", (f"({m.id})", "dim")) for m in avoid.instead]
        parts.append(Panel(Stack(*lines), expand=False, box=box.ROUNDED))
    if catalogue.notes:
        parts.append(safety_view(catalogue.notes, title=text.SAFETY))
    return Stack(*parts)


def safety_view(notes: Notes, title: str = text.BEFORE_YOU_START, *,
                boxed: bool = True) -> RenderableType:
    """The red flags, who should check first, and the stop rule: before the first session
    ever, and in `stretch avoid`; without a box for `--plain` and TERM=dumb, where a
    screen reader would read out every edge."""
    safety = notes.safety
    lines = [Text(f"{text.URGENT}:", style="bold red")]
    lines += [Text(f"  • {flag}") for flag in safety.emergency]
    lines += [Text(""), Text(f"{text.SEE_A_DOCTOR}:", style="bold yellow")]
    lines += [Text(f"  • {flag}") for flag in safety.see_a_doctor]
    lines += [Text(""), Text(text.CHECK_FIRST), Text(""), Text(safety.stop, style="bold")]
    if not boxed:
        return Stack(Text(title, style="bold"), *lines, Text(""))
    return Panel(Stack(*lines), title=title, expand=False, box=box.ROUNDED)


def safety_compact(notes: Notes, title: str = text.BEFORE_YOU_START) -> RenderableType:
    """The safety note when a question follows it ("Ready to start?", "Start gently?"):
    no box, the stop rule and the GP signs as running text, and the emergency signs last,
    one a line, just above the question. So at 80 x 24 all of it is on screen when the
    person answers; in a smaller window what scrolls away first is the least urgent."""
    safety = notes.safety
    lines = [Text(title, style="bold"),
             Text.assemble((safety.stop, "bold"), " ", text.CHECK_FIRST), Text(),
             Text.assemble((f"{text.SEE_A_DOCTOR}:", "bold yellow"), " ",
                           f"{text.run_on(safety.see_a_doctor)}."), Text(),
             Text(f"{text.URGENT}:", style="bold red")]
    lines += [Text(f"  • {flag}") for flag in safety.emergency]
    return Stack(*lines, Text())


def safety_brief(notes: Notes) -> RenderableType:
    """The stop rule and the emergency signs in a few lines, under a routine's steps."""
    safety = notes.safety
    return Text.assemble(
        (safety.stop, "bold"), " ", text.CHECK_FIRST, "\n",
        (f"{text.URGENT}: ", "bold red"), f"{text.run_on(safety.emergency)}.",
        (" The full safety note: stretch avoid.", "dim"),
    )
