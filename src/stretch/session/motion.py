"""How a counted exercise's figure moves with the count: a pure function of the clock.

Each rep is one tempo long: the figure moves out over the first third of the time the
rep is not still (the lift, the reach), holds the end pose for the move's `pause`, and
comes back over the rest (lowering is the slow, controlled part, as the cues ask). The
way from start (0.0) to end (1.0) eases in and out, and is drawn at LEVELS steps, so a
big drawing is made at most LEVELS + 1 times per move and the screen changes only when a
step is crossed; while still (a hold, the pause at the top) nothing is redrawn.
"""

from __future__ import annotations

from stretch.steps import Step

LEVELS = 6  # steps from the start pose to the end (8 costs a 200x55 window 0.9% of a core)
OUT = 1 / 3  # the share of a rep's moving time spent moving out; the rest comes back
HALF = 0.5 / LEVELS  # the way is drawn at the nearest step: it changes half way between
EPSILON = 1e-6  # just past a change, so the clock is on its far side when it wakes


def phases(step: Step) -> tuple[float, float, float]:
    """Seconds of a rep spent moving out, still at the end pose, and coming back."""
    tempo = float(step.tempo or 0)
    pause = min(float(step.move.pause or 0) if step.move else 0.0, tempo / 2)
    moving = tempo - pause
    return moving * OUT, pause, moving * (1 - OUT)


def moment(step: Step, elapsed: float) -> float | None:
    """The figure's moment `elapsed` seconds into a step: part way from its start (0.0)
    to its end (1.0) for a counted exercise, None (the held pose) otherwise."""
    if step.kind != "count" or not step.tempo:
        return None
    out, still, back = phases(step)
    t = elapsed % step.tempo
    if t < out:
        way = _ease(t / out)
    elif t < out + still or back <= 0:
        way = 1.0
    else:
        way = 1.0 - _ease((t - out - still) / back)
    return round(way * LEVELS) / LEVELS


def wake_in(step: Step, elapsed: float) -> float | None:
    """Session seconds until the figure's moment next changes (None: never in this step),
    so the live view sleeps until then rather than polling for it."""
    if step.kind != "count" or not step.tempo:
        return None
    out, still, back = phases(step)
    t = elapsed % step.tempo
    drawn = moment(step, elapsed) or 0.0
    if t < out and drawn < 1.0:  # moving out: when the way passes the next half step
        return max(0.0, _unease(drawn + HALF) * out - t) + EPSILON
    if t < out + still or back <= 0:
        return out + still - t + EPSILON
    if drawn > 0.0:  # coming back
        return max(0.0, _unease(1.0 - drawn + HALF) * back - (t - out - still)) + EPSILON
    return step.tempo - t + EPSILON  # at the start pose until the next rep


def _ease(x: float) -> float:
    """Slow at both ends, like a limb that starts and stops under control."""
    x = min(1.0, max(0.0, x))
    return x * x * (3 - 2 * x)


def _unease(way: float) -> float:
    """The x at which `_ease(x)` reaches `way` (it only grows, so halve the interval)."""
    low, high = 0.0, 1.0
    for _ in range(30):
        middle = (low + high) / 2
        low, high = (middle, high) if _ease(middle) < way else (low, middle)
    return high
