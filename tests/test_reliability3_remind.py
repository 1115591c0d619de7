"""Issue 23, reminders, against fake `systemctl`, `crontab` and `notify-send` programs
alone on PATH: another program's crontab lines are kept byte for byte, `remind on` does
all or none, the next time is counted in real time across a change of the clocks, a
reminder that cannot fire says so and what to install, `off` names only what it removed.

Each test names the issue's item it covers.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.remind import systemd
from tests.conftest import freeze_now
from tests.fakes import FakePrograms

pytestmark = pytest.mark.slow

ON = ["remind", "on", "--at", "07:30", "--days", "weekdays"]
# Another program's table: a Latin-1 comment, a CRLF line, a form feed, U+2028, no
# newline at the end of the last line
THEIRS = (b"# r\xe9sum\xe9 de sauvegarde\n0 3 * * * backup --all\r\n\x0c\n"
          b"5 4 * * * echo \xe2\x80\xa8 # odd\n15 2 * * 0 weekly")


@pytest.fixture
def fakes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakePrograms:
    programs = FakePrograms(tmp_path / "bin")
    monkeypatch.setenv("PATH", str(programs.folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    return programs


@pytest.fixture
def units(tmp_path: Path) -> Path:
    return tmp_path / "config" / "systemd" / "user"


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


# --- 7. other people's crontab lines are kept byte for byte --------------------------------

@pytest.mark.parametrize("cron", [True, False], ids=["--cron", "systemd"])
def test_7_a_crontab_in_any_encoding_is_kept_byte_for_byte(
        fakes: FakePrograms, runner: CliRunner, stretch_home: Path, cron: bool) -> None:
    fakes.add("systemctl", "crontab", "notify-send")
    fakes.crontab_bytes = THEIRS
    code, _, err = run(runner, *ON, *(["--cron"] if cron else []))
    assert (code, err) == (0, "")
    assert (stretch_home / "remind.json").exists()  # status shows what runs
    table = fakes.crontab_bytes
    assert table is not None
    if cron:
        mine = table.split(b"\n")[-2]
        assert table == THEIRS + b"\n" + mine + b"\n" and mine.endswith(b"# stretch-remind")
    else:
        assert table == THEIRS  # (systemd took it: the crontab is not even written)
    status = run(runner, "remind", "status")
    assert status[0] == 0 and status[1].startswith("Reminder: 07:30 on weekdays")
    assert run(runner, "remind", "off")[0] == 0
    assert fakes.crontab_bytes in (THEIRS, THEIRS + b"\n")  # (cron ends each line)
    assert not (stretch_home / "remind.json").exists()


def test_7_remind_on_does_all_of_its_work_or_none(fakes: FakePrograms, runner: CliRunner,
                                                  stretch_home: Path, units: Path) -> None:
    fakes.add("systemctl", "crontab", "notify-send")
    fakes.crontab_bytes = THEIRS + b"\n1 2 * * * old nudge # stretch-remind\n"
    fakes.fail("crontab", 1, "crontab: cannot write: Permission denied\n", first="-")
    # (the timer is written and enabled, then taking the old line out of cron fails)
    code, _, err = run(runner, *ON)
    assert code == 1 and err.endswith("; no reminder was set\n")
    assert not (stretch_home / "remind.json").exists()
    assert not units.exists() or not any(units.iterdir())  # nothing of it left behind
    assert ["systemctl", "--user", "disable", "--now", "stretch-remind.timer"] in fakes.calls()
    assert run(runner, "remind", "status")[1].startswith("No reminder is set.")


# --- 8. the next time, in real time across a change of the clocks -------------------------

@pytest.fixture
def london(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("london")
def test_8_status_counts_the_wait_in_real_time_across_a_clock_change(
        fakes: FakePrograms, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    fakes.add("systemctl", "notify-send")
    # Saturday 24 Oct 2026, 20:00 BST; the clocks go back at 02:00 on Sunday
    freeze_now(monkeypatch, datetime(2026, 10, 24, 20, 0, tzinfo=timezone(timedelta(hours=1))))
    assert run(runner, "remind", "on", "--at", "07:30", "--days", "daily")[0] == 0
    status = run(runner, "remind", "status")[1].splitlines()
    assert status[1] == "Next: Sun 25 Oct at 07:30 (in 12 h 30 min)."  # not 11 h 30 min
    # and forward in spring: Saturday 28 Mar 2026, 20:00 GMT; 01:00 becomes 02:00 BST
    freeze_now(monkeypatch, datetime(2026, 3, 28, 20, 0, tzinfo=UTC))
    status = run(runner, "remind", "status")[1].splitlines()
    assert status[1] == "Next: Sun 29 Mar at 07:30 (in 10 h 30 min)."


# --- 18. a reminder that cannot fire says so, and what to install -------------------------

def test_18_no_scheduler_at_all_is_one_error_and_nothing_set(
        fakes: FakePrograms, runner: CliRunner, stretch_home: Path, units: Path) -> None:
    fakes.add("notify-send")  # a container: no systemctl, no crontab
    code, out, err = run(runner, *ON)
    assert (code, out) == (1, "")
    assert err == ("stretch: error: no scheduler here can fire a reminder: neither systemd "
                   "(systemctl) nor cron (crontab) is installed; install cron (Debian and "
                   "Ubuntu: sudo apt install cron) and run this again; nothing was set\n")
    assert not units.exists() and not (stretch_home / "remind.json").exists()


def test_18_a_timer_systemd_cannot_run_and_no_cron_says_what_to_install(
        fakes: FakePrograms, runner: CliRunner, units: Path) -> None:
    fakes.add("systemctl", "notify-send")
    fakes.fail("systemctl", 1, "Failed to connect to bus: No medium found\n")
    code, out, err = run(runner, *ON)
    assert (code, out) == (0, "")  # the timer is written: it fires once systemd runs it
    assert err == (f"stretch: the timer is written to {units} but could not be enabled "
                   "(systemctl --user daemon-reload: Failed to connect to bus: No medium "
                   "found), and cron is not installed to fire it instead: it will not fire "
                   "until systemd's user timers run here; or install cron (Debian and Ubuntu: "
                   "sudo apt install cron) and run `stretch remind on --cron`.\n")
    assert "--cron` adds this crontab line" not in err  # it would fail
    status = run(runner, "remind", "status")[1].splitlines()
    assert status[1] == "Next: none: it cannot fire."
    assert status[-1] == ("It will not fire until systemd's user timers run here; or install "
                          "cron (Debian and Ubuntu: sudo apt install cron) and run `stretch "
                          "remind on --cron`.")


def test_18_no_notifier_is_said_by_on_and_status(fakes: FakePrograms, runner: CliRunner,
                                                stretch_home: Path) -> None:
    fakes.add("systemctl")  # no notify-send
    code, out, err = run(runner, *ON)
    missing = ("no notification program can show the reminder: notify-send is not installed "
               "(Debian and Ubuntu: sudo apt install libnotify-bin), or set notify_command in "
               f"config.toml; until then each reminder is only written to "
               f"{stretch_home / 'remind.log'}")
    assert code == 0 and out.startswith("Reminder on: 07:30 on weekdays")
    assert err == f"stretch: {missing}\n"
    status = run(runner, "remind", "status")[1].splitlines()
    assert f"But {missing}." in status
    fakes.add("notify-send")
    assert not any(line.startswith("But") for line in run(runner, "remind", "status")[1]
                   .splitlines())


# --- 16. `remind off` names only what it removed ------------------------------------------

def test_16_off_after_a_hand_edited_timer_says_it_left_it(
        fakes: FakePrograms, runner: CliRunner, units: Path, stretch_home: Path) -> None:
    fakes.add("systemctl", "notify-send")
    assert run(runner, *ON)[0] == 0
    timer = units / systemd.TIMER
    edited = timer.read_text().replace(systemd.MARK + "\n", "").replace("07:30", "06:45")
    timer.write_text(edited)
    code, out, err = run(runner, "remind", "off")
    assert (code, err) == (0, "")
    assert out == (f"Reminder off: removed {units / systemd.SERVICE} (not {systemd.TIMER}, which "
                   "was edited by hand: it is yours now, to remove yourself).\n")
    assert timer.read_text() == edited and not (units / systemd.SERVICE).exists()
    assert not (stretch_home / "remind.json").exists()
    assert json.loads(json.dumps(fakes.calls("systemctl")))  # (systemctl was asked, not hung)
