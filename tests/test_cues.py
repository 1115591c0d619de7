"""Cues by ear: thresholds, bell patterns, stale speech dropped, and a real speech program."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import time
import wave
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.model import Catalogue
from stretch.plan import timed_steps, total_seconds
from stretch.session.cues import Bell, Cue, CueMaker, speaking_time
from stretch.session.engine import Event, Finished, Session, run_session
from stretch.session.voice import Speech, Voice, find_speech
from tests.conftest import DEFAULTS, classic, classic_hip_reset, need_program, write_user_file
from tests.fakes import FakeClock


def cues_for(catalogue: Catalogue, routine: str, *, setup: bool = False
             ) -> tuple[list[Cue], float]:
    clock = FakeClock()
    maker = CueMaker(setup=setup)
    cues: list[Cue] = []
    chosen = classic(catalogue, routine)
    steps = timed_steps(chosen, DEFAULTS)
    session = Session(steps, clock)
    run_session(session, wait=clock.sleep_until, listeners=[lambda e: cues.extend(maker(e))])
    return cues, total_seconds(steps)


def test_cues_come_at_thresholds_never_every_second(builtin: Catalogue) -> None:
    cues, seconds = cues_for(builtin, "hip-reset")
    kinds = Counter(c.kind for c in cues)
    steps = timed_steps(classic_hip_reset(builtin), DEFAULTS)
    holds = [s for s in steps if s.kind == "hold"]
    assert kinds["start"] == len(holds)
    assert kinds["switch"] == sum(1 for s in steps if s.kind == "switch")
    assert kinds["halfway"] == len(holds)  # every hold is 30 s
    assert kinds["count"] == 3 * len(holds)
    assert kinds["end"] == len(holds)
    assert cues[-1] == Cue("done", "Well done.", seconds)
    assert len(cues) < seconds / 3  # far fewer than one a second
    first = cues[0]
    assert first.kind == "next" and first.text == "Get ready. Up next: Supine figure-four stretch, left side"
    assert [c.text for c in cues if c.kind == "count"][:3] == ["3", "2", "1"]
    three = next(c for c in cues if c.kind == "count")
    assert three.at == 10 + 27  # 3 s before the first 30 s hold (after 10 s get ready) ends


def test_counted_exercises_count_reps_at_the_tempo(builtin: Catalogue) -> None:
    cues, _ = cues_for(builtin, "core-and-hips")
    first_set = [c for c in cues if c.kind in ("start", "rep")][:10]
    assert first_set[0].text == "Glute bridge, 10 reps"
    assert [c.text for c in first_set[1:]] == [str(n) for n in range(2, 11)]
    assert [c.at for c in first_set[1:3]] == [10 + 6, 10 + 12]  # every 6 s: the tempo


def test_short_holds_get_no_halfway() -> None:
    from stretch.model import Move
    from stretch.steps import Step

    move = Move(id="m", name="M", kind="stretch", group="gluteal", sided=False,
                position="supine", setup="S.", cues=("C",), hold=15)
    clock = FakeClock()
    maker = CueMaker()
    cues: list[Cue] = []
    session = Session([Step(kind="hold", label="M", seconds=15, move=move, side="both")], clock)
    run_session(session, wait=clock.sleep_until, listeners=[lambda e: cues.extend(maker(e))])
    assert "halfway" not in {c.kind for c in cues}


@pytest.mark.slow  # the bell rings on its own thread, in real time
def test_bell_patterns_tell_a_start_from_the_end_of_a_hold(builtin: Catalogue) -> None:
    rings: list[float] = []
    bell = Bell(lambda: rings.append(time.monotonic()))
    clock = FakeClock()
    steps = timed_steps(classic_hip_reset(builtin), DEFAULTS)[:2]  # get ready, then the first 30 s hold
    session = Session(steps, clock)
    run_session(session, wait=clock.sleep_until, listeners=[bell])
    time.sleep(0.6)  # the triple ring plays out on the bell's own thread
    # get ready starts (1), the hold starts (1), 3-2-1 (3), the hold ends (3 quick rings)
    assert len(rings) == 8
    end = rings[-3:]
    assert 0.1 < end[1] - end[0] < 0.3 and 0.1 < end[2] - end[1] < 0.3


def test_slow_speech_never_moves_the_end_of_the_session(builtin: Catalogue) -> None:
    clock = FakeClock()
    spoken_at: list[float] = []

    def slow(text: str) -> None:
        spoken_at.append(clock.now())
        time.sleep(0.05)  # a slow speech program

    voice = Voice(slow, clock)
    steps = timed_steps(builtin.routines["full-session"], DEFAULTS)
    session = Session(steps, clock)
    events: list[Event] = []
    started = time.perf_counter()
    run_session(session, wait=clock.sleep_until, listeners=[voice, events.append])
    elapsed = time.perf_counter() - started
    voice.close(wait=2)
    finished = events[-1]
    assert isinstance(finished, Finished) and finished.at == total_seconds(steps)
    assert elapsed < 1.0  # the timer never waited for the voice
    assert voice.dropped > 0  # stale cues were dropped, not queued up
    assert voice.spoken[-1] == "Well done."


@pytest.mark.slow
def test_windows_speech_takes_the_text_from_the_environment_never_the_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "powershell.log"
    fake = tmp_path / "powershell"
    fake.write_text(f"#!{sys.executable}\nimport json, os, sys\n"
                    f"open({str(log)!r}, 'w').write(json.dumps([sys.argv[1:], "
                    "os.environ.get('STRETCH_SPEECH_TEXT')]))\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "win32")
    # on "win32", shutil.which would look for powershell.EXE: answer for the fake instead
    monkeypatch.setattr(shutil, "which",
                        lambda name: str(tmp_path / name) if (tmp_path / name).exists() else None)
    speech = find_speech()
    assert speech is not None
    cue = "Pigeon'); Remove-Item C:\\ -Recurse; ('"
    speech(cue)
    argv, text = json.loads(log.read_text())
    assert text == cue
    assert not any(cue in arg for arg in argv)  # nothing a move is called reaches the script


@pytest.mark.slow
def test_a_move_name_with_shell_metacharacters_is_spoken_verbatim(
    stretch_home: Path, runner: CliRunner, tmp_path: Path
) -> None:
    name = 'Evil $(touch pwned) `touch pwned2`; rm -rf ~/x | echo "hi" && exit 3'
    log = tmp_path / "spoken.txt"
    script = "import sys; open(sys.argv[1], 'a').write(sys.argv[2] + chr(10))"
    command = ", ".join(json.dumps(a) for a in [sys.executable, "-c", script, str(log), "{text}"])
    (stretch_home / "config.toml").write_text(
        f"voice = true\nget_ready = 0\nvoice_command = [{command}]\n"
    )
    write_user_file(stretch_home, "evil.yaml", f"""
