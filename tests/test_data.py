"""Data that travels, through the command line on real history files: export and import
between two homes, a broken file refused whole, two machines in step through one folder,
a session logged by hand, deleted or corrected, and the schema 5 upgrade."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from stretch.cli import app
from stretch.history.store import History
from tests.conftest import freeze_now

MONDAY = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)
ID = r"[0-9a-f]{32}"


class Home:
    """A stretch folder on a machine of its own, driven through the command line."""

    def __init__(self, path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch,
                 host: str) -> None:
        path.mkdir(exist_ok=True)
        self.path, self.runner, self.monkeypatch, self.host = path, runner, monkeypatch, host

    def __call__(self, *args: str, at: datetime = MONDAY, code: int = 0) -> Result:
        freeze_now(self.monkeypatch, at)
        self.monkeypatch.setattr("socket.gethostname", lambda: self.host)
        result = self.runner.invoke(app, list(args), env={"STRETCH_HOME": str(self.path)})
        assert result.exit_code == code, (args, result.stdout, result.stderr)
        return result

    def history(self) -> Any:
        return json.loads(self("history", "--json", at=MONDAY + timedelta(days=7)).stdout)

    def session(self, routine: str, at: datetime, before: int = 4, after: int = 3) -> None:
        self("run", routine, "--pain-before", str(before), "--pain-after", str(after), at=at)


@pytest.fixture
def laptop(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Home:
    return Home(tmp_path / "laptop", runner, monkeypatch, "laptop")


@pytest.fixture
def desktop(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Home:
    return Home(tmp_path / "desktop", runner, monkeypatch, "desktop")


def fill(home: Home) -> None:
    """A week of use: sessions on three days, a check-in with a note, one logged by hand."""
    home.session("hip-reset", MONDAY)
    home.session("core-and-hips", MONDAY + timedelta(days=1, hours=1), before=5, after=3)
    home("checkin", "3", "--note", 'stiff <b>after</b> the "drive"',
         at=MONDAY + timedelta(days=2))
    home("log", "hip-reset", "--date", "2026-11-26", "--pain-before", "4",
         at=MONDAY + timedelta(days=4))


def records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- export and import -----------------------------------------------------------------

def test_export_and_import_carry_the_history_to_another_home(laptop: Home, desktop: Home,
                                                              tmp_path: Path) -> None:
    fill(laptop)
    backup = tmp_path / "backup.jsonl"
    said = laptop("export", "-o", str(backup))
    assert said.stdout == f"Wrote 3 sessions and 1 check-in to {backup}\n"
    lines = records(backup)
    assert lines[0]["type"] == "stretch" and lines[0]["format"] == 1
    assert lines[-1] == {"type": "end", "records": len(lines) - 2}
    kinds = [line["type"] for line in lines[1:-1]]
    assert kinds == ["session"] * 3 + ["checkin"] + ["dose"] * kinds.count("dose")
    assert kinds.count("dose") >= 1  # two good days in a row moved the shared moves up

    result = desktop("import", str(backup))
    assert result.stdout.startswith("Imported 1 file: 3 sessions and 1 check-in new.\n")
    assert laptop.history() == desktop.history()
    sessions = laptop.history()["sessions"]
    assert isinstance(sessions, list) and len(sessions) == 3
    again = tmp_path / "again.jsonl"
    desktop("export", "-o", str(again))
    assert records(again)[1:] == lines[1:]  # the same ids, the same fields, the same doses
    progress = [json.loads(h("progress", "--json").stdout)["moves"] for h in (laptop, desktop)]
    assert progress[0] == progress[1]  # the doses, replayed from the merged history


def test_a_session_keeps_its_id_in_history_json(laptop: Home, tmp_path: Path) -> None:
    fill(laptop)
    backup = tmp_path / "backup.jsonl"
    laptop("export", "-o", str(backup))
    exported = [r["id"] for r in records(backup) if r["type"] == "session"]
    shown = laptop.history()["sessions"]
    assert isinstance(shown, list)
    assert [s["id"] for s in reversed(shown)] == exported  # history: newest first
    assert all(isinstance(i, str) and len(i) == 32 for i in exported)
    assert [s["leg_worse"] for s in shown] == [None, None, None]


def test_importing_the_same_file_twice_adds_nothing(laptop: Home, desktop: Home,
                                                    tmp_path: Path) -> None:
    fill(laptop)
    backup = tmp_path / "backup.jsonl"
    laptop("export", "-o", str(backup))
    desktop("import", str(backup))
    first = desktop.history()
    second = desktop("import", str(backup), str(backup))
    assert second.stdout == "Imported 2 files: 8 records already here, kept as they are.\n"
    assert desktop.history() == first
    laptop("import", str(backup))  # into the home it came from: nothing new either
    assert laptop.history() == first


def test_a_session_already_here_is_kept_as_it_is(laptop: Home, desktop: Home,
                                                 tmp_path: Path) -> None:
    laptop.session("hip-reset", MONDAY, before=4, after=3)
    backup = tmp_path / "backup.jsonl"
    laptop("export", "-o", str(backup))
    edited = backup.read_text().replace('"pain_before": 4', '"pain_before": 9')
    backup.write_text(edited)
    laptop("import", str(backup))
    (session,) = laptop.history()["sessions"]
    assert session["pain_before"] == 4


BROKEN = [
    ('"pain_before": 4', '"pain_before": 11',
     "2: session: pain_before: expected a whole number from 0 to 10, got 11"),
    ('"status": "completed"', '"status": "done"',
     '2: session: status: expected completed or stopped or interrupted, got "done"'),
    ('"routine"', '"routin"', "2: session: unknown field 'routin' (did you mean 'routine'?)"),
    ('"started": "2026-11-23T07:30:00+00:00"', '"started": "2026-11-23T07:30:00"',
     '2: session: started: expected a time with its offset (+01:00, Z), got '
     '"2026-11-23T07:30:00"'),
    ('"type": "checkin"', '"type": "check-in"',
     '3: unknown record type "check-in" (did you mean \'checkin\'?)'),
    ('{"type": "end", "records": 2}\n', "",
     "3: the file stops before its end line: it is cut short (still being copied, or "
     "half-written)"),
    ('{"type": "end", "records": 2}', '{"type": "end", "records": 3}',
     "4: the end line counts 3 records, but the file has 2: some lines are missing"),
    ('"format": 1', '"format": 2',
     "1: the file is from a newer stretch (format 2; this one reads format 1): upgrade "
     "stretch to import it"),
]


@pytest.mark.parametrize(("old", "new", "problem"), BROKEN)
def test_a_broken_file_is_refused_whole_and_changes_nothing(
        laptop: Home, desktop: Home, tmp_path: Path, *, old: str, new: str, problem: str
) -> None:
    laptop.session("hip-reset", MONDAY)
    laptop("checkin", "3", at=MONDAY + timedelta(hours=3))
    good, broken = tmp_path / "good.jsonl", tmp_path / "broken.jsonl"
    laptop("export", "-o", str(good))
    text = "".join(line for line in good.read_text().splitlines(keepends=True)
                   if '"type": "dose"' not in line)  # (no dose has changed yet)
    assert old in text
    broken.write_text(text.replace(old, new, 1))
    desktop.session("desk-break", MONDAY + timedelta(days=1))
    before = desktop.history()
    result = desktop("import", str(good), str(broken), code=1)
    assert result.stderr == f"stretch: error: {broken}:{problem}\n"
    assert result.stdout == ""
    assert desktop.history() == before  # not even the good file's records


def test_a_foreign_file_is_refused_in_one_line(laptop: Home, tmp_path: Path) -> None:
    sheet = tmp_path / "sessions.csv"
    laptop.session("hip-reset", MONDAY)
    laptop("export", "-o", str(sheet))
    result = laptop("import", str(sheet), code=1)
    assert result.stderr == (f"stretch: error: {sheet}:1: not JSON: Expecting value (column 1)"
                             "\n")
    other = tmp_path / "other.jsonl"
    other.write_text('{"workout": "legs"}\n')
    assert laptop("import", str(other), code=1).stderr == (
        f'stretch: error: {other}:1: not a stretch export: its first line should be '
        '{"type": "stretch", "format": 1, ...}\n')
    missing = tmp_path / "missing.jsonl"
    assert laptop("import", str(missing), code=1).stderr == (
        f"stretch: error: cannot read {missing}: No such file or directory\n")


def test_csv_is_the_sessions_as_a_table(laptop: Home, tmp_path: Path) -> None:
    fill(laptop)
    laptop("run", "desk-break", "--speed", "100", at=MONDAY + timedelta(days=5))
    table = laptop("export", "--format", "csv").stdout.splitlines()
    assert table[0] == ("id,routine,title,started,ended,status,active_seconds,steps_done,"
                        "steps_skipped,pain_before,pain_after,leg_worse,speed,by_hand")
    assert len(table) == 5
    hand = next(row for row in table if row.endswith(",true"))
    assert ",hip-reset,Hip reset,2026-11-26T07:30:00+00:00," in hand and ",4,," in hand
    assert table[-1].endswith(",100.0,false")  # the demo, with its speed


def test_csv_writes_text_a_spreadsheet_would_run_as_text(laptop: Home, tmp_path: Path) -> None:
    laptop.path.joinpath("routines").mkdir()
    laptop.path.joinpath("routines", "mine.yaml").write_text(
        "routines:\n  sneaky:\n    title: '=HYPERLINK(\"http://x\")'\n    summary: s\n"
        "    items:\n      - move: butterfly\n")
    laptop("run", "sneaky", "--speed", "100")
    (row,) = laptop("export", "-f", "csv").stdout.splitlines()[1:]
    assert ",sneaky,\"'=HYPERLINK(\"\"http://x\"\")\"," in row


def test_export_keeps_the_sheet_rules_for_its_file(laptop: Home, tmp_path: Path) -> None:
    laptop.session("hip-reset", MONDAY)
    target = tmp_path / "history.jsonl"
    target.write_text("mine\n")
    result = laptop("export", "-o", str(target), code=1)
    assert result.stderr == f"stretch: error: {target} already exists; add --force to replace it\n"
    assert target.read_text() == "mine\n"
    laptop("export", "-o", str(target), "--force")
    assert records(target)[0]["type"] == "stretch"
    assert laptop("export", "-o", "-").stdout.startswith('{"type": "stretch", "format": 1, ')
    assert laptop("export", "-o", " ", code=2).stderr.startswith(
        "stretch: error: -o needs a file name")
    assert not list(tmp_path.glob(".history.jsonl*"))  # no temp file left behind


# --- two machines, one folder ----------------------------------------------------------

def test_two_machines_syncing_through_one_folder_hold_the_same_history(
        laptop: Home, desktop: Home, tmp_path: Path) -> None:
    folder = tmp_path / "Sync"
    folder.mkdir()
    laptop.session("hip-reset", MONDAY)
    laptop("checkin", "4", "--note", "morning", at=MONDAY + timedelta(hours=-1))
    desktop.session("core-and-hips", MONDAY + timedelta(days=1))
    desktop("goal", "add", "Putting on socks", "3", at=MONDAY + timedelta(days=1, hours=2))

    first = laptop("sync", str(folder), at=MONDAY + timedelta(days=2))
    assert first.stdout.startswith(f"Synced with {folder}: read 0 other machines' files; "
                                   "nothing new.\n")
    (laptop_file,) = folder.glob("stretch-laptop-*.jsonl")
    desktop("sync", str(folder), at=MONDAY + timedelta(days=2, hours=1))
    (desktop_file,) = folder.glob("stretch-desktop-*.jsonl")
    written = laptop_file.read_bytes()
    result = laptop("sync", str(folder), at=MONDAY + timedelta(days=2, hours=2))
    assert result.stdout.startswith(f"Synced with {folder}: read 1 other machine's file; "
                                    "1 session, 1 goal and 1 goal rating new.\n")
    assert laptop.history() == desktop.history()
    assert len(laptop.history()["sessions"]) == 2
    assert laptop("goal").stdout == desktop("goal").stdout
    assert desktop_file.read_bytes() != written  # each wrote its own file ...
    desktop_bytes = desktop_file.read_bytes()
    laptop("sync", str(folder), at=MONDAY + timedelta(days=3))
    assert desktop_file.read_bytes() == desktop_bytes  # ... and never the other's
    assert sorted(p.name for p in folder.iterdir()) == sorted([laptop_file.name,
                                                               desktop_file.name])


def test_a_half_written_file_is_skipped_and_read_next_time(laptop: Home, desktop: Home,
                                                           tmp_path: Path) -> None:
    folder = tmp_path / "Sync"
    folder.mkdir()
    desktop.session("core-and-hips", MONDAY + timedelta(days=1))
    desktop("sync", str(folder))
    (theirs,) = folder.glob("stretch-desktop-*.jsonl")
    whole = theirs.read_bytes()
    theirs.write_bytes(whole[: len(whole) * 2 // 3])  # a sync tool part way through
    before = laptop.history()
    result = laptop("sync", str(folder))
    assert result.stderr.startswith(f"stretch: skipped {theirs}:")
    assert result.stderr.endswith("; it is read again at the next sync\n")
    assert result.stderr.count("\n") == 1
    assert laptop.history() == before
    theirs.write_bytes(whole)  # the copy completes
    laptop("sync", str(folder))
    assert laptop.history() == desktop.history()


def test_sync_needs_a_folder(laptop: Home, tmp_path: Path) -> None:
    result = laptop("sync", code=2)
    assert result.stderr == ("stretch: error: name the folder your machines share (stretch sync "
                             "~/Sync/stretch), or set sync_folder in config.toml\n")
    missing = tmp_path / "not-mounted"
    assert laptop("sync", str(missing), code=1).stderr == (
        f"stretch: error: the sync folder {missing} does not exist: make it (or mount the "
        "shared drive) first\n")
    assert not missing.exists()


def test_a_session_syncs_as_it_ends_with_sync_folder_set(laptop: Home, desktop: Home,
                                                         tmp_path: Path) -> None:
    folder = tmp_path / "Sync"
    folder.mkdir()
    for home in (laptop, desktop):
        home.path.joinpath("config.toml").write_text(f'sync_folder = "{folder}"\n')
    desktop.session("core-and-hips", MONDAY)
    result = laptop("run", "hip-reset", "--pain-before", "4", "--pain-after", "3",
                    at=MONDAY + timedelta(hours=2))
    assert (f"Synced with {folder}: read 1 other machine's file; 1 session new."
            in result.stdout)
    desktop("sync")  # sync_folder is the default folder
    assert laptop.history() == desktop.history()


def test_a_deletion_travels_and_is_undone_by_an_import(laptop: Home, desktop: Home,
                                                       tmp_path: Path) -> None:
    folder = tmp_path / "Sync"
    folder.mkdir()
    laptop.session("hip-reset", MONDAY)
    laptop.session("desk-break", MONDAY + timedelta(days=1))
    laptop("sync", str(folder))
    desktop("sync", str(folder))
    sessions = laptop.history()["sessions"]
    assert isinstance(sessions, list)
    gone = sessions[0]["id"]
    result = laptop("history", "delete", gone[:8])
    undo = laptop.path / "deleted" / f"session-{gone}.jsonl"
    assert result.stdout.startswith("Deleted Desk break of Tue 24 Nov 2026 07:30 (completed). "
                                    f"To bring it back: stretch import {undo}\n")
    assert "Your streak: 1 day." in result.stdout
    for home in (laptop, desktop, laptop):  # the other machine's copy does not bring it back
        home("sync", str(folder))
    for home in (laptop, desktop):
        assert [s["id"] for s in home.history()["sessions"]] == [sessions[1]["id"]]
    laptop("import", str(undo))
    for home in (laptop, desktop, laptop):
        home("sync", str(folder))
    assert laptop.history() == desktop.history()
    assert laptop.history()["sessions"] == sessions


def test_a_correction_recomputes_the_doses_and_travels(laptop: Home, desktop: Home,
                                                       tmp_path: Path) -> None:
    folder = tmp_path / "Sync"
    folder.mkdir()
    laptop.session("core-and-hips", MONDAY, before=3, after=3)
    laptop.session("core-and-hips", MONDAY + timedelta(days=1), before=3, after=3)
    laptop("sync", str(folder))
    desktop("sync", str(folder))
    sessions = laptop.history()["sessions"]
    assert isinstance(sessions, list)
    result = laptop("history", "rate", sessions[0]["id"], "--after", "6")
    assert result.stdout.startswith("Changed Core and hips of Tue 24 Nov 2026 07:30 "
                                    "(completed): after 3 -> 6.\n")
    assert "Clamshell: now 5 reps (was 7), worked out again from your history" in result.stdout
    for home in (laptop, desktop):
        home("sync", str(folder))
    for home in (laptop, desktop):
        (last, _) = home.history()["sessions"]
        assert last["pain_after"] == 6
    assert laptop("history", "rate", sessions[0]["id"], code=2).stderr.startswith(
        "stretch: error: give --before N, --after N or both")
    assert laptop("history", "delete", "zz", code=2).stderr.startswith(
        "stretch: error: 'zz' is too short for a session id")
    assert laptop("history", "delete", "ffffffff", code=2).stderr == (
        "stretch: error: no session has the id 'ffffffff' (see stretch history --json)\n")


# --- a session from the paper sheet ----------------------------------------------------

def test_a_session_logged_by_hand_counts_as_done(laptop: Home) -> None:
    wednesday = MONDAY + timedelta(days=2)
    result = laptop("log", "hip-reset", "--date", "2026-11-25", "--pain-before", "3",
                    at=wednesday + timedelta(hours=10))
    assert result.stdout == ("Logged Hip reset on Wed 25 Nov, by hand: it counts as done.\n"
                             "Your streak: 1 day.\n")
    (session,) = laptop.history()["sessions"]
    assert session["status"] == "completed" and session["pain_before"] == 3
    assert session["started"] == "2026-11-25T17:30:00+00:00"
    week = laptop("week", at=wednesday + timedelta(hours=10)).stdout
    assert "✓" in next(line for line in week.splitlines() if "Wed" in line)
    shown = laptop("history", at=wednesday).stdout
    assert "by hand" in shown
    future = laptop("log", "hip-reset", "--date", "2026-11-26", at=wednesday, code=2)
    assert future.stderr == ("stretch: error: --date 2026-11-26 is after today: log a session "
                             "once it is done\n")
    bad = laptop("log", "hip-reset", "--date", "26/11", at=wednesday, code=2)
    assert "a date like 2026-12-07 (or today, yesterday), got '26/11'" in bad.stderr


# --- the schema 5 upgrade --------------------------------------------------------------

def test_a_schema_4_file_gets_ids_that_stay(stretch_home: Path, runner: CliRunner) -> None:
    script = (Path(__file__).parent / "data" / "history" / "schema-4.sql").read_text()
    path = stretch_home / "history.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(script.replace("STARTED", "2026-11-23T07:30:00+00:00")
                     .replace("ENDED", "2026-11-23T07:42:00+00:00"))
    db.close()
    shown = [json.loads(runner.invoke(app, ["history", "--json"]).stdout)["sessions"]
             for _ in range(2)]
    assert shown[0] == shown[1]
    (session,) = shown[0]
    assert len(session["id"]) == 32 and int(session["id"], 16) >= 0
    assert (session["pain_before"], session["pain_after"]) == (4, 3)
    with History.open(path) as history:
        (uid,) = history.read("SELECT uid FROM checkins")[0]
        assert len(uid) == 32
        assert history.read("SELECT count(*) FROM goals") == [(0,)]
    exported = runner.invoke(app, ["export"]).stdout.splitlines()
    assert json.loads(exported[1])["groups"] == {"core": 300.0}
    assert json.loads(exported[2])["note"] == "stiff after the drive"


# --- at a terminal: asked first ----------------------------------------------------------

def test_at_a_terminal_a_deletion_and_a_correction_are_asked_first(
        laptop: Home, monkeypatch: pytest.MonkeyPatch) -> None:
    laptop.session("hip-reset", MONDAY)
    (session,) = laptop.history()["sessions"]
    asked: list[tuple[str, bool]] = []
    answer = [False]

    def ask(term: object, question: str, *, default: bool) -> bool:
        asked.append((question, default))
        return answer[0]

    monkeypatch.setattr("stretch.output._isatty", lambda stream: True)
    monkeypatch.setattr("stretch.session.rating.ask_yes_no", ask)
    said = laptop("history", "delete", session["id"])
    assert said.stdout == "Nothing was deleted.\n"
    assert asked == [("Delete Hip reset of Mon 23 Nov 2026 07:30 (completed)?", False)]
    said = laptop("history", "rate", session["id"], "--before", "5")
    assert said.stdout == "Nothing was changed.\n"
    assert asked[-1] == ("Change Hip reset of Mon 23 Nov 2026 07:30 (completed): before 4 -> "
                         "5?", True)
    assert laptop.history()["sessions"] == [session]
    answer[0] = True
    laptop("history", "delete", session["id"])
    assert laptop.history()["sessions"] == []


def test_the_goals_are_asked_again_once_a_week_after_a_session(
        stretch_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from stretch.coach.goals import HINT
    from stretch.commands.common.changed import weekly_goals
    from stretch.history import goals
    from stretch.output import Terminal

    with History.open(stretch_home / "history.sqlite3") as history:
        goals.add(history, text="Putting on socks", rating=3, at=MONDAY - timedelta(days=8))
    asked: list[tuple[str, str]] = []

    def rate(term: object, question: str, *, hint: str) -> int | None:
        asked.append((question, hint))
        return 6

    monkeypatch.setattr("stretch.session.rating.ask_rating", rate)
    freeze_now(monkeypatch, MONDAY)
    person = Terminal(stdin_tty=True, stdout_tty=True, dumb=True)
    for _ in range(2):  # the second time, in the same week, asks nothing
        with History.open(stretch_home / "history.sqlite3") as history:
            weekly_goals(person, history)
    assert asked == [("1. Putting on socks (last 3, 8 days ago)?", HINT)]
    with History.open(stretch_home / "history.sqlite3") as history:
        (goal,) = goals.read(history)
    assert [r.rating for r in goal.ratings] == [3, 6]
    script = Terminal(stdin_tty=False, stdout_tty=False, dumb=True)
    freeze_now(monkeypatch, MONDAY + timedelta(days=8))
    with History.open(stretch_home / "history.sqlite3") as history:
        weekly_goals(script, history)  # a script is asked nothing
    assert len(asked) == 1


def test_two_corrections_made_apart_settle_the_same_on_both(laptop: Home, desktop: Home,
                                                            tmp_path: Path) -> None:
    folder = tmp_path / "Sync"
    folder.mkdir()
    laptop.session("hip-reset", MONDAY, before=4, after=3)
    laptop("sync", str(folder))
    desktop("sync", str(folder))
    (session,) = laptop.history()["sessions"]
    laptop("history", "rate", session["id"], "--after", "5")  # both between syncs
    desktop("history", "rate", session["id"], "--after", "7")
    for home in (laptop, desktop, laptop):
        home("sync", str(folder))
    assert laptop.history() == desktop.history()
    assert laptop.history()["sessions"][0]["pain_after"] in (5, 7)


def test_text_from_an_imported_file_never_reaches_the_terminal_raw(
        laptop: Home, desktop: Home, tmp_path: Path) -> None:
    laptop.session("hip-reset", MONDAY)
    laptop("goal", "add", "Putting on socks", "3")
    backup = tmp_path / "backup.jsonl"
    laptop("export", "-o", str(backup))
    hostile = backup.read_text().replace('"title": "Hip reset"', '"title": "\\u001b[31mRed"') \
        .replace('"text": "Putting on socks"', '"text": "Socks\\u001b]0;owned\\u0007"')
    backup.write_text(hostile)
    desktop("import", str(backup))
    (session,) = desktop.history()["sessions"]
    outputs = [desktop("history").stdout, desktop("goal").stdout,
               desktop("goal", "rate", "1", "8").stdout, desktop("progress").stdout,
               desktop("history", "rate", session["id"], "--after", "2").stdout,
               desktop("history", "delete", session["id"]).stdout]
    for shown in outputs:
        assert "\x1b" not in shown and "\x07" not in shown, shown
    assert "\\x1b[31mRed" in outputs[0] and "Socks\\x1b]0;owned\\x07" in outputs[1]
