"""The Windows scheduled task for a Schedule: the arguments of `schtasks /Create`.

/TR is one command line that Windows splits the Microsoft C way, so each word is quoted
with `subprocess.list2cmdline`; the whole list goes to schtasks without a shell. The
task runs in the user's session, where STRETCH_HOME set with `setx` is already visible.
"""

from __future__ import annotations

import subprocess

from stretch.model import WEEKDAYS
from stretch.remind.schedule import NAME, Schedule

TASK = NAME


def task_command(schedule: Schedule) -> str:
    """/TR: '"C:\\Program Files\\...\\stretch.exe" nudge'."""
    return subprocess.list2cmdline(schedule.command)


def create(schedule: Schedule) -> list[str]:
    """schtasks /Create: a weekly trigger on the chosen days; /F replaces an older one."""
    days = ",".join(WEEKDAYS[d].upper() for d in schedule.weekdays)
    return ["schtasks", "/Create", "/TN", TASK, "/TR", task_command(schedule),
            "/SC", "WEEKLY", "/D", days, "/ST", schedule.clock, "/F"]


def delete() -> list[str]:
    return ["schtasks", "/Delete", "/TN", TASK, "/F"]
