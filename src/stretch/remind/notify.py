"""The reminder itself: its words, quiet hours, and the desktop's notification program.

Notifiers run without a shell and get the title and body as whole arguments (or, for
PowerShell, as environment variables), so nothing in a routine's title can run as a
command. A scheduled nudge runs unseen: problems go to a log file, never to a screen.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

from stretch.text import plural
from stretch.toml_table import span_times

APP = "stretch"
_PLACEHOLDER = re.compile(r"\{(title|body)\}")
# Windows: a balloon from the notification area, which Windows 10 and 11 show as a toast.
# PowerShell's -Command joins any later arguments into the script, so the text comes in
# through the environment instead.
_POWERSHELL = (
    "Add-Type -AssemblyName System.Windows.Forms, System.Drawing; "
    "$n = New-Object System.Windows.Forms.NotifyIcon; "
    "$n.Icon = [System.Drawing.SystemIcons]::Information; $n.Visible = $true; "
    "$n.ShowBalloonTip(10000, $env:STRETCH_TITLE, $env:STRETCH_BODY, 'Info'); "
    "Start-Sleep -Seconds 10; $n.Dispose()"
)
PLATFORM_NOTIFIERS: dict[str, tuple[str, ...]] = {
    "linux": ("notify-send", f"--app-name={APP}", "--", "{title}", "{body}"),
    # osascript passes the words after the script to its run handler as a list of
    # strings: no AppleScript string to build, so no quote in a title can break out.
    "darwin": ("osascript", "-e", "on run argv",
               "-e", "display notification (item 2 of argv) with title (item 1 of argv)",
               "-e", "end run", "{title}", "{body}"),
    "win32": ("powershell", "-NoProfile", "-NonInteractive", "-Command", _POWERSHELL),
}
TIMEOUT = 30


@dataclass(frozen=True, slots=True)
class Notice:
    """What the reminder says."""

    title: str
    body: str

    @property
    def line(self) -> str:
        return f"{self.title}: {self.body}"


def notice(title: str, minutes: int, streak: int) -> Notice:
    """Today's routine, its minutes and the streak at stake."""
    at_stake = (f"Your streak of {plural(streak, 'day')} is at stake" if streak
                else "Start a streak today")
    return Notice(f"Time for {title}",
                  f"{plural(minutes, 'minute')}. {at_stake}: run stretch today.")


def quiet(hours: str | None, at: time) -> bool:
    """Whether `at` falls in the quiet hours ('22:00-07:00' runs past midnight)."""
    span = span_times(hours) if hours else None
    if span is None:
        return False
    start, end = span
    return start <= at < end if start < end else (at >= start or at < end)


@dataclass(frozen=True, slots=True)
class Notifier:
    """A notification program: arguments with {title} and {body}, run without a shell."""

    argv: tuple[str, ...]

    def command(self, note: Notice) -> list[str]:
        """The arguments with the placeholders filled in one pass (a title holding
        '{body}' stays as written)."""
        words = {"title": note.title, "body": note.body}
        return [_PLACEHOLDER.sub(lambda m: words[m.group(1)], arg) for arg in self.argv]

    def send(self, note: Notice) -> str | None:
        """Show the notice; None when it went, else what went wrong, in a few words."""
        from stretch import helpers

        env = {**os.environ, "STRETCH_TITLE": note.title, "STRETCH_BODY": note.body}
        try:
            code, _, err = helpers.run(self.command(note), env=env, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return f"{self.argv[0]} did not finish in {TIMEOUT} s"
        except OSError as error:
            return f"{self.argv[0]} could not run: {error.strerror}"
        if code != 0:
            said = err.decode("utf-8", "replace").strip().splitlines()
            return f"{self.argv[0]} failed (exit {code})" + (f": {said[0]}" if said else "")
        return None


def find_notifier(configured: tuple[str, ...] | None,
                  platform: str = sys.platform) -> Notifier | None:
    """The configured program, else the platform's own; None when it is not installed."""
    argv = configured or PLATFORM_NOTIFIERS.get(platform)
    if not argv or shutil.which(argv[0]) is None:
        return None
    return Notifier(argv)


def platform_name() -> str:
    """'linux', 'darwin' or 'win32': whose notification program is the default."""
    return sys.platform if sys.platform in PLATFORM_NOTIFIERS else "linux"


def missing(configured: tuple[str, ...] | None, platform: str = sys.platform) -> str:
    """Why there is no notifier, for the log."""
    argv = configured or PLATFORM_NOTIFIERS.get(platform)
    if not argv:
        return f"no notification program is known for {platform}; set notify_command"
    return f"{argv[0]} is not installed"


def log(path: Path, now: datetime, message: str) -> None:
    """Append one line to the reminder log; if even that fails, stay silent."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as out:
            out.write(f"{now.isoformat(timespec='seconds')} {' '.join(message.split())}\n")
