"""The routine sheet: what to pin on the wall, in terminal, text and Markdown forms.

`build` gathers everything a sheet shows from the routine and the catalogue once; each
form only lays it out, so the four forms always say the same thing.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from stretch.model import WEEKDAYS, Avoid, Catalogue, Item, Move, Notes, Routine
from stretch.model import Group as MuscleGroup
from stretch.plan import DOSE_TARGET, PlanSettings, clock_text, dose, groups, plan, total_seconds
from stretch.views import dose_table

FORMATS = ("terminal", "text", "markdown", "html")
LOG_WEEKS = 4
DAY_NAMES = tuple(d.title() for d in WEEKDAYS)


@dataclass(frozen=True, slots=True)
class Entry:
    """One move of the routine as the sheet lists it."""

    number: int
    move: Move
    dose: str
    rest_before: int  # an explicit rest written just before this move, in seconds


@dataclass(frozen=True, slots=True)
class Sheet:
    routine: Routine
    seconds: float
    groups: tuple[MuscleGroup, ...]
    entries: tuple[Entry, ...]
    dose: dict[MuscleGroup, dict[str, float]]
    notes: Notes | None
    avoid: tuple[Avoid, ...]

    @property
    def minutes(self) -> str:
        return clock_text(self.seconds)


def item_dose(item: Item, move: Move) -> str:
    """'30 s x 2 per side' or '10 reps x 4 s, 2 sets': the dose as a person reads it."""
    if item.tempo is not None:
        text = f"{item.reps} reps x {item.tempo} s"
        if item.sets > 1:
            text += f", {item.sets} sets"
    else:
        rounds = item.reps * item.sets
        text = f"{item.hold} s" + (f" x {rounds}" if rounds > 1 else "")
    return text + (" per side" if move.sided else "")


def build(routine: Routine, catalogue: Catalogue, settings: PlanSettings | None = None) -> Sheet:
    steps = plan(routine, settings)
    entries: list[Entry] = []
    rest = 0
    for item in routine.items:
        if item.move is None:
            rest += item.rest or 0
            continue
        entries.append(Entry(len(entries) + 1, item.move, item_dose(item, item.move), rest))
        rest = 0
    return Sheet(
        routine=routine,
        seconds=total_seconds(steps),
        groups=tuple(groups(routine)),
        entries=tuple(entries),
        dose=dose(steps),
        notes=catalogue.notes,
        avoid=tuple(catalogue.avoid.values()),
    )


def run_on(items: tuple[str, ...]) -> str:
    """Items as one sentence's list: 'chest pain; weakness in both legs'."""
    return "; ".join(item[0].lower() + item[1:] for item in items)


def meta(entry: Entry) -> str:
    move = entry.move
    return f"{move.group} · {move.position.replace('-', ' ')} · {entry.dose}"


# --- terminal ----------------------------------------------------------------------

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
    """Name and dose, setup, then cues and cautions with a hanging indent."""
    head = Text.assemble((f"{entry.number}. {entry.move.name}", "bold"), "  ",
                         (meta(entry), "dim"))
    if entry.rest_before:
        head = Text.assemble((f"(rest {entry.rest_before} s first) ", "dim"), head)
    points = Table.grid(padding=(0, 1))
    points.add_column(width=3, justify="right")
    points.add_column()
    for cue in entry.move.cues:
        points.add_row("•", cue)
    for caution in entry.move.cautions:
        points.add_row(Text("!", style="yellow"), Text(caution, style="yellow"))
    return Group(head, Text(entry.move.setup), points)


def _log_table(sheet: Sheet) -> RenderableType:
    moves = Table(title="Tick off as you go", box=box.SIMPLE_HEAD, title_justify="left")
    moves.add_column("move")
    moves.add_column("left")
    moves.add_column("right")
    for entry in sheet.entries:
        left, right = ("[ ]", "[ ]") if entry.move.sided else ("[ ] both", "")
        moves.add_row(entry.move.name, left, right)
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
        parts.append(Panel(sheet.notes.why_hips, title="Why hips, not the lower back",
                           box=box.ROUNDED, width=80))
    for avoid in sheet.avoid:
        instead = ", ".join(m.name for m in avoid.instead)
        parts.append(Text.assemble(("Avoid: ", "bold red"), avoid.name, "\n", avoid.why,
                                   "\n", ("Instead: ", "bold"), instead))
    if sheet.notes:
        safety = sheet.notes.safety
        text = (f"Get urgent help if back pain comes with: {run_on(safety.emergency)}.\n"
                f"See a doctor soon if: {run_on(safety.see_a_doctor)}.\n{safety.stop}")
        parts.append(Panel(text, title="Safety", box=box.ROUNDED, width=80))
    return parts


# --- plain text --------------------------------------------------------------------

