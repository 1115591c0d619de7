"""Cues that let a person follow a session by ear, and the bell that sounds them.

Engine events become cues at thresholds, never every second: the move and side as a
step starts, "switch sides", "halfway" on holds of 20 s or more, 3-2-1 before a hold
ends, "up next" in pauses, rep counts at the tempo, and "well done". Once per move, its
first caution, in the first quiet moment that leads into it: the pause before it, or the
start of its work, whichever has room to say it before the next timed cue. With the
`voice_setup` setting, once per move its setup too, before the caution: in the pause
before it (the time to get into position, however long the setup), or at its start if
there is no pause and it fits. The bell (here) and the voice (`voice.py`) never block
the timer: they run on their own threads.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from stretch.session.engine import Event, Finished, Paused, Resumed, StepDone, StepStarted, Tick
from stretch.steps import Step
from stretch.text_doses import step_name

COUNTDOWN = 3  # seconds before the end of a hold that each get a cue
HALFWAY_FROM = 20  # holds this long or longer get a "halfway"
STALE_AFTER = 2.5  # session seconds after which an unspoken cue is dropped, at the latest
NEVER = math.inf
# How long speech takes, to judge whether a caution fits before the next timed cue:
# espeak-ng's default is 175 words a minute (2.9 a second); this errs on the slow side.
WORDS_PER_SECOND = 2.5
SPEECH_START = 0.5  # seconds a speech program takes to start talking
CAREFUL = "Careful: "


@dataclass(frozen=True, slots=True)
class Cue:
    """Something worth saying or sounding, the session time it belongs to, and the time
    its moment is over (`until`): a cue not begun by then is dropped, never said late.

    A count "2" is over when its second is; a step's start ("Switch sides", the move)
    when the step ends, or STALE_AFTER after it began; a rep when the next rep starts;
    "well done" never.
    """

    kind: str  # start | switch | next | caution | halfway | count | rep | end | paused | ...
    text: str
    at: float
    until: float = NEVER


def spoken_start(step: Step) -> tuple[str, str]:
    """The kind and words for a step's start: the move and side, or what comes next."""
    if step.move is not None:
        return "start", step_name(step)
    if step.kind == "switch":
        return "switch", "Switch sides"
    upcoming = f". Up next: {step.next_label}" if step.next_label else ""
    return "next", f"{step.label}{upcoming}"


def speaking_time(text: str) -> float:
    """Seconds a speech program takes to say `text`, erring long."""
    return SPEECH_START + len(text.split()) / WORDS_PER_SECOND


def quiet_seconds(step: Step) -> float:
    """Seconds from a step's start to its first timed cue (halfway, 3-2-1, a rep count),
    or to its end, where the next step's own cue comes."""
    if step.kind == "hold":
        first = step.seconds - COUNTDOWN
        if step.seconds >= HALFWAY_FROM:
            first = min(first, step.seconds / 2)
        return max(0.0, first)
    if step.kind == "count" and step.tempo and step.reps > 1:
        return step.tempo
    return step.seconds


SIMPLE: dict[type, tuple[str, str]] = {
    Paused: ("paused", "Paused"), Resumed: ("resumed", "Go on"), Finished: ("done", "Well done."),
}


class CueMaker:
    """Turns the engine's events into cues, each threshold crossed once per step."""

    def __init__(self, *, setup: bool = False) -> None:
        self.setup = setup  # say each move's setup once, as well as its caution
        self._said: set[tuple[int, str]] = set()
        self._cautioned: set[str] = set()  # moves whose caution has been given
        self._explained: set[str] = set()  # moves whose setup has been said

    def __call__(self, event: Event) -> list[Cue]:
        if isinstance(event, StepStarted):
            self._said = set()
            kind, text = spoken_start(event.step)
            end = event.at + event.step.seconds
            cues = [Cue(kind, text, event.at, min(end, event.at + STALE_AFTER))]
            setup = self._setup(event.step, after=text)
            if setup:
                cues.append(Cue("setup", setup, event.at, end))
            caution = self._caution(event.step, after=text, explained=setup is not None)
            if caution:
                # begun any later, it would run into the step's first timed cue (a pause
                # that reads the setup goes on to its caution while getting into position)
                latest = end if setup else \
                    event.at + quiet_seconds(event.step) - speaking_time(caution)
                cues.append(Cue("caution", caution, event.at, latest))
            return cues
        if isinstance(event, Tick):
            return self._tick(event)
        if isinstance(event, StepDone):
            ended = event.step.kind == "hold" and not event.skipped
            return [Cue("end", "", event.at, event.at)] if ended else []
        said = SIMPLE.get(type(event))
        if said is None:
            return []
        until = NEVER if said[0] == "done" else event.at + STALE_AFTER
        return [Cue(said[0], said[1], event.at, until)]

    def _setup(self, step: Step, *, after: str) -> str | None:
        """The setup of the move this step is or leads into, once: always in a pause, at
        the move's own start only if it is said before the step's first timed cue."""
        move = step.move or step.next_move
        if not self.setup or move is None or move.id in self._explained:
            return None
        if step.move is not None and \
                speaking_time(after) + speaking_time(move.setup) > quiet_seconds(step):
            return None
        self._explained.add(move.id)
        return move.setup

    def _caution(self, step: Step, *, after: str, explained: bool = False) -> str | None:
        """The caution for the move this step is or leads into, the first time there is
        room to say it (after `after`) before the next timed cue, so it never delays one;
        right after its setup, when this step read that."""
        move = step.move or step.next_move
        if move is None or not move.cautions or move.id in self._cautioned:
            return None
        words = CAREFUL + move.cautions[0]
        if not explained and speaking_time(after) + speaking_time(words) > quiet_seconds(step):
            return None
        self._cautioned.add(move.id)
        return words

    def _once(self, index: int, key: str) -> bool:
        if (index, key) in self._said:
            return False
        self._said.add((index, key))
        return True

    def _tick(self, tick: Tick) -> list[Cue]:
        step = tick.step
        cues: list[Cue] = []
        end = tick.at + tick.remaining
        if step.kind == "hold":
            if step.seconds >= HALFWAY_FROM and tick.elapsed >= step.seconds / 2 \
                    and tick.remaining > COUNTDOWN and self._once(tick.index, "half"):
                until = min(tick.at + STALE_AFTER, end - COUNTDOWN)
                cues.append(Cue("halfway", "Halfway", tick.at, until))
            second = math.ceil(tick.remaining - 1e-6)
            if 1 <= second <= COUNTDOWN and self._once(tick.index, f"count{second}"):
                # "2" belongs to the second before 1 s are left; after that it is wrong
                cues.append(Cue("count", str(second), tick.at, end - (second - 1)))
        elif step.kind == "count" and step.tempo:
            rep = int(tick.elapsed // step.tempo) + 1
            if 1 < rep <= step.reps and self._once(tick.index, f"rep{rep}"):
                next_rep = tick.at + rep * step.tempo - tick.elapsed
                cues.append(Cue("rep", str(rep), tick.at, min(next_rep, end)))
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
