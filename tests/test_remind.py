"""Reminders without starting a process: the one description, each scheduler's file made
from it, day and time parsing, quiet hours, and what `nudge` says or keeps quiet about.

The tests that run systemd-analyze, faketime and fake system programs are in
test_remind_system.py.
"""

from __future__ import annotations

import json
import plistlib
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from stretch.cli import app
from stretch.days import describe_days
from stretch.errors import UsageProblem
from stretch.history.calendar import rest_weekdays
from stretch.history.store import History
from stretch.model import Catalogue
from stretch.remind import cron, launchd, systemd, windows
from stretch.remind.notify import Notice, Notifier, notice, quiet
from stretch.remind.schedule import (
    Schedule,
    next_time,
    parse_days,
    parse_time,
    passed_on,
    stretch_program,
    unrested_days,
)
from tests.conftest import freeze_now, log_session, write_user_file

TUESDAY = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)  # core and hips in the built-in plan
SATURDAY = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
SUNDAY = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)  # a rest day
WEEKDAYS = (0, 1, 2, 3, 4)
PROGRAM = ("/opt/my stretch/bin/stretch",)
AT_FORM = "use HH:MM on the 24-hour clock, like 07:30 or 18:45"
DAYS_FORM = ("use daily, weekdays, weekends, a day (mon), a range (mon-fri) or a list "
             "(mon,wed,fri)")


def weekday_schedule(**changes: object) -> Schedule:
    values: dict[str, object] = {"at": time(7, 30), "weekdays": WEEKDAYS, "program": PROGRAM}
    values.update(changes)
    return Schedule(**values)  # type: ignore[arg-type]


@pytest.fixture
def history(stretch_home: Path) -> History:
    return History.open(stretch_home / "history.sqlite3")


# --- the description ----------------------------------------------------------------------

@pytest.mark.parametrize(("spec", "days"), [
    ("daily", (0, 1, 2, 3, 4, 5, 6)),
    ("weekdays", WEEKDAYS),
    ("Weekends", (5, 6)),
    ("mon-fri", WEEKDAYS),
    ("MON,wed,Fri", (0, 2, 4)),
    ("mon, wed, fri", (0, 2, 4)),
    ("tue..thu", (1, 2, 3)),
    ("sat-mon", (0, 5, 6)),  # a range may wrap round the week
    ("monday,Thursday,tues", (0, 1, 3)),
    ("mon-wed,fri,sun", (0, 1, 2, 4, 6)),
    ("weekends,mon", (0, 5, 6)),
])
def test_day_specs(spec: str, days: tuple[int, ...]) -> None:
    assert parse_days(spec) == days


@pytest.mark.parametrize("spec", ["mon-fry", "", "funday", "mon,,fri", "mo", "1-5", "mon-"])
def test_a_bad_day_spec_names_the_accepted_forms(spec: str) -> None:
    with pytest.raises(UsageProblem) as caught:
        parse_days(spec)
    assert caught.value.message == f"--days '{spec}' is not a set of days: {DAYS_FORM}"


@pytest.mark.parametrize(("text", "expected"), [("07:30", time(7, 30)), ("7:05", time(7, 5)),
                                                ("23:59", time(23, 59)), (" 00:00 ", time(0))])
def test_times(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "7:3", "7.30", "0730", "", "07:60", "7:30pm"])
def test_a_bad_time_names_the_accepted_form(text: str) -> None:
    with pytest.raises(UsageProblem) as caught:
        parse_time(text)
    assert caught.value.message == f"--at '{text}' is not a time: {AT_FORM}"


def test_the_default_days_are_the_days_the_plan_is_not_rest(builtin: Catalogue) -> None:
    assert unrested_days(rest_weekdays(builtin.week)) == (0, 1, 2, 3, 4, 5)  # Sunday rests
    with pytest.raises(UsageProblem, match="rests every day; choose days with --days"):
        unrested_days(set(range(7)))


