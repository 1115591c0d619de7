"""Loading a large catalogue: 1,000 moves and 200 routines in user files; fitting a
1,000-move routine into some minutes.

Goals: under 200 ms to read, check and merge, with the C YAML parser (hardening issue);
`--minutes` on a 1,000-move routine answers within 2 s at any minutes (issue 15).
Run: python benchmarks/catalogue.py [--moves N] [--routines N] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from common import print_table

GOAL_MS = 200.0
FIT_GOAL_S = 2.0
FIT_MINUTES = (5, 60, 180)
GROUPS = ("gluteal", "adductor", "psoas", "core", "hip")
POSITIONS = ("supine", "prone", "side-lying", "all-fours", "kneeling", "seated", "standing")


def generate(folder: Path, moves: int, routines: int, files: int = 10) -> None:
    """Write `files` YAML files sharing the moves and routines between them."""
    per_file = moves // files
    for f in range(files):
        lines = ["moves:"]
        for m in range(f * per_file, (f + 1) * per_file):
            counted = m % 3 == 0
            lines += [
                f"  gen-move-{m}:",
                f"    name: Generated move number {m}",
                f"    kind: {'exercise' if counted else 'stretch'}",
                f"    group: {GROUPS[m % len(GROUPS)]}",
                f"    sided: {'true' if m % 2 else 'false'}",
                f"    position: {POSITIONS[m % len(POSITIONS)]}",
                *(["    reps: 10", "    tempo: 3"] if counted else ["    hold: 30", "    reps: 2"]),
                "    setup: Get into position slowly and settle your breathing first.",
                "    cues: [Keep the pelvis level, Breathe out as you ease in, Stay relaxed]",
                "    cautions: [Ease off at any sharp pain]",
            ]
        lines.append("routines:")
        for r in range(f * (routines // files), (f + 1) * (routines // files)):
            lines += [f"  gen-routine-{r}:", f"    title: Generated routine {r}", "    items:"]
            for i in range(8):
                lines.append(f"      - move: gen-move-{(r * 8 + i) % moves}")
        (folder / f"generated-{f:02}.yaml").write_text("\n".join(lines) + "\n")


def measure(moves: int, routines: int, runs: int) -> float:
    from stretch.catalogue.load import load_catalogue

    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder), moves, routines)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            catalogue = load_catalogue(user_dir=Path(folder))
            times.append(time.perf_counter() - start)
        assert len(catalogue.moves) >= moves and len(catalogue.routines) >= routines
    return statistics.median(times) * 1000


def fit_seconds(items: int) -> float:
    """The slowest of fitting a routine of `items` built-in moves into each of FIT_MINUTES."""
    from stretch.catalogue.load import load_catalogue
    from stretch.fit.fitted import fit
    from stretch.settings import Values

    moves = ("figure-four", "butterfly", "pigeon", "frog", "glute-bridge", "clamshell")
    lines = [f"      - move: {moves[i % len(moves)]}" for i in range(items)]
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "big.yaml").write_text(
            "routines:\n  big:\n    title: Big\n    items:\n" + "\n".join(lines) + "\n")
        big = load_catalogue(user_dir=Path(folder)).routines["big"]
    settings = Values().timings()
    slowest = 0.0
    for minutes in FIT_MINUTES:
        start = time.perf_counter()
        fit(big, settings, minutes)
        slowest = max(slowest, time.perf_counter() - start)
    return slowest


def rows(moves: int = 1000, routines: int = 200, runs: int = 7) -> list[list[str]]:
    ms = measure(moves, routines, runs)
    verdict = "met" if ms < GOAL_MS else "MISSED"
    fitting = fit_seconds(moves)
    return [[f"load {moves} moves + {routines} routines", f"{ms:.0f} ms",
             f"under {GOAL_MS:g} ms", verdict],
            [f"fit a {moves}-move routine into 5, 60, 180 min", f"{fitting * 1000:.0f} ms",
             f"under {FIT_GOAL_S:g} s", "met" if fitting < FIT_GOAL_S else "MISSED"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--moves", type=int, default=1000)
    parser.add_argument("--routines", type=int, default=200)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    print_table(["measure", "result", "goal", ""],
                rows(options.moves, options.routines, options.runs))


if __name__ == "__main__":
    main()
