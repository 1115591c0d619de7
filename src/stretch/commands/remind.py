"""`remind on/off/status`: the system's scheduler starts stretch, which nudges (nudge.py).

stretch keeps no daemon: `remind on` hands one description of the schedule to systemd,
cron, launchd or the Windows task scheduler (remind/handover.py) and keeps a record of
it (remind/record.py) for `status`; `off` takes back exactly what was given, whatever
the record says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretch.commands.common.basics import catalogue, settings

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from stretch.output import Terminal

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
    from stretch.remind.handover import hand_over, take_back
    from stretch.remind.schedule import (
        Schedule,
        parse_days,
        parse_time,
        passed_on,
        stretch_program,
        unrested_days,
    )
    from stretch.remind.wording import describe, when

    moment = parse_time(at)
    if days is not None:
        weekdays = parse_days(days)
    else:
        weekdays = unrested_days(rest_weekdays(catalogue().week))
    schedule = Schedule(moment, weekdays, stretch_program(), passed_on(os.environ))
    path = remind_file()
    _writable(path, "no reminder was set")
    try:  # all of it or none: any failure on the way takes back what was done
        via = hand_over(term, schedule, use_cron=use_cron)
        record.save(path, schedule, via)
    except StretchError as err:  # (the disk filled up since the check, say)
        with contextlib.suppress(StretchError):
            take_back()
        message = err.message if "nothing was set" in err.message else (
            f"{err.message}; no reminder was set")
        raise StretchError(message) from None
    except BaseException:
        with contextlib.suppress(StretchError):
            take_back()
        raise
    if via != "systemd-files":
        for line in (f"Reminder on: {describe(schedule)}, {record.VIA[via]}.",
                     f"Next: {when(schedule, _now())}."):
            term.say(line, soft_wrap=True)
    unseen = _no_notifier()
    if unseen:
        term.note(f"stretch: {unseen}")


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
    from stretch.remind.handover import take_back

    path = remind_file()
    if path.exists():
        _writable(path, "nothing was removed")
    removed = take_back()
    remove(path)
    if removed:
        term.say(f"Reminder off: removed {' and '.join(removed)}.", soft_wrap=True)
    else:
        term.say("No reminder was set: nothing to remove.")


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
    from stretch.remind.handover import gone
    from stretch.remind.wording import describe, when

    saved = record.load(remind_file())
    if saved is None:
        term.say(f"No reminder is set. To set one: {EXAMPLE}", soft_wrap=True)
        return
    schedule, via = saved
    missing = gone(via)
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


def _now() -> datetime:
    from stretch import wallclock

    return wallclock.local_now()
