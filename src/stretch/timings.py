"""The planner's timings from the settings, kept apart so `list` and `show` stay light."""

from __future__ import annotations

from stretch.config import Settings
from stretch.plan import PlanSettings


def plan_settings(settings: Settings, first: str = "left") -> PlanSettings:
    """Get ready, switch sides, rest and hold scale from the config; which side first."""
    return PlanSettings(
        get_ready=int(settings.number("get_ready")),
        switch_sides=int(settings.number("switch_sides")),
        rest=int(settings.number("rest")),
        hold_scale=settings.number("hold_scale"),
        first_side="right" if first == "right" else "left",
    )
