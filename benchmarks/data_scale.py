"""Data that travels, at ten years: export, import and sync of 3,650 sessions and 3,650
check-ins (the history `history_scale.py` builds).

Goal (issue #24): each under 2 s, the whole command, start-up included:
- `stretch export` (JSON Lines, with every dose change replayed) and `--format csv`;
- `stretch import` into an empty home (everything new), and again (nothing new);
- `stretch sync` of a new machine against a folder holding the other's ten years; a sync
  that reads and merges the other's file whole (it changed: the other had a session); and
  one where nothing changed on either (the other's file is known, so it is not read).
Run: python benchmarks/data_scale.py [--years N] [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import print_table, quiet_env, stretch_command
from history_scale import build

GOAL_S = 2.0


def timed(argv: list[str], env: dict[str, str], runs: int,
          before: Callable[[], None] = lambda: None) -> float:
    """The median wall time of a command, `before` run (untimed) ahead of each run."""
    times = []
    for _ in range(runs + 1):  # the first run warms the caches and is not counted
        before()
        start = time.perf_counter()
        subprocess.run(argv, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


def rows(years: int = 10, runs: int = 5) -> list[list[str]]:
    env = quiet_env()
    home = Path(env["STRETCH_HOME"])
    work = Path(tempfile.mkdtemp(prefix="stretch-bench-data-"))
    stretch = stretch_command()
    other = {**env, "STRETCH_HOME": str(work / "other")}
    folder = work / "Sync"
    folder.mkdir()
    try:
        sessions = build(home, years)
        backup, table = work / "backup.jsonl", work / "sessions.csv"

        def fresh_other() -> None:
            shutil.rmtree(work / "other", ignore_errors=True)

        def fresh_sync() -> None:
            fresh_other()
            for made in folder.glob("stretch-*.jsonl"):
                if made.name != first_file.name:
                    made.unlink()

        measured = {
            "export (JSON Lines)": timed([*stretch, "export", "-o", str(backup), "--force"],
                                         env, runs),
            "export --format csv": timed([*stretch, "export", "-o", str(table), "--force"],
                                         env, runs),
            "import into an empty home": timed([*stretch, "import", str(backup)], other, runs,
                                               fresh_other),
            "import again (nothing new)": timed([*stretch, "import", str(backup)], other, runs),
        }
        subprocess.run([*stretch, "sync", str(folder)], env=env, capture_output=True,
                       check=True)
        (first_file,) = folder.glob("stretch-*.jsonl")
        measured["sync: a new machine takes all ten years"] = timed(
            [*stretch, "sync", str(folder)], other, runs, fresh_sync)
        def forget() -> None:  # as if the other machine's file had changed since
            db = sqlite3.connect(work / "other" / "history.sqlite3")
            with db:
                db.execute("DELETE FROM meta WHERE key LIKE 'synced:%'")
            db.close()

        measured["sync: the other's file changed (read and merged whole)"] = timed(
            [*stretch, "sync", str(folder)], other, runs, forget)
        measured["sync: nothing changed on either"] = timed(
            [*stretch, "sync", str(folder)], other, runs)
        size = backup.stat().st_size / 1e6
    finally:
        shutil.rmtree(home, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    label = f"{years}-year history ({sessions:,} sessions, {size:.1f} MB)"
    return [[f"{label}: {name}", f"{taken * 1000:.0f} ms", f"under {GOAL_S:g} s",
             "met" if taken < GOAL_S else "MISSED"] for name, taken in measured.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5, help="runs per command (median)")
    options = parser.parse_args()
    print_table(["measure", "result", "goal", ""], rows(options.years, options.runs))


if __name__ == "__main__":
    main()