moves:
  evil:
    name: '{name}'
    kind: stretch
    group: gluteal
    position: supine
    hold: 5
    setup: Lie down.
    cues: [Breathe]
routines:
  evil:
    title: Evil
    items:
      - move: evil
""")
    result = runner.invoke(app, ["run", "evil", "--speed", "2"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    spoken = log.read_text().splitlines()
    assert spoken[0] == name
    assert spoken[-1] == "Well done."
    for leftover in ("pwned", "pwned2"):
        assert not (Path.cwd() / leftover).exists() and not (tmp_path / leftover).exists()


def test_an_option_like_name_is_not_read_as_an_option() -> None:
    speech = Speech(("espeak-ng", "{text}"))
    assert speech.command("-w /etc/passwd") == ["espeak-ng", " -w /etc/passwd"]


def test_voice_without_a_speech_program_says_so_and_carries_on(
    stretch_home: Path, runner: CliRunner
) -> None:
    (stretch_home / "config.toml").write_text('voice_command = ["no-such-speaker-xyz", "{text}"]\n')
    result = runner.invoke(app, ["run", "desk-break", "--voice", "--speed", "1000"])
    assert result.exit_code == 0
    assert "voice is on, but the voice_command in config.toml was not found" in result.stderr
    assert "Completed Desk break" in result.stdout
    assert find_speech(("no-such-speaker-xyz", "{text}")) is None


@pytest.mark.slow
def test_espeak_ng_speaks_real_audio(tmp_path: Path) -> None:
    need_program("espeak-ng")
    wav = tmp_path / "cue.wav"
    Speech(("espeak-ng", "-w", str(wav), "{text}"))("Pigeon stretch, left side")
    with wave.open(str(wav)) as audio:
        assert audio.getsampwidth() == 2
        frames = audio.readframes(audio.getnframes())
        seconds = audio.getnframes() / audio.getframerate()
    samples = struct.unpack(f"<{len(frames) // 2}h", frames)
    assert seconds > 0.5
    assert max(abs(s) for s in samples) > 1000  # not silence


@pytest.mark.slow
def test_a_real_session_speaks_through_espeak(stretch_home: Path, tmp_path: Path) -> None:
    need_program("espeak-ng")
    wav = tmp_path / "last.wav"
    (stretch_home / "config.toml").write_text(
        f'voice = true\nget_ready = 0\nvoice_command = ["espeak-ng", "-w", "{wav}", "{{text}}"]\n'
    )
    done = subprocess.run(
        [sys.executable, "-m", "stretch", "run", "desk-break", "--speed", "100", "--plain"],
        env={**os.environ, "STRETCH_HOME": str(stretch_home)}, capture_output=True, text=True,
        timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    with wave.open(str(wav)) as audio:  # the last cue, "Well done."
        assert audio.getnframes() / audio.getframerate() > 0.3


@pytest.mark.slow
@pytest.mark.parametrize("platform", ["linux"])
def test_speech_is_found_on_this_machine_when_installed(platform: str) -> None:
    speech = find_speech()
    if speech is None:
        need_program("espeak-ng")  # skips here; fails in CI, which installs it
    else:
        assert "{text}" in speech.argv


# --- cautions --------------------------------------------------------------------------

def spoken_times(cues: list[Cue]) -> dict[int, float]:
    """When a voice that says one cue at a time (at the planned speaking rate) starts each
    cue: the index of the cue in `cues` -> the session second it starts speaking."""
    free, started = 0.0, {}
    for index, cue in enumerate(cues):
        if not cue.text:
            continue
        started[index] = max(cue.at, free)
        free = started[index] + speaking_time(cue.text)
    return started


@pytest.mark.parametrize("routine", ["hip-reset", "desk-break", "core-and-hips", "full-session"])
def test_each_move_gets_its_first_caution_once(builtin: Catalogue, routine: str) -> None:
    cues, _ = cues_for(builtin, routine)
    said = [c.text for c in cues if c.kind == "caution"]
    moves = classic(builtin, routine).moves
    assert sorted(said) == sorted(f"Careful: {m.cautions[0]}" for m in moves)


@pytest.mark.parametrize("routine", ["hip-reset", "desk-break", "core-and-hips", "full-session"])
def test_a_caution_never_delays_a_countdown_or_a_rep(builtin: Catalogue, routine: str) -> None:
    cues, _ = cues_for(builtin, routine)
    without = [c for c in cues if c.kind != "caution"]
    timed = ("count", "rep", "switch", "start", "halfway")
    late_with = {cues[i] for i, at in spoken_times(cues).items()
                 if cues[i].kind in timed and at > cues[i].at}
    late_without = {without[i] for i, at in spoken_times(without).items()
                    if without[i].kind in timed and at > without[i].at}
    assert late_with == late_without  # the cautions fit in the quiet, or wait
    assert any(c.kind == "caution" for c in cues)


def test_a_caution_with_no_room_waits_for_a_quiet_moment() -> None:
    from stretch.model import Move
    from stretch.steps import Step

    move = Move(id="m", name="Bridge", kind="exercise", group="hip", sided=False,
                position="supine", setup="S.", cues=("C",), reps=10, tempo=3,
                cautions=("Lift with your buttocks; if your lower back works hard, lift less",))
    work = Step(kind="count", label="Bridge", seconds=30, move=move, side="both", reps=10,
                tempo=3, set=1, sets=2)
    rest = Step(kind="rest", label="Rest", seconds=15, next_label="Bridge", next_move=move)
    clock = FakeClock()
    maker = CueMaker()
    cues: list[Cue] = []
    session = Session([work, rest, work], clock)
    run_session(session, wait=clock.sleep_until, listeners=[lambda e: cues.extend(maker(e))])
    (caution,) = [c for c in cues if c.kind == "caution"]
    assert caution.at == 30  # not over the rep counts of the first set, but in the rest
    assert caution.text == "Careful: Lift with your buttocks; if your lower back works hard, lift less"


@pytest.mark.parametrize(("bell", "said"), [("--bell", "the bell carries on"),
                                            ("--no-bell", "the session runs silent")])
def test_a_missing_speech_program_says_what_sound_is_left(
        runner: CliRunner, stretch_home: Path, bell: str, said: str) -> None:
    (stretch_home / "config.toml").write_text('voice_command = ["no-such-speaker", "{text}"]\n')
    result = runner.invoke(app, ["run", "desk-break", "--voice", bell, "--speed", "1000"])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        "stretch: voice is on, but the voice_command in config.toml was not found; "
        f"{said}" + ("." if bell == "--bell" else " (the bell is off too)."))


@pytest.mark.parametrize("routine", ["hip-reset", "core-and-hips", "desk-break"])
def test_with_voice_setup_each_setup_is_said_once_in_the_pause_before_its_move(
        builtin: Catalogue, routine: str) -> None:
    """The setting reads each move's setup once, in the pause that leads into it (the
    time to get into position), after what that pause says and before any caution."""
    cues, _ = cues_for(builtin, routine, setup=True)
    steps = timed_steps(classic(builtin, routine), DEFAULTS)
    moves = list(dict.fromkeys(s.move for s in steps if s.move))
    said = [c for c in cues if c.kind == "setup"]
    assert [c.text for c in said] == [m.setup for m in moves]
    for cue in said:
        at = [c for c in cues if c.at == cue.at and c.kind != "end"]
        assert at[0].kind == "next" and at.index(cue) == 1  # the pause's own words first
        pause = next(s for s in steps if s.next_move and s.next_move.setup == cue.text)
        assert cue.until == cue.at + pause.seconds  # begun in the pause, or not at all
    assert not [c for c in cues_for(builtin, routine)[0] if c.kind == "setup"]  # off: never
    cautions = [c for c in cues if c.kind == "caution"]
    assert len(cautions) == sum(1 for m in moves if m.cautions)  # still each said once
