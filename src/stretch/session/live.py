"""The live view's loop: the alternate screen, keys in, frames out, the terminal restored.

Rich writes the screen's control codes (alternate screen, cursor) and each line's
styles; a frame comes cut to exactly the window's size and is written whole, only when
what it shows changes, so nothing flickers and an idle second costs almost nothing.
When a routine runs to its end, its summary stays up until a key is pressed.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TextIO

from rich.console import COLOR_SYSTEMS, Console
from rich.control import Control
from rich.segment import ControlType
from rich.text import Text

from stretch.session import motion
from stretch.session.ending import Ending, end_frame, ending
from stretch.session.engine import (
    Command,
    Event,
    Finished,
    Listener,
    Order,
    Session,
    StepStarted,
    Summary,
    run_session,
)
from stretch.session.keys import RawKeys
from stretch.session.picture import figure_frame
from stretch.session.view import KEY_COMMANDS, View, countdown, frame, number

HOME = str(Control.home())  # the cursor to the top left
ERASE_LINE = str(Control((ControlType.ERASE_IN_LINE, 0)))  # from the cursor to the row's end
DEFAULT_SIZE = (80, 24)  # when the terminal does not say (a pty with no size set)
END_POLL = 0.25  # seconds between looks at the window's size on the end screen
ROWS_KEPT = 2000  # rows whose escape codes are remembered (a few frames of a big window)


class Screen:
    """The alternate screen: entered on start, left on every way out, redrawn whole."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.console = Console(file=out, force_terminal=True, legacy_windows=False, markup=False)
        self.active = False
        self._last: str | None = None
        self._rows: dict[tuple[object, ...], str] = {}  # a row's escape codes by its content

    def enter(self) -> None:
        self.console.set_alt_screen(True)
        self.console.show_cursor(False)
        self.console.control(Control.clear())
        self.active = True
        self._last = None

    def leave(self) -> None:
        if self.active:
            self.active = False
            with contextlib.suppress(OSError):  # the terminal has gone away (SIGHUP)
                self.console.show_cursor(True)
                self.console.set_alt_screen(False)

    def size(self) -> tuple[int, int]:
        """Columns and rows; a terminal that reports no size gets the usual 80 x 24."""
        try:
            size = os.get_terminal_size(self.out.fileno())
        except (OSError, ValueError):
            return DEFAULT_SIZE
        if size.columns <= 0 or size.lines <= 0:
            return DEFAULT_SIZE
        return size.columns, size.lines

    def draw(self, lines: Sequence[Text], width: int, height: int) -> None:
        """Write a frame whole, from the top left, if it differs from the last one.

        The lines come cut to the width already, so each is turned into escape codes
        directly (no wrapping, no measuring); a row seen in the last frames is not turned
        again (a moving figure changes a few rows of a frame), and the rest of each row,
        and rows below the frame, are erased.
        """
        rows = [self._row(line) for line in list(lines)[:height]]
        rows += [""] * (height - len(rows))
        text = HOME + (ERASE_LINE + "\r\n").join(rows) + ERASE_LINE
        if text != self._last:
            self.out.write(text)
            self.out.flush()
            self._last = text

    def _row(self, line: Text) -> str:
        """One row's escape codes, remembered by what it shows."""
        key = (line.plain, str(line.style),
               tuple((span.start, span.end, str(span.style)) for span in line.spans))
        row = self._rows.get(key)
        if row is None:
            if len(self._rows) >= ROWS_KEPT:
                self._rows.clear()
            row = self._rows[key] = self._render(line)
        return row

    def _render(self, line: Text) -> str:
        colours = COLOR_SYSTEMS.get(self.console.color_system or "")
        plain = self.console.no_color
        parts = []
        styled = Text()  # Text.render() drops a line's own style unless it is a span:
        styled.append(line)  # appended, it becomes one (the big PAUSED, LEFT, RIGHT)
        for segment in styled.render(self.console):
            style = segment.style
            if style and plain:
                style = style.without_color
            parts.append(style.render(segment.text, color_system=colours)
                         if style else segment.text)
        return "".join(parts)


