"""The voice: cues spoken by a speech program beside the timer, never behind it.

The speech program runs on its own thread, without a shell; a cue whose moment passed
while an earlier one was being spoken (a count "1" after its second, "switch sides"
after the switch) is dropped, so the voice never says anything late.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from stretch.session.clock import Clock
from stretch.session.cues import Cue, CueMaker
from stretch.session.engine import Event

TEXT_VARIABLE = "STRETCH_SPEECH_TEXT"  # how the text reaches a program that reads it there
SPEAKING_AT_MOST = 30.0  # real seconds a cue may take to say before its program is ended
POLL = 0.1  # real seconds between looks at whether a cue being said has gone stale


@dataclass(frozen=True, slots=True)
class Speech:
    """A speech program: arguments with a `{text}` placeholder, run without a shell; or,
    with `text_in_env`, a program that reads the text from TEXT_VARIABLE (PowerShell's
    `-Command` pastes any later argument into its script as code, so text never goes
    there)."""

    argv: tuple[str, ...]
    text_in_env: bool = False

    def command(self, text: str) -> list[str]:
        if self.text_in_env:
            return list(self.argv)
        # a leading space keeps words like "-w file" from being read as an option
        safe = " " + text if text.startswith("-") else text
        return [arg.replace("{text}", safe) for arg in self.argv]

    def start(self, text: str) -> subprocess.Popen[bytes]:
        """The program saying `text`, started in a process group of its own (`helpers`),
        so a voice that hangs can be ended whole."""
        from stretch import helpers

        env = {**os.environ, TEXT_VARIABLE: text} if self.text_in_env else None
        return helpers.start(self.command(text), env=env)

    def __call__(self, text: str) -> None:
        """Say `text` and wait for it (at most SPEAKING_AT_MOST seconds)."""
        from stretch import helpers

        proc = self.start(text)
        try:
            proc.wait(timeout=SPEAKING_AT_MOST)
        except subprocess.TimeoutExpired:
            pass
        finally:
            helpers.stop(proc)


def find_speech(command: Sequence[str] | None = None) -> Speech | None:
    """The configured command, else the platform's speech program; None if there is none."""
    if command:
        return Speech(tuple(command)) if shutil.which(command[0]) else None
    if sys.platform == "darwin":
        candidates: tuple[tuple[str, ...], ...] = (("say", "{text}"),)
    elif sys.platform == "win32":
        script = ("Add-Type -AssemblyName System.Speech; "
                  "(New-Object System.Speech.Synthesis.SpeechSynthesizer)"
                  f".Speak($env:{TEXT_VARIABLE})")
        argv = ("powershell", "-NoProfile", "-NonInteractive", "-Command", script)
        return Speech(argv, text_in_env=True) if shutil.which(argv[0]) else None
    else:
        candidates = (("espeak-ng", "{text}"), ("espeak", "{text}"),
                      ("spd-say", "--wait", "{text}"))
    for argv in candidates:
        if shutil.which(argv[0]):
            return Speech(argv)
    return None


class Voice:
    """Speaks cues beside the timer; a cue not begun before its moment is over is dropped."""

    def __init__(self, speak: Callable[[str], None], clock: Clock, *,
                 setup: bool = False) -> None:
        self.speak = speak
        self.clock = clock
        self.maker = CueMaker(setup=setup)
        self.spoken: list[str] = []
        self.dropped = 0
        self._queue: deque[Cue] = deque()
        self._ready = threading.Condition()
        self._closing = False
        self._leaving = False  # stretch is leaving: end the cue being said now
        self._thread = threading.Thread(target=self._run, name="stretch-voice", daemon=True)
        self._thread.start()

    def __call__(self, event: Event) -> None:
        cues = [c for c in self.maker(event) if c.text]
        if cues:
            with self._ready:
                self._queue.extend(cues)
                self._ready.notify()

    def _next(self) -> Cue | None:
        """The oldest cue that is still fresh, dropping any that went stale."""
        with self._ready:
            while True:
                while self._queue:
                    cue = self._queue.popleft()
                    if self.clock.now() < cue.until:
                        return cue
                    self.dropped += 1
                if self._closing:
                    return None
                self._ready.wait()

    def _run(self) -> None:
        while True:
            cue = self._next()
            if cue is None:
                return
            try:
                said = self._say(cue)
            except (OSError, subprocess.SubprocessError):
                said = False
            if said:
                self.spoken.append(cue.text)
            else:
                self.dropped += 1

    def _say(self, cue: Cue) -> bool:
        """Say a cue; a speech program (`Speech.start`) is ended, with its whole process
        group, once the cue is stale: its moment is over and another cue is waiting, it
        has talked for SPEAKING_AT_MOST seconds, or stretch is leaving. Whether it was
        said to its end."""
        start = getattr(self.speak, "start", None)
        if start is None:
            self.speak(cue.text)
            return True
        from stretch import helpers

        proc = start(cue.text)
        began = time.monotonic()
        try:
            while True:
                try:
                    proc.wait(timeout=POLL)
                    return True
                except subprocess.TimeoutExpired:
                    pass
                if self._stale(cue, began):
                    return False
        finally:
            helpers.stop(proc)

    def _stale(self, cue: Cue, began: float) -> bool:
        with self._ready:
            waiting = bool(self._queue)
        return (self._leaving or time.monotonic() - began > SPEAKING_AT_MOST
                or (waiting and self.clock.now() >= cue.until))

    def close(self, wait: float = 5.0) -> None:
        """Let the last cue ("well done") finish, waiting at most `wait` seconds; then
        end whatever is still being said."""
        with self._ready:
            self._closing = True
            self._ready.notify()
        self._thread.join(wait)
        if self._thread.is_alive():
            self._leaving = True
            self._thread.join(wait)
