"""What the live view shows: one frame, a pure function of the session and the screen size.

Tests render frames into a recorded console; the loop in `live.py` only waits for keys
and redraws when what is on screen would change.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from stretch.model import Step
from stretch.session.engine import Command, Session
from stretch.text import clock, position, step_detail

KEYS_HELP = "space pause · n next · b back · q quit · ? help"
KEY_COMMANDS = {
    "space": Command.TOGGLE, "n": Command.NEXT, "right": Command.NEXT,
    "b": Command.BACK, "left": Command.BACK, "q": Command.STOP,
}
HELP_LINES = (
    ("space", "pause or resume"),
    ("n  →", "skip to the next step"),
    ("b  ←", "restart this step (twice: the step before)"),
    ("q", "stop the session"),
    ("Ctrl-Z", "suspend; `fg` comes back paused"),
    ("?", "show or hide this help"),
)
BANNERS = {"get-ready": "GET READY", "switch": "SWITCH SIDES", "rest": "REST",
           "transition": "CHANGE POSITION"}

# A 5-row block font; each '#' becomes two full blocks so digits look square.
FONT = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", " ##", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
}


def bar(fraction: float, width: int) -> Text:
    """A progress bar that reads without colour too: filled blocks, then light shade."""
    width = max(1, width)
    done = round(max(0.0, min(1.0, fraction)) * width)
    return Text.assemble(("█" * done, "green"), ("░" * (width - done), "dim"), no_wrap=True)


def big(text: str) -> list[str]:
    """`text` (digits and ':') as five lines of block characters."""
    rows = []
    for row in range(5):
        glyphs = [FONT[ch][row].replace("#", "██").replace(" ", "  ") for ch in text]
        rows.append(" ".join(glyphs))
    return rows


def countdown(seconds: float) -> str:
    """What the big digits show: whole seconds left, rounded up; m:ss from a minute."""
    whole = max(0, math.ceil(seconds - 1e-6))
    return f"{whole // 60}:{whole % 60:02}" if whole >= 60 else str(whole)


@dataclass(frozen=True, slots=True)
class View:
    """What the frame needs besides the session: the title and whether help is open."""

    title: str
    show_help: bool = False


def frame(session: Session, view: View, *, width: int, height: int) -> RenderableType:
    """One screenful for the current moment, fitted to `width` x `height`."""
    step = session.step
    remaining = session.remaining()
    lines: list[RenderableType] = [_header(session, view, width)]
    lines += _what(step)
    digits = countdown(remaining)
    rows = big(digits)
    style = "dim" if session.paused else "bold"
    if height >= 16 and len(rows[0]) <= width:
        lines += [Text(row, style=style, justify="center", no_wrap=True) for row in rows]
    else:
        lines.append(Text(digits, style=style + " reverse", justify="center"))
    lines.append(bar(1 - remaining / step.seconds if step.seconds else 1.0, width))
    lines.append(_detail(step, session.elapsed()))
    footer = Text(KEYS_HELP, style="dim", no_wrap=True, overflow="ellipsis", justify="center")
    room = height - len(lines) - 1
    body = _help_lines() if view.show_help else _instructions(session, width)
    if room > 1 and body:
        lines.append(Text(""))
        lines += body[: room - 1]
    lines += [Text("")] * (height - len(lines) - 1)  # keep the key help on the last row
    return Group(*lines, footer)


def _header(session: Session, view: View, width: int) -> RenderableType:
    total = sum(s.seconds for s in session.steps)
    left = session.remaining_total()
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(no_wrap=True, overflow="ellipsis", ratio=2)
    grid.add_column(ratio=3)
    grid.add_column(no_wrap=True, justify="right")
    status = "PAUSED" if session.paused else f"{clock(left)} left"
    overall = bar(1 - left / total if total else 1.0, max(5, width // 3))
    status_style = "bold yellow" if session.paused else ""
    grid.add_row(Text(view.title, style="bold"), overall, Text(status, style=status_style))
    return grid


def _what(step: Step) -> list[RenderableType]:
    """The move and side, or the kind of pause, in a line each."""
    move = step.move
    if move is None:
        banner = BANNERS.get(step.kind, step.label.upper())
        return [Text(banner, style="bold cyan", justify="center"),
                Text(step.label if step.kind == "transition" else "", justify="center")]
    where = f"{move.name} · {move.group} · {position(move.position)}"
    name = Text(where, style="bold", justify="center", no_wrap=True, overflow="ellipsis")
    side = {"left": "◀  LEFT SIDE", "right": "RIGHT SIDE  ▶", "both": "BOTH SIDES"}.get(
        step.side or "", ""
    )
    side_style = "bold reverse" if step.side in ("left", "right") else "bold"
    return [name, Text(side, style=side_style, justify="center")]


def _detail(step: Step, elapsed: float) -> Text:
    if step.kind == "count" and step.tempo:
        text = step_detail(step, rep=min(step.reps, int(elapsed // step.tempo) + 1))
    elif step.move is not None:
        text = step_detail(step)
    else:
        text = f"Up next: {step.next_label}" if step.next_label else ""
    return Text(text, justify="center", no_wrap=True, overflow="ellipsis")


def _instructions(session: Session, width: int) -> list[RenderableType]:
    """The move's setup and cues (or, in a pause, those of the move coming up)."""
    move = next((s.move for s in session.steps[session.index:] if s.move), None)
    if move is None:
        return []
    text = Text(move.setup, style="dim")
    cues = [Text("• " + cue) for cue in move.cues]
    console = Console(width=width, file=io.StringIO())
    lines: list[RenderableType] = []
    for part in (text, *cues):
        lines += list(part.wrap(console, width))
    return lines


def _help_lines() -> list[RenderableType]:
    return [Text.assemble((f"{key:>7}  ", "bold"), what) for key, what in HELP_LINES]


