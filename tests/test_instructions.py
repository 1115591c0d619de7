"""A move's setup and cues on the live screen: whole at 100x32 for every move, cut only
between words with a key to read the rest in a small window, whole again on that key's
page; in a real terminal too."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console, Group

from stretch.model import Catalogue, Item, Move, Routine
from stretch.plan import timed_steps
from stretch.session.engine import Session
from stretch.session.instructions import MORE, columns
from stretch.session.view import View, frame
from tests.conftest import DEFAULTS, need_program
from tests.fakes import FakeClock
from tests.terminal import Tmux

ROUTINES = ("hip-reset", "desk-break", "core-and-hips", "full-session")


def every_move(catalogue: Catalogue) -> Routine:
    """Each built-in move once, as written: the moves no built-in routine runs as written
    (the rungs of a ladder, the bed and wall moves) must fit as well."""
    items = tuple(Item(move=m, hold=m.hold, reps=1, tempo=m.tempo)
                  for m in catalogue.moves.values())
    return Routine(id="every-move", title="Every move", summary="", rest=None, items=items)


def screens(catalogue: Catalogue, routine: str, width: int, height: int, *,
            show_all: bool = False) -> Iterator[tuple[Move, list[str]]]:
    """Each move of a routine (or of `every_move`) with the screen as its first step
    starts."""
    clock = FakeClock()
    chosen = every_move(catalogue) if routine == "every-move" else catalogue.routines[routine]
    session = Session(timed_steps(chosen, DEFAULTS), clock)
    session.start()
    seen: set[str] = set()
    while not session.done:
        step = session.step
        if step.move is not None and step.move.id not in seen:
            seen.add(step.move.id)
            console = Console(width=width, height=height, record=True, file=io.StringIO(),
                              color_system=None)
            view = View("Routine", show_all=show_all)
            console.print(Group(*frame(session, view, width=width, height=height)), end="")
            yield step.move, console.export_text().rstrip("\n").split("\n")
        clock.advance(step.seconds)
        session.poll()


def left_column(lines: list[str], width: int) -> str:
    """The words of the setup-and-cues column (the cautions stand to its right)."""
    left, _ = columns(width)
    return " ".join(" ".join(line[:left].split()) for line in lines)


def cautions_shown(column: str, move: Move) -> int:
    """How many of the move's cautions `column` shows, in order and each whole; -1 when
    one of them is cut."""
    for count in range(len(move.cautions) + 1):
        if " ".join(f"! {c}" for c in move.cautions[:count]).split() == column.split():
            return count
    return -1


def said_whole(text: str, screen: str) -> bool:
    return " ".join(text.split()) in screen


@pytest.mark.parametrize("routine", [*ROUTINES, "evening-hips", "every-move"])
def test_every_cue_of_every_move_is_on_screen_at_100_by_32(builtin: Catalogue,
                                                           routine: str) -> None:
    shown = 0
    for move, lines in screens(builtin, routine, 100, 32):
        words = left_column(lines, 100)
        assert said_whole(move.setup, words), move.id
        for cue in move.cues:
            assert said_whole(f"• {cue}", words), (move.id, cue)
        assert MORE.strip() not in "\n".join(lines), move.id
        shown += 1
    moves = builtin.moves.values() if routine == "every-move" else builtin.routines[routine].moves
    assert shown == len(set(moves))


def test_a_small_window_cuts_between_words_and_says_which_key_reads_the_rest(
        builtin: Catalogue) -> None:
    cut = 0
    for move, lines in screens(builtin, "full-session", 60, 20):
        text = "\n".join(lines)
        if MORE.strip() not in text:  # it fits: every cue whole
            column = left_column(lines, 60)
            assert all(said_whole(f"• {cue}", column) for cue in move.cues), move.id
            continue
        cut += 1
        marked = [i for i, line in enumerate(lines) if MORE in line]
        opening = " ".join(move.setup.split()[:3])
        start = next((i for i, line in enumerate(lines) if line.startswith(opening)),
                     marked[0])  # (no row left for the setup: the cautions took them)
        left, _ = columns(60)
        assert len(marked) == 1 and lines[marked[0]][:left].strip() == MORE, move.id  # its own
        across = lines[marked[0] + 1].startswith("! ")  # the cautions under, across the window
        warned = (" ".join(lines[marked[0] + 1: -2]) if across else
                  left_column([line[left:] for line in lines[start: marked[0] + 1]], 60))
        assert cautions_shown(warned, move) >= 1, move.id  # the cautions first to keep
        told = " ".join(lines[start: marked[0]]) if across else \
            left_column(lines[start: marked[0]], 60)
        words = [w for w in told.split() if w != "•"]
        everything = " ".join([move.setup, *move.cues]).split()
        assert words == everything[: len(words)], move.id  # whole words, in order, none cut
    assert cut  # the full session has moves whose words do not fit 60x20


def test_at_80_by_24_every_caution_of_every_move_shows_whole(builtin: Catalogue) -> None:
    """A caution is never the part cut: where the setup and cues do not all fit, the
    cautions still show whole (beside them, or across the window where that takes fewer
    rows), and the cues give way."""
    from dataclasses import replace

    from stretch.model import Item

    every = replace(builtin.routines["full-session"], id="every",
                    items=tuple(Item(move=move) for move in builtin.moves.values()))
    known = replace(builtin, routines={**builtin.routines, "every": every})
    left, _ = columns(80)
    for move, lines in screens(known, "every", 80, 24):
        across = " ".join(" ".join(line.split()) for line in lines)
        beside = left_column([line[left:] for line in lines], 80)
        for caution in move.cautions:
            shown = f"! {caution}"
            assert said_whole(shown, across) or said_whole(shown, beside), (move.id, caution)


def test_the_i_page_shows_setup_cues_and_cautions_whole_at_60_by_20(builtin: Catalogue) -> None:
    for move, lines in screens(builtin, "every-move", 60, 20, show_all=True):
        words = " ".join(" ".join(line.split()) for line in lines)
        assert said_whole(move.setup, words), move.id
        for part in (*move.cues, *move.cautions):
            assert said_whole(part, words), (move.id, part)
        assert "i back to the countdown" in lines[-1]


@pytest.mark.slow
def test_every_cue_of_the_first_move_shows_in_a_real_100_by_32_terminal(tmp_path: Path) -> None:
    """In tmux at 100x32: the first hold of the hip reset (a beginner's rung of its first
    ladder, the seated figure-four) shows its setup and all its cues, and the i key shows
    them on a page."""
    need_program("tmux")
    from stretch.catalogue.load import load_catalogue
    from stretch.coach.levels import Standing
    from stretch.coach.profile import Profile

    known = load_catalogue(user_dir=None)
    mine, _ = Standing(Profile()).routine(known, known.routines["hip-reset"])
    move = mine.moves[0]
    terminal = Tmux(tmp_path, width=100, height=32)
    try:
        terminal.run("run", "hip-reset")
        terminal.wait_for("Get ready ·")
        terminal.type("n")
        terminal.wait_for(f"{move.name} · left side")
        screen = terminal.wait_until(
            lambda s: all(said_whole(f"• {cue}", left_column(s.splitlines(), 100))
                          for cue in move.cues), "every cue")
        assert said_whole(move.setup, left_column(screen.splitlines(), 100))
        terminal.type("i")
        page = terminal.wait_for("i back to the countdown")
        assert said_whole(move.cautions[0], " ".join(page.split()))
        terminal.type("q")
        terminal.wait_for("Stopped Hip reset")
    finally:
        terminal.close()
