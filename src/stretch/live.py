"""The live view of a running session, and the plain line output for non-terminals.

The frame is a pure function of the session's state and the screen size, so tests
render it into a recorded console; the loop around it only waits for keys and
redraws when what is on screen would change.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from stretch.engine import (
    Command,
    Event,
    Finished,
    Listener,
    Order,
    Session,
    StepStarted,
    Stopped,
    Summary,
    run_session,
)
from stretch.keys import RawKeys
from stretch.model import Step
from stretch.plan import clock_text, plural

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
    status = "PAUSED" if session.paused else f"{clock_text(left)} left"
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
    where = f"{move.name} · {move.group} · {move.position.replace('-', ' ')}"
    name = Text(where, style="bold", justify="center", no_wrap=True, overflow="ellipsis")
    side = {"left": "◀  LEFT SIDE", "right": "RIGHT SIDE  ▶", "both": "BOTH SIDES"}.get(
        step.side or "", ""
    )
    side_style = "bold reverse" if step.side in ("left", "right") else "bold"
    return [name, Text(side, style=side_style, justify="center")]


def _detail(step: Step, elapsed: float) -> Text:
    if step.kind == "count" and step.tempo:
        rep = min(step.reps, int(elapsed // step.tempo) + 1)
        text = f"rep {rep} of {step.reps} · {step.tempo} s each · set {step.set} of {step.sets}"
    elif step.kind == "hold":
        text = f"hold {step.rep} of {step.reps}"
    elif step.next_label:
        text = f"Up next: {step.next_label}"
    else:
        text = ""
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


class Screen:
    """The alternate screen: entered on start, left on every way out, redrawn whole."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.active = False
        self._last: str | None = None

    def enter(self) -> None:
        self.out.write("\x1b[?1049h\x1b[?25l\x1b[2J")
        self.out.flush()
        self.active = True
        self._last = None

    def leave(self) -> None:
        if self.active:
            self.active = False
            try:
                self.out.write("\x1b[?25h\x1b[?1049l")
                self.out.flush()
            except OSError:
                pass  # the terminal has gone away (SIGHUP)

    def size(self) -> tuple[int, int]:
        try:
            size = os.get_terminal_size(self.out.fileno())
        except (OSError, ValueError):
            return 80, 24
        return size.columns, size.lines

    def draw(self, renderable: RenderableType, width: int, height: int) -> None:
        """Render off-screen, then write the whole frame at once: no flicker, no scroll."""
        console = Console(file=io.StringIO(), width=width, height=height, force_terminal=True,
                          legacy_windows=False)
        console.print(renderable, end="")
        rows = console.file.getvalue().split("\n")[:height]  # type: ignore[attr-defined]
        text = "\x1b[H" + "\x1b[K\r\n".join(rows) + "\x1b[K\x1b[J"
        if text != self._last:
            self.out.write(text)
            self.out.flush()
            self._last = text


class LiveLoop:
    """Keys in, frames out: the waiter that `run_session` calls between deadlines."""

    def __init__(self, session: Session, view: View, screen: Screen) -> None:
        self.session = session
        self.view = view
        self.screen = screen
        self.keys = RawKeys(on_suspend=self._on_suspend, on_resume=self._on_resume)
        self._suspended_at: float | None = None
        self._shown: tuple[object, ...] | None = None

    def _on_suspend(self) -> None:
        self._suspended_at = self.session.clock.now()
        self.screen.leave()

    def _on_resume(self) -> None:
        self.screen.enter()
        self._shown = None

    def listener(self, event: Event) -> None:
        if isinstance(event, StepStarted):
            self._shown = None
        self.redraw()

    def redraw(self) -> None:
        """Draw only when what the screen shows would change (a second, a step, a key)."""
        if not self.screen.active:
            return
        width, height = self.screen.size()
        session = self.session
        state = (session.index, countdown(session.remaining()), session.paused,
                 self.view.show_help, width, height,
                 int(session.elapsed() // (session.step.tempo or 1)))
        if state != self._shown:
            self._shown = state
            self.screen.draw(frame(session, self.view, width=width, height=height), width, height)

    def wait(self, deadline: float) -> Command | Order | None:
        if self._suspended_at is not None:
            at, self._suspended_at = self._suspended_at, None
            return Order(Command.PAUSE, at)
        if self.keys.resized:
            self.keys.resized = False
            self._shown = None
            self.redraw()
        key = self.keys.read_key(self.session.clock.real_seconds_until(deadline))
        if key == "?":
            self.view = View(self.view.title, show_help=not self.view.show_help)
            self.redraw()
            return None
        return KEY_COMMANDS.get(key or "")


def ring() -> None:
    """The terminal bell: one byte straight to the terminal, safe from any thread."""
    with contextlib.suppress(OSError):
        os.write(sys.stdout.fileno(), b"\a")


def run_live(
    session: Session, *, title: str, listeners: Sequence[Listener], bell: bool,
    out: TextIO | None = None,
) -> Summary:
    """Guide a session full-screen in the terminal, restoring it on every way out."""
    from stretch.cues import Bell

    out = out or sys.stdout
    screen = Screen(out)
    loop = LiveLoop(session, View(title), screen)
    extra: list[Listener] = [loop.listener]
    if bell:
        extra.append(Bell(ring))
    with loop.keys:
        screen.enter()
        try:
            return run_session(session, wait=loop.wait, listeners=[*listeners, *extra])
        finally:
            screen.leave()


class PlainPrinter:
    """One plain line per step for pipes and screen readers, then a summary line."""

    def __init__(self, write: Callable[[str], None], title: str) -> None:
        self.write = write
        self.title = title
        self.origin: float | None = None

    def __call__(self, event: Event) -> None:
        if isinstance(event, StepStarted):
            if self.origin is None:
                self.origin = event.at
            step = event.step
            label = step.description
            if step.move is None and step.next_label:
                label += f" (next: {step.next_label})"
            self.write(f"{clock_text(event.at - self.origin)}  {label}  {step.seconds:g} s")
        elif isinstance(event, (Finished, Stopped)):
            self.write(summary_line(event.summary, self.title))


def summary_line(summary: Summary, title: str) -> str:
    """'Completed Hip reset in 10:40: 20 holds and sets done, no steps skipped.'"""
    status = "Completed" if summary.status == "completed" else "Stopped"
    skipped = plural(summary.steps_skipped, "step") if summary.steps_skipped else "no steps"
    return (
        f"{status} {title} after {clock_text(summary.active_seconds)}: "
        f"{plural(summary.holds_done, 'hold')} and sets done, {skipped} skipped."
    )


def run_plain(
    session: Session, *, title: str, listeners: Sequence[Listener], write: Callable[[str], None]
) -> Summary:
    """No terminal: print lines as steps start, waiting on the clock, reading no keys."""
    printer = PlainPrinter(write, title)
    return run_session(session, wait=session.clock.sleep_until, listeners=[*listeners, printer],
                       refresh=1.0)
