"""Whether the process that wrote a `running` row still runs: if not, the session was
interrupted. Reads the process table only, never the history file (no sqlite3 here).
"""

from __future__ import annotations

import itertools
import os
import socket
import time
from datetime import datetime
from pathlib import Path

RUNNING_AT_MOST = 24 * 3600  # seconds: a row "running" longer than this was interrupted
START_SLACK = 60  # seconds a process's start time may seem to follow its session's


def writer_alive(pid: int | None, host: str | None, started: datetime | None = None) -> bool:
    """Whether the process that wrote a running row (begun at `started`) still runs here.

    A process id is reused (after a reboot or a power cut, by any program), so where
    /proc tells, the process must be stretch and have started before the session did; and
    a row running for a day is interrupted, wherever it was written."""
    if pid is None or host != socket.gethostname():
        return False
    if started is not None and time.time() - started.timestamp() > RUNNING_AT_MOST:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return started is None or _same_process(pid, started)


def _same_process(pid: int, started: datetime) -> bool:
    """Whether process `pid` is stretch and was running when the session began (True where
    /proc cannot say)."""
    proc = Path("/proc")
    try:
        argv = (proc / str(pid) / "cmdline").read_bytes().split(b"\0")
        fields = (proc / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
        boot = next(int(line.split()[1]) for line in (proc / "stat").read_text().splitlines()
                    if line.startswith("btime "))
        ticks = os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return True
    began = boot + int(fields[19]) / ticks  # field 22, counted after the name's ')'
    if began > started.timestamp() + START_SLACK:
        return False
    words = [Path(a.decode("utf-8", "replace")).name for a in argv if a]
    return any(w in ("stretch", "stretch.exe") for w in words) or any(
        a == "-m" and b in ("stretch", "stretch.__main__") for a, b in itertools.pairwise(words))
