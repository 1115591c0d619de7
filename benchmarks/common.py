"""Helpers shared by the benchmark scripts: timing commands and printing a table."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
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
    """An environment as a user has it: an empty STRETCH_HOME (no user files to skew the
    figures) and bytecode caching on (some sandboxes turn it off, which makes every run
    recompile the package from source)."""
    home = tempfile.mkdtemp(prefix="stretch-bench-")
    env = {**os.environ, "STRETCH_HOME": home}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def interleaved_medians(
    commands: Mapping[str, Sequence[str]], *, runs: int, env: dict[str, str],
    extra_env: Mapping[str, Mapping[str, str]] | None = None,
) -> dict[str, float]:
    """Median wall time of each command, run in rounds (one of each per round) so that a
    slow patch on a shared machine falls on every command alike, not on one.
    `extra_env` adds variables for some commands (shell completion is asked through them)."""
    envs = {label: {**env, **(extra_env or {}).get(label, {})} for label in commands}
    for label, argv in commands.items():  # warm-up: file caches, compiled bytecode, caches
        subprocess.run(argv, env=envs[label], capture_output=True, check=True)
    times: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, argv in commands.items():
            start = time.perf_counter()
            subprocess.run(argv, env=envs[label], capture_output=True, check=True)
            times[label].append(time.perf_counter() - start)
    return {label: statistics.median(values) for label, values in times.items()}


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A plain-text table: readable in a terminal and pasteable into the README."""
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *rows, strict=True)]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"
    print(line)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
