"""Exact-text golden tests: what a person reads, at 80 columns, compared whole.

A layout or wording change shows up here as a diff to read. When a change is meant,
regenerate with `STRETCH_REGEN_GOLDEN=1 pytest tests/test_golden.py` and read the diff
of tests/golden/ before committing it.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.history.store import History
from tests.conftest import freeze_now, log_session

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("STRETCH_REGEN_GOLDEN") == "1"
NOW = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)  # a Tuesday evening


@pytest.fixture(autouse=True)
def fixed_world(monkeypatch: pytest.MonkeyPatch, stretch_home: Path) -> None:
    """80 columns, a known day, and a history with a few weeks of sessions."""
    monkeypatch.setenv("COLUMNS", "80")
    freeze_now(monkeypatch, NOW)
    with History.open(stretch_home / "history.sqlite3") as history:
        for days_ago, routine, minutes in ((0, "core-and-hips", 12), (1, "hip-reset", 11),
                                           (3, "full-session", 21), (4, "desk-break", 5),
                                           (15, "hip-reset", 11)):
            started = NOW - timedelta(days=days_ago, hours=10)
            row = log_session(history, routine, started, seconds=minutes * 60)
            history.progress(row, active_seconds=minutes * 60, steps_done=3, steps_skipped=0,
                             group="gluteal" if "hip" in routine else "core", seconds=120)


def check(name: str, text: str) -> None:
    path = GOLDEN / f"{name}.txt"
    if REGENERATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with STRETCH_REGEN_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("list", ["list"]),
        ("show-hip-reset", ["show", "hip-reset"]),
        ("show-core-and-hips", ["show", "core-and-hips"]),
        ("week", ["week"]),
        ("history", ["history", "--weeks", "6"]),
        ("sheet-desk-break.txt", ["sheet", "desk-break", "--format", "text"]),
        ("sheet-core-and-hips.md", ["sheet", "core-and-hips", "--format", "markdown"]),
        ("moves-pigeon", ["moves", "pigeon"]),
    ],
)
def test_output_is_exactly_as_recorded(runner: CliRunner, name: str, args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    check(name, result.stdout)
