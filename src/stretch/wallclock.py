"""The wall clock: the one place stretch reads the date and time of day.

Callers say `wallclock.local_now()` (never `from ... import local_now`), so a test that
pins this one function pins every reader of the date, the session's recorder included.
The timer never comes here: its time is the monotonic `session.clock.Clock`.
"""

from __future__ import annotations

from datetime import datetime


def local_now() -> datetime:
    """The wall-clock time with the local offset, as history rows store it."""
    return datetime.now().astimezone()
