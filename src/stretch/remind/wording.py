"""A reminder's schedule in words, for `remind on` and `remind status`: when it fires
('07:30 on weekdays (Mon-Fri)') and when it fires next ('Wed 25 Nov at 07:30 (in 23 h
30 min)').
"""

from __future__ import annotations

from datetime import datetime, timedelta

from stretch.days import describe_days
from stretch.remind.schedule import Schedule, next_time
from stretch.text import plural


def describe(schedule: Schedule) -> str:
    """'07:30 on weekdays (Mon-Fri)', '18:00 every day'."""
    days = describe_days(schedule.weekdays)
    return f"{schedule.clock} {days if days == 'every day' else 'on ' + days}"


def when(schedule: Schedule, now: datetime) -> str:
    """'Wed 25 Nov at 07:30 (in 23 h 30 min)': the next time, computed from the schedule;
    the wait in real time, across a change of the clocks (`next_time`)."""
    moment = next_time(schedule, now)
    return f"{moment:%a %d %b} at {schedule.clock} ({_until(moment - now)})"


def _until(gap: timedelta) -> str:
    """'in 23 h 30 min', 'in 3 days 2 h': a wait, as long as it is, in a few words."""
    hours, minutes = divmod(int(gap.total_seconds() // 60), 60)
    if hours >= 48:
        days, hours = divmod(hours, 24)
        return f"in {plural(days, 'day')} {hours} h"
    return f"in {hours} h {minutes} min" if hours else f"in {max(1, minutes)} min"
