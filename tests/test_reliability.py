"""Issue 15 through the command line: user text is never markup, previews fit like the run,
the catalogue's dose rules, config lines, -o, the calendar's width, and the words.

Each test names the issue's item it covers. The history-file items (2, 4, 5, 6, 8) are in
test_reliability_history.py; the terminal ones in test_reliability_terminal.py.
"""

from __future__ import annotations

import itertools
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.history.store import History
from stretch.session.engine import Command, Session, run_session
from stretch.steps import Step
from tests.conftest import freeze_now, log_session, write_user_file
from tests.fakes import FakeClock

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # a Tuesday morning (see freeze_now)
WEEK_OF = "week:\n" + "".join(f"  {d}: {{0}}\n" for d in ("mon", "tue", "wed", "thu", "fri",
                                                        "sat", "sun"))

ODD = """\
moves:
  odd-move:
    name: Odd [/] move [bold]
    kind: stretch
    group: gluteal
    sided: true
    position: supine
    hold: 30
    setup: Lie [/] down [red]on your back
    cues: ["Breathe [/]", "[b]soft[/b] knees"]
    cautions: ["[/]careful"]
    easier: "[i]easier"
    harder: "[link=x]harder"
avoid:
  odd-avoid:
    name: Odd [/] avoid
    why: Because [red]reasons
    description: "[dim]described"
    instead: [odd-move]
routines:
  odd:
    title: Odd [/] routine
    summary: A [/] summary [easy]
    items:
      - move: odd-move
  morning:
    title: Morning [easy]
    items:
      - move: figure-four
""" + WEEK_OF.format("morning")


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def flat(text: str) -> str:
    """Output with runs of white space as one space (a table may pad or wrap)."""
    return " ".join(text.split())


def log_real(home: Path, routine: str, started: datetime, *, seconds: float = 300,
             groups: tuple[str, ...] = ()) -> None:
    """A completed session at its real pace, with its seconds per muscle group as the
    recorder writes them."""
    with History.open(home / "history.sqlite3") as history:
        row = log_session(history, routine, started, seconds=seconds)
        for group in groups:
            history.progress(row, active_seconds=seconds, steps_done=3, steps_skipped=0,
                             group=group, seconds=seconds)


# --- 1. text from a user's files is never markup -------------------------------------

def test_1_control_characters_in_user_text_are_shown_not_obeyed(runner: CliRunner,
                                                                 tmp_path: Path) -> None:
    """A note or a path may hold ESC or a newline: shown as '\\x1b', never sent raw to the
    terminal (it could recolour or garble it) nor breaking a line in two."""
    assert run(runner, "checkin", "3", "--note", "a\nb\x1b[31mred")[0] == 0
    code, out, _ = run(runner, "progress")
    assert code == 0 and "a\\nb\\x1b[31mred" in out and "\x1b" not in out
    data = json.loads(run(runner, "progress", "--json")[1])
    assert data["checkins"][0]["note"] == "a\nb\x1b[31mred"  # kept exactly as given
    code, _, err = run(runner, "validate", str(tmp_path / "no\x1b[2Jfile.yaml"))
    assert code == 1 and "no\\x1b[2Jfile.yaml" in err and "\x1b" not in err
    assert err.count("\n") == 1


def test_1_user_text_is_shown_literally_everywhere(runner: CliRunner, stretch_home: Path,
                                                   tmp_path: Path) -> None:
    write_user_file(stretch_home, "odd.yaml", ODD)
    surfaces = {
        ("list",): ["Odd [/] routine", "Morning [easy]"],
        ("show", "odd"): ["Odd [/] routine", "A [/] summary [easy]", "Odd [/] move [bold]"],
        ("sheet", "odd", "--format", "terminal"): [
            "Odd [/] move [bold]", "Lie [/] down [red]on your back", "[b]soft[/b] knees",
            "[/]careful", "Odd [/] avoid", "[dim]described"],
        ("moves", "odd-move"): ["Odd [/] move [bold]", "Lie [/] down [red]on your back",
                                "Breathe [/]", "[b]soft[/b] knees", "[/]careful",
                                "Easier: [i]easier", "Harder: [link=x]harder"],
        ("avoid",): ["Avoid: Odd [/] avoid", "[dim]described", "Why: Because [red]reasons",
                     "Odd [/] move [bold] (odd-move)"],
        ("run", "odd", "--speed", "1000"): ["Odd [/] move [bold], left side",
                                            "Completed Odd [/] routine after"],
        ("history",): ["Odd [/] routine"],  # now in the database: it must not break history
        ("week",): ["Morning [easy] (morning)"],
        ("today", "--preview"): ["Morning [easy]"],
    }
    for args, expected in surfaces.items():
        code, out, err = run(runner, *args)
        assert code == 0, (args, err)
        for text in expected:
            assert text in flat(out), (args, text, out)
    target = tmp_path / "hip[draft].html"
    code, out, _ = run(runner, "sheet", "odd", "-o", str(target))
    assert code == 0 and target.exists()
    assert flat(out) == f"Wrote the html sheet for Odd [/] routine to {target}"
    code, _, err = run(runner, "show", "[/]odd[bold]")
    assert code == 2 and "no routine named '[/]odd[bold]'" in err


