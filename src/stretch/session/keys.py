"""Raw single-key input, with the terminal put back exactly as it was on every way out.

Cbreak mode (no echo, no line buffering) keeps Ctrl-C working as a signal. SIGTERM and
SIGHUP become an exception so the same `finally` blocks restore the terminal; Ctrl-Z
restores it before the process stops and takes raw mode back on `fg`; SIGCONT (after
`fg`, or after SIGSTOP, which gives no warning) is passed on, so the time stopped is
paused time; a resize is noted for the next redraw.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sys
import termios
import tty
from collections.abc import Callable
from types import FrameType, TracebackType
from typing import Any

# Keys as the live view names them.
ARROWS = {"\x1b[C": "right", "\x1b[D": "left", "\x1bOC": "right", "\x1bOD": "left",
          "\x1b[A": "up", "\x1b[B": "down", "\x1bOA": "up", "\x1bOB": "down"}
NAMED = {" ": "space", "\r": "enter", "\n": "enter", "\x1b": "escape", "\x7f": "backspace"}


class Terminated(Exception):
    """The process got SIGTERM or SIGHUP; raised so cleanup code runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def foreground(fd: int | None = None) -> bool:
    """Whether this process's group owns the terminal on `fd` (standard input): not when
    suspended, nor when started in the background with `&`, where changing the
    terminal's modes would stop the process (SIGTTOU)."""
    try:
        return os.tcgetpgrp(sys.stdin.fileno() if fd is None else fd) == os.getpgrp()
    except (OSError, ValueError):  # no terminal (any more): SIGHUP, a pipe, a closed stdin
        return False


def decode(data: str) -> list[str]:
    """Split what one read returned into key names ('space', 'left', 'q', ...)."""
    keys: list[str] = []
    i = 0
    while i < len(data):
        for sequence, name in ARROWS.items():
            if data.startswith(sequence, i):
                keys.append(name)
                i += len(sequence)
                break
        else:
            char = data[i]
            keys.append(NAMED.get(char, char))
            i += 1
    return keys


class RawKeys:
    """A context manager that reads single keys from a terminal.

    `on_suspend` runs just before the process stops on Ctrl-Z (after the terminal is
    restored) and `on_resume` just after `fg` (after raw mode is back).
    """

    def __init__(
        self,
        fd: int | None = None,
        *,
        on_suspend: Callable[[], None] | None = None,
        on_resume: Callable[[], None] | None = None,
        on_continue: Callable[[], None] | None = None,
    ) -> None:
        self.fd = sys.stdin.fileno() if fd is None else fd
        self.on_suspend = on_suspend
        self.on_resume = on_resume
        self.on_continue = on_continue  # SIGCONT: after Ctrl-Z and `fg`, or SIGSTOP
        self.resized = False
        self._saved: list[Any] | None = None
        self._old_handlers: dict[int, object] = {}
        self._pending: list[str] = []
        self._wake: tuple[int, int] | None = None  # a resize wakes a waiting read_key

    def __enter__(self) -> RawKeys:
        self._saved = termios.tcgetattr(self.fd)
        self._wake = os.pipe()
        os.set_blocking(self._wake[1], False)
        self._raw()
        self._install(signal.SIGTERM, self._terminate)
        self._install(signal.SIGHUP, self._terminate)
        self._install(signal.SIGTSTP, self._suspend)
        self._install(signal.SIGWINCH, self._resize)
        self._install(signal.SIGCONT, self._continue)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.restore()
        for signum, handler in self._old_handlers.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        self._old_handlers.clear()
        if self._wake is not None:
            for end in self._wake:
                os.close(end)
            self._wake = None

    def _install(self, signum: int, handler: Callable[[int, FrameType | None], None]) -> None:
        self._old_handlers[signum] = signal.signal(signum, handler)

    def _raw(self) -> None:
        tty.setcbreak(self.fd, termios.TCSANOW)

    def restore(self) -> None:
        """Put the terminal modes back as they were (safe to call more than once).

        Not from the background: a session stopped with Ctrl-Z gave the terminal back to
        the shell as it was, and `kill %1` then sends SIGTERM with a SIGCONT. Setting the
        modes from the background would stop the process again (SIGTTOU) before it could
        end, and would change the shell's own terminal."""
        if self._saved is not None and foreground(self.fd):
            # after SIGHUP the terminal is gone and there is nothing left to restore
            with contextlib.suppress(termios.error):
                termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)


    def _terminate(self, signum: int, frame: FrameType | None) -> None:
        raise Terminated(signum)

    def _resize(self, signum: int, frame: FrameType | None) -> None:
        """Note the new size and wake a read_key that is waiting (a hold waits up to a
        second), so the screen is redrawn at once."""
        self.resized = True
        if self._wake is not None:
            with contextlib.suppress(OSError):  # full of wake-ups already: one will do
                os.write(self._wake[1], b"\0")

    def _continue(self, signum: int, frame: FrameType | None) -> None:
        """The process goes on after a stop: SIGSTOP gave no warning (no `_suspend`), so
        `on_continue` decides what the gap was; the screen is redrawn at once."""
        if self.on_continue:
            self.on_continue()
        self._resize(signum, frame)

    def _suspend(self, signum: int, frame: FrameType | None) -> None:
        if self.on_suspend:
            self.on_suspend()
        self.restore()
        signal.signal(signal.SIGTSTP, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTSTP)  # stops here until `fg`
        signal.signal(signal.SIGTSTP, self._suspend)
        self._raw()
        self.resized = True
        if self.on_resume:
            self.on_resume()

    def discard(self) -> None:
        """Forget keys typed but not yet read (so they cannot answer a later question)."""
        self._pending.clear()
        with contextlib.suppress(termios.error):
            termios.tcflush(self.fd, termios.TCIFLUSH)

    def read_key(self, timeout: float) -> str | None:
        """The next key, waiting at most `timeout` seconds; None if none came."""
        if self._pending:
            return self._pending.pop(0)
        waiting = [self.fd] if self._wake is None else [self.fd, self._wake[0]]
        try:
            ready, _, _ = select.select(waiting, [], [], max(0.0, timeout))
        except InterruptedError:  # pragma: no cover - PEP 475 retries select
            return None
        if self._wake is not None and self._wake[0] in ready:
            os.read(self._wake[0], 64)  # a resize: the caller redraws
            return None
        if not ready:
            return None
        data = os.read(self.fd, 64)
        if not data:
            raise EOFError("the terminal closed")
        keys = decode(data.decode("utf-8", errors="replace"))
        self._pending.extend(keys[1:])
        return keys[0] if keys else None
