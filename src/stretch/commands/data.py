"""Data that travels: `export`, `import` and `sync`.

The records and their rules live in `stretch.history` (exchange.py: the file; records.py:
the history as records; merge.py: merging by id; sync.py: the shared folder); these
gather the inputs, say what changed, and show the doses and streak worked out again
from the history afterwards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from stretch.commands.common.basics import (
    catalogue_or_builtin,
    open_history,
    output_file,
    settings,
    write_out,
)
from stretch.commands.common.changed import levels_now, say_recomputed, synced_line
from stretch.commands.common.person import replay_for

if TYPE_CHECKING:
    from pathlib import Path

    from stretch.coach.replay import Progress
    from stretch.history.export_fields import Record
    from stretch.history.merge import Merged
    from stretch.model import Catalogue
    from stretch.output import Terminal

Form = Literal["jsonl", "csv"]


def export(term: Terminal, *, form: Form | None, output: str | None, force: bool) -> None:
    """The whole history as JSON Lines (with the dose changes and why), or the sessions
    as CSV; printed, or written to a file whole."""
    from stretch import wallclock
    from stretch.coach.levels import Log
    from stretch.history import exchange, records
    from stretch.history.sessions_csv import sessions_csv

    target = output_file(output)
    if form is None:
        form = "csv" if target is not None and target.suffix.lower() == ".csv" else "jsonl"
    known = catalogue_or_builtin(term)  # the log needs none; the doses, the ladders
    with open_history(term) as history:
        found = records.read(history)
        log = Log.read(history)
    if form == "csv":
        text = sessions_csv(found["session"])
    else:
        doses = dose_records(known, replay_for(known, log))
        stamp = wallclock.local_now().isoformat(timespec="seconds")
        text = "".join(exchange.lines({"exported": stamp}, [*records.everything(found), *doses]))
    write_out(term, target, text, force=force,
              said=f"Wrote {counts(found)} to {target}")


def dose_records(known: Catalogue, progress: Progress) -> list[Record]:
    """Every dose change and ladder change with its reason, and the leg-symptom and flare
    events, as derived records (recomputed on import)."""
    from stretch.coach.doses import dose_ladder
    from stretch.history.export_fields import record

    made = []
    for change in progress.changes:
        move = known.moves.get(change.move)
        if move is None:
            continue
        time = change.at.isoformat(timespec="seconds")
        if change.kind == "rung":
            made.append(record("ladder", move=move.id, name=move.name, time=time,
                               replaced=change.replaced or "", why=change.why))
            continue
        ladder = dose_ladder(move)
        made.append(record("dose", move=move.id, name=move.name, time=time,
                           measure=ladder.measure, why=change.why,
                           **{"from": ladder.value(change.before),
                              "to": ladder.value(change.after)}))
    made += [record("event", kind=e.kind, time=e.at.isoformat(timespec="seconds"),
                    said=e.said) for e in progress.events]
    return made


def counts(found: dict[str, list[Record]]) -> str:
    """'12 sessions, 30 check-ins and 2 goals (5 ratings)'."""
    from stretch.text import listing, plural

    parts = [plural(len(found["session"]), "session"),
             plural(len(found["checkin"]), "check-in")]
    if found["goal"]:
        parts.append(plural(len(found["goal"]), "goal")
                     + f" ({plural(len(found['rating']), 'rating')})")
    return listing(parts)


def import_files(term: Terminal, paths: list[Path]) -> None:
    """Merge export files into the history by id: every file is read and checked whole
    first, so one broken file changes nothing."""
    from stretch.history import exchange, merge

    files = [exchange.read(path) for path in paths]
    known = catalogue_or_builtin(term)
    with open_history(term) as history:
        before = levels_now(known, history)
        merged = merge.merge(history, files, restore=True)
        term.say(imported_line(merged, len(files)))
        if merged.changed:
            say_recomputed(term, known, history, before)


def imported_line(merged: Merged, files: int) -> str:
    """'Imported 1 file: 12 sessions and 3 check-ins new; 40 records already here.'"""
    from stretch.text import listing, plural

    words = (("session", "session"), ("checkin", "check-in"), ("goal", "goal"),
             ("rating", "goal rating"))
    parts = []
    for counter, said in ((merged.added, "new"), (merged.restored, "brought back"),
                          (merged.revised, "corrected"), (merged.removed, "deleted")):
        found = [plural(counter[kind], word) for kind, word in words if counter[kind]]
        if found:
            parts.append(f"{listing(found)} {said}")
    known = sum(merged.known.values())
    if known:
        parts.append(f"{plural(known, 'record')} already here, kept as they are")
    return (f"Imported {plural(files, 'file')}: "
            + ("; ".join(parts) if parts else "nothing in it") + ".")


def sync(term: Terminal, folder: str | None) -> None:
    """Merge the other machines' files in the folder, and write this machine's own."""
    from stretch import wallclock
    from stretch.errors import UsageProblem
    from stretch.history.sync import sync as sync_folder
    from stretch.settings import sync_path

    chosen = folder if folder is not None else settings().values.sync_folder
    if chosen is None:
        raise UsageProblem("name the folder your machines share (stretch sync ~/Sync/stretch), "
                           "or set sync_folder in config.toml")
    known = catalogue_or_builtin(term)
    with open_history(term) as history:
        before = levels_now(known, history)
        synced = sync_folder(history, sync_path(chosen),
                             exported=wallclock.local_now().isoformat(timespec="seconds"))
        for skipped in synced.skipped:
            term.note(f"stretch: {skipped}")
        term.say(synced_line(synced), soft_wrap=True)
        term.say(f"This machine's file: {synced.own.name}"
                 + ("" if synced.wrote else " (unchanged)"), style="dim", soft_wrap=True)
        if synced.merged.changed:
            say_recomputed(term, known, history, before)
