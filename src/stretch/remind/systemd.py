"""A systemd user timer and service for a Schedule: pure text, quoted as systemd.syntax says.

`Persistent=true` makes a reminder missed while the computer was off fire at the next
login. Paths are quoted word by word, so a stretch installed under a folder with spaces,
quotes, `%` or `$` in its name still runs the right program.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from stretch.days import EVERY_DAY, describe_days, runs
from stretch.model import WEEKDAYS
from stretch.remind.schedule import NAME, Schedule

TIMER = f"{NAME}.timer"
SERVICE = f"{NAME}.service"
MARK = "# Written by `stretch remind on`; `stretch remind off` removes it."
_PLAIN = re.compile(r"[A-Za-z0-9_@+=:,./-]+")  # a word that needs no quotes
# systemd refuses these in the path of the program it starts (not in its arguments)
_REFUSED_IN_PROGRAM = re.compile(r"[\\\"'\x00-\x1f\x7f]")
ENV = "/usr/bin/env"


def unit_dir(env: Mapping[str, str] = os.environ) -> Path:
    """Where user units live: $XDG_CONFIG_HOME/systemd/user, by default ~/.config/..."""
    base = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user"


def word(arg: str, *, dollars: bool = True) -> str:
    """One word for a unit file: C escapes and quotes, `%` doubled (a specifier otherwise)
    and, where variables expand (ExecStart='s arguments), `$` doubled."""
    text = arg.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("%", "%%")
    if dollars:
        text = text.replace("$", "$$")
    return text if _PLAIN.fullmatch(arg) else f'"{text}"'


def on_calendar(schedule: Schedule) -> str:
    """OnCalendar= in systemd's own normal form: 'Mon..Wed,Fri *-*-* 07:30:00'."""
    moment = f"*-*-* {schedule.clock}:00"
    if schedule.weekdays == EVERY_DAY:
        return moment
    names = [day.title() for day in WEEKDAYS]
    parts = []
    for first, last in runs(schedule.weekdays):
        if last - first >= 2:
            parts.append(f"{names[first]}..{names[last]}")
        else:
            parts.extend(names[first:last + 1])
    return f"{','.join(parts)} {moment}"


def service(schedule: Schedule) -> str:
    """The unit that runs `stretch nudge` once."""
    lines = [MARK, "[Unit]", "Description=stretch: a reminder when today's routine is due", "",
             "[Service]", "Type=oneshot"]
    lines += [f"Environment={word(f'{k}={v}', dollars=False)}" for k, v in schedule.environment]
    lines.append(f"ExecStart={exec_start(schedule.command)}")
    return "\n".join(lines) + "\n"


def exec_start(command: tuple[str, ...]) -> str:
    """ExecStart=: the program's path expands no variables; a path systemd will not take
    as a program (it holds a quote or a backslash) is handed to env as an argument."""
    program, *args = command
    if _REFUSED_IN_PROGRAM.search(program):
        program, args = ENV, [program, *args]
    return " ".join([word(program, dollars=False), *(word(arg) for arg in args)])


def timer(schedule: Schedule) -> str:
    """The timer that starts the service on the chosen days at the chosen time."""
    when = f"{schedule.clock}, {describe_days(schedule.weekdays)}"
    return "\n".join([
        MARK, "[Unit]", f"Description=stretch: the reminder's schedule ({when})", "",
        "[Timer]", f"OnCalendar={on_calendar(schedule)}", "Persistent=true", "",
        "[Install]", "WantedBy=timers.target", "",
    ])
