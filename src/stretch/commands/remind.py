"""`remind on/off/status` and `nudge`: the system's scheduler starts stretch, which nudges.

stretch keeps no daemon: `remind on` hands one description of the schedule to systemd,
cron, launchd or the Windows task scheduler and keeps a record of it (remind/record.py)
for `status`; `off` takes back exactly what was given, whatever the record says.
"""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from stretch.commands.common.basics import catalogue, open_history, settings

if TYPE_CHECKING:
    from pathlib import Path

    from stretch.history.store import History
    from stretch.model import Catalogue
    from stretch.output import Terminal
    from stretch.remind.notify import Notice
    from stretch.remind.schedule import Schedule
    from stretch.settings import Values

EXAMPLE = "stretch remind on --at 07:30 --days weekdays"


def on(term: Terminal, *, at: str, days: str | None, use_cron: bool) -> None:
    """Hand the reminder to the scheduler and keep its record, both or neither: a record
    that cannot be written installs nothing (and a reminder `status` could not show)."""
    import contextlib
    import os

    from stretch.errors import StretchError
    from stretch.files import remind_file
    from stretch.history.calendar import rest_weekdays
    from stretch.remind import record
    from stretch.remind.schedule import (
        Schedule,
        parse_days,
        parse_time,
        passed_on,
        stretch_program,
        unrested_days,
    )

    moment = parse_time(at)
    if days is not None:
        weekdays = parse_days(days)
    else:
        weekdays = unrested_days(rest_weekdays(catalogue().week))
    schedule = Schedule(moment, weekdays, stretch_program(), passed_on(os.environ))
    path = remind_file()
    _writable(path, "no reminder was set")
    try:  # all of it or none: any failure on the way takes back what was done
        via = _install(term, schedule, use_cron=use_cron)
        record.save(path, schedule, via)
    except StretchError as err:  # (the disk filled up since the check, say)
        with contextlib.suppress(StretchError):
            _take_back()
        message = err.message if "nothing was set" in err.message else (
            f"{err.message}; no reminder was set")
        raise StretchError(message) from None
    except BaseException:
        with contextlib.suppress(StretchError):
            _take_back()
        raise
    if via != "systemd-files":
        for line in (f"Reminder on: {describe(schedule)}, {record.VIA[via]}.",
                     f"Next: {when(schedule, _now())}."):
            term.say(line, soft_wrap=True)
    unseen = _no_notifier()
    if unseen:
        term.note(f"stretch: {unseen}")


def _install(term: Terminal, schedule: Schedule, *, use_cron: bool) -> str:
    """Hand the schedule to this system's scheduler; which one took it (a VIA key)."""
    from stretch.remind import install, launchd

    system = install.system()
    if system == "darwin":
        install.load_agent(schedule, launchd.agent_path())
        return "launchd"
    if system == "win32":
        install.create_task(schedule)
        return "schtasks"
    return _install_linux(term, schedule, use_cron=use_cron)


def _install_linux(term: Terminal, schedule: Schedule, *, use_cron: bool) -> str:
    """The systemd timer (or cron with --cron); when the timer cannot be enabled, one line
    says so and the crontab line is shown, or updated if cron has the reminder already."""
    import shutil

    from stretch.errors import StretchError
    from stretch.remind import cron, install, systemd

    folder = systemd.unit_dir()
    if use_cron:
        install.add_cron_line(schedule)
        install.remove_units(folder)  # one reminder, not two
        return "cron"
    table = install.read_crontab() if install.has_cron() else None  # before any change
    if table is None and shutil.which("systemctl") is None:
        raise StretchError(f"{NO_SCHEDULER}; nothing was set")
    had_line = table is not None and cron.has_line(table)
    install.write_units(schedule, folder)
    problem = install.enable_timer()
    if problem is None:
        if had_line:
            install.remove_cron_line()  # one reminder, not two
        return "systemd"
    said = f"stretch: the timer is written to {folder} but could not be enabled ({problem})"
    if had_line:  # cron took the reminder before: it takes the new one
        install.add_cron_line(schedule)
        term.note(f"{said}; your crontab line is updated instead.")
        return "cron"
    if table is None:  # no cron either: nothing here fires it
        term.note(f"{said}, and cron is not installed to fire it instead: it will not fire "
                  f"until systemd's user timers run here; or {install.INSTALL_CRON} and run "
                  "`stretch remind on --cron`.")
        return "systemd-files"
    term.note(f"{said}; `stretch remind on --cron` adds this crontab line instead:")
    term.say(cron.line(schedule), soft_wrap=True)
    return "systemd-files"


