"""Run a routine for a person: the safety note, today's choice, the session and its log.

This is the glue between the pure parts (plan, engine) and the ones that touch the
world (terminal, history); the command line calls it and only maps errors to exits.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime

from rich.console import Console

from stretch import views
from stretch.clock import Clock, make_clock
from stretch.config import Settings
from stretch.cues import Bell, Voice, find_speech
from stretch.engine import Listener, Session, Summary
from stretch.errors import StretchError, UsageProblem
from stretch.fit import fit
from stretch.history import History
from stretch.live import ring, run_live, run_plain, summary_line
from stretch.model import WEEKDAYS, Catalogue, Routine
from stretch.output import emit_json
from stretch.plan import PlanSettings, plan, plural
from stretch.recorder import Recorder, local_now
from stretch.schedule import current_streak, first_side, plan_for, today
from stretch.timings import plan_settings

DESK_BREAK = "desk-break"


@dataclass(frozen=True, slots=True)
class Options:
    """How to run a session: the effective settings and the command line's flags."""

    settings: Settings
    speed: float = 1.0
    plain: bool = False
    minutes: float | None = None


def _voice(settings: Settings, clock: Clock, out: Console) -> Voice | None:
    """The voice when it is asked for; without a speech program, one line and no voice."""
    if not settings.voice:
        return None
    command = settings.voice_command
    speech = find_speech(command)
    if speech is None:
        where = "the voice_command in config.toml was not found" if command else (
            "no speech program found (install espeak-ng, or set voice_command in config.toml)")
        out.print(f"[yellow]stretch: voice is on, but {where}; the bell carries on.[/]")
        return None
    return Voice(speech, clock)


def interactive() -> bool:
    """A person at a terminal: both standard input and output are terminals."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def ask(out: Console, question: str, *, default: bool) -> bool:
    """A yes/no question; Enter takes the default, end of input too."""
    hint = "[Y/n]" if default else "[y/N]"
    try:
        answer = out.input(f"{question} {hint} ").strip().lower()
    except EOFError:
        return default
    return default if not answer else answer.startswith("y")


def choose_today(
    catalogue: Catalogue, history: History, now: datetime, out: Console
) -> Routine | None:
    """Today's routine from the week plan, after checking rest days and what is done."""
    day = today(catalogue, history, now)
    weekday = now.strftime("%A")
    if day.routine is None:
        out.print(f"{weekday} is a rest day in your plan.")
        desk = catalogue.routines.get(DESK_BREAK)
        if desk is None:
            return None
        if not interactive():
            out.print(f"If you would like to move anyway: stretch run {DESK_BREAK}")
            return None
        return desk if ask(out, f"Do the {desk.title.lower()} instead?", default=False) else None
    done = [s for s in day.sessions if s.status == "completed"]
    if done:
        last = done[0]
        out.print(f"You did {last.title} today at {last.started.strftime('%H:%M')}.")
        if not interactive() or not ask(out, "Go again?", default=False):
            return None
    return day.routine


def _drive(
    session: Session, routine: Routine, options: Options, listeners: list[Listener],
    out: Console,
) -> Summary:
    """Full screen in a terminal; plain lines otherwise (with the bell if on a terminal)."""
    bell = options.settings.bell
    if options.plain or not interactive():
        if bell and sys.stdout.isatty():
            listeners = [*listeners, Bell(ring)]
        return run_plain(session, title=routine.title, listeners=listeners,
                         write=lambda line: print(line, flush=True))
    summary = run_live(session, title=routine.title, listeners=listeners, bell=bell)
    out.print(summary_line(summary, routine.title))  # plain output printed its own
    return summary


def run_routine(
    catalogue: Catalogue, routine: Routine, history: History, options: Options, out: Console
) -> Summary | None:
    """Guide one session and log it; None when the person chose not to start."""
    if history.count() == 0 and catalogue.notes is not None:
        out.print(views.safety_view(catalogue.notes))
        if interactive() and not ask(out, "Ready to start?", default=True):
            return None
    settings = plan_settings(options.settings, first_side(history, routine.id))
    if options.minutes is not None:
        fitted = fit(routine, settings, options.minutes)
        routine, settings = fitted.routine, fitted.settings
        for change in fitted.changes:
            out.print(f"[yellow]To fit {options.minutes:g} minutes: {change}.[/]")
    session = Session(plan(routine, settings), make_clock(options.speed))
    recorder = Recorder(history, session, routine, first_side=settings.first_side)
    voice = _voice(options.settings, session.clock, out)
    try:
        summary = _drive(session, routine, options, [recorder, *([voice] if voice else [])], out)
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
        out.print(f"Streak: {plural(streak, 'day')}.")
    return summary


def pick_routine(catalogue: Catalogue, out: Console) -> str:
    """A numbered list of routines; the answer is a number or a name."""
    if not interactive():
        raise UsageProblem("name a routine to run (see `stretch list`): no terminal to ask in")
    routines = list(catalogue.routines.values())
    for number, routine in enumerate(routines, 1):
        out.print(f"  [bold]{number}[/]  {routine.title} [dim]({routine.id})[/]")
    while True:
        try:
            answer = out.input("Which routine? (number or name) ").strip()
        except EOFError:
            out.print()  # end the prompt's line before the error
            raise StretchError("no routine chosen") from None
        if answer.isdigit() and 1 <= int(answer) <= len(routines):
            return routines[int(answer) - 1].id
        if answer in catalogue.routines:
            return answer
        out.print(f"[yellow]Type a number from 1 to {len(routines)}, or a name.[/]")


def preview_today(
    catalogue: Catalogue, now: datetime, out: Console, *, settings: PlanSettings, as_json: bool
) -> None:
    """Today's routine without starting it; as JSON, `show`'s fields plus the day."""
    routine = plan_for(catalogue, now.date())
    day = {"day": WEEKDAYS[now.weekday()], "date": now.date().isoformat(), "rest": routine is None}
    if as_json:
        shown = views.show_json(routine, plan(routine, settings)) if routine else {}
        emit_json({**day, **shown})
        return
    if routine is None:
        out.print(f"{now.strftime('%A')} is a rest day in your plan.")
        return
    out.print(f"[bold]Today ({now.strftime('%A')}):[/]")
    out.print(views.show_view(routine, plan(routine, settings)))
