"""Shared fixtures: every test gets its own empty STRETCH_HOME and a fixed-width console."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.catalogue.load import load_catalogue
from stretch.model import Catalogue
from stretch.plan import PlanSettings
from stretch.settings import Values

DEFAULTS: PlanSettings = Values().plan_settings()  # the planner's timings with no config

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


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def builtin() -> Catalogue:
    return load_catalogue(user_dir=None)


def write_user_file(home: Path, name: str, text: str) -> Path:
    """Write a catalogue file into the user's routines folder."""
    folder = home / "routines"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