def test_1_config_shows_a_voice_command_with_brackets(runner: CliRunner,
                                                      stretch_home: Path) -> None:
    (stretch_home / "config.toml").write_text(
        'voice_command = ["espeak-ng", "[/]", "[bold]{text}"]\n')
    code, out, err = run(runner, "config")
    assert code == 0, err
    assert '["espeak-ng", "[/]", "[bold]{text}"]' in out


# --- 5. a session is completed only when most of its work was done ---------------------

@pytest.mark.parametrize(("skip_at", "status"), [(10.0, "stopped"), (11.0, "completed")])
def test_5_completed_means_more_than_half_of_the_work_run(skip_at: float, status: str) -> None:
    """Two 10 s holds with a rest between: the first held (10 s, exactly half) and the
    second skipped at once is stopped; one more second of the second makes it completed."""
    clock = FakeClock()
    plan_steps = [Step(kind="hold", label="a", seconds=10), Step(kind="rest", label="Rest",
                  seconds=5), Step(kind="hold", label="b", seconds=10)]
    session = Session(plan_steps, clock)
    script = {15.0 + skip_at - 10.0: Command.NEXT}

    def wait(deadline: float) -> Command | None:
        for at, command in list(script.items()):
            if at <= deadline:
                del script[at]
                clock.sleep_until(at)
                return command
        clock.sleep_until(deadline)
        return None

    summary = run_session(session, wait=wait, listeners=[])
    assert summary.status == status and summary.reached_end


# --- 7. previews fit exactly as the run would ----------------------------------------

def test_7_show_and_today_preview_fit_minutes_as_run_does(runner: CliRunner,
                                                          stretch_home: Path) -> None:
    write_user_file(stretch_home, "week.yaml", WEEK_OF.format("hip-reset"))
    shown = runner.invoke(app, ["show", "hip-reset", "--minutes", "7", "--json"])
    preview = runner.invoke(app, ["today", "--preview", "--minutes", "7", "--json"])
    ran = runner.invoke(app, ["run", "hip-reset", "--minutes", "7", "--speed", "1000"])
    assert shown.exit_code == preview.exit_code == ran.exit_code == 0
    notes = [line for line in ran.stderr.splitlines() if line.startswith("To fit")]
    # a beginner's hip reset (5 holds of 20 s a side: the coach), fitted
    assert notes and all(note.startswith("To fit 7 minutes: ") for note in notes)
    assert shown.stderr.splitlines() == notes and preview.stderr.splitlines() == notes
    with History.open(stretch_home / "history.sqlite3") as history:
        (row,) = history.sessions()
    for output in (shown.stdout, preview.stdout):
        data = json.loads(output)
        assert data["seconds"] == row.planned_seconds <= 420
    table = runner.invoke(app, ["today", "--preview", "--minutes", "7"])
    assert table.stderr.splitlines() == notes


# --- 11. the calendar fits the width and keeps the current week -----------------------

@pytest.mark.parametrize("weeks", [39, 52, 104])
def test_11_history_calendar_fits_80_columns_with_this_week(
        runner: CliRunner, stretch_home: Path, monkeypatch: pytest.MonkeyPatch,
        weeks: int) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    freeze_now(monkeypatch, NOW)
    log_real(stretch_home, "hip-reset", NOW - timedelta(minutes=10))
    code, out, _ = run(runner, "history", "--weeks", str(weeks))
    assert code == 0
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("The last "))
    assert lines[start] == f"The last 38 weeks (of {weeks}; a wider window shows more)"
    assert len(lines[start + 1]) <= 80 and "26 Oct" in lines[start + 1]  # the weeks' dates
    grid = lines[start + 2: start + 9]
    assert all(len(line) <= 80 for line in grid)
    cells = [line[4::2] for line in grid]  # a cell per week after "Mon " / "    "
    assert all(len(row.rstrip()) <= 38 for row in cells)
    today_row = cells[NOW.weekday()]
    assert len(today_row) >= 38 and today_row[37] == "░"  # today's minutes, in the last week
    assert run(runner, "history", "--weeks", "4")[1].count("The last 4 weeks\n") == 1


