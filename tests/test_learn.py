"""`stretch learn`: the notes on back pain, the list of them, their format in the catalogue,
and the flare-up plan the coach shows."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from stretch.catalogue.load import load_catalogue
from stretch.cli import app
from stretch.model import Catalogue, Notes
from stretch.text_safety import FULL_NOTE, GET_CHECKED, RARE, SEE_A_DOCTOR, URGENT
from stretch.views.learn import topic, topic_view, topics_view
from tests.conftest import need_program, write_user_file
from tests.terminal import Tmux

TOPICS = ("back-pain", "hurt-and-harm", "keep-moving", "flare-up", "why-hips", "doses",
          "get-help")
BOX = re.compile(r"[╭╮╰╯│─]")


def notes_of(catalogue: Catalogue) -> Notes:
    assert catalogue.notes is not None
    return catalogue.notes


def shown(renderable: object, width: int = 80) -> str:
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.export_text()


def learn(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(app, ["learn", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_built_in_topics_in_order(builtin: Catalogue) -> None:
    topics = notes_of(builtin).learn
    assert tuple(t.id for t in topics) == TOPICS
    assert all(t.title and t.summary and t.body for t in topics)
    assert [t.id for t in topics if t.safety] == ["get-help"]


def test_the_list_gives_each_topic_a_line_at_80_columns_without_boxes(
        runner: CliRunner, monkeypatch: pytest.MonkeyPatch, builtin: Catalogue) -> None:
    out = learn(runner, monkeypatch)  # a pipe: no boxes
    lines = out.splitlines()
    assert not BOX.search(out) and max(len(line.rstrip()) for line in lines) <= 80
    assert lines[0] == "Learn about your back"
    for note in notes_of(builtin).learn:  # one line each: id, then its summary, unwrapped
        assert any(re.fullmatch(rf"{note.id} +{re.escape(note.summary)} *", line)
                   for line in lines), note.id
    assert "`stretch learn TOPIC`, such as `stretch learn flare-up`" in out


def test_the_flare_up_plan_at_80_columns_without_boxes(
        runner: CliRunner, monkeypatch: pytest.MonkeyPatch, builtin: Catalogue) -> None:
    out = learn(runner, monkeypatch, "flare-up")
    assert not BOX.search(out) and max(len(line.rstrip()) for line in out.splitlines()) <= 80
    flat = " ".join(out.split())
    assert out.startswith("A flare-up plan\n")
    for words in ("Keep moving gently", "short walks", "position of ease", "heat",
                  "smaller dose for a few days", "build back up to your usual routine",
                  "get advice from a GP or physiotherapist", FULL_NOTE):
        assert words in flat, words
    plan = notes_of(builtin).topic("flare-up")
    assert plan is not None
    points = next(p for p in plan.body if isinstance(p, tuple))
    for point in points:  # each point its own bullet, its words kept whole
        assert f"• {point}" in flat, point


def test_plain_is_plain_at_a_terminal_too(builtin: Catalogue) -> None:
    """The views the command and the coach share: boxed at a terminal, plain for --plain
    and a pipe; both fit 80 columns."""
    notes = notes_of(builtin)
    for topic_id in TOPICS:
        boxed, plain = (shown(topic_view(notes, topic_id, boxed=b)) for b in (True, False))
        assert "╭" in boxed and not BOX.search(plain), topic_id
        assert max(len(line) for line in (boxed + plain).splitlines()) <= 80, topic_id
    assert "╭" in shown(topics_view(notes)) and not BOX.search(
        shown(topics_view(notes, boxed=False)))


def test_get_help_lists_every_sign_at_every_level(runner: CliRunner,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  builtin: Catalogue) -> None:
    flat = " ".join(learn(runner, monkeypatch, "get-help").split())
    safety = notes_of(builtin).safety
    for heading in (URGENT, SEE_A_DOCTOR, GET_CHECKED, RARE):
        assert heading in flat, heading
    for sign in (*safety.emergency, *safety.see_a_doctor, *safety.get_checked):
        assert f"• {sign}" in flat, sign
    assert flat.index(URGENT) < flat.index(SEE_A_DOCTOR) < flat.index(GET_CHECKED)


def test_an_unknown_topic_is_a_usage_error_with_suggestions(runner: CliRunner) -> None:
    result = runner.invoke(app, ["learn", "flare"])
    assert result.exit_code == 2
    assert result.stderr == "stretch: error: no topic named 'flare'; did you mean flare-up?\n"
    nothing = runner.invoke(app, ["learn", "zzz"])
    assert nothing.exit_code == 2 and "known: back-pain, doses, flare-up" in nothing.stderr


def test_a_user_file_replaces_a_topic_and_adds_one(runner: CliRunner, stretch_home: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A user's `notes` give only what they change: a topic with a built-in id replaces
    it in place, a new one comes last, and the safety note stays the built-in one."""
    write_user_file(stretch_home, "notes.yaml", """\
notes:
  learn:
    flare-up:
      title: My flare-up plan
      summary: What my physiotherapist and I agreed
      body:
        - Walk for five minutes every hour.
        - - Heat on the lower back
          - The desk break only
    sleep:
      title: Sleep
      summary: Lying comfortably at night
      body: [A pillow between the knees helps.]
""")
    listed = learn(runner, monkeypatch)
    ids = [line.split()[0] for line in listed.splitlines()[1:] if line.strip()][:8]
    assert ids == [*TOPICS, "sleep"]
    plan = learn(runner, monkeypatch, "flare-up")
    assert plan.startswith("My flare-up plan\n") and "• Heat on the lower back" in plan
    assert URGENT in " ".join(learn(runner, monkeypatch, "get-help").split())
    known = load_catalogue(user_dir=stretch_home / "routines")
    assert notes_of(known).safety == notes_of(load_catalogue(user_dir=None)).safety


