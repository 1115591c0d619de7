"""Every benchmark in one table: start-up, session timing, CPU, memory, a big catalogue,
a ten-year history, and that history exported, imported and synced.

Run: python benchmarks/run_all.py [--quick]   (about 3 minutes; 8 without --quick)
The table is what the README shows, with the date and the machine it was measured on.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
from pathlib import Path

import catalogue
import data_scale
import history_scale
import session
import startup
from common import print_table


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        info = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        info = []
    names = [line.split(":", 1)[1].strip() for line in info if line.startswith("model name")]
    cpu = names[0] if names else cpu
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="skip the 5-minute real-time session; CPU over 30 s, not 60")
    options = parser.parse_args()
    table = startup.rows(runs=11 if options.quick else 21)
    table += session.rows(quick=options.quick, cpu_seconds=30.0 if options.quick else 60.0)
    table += catalogue.rows()
    table += history_scale.rows(runs=5 if options.quick else 7)
    table += data_scale.rows(runs=3 if options.quick else 5)
    print(f"{datetime.date.today().isoformat()} · {machine()} · Python {sys.version.split()[0]}")
    print_table(["measure", "result", "goal", ""], table)


if __name__ == "__main__":
    main()