NO_SCHEDULER = ("no scheduler here can fire a reminder: neither systemd (systemctl) nor cron "
                "(crontab) is installed; install cron (Debian and Ubuntu: sudo apt install "
                "cron) and run this again")


def _no_notifier() -> str | None:
    """What is missing to show a reminder (and what to install), or None."""
    from stretch.files import remind_log
    from stretch.remind import notify

    command = settings().values.notify_command
    if notify.find_notifier(command) is not None:
        return None
    install = {"linux": " (Debian and Ubuntu: sudo apt install libnotify-bin)"}.get(
        notify.platform_name(), "")
    return (f"no notification program can show the reminder: {notify.missing(command)}"
            f"{install}, or set notify_command in config.toml; until then each reminder is "
            f"only written to {remind_log()}")


def off(term: Terminal) -> None:
    """Take back everything `remind on` gave any scheduler here, and nothing else. A record
    that cannot be removed (a read-only folder) leaves everything as it is: a timer gone
    while `status` still shows it would be half a reminder."""
    from stretch.files import remind_file, remove

    path = remind_file()
    if path.exists():
        _writable(path, "nothing was removed")
    removed = _take_back()
    remove(path)
    if removed:
        term.say(f"Reminder off: removed {' and '.join(removed)}.", soft_wrap=True)
    else:
        term.say("No reminder was set: nothing to remove.")


def _take_back() -> list[str]:
    """Remove the reminder from every scheduler `remind on` may have given it to here;
    what was removed, in words."""
    from stretch.remind import install, launchd, systemd

    removed = []
    system = install.system()
    if system == "darwin":
        if install.remove_agent(launchd.agent_path()):
            removed.append(f"the launchd agent {launchd.agent_path()}")
    elif system == "win32":
        if install.delete_task():
            removed.append("the scheduled task stretch-remind")
    else:
        folder = systemd.unit_dir()
        units = install.remove_units(folder)
        if len(units) == 2:
            removed.append(f"the systemd timer and service from {folder}")
        elif units:
            left = ({systemd.TIMER, systemd.SERVICE} - {unit.name for unit in units}).pop()
            removed.append(f"{units[0]} (not {left}, which was edited by hand: it is yours "
                           "now, to remove yourself)")
        if install.remove_cron_line():
            removed.append("the line in your crontab")
    return removed


def _writable(path: Path, outcome: str) -> None:
    """Fail before anything is done when the record could not be written or removed,
    saying what that means for the reminder."""
    from stretch.errors import StretchError
    from stretch.files import check_writable

    try:
        check_writable(path)
    except StretchError as err:
        raise StretchError(f"{err.message}; {outcome}") from None


def status(term: Terminal) -> None:
    """What is set, when it fires next and what it runs; what systemd says, where it can."""
    from stretch.files import remind_file
    from stretch.remind import install, record, systemd

    saved = record.load(remind_file())
    if saved is None:
        term.say(f"No reminder is set. To set one: {EXAMPLE}", soft_wrap=True)
        return
    schedule, via = saved
    missing = _missing(via)
    fires = missing is None and via != "systemd-files"
    lines = [f"Reminder: {describe(schedule)}, {record.VIA[via]}.",
             f"Next: {when(schedule, _now())}." if fires else "Next: none: it cannot fire.",
             f"Runs: {' '.join(schedule.command)}"]
    if missing:
        lines.append(f"But {missing}: run `stretch remind on` again.")
    elif via == "systemd-files":
        lines.append("It will not fire until systemd's user timers run here; "
                     + ("`stretch remind on --cron` uses cron instead." if install.has_cron()
                        else f"or {install.INSTALL_CRON} and run `stretch remind on --cron`."))
    unseen = _no_notifier()
    if unseen:
        lines.append(f"But {unseen}.")
    for line in lines:
        term.say(line, soft_wrap=True)
    if via == "systemd":
        code, said = install.run(["systemctl", "--user", "list-timers", "--no-pager",
                                  systemd.TIMER])
        if code == 0 and said.strip():
            for line in said.rstrip().splitlines():
                term.say(line, style="dim", soft_wrap=True)


