"""The coach: check-ins, each person's own doses, what changed and why, the pain trend.

`personal` is the one place a routine gets the person's doses; `show`, `today`, the sheet
and the session all go through it. The rules live in history/progression.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from stretch.commands.common import catalogue, catalogue_or_builtin, open_history, timings

NAMED = 3  # moves named in "next time, A, B, C and 2 more step back"; the rest are counted

if TYPE_CHECKING:
    from stretch.history.checkins import Checkin
    from stretch.history.progression import Change, Progress
    from stretch.history.rows import SessionRow
    from stretch.history.store import History
    from stretch.model import Catalogue, Routine
    from stretch.output import Terminal
    from stretch.plan import PlanSettings


def progress_of(known: Catalogue, rows: Sequence[SessionRow], checks: Sequence[Checkin], *,
                pending: tuple[datetime, int] | None = None) -> Progress:
    """Every move's level, replayed from the log against the catalogue's ladders."""
    from stretch import dosing
    from stretch.history.progression import replay

    ladders = {m.id: dosing.ladder(m) for m in known.moves.values()}
    routine_moves = {r.id: [m.id for m in r.moves] for r in known.routines.values()}
    return replay(rows, checks, ladders, routine_moves=routine_moves, pending=pending)


def levels(term: Terminal, known: Catalogue) -> Mapping[str, int] | None:
    """Each move's level for this person: {} before any history (every move at its
    start); None when a history cannot be opened (a read-only home), with a line to say
    the doses are shown as written: browsing must not fail for want of a writable folder."""
    from stretch.files import history_file

    if not history_file().exists():  # reading must not create the file (nor load sqlite3)
        return {}
    from stretch.errors import StretchError

    try:
        with open_history(term) as history:
            return levels_in(known, history)
    except StretchError as err:
        term.note(f"stretch: {err.message}; showing the doses as written")
        return None


def levels_in(known: Catalogue, history: History) -> Mapping[str, int]:
    """Each move's level, replayed from an open history."""
    from stretch.history import checkins

    return progress_of(known, history.sessions(), checkins.read(history)).levels


def at_levels(chosen: Routine, found: Mapping[str, int] | None) -> Routine:
    """The routine at those levels; as written when they could not be read (None)."""
    from stretch.dosing import personal

    return chosen if found is None else personal(chosen, found)


def personal(term: Terminal, known: Catalogue, chosen: Routine) -> Routine:
    """The routine at the person's doses (every move at its start before any history)."""
    return at_levels(chosen, levels(term, known))


def explain(term: Terminal, known: Catalogue, changes: Sequence[Change], *,
            about: Routine | None = None, settings: PlanSettings | None = None) -> None:
    """One line per change of dose: 'Clamshell: 6 -> 8 reps: your last two sessions went
    well'; for a move of the routine `about` to run, also what it runs there (as the timer
    runs it, with `settings`) when that differs: '7 -> 9 reps (8 in this routine)'."""
    from rich.text import Text

    from stretch import dosing
    from stretch.history.progress_view import change_line

    items = {} if about is None else {i.move.id: i for i in reversed(about.items) if i.move}
    for change in changes:
        move = known.moves.get(change.move)
        if move is None:
            continue
        item, here = items.get(move.id), None
        if item is not None and settings is not None:
            then, now = (dosing.runs_at(item, move, level, settings)
                         for level in (change.before, change.after))
            here = None if then is None or now is None else (then, now)
        term.out.print(Text(change_line(change, move.name, dosing.ladder(move), here)))


