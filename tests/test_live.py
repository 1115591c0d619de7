"""The live view's frames on a recorded console of fixed size, the bell, and plain output."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console
from typer.testing import CliRunner

from stretch.cli import app
from stretch.dosing import personal
from stretch.model import Catalogue, Move, Step
from stretch.plan import plan
from stretch.session.cues import Bell
from stretch.session.engine import Command, Session, run_session
from stretch.session.keys import decode
from stretch.session.live import Screen
from stretch.session.view import KEYS_HELP, View, big, countdown, frame
from tests.conftest import DEFAULTS
from tests.fakes import FakeClock

ESCAPE = re.compile(r"\x1b\[")


def render(session: Session, width: int = 60, height: int = 20, *, show_help: bool = False) -> list[str]:
    console = Console(width=width, height=height, record=True, file=io.StringIO(),
                      color_system=None, legacy_windows=False)
    console.print(frame(session, View("Hip reset", show_help), width=width, height=height), end="")
    return console.export_text().rstrip("\n").split("\n")


def at(catalogue: Catalogue, seconds: float, routine: str = "hip-reset") -> Session:
    """A session `seconds` in, polled as the live loop does before each frame."""
    clock = FakeClock()
    session = Session(plan(catalogue.routines[routine], DEFAULTS), clock)
    session.start()
    clock.advance(seconds)
    session.poll()
    return session


def test_frame_fits_60_by_20_with_the_key_help_on_the_last_row(builtin: Catalogue) -> None:
    session = at(builtin, 12)  # 2 s into the first hold (left side)
    lines = render(session)
    assert len(lines) == 20
    assert all(len(line) <= 60 for line in lines)
    assert lines[-1].strip() == KEYS_HELP
    text = "\n".join(lines)
    assert "Hip reset" in lines[0] and "10:28 left" in lines[0]
    assert "Supine figure-four stretch · gluteal · supine" in text
    assert "LEFT SIDE" in text
    for row in big("28"):
        assert row in text  # 30 s hold, 2 s in: 28 in large digits
    assert "hold 1 of 2" in text
    assert "• Keep your tailbone heavy on the floor" in text


def test_pauses_show_up_next_and_paused_state(builtin: Catalogue) -> None:
    session = at(builtin, 41)  # in the switch-sides step
    session.command(Command.PAUSE)
    text = "\n".join(render(session))
    assert "SWITCH SIDES" in text and "PAUSED" in text
    assert "Up next: Supine figure-four stretch, right side" in text


def test_counted_exercise_shows_the_rep_at_the_tempo(builtin: Catalogue) -> None:
    session = at(builtin, 10 + 13, "core-and-hips")  # 13 s into 10 x 4 s bridges: rep 4
    text = "\n".join(render(session))
    assert "rep 4 of 10 · 4 s each · set 1 of 2" in text
    assert "BOTH SIDES" in text


def test_small_terminal_falls_back_to_a_plain_countdown(builtin: Catalogue) -> None:
    session = at(builtin, 15)
    lines = render(session, width=40, height=12)
    assert len(lines) <= 12 and all(len(line) <= 40 for line in lines)
    assert any(line.strip() == "25" for line in lines)
    assert big("25")[0] not in "\n".join(lines)


def test_help_overlay_lists_every_key(builtin: Catalogue) -> None:
    text = "\n".join(render(at(builtin, 0), show_help=True))
    for key in ("space", "n  →", "b  ←", "q", "Ctrl-Z", "?"):
        assert key in text


def test_big_digits_and_countdown() -> None:
    assert countdown(29.2) == "30" and countdown(0.4) == "1" and countdown(75) == "1:15"
    rows = big("10")
    assert len(rows) == 5 and len({len(r) for r in rows}) == 1


def test_screen_draws_whole_frames_and_skips_repeats(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")  # the live view only runs in a real terminal
    out = io.StringIO()
    screen = Screen(out)
    screen.enter()
    screen.draw(frame_text := Console().render_str("hello"), 20, 5)
    screen.draw(frame_text, 20, 5)
    screen.leave()
    written = out.getvalue()
    assert written.startswith("\x1b[?1049h")  # the alternate screen first
    assert written.count("hello") == 1 and written.index("\x1b[?25l") < written.index("hello")
    assert written.endswith("\x1b[?25h\x1b[?1049l")  # cursor back, then the screen


def test_bell_rings_at_each_step_and_3_2_1_before_a_hold_ends() -> None:
    move = Move(id="m", name="M", kind="stretch", group="gluteal", sided=False,
                position="supine", setup="S.", cues=("C",), hold=10)
    steps = [Step(kind="get-ready", label="Get ready", seconds=5),
             Step(kind="hold", label="M", seconds=10, move=move, side="both")]
    clock = FakeClock()
    rings: list[float] = []
    session = Session(steps, clock)
    run_session(session, wait=clock.sleep_until, listeners=[Bell(lambda: rings.append(clock.now()))])
    assert rings == [0.0, 5.0, 12.0, 13.0, 14.0]


def test_decode_keys() -> None:
    assert decode(" nq") == ["space", "n", "q"]
    assert decode("\x1b[C\x1b[Db?") == ["right", "left", "b", "?"]


def test_plain_run_prints_one_line_per_step_and_a_summary(builtin: Catalogue) -> None:
    result = CliRunner().invoke(app, ["run", "desk-break", "--speed", "1000"])
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("0:00  "))
    assert "Before you start" in "\n".join(lines[:first])  # the safety note, first time only
    steps = plan(personal(builtin.routines["desk-break"], {}), DEFAULTS)  # a beginner's doses
    assert len(lines) == first + len(steps) + 2
    assert lines[first].startswith("0:00  Get ready")
    assert lines[first + 1] == "0:10  Seated figure-four stretch, left side  20 s"
    assert lines[-2] == "Completed Desk break after 6:15: 15 holds and sets done, no steps skipped."
    assert lines[-1] == "Streak: 1 day."
    assert not ESCAPE.search(result.stdout) and "\a" not in result.stdout
    again = CliRunner().invoke(app, ["run", "desk-break", "--speed", "1000"])
    assert again.stdout.startswith("0:00  Get ready")


@pytest.mark.parametrize("args", [["run"], ["run", "--speed", "0"], ["run", "hip-reset", "--speed", "2000"]])
def test_run_usage_errors_exit_2(args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2


def test_no_color_is_honoured_in_the_live_view(builtin: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    session = at(builtin, 12)
    colour = re.compile(r"\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7])[;m]")  # a foreground/background colour
    for no_color, expect_colour in (("", True), ("1", False)):
        if no_color:
            monkeypatch.setenv("NO_COLOR", no_color)
        else:
            monkeypatch.delenv("NO_COLOR", raising=False)
        monkeypatch.setenv("TERM", "xterm-256color")
        out = io.StringIO()
        screen = Screen(out)
        screen.draw(frame(session, View("Hip reset"), width=60, height=20), 60, 20)
        assert bool(colour.search(out.getvalue())) is expect_colour
