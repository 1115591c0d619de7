"""The history put right by hand: a session done from the paper sheet (`log`), and one
session deleted or its ratings corrected (`history delete`, `history rate`).

The rules live in `stretch.history.corrections`; these ask first at a terminal, keep a
deleted session in a file whose import brings it back, and show the doses and streak
worked out again from the history afterwards.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from stretch.commands.common.basics import (
    catalogue,
    catalogue_or_builtin,
    open_history,
    routine,
    timings,
)
from stretch.commands.common.changed import levels_now, say_recomputed, sync_after
from stretch.commands.common.person import profile, replay_for

if TYPE_CHECKING:
    from stretch.history.rows import SessionRow
    from stretch.history.store import History
    from stretch.model import Catalogue, Routine
    from stretch.output import Terminal


def log(term: Terminal, name: str, *, day: date | None, pain_before: int | None,
        pain_after: int | None) -> None:
    """A session done from the paper sheet: completed, at the doses of that day, marked as
    logged by hand."""
    from stretch import wallclock
    from stretch.errors import UsageProblem
    from stretch.text import date_label

    known = catalogue()
    chosen = routine(known, name)
    now = wallclock.local_now().replace(microsecond=0)
    day = now.date() if day is None else day
    if day > now.date():
        raise UsageProblem(f"--date {day.isoformat()} is after today: log a session once it "
                           "is done")
    started = datetime.combine(day, now.timetz())
    with open_history(term) as history:
        before = levels_now(known, history)
        title = _log_by_hand(known, history, chosen, started=started, pain_before=pain_before,
                             pain_after=pain_after)
        term.say(f"Logged {title} on {date_label(day, now.date())}, by hand: it counts as "
                 "done.")
        say_recomputed(term, known, history, before)
        sync_after(term, known, history)


def _log_by_hand(known: Catalogue, history: History, chosen: Routine, *, started: datetime,
                 pain_before: int | None, pain_after: int | None) -> str:
    """Write the session at the doses the person had on that day; returns its title."""
    import sqlite3
    from datetime import timedelta

    from stretch.coach.levels import Log, Standing
    from stretch.history.records import new_id
    from stretch.history.rows import NO_SIDE
    from stretch.plan import timed_steps, total_seconds

    log_then = Log.read(history)
    earlier = Log([s for s in log_then.sessions if s.started < started],
                  [c for c in log_then.checkins if c.at < started])
    person = profile()
    dosed = Standing.of(replay_for(known, earlier, person), person).routine(known, chosen)[0]
    steps = timed_steps(dosed, timings())
    seconds = total_seconds(steps)
    groups: dict[str, float] = {}
    for step in steps:
        if step.move is not None:
            groups[step.move.group] = groups.get(step.move.group, 0.0) + step.seconds

    def work(db: sqlite3.Connection) -> None:
        cursor = db.execute(
            "INSERT INTO sessions (uid, routine, title, started, ended, status, "
            "planned_seconds, active_seconds, steps_total, steps_done, steps_skipped, "
            "first_side, speed, moves, pain_before, pain_after, by_hand) "
            "VALUES (?, ?, ?, ?, ?, 'completed', ?, ?, ?, ?, 0, ?, 1, ?, ?, ?, 1)",
            (new_id(), chosen.id, chosen.title, started.isoformat(timespec="seconds"),
             (started + timedelta(seconds=seconds)).isoformat(timespec="seconds"), seconds,
             seconds, len(steps), len(steps), NO_SIDE, " ".join(m.id for m in dosed.moves),
             pain_before, pain_after))
        db.executemany("INSERT INTO group_seconds (session_id, grp, seconds) VALUES (?, ?, ?)",
                       [(cursor.lastrowid, group, s) for group, s in groups.items()])

    history.write(work, what="this session")
    return chosen.title


def delete(term: Terminal, given: str) -> None:
    """Remove one session, after a question at a terminal; the session is kept in a file
    first, whose import brings it back."""
    from stretch import wallclock
    from stretch.files import data_dir, write_atomically
    from stretch.history import corrections, exchange, records
    from stretch.session.rating import ask_yes_no

    known = catalogue_or_builtin(term)
    with open_history(term) as history:
        row = corrections.find(history, given)
        if term.interactive and not ask_yes_no(term, f"Delete {described(row)}?",
                                               default=False):
            term.say("Nothing was deleted.")
            return
        before = levels_now(known, history)
        undo = data_dir() / "deleted" / f"session-{row.uid}.jsonl"
        groups = dict(history.read("SELECT grp, seconds FROM group_seconds "
                                   "WHERE session_id = ?", (row.id,)))
        stamp = wallclock.local_now().isoformat(timespec="seconds")
        try:
            undo.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            from stretch.errors import StretchError

            raise StretchError(f"cannot make {undo.parent}: {err.strerror}; nothing was "
                               "deleted") from None
        write_atomically(undo, "".join(exchange.lines(
            {"exported": stamp}, [records.session_record(row, groups)])), force=True)
        corrections.delete(history, row)
        term.say(f"Deleted {described(row)}. To bring it back: stretch import {undo}",
                 soft_wrap=True)
        say_recomputed(term, known, history, before)


def rate(term: Terminal, given: str, *, before: int | None, after: int | None) -> None:
    """Correct a session's 0-10 ratings, after a question at a terminal."""
    from stretch.errors import UsageProblem
    from stretch.history import corrections
    from stretch.session.rating import ask_yes_no

    if before is None and after is None:
        raise UsageProblem("give --before N, --after N or both: the ratings to put right")
    known = catalogue_or_builtin(term)
    with open_history(term) as history:
        row = corrections.find(history, given)
        change = "; ".join(f"{word} {_rating(old)} -> {new}" for word, old, new in
                           (("before", row.pain_before, before),
                            ("after", row.pain_after, after)) if new is not None)
        if term.interactive and not ask_yes_no(term, f"Change {described(row)}: {change}?",
                                               default=True):
            term.say("Nothing was changed.")
            return
        levels = levels_now(known, history)
        corrections.correct(history, row, before=before, after=after)
        term.say(f"Changed {described(row)}: {change}.")
        say_recomputed(term, known, history, levels)


def _rating(value: int | None) -> str:
    return "none" if value is None else str(value)


def described(row: SessionRow) -> str:
    """'Hip reset of Mon 07 Dec 2026 07:10 (completed)'."""
    from stretch.errors import printable

    return (f"{printable(row.title)} of {row.started:%a %d %b %Y %H:%M} ({row.status}"
            + (", logged by hand" if row.by_hand else "") + ")")
