"""Start-up time of `stretch --help`, `list` and `show` against a bare Typer app.

Goals (foundation issue): `--help` within 1.2x and `list` within 1.3x of the bare
two-command Typer app's `--help`, both run by the same interpreter.
Run: python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import sys

import typer
from common import HERE, interleaved_medians, print_table, quiet_env, stretch_command

GOALS = {"stretch --help": 1.2, "stretch list": 1.3, "stretch show hip-reset": 1.3}
BARE = [sys.executable, str(HERE / "bare_typer.py")]


def rows(runs: int = 21) -> list[list[str]]:
    """[measure, result, goal, verdict] rows for the start-up of each command."""
    stretch = stretch_command()
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "bare Typer app --help (the floor)": [*BARE, "--help"],
        "bare Typer app first --flag": [*BARE, "first", "--flag"],
        "stretch --help": [*stretch, "--help"],
        "stretch list": [*stretch, "list"],
        "stretch show hip-reset": [*stretch, "show", "hip-reset"],
    }
    seconds = interleaved_medians(commands, runs=runs, env=quiet_env())
    floor = seconds["bare Typer app --help (the floor)"]
    table = []
    for label, taken in seconds.items():
        ratio = taken / floor
        goal = GOALS.get(label)
        target = f"<= {goal}x the floor" if goal else ""
        verdict = ("met" if ratio <= goal else "MISSED") if goal else ""
        table.append([f"start-up: {label}", f"{taken * 1000:.0f} ms ({ratio:.2f}x)", target,
                      verdict])
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
