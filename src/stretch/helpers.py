"""The programs stretch starts to help it (speech, the notification, the scheduler's
tools), each in a process group of its own, so it can be ended whole: a helper that
hangs, or a shell script that started another program, never outlives the work it was
started for, nor stretch itself (every group still running is killed at exit).

No shell is involved: each helper runs from an argument list.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import subprocess
import threading
from collections.abc import Mapping, Sequence

_LIVE: set[subprocess.Popen[bytes]] = set()
_GUARD = threading.Lock()
_POSIX = os.name == "posix"


def start(argv: Sequence[str], *, env: Mapping[str, str] | None = None,
          given: bool = False, capture: bool = False) -> subprocess.Popen[bytes]:
    """Start a helper in a new process group (a new session on POSIX): standard input
    is a pipe when something is `given`, else nothing; its output is kept with `capture`,
    else dropped."""
    output = subprocess.PIPE if capture else subprocess.DEVNULL
    proc = subprocess.Popen(list(argv), env=None if env is None else dict(env),
                            stdin=subprocess.PIPE if given else subprocess.DEVNULL,
                            stdout=output, stderr=output, start_new_session=_POSIX)
    with _GUARD:
        _LIVE.add(proc)
    return proc


def stop(proc: subprocess.Popen[bytes]) -> None:
    """End a helper and everything in its group (safe to call when it has ended)."""
    if _POSIX:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    elif proc.poll() is None:  # pragma: no cover - Windows: the program itself
        with contextlib.suppress(OSError):
            proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=5)
    with _GUARD:
        _LIVE.discard(proc)


def run(argv: Sequence[str], *, timeout: float, given: bytes | None = None,
        env: Mapping[str, str] | None = None) -> tuple[int, bytes, bytes]:
    """Run a helper to its end: its exit code, standard output and error, as bytes.
    `subprocess.TimeoutExpired` after `timeout` seconds, with its whole group ended (and
    ended too on any other way out, Ctrl-C included)."""
    proc = start(argv, env=env, given=given is not None, capture=True)
    try:
        out, err = proc.communicate(given, timeout=timeout)
    finally:
        stop(proc)  # the group: a helper's own children, even once it has ended
    return proc.returncode, out, err


def stop_all() -> None:
    """End every helper still running: at exit, whatever way stretch leaves."""
    with _GUARD:
        live = list(_LIVE)
    for proc in live:
        stop(proc)


atexit.register(stop_all)
