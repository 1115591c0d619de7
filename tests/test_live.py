"""The live view's frames on a recorded console of fixed size, the bell, and plain output."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import replace

import pytest
from rich.console import Console, Group
from rich.text import Text
from typer.testing import CliRunner

from stretch.cli import app
from stretch.coach.doses import personal
from stretch.figures import braille
from stretch.figures.space import Moment
from stretch.model import Catalogue, Move, Routine, Side
from stretch.plan import DOSE_TARGET, timed_steps, total_seconds
from stretch.session.bigtext import digits
from stretch.session.cues import Bell
from stretch.session.ending import Ending, end_frame, ending
from stretch.session.engine import Command, Session, run_session
from stretch.session.keys import decode
from stretch.session.live import LiveLoop, Screen
from stretch.session.motion import LEVELS
from stretch.session.picture import figure_frame
from stretch.session.plain import instruction_lines
from stretch.session.view import (
    KEYS_HELP,
    KEYS_HELP_PAUSED,
    View,
    countdown,
    frame,
    layout_for,
)
from stretch.steps import Step
from tests.conftest import DEFAULTS, classic
from tests.fakes import FakeClock
from tests.terminal import digit_height, shows_big

ESCAPE = re.compile(r"\x1b\[")
BRAILLE = re.compile("[\u2801-\u28ff]")


def render(session: Session, width: int = 60, height: int = 20, *, show_help: bool = False) -> list[str]:
    console = Console(width=width, height=height, record=True, file=io.StringIO(),
                      color_system=None, legacy_windows=False)
    console.print(Group(*frame(session, View("Hip reset", show_help), width=width, height=height)),
                  end="")
    return console.export_text().rstrip("\n").split("\n")


def styles(session: Session, width: int, height: int) -> list[Text]:
    """The frame's rows as styled text, to see what is bold, dim or reversed."""
    return frame(session, View("Hip reset"), width=width, height=height)


def routine_of(catalogue: Catalogue, name: str) -> Routine:
    """A built-in routine as these tests know it (`conftest.classic`)."""
    return classic(catalogue, name)


def at(catalogue: Catalogue, seconds: float, routine: str = "hip-reset") -> Session:
    """A session `seconds` in, polled as the live loop does before each frame."""
    clock = FakeClock()
    session = Session(timed_steps(routine_of(catalogue, routine), DEFAULTS), clock)
    session.start()
    clock.advance(seconds)
    session.poll()
    return session


def test_frame_fits_100_by_32_with_the_key_help_on_the_last_row(builtin: Catalogue) -> None:
    session = at(builtin, 12)  # 2 s into the first hold (left side)
    lines = render(session, 100, 32)
    assert len(lines) == 32
    assert all(len(line) <= 100 for line in lines)
    assert lines[-1].strip() == KEYS_HELP
    text = "\n".join(lines)
    assert "Hip reset" in lines[0] and "10:55 left" in lines[0]
    assert "Supine figure-four stretch · left side · gluteal · supine" in text
    assert shows_big(text, "◀ LEFT")
    height = digit_height(text)
    assert height >= 7
    for row in digits("28", height):
        assert row in text  # 30 s hold, 2 s in: 28 in large digits
    assert "hold 1 of 2" in text
    assert f"• {builtin.moves['figure-four'].cues[-1]}" in text  # a cue of one line
    assert "Up next: Supine figure-four stretch, right side" in lines[-2]


@pytest.mark.parametrize(("width", "height", "tallest"), [
    (200, 55, 11), (100, 32, 7), (80, 24, 6), (60, 20, 4), (40, 12, 3),
])
def test_digits_grow_with_the_window(builtin: Catalogue, width: int, height: int,
                                     tallest: int) -> None:
    for seconds, routine in ((12, "hip-reset"), (23, "core-and-hips")):
        lines = render(at(builtin, seconds, routine), width, height)
        assert len(lines) == height and all(len(line) <= width for line in lines)
        assert digit_height("\n".join(lines)) >= tallest, "\n".join(lines)


def test_the_side_is_in_large_letters(builtin: Catalogue) -> None:
    right = "\n".join(render(at(builtin, 50), 80, 24))  # the first hold's second side
    assert shows_big(right, "RIGHT ▶") and not shows_big(right, "◀ LEFT")
    bridge = "\n".join(render(at(builtin, 23, "core-and-hips"), 80, 24))
    for words in ("BOTH SIDES", "◀ LEFT", "RIGHT ▶"):  # a bridge has no side to announce
        assert not shows_big(bridge, words)
    assert "Glute bridge · hip · supine" in bridge


