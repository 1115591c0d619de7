"""How to run a session, as the command line asked: kept apart from the runner so that
commands which only preview a routine never load the session machinery."""

from __future__ import annotations

from dataclasses import dataclass

from stretch.settings import Settings

COUNTS_FOR_NOTHING = "it counts for nothing"  # what a demo's mark says, wherever it says more


def demo_mark(speed: float) -> str | None:
    """'DEMO x30' for a run faster than real time (a demo: history/rows.py SessionRow.demo
    counts it for nothing), None for a real session."""
    return f"DEMO x{speed:g}" if speed > 1 else None


@dataclass(frozen=True, slots=True)
class Options:
    """The effective settings and the command line's flags for one session."""

    settings: Settings
    speed: float = 1.0
    plain: bool = False
    minutes: float | None = None
    pain_before: int | None = None  # 0-10, from --pain-before or the check-in
    pain_after: int | None = None
    leg_worse: bool | None = None  # --leg-worse/--no-leg-worse, or the question after
    pain_elsewhere: bool = False  # the "before" rating's pain came from something else
    gentle: bool = False  # on a bad day, on the coach's word: never a step up

    @property
    def demo(self) -> str | None:
        """The demo's mark ('DEMO x30'), None in real time."""
        return demo_mark(self.speed)