@pytest.mark.parametrize(("now", "expected"), [
    (TUESDAY, datetime(2026, 11, 25, 7, 30, tzinfo=UTC)),  # past today's: tomorrow
    (TUESDAY.replace(hour=7), datetime(2026, 11, 24, 7, 30, tzinfo=UTC)),  # later today
    (TUESDAY.replace(hour=7, minute=30), datetime(2026, 11, 25, 7, 30, tzinfo=UTC)),
    (datetime(2026, 11, 27, 9, 0, tzinfo=UTC), datetime(2026, 11, 30, 7, 30, tzinfo=UTC)),
])
def test_the_next_time_skips_days_off(now: datetime, expected: datetime) -> None:
    assert next_time(weekday_schedule(), now) == expected


def test_describing_days() -> None:
    assert describe_days(tuple(range(7))) == "every day"
    assert describe_days(WEEKDAYS) == "weekdays (Mon-Fri)"
    assert describe_days((5, 6)) == "weekends (Sat-Sun)"
    assert describe_days((0, 1, 2, 4, 6)) == "Mon-Wed, Fri, Sun"


def test_the_description_round_trips_through_json() -> None:
    schedule = weekday_schedule(environment=(("STRETCH_HOME", "/home/x/s"),))
    assert Schedule.from_json(json.loads(json.dumps(schedule.to_json()))) == schedule
    with pytest.raises(ValueError, match="not a reminder"):
        Schedule.from_json({**schedule.to_json(), "days": ["someday"]})


def test_the_program_is_the_running_stretch(tmp_path: Path) -> None:
    venv = tmp_path / "venv" / "bin"
    venv.mkdir(parents=True)
    python = venv / "python"
    python.touch()
    assert stretch_program("-c", str(python)) == (str(python), "-m", "stretch")
    (venv / "stretch").touch()  # the console script beside the Python that runs
    assert stretch_program("-c", str(python)) == (str(venv / "stretch"),)
    pipx = tmp_path / "bin" / "stretch"  # a link to the script, as pipx makes
    pipx.parent.mkdir()
    pipx.symlink_to(venv / "stretch")
    assert stretch_program(str(pipx), "/usr/bin/python3") == (str(venv / "stretch"),)


def test_what_a_scheduled_run_keeps_from_this_session(tmp_path: Path) -> None:
    env = {"STRETCH_HOME": str(tmp_path), "DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1/bus",
           "PATH": "/bin", "HOME": "/home/x"}
    assert passed_on(env) == (("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1/bus"),
                              ("STRETCH_HOME", str(tmp_path)))
    assert passed_on({"DBUS_SESSION_BUS_ADDRESS": "unix:abstract=/tmp/dbus-x"}) == ()


# --- every scheduler's file from the one description ---------------------------------------

def test_the_systemd_units() -> None:
    schedule = weekday_schedule(environment=(("STRETCH_HOME", "/home/me/my stretch"),))
    assert systemd.service(schedule) == (
        "# Written by `stretch remind on`; `stretch remind off` removes it.\n"
        "[Unit]\nDescription=stretch: a reminder when today's routine is due\n\n"
        "[Service]\nType=oneshot\n"
        'Environment="STRETCH_HOME=/home/me/my stretch"\n'
        'ExecStart="/opt/my stretch/bin/stretch" nudge\n')
    assert systemd.timer(schedule) == (
        "# Written by `stretch remind on`; `stretch remind off` removes it.\n"
        "[Unit]\nDescription=stretch: the reminder's schedule (07:30, weekdays (Mon-Fri))\n\n"
        "[Timer]\nOnCalendar=Mon..Fri *-*-* 07:30:00\nPersistent=true\n\n"
        "[Install]\nWantedBy=timers.target\n")


@pytest.mark.parametrize(("days", "calendar"), [
    (tuple(range(7)), "*-*-* 18:05:00"),
    ((0, 1), "Mon,Tue *-*-* 18:05:00"),
    ((0, 1, 2, 4, 6), "Mon..Wed,Fri,Sun *-*-* 18:05:00"),
    ((5, 6), "Sat,Sun *-*-* 18:05:00"),
])
def test_on_calendar(days: tuple[int, ...], calendar: str) -> None:
    assert systemd.on_calendar(weekday_schedule(at=time(18, 5), weekdays=days)) == calendar