def test_pauses_show_the_banner_and_up_next(builtin: Catalogue) -> None:
    session = at(builtin, 41)  # in the switch-sides step
    text = "\n".join(render(session, 80, 24))
    assert shows_big(text, "SWITCH SIDES")
    assert "Switch sides · Up next: Supine figure-four stretch, right side" in text
    assert "hold 1 of 2" in text  # the dose of the move coming up


def test_paused_shows_paused_without_dimming_the_digits(builtin: Catalogue) -> None:
    session = at(builtin, 12)
    session.command(Command.PAUSE)
    lines = render(session, 80, 24)
    text = "\n".join(lines)
    assert shows_big(text, "PAUSED") and "PAUSED" in lines[0]
    assert lines[-1].strip() == KEYS_HELP_PAUSED
    big = [line for line in styles(session, 80, 24) if "█" in line.plain]
    assert len(big) > 7
    for line in big:  # the figure beside may dim its far side; never the digits
        digits_end = line.plain.rindex("█") + 1
        assert "dim" not in str(line.style)
        assert not any("dim" in str(span.style) for span in line.spans
                       if span.start < digits_end)


def test_counted_exercise_shows_the_rep_as_large_as_seconds(builtin: Catalogue) -> None:
    session = at(builtin, 10 + 13, "core-and-hips")  # 13 s into 10 x 6 s bridges: rep 3
    text = "\n".join(render(session, 100, 32))
    assert "rep 3 of 10, set 1 of 2 · 47 s left" in text
    early = "\n".join(render(at(builtin, 10 + 1, "core-and-hips"), 100, 32))
    assert "rep 1 of 10, set 1 of 2 · 59 s left" in early
    bug = builtin.moves["dead-bug"]
    slow = Session([Step(kind="count", label=bug.name, seconds=90, move=bug, reps=10,
                         tempo=9)], FakeClock())
    slow.start()
    assert "rep 1 of 10 · 1:30 left" in "\n".join(render(slow, 100, 32))  # not '1:30 s'
    height = digit_height(text)
    assert all(row in text for row in digits("3/10", height))
    rest = "\n".join(render(at(builtin, 75, "core-and-hips"), 100, 32))  # the rest after set 1
    assert digit_height(rest) == height  # the seconds in the same digits


def test_cautions_show_beside_the_cues(builtin: Catalogue) -> None:
    lines = render(at(builtin, 12), 100, 32)
    cue = next(i for i, line in enumerate(lines) if "Lie on your back" in line)
    assert "! Ease off if you feel it in the" in lines[cue]
    assert "knee rather than the buttock" in lines[cue + 1]


def test_tiny_terminal_still_has_big_digits(builtin: Catalogue) -> None:
    session = at(builtin, 15)
    lines = render(session, 40, 12)
    assert len(lines) == 12 and all(len(line) <= 40 for line in lines)
    text = "\n".join(lines)
    assert digit_height(text) >= 3 and all(row in text for row in digits("25", digit_height(text)))
    assert shows_big(text, "◀ LEFT") and lines[-1].startswith("space pause")


def test_help_overlay_lists_every_key(builtin: Catalogue) -> None:
    text = "\n".join(render(at(builtin, 0), 80, 24, show_help=True))
    for key in ("space", "n  →", "b  ←", "q", "Ctrl-Z", "?"):
        assert key in text


def test_countdown_and_digits() -> None:
    assert countdown(29.2) == "30" and countdown(0.4) == "1" and countdown(75) == "1:15"
    for rows in (3, 7, 11):
        lines = digits("10", rows)
        assert len(lines) == rows and len({len(r) for r in lines}) == 1
    assert not set("".join(digits("1:05 4/10", 9))) - set("█▀▄ ")  # blocks only, no braille


