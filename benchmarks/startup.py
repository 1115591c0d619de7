"""Start-up time of stretch's commands against a bare Typer app doing the same kind of work.

Typer 0.26 and later import pydantic whenever a command runs, which a bare app's
`--help` never pays; and drawing any table with Rich costs its imports. So each stretch
command is measured against its own floor: `--help` against the bare app's `--help`,
shell completion against the bare app running a command with an option, and `list`,
`show hip-reset` and `today --preview` against the bare app printing a Rich table of as
many rows as the command shows (issue 19). Goals: `--help` <= 1.1x; the others <= 1.15x.
Run: python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import typer
from common import HERE, interleaved_medians, print_table, quiet_env, stretch_command

BARE = [sys.executable, str(HERE / "bare_typer.py")]
HELP_FLOOR = "bare Typer app --help"
COMMAND_FLOOR = "bare Typer app: a command with an option"
COMPLETION = {"_STRETCH_COMPLETE": "complete_bash", "COMP_WORDS": "stretch run h",
              "COMP_CWORD": "2"}
GOAL_HELP, GOAL = 1.1, 1.15


def table_floor(rows: int) -> str:
    return f"bare Typer app: a Rich table of {rows} rows"


def shown_rows(stretch: list[str], env: dict[str, str]) -> dict[str, int]:
    """How many rows each table-drawing command shows: its routines, or its steps (and
    the per-group table under them), read from its own JSON."""
    def steps(*args: str) -> int:
        data = json.loads(subprocess.run([*stretch, *args, "--json"], env=env, check=True,
                                         capture_output=True, text=True).stdout)
        return len(data.get("steps", [])) + len(data.get("dose", {}))

    routines = json.loads(subprocess.run([*stretch, "list", "--json"], env=env, check=True,
                                         capture_output=True, text=True).stdout)
    return {"stretch list": len(routines), "stretch show hip-reset": steps("show", "hip-reset"),
            "stretch today --preview": steps("today", "--preview")}


def rows(runs: int = 21) -> list[list[str]]:
    """[measure, result, goal, verdict] rows for the start-up of each command."""
    stretch, env = stretch_command(), quiet_env()
    tables = shown_rows(stretch, env)
    floors = {label: table_floor(count) for label, count in tables.items()}
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        HELP_FLOOR: [*BARE, "--help"],
        COMMAND_FLOOR: [*BARE, "first", "--flag"],
        **{table_floor(n): [*BARE, "table", "--rows", str(n)]
           for n in sorted(set(tables.values()))},
        "stretch --help": [*stretch, "--help"],
        "stretch list": [*stretch, "list"],
        "stretch show hip-reset": [*stretch, "show", "hip-reset"],
        "stretch today --preview": [*stretch, "today", "--preview"],
        "completion: stretch run h<TAB>": stretch,
    }
    goals = {"stretch --help": (HELP_FLOOR, GOAL_HELP),
             "completion: stretch run h<TAB>": (COMMAND_FLOOR, GOAL),
             **{label: (floor, GOAL) for label, floor in floors.items()}}
    seconds = interleaved_medians(commands, runs=runs, env=env,
                                  extra_env={"completion: stretch run h<TAB>": COMPLETION})
    table = []
    for label, taken in seconds.items():
        floor, goal = goals.get(label, (HELP_FLOOR, None))
        ratio = taken / seconds[floor]
        target = f"<= {goal}x {floor.removeprefix('bare Typer app')}" if goal else ""
        verdict = ("met" if ratio <= goal else "MISSED") if goal else ""
        table.append([f"start-up: {label}", f"{taken * 1000:.0f} ms ({ratio:.2f}x)",
                      target.replace(" : ", " "), verdict])
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21, help="runs per command (median)")
    runs = parser.parse_args().runs
    version = sys.version.split()[0]
    print(f"start-up, median of {runs} interleaved runs, Python {version}, "
          f"Typer {typer.__version__}; ratios against each command's floor")
    print_table(["measure", "result", "goal", ""], rows(runs))


if __name__ == "__main__":
    main()
