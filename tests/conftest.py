"""Shared fixtures: every test gets its own empty STRETCH_HOME and a fixed-width console."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from stretch.catalogue.drafts import FileContent
from stretch.catalogue.load import load_catalogue, read_file
from stretch.history.store import History
from stretch.model import Catalogue, Item, Routine
from stretch.plan import Timings
from stretch.settings import Values
from tests.fakes import FakeClock

DEFAULTS: Timings = Values().timings()  # the planner's timings with no config

# Tests that need a system program skip where it is missing; CI sets this so such a
# skip fails instead (see .ci/run).
REQUIRE_TOOLS = os.environ.get("STRETCH_REQUIRE_TOOLS") == "1"


def need_program(name: str) -> str:
    """The path of a program, or skip (fail in CI) with the reason."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed"
        if REQUIRE_TOOLS:
            pytest.fail(f"{message}, and CI requires it")
        pytest.skip(message)
    return path


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Hypothesis tests run hundreds of examples: they belong to the slow run."""
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def fast_tests_spawn_nothing(request: pytest.FixtureRequest,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep `pytest -m "not slow"` fast and honest: a test that starts a process (tmux,
    Chromium, a speech program, stretch itself) must be marked slow. And a session run
    in-process there goes by the fake clock: the engine's real-time behaviour is what the
    slow tests check, in real processes and terminals."""
    if request.node.get_closest_marker("slow"):
        return

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"{request.node.nodeid} starts a process: mark it slow")

    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)
    monkeypatch.setattr(os, "fork", refuse)
    monkeypatch.setattr(os, "system", refuse)
    monkeypatch.setattr("stretch.session.runner.make_clock",
                        lambda speed=1.0: FakeClock(speed=speed))
    monkeypatch.setattr("stretch.catalogue.load.read_file", _read_once)


_READ: dict[tuple[str, bytes | None, str | None], FileContent] = {}


def _read_once(path: Path, data: bytes | None = None, *, source: str | None = None
               ) -> FileContent:
    """Each test has a fresh STRETCH_HOME, so a fresh catalogue cache: remember each file's
    validated content by its exact bytes instead, in this process only (a third of the
    fast run went to parsing the same built-in files again). A file that fails is not
    remembered, so its error is raised every time; nothing reads content it was given."""
    if data is None:
        return read_file(path, source=source)
    key = (str(path), data, source)
    if key not in _READ:
        _READ[key] = read_file(path, data, source=source)
    return _READ[key]


@pytest.fixture(autouse=True)
def stretch_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point STRETCH_HOME at an empty folder so no test sees a real user's files."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("STRETCH_HOME", str(home))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    yield home


@pytest.fixture(autouse=True, scope="session")
def command_line_built_once() -> Iterator[None]:
    """Typer's test runner builds the command line from every command's signature on each
    call (a quarter of the fast run). The built command is the same each time, so build it
    once per app: nothing a test sees changes."""
    import typer.main
    import typer.testing

    built: dict[int, tuple[object, Any]] = {}  # id -> (the app, kept alive; its command)

    def command(app: typer.Typer) -> Any:
        if id(app) not in built:
            built[id(app)] = (app, typer.main.get_command(app))
        return built[id(app)][1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(typer.testing, "_get_command", command)
        yield


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def builtin() -> Catalogue:
    return load_catalogue(user_dir=None)


CLASSIC = ("figure-four", "butterfly", "pigeon", "frog", "half-kneeling-hip-flexor")


def classic_hip_reset(catalogue: Catalogue) -> Routine:
    """Hip reset as the tests of the timer and the views know it: five stretches of the
    built-in moves, each held 30 s twice, the supine figure-four first (sides in turn);
    the built-in routine now names one move per ladder and runs each person's rung."""
    items = tuple(Item(move=catalogue.moves[m], hold=30, reps=2) for m in CLASSIC)
    return replace(catalogue.routines["hip-reset"], items=items)


def classic(catalogue: Catalogue, name: str) -> Routine:
    """A built-in routine as the tests of the timer and the views know it: hip reset with
    its five classic stretches; core and hips with the glute bridge and the side plank
    from the knees (the built-in names the harder ends of their ladders); else as built in."""
    if name == "hip-reset":
        return classic_hip_reset(catalogue)
    routine = catalogue.routines[name]
    if name != "core-and-hips":
        return routine
    easier = {"single-leg-bridge": "glute-bridge", "side-plank-feet": "side-plank"}
    items = tuple(Item(move=catalogue.moves[easier[i.move.id]], hold=None, reps=10, tempo=6,
                       sets=i.sets, rest=i.rest, priority=i.priority)
                  if i.move and i.move.id == "single-leg-bridge" else
                  replace(i, move=catalogue.moves["side-plank"], hold=20, reps=2)
                  if i.move and i.move.id == "side-plank-feet" else i
                  for i in routine.items)
    return replace(routine, items=items)


def write_user_file(home: Path, name: str, text: str) -> Path:
    """Write a catalogue file into the user's routines folder."""
    folder = home / "routines"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def freeze_now(monkeypatch: pytest.MonkeyPatch, when: datetime) -> None:
    """Commands read the local wall clock through `wallclock.local_now`: pin it, so
    a test knows which day `today`, `week` and `history` think it is."""
    monkeypatch.setattr("stretch.wallclock.local_now", lambda: when)


def log_session(history: History, routine: str, started: datetime, *,
                status: str = "completed", seconds: float = 60, speed: float = 1.0) -> int:
    """A session in the history as if it had been run (for reports and schedules)."""
    row = history.begin(routine=routine, title=routine.replace("-", " ").capitalize(),
                        started=started, planned_seconds=seconds, steps_total=3,
                        first_side="left", speed=speed)
    history.finish(row, status=status, ended=started + timedelta(seconds=seconds),
                   active_seconds=seconds, steps_done=3, steps_skipped=0)
    return row
