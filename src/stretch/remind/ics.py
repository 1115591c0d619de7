"""The week plan as an iCalendar file (RFC 5545), for a phone's or a desktop's calendar.

One event per routine, repeating weekly on the days the plan gives it, at the reminder's
time (or 08:00), as long as the routine takes at the person's doses, with an alarm as it
starts. The times are floating (no time zone): "07:30 wherever you are", as an alarm
clock keeps them, so a trip or a change of daylight saving time never moves them. Each
event's UID is made from the person's stretch folder and the routine, so importing a new
file updates the events instead of adding them twice. Written with the `icalendar`
library rather than by hand. Pure: the plan in, bytes out.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

DEFAULT_TIME = time(8, 0)
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
PRODID = "-//stretch//week plan//EN"


@dataclass(frozen=True, slots=True)
class Planned:
    """One routine of the week plan: its days (0 = Monday) and its length for the person."""

    routine: str
    title: str
    summary: str
    weekdays: tuple[int, ...]
    minutes: int


def first_day(today: date, weekdays: Sequence[int]) -> date:
    """The first of the planned weekdays from today on: where the weekly rule starts (a
    start on a day outside the rule would be an extra, unplanned occurrence)."""
    return next(today + timedelta(days=n) for n in range(7)
                if (today + timedelta(days=n)).weekday() in weekdays)


def calendar(planned: Sequence[Planned], *, at: time, today: date, stamp: datetime,
             seed: str) -> bytes:
    """The calendar file: one weekly event with an alarm per planned routine."""
    from icalendar import Alarm, Calendar, Event, vRecur

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "stretch: your week plan")
    for each in planned:
        event = Event()
        event.add("uid", f"{uuid.uuid5(uuid.NAMESPACE_URL, f'stretch:{seed}:{each.routine}')}"
                         "@stretch")
        event.add("dtstamp", stamp)
        event.add("summary", f"{each.title} ({each.minutes} min)")
        event.add("description", f"{each.summary}\n\nstretch today (or: stretch run "
                                 f"{each.routine})")
        event.add("dtstart", datetime.combine(first_day(today, each.weekdays), at))
        event.add("duration", timedelta(minutes=each.minutes))
        event.add("rrule", vRecur(freq="WEEKLY", byday=[BYDAY[d] for d in each.weekdays]))
        event.add("categories", ["stretch"])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Time for {each.title}: {each.minutes} minutes")
        alarm.add("trigger", timedelta(0))
        event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())