def test_unit_words_are_quoted_for_systemd() -> None:
    assert systemd.word("/usr/bin/stretch") == "/usr/bin/stretch"
    assert systemd.word('/a b/"x"\\y') == '"/a b/\\"x\\"\\\\y"'
    assert systemd.word("/opt/100%/$HOME") == '"/opt/100%%/$$HOME"'  # no specifier, no variable
    assert systemd.word("A=$x", dollars=False) == '"A=$x"'  # Environment= expands no variables
    # the program's own path expands no variables; one with quotes goes through env
    assert systemd.exec_start(("/opt/a $b/stretch", "$x")) == '"/opt/a $b/stretch" "$$x"'
    assert systemd.exec_start(('/opt/"a"/stretch', "nudge")) == (
        '/usr/bin/env "/opt/\\"a\\"/stretch" nudge')


def test_the_crontab_line() -> None:
    schedule = weekday_schedule(environment=(("STRETCH_HOME", "/home/me/100% mine"),))
    assert cron.line(schedule) == ("30 7 * * 1-5 STRETCH_HOME='/home/me/100\\% mine' "
                                   "'/opt/my stretch/bin/stretch' nudge # stretch-remind")
    daily = weekday_schedule(at=time(18, 5), weekdays=tuple(range(7)), program=("/bin/stretch",))
    assert cron.line(daily) == "5 18 * * * /bin/stretch nudge # stretch-remind"
    assert cron.day_field((6,)) == "0"  # cron counts from Sunday
    assert cron.day_field((0, 5, 6)) == "0-1,6"
    assert cron.day_field((0, 2, 4)) == "1,3,5"


def test_the_crontab_keeps_every_other_line() -> None:
    table = b"MAILTO=me\n0 3 * * * backup # nightly\n1 2 * * * old nudge # stretch-remind\n"
    assert cron.replaced(table, "new # stretch-remind") == (
        b"MAILTO=me\n0 3 * * * backup # nightly\nnew # stretch-remind\n")
    assert cron.replaced(table, None) == b"MAILTO=me\n0 3 * * * backup # nightly\n"
    assert cron.replaced(b"", "new # stretch-remind") == b"new # stretch-remind\n"


def test_the_launchd_agent() -> None:
    schedule = weekday_schedule(weekdays=(0, 2, 6), environment=(("STRETCH_HOME", "/x"),))
    agent = plistlib.loads(launchd.plist(schedule).encode())
    assert agent == {
        "Label": "stretch-remind",
        "ProgramArguments": ["/opt/my stretch/bin/stretch", "nudge"],
        "StartCalendarInterval": [{"Weekday": 1, "Hour": 7, "Minute": 30},
                                  {"Weekday": 3, "Hour": 7, "Minute": 30},
                                  {"Weekday": 0, "Hour": 7, "Minute": 30}],  # Sunday is 0
        "EnvironmentVariables": {"STRETCH_HOME": "/x"},
    }
    daily = plistlib.loads(launchd.plist(weekday_schedule(weekdays=tuple(range(7)))).encode())
    assert daily["StartCalendarInterval"] == [{"Hour": 7, "Minute": 30}]
    assert "EnvironmentVariables" not in daily
    assert launchd.agent_path(Path("/Users/me")) == Path(
        "/Users/me/Library/LaunchAgents/stretch-remind.plist")


def test_the_windows_task() -> None:
    schedule = weekday_schedule(program=("C:\\Program Files\\stretch\\stretch.exe",))
    assert windows.create(schedule) == [
        "schtasks", "/Create", "/TN", "stretch-remind",
        "/TR", '"C:\\Program Files\\stretch\\stretch.exe" nudge',
        "/SC", "WEEKLY", "/D", "MON,TUE,WED,THU,FRI", "/ST", "07:30", "/F"]
    module = weekday_schedule(at=time(18, 5), weekdays=(5, 6),
                              program=("C:\\Python311\\python.exe", "-m", "stretch"))
    assert windows.create(module)[5:12] == [
        "C:\\Python311\\python.exe -m stretch nudge", "/SC", "WEEKLY", "/D", "SAT,SUN",
        "/ST", "18:05"]
    assert windows.delete() == ["schtasks", "/Delete", "/TN", "stretch-remind", "/F"]


