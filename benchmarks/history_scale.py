"""A ten-year history: 3,650 sessions with pain ratings, 3,650 check-ins.

Goal (coach issue): `stretch today --preview`, `stretch progress` and `stretch history`
each under 0.5 s with that history (the whole command, start-up included), because the
coach replays the log on every run rather than storing its conclusions.
Run: python benchmarks/history_scale.py [--years N] [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from common import interleaved_medians, print_table, quiet_env, stretch_command

GOAL_MS = 500.0
ROUTINES = {  # the built-in week's routines and their moves, as sessions log them
    "hip-reset": ("figure-four", "butterfly", "pigeon", "frog", "half-kneeling-hip-flexor"),
    "core-and-hips": ("glute-bridge", "dead-bug", "curl-up", "clamshell", "side-plank",
                      "bird-dog"),
    "desk-break": ("seated-figure-four", "standing-hip-flexor", "side-lunge", "hip-hinge",
                   "standing-leg-raise"),
}
GROUPS = ("gluteal", "adductor", "psoas", "core", "hip")


def build(home: Path, years: int) -> int:
    """A history of one session and one morning check-in a day for `years` years, ending
    yesterday; returns the number of sessions."""
    from stretch import wallclock
    from stretch.history import checkins
    from stretch.history.store import History

    days = 365 * years
    first = (wallclock.local_now().replace(hour=7, minute=0, second=0, microsecond=0)
             - timedelta(days=days))
    history = History.open(home / "history.sqlite3")
    names = list(ROUTINES)
    def fill(db: sqlite3.Connection) -> None:
        for day in range(days):
            started: datetime = first + timedelta(days=day)
            routine = names[day % len(names)]
            before = 3 + day % 4
            cursor = db.execute(
                "INSERT INTO sessions (uid, routine, title, started, ended, status, "
                "planned_seconds, active_seconds, steps_total, steps_done, first_side, speed, "
                "moves, pain_before, pain_after) "
                "VALUES (lower(hex(randomblob(16))), ?, ?, ?, ?, ?, 600, 600, 30, 30, 'left', "
                "1, ?, ?, ?)",
                (routine, routine.replace("-", " ").title(), started.isoformat(timespec="seconds"),
                 (started + timedelta(minutes=10)).isoformat(timespec="seconds"),
                 "completed" if day % 9 else "stopped", " ".join(ROUTINES[routine]), before,
                 before + (2 if day % 23 == 0 else day % 2)),
            )
            db.executemany("INSERT INTO group_seconds (session_id, grp, seconds) VALUES (?, ?, ?)",
                           [(cursor.lastrowid, group, 120.0) for group in GROUPS[:4]])

    history.write(fill, what="the made-up history")  # one transaction
    for day in range(days):  # one check-in a morning, each in its own transaction as in use
        at = first + timedelta(days=day, hours=-1)
        checkins.add(history, at=at, rating=2 + day % 5, note="morning" if day % 3 else None)
    count = history.count()
    history.close()
    return count


def rows(years: int = 10, runs: int = 7) -> list[list[str]]:
    env = quiet_env()
    home = Path(env["STRETCH_HOME"])
    try:
        sessions = build(home, years)
        stretch = stretch_command()
        commands = {name: [*stretch, *args] for name, args in (
            ("today --preview", ["today", "--preview"]),
            ("progress", ["progress"]),
            ("history", ["history"]),
        )}
        seconds = interleaved_medians(commands, runs=runs, env=env)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    table = []
    for label, taken in seconds.items():
        ms = taken * 1000
        table.append([f"{years}-year history ({sessions:,} sessions): stretch {label}",
                      f"{ms:.0f} ms", f"under {GOAL_MS:g} ms", "met" if ms < GOAL_MS else "MISSED"])
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7, help="runs per command (median)")
    options = parser.parse_args()
    print_table(["measure", "result", "goal", ""], rows(options.years, options.runs))


if __name__ == "__main__":
    main()