# --- 13. catalogue rules ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "field", "problem"),
    [
        ("move: glute-bridge\n        hold: 30", "hold",
         "'glute-bridge' is a counted exercise (reps at a tempo): give it 'reps' and 'tempo', "
         "not 'hold'"),
        ("move: pigeon\n        reps: 3\n        tempo: 4", "tempo",
         "'pigeon' is held (a hold in seconds): give it 'hold' and 'reps' (how many holds), "
         "not 'tempo'"),
        ("move: pigeon\n        sets: 2", "sets",
         "'pigeon' is held: 'sets' is for counted exercises; 'reps' says how many holds"),
    ],
)
def test_13_an_item_cannot_change_how_its_move_is_dosed(
        runner: CliRunner, tmp_path: Path, item: str, field: str, problem: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(f"routines:\n  mine:\n    title: Mine\n    items:\n      - {item}\n")
    line = 5 + item.count("\n")
    code, _, err = run(runner, "validate", str(path))
    assert code == 1
    assert err == f"stretch: error: {path}:{line}:{9 + len(field) + 2}: " \
                  f"routines.mine.items[0].{field}: {problem}\n"


def test_5_13_a_routine_needs_a_move(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "rests.yaml"
    path.write_text("routines:\n  idle:\n    title: Idle\n    items:\n      - rest: 30\n"
                    "      - rest: 20\n")
    code, _, err = run(runner, "validate", str(path))
    assert code == 1
    assert err == (f"stretch: error: {path}:5:7: routines.idle.items: a routine needs at least "
                   "one move (rests alone are not a routine)\n")


def test_13_validate_path_checks_only_that_path(runner: CliRunner, stretch_home: Path,
                                                tmp_path: Path) -> None:
    write_user_file(stretch_home, "broken.yaml", "moves:\n  x: [\n")
    path = tmp_path / "mine.yaml"
    path.write_text("routines:\n  mine:\n    title: Mine\n    items:\n      - move: frog\n")
    code, out, err = run(runner, "validate", str(path))
    assert code == 0 and err == ""
    assert f"ok  {path}" in out and "broken.yaml" not in out
    assert re.search(r"^1 file ok; the catalogue has \d+ moves, 6 routines, \d+ stretches to "
                     r"avoid", flat(out).split(f"ok {path} ")[1])
    assert run(runner, "validate")[0] == 1  # with no path, every file: the broken one too


def test_13_a_long_routine_fitted_says_what_it_left_out_in_one_line(
        runner: CliRunner, stretch_home: Path) -> None:
    moves = ["figure-four", "butterfly", "pigeon", "frog", "glute-bridge", "clamshell"]
    items = "".join(f"      - move: {moves[i % len(moves)]}\n" for i in range(1000))
    write_user_file(stretch_home, "big.yaml", f"routines:\n  big:\n    title: Big\n    items:\n{items}")
    code, out, err = run(runner, "show", "big", "--minutes", "5", "--json")
    assert code == 0
    lines = err.splitlines()
    left = [line for line in lines if "left out" in line]
    assert len(lines) <= 3 and len(left) == 1, err
    assert re.fullmatch(r"To fit 5 minutes: left out 9\d\d moves: [A-Z][\w -]+, [A-Z][\w -]+, "
                        r"[A-Z][\w -]+ and ([A-Z][\w -]+|\d more)\.", left[0]), left[0]
    assert json.loads(out)["seconds"] <= 300


# --- 14. config errors name the right line -------------------------------------------

@pytest.mark.parametrize(
    ("text", "line", "key"),
    [
        ("# my settings\nvoice = true\n\n[extra]\nx = 1\n", 4, "extra"),
        ("# my settings\nbell = true\nextra.deeper = 1\n", 3, "extra"),
        ('bell = true\n\n[ "extra" . sub ]\nx = 1\n', 3, "extra"),
        ("bell = true\n[[extra]]\nx = 1\n", 2, "extra"),
        ('bell = true\n"ex\\u0074ra" = 1\n', 2, "extra"),
        ('voice_command = ["""\nbell = 1""", "{text}"]\nbell = 3\n', 3, "bell"),
        ("voice = false\n  get_ready   =   100  # too long\n", 2, "get_ready"),
        ("rest = 5\n\n[bell]\nx = 1\n", 3, "bell"),
    ],
)
def test_14_config_errors_name_the_right_line(runner: CliRunner, stretch_home: Path,
                                              text: str, line: int, key: str) -> None:
    path = stretch_home / "config.toml"
    path.write_text(text)
    code, _, err = run(runner, "config")
    assert code == 1 and err.count("\n") == 1
    assert err.startswith(f"stretch: error: {path}:{line}: {key}: "), err


# --- 15. -o ---------------------------------------------------------------------------

def test_15_an_extension_with_no_form_is_a_usage_error(runner: CliRunner,
                                                       tmp_path: Path) -> None:
    target = tmp_path / "hip-reset.pdf"
    code, out, err = run(runner, "sheet", "hip-reset", "-o", str(target))
    assert code == 2 and out == "" and not target.exists()
    assert err == (f"stretch: error: stretch does not write PDF: write {target.with_suffix('.html')} "
                   "and print it to PDF from your browser (Ctrl-P, then Save as PDF)\n")
    forced = run(runner, "sheet", "hip-reset", "-o", str(target), "--format", "html")
    assert forced[0] == 0 and target.read_text().startswith("<!doctype html>")


def test_15_dash_writes_to_standard_output_and_empty_is_an_error(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    code, out, _ = run(runner, "sheet", "desk-break", "-o", "-", "--format", "markdown")
    assert code == 0 and out.startswith("# Desk break") and list(work.iterdir()) == []
    code, out, _ = run(runner, "sheet", "desk-break", "-o", "-")
    assert code == 0 and out.startswith("DESK BREAK")  # text, as in a pipe
    code, out, err = run(runner, "sheet", "desk-break", "-o", "")
    assert code == 2 and out == "" and list(work.iterdir()) == []
    assert err == "stretch: error: -o needs a file name (or '-' for standard output)\n"


# --- 17. words -------------------------------------------------------------------------

def test_17_one_is_singular_wherever_a_number_meets_a_noun(
        runner: CliRunner, stretch_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_now(monkeypatch, NOW)
    log_real(stretch_home, "hip-reset", NOW, groups=("gluteal",))
    out = flat(run(runner, "history", "--weeks", "1")[1])
    assert "This week: 1 session, 5 min." in out and "This month: 1 session, 5 min." in out
    assert "The last 1 week " in out and "(last 1 week)" in out
    ran = runner.invoke(app, ["run", "desk-break", "--minutes", "1", "--speed", "1000"])
    assert ran.stderr.startswith("To fit 1 minute: ")
    assert not re.search(r"(?<![\d.])1 minutes", ran.stderr)
    item = "      - move: glute-bridge\n        reps: 1\n        tempo: 4\n"
    write_user_file(stretch_home, "one.yaml", f"routines:\n  one:\n    title: One\n    items:\n{item}")
    lines = flat(run(runner, "run", "one", "--speed", "1000")[1])
    sheet = flat(run(runner, "sheet", "one", "--format", "text")[1])
    assert "Glute bridge, 1 rep 4 s" in lines and "1 rep, each held 2 s" in sheet
    assert "1 reps" not in lines + sheet


def test_17_moves_at_80_columns_keeps_every_id_whole(runner: CliRunner,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    data = json.loads(run(runner, "moves", "--json")[1])
    out = run(runner, "moves")[1]
    words = set(out.split())
    assert all(len(line) <= 80 for line in out.splitlines())
    assert [m["id"] for m in data if m["id"] not in words] == []
    assert "…" not in out
    lines = out.splitlines()  # and each name whole on its line, its id right under it
    assert [m["name"] for m in data
            if not any(line.startswith(m["name"] + " ") and nxt.startswith(m["id"] + " ")
                       for line, nxt in itertools.pairwise(lines))] == []


def test_17_no_bar_for_less_than_a_minute(runner: CliRunner, stretch_home: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_now(monkeypatch, NOW)
    log_real(stretch_home, "hip-reset", NOW, seconds=600, groups=("gluteal",))
    log_real(stretch_home, "desk-break", NOW, seconds=20, groups=("psoas",))
    lines = run(runner, "history")[1].splitlines()
    (psoas,) = [line for line in lines if line.startswith("psoas")]
    (gluteal,) = [line for line in lines if line.startswith("gluteal")]
    assert "█" not in psoas and psoas.split() == ["psoas", "<1", "min"]
    assert gluteal.count("█") == 20


def test_17_dates_from_another_year_show_the_year(runner: CliRunner, stretch_home: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_now(monkeypatch, NOW)
    log_real(stretch_home, "hip-reset", datetime(2025, 3, 2, 7, 30, tzinfo=UTC))
    log_real(stretch_home, "desk-break", NOW)
    out = run(runner, "history")[1]
    assert "Sun 02 Mar 2025 07:30" in out
    assert "Tue 24 Nov 09:00" in out  # this year's needs no year
    week = run(runner, "week")[1]
    assert "Mon 23 Nov" in week and "2026" not in week


@pytest.mark.parametrize(
    ("args", "found"),
    [
        (["moves", "PIGEON"], "Pigeon stretch"),
        (["moves", "Pigeon stretch"], "Pigeon stretch"),
        (["moves", "pigeon STRETCH"], "Pigeon stretch"),
        (["show", "HIP-RESET"], "Hip reset"),
        (["show", "Hip reset"], "Hip reset"),
        (["sheet", "desk break"], "DESK BREAK"),
    ],
)
def test_17_names_and_titles_find_moves_and_routines_in_any_case(
        runner: CliRunner, args: list[str], found: str) -> None:
    code, out, err = run(runner, *args)
    assert code == 0, err
    assert found in out
