"""Fitting a routine into the minutes a person has: shorter holds first, then fewer moves."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.fit import FIT_MIN_HOLD, fit
from stretch.history.store import History
from stretch.model import Catalogue
from stretch.plan import plan, total_seconds
from tests.conftest import DEFAULTS


def moves_of(fitted_routine: object) -> list[str]:
    return [i.move.id for i in fitted_routine.items if i.move]  # type: ignore[attr-defined]


def test_a_routine_that_fits_is_left_alone(builtin: Catalogue) -> None:
    hip_reset = builtin.routines["hip-reset"]
    fitted = fit(hip_reset, DEFAULTS, 12)
    assert fitted.fits and fitted.changes == () and fitted.routine is hip_reset
    assert fitted.settings == DEFAULTS


def test_holds_shrink_together_before_any_move_is_dropped(builtin: Catalogue) -> None:
    hip_reset = builtin.routines["hip-reset"]
    fitted = fit(hip_reset, DEFAULTS, 8)
    assert fitted.fits and fitted.changes == ("holds shortened (30 s holds now 17 s)",)
    assert moves_of(fitted.routine) == moves_of(hip_reset)
    steps = plan(fitted.routine, fitted.settings)
    assert total_seconds(steps) <= 8 * 60
    assert {s.seconds for s in steps if s.kind == "hold"} == {17}


def test_the_lowest_priority_moves_go_first_latest_first(builtin: Catalogue) -> None:
    fitted = fit(builtin.routines["hip-reset"], DEFAULTS, 6)
    assert fitted.changes == ("holds shortened (30 s holds now 24 s)",
                              "left out 2 moves: Pigeon stretch and Frog stretch")
    assert moves_of(fitted.routine) == ["figure-four", "butterfly", "half-kneeling-hip-flexor"]
    assert total_seconds(plan(fitted.routine, fitted.settings)) <= 6 * 60


def test_holds_never_go_below_the_fitting_floor(builtin: Catalogue) -> None:
    for minutes in (5, 6, 8, 10):  # short enough to shorten holds, long enough to keep some
        fitted = fit(builtin.routines["full-session"], DEFAULTS, minutes)
        holds = [s.seconds for s in plan(fitted.routine, fitted.settings) if s.kind == "hold"]
        assert holds and min(holds) >= FIT_MIN_HOLD, minutes


def test_a_routine_that_cannot_fit_says_how_long_it_takes_at_its_shortest(
        builtin: Catalogue) -> None:
    fitted = fit(builtin.routines["hip-reset"], DEFAULTS, 1)
    assert not fitted.fits
    assert moves_of(fitted.routine) == ["figure-four"]  # the last move is never dropped
    assert fitted.changes[-1] == "it still takes 1.5 minutes at its shortest"


def test_exercises_only_routines_drop_moves(builtin: Catalogue) -> None:
    fitted = fit(builtin.routines["core-and-hips"], DEFAULTS, 5)
    assert fitted.fits
    assert fitted.changes == ("left out 4 moves: Curl-up, Clamshell, Side plank and Bird dog",)


def test_minutes_fits_a_session_and_says_what_changed(runner: CliRunner,
                                                      stretch_home: Path) -> None:
    result = runner.invoke(app, ["run", "hip-reset", "--minutes", "7", "--speed", "1000"])
    assert result.exit_code == 0
    # a beginner's hip reset: 3 holds of 20 s a side (the coach), fitted
    assert "To fit 7 minutes: holds shortened (20 s holds now 17 s)." in result.stderr
    assert "To fit 7 minutes: left out 2 moves: Pigeon stretch and Frog stretch." in result.stderr
    (row,) = History.open(stretch_home / "history.sqlite3").sessions()
    assert row.active_seconds <= 420


@pytest.mark.parametrize("minutes", ["0", "181", "soon"])
def test_minutes_out_of_range_is_a_usage_error(runner: CliRunner, minutes: str) -> None:
    assert runner.invoke(app, ["run", "hip-reset", "--minutes", minutes]).exit_code == 2
