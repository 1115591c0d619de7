"""Issue 23 in real processes and terminals: output that cannot be written, a closed
pipe, the picker's keys, helpers that outlive their cue, Ctrl-Z and SIGSTOP mid-session,
no "And now?" after a session that never began.

Each test names the issue's item it covers.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from stretch.history.store import History
from tests.conftest import log_session

pytestmark = pytest.mark.slow

STRETCH = [sys.executable, "-m", "stretch"]
EVERY = [["list"], ["show", "hip-reset"], ["show", "hip-reset", "--json"], ["history"],
         ["history", "--json"], ["week"], ["moves"], ["moves", "pigeon"], ["avoid"],
         ["sheet", "hip-reset"], ["sheet", "hip-reset", "--format", "html"], ["config"],
         ["today", "--preview"], ["validate"], ["remind", "status"], ["nudge", "--print"],
         ["progress"], ["--help"], ["run", "desk-break", "--speed", "1000"]]


@pytest.fixture
def home(stretch_home: Path) -> Path:
    """A home with yesterday's session (history has rows, the nudge a streak at stake)."""
    with History.open(stretch_home / "history.sqlite3") as history:
        log_session(history, "hip-reset", datetime.now().astimezone() - timedelta(days=1))
    return stretch_home


def stretch(home: Path, args: list[str], *, env: dict[str, str] | None = None,
            **options: object) -> subprocess.CompletedProcess[str]:
    done: subprocess.CompletedProcess[str] = subprocess.run(
        [*STRETCH, *args], env={**os.environ, "STRETCH_HOME": str(home), **(env or {})},
        text=True, check=False, timeout=60, **options)  # type: ignore[call-overload]
    return done


# --- 10. output that cannot be written or encoded -----------------------------------------

@pytest.mark.parametrize("args", EVERY, ids=" ".join)
def test_10_a_full_output_is_one_line_and_exit_1(home: Path, args: list[str]) -> None:
    with Path("/dev/full").open("w") as full:
        done = stretch(home, args, stdout=full, stderr=subprocess.PIPE)
    assert (done.returncode, done.stderr) == (
        1, "stretch: error: cannot write the output: No space left on device\n")


@pytest.mark.parametrize("args", EVERY, ids=" ".join)
def test_10_a_closed_pipe_is_exit_0_and_no_message(home: Path, args: list[str]) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # the reader has gone (`| true`, `| head -1` once it has its line)
    try:
        done = stretch(home, args, stdout=writer, stderr=subprocess.PIPE)
    finally:
        os.close(writer)
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "latin-1"},
                                 {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}])
@pytest.mark.parametrize("args", [["history"], ["list"], ["sheet", "hip-reset"], ["moves",
                                  "pigeon"], ["show", "hip-reset", "--json"]], ids=" ".join)
def test_10_an_encoding_without_the_characters_gets_them_replaced(
        home: Path, args: list[str], env: dict[str, str]) -> None:
    done = stretch(home, args, env=env, capture_output=True, errors="replace")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.strip()
