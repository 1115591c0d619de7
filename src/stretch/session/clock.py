"""Clocks for the session: real monotonic time, a sped-up clock, and a fake one for tests.

Everything that waits goes through a `Clock`, so the engine never reads the wall clock
or sleeps by itself: tests run a 25-minute routine in milliseconds on a fake clock,
and `--speed 200` runs the same code 200 times faster on a `ScaledClock`.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Session time in seconds. `speed` is session seconds per real second."""

    speed: float

    def now(self) -> float:
        """The current session time (any origin; only differences matter)."""
        ...

    def sleep_until(self, t: float) -> None:
        """Block until session time `t` (return at once if it has passed)."""
        ...

    def real_seconds_until(self, t: float) -> float:
        """How many real seconds until session time `t` (0 when it has passed)."""
        ...


class MonotonicClock:
    """Real time from `time.monotonic`, which never jumps with the wall clock."""

    speed = 1.0

    def now(self) -> float:
        return time.monotonic()

    def sleep_until(self, t: float) -> None:
        delay = t - time.monotonic()
        if delay > 0:
            time.sleep(delay)

    def real_seconds_until(self, t: float) -> float:
        return max(0.0, t - time.monotonic())


class ScaledClock:
    """Session time running `speed` times faster than real time (`--speed X`)."""

    def __init__(self, speed: float, base: Clock | None = None) -> None:
        if not 0 < speed <= 1000:
            raise ValueError("speed must be above 0 and at most 1000")
        self.speed = speed
        self._base = base or MonotonicClock()
        self._origin = self._base.now()

    def now(self) -> float:
        return (self._base.now() - self._origin) * self.speed

    def sleep_until(self, t: float) -> None:
        self._base.sleep_until(self._origin + t / self.speed)

    def real_seconds_until(self, t: float) -> float:
        return max(0.0, (t - self.now()) / self.speed)


def make_clock(speed: float = 1.0) -> Clock:
    """The monotonic clock at speed 1, else a scaled one."""
    return MonotonicClock() if speed == 1 else ScaledClock(speed)
