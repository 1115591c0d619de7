"""Which of this system's schedulers takes the reminder, and taking it back from all of
them: a launchd agent on macOS, a scheduled task on Windows, a systemd user timer on
Linux (or a crontab line, with --cron or where the timer cannot be enabled).

`install.py` does each hand-over; this chooses between them and says what happened.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from stretch.errors import StretchError
from stretch.remind import cron, install, launchd, systemd

if TYPE_CHECKING:
    from stretch.output import Terminal
    from stretch.remind.schedule import Schedule

NO_SCHEDULER = ("no scheduler here can fire a reminder: neither systemd (systemctl) nor cron "
                "(crontab) is installed; install cron (Debian and Ubuntu: sudo apt install "
                "cron) and run this again")


def hand_over(term: Terminal, schedule: Schedule, *, use_cron: bool) -> str:
    """Hand the schedule to this system's scheduler; which one took it (a VIA key)."""
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


def take_back() -> list[str]:
    """Remove the reminder from every scheduler `remind on` may have given it to here;
    what was removed, in words."""
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


def gone(via: str) -> str | None:
    """What should be there and is not (someone removed it by hand), or None."""
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
