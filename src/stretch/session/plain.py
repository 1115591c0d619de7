"""Plain output for pipes, `TERM=dumb` and screen readers: one line per step, then a summary.

No colour, no cursor movement: each step start is one line a screen reader reads once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from stretch.session.engine import (
    Event,
    Finished,
    Listener,
    Session,
    StepStarted,
    Stopped,
    Summary,
    run_session,
)
from stretch.text import clock, plural, step_name


class PlainPrinter:
    """One plain line per step for pipes and screen readers, then a summary line."""

    def __init__(self, write: Callable[[str], None], title: str) -> None:
        self.write = write
        self.title = title
        self.origin: float | None = None

    def __call__(self, event: Event) -> None:
        if isinstance(event, StepStarted):
            if self.origin is None:
                self.origin = event.at
            step = event.step
            label = step_name(step)
            if step.move is None and step.next_label:
                label += f" (next: {step.next_label})"
            self.write(f"{clock(event.at - self.origin)}  {label}  {step.seconds:g} s")
        elif isinstance(event, (Finished, Stopped)):
            self.write(summary_line(event.summary, self.title))


def summary_line(summary: Summary, title: str) -> str:
    """'Completed Hip reset in 10:40: 20 holds and sets done, no steps skipped.'"""
    status = "Completed" if summary.status == "completed" else "Stopped"
    skipped = plural(summary.steps_skipped, "step") if summary.steps_skipped else "no steps"
    return (
        f"{status} {title} after {clock(summary.active_seconds)}: "
        f"{plural(summary.holds_done, 'hold')} and sets done, {skipped} skipped."
    )


def run_plain(
    session: Session, *, title: str, listeners: Sequence[Listener], write: Callable[[str], None]
) -> Summary:
    """No terminal: print lines as steps start, waiting on the clock, reading no keys."""
    printer = PlainPrinter(write, title)
    return run_session(session, wait=session.clock.sleep_until, listeners=[*listeners, printer],
                       refresh=1.0)