def _missing(via: str) -> str | None:
    """What should be there and is not (someone removed it by hand), or None."""
    from stretch.remind import cron, install, launchd, systemd

    if via.startswith("systemd") and not (systemd.unit_dir() / systemd.TIMER).exists():
        return f"the timer file is gone from {systemd.unit_dir()}"
    if via == "cron":
        table = install.read_crontab()
        if table is None:
            return f"cron is no longer installed ({install.INSTALL_CRON})"
        if not cron.has_line(table):
            return "its line is gone from your crontab"
    if via == "launchd" and not launchd.agent_path().exists():
        return f"{launchd.agent_path()} is gone"
    return None


def describe(schedule: Schedule) -> str:
    """'07:30 on weekdays (Mon-Fri)', '18:00 every day'."""
    from stretch.days import describe_days

    days = describe_days(schedule.weekdays)
    return f"{schedule.clock} {days if days == 'every day' else 'on ' + days}"


def when(schedule: Schedule, now: datetime) -> str:
    """'Wed 25 Nov at 07:30 (in 23 h 30 min)': the next time, computed from the schedule;
    the wait in real time, across a change of the clocks (`next_time`)."""
    from stretch.remind.schedule import next_time

    moment = next_time(schedule, now)
    return f"{moment:%a %d %b} at {schedule.clock} ({_until(moment - now)})"


def _until(gap: timedelta) -> str:
    from stretch.text import plural

    hours, minutes = divmod(int(gap.total_seconds() // 60), 60)
    if hours >= 48:
        days, hours = divmod(hours, 24)
        return f"in {plural(days, 'day')} {hours} h"
    return f"in {hours} h {minutes} min" if hours else f"in {max(1, minutes)} min"


def _now() -> datetime:
    from stretch import wallclock

    return wallclock.local_now()


def nudge(term: Terminal, *, show: bool) -> None:
    """The reminder the scheduler runs. Unseen, it never fails loudly: a problem is one
    line in the log (files.remind_log) and the exit is 0. `show` prints it instead."""
    from stretch.errors import StretchError
    from stretch.files import remind_log
    from stretch.remind import notify

    now = _now()
    try:
        values = settings().values
        with open_history(term) as history:
            said = reminder(catalogue(), history, values, now)
    except StretchError as err:
        if show:
            raise
        with contextlib.suppress(StretchError):  # no folder for a log (STRETCH_HOME a file)
            notify.log(remind_log(), now, f"stretch nudge: {err.message}")
        return
    if isinstance(said, str):
        if show:
            term.note(f"No reminder. {said}")
        return
    if show:
        term.say(said.title, soft_wrap=True)
        term.say(said.body, soft_wrap=True)
        return
    notifier = notify.find_notifier(values.notify_command)
    problem = notify.missing(values.notify_command) if notifier is None else notifier.send(said)
    if problem is not None:
        notify.log(remind_log(), now, f"stretch nudge: {problem}; the reminder was: {said.line}")


def reminder(known: Catalogue, history: History, values: Values, now: datetime
             ) -> Notice | str:
    """Today's reminder, or why there is none: quiet hours, a rest day, or already done."""
    from stretch import text
    from stretch.fit.fitted import fit_to
    from stretch.history.calendar import current_streak, done_today, today
    from stretch.plan import timed_steps, total_seconds
    from stretch.remind import notify

    if notify.quiet(values.quiet_hours, now.time()):
        return f"It is quiet hours ({values.quiet_hours})."
    day = today(known, history, now)
    if day.routine is None:
        return text.rest_day(now.strftime("%A"))
    done = done_today(day)
    if done is not None:
        return text.done_today(done.title, done.started.time())
    from stretch.coach.levels import Log, Standing, replay_log
    from stretch.commands.common.person import profile

    person = profile()
    progress = replay_log(known, Log.read(history), person, checkins_on=values.checkin)
    mine = Standing.of(progress, person).routine(known, day.routine)[0]  # what runs for them
    ready = fit_to(mine, values.timings(), person.minutes)
    minutes = text.minutes(total_seconds(timed_steps(ready.routine, ready.settings)))
    return notify.notice(day.routine.title, minutes, current_streak(known, history, now))