class LiveLoop:
    """Keys in, frames out: the waiter that `run_session` calls between deadlines."""

    def __init__(self, session: Session, view: View, screen: Screen, *,
                 fd: int | None = None) -> None:
        from stretch.session.stops import Awake

        self.session = session
        self.view = view
        self.screen = screen
        self.awake = Awake(session)  # Ctrl-Z and SIGSTOP: the gap is paused time
        self.keys = RawKeys(fd, on_suspend=self._on_suspend, on_resume=self._on_resume,
                            on_continue=self.awake.continued)
        self._shown: tuple[object, ...] | None = None
        self.finished = False  # the routine ran to its end (not stopped with q)

    def _on_suspend(self) -> None:
        self.awake.stopped_at = self.session.clock.now()
        self.screen.leave()

    def _on_resume(self) -> None:
        self.screen.enter()
        self._shown = None

    def listener(self, event: Event) -> None:
        if isinstance(event, StepStarted):
            self._shown = None
        self.finished = self.finished or isinstance(event, Finished)
        self.redraw()

    def state(self, width: int, height: int) -> tuple[object, ...]:
        """Everything a frame depends on: the frame is redrawn when, and only when, this
        changes (a second, a rep, the figure's pose, a step, a key, the window's size).
        Paused, the session's clock stands still, and so does all of it."""
        session = self.session
        elapsed = session.elapsed()
        return (session.index, number(session), countdown(session.remaining()),
                figure_frame(session.step, elapsed), session.paused, self.view.show_help,
                self.view.show_all, width, height)

    def redraw(self) -> None:
        """Draw only when what the screen shows would change."""
        if not self.screen.active:
            return
        width, height = self.screen.size()
        session = self.session
        state = self.state(width, height)
        if state != self._shown:
            self._shown = state
            self.screen.draw(frame(session, self.view, width=width, height=height), width, height)

    def wait(self, deadline: float) -> Command | Order | None:
        order = self.awake.take()
        if order is not None:
            return order
        self.awake.seen()
        if self.keys.resized:
            self.keys.resized = False
            self._shown = None
            self.redraw()
        key = self.keys.read_key(self.session.clock.real_seconds_until(self.wake_at(deadline)))
        order = self.awake.take()  # stopped while waiting: nothing ran out meanwhile
        if order is not None:
            return order
        if key == "?":
            self.view = replace(self.view, show_help=not self.view.show_help)
            self.redraw()
            return None
        if key == "i":
            self.view = replace(self.view, show_all=not self.view.show_all)
            self.redraw()
            return None
        return KEY_COMMANDS.get(key or "")

    def wake_at(self, deadline: float) -> float:
        """The deadline, or sooner when a moving figure's next in-between frame is due
        (waking returns nothing, and the session polls and redraws)."""
        session = self.session
        if session.paused:
            return deadline
        wake = motion.wake_in(session.step, session.elapsed())
        return deadline if wake is None else min(deadline, session.clock.now() + wake)

    def hold_end(self, end: Ending) -> None:
        """Show the end screen until a key (any key, Ctrl-C too) or the terminal closes."""
        self.keys.discard()  # a key pressed as the last step ended does not count
        shown: tuple[int, int] | None = None
        while True:
            if self.screen.active and (size := self.screen.size()) != shown:
                shown = size
                self.screen.draw(end_frame(end, width=size[0], height=size[1]), *size)
            try:
                if self.keys.read_key(END_POLL) is not None:
                    return
            except (KeyboardInterrupt, EOFError):
                return
            if self.keys.resized or not self.screen.active:
                self.keys.resized = False
                shown = None


def ring() -> None:
    """The terminal bell: one byte straight to the terminal, safe from any thread."""
    with contextlib.suppress(OSError):
        os.write(sys.stdout.fileno(), b"\a")


def run_live(
    session: Session, *, title: str, listeners: Sequence[Listener], bell: bool,
    streak: Callable[[], int] = lambda: 0, out: TextIO | None = None, demo: str | None = None,
    notes: Sequence[str] = (),
) -> Summary:
    """Guide a session full-screen in the terminal, restoring it on every way out.

    A routine that runs to its end leaves its summary on the screen until a key is
    pressed; `streak` is asked for once the session is logged. A demo (`demo`: its mark,
    'DEMO x30') says so in the header and on the summary; `notes` (what fitting into
    --minutes changed) show while getting ready.
    """
    from stretch.session.cues import Bell

    out = out or sys.stdout
    screen = Screen(out)
    loop = LiveLoop(session, View(title, demo=demo, notes=tuple(notes)), screen)
    extra: list[Listener] = [loop.listener]
    if bell:
        extra.append(Bell(ring))
    with loop.keys:
        screen.enter()
        try:
            # the screen and the bell first: a disk write never makes them late
            summary = run_session(session, wait=loop.wait, listeners=[*extra, *listeners])
            if loop.finished:
                loop.hold_end(ending(session.steps, session.done_steps, title=title,
                                     summary=summary, streak=streak(), demo=demo))
            return summary
        finally:
            screen.leave()


