"""Start-up time of stretch's commands against a bare two-command Typer app.

Typer 0.26 and later import pydantic whenever a command runs, which a bare app's
`--help` never pays. So each stretch command is measured against its own floor: `--help`
against the bare app's `--help`, and commands against the bare app running a command
with an option. Goals (issue 10): `--help` <= 1.1x; `list`, `show hip-reset`,
`today --preview` and shell completion of a routine name <= 1.15x.
Run: python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import sys

import typer
from common import HERE, interleaved_medians, print_table, quiet_env, stretch_command

BARE = [sys.executable, str(HERE / "bare_typer.py")]
HELP_FLOOR = "bare Typer app --help"
COMMAND_FLOOR = "bare Typer app: a command with an option"
TABLE_FLOOR = "bare Typer app: that command printing a Rich table"
# measure -> (its floor, the goal as a multiple of that floor)
GOALS = {
    "stretch --help": (HELP_FLOOR, 1.1),
    "stretch list": (COMMAND_FLOOR, 1.15),
    "stretch show hip-reset": (COMMAND_FLOOR, 1.15),
    "stretch today --preview": (COMMAND_FLOOR, 1.15),
    "completion: stretch run h<TAB>": (COMMAND_FLOOR, 1.15),
}
COMPLETION = {"_STRETCH_COMPLETE": "complete_bash", "COMP_WORDS": "stretch run h",
              "COMP_CWORD": "2"}


def rows(runs: int = 21) -> list[list[str]]:
    """[measure, result, goal, verdict] rows for the start-up of each command."""
    stretch = stretch_command()
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        HELP_FLOOR: [*BARE, "--help"],
        COMMAND_FLOOR: [*BARE, "first", "--flag"],
        TABLE_FLOOR: [*BARE, "table", "--flag"],
        "stretch --help": [*stretch, "--help"],
        "stretch list": [*stretch, "list"],
        "stretch show hip-reset": [*stretch, "show", "hip-reset"],
        "stretch today --preview": [*stretch, "today", "--preview"],
        "completion: stretch run h<TAB>": stretch,
    }
    seconds = interleaved_medians(commands, runs=runs, env=quiet_env(),
                                  extra_env={"completion: stretch run h<TAB>": COMPLETION})
    table = []
    for label, taken in seconds.items():
        floor, goal = GOALS.get(label, (HELP_FLOOR, None))
        ratio = taken / seconds[floor]
        target = f"<= {goal}x {'--help' if floor == HELP_FLOOR else 'a command'}" if goal else ""
        verdict = ("met" if ratio <= goal else "MISSED") if goal else ""
        if floor == COMMAND_FLOOR and label != "completion: stretch run h<TAB>":
            # for information: against the stack's own cost of drawing a table
            verdict += f" ({taken / seconds[TABLE_FLOOR]:.2f}x a table)"
        table.append([f"start-up: {label}", f"{taken * 1000:.0f} ms ({ratio:.2f}x)", target,
                      verdict])
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
