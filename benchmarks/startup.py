"""Start-up time of `stretch --help`, `list` and `show` against a bare Typer app.

Goals (foundation issue): `--help` within 1.2x and `list` within 1.3x of the bare
two-command Typer app's `--help`, both run by the same interpreter.
Run: python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import sys

import typer
from common import HERE, median_seconds, print_table, quiet_env, stretch_command

GOALS = {"stretch --help": 1.2, "stretch list": 1.3, "stretch show hip-reset": 1.3}
BARE = [sys.executable, str(HERE / "bare_typer.py")]


def rows(runs: int = 21) -> list[list[str]]:
    """[measure, result, goal, verdict] rows for the start-up of each command."""
    env = quiet_env()

    def ms(argv: list[str]) -> float:
        return median_seconds(argv, runs=runs, env=env)

    floor = ms([*BARE, "--help"])
    table = []
    for label, seconds in (
        ("python -c pass", ms([sys.executable, "-c", "pass"])),
        ("bare Typer app --help (the floor)", floor),
        ("bare Typer app first --flag", ms([*BARE, "first", "--flag"])),
    ):
        table.append([f"start-up: {label}", f"{seconds * 1000:.0f} ms ({seconds / floor:.2f}x)",
                      "", ""])
    for label, args in (
        ("stretch --help", ["--help"]),
        ("stretch list", ["list"]),
        ("stretch show hip-reset", ["show", "hip-reset"]),
    ):
        ratio = ms([*stretch_command(), *args]) / floor
        goal = GOALS[label]
        verdict = "met" if ratio <= goal else "MISSED"
        table.append([f"start-up: {label}", f"{ratio * floor * 1000:.0f} ms ({ratio:.2f}x)",
                      f"<= {goal}x the floor", verdict])
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21, help="runs per command (median)")
    runs = parser.parse_args().runs
    version = sys.version.split()[0]
    print(f"start-up, median of {runs} runs, Python {version}, Typer {typer.__version__}")
    print_table(["measure", "result", "goal", ""], rows(runs))


if __name__ == "__main__":
    main()
