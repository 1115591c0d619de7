"""Drive `stretch` in a real terminal: tmux on a private socket, keys in, screen out."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

STRETCH = [sys.executable, "-m", "stretch"]


class Tmux:
    """One tmux server and session running a shell; `run` starts stretch inside it.

    The check-in questions before and after a session are off (config.toml) unless
    `checkin=True`, so a test of the live view starts at the view.

    The shell records the terminal modes (`stty -g`) before and after the command and
    its exit code, so tests can check that the terminal was left exactly as it was.
    """

    def __init__(self, tmp: Path, *, width: int = 60, height: int = 20,
                 returning: bool = True, checkin: bool = False) -> None:
        self.tmp = tmp
        self.socket = f"stretch-test-{os.getpid()}-{id(self)}"
        if returning:
            log_past_session(tmp / "home")
        if not checkin:  # the 0-10 questions and the start key: only the tests that want them
            (tmp / "home").mkdir(parents=True, exist_ok=True)
            (tmp / "home" / "config.toml").write_text("checkin = false\nwait_to_start = false\n")
        env = {"STRETCH_HOME": str(tmp / "home"), "PS1": "$ ", "TERM": "xterm-256color"}
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        self._tmux("new-session", "-d", "-s", "main", "-x", str(width), "-y", str(height),
                   f"env -u COLUMNS -u LINES {exports} bash --norc --noprofile")
        self._tmux("set-option", "-g", "status", "off")
        self.wait_for("$")

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, check=False)
        return done.stdout

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", "main", "-l", text)

    def keys(self, *names: str) -> None:
        self._tmux("send-keys", "-t", "main", *names)

    def screen(self, *, escapes: bool = False) -> str:
        """The screen's text; with `escapes`, its colours and styles as escape codes."""
        return self._tmux("capture-pane", "-p", *(["-e"] if escapes else []), "-t", "main")

    def scrollback(self, lines: int = 200) -> str:
        """The screen and up to `lines` lines scrolled off above it, for what a long note
        (the red flags after a high rating) has pushed out of view."""
        return self._tmux("capture-pane", "-p", "-S", f"-{lines}", "-t", "main")

    def joined(self) -> str:
        """The screen with wrapped lines joined, for text that may wrap."""
        return " ".join(line.strip() for line in self.screen().splitlines() if line.strip())

    def wait_for(self, text: str, timeout: float = 10.0) -> str:
        return self.wait_until(lambda screen: text in screen, f"{text!r}", timeout)

    def wait_until(self, seen: Callable[[str], bool], what: str, timeout: float = 10.0) -> str:
        """The screen once `seen` holds for it (a frame is written line by line, so a
        capture can catch half of one: poll until all of what is wanted is there)."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if seen(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{what} did not appear; the screen was:\n{screen}")
            time.sleep(0.05)

    def settled(self, timeout: float = 10.0) -> str:
        """The screen once two looks 0.3 s apart agree: a frame has been written whole."""
        deadline = time.monotonic() + timeout
        last = self.screen()
        while True:
            time.sleep(0.3)
            now = self.screen()
            if now == last or time.monotonic() > deadline:
                return now
            last = now

    def run(self, *args: str, env: dict[str, str] | None = None) -> None:
        """Start stretch in the shell, wrapped to record modes and the exit code; `env`
        adds to its environment (TERM=dumb, say)."""
        before, after, code = self._fresh_records()
        settings = [f"{k}={shlex.quote(v)}" for k, v in (env or {}).items()]
        command = " ".join([*settings, *(shlex.quote(a) for a in STRETCH + list(args))])
        # one job, so Ctrl-Z stops (and `fg` resumes) the recording along with stretch
        script = f"stty -g > {before}; {command}; echo $? > {code}; stty -g > {after}"
        self.type(f"bash -c {shlex.quote(script)}\n")

    def _fresh_records(self) -> tuple[Path, Path, Path]:
        """A clean slate for the next run: the screen and its history cleared (so a
        `wait_for` after a second run cannot match what the first one left on screen),
        and the files a run records its modes and exit code in removed (so `result`
        cannot read the first run's at once)."""
        self._tmux("send-keys", "-R", "-t", "main")
        self._tmux("clear-history", "-t", "main")
        files = (self.tmp / "before", self.tmp / "after", self.tmp / "code")
        for path in files:
            path.unlink(missing_ok=True)
        return files

    def start(self) -> None:
        """Answer the start screen's last question: yes, start."""
        self.wait_for("Ready to start? [Y/n]")
        self.type("y")

    def skip_setup(self) -> None:
        """Say no to the setup offered before a first session (its defaults: a gentle start)."""
        self.wait_for("A one-minute setup first")
        self.type("n")

    def run_alone(self, *args: str) -> None:
        """Start stretch as the shell's only job, as a person would (for Ctrl-Z and `fg`).

        Call `finish_alone` once it has ended to record its exit code and the modes.
        """
        command = " ".join(shlex.quote(a) for a in [*STRETCH, *args])
        before, _, _ = self._fresh_records()
        self.type(f"stty -g > {before}; {command}\n")

    def finish_alone(self) -> None:
        self.type(f"echo $? > {self.tmp / 'code'}; stty -g > {self.tmp / 'after'}\n")

    def result(self, timeout: float = 10.0) -> tuple[int, bool]:
        """The exit code, and whether the terminal modes are as they were before."""
        code = self.tmp / "code"
        after = self.tmp / "after"
        deadline = time.monotonic() + timeout
        while not (after.exists() and after.read_text().strip() and code.exists()
                   and code.read_text().strip()):
            if time.monotonic() > deadline:
                raise AssertionError(f"stretch did not finish; the screen was:\n{self.screen()}")
            time.sleep(0.05)
        before = (self.tmp / "before").read_text()
        return int(code.read_text()), before == after.read_text()

    def pid(self) -> int:
        """The process id of the running stretch: the deepest descendant of the shell."""
        pid = self._tmux("list-panes", "-t", "main", "-F", "#{pane_pid}").strip()
        for _ in range(2):  # the shell runs `bash -c`, which runs stretch
            found = subprocess.run(["pgrep", "-P", pid], capture_output=True, text=True,
                                   check=False).stdout.split()
            if not found:
                raise AssertionError("no stretch process found")
            pid = found[0]
        return int(pid)

    def statuses(self) -> list[str]:
        """The statuses of the sessions stretch logged in this terminal, oldest first."""
        return [status for _, status in self.logged()]

    def logged(self) -> list[tuple[str, str]]:
        """(routine, status) of each session stretch logged in this terminal, oldest
        first (the returning user's session from last year left out)."""
        from stretch.history.store import History

        history = History.open(self.tmp / "home" / "history.sqlite3")
        try:
            return [(r.routine, r.status) for r in reversed(history.sessions())
                    if r.routine != "core-and-hips"]
        finally:
            history.close()

    def resize(self, width: int, height: int) -> None:
        self._tmux("resize-window", "-t", "main", "-x", str(width), "-y", str(height))

    def close(self) -> None:
        self._tmux("kill-server")


def log_past_session(home: Path) -> None:
    """A returning user: one session logged last year, so no first-time safety prompt."""
    from datetime import UTC, datetime

    from stretch.history.store import History

    history = History.open(home / "history.sqlite3")
    when = datetime(2025, 1, 6, 7, 30, tzinfo=UTC)
    row = history.begin(routine="core-and-hips", title="Core and hips", started=when,
                        planned_seconds=318, steps_total=18, first_side="left")
    history.finish(row, status="completed", ended=when, active_seconds=318, steps_done=18,
                   steps_skipped=0)
    history.close()


BLOCKS = frozenset("█▀▄")


def digit_height(screen: str) -> int:
    """Rows of the tallest run of block characters on a screen: the big digits' height
    (the big letters above them are shorter and kept apart by a blank row)."""
    tallest = run = 0
    for line in screen.split("\n"):
        run = run + 1 if BLOCKS & set(line) else 0
        tallest = max(tallest, run)
    return tallest


def shows_big(screen: str, words: str) -> bool:
    """Whether `words` are on the screen in the big letters, at any size."""
    from stretch.session.bigtext import letters

    lines = screen.split("\n")
    for scale in (1, 2, 3):
        rows = [row.strip() for row in letters(words, scale)]
        for top in range(len(lines) - len(rows) + 1):
            if all(row in lines[top + i] for i, row in enumerate(rows)):
                return True
    return False