def test_screen_draws_whole_frames_and_skips_repeats(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")  # the live view only runs in a real terminal
    out = io.StringIO()
    screen = Screen(out)
    screen.enter()
    screen.draw([Text("hello")], 20, 5)
    screen.draw([Text("hello")], 20, 5)
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
    beginner = personal(builtin.routines["desk-break"], {})  # a beginner's doses
    steps = timed_steps(beginner, DEFAULTS)
    told = [line for line in lines[first:] if line.startswith("  ")]
    timed = [line for line in lines[first:] if not line.startswith("  ")]
    assert len(timed) == len(steps) + 1  # a --speed demo adds no streak line
    assert lines[first].startswith("0:00  Get ready")
    hinge = builtin.moves["hip-hinge"]
    assert lines[first + 1] == f"  Setup: {hinge.setup}"  # told in the pause before it
    assert timed[1] == "0:10  Standing hip hinge, 5 reps  15 s"
    moves = list(dict.fromkeys(s.move for s in steps if s.move))
    assert told == [line for move in moves for line in instruction_lines(move)]  # once each
    assert [f"  Cue: {cue}" for cue in hinge.cues] == told[1:4]
    assert told[4] == f"  Caution: {hinge.cautions[0]}"
    assert lines[-1] == "Completed Desk break after 7:00: 16 holds and sets done, no steps skipped."
    assert not ESCAPE.search(result.stdout) and "\a" not in result.stdout
    again = CliRunner().invoke(app, ["run", "desk-break", "--speed", "1000"])
    assert again.stdout.startswith("Today: Desk break, about 7 minutes (DEMO x1000: ")
    assert again.stdout.splitlines()[1].startswith("0:00  Get ready")


@pytest.mark.parametrize(("args", "message"), [
    (["run"], "name a routine to run (see `stretch list`): no terminal to ask in"),
    (["run", "hip-reset", "--speed", "2000"],
     "Invalid value for '--speed': a speed from 0.001 to 1000, got 2000 (see 'stretch run --help')"),
])
def test_run_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr == f"stretch: error: {message}\n"


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


class Frames(Screen):
    """A screen that keeps each frame's moment instead of writing it."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__(io.StringIO())
        self.clock = clock
        self.active = True
        self.drawn: list[float] = []

    def size(self) -> tuple[int, int]:
        return 100, 32

    def draw(self, lines: Sequence[Text], width: int, height: int) -> None:
        self.drawn.append(round(self.clock.now(), 2))


def bridges(tempo: int, pause: int | None = None) -> tuple[Session, FakeClock]:
    move = Move(id="b", name="Bridge", kind="exercise", group="hip", sided=False,
                position="supine", setup="S.", cues=("C",), reps=4, tempo=tempo, pause=pause)
    clock = FakeClock()
    steps = [Step(kind="count", label="Bridge", seconds=4 * tempo, move=move, side="both",
                  reps=4, tempo=tempo, set=1, sets=1)]
    session = Session(steps, clock)
    session.start()
    return session, clock


def test_the_figure_moves_out_holds_and_comes_back_at_the_tempo() -> None:
    """A 6 s rep with a 2 s pause: out over the first third of the 4 s it moves, still at
    the end pose for the pause, back over the rest; every in-between step in order."""
    session, _clock = bridges(6, pause=2)
    ways = [(tick / 100, figure_frame(session.step, tick / 100)) for tick in range(600)]
    changes = [(at, way) for i, (at, way) in enumerate(ways) if i == 0 or ways[i - 1][1] != way]
    steps = [n / LEVELS for n in range(LEVELS + 1)]
    assert [way for _, way in changes] == steps + steps[-2::-1]  # up through each, and down
    top = [at for at, way in ways if way == 1.0]
    assert top[0] < 4 / 3 and top[-1] >= 4 / 3 + 2 - 0.01  # reached within the lift, held 2 s
    assert [way for at, way in ways if at < 0.04] == [0.0] * 4  # a rep starts at the start
    assert figure_frame(session.step, 6.0) == 0.0  # and so does the next
    assert figure_frame(Step(kind="hold", label="H", seconds=30), 3.0) is None


def test_the_live_loop_wakes_for_each_in_between_frame_and_stands_still_paused() -> None:
    """The loop's waiter asks to wake when the next in-between frame is due, draws it
    then, and not between; paused, not one more frame."""
    session, clock = bridges(3)  # 4 reps of 3 s: out in 1 s, back in 2 s
    screen = Frames(clock)
    loop = LiveLoop(session, View("Bridges"), screen, fd=0)
    while clock.now() < 6:  # two reps, waking when the loop asks
        loop.redraw()
        wake = loop.wake_at(session.deadline() or 0.0)
        clock.advance(max(0.0, wake - clock.now()))
        session.poll()
    # a frame for each in-between step out and back, and one each second for the count
    assert len(screen.drawn) >= 2 * LEVELS
    moments = {figure_frame(session.step, at) for at in screen.drawn}
    assert len(moments) == LEVELS + 1
    drawn = len(screen.drawn)
    session.command(Command.PAUSE)
    loop.redraw()
    assert len(screen.drawn) == drawn + 1  # the PAUSED frame
    for _ in range(40):  # ten seconds paused: not one more frame
        clock.advance(0.25)
        loop.redraw()
    assert len(screen.drawn) == drawn + 1
    assert loop.wake_at(123.0) == 123.0  # paused, it waits for a key or the deadline only


@pytest.mark.parametrize("seconds", [0, 12, 41, 23 + 540])
def test_every_window_size_gets_a_frame_of_exactly_its_size(builtin: Catalogue,
                                                            seconds: float) -> None:
    session = at(builtin, seconds, "core-and-hips")
    for width in (1, 5, 12, 24, 39, 40, 59, 61, 80, 121, 200, 300):
        for height in (1, 3, 5, 8, 10, 11, 12, 15, 16, 20, 24, 31, 44, 55, 90):
            lines = frame(session, View("Core and hips"), width=width, height=height)
            assert len(lines) == height, (width, height)
            assert all(line.cell_len <= width for line in lines), (width, height)


def finished(builtin: Catalogue, routine: str) -> Ending:
    clock = FakeClock()
    session = Session(timed_steps(routine_of(builtin, routine), DEFAULTS), clock)
    summary = run_session(session, wait=clock.sleep_until, listeners=[])
    return ending(session.steps, session.done_steps, title=builtin.routines[routine].title,
                  summary=summary, streak=4)


def test_the_end_screen_says_what_was_done_per_group_and_side(builtin: Catalogue) -> None:
    lines = [line.plain for line in end_frame(finished(builtin, "core-and-hips"), width=80,
                                              height=24)]
    text = "\n".join(lines)
    assert shows_big(text, "WELL DONE")
    seconds = total_seconds(timed_steps(routine_of(builtin, "core-and-hips"), DEFAULTS))
    assert f"Completed Core and hips after {seconds // 60:.0f}:{seconds % 60:02.0f}" in text
    assert "Streak: 4 days." in text
    rows = {line.split()[0]: line.split()[1:] for line in lines if line.strip().startswith(
        ("hip ", "core "))}
    assert rows["hip"] == ["24", "reps", "24", "reps", "20", "reps"]  # clamshells; bridges
    # the side plank's 2 x 20 s and the bird dog's pyramid of 6, 4 and 2 reps, on the left
    assert rows["core"][:4] == ["0:40", "+", "12", "reps"]
    assert lines[-1].strip() == "press any key to finish" and len(lines) == 24
    stretches = "\n".join(line.plain for line in end_frame(finished(builtin, "hip-reset"),
                                                           width=100, height=32))
    assert "gluteal" in stretches and f"✓ {DOSE_TARGET} s a side" in stretches


def test_the_end_screen_fits_any_window(builtin: Catalogue) -> None:
    end = finished(builtin, "full-session")
    for width, height in ((200, 55), (80, 24), (40, 12), (20, 6), (1, 1)):
        lines = end_frame(end, width=width, height=height)
        assert len(lines) == height and all(line.cell_len <= width for line in lines)


def drawn(session: Session, width: int, height: int, *, pose: Moment,
          side: Side | None, move: Move | None = None) -> list[str]:
    """The braille figure the frame should hold: the move's, at the layout's size."""
    move = move or session.step.move
    assert move is not None and move.figure is not None
    layout = layout_for(session, width, height)
    return [row for row in braille.render(move.figure, width=layout.figure[0],
                                          height=layout.figure[1], frame=pose, side=side)
            if row.strip()]


def shows(lines: list[str], figure: list[str]) -> bool:
    return all(any(row in line for line in lines) for row in figure)


def test_a_big_window_gives_the_figure_half_its_width(builtin: Catalogue) -> None:
    """From 160 columns the digits would outgrow anyone's need: the figure gets half the
    width there (two fifths below), and the digits stay the tallest thing on screen."""
    session = at(builtin, 12)
    assert layout_for(session, 200, 55).figure[0] == 100
    assert layout_for(session, 100, 32).figure[0] == 40
    assert digit_height("\n".join(render(session, 200, 55))) >= 11


def test_the_figure_stands_beside_the_countdown_for_the_side_worked(builtin: Catalogue) -> None:
    left, right = at(builtin, 12), at(builtin, 50)  # figure-four, left then right side
    lines = render(left, 100, 32)
    figure = drawn(left, 100, 32, pose=None, side="left")
    assert shows(lines, figure)
    digits_row = next(i for i, line in enumerate(lines) if "████" in line)
    assert any("████" in line and BRAILLE.search(line) for line in lines[digits_row:])
    mirrored = drawn(right, 100, 32, pose=None, side="right")
    assert mirrored != figure and shows(render(right, 100, 32), mirrored)


def test_a_counted_figure_moves_at_the_tempo_on_the_fake_clock(builtin: Catalogue) -> None:
    """Bridges at 6 s a rep, 2 s still at the top: the screen shows the figure part way up
    as the hips lift (interpolated between the two poses), up while still, then part way
    down, at each moment of the fake clock."""
    session = at(builtin, 10, "core-and-hips")
    step = session.step
    assert step.move is not None and step.move.id == "glute-bridge"
    seen = set()
    for seconds in (0.0, 0.5, 0.7, 1.2, 2.0, 3.2, 4.0, 4.6, 5.2, 5.9, 6.0, 6.6, 59.5):
        way = figure_frame(step, seconds)
        assert way is not None
        seen.add(way)
        lines = render(at(builtin, 10 + seconds, "core-and-hips"), 100, 32)
        assert shows(lines, drawn(session, 100, 32, pose=way, side="both")), seconds
    assert {0.0, 1.0} < seen and any(0.0 < way < 1.0 for way in seen)
    middle = drawn(session, 100, 32, pose=0.5, side="both")
    assert middle not in (drawn(session, 100, 32, pose="start", side="both"),
                          drawn(session, 100, 32, pose="end", side="both"))


def test_a_pause_shows_the_move_coming_up_ready_to_start(builtin: Catalogue) -> None:
    session = at(builtin, 5, "core-and-hips")  # get ready, then bridges
    assert session.step.kind == "get-ready"
    start = drawn(session, 100, 32, pose="start", side="both", move=builtin.moves["glute-bridge"])
    assert shows(render(session, 100, 32), start)


def test_the_figure_goes_under_the_countdown_in_a_tall_window_and_not_in_a_tiny_one(
        builtin: Catalogue) -> None:
    tall = render(at(builtin, 12), 60, 44)
    digits_end = max(i for i, line in enumerate(tall) if "█" in line)
    assert not any(BRAILLE.search(line) for line in tall[:digits_end])
    assert any(BRAILLE.search(line) for line in tall[digits_end:])
    assert not any(BRAILLE.search(line) for line in render(at(builtin, 12), 40, 12))


def test_a_move_without_a_figure_still_gets_the_whole_view(builtin: Catalogue) -> None:
    move = replace(builtin.moves["figure-four"], figure=None)
    session = Session([Step(kind="hold", label=move.name, seconds=30, move=move, side="left",
                            rep=1, reps=1)], FakeClock())
    session.start()
    lines = render(session, 100, 32)
    text = "\n".join(lines)
    assert not BRAILLE.search(text) and shows_big(text, "◀ LEFT")
    assert digit_height(text) >= 7 and f"• {move.cues[-1]}" in text  # a cue of one line


def test_the_screen_writes_the_big_letters_in_their_colours(builtin: Catalogue) -> None:
    """From the floor the colour is what tells paused from running and left from right:
    a line's own style must reach the terminal, not only its spans' styles."""
    def written(session: Session) -> str:
        out = io.StringIO()
        screen = Screen(out)
        screen.console = Console(file=out, force_terminal=True, color_system="standard")
        screen.draw(styles(session, 80, 24), 80, 24)
        return out.getvalue()

    paused = at(builtin, 12)
    paused.command(Command.PAUSE)
    rows = written(paused).split("\r\n")
    slab = [row for row in rows if "\x1b[1;7;33m" in row and set(row) & set("█▀▄")]
    assert len(slab) >= 3  # the big PAUSED in bold reverse yellow, every row of it
    right = written(at(builtin, 50))  # the first hold's second side: RIGHT in magenta
    assert any("\x1b[1;35m" in row and "█" in row for row in right.split("\r\n"))


def test_what_fitting_changed_shows_while_getting_ready(builtin: Catalogue) -> None:
    """Printed before the full screen, the 'To fit' lines would be covered unread."""
    note = "To fit 4 minutes: left out 2 moves: Pigeon stretch and Frog stretch."
    view = View("Hip reset", notes=(note,))

    def shown(session: Session) -> str:
        return " ".join(" ".join(line.plain.split())
                        for line in frame(session, view, width=80, height=24))

    assert note in shown(at(builtin, 2))  # getting ready
    assert "To fit" not in shown(at(builtin, 12))  # the first hold: the move's own cues


def test_a_demo_says_so_even_where_the_top_line_has_no_room(builtin: Catalogue) -> None:
    session = at(builtin, 12)
    for width, height in ((40, 12), (80, 24)):
        lines = frame(session, View("Hip reset", demo="DEMO x10"), width=width, height=height)
        assert len(lines) == height and "DEMO x10" in " ".join(line.plain for line in lines[:2])
