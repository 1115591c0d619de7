"""config.toml: defaults, the file, flags, `stretch config`, and one line for a bad file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.errors import ConfigError
from stretch.settings import Values, load_settings

BAD = Path(__file__).parent / "data" / "bad-config"

# file -> the message after "path:"; each names the line, the setting and the problem.
EXPECTED = {
    "bell-number.toml": "3: bell: expected true or false, got 1",
    "duplicate.toml": "2: bell: given twice (first on line 1)",
    "get-ready-too-long.toml": "1: get_ready: 100 is out of range (0-60)",
    "hold-scale-text.toml": "1: hold_scale: expected a number, got 'double'",
    "hold-scale-too-big.toml": "1: hold_scale: 3 is out of range (0.5-2)",
    "not-utf8.toml": "2: file: not UTF-8 text",
    "rest-fraction.toml": "1: rest: expected a whole number of seconds, got 2.5",
    "switch-negative.toml": "1: switch_sides: -1 is out of range (0-30)",
    "syntax.toml": "2: toml: Invalid value",
    "table.toml": "1: voice: expected true or false, got a table",
    "unknown-setting-far.toml": "1: colour: unknown setting; settings are: voice, voice_command, "
    "voice_setup, bell, get_ready, switch_sides, rest, hold_scale, notify_command, quiet_hours, "
    "checkin, wait_to_start, sync_folder, name",
    "quiet-hours-no-end.toml": '1: quiet_hours: expected a start and an end time, like '
    '"22:00-07:00", got \'22:00\'',
    "quiet-hours-empty.toml": '2: quiet_hours: expected a start and an end time, like '
    '"22:00-07:00", got \'07:00-7:00\'',
    "notify-command-no-body.toml": '1: notify_command: one argument must hold the "{body}" '
    "placeholder",
    "unknown-setting.toml": "3: bel: unknown setting (did you mean 'bell'?)",
    "voice-command-empty-arg.toml": '1: voice_command: expected a list of arguments, like '
    '["espeak-ng", "{text}"]',
    "voice-command-no-placeholder.toml": '2: voice_command: one argument must hold the "{text}" '
    "placeholder",
    "voice-command-string.toml": '1: voice_command: expected a list of arguments, like '
    '["espeak-ng", "{text}"]',
    "voice-text.toml": "1: voice: expected true or false, got 'yes'",
}


def test_every_config_fixture_has_an_expected_message() -> None:
    assert sorted(p.name for p in BAD.glob("*.toml")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 10


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_config_gives_one_line_and_exit_1(name: str, stretch_home: Path,
                                              runner: CliRunner) -> None:
    path = stretch_home / "config.toml"
    path.write_bytes((BAD / name).read_bytes())
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert caught.value.message == f"{path}:{EXPECTED[name]}"
    for command in (["config"], ["run", "desk-break"], ["list"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 1, command
        assert result.stderr == f"stretch: error: {path}:{EXPECTED[name]}\n"


def test_defaults_then_file_then_flags(stretch_home: Path) -> None:
    settings = load_settings(stretch_home / "config.toml")
    assert settings.values == Values() and set(settings.sources.values()) == {"default"}
    path = stretch_home / "config.toml"
    path.write_text('bell = false\nget_ready = 15\nvoice_command = ["say", "{text}"]\n'
                    'quiet_hours = "22:30-6:00"\n')
    settings = load_settings(path)
    assert settings.values.quiet_hours == "22:30-06:00"  # as `stretch config` will show it
    assert settings.values.bell is False and settings.values.get_ready == 15
    assert settings.values.voice_command == ("say", "{text}")
    assert settings.sources["bell"] == str(path) and settings.sources["rest"] == "default"
    flagged = settings.with_flags(bell=True, voice=None)
    assert flagged.values.bell is True and flagged.sources["bell"] == "flag"
    assert flagged.sources["voice"] == "default"


def test_config_command_shows_each_setting_and_its_source(stretch_home: Path,
                                                          runner: CliRunner) -> None:
    path = stretch_home / "config.toml"
    path.write_text("switch_sides = 8\n")
    result = runner.invoke(app, ["config", "--no-bell"])
    assert result.exit_code == 0
    rows: dict[str, list[str]] = {}
    for line in result.stdout.splitlines():  # the table comes before the list of meanings
        if line.strip():
            rows.setdefault(line.split()[0], line.split())
    assert rows["switch_sides"][1] == "8"
    assert str(path) in "".join(result.stdout.split())  # a long path folds in its column
    assert rows["bell"][1:] == ["false", "flag"]
    assert rows["rest"][1:] == ["10", "default"]
    assert rows["quiet_hours"][1:] == ["off", "default"]  # unset: no quiet hours
    assert f"Config file: {path}" in result.stdout


def test_settings_change_the_plan(stretch_home: Path, runner: CliRunner) -> None:
    (stretch_home / "config.toml").write_text("get_ready = 20\nswitch_sides = 8\nhold_scale = 0.5\n")
    def steps(*args: str) -> list[dict[str, object]]:
        shown = json.loads(runner.invoke(app, ["show", "hip-reset", "--json", *args]).stdout)
        steps: list[dict[str, object]] = shown["steps"]
        return steps

    def switches(*args: str) -> dict[object, object]:
        found = steps(*args)
        return {found[i - 1]["move"]: s["seconds"] for i, s in enumerate(found)
                if s["kind"] == "switch"}

    written = steps("--as-written")
    assert written[0] == {"label": "Get ready", "move": None, "kind": "get-ready", "group": None,
                          "side": None, "seconds": 20, "hold": None, "reps": None,
                          "tempo": None, "set": None}
    # the setting is the least a switch takes; pigeon and the couch stretch need longer
    assert switches("--as-written") == {"pigeon": 15, "couch-stretch": 15}
    assert switches() == {"seated-figure-four": 8, "standing-hip-flexor": 8}  # a beginner's
    assert {s["seconds"] for s in written if s["kind"] == "hold"} == {15}


def test_config_rest_applies_to_routines_without_their_own(stretch_home: Path,
                                                           runner: CliRunner) -> None:
    (stretch_home / "config.toml").write_text("rest = 25\n")
    hip = json.loads(runner.invoke(app, ["show", "hip-reset", "--json"]).stdout)
    desk = json.loads(runner.invoke(app, ["show", "desk-break", "--json"]).stdout)
    assert 25 in {s["seconds"] for s in hip["steps"] if s["kind"] == "rest"}
    assert {s["seconds"] for s in desk["steps"] if s["kind"] == "rest"} == {5}  # its own rest
