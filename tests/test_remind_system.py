"""Reminders against real programs: systemd-analyze checks the units stretch writes,
faketime runs stretch on a given day, and fake systemctl, crontab, notify-send, launchctl
and schtasks (tests/fakes.py, alone on PATH) record what stretch asks of them.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
from datetime import date, time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.remind import systemd
from stretch.remind.install import write_units
from stretch.remind.schedule import Schedule, stretch_program
from tests.conftest import freeze_now, need_program, write_user_file
from tests.fakes import FakePrograms
from tests.test_remind import TUESDAY, minutes_listed

pytestmark = pytest.mark.slow
WEEKDAYS = (0, 1, 2, 3, 4)
ON = ["remind", "on", "--at", "07:30", "--days", "weekdays"]
ENABLE = [["systemctl", "--user", "daemon-reload"],
          ["systemctl", "--user", "enable", "--now", "stretch-remind.timer"]]
DISABLE = [["systemctl", "--user", "disable", "--now", "stretch-remind.timer"],
           ["systemctl", "--user", "daemon-reload"]]


@pytest.fixture
def analyze() -> str:
    """The real systemd-analyze (a test names it before `fakes`, which empties PATH)."""
    return need_program("systemd-analyze")


@pytest.fixture
def faketime() -> str:
    return need_program("faketime")


@pytest.fixture
def fakes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakePrograms:
    """Fake programs, and nothing else, on PATH (notify-send, as a desktop has it); user
    units under a temp XDG_CONFIG_HOME."""
    programs = FakePrograms(tmp_path / "bin").add("notify-send")
    monkeypatch.setenv("PATH", str(programs.folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    return programs


@pytest.fixture
def units(tmp_path: Path) -> Path:
    return tmp_path / "config" / "systemd" / "user"


def verify(analyze: str, folder: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`systemd-analyze verify --user` on the timer and the service, as systemd would load
    them (it needs a runtime folder of its own)."""
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    return subprocess.run(
        [analyze, "verify", "--user", str(folder / systemd.TIMER), str(folder / systemd.SERVICE)],
        env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)}, capture_output=True, text=True,
        timeout=60, check=False, cwd=tmp_path)


# --- systemd's own checks -----------------------------------------------------------------

def test_the_units_remind_on_writes_pass_systemd_analyze_verify(
        analyze: str, fakes: FakePrograms, units: Path, tmp_path: Path, runner: CliRunner) -> None:
    fakes.add("systemctl")
    assert runner.invoke(app, ON).exit_code == 0
    checked = verify(analyze, units, tmp_path)
    assert (checked.returncode, checked.stdout + checked.stderr) == (0, "")