def text(sheet: Sheet, width: int = 78) -> str:
    """Plain text for `lp` or a notes file: no escape codes, wrapped to `width`."""
    routine = sheet.routine
    out: list[str] = [routine.title.upper(), "=" * len(routine.title),
                      f"Time: {sheet.minutes} · " + ", ".join(sheet.groups)]
    out += [*_wrap(routine.summary, width), ""]
    for entry in sheet.entries:
        if entry.rest_before:
            out.append(f"(rest {entry.rest_before} s first)")
        out.append(f"{entry.number}. {entry.move.name}  ({meta(entry)})")
        out += _wrap(entry.move.setup, width, "   ")
        out += [line for cue in entry.move.cues for line in _wrap(cue, width, "   - ", "     ")]
        out += [line for c in entry.move.cautions for line in _wrap(c, width, "   ! ", "     ")]
        out.append("")
    out += ["STRETCH PER SIDE (target 60 s)"]
    out += [f"  {group:<9} left {sides['left']:>4g} s   right {sides['right']:>4g} s"
            for group, sides in sheet.dose.items()]
    if not sheet.dose:
        out.append("  no stretch holds: this routine is all exercises")
    out += ["", "TICK OFF AS YOU GO"]
    for entry in sheet.entries:
        boxes = "[ ] left  [ ] right" if entry.move.sided else "[ ] both sides"
        out.append(f"  {entry.move.name:<36} {boxes}")
    out += ["", "         " + "  ".join(f"{d:<3}" for d in DAY_NAMES)]
    out += [f"  week {w}  " + "  ".join("[ ]" for _ in DAY_NAMES) for w in range(1, LOG_WEEKS + 1)]
    out += ["", *_text_notes(sheet, width)]
    return "\n".join(out).rstrip() + "\n"


def _wrap(value: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    return textwrap.wrap(value, width, initial_indent=first,
                         subsequent_indent=first if rest is None else rest) or [first]


def _text_notes(sheet: Sheet, width: int) -> list[str]:
    out: list[str] = []
    if sheet.notes:
        out += ["WHY HIPS, NOT THE LOWER BACK", *_wrap(sheet.notes.why_hips, width, "  "), ""]
    if sheet.avoid:
        out.append("STRETCHES TO AVOID")
        for avoid in sheet.avoid:
            out += _wrap(f"{avoid.name}: {avoid.why}", width, "  - ", "    ")
            out += _wrap("Instead: " + ", ".join(m.name for m in avoid.instead), width, "    ")
        out.append("")
    if sheet.notes:
        safety = sheet.notes.safety
        out.append("SAFETY")
        out += _wrap(f"Get urgent help if back pain comes with: {run_on(safety.emergency)}.",
                     width, "  ")
        out += _wrap(f"See a doctor soon if: {run_on(safety.see_a_doctor)}.", width, "  ")
        out += _wrap(safety.stop, width, "  ")
    return out


# --- markdown ----------------------------------------------------------------------

def markdown(sheet: Sheet) -> str:
    """Headings, lists and tables that render well on common Markdown viewers."""
    routine = sheet.routine
    out = [f"# {routine.title}", "", routine.summary, "",
           f"**Time:** {sheet.minutes} · **Groups:** {', '.join(sheet.groups)}", "",
           "## The moves", ""]
    for entry in sheet.entries:
        if entry.rest_before:
            out += [f"*Rest {entry.rest_before} s first.*", ""]
        out += [f"### {entry.number}. {entry.move.name}", "", f"*{meta(entry)}*", "",
                entry.move.setup, ""]
        out += [f"- {cue}" for cue in entry.move.cues] + [""]
        out += [f"> **Caution:** {c}" for c in entry.move.cautions]
        out += [""] if entry.move.cautions else []
    out += [f"## Stretch per side (target {DOSE_TARGET} s)", ""]
    if sheet.dose:
        out += ["| group | left | right |", "|---|---:|---:|"]
        out += [f"| {g} | {s['left']:g} s | {s['right']:g} s |" for g, s in sheet.dose.items()]
    else:
        out.append("No stretch holds: this routine is all exercises.")
    out += ["", "## Tick off as you go", "", "| move | left | right |", "|---|:---:|:---:|"]
    for entry in sheet.entries:
        cells = "☐ | ☐" if entry.move.sided else "☐ both |"
        out.append(f"| {entry.move.name} | {cells} |")
    out += ["", "| week | " + " | ".join(DAY_NAMES) + " |", "|---|" + ":---:|" * 7]
    boxes = " | ".join("☐" for _ in DAY_NAMES)
    out += [f"| {week} | {boxes} |" for week in range(1, LOG_WEEKS + 1)]
    out += ["", *_markdown_notes(sheet)]
    return "\n".join(out).rstrip() + "\n"


def _markdown_notes(sheet: Sheet) -> list[str]:
    out: list[str] = []
    if sheet.notes:
        out += ["## Why hips, not the lower back", "", sheet.notes.why_hips, ""]
    if sheet.avoid:
        out += ["## Stretches to avoid", ""]
        for avoid in sheet.avoid:
            instead = ", ".join(m.name for m in avoid.instead)
            out += [f"- **{avoid.name}.** {avoid.why} *Instead:* {instead}."]
        out.append("")
    if sheet.notes:
        safety = sheet.notes.safety
        out += ["## Safety", "", "Get urgent help if back pain comes with:", ""]
        out += [f"- {flag}" for flag in safety.emergency]
        out += ["", "See a doctor soon if:", ""] + [f"- {flag}" for flag in safety.see_a_doctor]
        out += ["", f"**{safety.stop}**"]
    return out
