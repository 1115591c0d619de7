"""The crontab line for a Schedule, and finding stretch's own line among a user's.

cron hands the command to /bin/sh, so each word is quoted for the shell, and `%` (which
cron turns into a newline) is escaped. The line ends with a mark so that `remind on`
can replace it and `remind off` remove it without touching any other line.
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


def is_ours(text: str) -> bool:
    return text.rstrip().endswith(MARK)


def has_line(table: str) -> bool:
    return any(is_ours(each) for each in table.splitlines())


def replaced(table: str, new: str | None) -> str:
    """A crontab with stretch's line replaced by `new` (or removed), every other line kept."""
    kept = [each for each in table.splitlines() if not is_ours(each)]
    if new is not None:
        kept.append(new)
    return "".join(each + "\n" for each in kept)