# --- the nudge ----------------------------------------------------------------------------

@pytest.mark.parametrize(("span", "at", "expected"), [
    ("22:00-07:00", time(23, 0), True), ("22:00-07:00", time(6, 59), True),
    ("22:00-07:00", time(7, 0), False), ("22:00-07:00", time(21, 59), False),
    ("12:30-14:00", time(13, 0), True), ("12:30-14:00", time(14, 0), False),
    (None, time(3, 0), False),
])
def test_quiet_hours(span: str | None, at: time, expected: bool) -> None:
    assert quiet(span, at) is expected


def test_the_notice_names_the_minutes_and_the_streak_at_stake() -> None:
    assert notice("Hip reset", 11, 4) == Notice(
        "Time for Hip reset", "11 minutes. Your streak of 4 days is at stake: run stretch today.")
    assert notice("Desk break", 1, 0).body == "1 minute. Start a streak today: run stretch today."


def test_notifier_placeholders_are_filled_literally_in_one_pass() -> None:
    notifier = Notifier(("notify", "--title={title}", "{body}", "-x"))
    said = Notice('{body} $(touch pwned); `id` "x"', "5 minutes {title}")
    assert notifier.command(said) == [
        "notify", '--title={body} $(touch pwned); `id` "x"', "5 minutes {title}", "-x"]


def minutes_listed(runner: CliRunner, name: str) -> int:
    rows = json.loads(runner.invoke(app, ["list", "--json"]).stdout)
    return int(next(r["minutes"] for r in rows if r["name"] == name))


def test_nudge_print_names_today_s_routine_its_minutes_and_the_streak(
        runner: CliRunner, history: History, monkeypatch: pytest.MonkeyPatch) -> None:
    log_session(history, "full-session", SATURDAY - timedelta(days=7))
    log_session(history, "hip-reset", TUESDAY - timedelta(days=1))  # Sunday rests between
    freeze_now(monkeypatch, TUESDAY)
    result = runner.invoke(app, ["nudge", "--print"])
    minutes = minutes_listed(runner, "core-and-hips")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (f"Time for Core and hips\n{minutes} minutes. Your streak of 2 days "
                             "is at stake: run stretch today.\n")


