"""Handing a Schedule to the system's scheduler, and taking back only what stretch gave it.

Every program runs from an argument list, never through a shell. A unit file, crontab
line or agent that stretch did not write is never replaced or removed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from stretch.errors import StretchError
from stretch.files import remove, write_atomically
from stretch.remind import cron, launchd, systemd, windows
from stretch.remind.schedule import Schedule

TIMEOUT = 30


def system() -> str:
    """'linux' (and other Unixes with systemd or cron), 'darwin' or 'win32'."""
    return sys.platform if sys.platform in ("darwin", "win32") else "linux"


def run(argv: list[str], *, given: bytes | None = None) -> tuple[int, str]:
    """Run a program; its exit code and what it said (stdout as it is when it worked, else
    its stderr), 127 if it is not installed. What it says is read as UTF-8, any byte
    that is not shown as U+FFFD: for messages (`run_bytes` keeps the bytes)."""
    code, out, err = run_bytes(argv, given=given)
    said = out if code == 0 else err or out
    return code, said.decode("utf-8", "replace")


def run_bytes(argv: list[str], *, given: bytes | None = None) -> tuple[int, bytes, bytes]:
    """Run a program in a process group of its own (ended whole if it hangs); its exit
    code, standard output and standard error as bytes."""
    from stretch import helpers

    if shutil.which(argv[0]) is None:
        return 127, b"", f"{argv[0]} is not installed".encode()
    try:
        return helpers.run(argv, given=given, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return 124, b"", f"{argv[0]} did not finish in {TIMEOUT} s".encode()
    except OSError as err:
        return 126, b"", f"{argv[0]} could not run: {err.strerror}".encode()


def _said(argv: list[str], message: str) -> str:
    first = message.strip().splitlines()[0] if message.strip() else "failed"
    return f"{' '.join(argv)}: {first}"


# --- systemd ------------------------------------------------------------------------------

def _ours(path: Path) -> bool:
    try:
        return path.read_text(encoding="utf-8").startswith(systemd.MARK)
    except (OSError, UnicodeDecodeError):
        return False


def write_units(schedule: Schedule, folder: Path) -> list[Path]:
    """The timer and the service, each written whole; a file stretch did not write is kept."""
    paths = [folder / systemd.SERVICE, folder / systemd.TIMER]
    for path in paths:
        if path.exists() and not _ours(path):
            raise StretchError(f"{path} was not written by stretch; move it away first")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StretchError(f"cannot make {folder}: {err.strerror}") from None
    write_atomically(paths[0], systemd.service(schedule), force=True)
    write_atomically(paths[1], systemd.timer(schedule), force=True)
    return paths


def enable_timer() -> str | None:
    """Start the timer now and at every login; None when it worked, else why not."""
    for args in (["daemon-reload"], ["enable", "--now", systemd.TIMER]):
        argv = ["systemctl", "--user", *args]
        code, said = run(argv)
        if code != 0:
            return _said(argv, said)
    return None


def remove_units(folder: Path) -> list[Path]:
    """Stop the timer and delete those of the two files stretch wrote (and the link
    `enable` made); the files removed. One edited by hand (it no longer starts with
    stretch's mark) is the person's now: it stays, and is not in the list."""
    timer, service = folder / systemd.TIMER, folder / systemd.SERVICE
    ours = [p for p in (timer, service) if _ours(p)]
    if not ours:
        return []
    run(["systemctl", "--user", "disable", "--now", systemd.TIMER])
    link = folder / "timers.target.wants" / systemd.TIMER
    if link.is_symlink() and link.resolve() == timer.resolve():
        remove(link)
    for path in ours:
        remove(path)
    run(["systemctl", "--user", "daemon-reload"])
    return ours


# --- cron ---------------------------------------------------------------------------------

INSTALL_CRON = "install cron (Debian and Ubuntu: sudo apt install cron)"
NO_CRONTAB = f"crontab is not installed ({INSTALL_CRON}, or use the systemd timer)"


def has_cron() -> bool:
    return shutil.which("crontab") is not None


def read_crontab() -> bytes | None:
    """The user's crontab as its bytes (b'' when there is none yet); None when cron is not
    installed."""
    code, out, err = run_bytes(["crontab", "-l"])
    if code == 127:
        return None
    if code != 0:
        said = (err or out).decode("utf-8", "replace")
        if "no crontab" in said.lower():
            return b""
        raise StretchError(_said(["crontab", "-l"], said))
    return out


def _write_crontab(table: bytes) -> None:
    code, said = run(["crontab", "-"], given=table)
    if code != 0:
        raise StretchError(_said(["crontab", "-"], said))


def add_cron_line(schedule: Schedule) -> None:
    """Put stretch's line in the crontab, replacing an earlier one."""
    table = read_crontab()
    if table is None:
        raise StretchError(NO_CRONTAB)
    _write_crontab(cron.replaced(table, cron.line(schedule)))


def remove_cron_line() -> bool:
    """Take stretch's line out of the crontab; True if it was there."""
    table = read_crontab() or b""
    if not cron.has_line(table):
        return False
    _write_crontab(cron.replaced(table, None))
    return True


# --- launchd (macOS) ----------------------------------------------------------------------

def _domain() -> str:
    return f"gui/{os.getuid()}"


def load_agent(schedule: Schedule, path: Path) -> None:
    """Write the agent and (re)load it: `launchctl bootstrap`, or `load` on older macOS."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StretchError(f"cannot make {path.parent}: {err.strerror}") from None
    write_atomically(path, launchd.plist(schedule), force=True)
    unload_agent(path)
    argv = ["launchctl", "bootstrap", _domain(), str(path)]
    code, said = run(argv)
    if code != 0 and run(["launchctl", "load", "-w", str(path)])[0] != 0:
        raise StretchError(_said(argv, said))


def unload_agent(path: Path) -> None:
    if run(["launchctl", "bootout", f"{_domain()}/{launchd.LABEL}"])[0] != 0 and path.exists():
        run(["launchctl", "unload", "-w", str(path)])


def remove_agent(path: Path) -> bool:
    if not path.exists():
        return False
    unload_agent(path)
    remove(path)
    return True


# --- Windows ------------------------------------------------------------------------------

def create_task(schedule: Schedule) -> None:
    argv = windows.create(schedule)
    code, said = run(argv)
    if code != 0:
        raise StretchError(_said(argv[:2], said))


def delete_task() -> bool:
    return run(windows.delete())[0] == 0
