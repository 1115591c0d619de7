"""The timer engine on a fake clock: whole routines in milliseconds, no drift, every command."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from stretch.model import Catalogue
from stretch.plan import timed_steps, total_seconds
from stretch.session.clock import ScaledClock
from stretch.session.engine import (
    Command,
    Event,
    Finished,
    Paused,
    Resumed,
    Session,
    StepDone,
    StepStarted,
    Stopped,
    run_session,
)
from stretch.steps import Step
from tests.conftest import DEFAULTS
from tests.fakes import FakeClock


def steps(*seconds: float) -> list[Step]:
    return [Step(kind="hold", label=f"s{i}", seconds=s) for i, s in enumerate(seconds)]


def scripted(clock: FakeClock, script: dict[float, Command]) -> Callable[[float], Command | None]:
    """A waiter that sleeps on the fake clock and hands out commands at set times."""
    pending = sorted(script.items())

    def wait(deadline: float) -> Command | None:
        if pending and pending[0][0] <= deadline:
            at, command = pending.pop(0)
            clock.sleep_until(at)
            return command
        clock.sleep_until(deadline)
        return None

    return wait


def record(clock: FakeClock, script: dict[float, Command] | None = None,
           *, work: float = 0.0, plan_steps: list[Step]) -> tuple[list[Event], Session]:
    events: list[Event] = []

    def listener(event: Event) -> None:
        events.append(event)
        clock.advance(work)  # a slow renderer

    session = Session(plan_steps, clock)
    run_session(session, wait=scripted(clock, script or {}), listeners=[listener])
    return events, session


def starts(events: list[Event]) -> list[tuple[int, float]]:
    return [(e.index, e.at) for e in events if isinstance(e, StepStarted)]


def test_full_session_runs_in_milliseconds_and_ends_on_time(builtin: Catalogue) -> None:
    clock = FakeClock(1000.0)
    planned = timed_steps(builtin.routines["full-session"], DEFAULTS)
    began = time.perf_counter()
    events, _ = record(clock, plan_steps=list(planned))
    assert time.perf_counter() - began < 1.0
    finished = events[-1]
    assert isinstance(finished, Finished)
    assert finished.at == 1000.0 + total_seconds(planned)
    assert finished.summary.status == "completed"
    assert finished.summary.steps_done == len(planned)
    assert finished.summary.holds_done == sum(1 for s in planned if s.kind in ("hold", "count"))


def test_a_slow_renderer_does_not_drift_the_end() -> None:
    clock = FakeClock()
    events, _ = record(clock, work=0.3, plan_steps=steps(*[7.0] * 50))
    assert starts(events)[-1] == (49, 49 * 7.0)
    assert events[-1].at == 350.0
    assert clock.now() < 350.0 + 1.0


def test_pause_and_resume_shift_the_rest_by_the_pause() -> None:
    clock = FakeClock()
    events, _ = record(
        clock, {5.0: Command.PAUSE, 17.0: Command.RESUME}, plan_steps=steps(10, 10)
    )
    assert [type(e) for e in events if isinstance(e, (Paused, Resumed))] == [Paused, Resumed]
    assert starts(events) == [(0, 0.0), (1, 22.0)]
    finished = events[-1]
    assert isinstance(finished, Finished)
    assert finished.at == 32.0 and finished.summary.active_seconds == 20.0


def test_toggle_pauses_then_resumes_across_a_boundary() -> None:
    clock = FakeClock()
    events, _ = record(clock, {9.0: Command.TOGGLE, 30.0: Command.TOGGLE}, plan_steps=steps(10, 10))
    assert starts(events) == [(0, 0.0), (1, 31.0)]


def test_next_skips_the_rest_of_a_step_and_counts_it() -> None:
    clock = FakeClock()
    events, _ = record(clock, {3.0: Command.NEXT}, plan_steps=steps(10, 10, 10))
    assert starts(events) == [(0, 0.0), (1, 3.0), (2, 13.0)]
    done = [e for e in events if isinstance(e, StepDone)]
    assert [d.skipped for d in done] == [True, False, False]
    finished = events[-1]
    assert isinstance(finished, Finished) and finished.summary.steps_skipped == 1


def test_back_restarts_the_step_or_goes_to_the_previous_in_its_first_two_seconds() -> None:
    clock = FakeClock()
    events, _ = record(
        clock, {15.0: Command.BACK, 16.0: Command.BACK, 30.0: Command.BACK},
        plan_steps=steps(10, 10),
    )
    # 15 s: 5 s into step 1, so restart it; 16 s: 1 s into it, so back to step 0;
    # 30 s: 14 s... step 0 restarted at 16 and ended at 26; step 1 at 26, 4 s in: restart.
    assert starts(events) == [(0, 0.0), (1, 10.0), (1, 15.0), (0, 16.0), (1, 26.0), (1, 30.0)]
    assert events[-1].at == 40.0


def test_next_and_back_while_paused_stay_paused() -> None:
    clock = FakeClock()
    session = Session(steps(10, 10, 10), clock)
    session.start()
    clock.advance(4)
    session.command(Command.PAUSE)
    clock.advance(100)
    session.command(Command.NEXT)
    assert session.index == 1 and session.paused and session.remaining() == 10
    clock.advance(50)
    session.command(Command.RESUME)
    clock.advance(3)
    assert session.remaining() == pytest.approx(7)


def test_stop_reports_what_was_done() -> None:
    clock = FakeClock()
    events, _ = record(clock, {25.0: Command.STOP}, plan_steps=steps(10, 10, 10))
    stopped = events[-1]
    assert isinstance(stopped, Stopped)
    assert stopped.summary.status == "stopped"
    assert stopped.summary.steps_done == 2 and stopped.summary.active_seconds == 25.0


def test_a_pause_dated_in_the_past_does_not_run_steps_during_a_suspend() -> None:
    """Ctrl-Z: the pause is applied at the moment of suspension, not at `fg`."""
    clock = FakeClock()
    session = Session(steps(10, 10), clock)
    session.start()
    clock.advance(4)
    suspended_at = clock.now()
    clock.advance(60)  # the process was stopped for a minute
    events = session.command(Command.PAUSE, at=suspended_at)
    assert session.index == 0 and not any(isinstance(e, StepDone) for e in events)
    session.command(Command.RESUME)
    assert session.remaining() == pytest.approx(6)


def test_ticks_arrive_a_few_times_a_second_and_never_in_a_busy_loop() -> None:
    clock = FakeClock()
    session = Session(steps(30), clock)
    run_session(session, wait=scripted(clock, {}), listeners=[], refresh=0.25)
    assert 100 <= clock.sleeps <= 125  # 30 s at 4 wake-ups a second


def woken_at(plan_steps: list[Step]) -> list[float]:
    """The session times a whole session wakes at, by default."""
    clock = FakeClock()
    times: list[float] = []

    def wait(deadline: float) -> None:
        clock.sleep_until(deadline)
        times.append(round(clock.now(), 6))

    run_session(Session(plan_steps, clock), wait=wait, listeners=[])
    return times


def test_a_hold_wakes_once_a_second_on_the_second() -> None:
    """Every second the digits change; in between nothing does, so nothing wakes (each
    wake-up costs CPU: a hold at 4 a second cost 2.4% of a core on a small VM)."""
    assert woken_at(steps(30)) == [float(t) for t in range(1, 31)]


def test_a_counted_step_wakes_at_its_half_reps() -> None:
    """A 3 s rep: the figure changes pose at 1.5 s, between the seconds."""
    bridge = [Step(kind="count", label="Bridge", seconds=6, reps=2, tempo=3)]
    assert woken_at(bridge) == [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0]
    even = [Step(kind="count", label="Bridge", seconds=8, reps=2, tempo=4)]
    assert woken_at(even) == [float(t) for t in range(1, 9)]  # half reps fall on seconds


def test_scaled_clock_runs_faster() -> None:
    base = FakeClock()
    clock = ScaledClock(200, base=base)
    base.advance(0.5)
    assert clock.now() == pytest.approx(100.0)
    clock.sleep_until(300.0)
    assert base.now() == pytest.approx(1.5)
    with pytest.raises(ValueError, match="speed"):
        ScaledClock(0)