def worse(history: History, session_id: int, before: int, after: int) -> str:
    """After a session that made the back worse, what that changes: 'Your back is 3 points
    worse than before: next time, Clamshell and Dead bug step back one level.', or that
    its doses are already at their lowest (nothing steps back)."""
    from stretch.history import checkins
    from stretch.history.progression import hurt_more
    from stretch.text import run_of

    known = catalogue()
    rows = history.sessions()
    started = next(r.started for r in rows if r.id == session_id)
    why = hurt_more(before, after)  # the rule's own reason: this session's step back
    names = list(dict.fromkeys(  # a move steps back once for a session
        known.moves[c.move].name for c in progress_of(known, rows, checkins.read(history))
        .changes if c.at == started and c.why == why and c.move in known.moves))
    said = f"Your back is {after - before} points worse than before"
    if not names:
        return f"{said}; this session's doses are already at their lowest."
    steps = "steps" if len(names) == 1 else "step"
    return f"{said}: next time, {run_of(names, NAMED)} {steps} back one level."


def gentlest(known: Catalogue) -> Routine | None:
    """The gentlest routine: the shortest with no move on the floor (the desk break in the
    built-ins), else the shortest of all."""
    from stretch.model import FLOOR_POSITIONS
    from stretch.plan import plan, total_seconds

    settings = timings()
    routines = sorted(known.routines.values(),
                      key=lambda r: (any(m.position in FLOOR_POSITIONS for m in r.moves),
                                     total_seconds(plan(r, settings))))
    return routines[0] if routines else None


def checkin(term: Terminal, rating: int, note: str | None) -> None:
    """Record a rating now; say what it changes, and point to help when it is high."""
    from rich.text import Text

    from stretch import wallclock
    from stretch.history import checkins
    from stretch.history.progression import HIGH

    now = wallclock.local_now().replace(microsecond=0)
    with open_history(term) as history:  # kept first: a check-in needs no catalogue
        rows, checks = history.sessions(), checkins.read(history)
        checkins.add(history, at=now, rating=rating, note=note)
    term.out.print(Text(f"Noted: your back at {rating}/10 at {now:%H:%M}."))
    known = catalogue_or_builtin(term)
    # the new rating is the latest event: what it changes is what the replay adds
    known_changes = len(progress_of(known, rows, checks).changes)
    explain(term, known, progress_of(known, rows, checks, pending=(now, rating))
            .changes[known_changes:])
    if rating >= HIGH:
        high_pain(term, known, rating)


def red_flags(term: Terminal, known: Catalogue) -> None:
    """The short safety note, the emergency signs last (on screen at any question)."""
    from stretch import safety

    if known.notes is not None:
        term.out.print(safety.safety_compact(known.notes))


def high_pain(term: Terminal, known: Catalogue, rating: int) -> Routine | None:
    """The red flags, and the gentlest routine to suggest (None if there is none)."""
    from rich.text import Text

    red_flags(term, known)
    gentle = gentlest(known)
    advice = f"Your back is at {rating}/10 right now. Go gently and stop any move that hurts"
    if gentle is not None:
        advice += f"; the gentlest routine is {gentle.title} (stretch run {gentle.id})"
    term.out.print(Text(advice + "."))
    return gentle


def progress(term: Terminal, *, as_json: bool) -> None:
    from stretch import dosing, wallclock
    from stretch.history import checkins, trend
    from stretch.history.progress_view import MoveDose, Report, progress_json, progress_view
    from stretch.history.progression import ADVICE, needs_advice
    from stretch.output import emit_json

    known = catalogue()
    today = wallclock.local_now().date()
    with open_history(term) as history:
        rows, checks = history.sessions(), checkins.read(history)
    levels = progress_of(known, rows, checks)
    used = {m.id: m for r in known.routines.values() for m in r.moves}
    before, after = trend.ratings(rows, checks)
    result = trend.outcome(before, today)
    report = Report(
        moves=[MoveDose(m, dosing.ladder(m), levels.levels.get(m.id, 0), levels.last_change(m.id))
               for m in used.values()],
        checkins=checks, weeks=trend.weekly(before, after, today), outcome=result,
        advice=ADVICE if needs_advice(rows) else None,
    )
    if as_json:
        emit_json(progress_json(report))
    else:
        term.out.print(progress_view(report, boxed=not term.boxless))
