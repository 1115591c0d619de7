"""Run one session for a person: fit it, plan it, guide it on the right view, log it.

The glue between the pure parts (plan, engine) and the ones that touch the world
(terminal, speech, history). Whether a person is at a terminal was decided once by
the command line and comes in as `Terminal`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from stretch.fit import fit
from stretch.history.schedule import current_streak, first_side
from stretch.history.store import History, local_now
from stretch.model import Catalogue, Routine
from stretch.output import Terminal
from stretch.plan import plan
from stretch.session.clock import Clock, make_clock
from stretch.session.engine import Listener, Session, Summary
from stretch.session.recorder import Recorder
from stretch.settings import Settings
from stretch.text import plural

if TYPE_CHECKING:
    from stretch.session.voice import Voice


@dataclass(frozen=True, slots=True)
class Options:
    """How to run a session: the effective settings and the command line's flags."""

    settings: Settings
    speed: float = 1.0
    plain: bool = False
    minutes: float | None = None
    pain_before: int | None = None  # 0-10, from --pain-before or the check-in
    pain_after: int | None = None


@dataclass(frozen=True, slots=True)
class Logged:
    """A session as it ended, and its row in the history."""

    summary: Summary
    session_id: int


def _voice(settings: Settings, clock: Clock, term: Terminal) -> Voice | None:
    """The voice when it is asked for; without a speech program, one line and no voice."""
    if not settings.values.voice:
        return None
    from stretch.session.voice import Voice, find_speech

    command = settings.values.voice_command
    speech = find_speech(command)
    if speech is None:
        where = "the voice_command in config.toml was not found" if command else (
            "no speech program found (install espeak-ng, or set voice_command in config.toml)")
        term.note(f"stretch: voice is on, but {where}; the bell carries on.")
        return None
    return Voice(speech, clock)


def _drive(session: Session, routine: Routine, options: Options, listeners: list[Listener],
           term: Terminal) -> Summary:
    """Full screen for a person at a terminal; plain lines otherwise (with the bell if on
    a terminal)."""
    bell = options.settings.values.bell
    if options.plain or not term.interactive or term.dumb:
        from stretch.session.live import ring
        from stretch.session.plain import run_plain

        if bell and term.stdout_tty:
            from stretch.session.cues import Bell

            listeners = [*listeners, Bell(ring)]
        return run_plain(session, title=routine.title, listeners=listeners,
                         write=lambda line: print(line, flush=True))
    from stretch.session.live import run_live
    from stretch.session.plain import summary_line

    summary = run_live(session, title=routine.title, listeners=listeners, bell=bell)
    term.out.print(summary_line(summary, routine.title), markup=False)
    return summary


def run_routine(catalogue: Catalogue, routine: Routine, history: History, options: Options,
                term: Terminal) -> Logged:
    """Guide one session and log it; report what fitting changed, and the streak after."""
    settings = options.settings.values.plan_settings(first_side(history, routine.id))
    if options.minutes is not None:
        fitted = fit(routine, settings, options.minutes)
        routine, settings = fitted.routine, fitted.settings
        for change in fitted.changes:
            term.note(f"To fit {options.minutes:g} minutes: {change}.")
    session = Session(plan(routine, settings), make_clock(options.speed))
    recorder = Recorder(history, session, routine, first_side=settings.first_side,
                        pain_before=options.pain_before)
    voice = _voice(options.settings, session.clock, term)
    try:
        summary = _drive(session, routine, options, [recorder, *([voice] if voice else [])],
                         term)
    except KeyboardInterrupt:
        recorder.close("stopped")
        raise
    except BaseException:
        recorder.close("interrupted")
        raise
    finally:
        if voice is not None:
            voice.close()
    streak = current_streak(catalogue, history, local_now())
    if streak:
        term.out.print(f"Streak: {plural(streak, 'day')}.")
    return Logged(summary, recorder.id)
