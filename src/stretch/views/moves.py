"""What `stretch moves` shows: a move's dose as written and the person's own, the table of
moves, one move in full with its figure, and the JSON shape of DESIGN.md."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rich import box
from rich.console import Group as Stack
from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from stretch import text_doses, text_moves
from stretch.model import Item, Move, Routine
from stretch.plan import Timings, item_dose
from stretch.poses import figure_data
from stretch.steps import PYRAMID_STEP, ItemDose


def move_dose(move: Move, *, brief: bool = True) -> str:
    """A move's own dose, before any routine sets it: '30 s x 2' (brief) or in words."""
    return text_doses.dose_words(ItemDose(hold=move.hold, reps=move.reps or 1, tempo=move.tempo,
                          sided=move.sided, pause=move.pause), brief=brief)


def your_dose(mine: Item, settings: Timings) -> str:
    """A move on its own at a person's level (`dosing.alone`), as the timer runs it (holds
    scaled by `hold_scale`): '20 s x 3'."""
    assert mine.move is not None
    alone = Routine(id=mine.move.id, title=mine.move.name, summary="", rest=None, items=(mine,))
    return text_doses.dose_words(item_dose(mine, alone, settings), brief=True)


def doses(move: Move, yours: str | None) -> str:
    """'30 s x 2 as written; yours: 20 s x 3', or as written alone when the person's dose
    could not be read; a pyramid says its sets fall (the card shows one set)."""
    written = move_dose(move)
    falling = f", {PYRAMID_STEP} fewer reps each further set" if move.pyramid else ""
    if yours is None:
        return f"{written} as written{falling}"
    return (f"{written}, as written and yours" if yours == written else
            f"{written} as written; yours: {yours}") + falling


def move_json(move: Move) -> dict[str, object]:
    return {
        "id": move.id,
        "name": move.name,
        "kind": move.kind,
        "group": move.group,
        "sided": move.sided,
        "position": move.position,
        "hold": move.hold,
        "reps": move.reps,
        "tempo": move.tempo,
        "pause": move.pause,
        "switch": move.switch,
        "pyramid": move.pyramid,
        "needs": list(move.needs),
        "demands": list(move.asks),
        "setup": move.setup,
        "cues": list(move.cues),
        "cautions": list(move.cautions),
        "easier": move.easier,
        "harder": move.harder,
        "figure": figure_data(move.figure) if move.figure else None,
        "easier_move": move.easier_move,
        "harder_move": move.harder_move,
        "instead_of": list(move.instead_of),
    }


def moves_table(moves: Iterable[Move], yours: Mapping[str, str] | None = None) -> Table:
    """Name over id in one column keeps the table inside 80 columns. The id is what a
    person types, so it is never cut: the column is at least as wide as the longest id,
    and the other columns wrap first. A move's kind shows in its group (core and hip:
    exercises) and its dose, so it has no column: that leaves room at 80 columns for
    every name on one line (a name's last word wrapped reads as the next column's). The
    dose as written sits over `yours` (by move id), the person's own, when it could be
    read."""
    moves = list(moves)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, collapse_padding=True)
    table.add_column("move", min_width=max((len(m.id) for m in moves), default=4))
    table.add_column("group", overflow="fold")
    table.add_column("sides", overflow="fold")
    table.add_column("position", overflow="fold")
    table.add_column("written" if yours is None else "written\nyours", justify="right")
    for move in moves:
        name = Text.assemble((move.name, "bold"), "\n", (move.id, "cyan"))
        dosage = Text(move_dose(move))
        if yours is not None:
            dosage.append(f"\n{yours[move.id]}", style="bold")
        table.add_row(
            name, move.group,
            text_moves.sides(sided=move.sided, stretch=move.kind == "stretch", short=True),
            text_moves.position(move.position), dosage,
        )
    return table


def move_view(move: Move, used_in: Sequence[str], figure: Sequence[str] = (),
              yours: str | None = None) -> RenderableType:
    """One move in full; `figure` is its drawing as lines of text (braille), `yours` the
    person's dose of it (`your_dose`), None when it could not be read."""
    lines = [
        Text.assemble((move.name, "bold"), "  ", (f"({move.id})", "dim")),
        Text(", ".join(part for part in (
            move.kind, move.group, move.position,
            text_moves.sides(sided=move.sided, stretch=move.kind == "stretch")) if part)),
        Text(doses(move, yours)),
        Text(""),
        *_figure_lines(move, figure),
        Text(move.setup),
        Text(""),
        *[Text(f"  • {cue}") for cue in move.cues],
    ]
    if move.cautions:
        lines += [Text(""), *[Text(f"  ! {c}", style="yellow") for c in move.cautions]]
    if move.easier:
        lines += [Text(""), Text.assemble(("Easier:", "bold"), " ", move.easier)]
    if move.harder:
        lines += [Text.assemble(("Harder:", "bold"), " ", move.harder)]
    if used_in:
        lines += [Text(""), Text("In: " + ", ".join(used_in), style="dim")]
    return Panel(Stack(*lines), expand=False, box=box.ROUNDED)


def _figure_lines(move: Move, figure: Sequence[str]) -> list[Text]:
    """The drawing, then what it shows: 'start → end', 'left side shown'."""
    if not figure or move.figure is None:
        return []
    notes = (["start → end"] if move.figure.counted else []) + (
        ["left side shown"] if move.sided else [])
    caption = [Text(" · ".join(notes), style="dim")] if notes else []
    return [*(Text(line) for line in figure), *caption, Text("")]
