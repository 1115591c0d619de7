"""The one description of a reminder: when it fires and what it runs.

Every scheduler's file (systemd, cron, launchd, schtasks) is made from a `Schedule` by a
pure function, so they cannot disagree, and `remind status` computes the next time from
the same description rather than asking each system.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

from stretch.days import DAYS_FORM, EVERY_DAY, read_days
from stretch.errors import UsageProblem
from stretch.model import WEEKDAYS
from stretch.text import CLOCK_FORM, hhmm, time_of_day

NAME = "stretch-remind"  # the timer, the cron line's mark, the agent, the task: one name
# What a scheduled run needs from this session: the same stretch folder, and (for cron,
# which starts with almost no environment) the desktop's message bus for notify-send.
PASSED_ON = ("STRETCH_HOME", "DBUS_SESSION_BUS_ADDRESS")


@dataclass(frozen=True, slots=True)
class Schedule:
    """When the reminder fires and the program it starts."""

    at: time
    weekdays: tuple[int, ...]  # 0 = Monday .. 6 = Sunday; sorted, none twice, at least one
    program: tuple[str, ...]  # this stretch: its absolute path, or python -m stretch
    environment: tuple[tuple[str, str], ...] = ()

    @property
    def command(self) -> tuple[str, ...]:
        """What the scheduler runs."""
        return (*self.program, "nudge")

    @property
    def clock(self) -> str:
        return hhmm(self.at)

    def to_json(self) -> dict[str, object]:
        return {"at": self.clock, "days": [WEEKDAYS[d] for d in self.weekdays],
                "program": list(self.program), "environment": dict(self.environment)}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Schedule:
        """The inverse of `to_json`; ValueError when the data is not one."""
        at, days, program, env = (data.get(k) for k in ("at", "days", "program", "environment"))
        moment = time_of_day(at) if isinstance(at, str) else None
        if (moment is None or not isinstance(days, list) or not days
                or not all(d in WEEKDAYS for d in days)
                or not isinstance(program, list) or not program
                or not all(isinstance(p, str) for p in program)
                or not isinstance(env, dict)
                or not all(isinstance(v, str) for v in env.values())):
            raise ValueError("not a reminder")
        weekdays = tuple(sorted({WEEKDAYS.index(d) for d in days}))
        return cls(moment, weekdays, tuple(program), tuple(sorted(env.items())))


def parse_time(text: str) -> time:
    """--at: 'HH:MM' (or a UsageProblem naming the accepted form)."""
    moment = time_of_day(text)
    if moment is None:
        raise UsageProblem(f"--at '{text}' is not a time: use {CLOCK_FORM}")
    return moment


def parse_days(spec: str) -> tuple[int, ...]:
    """--days: names, ranges and lists of days, any case (or a UsageProblem naming the forms)."""
    days = read_days(spec)
    if days is None:
        raise UsageProblem(f"--days '{spec}' is not a set of days: use {DAYS_FORM}")
    return days


def unrested_days(rest: set[int]) -> tuple[int, ...]:
    """The default: every day the week plan is not a rest day."""
    days = tuple(d for d in EVERY_DAY if d not in rest)
    if not days:
        raise UsageProblem(f"your week plan rests every day; choose days with --days: {DAYS_FORM}")
    return days


def next_time(schedule: Schedule, now: datetime) -> datetime:
    """The first time the reminder fires after `now`, on `now`'s clock. When `now` is the
    local time, the moment carries the local offset of its own day (after a change of
    the clocks, not `now`'s), so `moment - now` is the real wait."""
    local = now.utcoffset() == now.astimezone().utcoffset()
    for offset in range(8):
        day = now.date() + timedelta(days=offset)
        wall = datetime.combine(day, schedule.at)
        moment = wall.astimezone() if local else wall.replace(tzinfo=now.tzinfo)
        if day.weekday() in schedule.weekdays and moment > now:
            return moment
    raise ValueError("a schedule has at least one day")


def stretch_program(argv0: str | None = None, executable: str | None = None) -> tuple[str, ...]:
    """How to start the stretch that is running now, from anywhere (a venv, pipx): the
    script it was started as, else the console script beside its Python, else
    `python -m stretch` with that Python."""
    script = Path(sys.argv[0] if argv0 is None else argv0)
    python = Path(sys.executable if executable is None else executable).absolute()
    if script.stem == "stretch" and script.is_file():
        return (str(script.resolve()),)
    beside = python.parent / ("stretch.exe" if sys.platform == "win32" else "stretch")
    if beside.is_file():
        return (str(beside),)
    return (str(python), "-m", "stretch")


def passed_on(env: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The variables a scheduled run needs from this session (see PASSED_ON)."""
    found = []
    home = env.get("STRETCH_HOME", "").strip()
    if home:
        found.append(("STRETCH_HOME", str(Path(home).expanduser().absolute())))
    bus = env.get("DBUS_SESSION_BUS_ADDRESS", "")
    if bus.startswith("unix:path="):  # a socket's path lasts; an abstract address does not
        found.append(("DBUS_SESSION_BUS_ADDRESS", bus))
    return tuple(sorted(found))
