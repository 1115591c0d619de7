"""The crontab line for a Schedule, and finding stretch's own line among a user's.

cron hands the command to /bin/sh, so each word is quoted for the shell, and `%` (which
cron turns into a newline) is escaped. The line ends with a mark so that `remind on`
can replace it and `remind off` remove it without touching any other line: the table is
handled as bytes, so another program's lines are kept exactly (any encoding, CRLF).
"""

from __future__ import annotations

import shlex

from stretch.days import EVERY_DAY, runs
from stretch.errors import StretchError
from stretch.remind.schedule import NAME, Schedule

MARK = f"# {NAME}"


def day_field(weekdays: tuple[int, ...]) -> str:
    """cron's day-of-week field: '*', '1-5', '0,6' (cron counts from Sunday = 0)."""
    if weekdays == EVERY_DAY:
        return "*"
    cron_days = sorted((d + 1) % 7 for d in weekdays)
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in runs(cron_days))


def _shell(arg: str) -> str:
    if "\n" in arg:
        raise StretchError(f"cannot put {arg!r} on a crontab line: it holds a line break")
    return shlex.quote(arg).replace("%", "\\%")


def line(schedule: Schedule) -> str:
    """'30 7 * * 1-5 /path/to/stretch nudge # stretch-remind'."""
    words = [f"{k}={_shell(v)}" for k, v in schedule.environment]  # NAME= stays unquoted
    words += [_shell(arg) for arg in schedule.command]
    at = schedule.at
    return f"{at.minute} {at.hour} * * {day_field(schedule.weekdays)} {' '.join(words)} {MARK}"


def is_ours(line: bytes) -> bool:
    return line.rstrip(b" \t\r").endswith(MARK.encode())


def lines(table: bytes) -> list[bytes]:
    """A crontab's lines as cron reads them: split at newlines only (a carriage return, a
    form feed or U+2028 is part of its line), each exactly as its bytes are."""
    found = table.split(b"\n")
    return found[:-1] if found[-1] == b"" else found


def has_line(table: bytes) -> bool:
    return any(is_ours(each) for each in lines(table))


def replaced(table: bytes, new: str | None) -> bytes:
    """A crontab with stretch's line replaced by `new` (or removed), every other line kept
    byte for byte, in whatever encoding its program wrote it."""
    kept = [each for each in lines(table) if not is_ours(each)]
    if new is not None:
        kept.append(new.encode("utf-8"))
    return b"".join(each + b"\n" for each in kept)
