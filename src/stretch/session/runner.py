"""Run one session for a person: fit it, plan it, guide it on the right view, log it.

The glue between the pure parts (plan, engine) and the ones that touch the world
(terminal, speech, history). Whether a person is at a terminal was decided once by
the command line and comes in as `Terminal`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text

from stretch.errors import StretchError
from stretch.fit.fitted import Fitted, fit_to
from stretch.history.calendar import first_side
from stretch.history.store import History
from stretch.model import Routine
from stretch.output import Terminal
from stretch.plan import timed_steps, total_seconds
from stretch.session.clock import Clock, make_clock
from stretch.session.engine import Listener, Session, Summary
from stretch.session.options import COUNTS_FOR_NOTHING, Options
from stretch.session.recorder import Recorder
from stretch.settings import Settings
from stretch.text import plural
from stretch.text_doses import about_minutes

if TYPE_CHECKING:
    from stretch.session.voice import Voice


DEMO = ("A --speed run is a demo: it counts toward nothing (not the "
        "streak, the week's ticks, your minutes or your doses).")
STOPPED = "Stopped; logged as stopped."
NOT_LOGGED = "Stopped; not logged."  # the history could not be written


@dataclass(frozen=True, slots=True)
class Logged:
    """A session as it ended, and its row in the history."""

    summary: Summary
    session_id: int
    began: bool = True  # reached its first move (not quit while getting ready)


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
        sound = ("the bell carries on" if settings.values.bell
                 else "the session runs silent (the bell is off too)")
        term.note(f"stretch: voice is on, but {where}; {sound}.")
        return None
    return Voice(speech, clock, setup=settings.values.voice_setup)


def fitted(routine: Routine, history: History, options: Options) -> Fitted:
    """The routine as it will run today: the person's first side, fitted to --minutes."""
    settings = options.settings.values.timings(first_side(history, routine.id))
    return fit_to(routine, settings, options.minutes)


def today_line(ready: Fitted, options: Options) -> str:
    """'Today: Core and hips, about 10 minutes': what is about to start, as long as it
    will take at the person's doses (the minutes `show` gives); a demo says it is one."""
    seconds = total_seconds(timed_steps(ready.routine, ready.settings))
    line = f"Today: {ready.routine.title}, {about_minutes(seconds)}"
    if options.demo:
        line += f" ({options.demo}: {COUNTS_FOR_NOTHING})"
    return line


def _drive(session: Session, routine: Routine, options: Options, listeners: list[Listener],
           term: Terminal, *, streak: Callable[[], int], notes: Sequence[str]) -> Summary:
    """Full screen for a person at a terminal, ending on a summary that waits for a key;
    plain lines otherwise (with the bell if on a terminal, and the keys if there is one
    to read from), and nothing waits."""
    bell = options.settings.values.bell
    if options.plain or not term.interactive or term.dumb:
        from stretch.session.live import ring
        from stretch.session.plain import run_plain

        if bell and term.stdout_tty:
            from stretch.session.cues import Bell

            listeners = [*listeners, Bell(ring)]
        from stretch.session.keys import foreground

        return run_plain(session, title=routine.title, listeners=listeners,
                         write=lambda line: print(line, flush=True),
                         keys=term.stdin_tty and foreground())
    from stretch.session.live import run_live
    from stretch.session.plain import summary_line

    summary = run_live(session, title=routine.title, listeners=listeners, bell=bell,
                       streak=streak, demo=options.demo, notes=notes)
    term.say(summary_line(summary, routine.title))
    return summary


def describe(routine: Routine, history: History, options: Options) -> tuple[list[str], str]:
    """What is about to start, as the start screen says it: what fitting into --minutes
    changed, and 'Today: Hip reset, about 9 minutes'."""
    ready = fitted(routine, history, options)
    return ready.notes, today_line(ready, options)


def run_routine(routine: Routine, history: History, options: Options, term: Terminal, *,
                streak: Callable[[], int]) -> Logged:
    """Guide one session (the start screen has said what it is) and log it; after it,
    the streak (or that a demo counts for nothing); after Ctrl-C, that it was logged."""
    if history.read_only:
        term.note(f"stretch: cannot write the history file {history.path} "
                  f"({history.read_only}): this session will not be logged.")
    ready = fitted(routine, history, options)
    routine, settings = ready.routine, ready.settings
    session = Session(timed_steps(routine, settings), make_clock(options.speed))
    recorder = Recorder(history, session, routine, pain_before=options.pain_before,
                        gentle=options.gentle, pain_elsewhere=options.pain_elsewhere)
    voice = _voice(options.settings, session.clock, term)

    try:
        summary = _drive(session, routine, options, [recorder, *([voice] if voice else [])],
                         term, streak=streak, notes=ready.notes)
    except KeyboardInterrupt:
        recorder.close("stopped")
        lost = recorder.settle(said=term.note)
        term.say(NOT_LOGGED if history.read_only or lost else STOPPED)
        if lost:
            term.error(lost)
        raise
    except BaseException:
        recorder.close("interrupted")
        lost = recorder.settle(said=term.note, patience=0)  # a signal: end now
        if lost:
            term.error(lost)
        raise
    finally:
        if voice is not None:
            voice.close()
    lost = recorder.settle(said=term.note)
    if lost:
        raise StretchError(lost)
    if options.demo:
        term.err.print(Text(DEMO, style="yellow"))  # wrapped between words, to the window
    days = streak()
    if days:
        term.say(f"Streak: {plural(days, 'day')}.")
    began = any(step.move is not None for step in session.steps[: session.index + 1])
    return Logged(summary, recorder.id, began)
