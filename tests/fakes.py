"""Fakes for tests: a clock that only moves when told to, and stand-in system programs."""

from __future__ import annotations

import json
import sys
from pathlib import Path


class FakeClock:
    """A clock that only moves when told to: sleeping jumps straight to the deadline."""

    def __init__(self, start: float = 0.0, *, speed: float = 1.0) -> None:
        self.t = start
        self.speed = speed  # what the session was asked for (a demo is faster than 1)
        self.sleeps = 0

    def now(self) -> float:
        return self.t

    def sleep_until(self, t: float) -> None:
        self.sleeps += 1
        self.t = max(self.t, t)

    def real_seconds_until(self, t: float) -> float:
        return max(0.0, t - self.t)

    def advance(self, seconds: float) -> None:
        self.t += seconds


# A stand-in for a system program (systemctl, crontab, notify-send, launchctl, schtasks):
# it logs its arguments, exactly, one JSON list per line. `crontab` keeps a table in a
# file, byte for byte (`-l` prints it, `-` replaces it); any fails, doing nothing, with
# the code and message that `FakePrograms.fail` sets.
_FAKE = r'''#!{python} -S
import json, os, sys
folder = os.path.dirname(os.path.abspath(__file__))
name = os.path.basename(sys.argv[0])
with open(os.path.join(folder, "calls.jsonl"), "a") as log:
    log.write(json.dumps([name, *sys.argv[1:]]) + "\n")
table = os.path.join(folder, "crontab.txt")
for failure in (os.path.join(folder, " ".join([name, *sys.argv[1:2]]) + ".fail"),
                os.path.join(folder, name + ".fail")):
    if os.path.exists(failure):
        code, _, message = open(failure).read().partition(" ")
        sys.stderr.write(message)
        sys.exit(int(code))
if name == "crontab" and sys.argv[1:] == ["-l"]:
    if not os.path.exists(table):
        sys.exit("no crontab for tester")
    sys.stdout.buffer.write(open(table, "rb").read())
elif name == "crontab" and sys.argv[1:] == ["-"]:
    open(table, "wb").write(sys.stdin.buffer.read())
'''


class FakePrograms:
    """A folder of fake programs to put first on PATH (see _FAKE), and what they were asked."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def add(self, *names: str) -> FakePrograms:
        for name in names:
            path = self.folder / name
            path.write_text(_FAKE.replace("{python}", sys.executable), encoding="utf-8")
            path.chmod(0o755)
        return self

    def fail(self, name: str, code: int, message: str, *, first: str | None = None) -> None:
        """Make a program fail (only when its first argument is `first`, if given), doing
        nothing else."""
        called = name if first is None else f"{name} {first}"
        (self.folder / f"{called}.fail").write_text(f"{code} {message}", encoding="utf-8")

    def calls(self, name: str | None = None) -> list[list[str]]:
        log = self.folder / "calls.jsonl"
        if not log.exists():
            return []
        calls = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
        return [c for c in calls if name is None or c[0] == name]

    @property
    def crontab(self) -> str | None:
        path = self.folder / "crontab.txt"
        return path.read_text(encoding="utf-8") if path.exists() else None

    @crontab.setter
    def crontab(self, table: str) -> None:
        (self.folder / "crontab.txt").write_text(table, encoding="utf-8")

    @property
    def crontab_bytes(self) -> bytes | None:
        path = self.folder / "crontab.txt"
        return path.read_bytes() if path.exists() else None

    @crontab_bytes.setter
    def crontab_bytes(self, table: bytes) -> None:
        (self.folder / "crontab.txt").write_bytes(table)
