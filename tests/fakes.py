"""Fakes for tests: a clock that only moves when told to."""

from __future__ import annotations


class FakeClock:
    """A clock that only moves when told to: sleeping jumps straight to the deadline."""

    speed = 1.0

    def __init__(self, start: float = 0.0) -> None:
        self.t = start
        self.sleeps = 0

    def now(self) -> float:
        return self.t

    def sleep_until(self, t: float) -> None:
        self.sleeps += 1
        self.t = max(self.t, t)

    def real_seconds_until(self, t: float) -> float:
        return max(0.0, t - self.t)

    def advance(self, seconds: float) -> None:
        self.t += seconds
