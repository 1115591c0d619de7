"""What a command says after the history changed under the coach (an import, a sync, a
correction, a session logged by hand), and the weekly goal ratings after a session."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from stretch.commands.common.basics import settings
from stretch.commands.common.person import replay_for

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

    from stretch.history.goals import Goal
    from stretch.history.store import History
    from stretch.history.sync import Synced
    from stretch.model import Catalogue
    from stretch.output import Terminal


def levels_now(known: Catalogue, history: History) -> dict[str, int]:
    """Each move's level, replayed from the history as it is now."""
    from stretch.coach.levels import Log

    return replay_for(known, Log.read(history)).levels


def say_recomputed(term: Terminal, known: Catalogue, history: History,
                   before: Mapping[str, int]) -> None:
    """After the history changed under the coach (an import, a sync, a deletion, a
    correction, a session logged by hand): each dose that moved, and the streak, as they
    are worked out again from the history now."""
    from stretch import wallclock
    from stretch.coach.doses import describe, dose_ladder
    from stretch.history.calendar import current_streak
    from stretch.text import plural

    after = levels_now(known, history)
    for move in known.moves.values():
        was, now = before.get(move.id, 0), after.get(move.id, 0)
        if was != now:
            ladder = dose_ladder(move)
            term.say(f"{move.name}: now {describe(ladder.measure, ladder.value(now))} "
                     f"(was {ladder.value(was)}), worked out again from your history")
    streak = current_streak(known, history, wallclock.local_now())
    term.say(f"Your streak: {plural(streak, 'day')}.")


def synced_line(synced: Synced) -> str:
    """'Synced with ~/Sync/stretch: 3 sessions and 1 check-in from your other machines.'"""
    from stretch.errors import printable
    from stretch.text import listing, plural

    merged = synced.merged
    came = [plural(merged.added[kind] + merged.restored[kind], word)
            for kind, word in (("session", "session"), ("checkin", "check-in"),
                               ("goal", "goal"), ("rating", "goal rating"))
            if merged.added[kind] + merged.restored[kind]]
    news = [f"{listing(came)} new"] if came else []
    if merged.revised["session"]:
        news.append(f"{plural(merged.revised['session'], 'session')} corrected")
    if merged.removed["session"]:
        news.append(f"{plural(merged.removed['session'], 'session')} deleted")
    read = plural(len(synced.read), "other machine's file", "other machines' files")
    said = f"Synced with {printable(str(synced.own.parent))}: read {read}"
    return said + (f"; {', '.join(news)}." if news else "; nothing new.")


def sync_after(term: Terminal, known: Catalogue, history: History) -> None:
    """With `sync_folder` set, sync as a session ends: one line to say what came, and a
    problem is a note, never a failed session (the session is logged either way)."""
    from stretch.errors import StretchError

    folder = settings().values.sync_folder
    if folder is None:
        return
    from stretch import wallclock
    from stretch.history.sync import sync
    from stretch.settings import sync_path

    try:
        before = levels_now(known, history)
        synced = sync(history, sync_path(folder),
                      exported=wallclock.local_now().isoformat(timespec="seconds"))
    except StretchError as err:
        term.note(f"stretch: not synced: {err.message}")
        return
    for skipped in synced.skipped:
        term.note(f"stretch: {skipped}")
    term.say(synced_line(synced), style="dim", soft_wrap=True)
    if synced.merged.changed:
        say_recomputed(term, known, history, before)


def ask_goals(term: Terminal, found: Sequence[Goal], now: datetime) -> list[tuple[str, int]]:
    """Each goal asked in turn at a terminal, one key each (Enter skips one)."""
    from stretch.coach import goals as psfs
    from stretch.session.rating import ask_rating

    term.say(psfs.WEEKLY)
    return psfs.ask_each(found, lambda question: ask_rating(term, question, hint=psfs.HINT),
                         now)


def weekly_goals(term: Terminal, history: History) -> None:
    """After a session, at a terminal with check-ins on: the goals rated again when none
    was rated this week (each skippable)."""
    if not term.interactive or not settings().values.checkin:
        return
    from stretch import wallclock
    from stretch.coach import goals as psfs
    from stretch.history import goals

    now = wallclock.local_now().replace(microsecond=0)
    found = goals.read(history)
    if not psfs.due(found, now):
        return
    answers = ask_goals(term, found, now)
    if answers:
        goals.rate(history, answers, at=now)
        for goal in goals.read(history):
            said = psfs.sentence(goal)
            if said and goal.uid in dict(answers):
                term.say(said)