@pytest.mark.parametrize(("body", "problem"), [
    ("learn:\n    x:\n      title: X\n      summary: Y\n      body: []",
     "6:13: notes.learn.x.body: the list is empty"),
    ("learn:\n    x:\n      title: X\n      summary: Y\n      body: [[1]]",
     "6:15: notes.learn.x.body[0][0]: expected text, got the number 1"),
    ("learn:\n    x:\n      title: X\n      summary: Y\n      body: [A]\n      safe: true",
     "7:7: notes.learn.x.safe: unknown key 'safe' (did you mean 'safety'?)"),
    ("learn:\n    Flare_Up:\n      title: X\n      summary: Y\n      body: [A]",
     "3:5: notes.learn.Flare_Up: bad id 'Flare_Up'"),
    ("learn:\n    x:\n      title: X\n      body: [A]",
     "4:7: notes.learn.x.summary: missing (required)"),
    ("safety:\n    emergency: [A]\n    see-a-doctor: [B]\n    stop: C\n    get-checked: 3",
     "6:18: notes.safety.get-checked: expected a list, got the number 3"),
    ("safety:\n    emergency: [A]\n    see-a-doctor: [B]\n    get-checked: [D]",
     "notes.safety.stop: missing (required)"),
])
def test_the_notes_format_is_checked(runner: CliRunner, stretch_home: Path, body: str,
                                     problem: str) -> None:
    write_user_file(stretch_home, "mine.yaml", "notes:\n  " + body + "\n")
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1 and problem in result.stderr, result.stderr


@pytest.mark.slow
def test_learn_in_a_real_terminal_at_80_columns(tmp_path: Path) -> None:
    """Boxed at a terminal, fitting 80 columns; `--plain` takes the boxes away."""
    need_program("tmux")
    terminal = Tmux(tmp_path, width=80, height=40)
    try:
        terminal.run("learn", "flare-up")
        assert terminal.result() == (0, True)
        screen = terminal.screen()
        assert "╭──" in screen and "A flare-up plan" in screen and "• Take short walks" in screen
        terminal.run("learn", "flare-up", "--plain")
        assert terminal.result() == (0, True)
        screen = terminal.screen()
        assert "A flare-up plan" in screen and not BOX.search(screen), screen
        assert "• Take short walks" in screen
    finally:
        terminal.close()


def test_the_coach_can_show_the_flare_up_plan(builtin: Catalogue) -> None:
    plan = topic(builtin, "flare-up", boxed=False)
    assert plan is not None and shown(plan).startswith("A flare-up plan\n")
    assert shown(plan) == shown(topic_view(notes_of(builtin), "flare-up", boxed=False))
    assert topic(builtin, "no-such-topic") is None
    with pytest.raises(KeyError):
        topic_view(notes_of(builtin), "no-such-topic")