def test_nudge_is_quiet_on_a_rest_day(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_now(monkeypatch, SUNDAY)
    result = runner.invoke(app, ["nudge", "--print"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "No reminder. Sunday is a rest day in your plan.\n"


def test_nudge_is_quiet_once_today_s_routine_is_done(
        runner: CliRunner, history: History, monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_now(monkeypatch, TUESDAY.replace(hour=18))
    log_session(history, "core-and-hips", TUESDAY, speed=1000)  # a demo: still to do
    log_session(history, "core-and-hips", TUESDAY, status="stopped")  # still to do
    assert runner.invoke(app, ["nudge", "--print"]).stdout.startswith("Time for Core and hips\n")
    log_session(history, "core-and-hips", TUESDAY.replace(hour=7, minute=10))
    result = runner.invoke(app, ["nudge", "--print"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "No reminder. You did Core and hips today at 07:10.\n"
    today = runner.invoke(app, ["today"])  # `stretch today` agrees
    assert today.stdout == "You did Core and hips today at 07:10.\n"


def test_nudge_is_quiet_in_quiet_hours(runner: CliRunner, stretch_home: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    (stretch_home / "config.toml").write_text('quiet_hours = "22:00-7:00"\n')
    freeze_now(monkeypatch, TUESDAY.replace(hour=23, minute=15))
    result = runner.invoke(app, ["nudge", "--print"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "No reminder. It is quiet hours (22:00-07:00).\n"
    freeze_now(monkeypatch, TUESDAY.replace(hour=7))
    assert runner.invoke(app, ["nudge", "--print"]).stdout.startswith("Time for Core and hips")


def test_no_notifier_means_a_line_in_the_log_and_exit_0(
        runner: CliRunner, stretch_home: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no notify-send anywhere
    freeze_now(monkeypatch, TUESDAY)
    result = runner.invoke(app, ["nudge"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    (line,) = (stretch_home / "remind.log").read_text().splitlines()
    assert line.startswith("2026-11-24T08:00:00+00:00 stretch nudge: notify-send is not "
                           "installed; the reminder was: Time for Core and hips: ")
    (stretch_home / "config.toml").write_text('notify_command = ["my-notifier", "{title}", "{body}"]\n')
    assert runner.invoke(app, ["nudge"]).exit_code == 0
    assert "stretch nudge: my-notifier is not installed" in (stretch_home / "remind.log").read_text()


def test_a_broken_config_is_logged_by_nudge_and_shown_by_nudge_print(
        runner: CliRunner, stretch_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = stretch_home / "config.toml"
    path.write_text('quiet_hours = "late"\n')
    freeze_now(monkeypatch, TUESDAY)
    problem = (f'{path}:1: quiet_hours: expected a start and an end time, like "22:00-07:00", '
               "got 'late'")
    result = runner.invoke(app, ["nudge"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert (stretch_home / "remind.log").read_text() == (
        f"2026-11-24T08:00:00+00:00 stretch nudge: {problem}\n")
    shown = runner.invoke(app, ["nudge", "--print"])
    assert (shown.exit_code, shown.stderr) == (1, f"stretch: error: {problem}\n")


# --- the commands, up to where they would start a program ----------------------------------

@pytest.mark.parametrize(("args", "message"), [
    (["--at", "25:00"], f"--at '25:00' is not a time: {AT_FORM}"),
    (["--at", "07:30", "--days", "someday"], f"--days 'someday' is not a set of days: {DAYS_FORM}"),
])
def test_bad_times_and_days_are_usage_errors(runner: CliRunner, args: list[str], message: str,
                                             tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    result = runner.invoke(app, ["remind", "on", *args])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"stretch: error: {message}\n"
    assert not (tmp_path / "config").exists()  # nothing written


def test_a_plan_that_rests_every_day_needs_days(runner: CliRunner, stretch_home: Path) -> None:
    days = "".join(f"  {d}: rest\n" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
    write_user_file(stretch_home, "week.yaml", "week:\n" + days)
    result = runner.invoke(app, ["remind", "on", "--at", "07:30"])
    assert result.exit_code == 2
    assert "your week plan rests every day; choose days with --days: daily, weekdays" in result.stderr


def test_status_without_a_reminder_and_with_a_damaged_record(runner: CliRunner,
                                                             stretch_home: Path) -> None:
    result = runner.invoke(app, ["remind", "status"])
    assert (result.exit_code, result.stdout) == (
        0, "No reminder is set. To set one: stretch remind on --at 07:30 --days weekdays\n")
    (stretch_home / "remind.json").write_text("{")
    damaged = runner.invoke(app, ["remind", "status"])
    assert (damaged.exit_code, damaged.stderr) == (
        1, f"stretch: error: {stretch_home / 'remind.json'} is damaged; `stretch remind on` "
        "writes it afresh\n")


def test_every_reminder_command_and_option_has_help(runner: CliRunner) -> None:
    group = get_command(app).commands  # type: ignore[attr-defined]
    remind = group["remind"]
    commands = {**remind.commands, "nudge": group["nudge"]}
    assert set(commands) == {"on", "off", "status", "nudge"} and remind.help
    for name, command in commands.items():
        assert command.help, name
        for param in command.params:
            assert getattr(param, "help", None), f"{name} {param.name}"
        assert runner.invoke(app, [*(["remind"] if name != "nudge" else []), name, "--help"]
                             ).exit_code == 0