def odd_program(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    program = folder / "stretch"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    return program


def test_a_program_path_with_spaces_percent_and_dollar_verifies(analyze: str,
                                                                tmp_path: Path) -> None:
    program = odd_program(tmp_path, "my 100% $HOME dir")
    folder = tmp_path / "units"
    write_units(Schedule(time(7, 30), WEEKDAYS, (str(program),),
                         (("STRETCH_HOME", str(program.parent)),)), folder)
    checked = verify(analyze, folder, tmp_path)
    assert (checked.returncode, checked.stdout + checked.stderr) == (0, "")
    # verify does check the program: written without quotes, the same path is not found
    service = folder / systemd.SERVICE
    service.write_text(service.read_text().replace(
        systemd.exec_start((str(program), "nudge")), f"{program} nudge"))
    broken = verify(analyze, folder, tmp_path)
    assert broken.returncode != 0 and "is not executable" in broken.stderr


def test_a_program_path_systemd_refuses_goes_through_env(analyze: str, tmp_path: Path) -> None:
    program = odd_program(tmp_path, "my \"odd\" \\ 'dir'")
    folder = tmp_path / "units"
    write_units(Schedule(time(7, 30), WEEKDAYS, (str(program),)), folder)
    assert f"ExecStart=/usr/bin/env {systemd.word(str(program))} nudge\n" in (
        folder / systemd.SERVICE).read_text()
    checked = verify(analyze, folder, tmp_path)
    assert (checked.returncode, checked.stdout + checked.stderr) == (0, "")


@pytest.mark.parametrize("days", [tuple(range(7)), WEEKDAYS, (5, 6), (0, 2, 4), (0, 1),
                                  (0, 1, 2, 4, 6), (6,)])
def test_on_calendar_normalises_to_the_requested_days_and_time(analyze: str,
                                                               days: tuple[int, ...]) -> None:
    spec = systemd.on_calendar(Schedule(time(6, 45), days, ("/bin/stretch",)))
    done = subprocess.run([analyze, "calendar", "--iterations=14", spec], capture_output=True,
                          text=True, timeout=60, check=True, env={**os.environ, "TZ": "UTC"})
    normal = re.search(r"Normalized form: (.*)", done.stdout)
    assert normal is not None and normal.group(1) == spec  # already systemd's own form
    fired = re.findall(r"(?:Next elapse|Iter\. #\d+): \w+ (\S+) (\S+) UTC", done.stdout)
    assert len(fired) == 14
    assert {date.fromisoformat(day).weekday() for day, _ in fired} == set(days)
    assert {clock for _, clock in fired} == {"06:45:00"}


# --- systemd through systemctl -------------------------------------------------------------

def test_remind_on_enables_the_timer_and_twice_leaves_one(
        fakes: FakePrograms, units: Path, runner: CliRunner,
        monkeypatch: pytest.MonkeyPatch) -> None:
    fakes.add("systemctl", "crontab")
    fakes.crontab = "0 3 * * * backup # nightly\n5 6 * * 1 /old/stretch nudge # stretch-remind\n"
    freeze_now(monkeypatch, TUESDAY)
    result = runner.invoke(app, ON)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == ("Reminder on: 07:30 on weekdays (Mon-Fri), by a systemd user timer.\n"
                             "Next: Wed 25 Nov at 07:30 (in 23 h 30 min).\n")
    assert fakes.calls("systemctl") == ENABLE
    assert fakes.crontab == "0 3 * * * backup # nightly\n"  # one reminder, not two
    again = runner.invoke(app, ["remind", "on", "--at", "18:00", "--days", "mon,WED"])
    assert again.exit_code == 0
    assert sorted(p.name for p in units.iterdir()) == [systemd.SERVICE, systemd.TIMER]
    timer = (units / systemd.TIMER).read_text()
    assert re.findall("OnCalendar=.*", timer) == ["OnCalendar=Mon,Wed *-*-* 18:00:00"]
    assert fakes.calls("systemctl") == ENABLE + ENABLE
    status = runner.invoke(app, ["remind", "status"])
    assert status.stdout.splitlines() == [
        "Reminder: 18:00 on Mon, Wed, by a systemd user timer.",
        "Next: Wed 25 Nov at 18:00 (in 34 h 0 min).",
        f"Runs: {' '.join(stretch_program())} nudge"]
    (units / systemd.TIMER).unlink()  # by hand
    gone = runner.invoke(app, ["remind", "status"]).stdout.splitlines()
    assert gone[-1] == f"But the timer file is gone from {units}: run `stretch remind on` again."


def test_without_user_systemd_it_says_so_and_shows_the_crontab_line(
        fakes: FakePrograms, units: Path, stretch_home: Path, runner: CliRunner) -> None:
    line = (f"30 7 * * 1-5 STRETCH_HOME={shlex.quote(str(stretch_home))} "
            f"{shlex.join(stretch_program())} nudge # stretch-remind\n")
    fakes.add("crontab")  # the line it suggests can be added (issue 23, item 18)
    for problem in ("systemctl is not installed", "Failed to connect to bus: No medium found"):
        result = runner.invoke(app, ON)
        assert (result.exit_code, result.stdout) == (0, line)
        assert result.stderr == (
            f"stretch: the timer is written to {units} but could not be enabled (systemctl "
            f"--user daemon-reload: {problem}); `stretch remind on --cron` adds this crontab "
            "line instead:\n")
        assert (units / systemd.TIMER).exists() and (units / systemd.SERVICE).exists()
        fakes.add("systemctl")
        fakes.fail("systemctl", 1, "Failed to connect to bus: No medium found\n")
    status = runner.invoke(app, ["remind", "status"]).stdout.splitlines()
    assert status[0] == ("Reminder: 07:30 on weekdays (Mon-Fri), as a systemd user timer that "
                         "could not be enabled.")
    assert status[1] == "Next: none: it cannot fire."
    assert status[-1] == ("It will not fire until systemd's user timers run here; `stretch "
                          "remind on --cron` uses cron instead.")


def test_off_removes_what_on_wrote_and_nothing_else(
        fakes: FakePrograms, units: Path, stretch_home: Path, runner: CliRunner) -> None:
    fakes.add("systemctl", "crontab")
    units.mkdir(parents=True)
    theirs = "[Timer]\nOnCalendar=daily\n"
    (units / "backup.timer").write_text(theirs)
    fakes.crontab = "0 3 * * * backup # nightly\n"
    assert runner.invoke(app, ON).exit_code == 0
    result = runner.invoke(app, ["remind", "off"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"Reminder off: removed the systemd timer and service from {units}.\n"
    assert [p.name for p in units.iterdir()] == ["backup.timer"]
    assert (units / "backup.timer").read_text() == theirs
    assert fakes.crontab == "0 3 * * * backup # nightly\n"
    assert fakes.calls("systemctl") == ENABLE + DISABLE
    assert not (stretch_home / "remind.json").exists()
    again = runner.invoke(app, ["remind", "off"])
    assert again.stdout == "No reminder was set: nothing to remove.\n"


def test_a_unit_file_stretch_did_not_write_is_never_replaced(
        fakes: FakePrograms, units: Path, runner: CliRunner) -> None:
    fakes.add("systemctl")
    units.mkdir(parents=True)
    (units / systemd.TIMER).write_text("[Timer]\nOnCalendar=hourly\n")
    result = runner.invoke(app, ON)
    assert result.exit_code == 1
    assert result.stderr == (f"stretch: error: {units / systemd.TIMER} was not written by "
                             "stretch; move it away first; no reminder was set\n")
    assert runner.invoke(app, ["remind", "off"]).exit_code == 0
    assert (units / systemd.TIMER).read_text() == "[Timer]\nOnCalendar=hourly\n"


# --- cron ---------------------------------------------------------------------------------

def test_cron_installs_one_line_and_off_takes_only_that(
        fakes: FakePrograms, units: Path, runner: CliRunner) -> None:
    fakes.add("systemctl", "crontab")
    assert runner.invoke(app, ON).exit_code == 0  # a timer first: --cron replaces it
    theirs = "MAILTO=me\n0 3 * * * backup # nightly\n"
    fakes.crontab = theirs
    for at in ("06:15", "07:30"):
        result = runner.invoke(app, ["remind", "on", "--at", at, "--days", "weekdays", "--cron"])
        assert (result.exit_code, result.stderr) == (0, "")
    table = fakes.crontab or ""
    assert table.startswith(theirs)
    (ours,) = table[len(theirs):].splitlines()
    assert ours.startswith("30 7 * * 1-5 ") and ours.endswith(" nudge # stretch-remind")
    assert not (units / systemd.TIMER).exists()
    assert fakes.calls("systemctl")[-2:] == DISABLE
    status = runner.invoke(app, ["remind", "status"]).stdout
    assert status.startswith("Reminder: 07:30 on weekdays (Mon-Fri), by a line in your crontab.\n")
    off = runner.invoke(app, ["remind", "off"])
    assert off.stdout == "Reminder off: removed the line in your crontab.\n"
    assert fakes.crontab == theirs


def test_where_cron_has_the_reminder_a_new_time_goes_to_cron(
        fakes: FakePrograms, units: Path, runner: CliRunner) -> None:
    fakes.add("systemctl", "crontab")
    fakes.fail("systemctl", 1, "Failed to connect to bus: No medium found\n")
    assert runner.invoke(app, [*ON, "--cron"]).exit_code == 0
    result = runner.invoke(app, ["remind", "on", "--at", "18:00", "--days", "weekdays"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"stretch: the timer is written to {units} but could not be enabled (systemctl --user "
        "daemon-reload: Failed to connect to bus: No medium found); your crontab line is "
        "updated instead.\n")
    assert result.stdout.startswith("Reminder on: 18:00 on weekdays (Mon-Fri), by a line in your "
                                    "crontab.\n")
    (line,) = (fakes.crontab or "").splitlines()
    assert line.startswith("0 18 * * 1-5 ")


def test_cron_without_crontab_is_one_error(fakes: FakePrograms, runner: CliRunner) -> None:
    result = runner.invoke(app, [*ON, "--cron"])
    assert (result.exit_code, result.stderr) == (
        1, "stretch: error: crontab is not installed (install cron (Debian and Ubuntu: sudo apt "
           "install cron), or use the systemd timer); no reminder was set\n")


# --- macOS and Windows, through their programs --------------------------------------------

def test_macos_loads_a_launchd_agent_and_unloads_it(
        fakes: FakePrograms, tmp_path: Path, runner: CliRunner,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import plistlib

    monkeypatch.setattr("stretch.remind.install.system", lambda: "darwin")
    monkeypatch.setenv("HOME", str(tmp_path / "mac"))
    fakes.add("launchctl")
    assert runner.invoke(app, ON).exit_code == 0
    agent = tmp_path / "mac" / "Library" / "LaunchAgents" / "stretch-remind.plist"
    loaded = plistlib.loads(agent.read_bytes())
    assert loaded["ProgramArguments"] == [*stretch_program(), "nudge"]
    assert [e["Weekday"] for e in loaded["StartCalendarInterval"]] == [1, 2, 3, 4, 5]
    uid = os.getuid()
    assert fakes.calls("launchctl") == [["launchctl", "bootout", f"gui/{uid}/stretch-remind"],
                                        ["launchctl", "bootstrap", f"gui/{uid}", str(agent)]]
    off = runner.invoke(app, ["remind", "off"])
    assert off.stdout == f"Reminder off: removed the launchd agent {agent}.\n"
    assert not agent.exists()
    fakes.fail("launchctl", 5, "Bootstrap failed: 5: Input/output error\n")
    failed = runner.invoke(app, ON)
    assert (failed.exit_code, failed.stderr) == (
        1, f"stretch: error: launchctl bootstrap gui/{uid} {agent}: Bootstrap failed: 5: "
        "Input/output error; no reminder was set\n")
    calls = fakes.calls("launchctl")
    tried = calls.index(["launchctl", "bootstrap", f"gui/{uid}", str(agent)], 4)
    assert calls[tried + 1] == ["launchctl", "load", "-w", str(agent)]
    assert not agent.exists()  # all of `remind on` or none: the agent is taken back


def test_windows_creates_a_weekly_task_and_deletes_it(
        fakes: FakePrograms, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("stretch.remind.install.system", lambda: "win32")
    fakes.add("schtasks")
    assert runner.invoke(app, ON).exit_code == 0
    assert fakes.calls() == [[
        "schtasks", "/Create", "/TN", "stretch-remind",
        "/TR", subprocess.list2cmdline([*stretch_program(), "nudge"]),
        "/SC", "WEEKLY", "/D", "MON,TUE,WED,THU,FRI", "/ST", "07:30", "/F"]]
    off = runner.invoke(app, ["remind", "off"])
    assert off.stdout == "Reminder off: removed the scheduled task stretch-remind.\n"
    assert fakes.calls()[-1] == ["schtasks", "/Delete", "/TN", "stretch-remind", "/F"]


# --- the notification ---------------------------------------------------------------------

def test_nudge_sends_a_notification_naming_today_s_routine(
        fakes: FakePrograms, stretch_home: Path, runner: CliRunner,
        monkeypatch: pytest.MonkeyPatch) -> None:
    fakes.add("notify-send")
    freeze_now(monkeypatch, TUESDAY)
    result = runner.invoke(app, ["nudge"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    minutes = minutes_listed(runner, "core-and-hips")
    assert fakes.calls() == [["notify-send", "--app-name=stretch", "--", "Time for Core and hips",
                              f"{minutes} minutes. Start a streak today: run stretch today."]]
    assert not (stretch_home / "remind.log").exists()


def test_a_failing_notifier_is_a_line_in_the_log(
        fakes: FakePrograms, stretch_home: Path, runner: CliRunner,
        monkeypatch: pytest.MonkeyPatch) -> None:
    fakes.add("notify-send")
    fakes.fail("notify-send", 1, "Cannot autolaunch D-Bus without X11 $DISPLAY\n")
    freeze_now(monkeypatch, TUESDAY)
    result = runner.invoke(app, ["nudge"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    (line,) = (stretch_home / "remind.log").read_text().splitlines()
    assert line.startswith("2026-11-24T08:00:00+00:00 stretch nudge: notify-send failed (exit 1): "
                           "Cannot autolaunch D-Bus without X11 $DISPLAY; the reminder was: "
                           "Time for Core and hips: ")


def test_notify_command_gets_the_title_literally_without_a_shell(
        fakes: FakePrograms, stretch_home: Path, tmp_path: Path, runner: CliRunner,
        monkeypatch: pytest.MonkeyPatch) -> None:
    title = "Hips; touch pwned1 $(touch pwned2) `touch pwned3` | tee pwned4 \"'"
    days = "".join(f"  {d}: mine\n" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
    write_user_file(stretch_home, "mine.yaml", f"routines:\n  mine:\n    title: {json.dumps(title)}\n"
                    "    items:\n      - move: figure-four\n        hold: 30\n"
                    f"week:\n{days}")
    (stretch_home / "config.toml").write_text(
        'notify_command = ["my-notifier", "--summary={title}", "{body}"]\n')
    fakes.add("my-notifier")
    monkeypatch.chdir(tmp_path)
    freeze_now(monkeypatch, TUESDAY)
    assert runner.invoke(app, ["nudge"]).exit_code == 0
    assert not (stretch_home / "remind.log").exists()
    ((name, summary, body),) = fakes.calls()
    assert (name, summary) == ("my-notifier", f"--summary=Time for {title}")
    assert body.endswith("Start a streak today: run stretch today.")
    assert not list(tmp_path.rglob("pwned*"))


# --- a real stretch on a given day ---------------------------------------------------------

def test_on_a_given_day_with_faketime(faketime: str, fakes: FakePrograms) -> None:
    fakes.add("systemctl")
    env = {**os.environ, "TZ": "UTC", "PATH": f"{fakes.folder}{os.pathsep}{os.defpath}"}

    def at(moment: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([faketime, moment, *stretch_program(), *args], env=env,
                              capture_output=True, text=True, timeout=120, check=False)

    sunday = at("2026-11-29 08:00:00", "nudge", "--print")
    assert (sunday.returncode, sunday.stdout) == (0, "")
    assert sunday.stderr == "No reminder. Sunday is a rest day in your plan.\n"
    monday = at("2026-11-30 08:00:00", "nudge", "--print")
    assert monday.returncode == 0 and monday.stdout.startswith("Time for Hip reset\n")
    friday = at("2026-11-27 09:00:00", *ON)
    assert friday.stdout.splitlines()[-1] == "Next: Mon 30 Nov at 07:30 (in 2 days 22 h)."

