"""Cues that react to engine events: the terminal bell (and, later, the voice).

They listen; they never block the timer. The bell rings when a step starts and counts
3-2-1 before a hold or a set ends, so you can follow with your eyes closed.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from stretch.engine import Event, StepStarted, Tick

COUNTDOWN = 3  # seconds before the end of a hold that get a beep each


class Bell:
    """Rings through `ring` (which writes BEL to the terminal) at step starts and 3-2-1."""

    def __init__(self, ring: Callable[[], None]) -> None:
        self.ring = ring
        self._last: tuple[int, int] | None = None  # (step index, second) already rung

    def __call__(self, event: Event) -> None:
        if isinstance(event, StepStarted):
            self._last = None
            self.ring()
        elif isinstance(event, Tick) and event.step.move is not None:
            second = math.ceil(event.remaining - 1e-6)
            if 1 <= second <= COUNTDOWN and self._last != (event.index, second):
                self._last = (event.index, second)
                self.ring()
