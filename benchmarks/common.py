"""Helpers shared by the benchmark scripts: timing commands and printing a table."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent


def stretch_command() -> list[str]:
    """The installed console script next to this interpreter, else `python -m stretch`."""
    script = Path(sys.executable).with_name("stretch")
    if script.exists():
        return [str(script)]
    found = shutil.which("stretch")
    return [found] if found else [sys.executable, "-m", "stretch"]


def quiet_env() -> dict[str, str]:
    """An environment with an empty STRETCH_HOME, so user files do not skew the figures."""
    home = tempfile.mkdtemp(prefix="stretch-bench-")
    return {**os.environ, "STRETCH_HOME": home}


def median_seconds(argv: Sequence[str], *, runs: int, env: dict[str, str]) -> float:
    """Median wall time of running a command `runs` times (after one warm-up run)."""
    subprocess.run(argv, env=env, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A plain-text table: readable in a terminal and pasteable into the README."""
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *rows, strict=True)]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"
    print(line)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
