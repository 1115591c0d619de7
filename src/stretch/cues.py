"""Cues that let a person follow a session by ear: the bell and the voice.

Engine events become cues at thresholds, never every second: the move and side as a
step starts, "switch sides", "halfway" on holds of 20 s or more, 3-2-1 before a hold
ends, "up next" in pauses, rep counts at the tempo, and "well done". The sinks never
block the timer: the bell and the speech program run on their own threads, and
speech drops cues that have gone stale so the voice never lags behind the session.
"""

from __future__ import annotations

import math
import shutil
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from stretch.clock import Clock
from stretch.engine import Event, Finished, Paused, Resumed, StepDone, StepStarted, Tick
from stretch.model import Step

COUNTDOWN = 3  # seconds before the end of a hold that each get a cue
HALFWAY_FROM = 20  # holds this long or longer get a "halfway"
STALE_AFTER = 2.5  # session seconds after which an unspoken cue is dropped


@dataclass(frozen=True, slots=True)
class Cue:
    """Something worth saying or sounding, and the session time it belongs to."""

    kind: str  # start | switch | next | halfway | count | rep | end | paused | resumed | done
    text: str
    at: float


def spoken_start(step: Step) -> tuple[str, str]:
    """The kind and words for a step's start: the move and side, or what comes next."""
    if step.move is not None:
        return "start", step.description
    if step.kind == "switch":
        return "switch", "Switch sides"
    upcoming = f". Up next: {step.next_label}" if step.next_label else ""
    return "next", f"{step.label}{upcoming}"


SIMPLE: dict[type, tuple[str, str]] = {
    Paused: ("paused", "Paused"), Resumed: ("resumed", "Go on"), Finished: ("done", "Well done."),
}


class CueMaker:
    """Turns the engine's events into cues, each threshold crossed once per step."""

    def __init__(self) -> None:
        self._said: set[tuple[int, str]] = set()

    def __call__(self, event: Event) -> list[Cue]:
        if isinstance(event, StepStarted):
            self._said = set()
            kind, text = spoken_start(event.step)
            return [Cue(kind, text, event.at)]
        if isinstance(event, Tick):
            return self._tick(event)
        if isinstance(event, StepDone):
            ended = event.step.kind == "hold" and not event.skipped
            return [Cue("end", "", event.at)] if ended else []
        said = SIMPLE.get(type(event))
        return [Cue(said[0], said[1], event.at)] if said else []

    def _once(self, index: int, key: str) -> bool:
        if (index, key) in self._said:
            return False
        self._said.add((index, key))
        return True

    def _tick(self, tick: Tick) -> list[Cue]:
        step = tick.step
        cues: list[Cue] = []
        if step.kind == "hold":
            if step.seconds >= HALFWAY_FROM and tick.elapsed >= step.seconds / 2 \
                    and tick.remaining > COUNTDOWN and self._once(tick.index, "half"):
                cues.append(Cue("halfway", "Halfway", tick.at))
            second = math.ceil(tick.remaining - 1e-6)
            if 1 <= second <= COUNTDOWN and self._once(tick.index, f"count{second}"):
                cues.append(Cue("count", str(second), tick.at))
        elif step.kind == "count" and step.tempo:
            rep = int(tick.elapsed // step.tempo) + 1
            if 1 < rep <= step.reps and self._once(tick.index, f"rep{rep}"):
                cues.append(Cue("rep", str(rep), tick.at))
        return cues


# --- the bell ----------------------------------------------------------------------

# Seconds after the cue at which to ring: a step start rings once, the end of a hold
# three times quickly, so the ear can tell "go" from "stop".
PATTERNS: dict[str, tuple[float, ...]] = {
    "start": (0.0,), "switch": (0.0,), "next": (0.0,), "count": (0.0,),
    "end": (0.0, 0.15, 0.3),
}


class Bell:
    """Rings the terminal bell in patterns, on its own thread so the timer never waits."""

    def __init__(self, ring: Callable[[], None]) -> None:
        self.ring = ring
        self.maker = CueMaker()
        self._ended_at: float | None = None
        self._queue: deque[tuple[float, ...]] = deque()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    def __call__(self, event: Event) -> None:
        for cue in self.maker(event):
            if cue.kind == "end":
                self._ended_at = cue.at
            elif cue.kind in ("start", "next", "switch") and cue.at == self._ended_at:
                continue  # the hold-end pattern already marks this moment
            pattern = PATTERNS.get(cue.kind)
            if pattern:
                self._play(pattern)

    def _play(self, pattern: tuple[float, ...]) -> None:
        if len(pattern) == 1:
            self.ring()
            return
        self._queue.append(pattern)
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="stretch-bell", daemon=True)
            self._thread.start()
        self._wake.set()

    def _run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            while self._queue:
                pattern = self._queue.popleft()
                start = time.monotonic()
                for offset in pattern:
                    time.sleep(max(0.0, start + offset - time.monotonic()))
                    self.ring()


# --- the voice ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Speech:
    """A speech program: arguments with a `{text}` placeholder, run without a shell."""

    argv: tuple[str, ...]

    def command(self, text: str) -> list[str]:
        # a leading space keeps words like "-w file" from being read as an option
        safe = " " + text if text.startswith("-") else text
        return [arg.replace("{text}", safe) for arg in self.argv]

    def __call__(self, text: str) -> None:
        subprocess.run(self.command(text), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=30, check=False)


def find_speech(command: Sequence[str] | None = None) -> Speech | None:
    """The configured command, else the platform's speech program; None if there is none."""
    if command:
        return Speech(tuple(command)) if shutil.which(command[0]) else None
    if sys.platform == "darwin":
        candidates: tuple[tuple[str, ...], ...] = (("say", "{text}"),)
    elif sys.platform == "win32":
        script = ("Add-Type -AssemblyName System.Speech; "
                  "(New-Object System.Speech.Synthesis.SpeechSynthesizer).Speak($args[0])")
        candidates = (("powershell", "-NoProfile", "-Command", script, "{text}"),)
    else:
        candidates = (("espeak-ng", "{text}"), ("espeak", "{text}"),
                      ("spd-say", "--wait", "{text}"))
    for argv in candidates:
        if shutil.which(argv[0]):
            return Speech(argv)
    return None


class Voice:
    """Speaks cues beside the timer; a cue not spoken within STALE_AFTER is dropped."""

    def __init__(self, speak: Callable[[str], None], clock: Clock) -> None:
        self.speak = speak
        self.clock = clock
        self.maker = CueMaker()
        self.spoken: list[str] = []
        self.dropped = 0
        self._queue: deque[Cue] = deque()
        self._ready = threading.Condition()
        self._closing = False
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
                    if cue.kind == "done" or self.clock.now() - cue.at <= STALE_AFTER:
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
                self.speak(cue.text)
            except (OSError, subprocess.SubprocessError):
                self.dropped += 1
                continue
            self.spoken.append(cue.text)

    def close(self, wait: float = 5.0) -> None:
        """Let the last cue ("well done") finish, waiting at most `wait` seconds."""
        with self._ready:
            self._closing = True
            self._ready.notify()
        self._thread.join(wait)
