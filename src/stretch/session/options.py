"""How to run a session, as the command line asked: kept apart from the runner so that
commands which only preview a routine never load the session machinery."""

from __future__ import annotations

from dataclasses import dataclass

from stretch.settings import Settings


@dataclass(frozen=True, slots=True)
class Options:
    """The effective settings and the command line's flags for one session."""

    settings: Settings
    speed: float = 1.0
    plain: bool = False
    minutes: float | None = None
    pain_before: int | None = None  # 0-10, from --pain-before or the check-in
    pain_after: int | None = None
