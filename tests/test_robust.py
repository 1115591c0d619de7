"""What a new user met: a read-only stretch folder, a typo in their own routine file, a file
put in the wrong folder, and messages that named the wrong cause.

A read-only folder is real here: a small tmpfs mounted, filled through stretch itself,
then remounted read-only (tests run as root, so chmod would not stop a write).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.history import checkins
from stretch.history.store import History
from stretch.remind import systemd
from tests.conftest import write_user_file
from tests.fakes import FakePrograms
from tests.test_reliability import log_real

DATA = Path(__file__).parent / "data" / "robust"
ON = ["remind", "on", "--at", "07:30", "--days", "weekdays"]
ENABLE = [["systemctl", "--user", "daemon-reload"],
          ["systemctl", "--user", "enable", "--now", "stretch-remind.timer"]]
DISABLE = [["systemctl", "--user", "disable", "--now", "stretch-remind.timer"],
           ["systemctl", "--user", "daemon-reload"]]
ROFS = "Read-only file system"
# found before a test puts only fake programs on PATH
MOUNT, UMOUNT = shutil.which("mount") or "mount", shutil.which("umount") or "umount"


# --- a stretch folder on a file system of its own --------------------------------------

@pytest.fixture
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """STRETCH_HOME on a small tmpfs of its own (writable until `read_only` is called)."""
    home = tmp_path / "mounted"
    home.mkdir()
    done = subprocess.run([MOUNT, "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(home)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("mounting a file system needs root")
    monkeypatch.setenv("STRETCH_HOME", str(home))
    try:
        yield home
    finally:
        subprocess.run([UMOUNT, "-l", str(home)], check=False)


def read_only(home: Path) -> None:
    subprocess.run([MOUNT, "-o", "remount,ro", str(home)], check=True)


@pytest.fixture
def fakes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakePrograms:
    """Fake systemctl and crontab, and nothing else, on PATH; user units in a temp folder."""
    programs = FakePrograms(tmp_path / "bin").add("systemctl", "crontab")
    monkeypatch.setenv("PATH", str(programs.folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    return programs


@pytest.fixture
def units(tmp_path: Path) -> Path:
    return tmp_path / "config" / "systemd" / "user"


def unit_files(units: Path) -> list[str]:
    return sorted(p.name for p in units.iterdir()) if units.is_dir() else []


# --- 1. remind off in a read-only folder ----------------------------------------------

@pytest.mark.slow
def test_remind_off_with_nothing_set_in_a_read_only_folder_simply_succeeds(
        own_home: Path, fakes: FakePrograms, runner: CliRunner) -> None:
    read_only(own_home)
    result = runner.invoke(app, ["remind", "off"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "No reminder was set: nothing to remove.\n"


@pytest.mark.slow
def test_remind_off_that_cannot_remove_the_record_removes_nothing(
        own_home: Path, fakes: FakePrograms, units: Path, runner: CliRunner) -> None:
    assert runner.invoke(app, ON).exit_code == 0
    read_only(own_home)
    result = runner.invoke(app, ["remind", "off"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"stretch: error: cannot write {own_home / 'remind.json'}: {ROFS}; "
                             "nothing was removed\n")
    assert unit_files(units) == [systemd.SERVICE, systemd.TIMER]  # whole or nothing
    assert fakes.calls("systemctl") == ENABLE
    status = runner.invoke(app, ["remind", "status"])
    assert status.stdout.startswith("Reminder: 07:30 on weekdays (Mon-Fri), by a systemd")


# --- 2. remind on: the reminder whole, or nothing ------------------------------------

@pytest.mark.slow
def test_remind_on_in_a_read_only_folder_installs_nothing(
        own_home: Path, fakes: FakePrograms, units: Path, runner: CliRunner) -> None:
    read_only(own_home)
    result = runner.invoke(app, ON)
    assert unit_files(units) == [] and fakes.calls() == []  # not half a reminder
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"stretch: error: cannot write {own_home / 'remind.json'}: {ROFS}; "
                             "no reminder was set\n")
    status = runner.invoke(app, ["remind", "status"])
    assert status.stdout.startswith("No reminder is set.")


@pytest.mark.slow
def test_remind_on_takes_back_the_timer_when_the_record_cannot_be_written(
        own_home: Path, fakes: FakePrograms, units: Path, runner: CliRunner) -> None:
    """A disk that fills up between the check and the write: the timer is taken back."""
    filler = own_home / "filler"
    with filler.open("wb", buffering=0) as out, pytest.raises(OSError):
        while True:
            out.write(b"x" * 4096)
    result = runner.invoke(app, ON)
    assert unit_files(units) == []  # taken back
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"stretch: error: cannot write {own_home / 'remind.json'}: No "
                             "space left on device; no reminder was set\n")
    assert fakes.calls("systemctl") == ENABLE + DISABLE
    assert not (own_home / "remind.json").exists()


# --- 3. a check-in that cannot be kept ---------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("history", ["with a history", "brand-new"])
def test_a_checkin_in_a_read_only_folder_fails_and_claims_nothing(
        own_home: Path, runner: CliRunner, history: str) -> None:
    if history == "with a history":
        log_real(own_home, "hip-reset", datetime.now().astimezone())
    read_only(own_home)
    path = own_home / "history.sqlite3"
    before = path.read_bytes() if path.exists() else None
    result = runner.invoke(app, ["checkin", "3"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"stretch: error: cannot write the history file {path} (the "
                             "folder is read-only): this check-in was not saved\n")
    assert (path.read_bytes() if path.exists() else None) == before
    progress = runner.invoke(app, ["progress", "--json"])
    assert progress.exit_code == 0 and json.loads(progress.stdout)["checkins"] == []


def test_a_checkin_in_a_writable_folder_is_kept(runner: CliRunner) -> None:
    assert runner.invoke(app, ["checkin", "3", "--note", "stiff"]).exit_code == 0
    (kept,) = json.loads(runner.invoke(app, ["progress", "--json"]).stdout)["checkins"]
    assert (kept["rating"], kept["note"]) == (3, "stiff")


# --- 4. a typo in your own file ----------------------------------------------------

BROKEN = "moves:\n  x: [\n"
PROBLEM = "3:1: yaml: syntax error: did not find expected node content"


def test_checkin_and_history_work_past_a_broken_file_of_yours(stretch_home: Path,
                                                              runner: CliRunner) -> None:
    path = write_user_file(stretch_home, "broken.yaml", BROKEN)
    skipped = f"stretch: your routine files are skipped: {path}:{PROBLEM}\n"
    checkin = runner.invoke(app, ["checkin", "9"])
    assert (checkin.exit_code, checkin.stderr) == (0, skipped)
    assert checkin.stdout.startswith("Noted: your back at 9/10 at ")
    said = " ".join(checkin.stdout.split())  # the safety notes come from the built-ins
    assert "the gentlest routine is Desk break (stretch run desk-break)" in said
    history = runner.invoke(app, ["history", "--json"])
    assert (history.exit_code, history.stderr) == (0, skipped)
    assert json.loads(history.stdout) == {"streak": 0, "sessions": []}
    assert runner.invoke(app, ["history"]).exit_code == 0
    with History.open(stretch_home / "history.sqlite3") as kept:
        assert [c.rating for c in checkins.read(kept)] == [9]


# --- 5. a file in the wrong folder ---------------------------------------------------

MORNING = "routines:\n  morning:\n    title: Morning\n    items:\n      - move: figure-four\n"


def test_validate_says_where_it_looked_and_points_at_a_misplaced_file(
        stretch_home: Path, runner: CliRunner) -> None:
    misplaced = stretch_home / "mine.yaml"
    misplaced.write_text(MORNING)
    folder = stretch_home / "routines"
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0
    assert f"Your routines folder: {folder} (no files)\n" in result.stdout
    assert result.stderr == (f"stretch: {misplaced} is not read: your routine files go in "
                             f"{folder}\n")
    misplaced.rename(write_user_file(stretch_home, "mine.yaml", ""))
    moved = runner.invoke(app, ["validate"])
    assert (moved.exit_code, moved.stderr) == (0, "")
    assert f"Your routines folder: {folder} (1 file)\n" in moved.stdout
    assert runner.invoke(app, ["show", "morning"]).exit_code == 0


def test_validate_of_named_files_does_not_mention_the_folder(tmp_path: Path,
                                                              runner: CliRunner) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(MORNING)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0 and "routines folder" not in result.stdout


# --- 6. messages that name the real cause ------------------------------------------

LONG_ID = "a-stretch-for-the-hips-that-has-a-very-long-name"
FIGURE = "moves.test-move.figure"
EXPECTED = {  # file -> the message after "path:"
    "long-id.yaml": f"2:3: moves.{LONG_ID}: bad id 'a-stretch-for-the-hips-that-has-a-ver...': "
    "too long (48 characters, at most 40)",
    "too-many-cautions.yaml": "10:15: moves.test-move.cautions: expected at most 6 entries, "
    "got 7",
    "figure-door.yaml": f"12:15: {FIGURE}.props[0]: 'door' is not one of: floor, wall, "
    "cushion, chair, bed",
    "figure-point-one.yaml": f"15:15: {FIGURE}.pose.neck: expected a point [x, y], got 1 entry",
    "voice-yes.toml": "1: voice: expected true or false (TOML writes them in lower case), "
    "got yes",
    "bell-off.toml": "2: bell: expected true or false (TOML writes them in lower case), got Off",
    "voice-capital-true.toml": "2: voice: expected true or false (TOML writes them in lower "
    "case), got True",
}


def test_every_robust_fixture_has_an_expected_message() -> None:
    assert sorted(p.name for p in DATA.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_message_names_the_real_cause(name: str, stretch_home: Path,
                                        runner: CliRunner) -> None:
    source = DATA / name
    if name.endswith(".toml"):
        path = stretch_home / "config.toml"
        path.write_bytes(source.read_bytes())
        result = runner.invoke(app, ["config"])
    else:
        path = write_user_file(stretch_home, name, source.read_text())
        result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"stretch: error: {path}:{EXPECTED[name]}\n"


@pytest.mark.parametrize(("typed", "hint"), [
    ("flor", " (did you mean 'floor'?)"), ("chiar", " (did you mean 'chair'?)"),
    ("wal", " (did you mean 'wall'?)"), ("door", ""), ("bad", ""), ("sofa", ""),
])
def test_a_short_word_is_suggested_only_when_it_is_close(typed: str, hint: str) -> None:
    from stretch.errors import did_you_mean
    from stretch.poses import PROPS

    assert did_you_mean(typed, PROPS) == hint


def test_a_dashed_name_containing_the_word_is_still_suggested() -> None:
    from stretch.errors import did_you_mean, suggestions

    assert did_you_mean("lying", ["supine", "side-lying", "seated"]) == " (did you mean 'side-lying'?)"
    assert suggestions("hip", ["hip-reset", "core-and-hips", "desk-break"]) == ["hip-reset"]


def test_a_stretch_home_that_is_a_file_says_so(runner: CliRunner, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "afile"
    home.write_text("not a folder")
    monkeypatch.setenv("STRETCH_HOME", str(home))
    for args in (["list"], ["checkin", "3"], ["history"]):
        result = runner.invoke(app, args)
        assert (result.exit_code, result.stderr) == (1, (
            f"stretch: error: STRETCH_HOME is {home}, which is a file, not a folder: point it "
            "at a folder (stretch makes it if it is missing)\n")), args
    assert runner.invoke(app, ["nudge"]).exit_code == 0  # the scheduler's: never loud
