"""The launchd agent for a Schedule (macOS): a property list made with plistlib.

launchd runs an agent's calendar job as soon as the Mac wakes if it slept through the
time, so a missed reminder still comes. Arguments go to the program as a list, with no
shell and no quoting to get wrong.
"""

from __future__ import annotations

import plistlib
from pathlib import Path

from stretch.days import EVERY_DAY
from stretch.remind.schedule import NAME, Schedule

LABEL = NAME


def agent_path(home: Path | None = None) -> Path:
    """~/Library/LaunchAgents/stretch-remind.plist"""
    return (home or Path.home()) / "Library" / "LaunchAgents" / f"{LABEL}.plist"


def calendar(schedule: Schedule) -> list[dict[str, int]]:
    """StartCalendarInterval: one entry per weekday (launchd counts from Sunday = 0), or a
    single entry with no weekday for every day."""
    moment = {"Hour": schedule.at.hour, "Minute": schedule.at.minute}
    if schedule.weekdays == EVERY_DAY:
        return [moment]
    return [{"Weekday": (day + 1) % 7, **moment} for day in schedule.weekdays]


def plist(schedule: Schedule) -> str:
    """The agent's file, as XML text."""
    agent: dict[str, object] = {
        "Label": LABEL,
        "ProgramArguments": list(schedule.command),
        "StartCalendarInterval": calendar(schedule),
    }
    if schedule.environment:
        agent["EnvironmentVariables"] = dict(schedule.environment)
    return plistlib.dumps(agent, fmt=plistlib.FMT_XML).decode("utf-8")
