"""Issue 23 through the command line: catalogue text never drives the terminal, the
person's own file is blamed for its own mistakes, the Markdown sheet escapes HTML, -o
keeps what is there, future sessions keep their date, one definition of a day done, and
the small ones.

Each test names the issue's item it covers. The history file's items (3-6) are in
test_reliability3_history.py; the reminder's (7, 8, 18) in test_reliability3_remind.py;
the ones about a real terminal or process (1, 10-12) in test_reliability3_terminal.py.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.history.store import History
from tests.conftest import freeze_now, log_session, write_user_file
from tests.test_reliability import WEEK_OF


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# --- 16. the small ones ---------------------------------------------------------------

@pytest.mark.parametrize("typed", ["1_0", " 7", "²", "٣", "+3"])
def test_16_a_rating_is_plain_digits(runner: CliRunner, typed: str) -> None:
    code, _, err = run(runner, "checkin", typed)
    assert code == 2, err
    assert err.startswith("stretch: error: Invalid value for 'N': a rating is a whole number")
    assert run(runner, "history", "--json")[0] == 0
    assert json.loads(run(runner, "progress", "--json")[1])["checkins"] == []


@pytest.mark.parametrize("typed", ["1_0", "²"])
def test_16_a_number_of_weeks_is_plain_digits(runner: CliRunner, typed: str) -> None:
    code, _, err = run(runner, "history", "--weeks", typed)
    assert code == 2 and f"a number of weeks from 1 to 104, got '{typed}'" in err


def test_16_a_config_file_may_start_with_a_byte_order_mark(runner: CliRunner,
                                                           stretch_home: Path) -> None:
    (stretch_home / "config.toml").write_bytes(b"\xef\xbb\xbfget_ready = 20\n")
    code, out, err = run(runner, "show", "hip-reset", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["steps"][0]["seconds"] == 20


def test_16_show_json_steps_carry_every_key_of_the_contract(runner: CliRunner) -> None:
    code, out, _ = run(runner, "show", "core-and-hips", "--json")
    steps = json.loads(out)["steps"]
    assert code == 0
    ready = steps[0]
    assert ready["kind"] == "get-ready"
    assert (ready["hold"], ready["reps"], ready["tempo"], ready["set"]) == (None, None, None, None)
    held = next(s for s in steps if s["kind"] == "hold")
    assert held["hold"] == held["seconds"] and held["tempo"] is None
    assert held["reps"] >= 1 and 1 <= held["set"] <= held["reps"]
    counted = next(s for s in steps if s["kind"] == "count")
    assert counted["hold"] is None and counted["tempo"] >= 1
    assert counted["seconds"] == counted["reps"] * counted["tempo"] and counted["set"] >= 1


# --- 9. catalogue text never drives the terminal --------------------------------------

TITLE_ATTACK = """\
routines:
  odd:
    title: "Odd\\e]0;pwned\\a routine"
    items:
      - move: figure-four
"""
SCREEN_ATTACK = """\
moves:
  odd-move:
    name: Odd move
    kind: stretch
    group: gluteal
    sided: true
    position: supine
    hold: 30
    setup: Lie down.
    cues: ["Breathe\\e[2J out"]
"""


@pytest.mark.parametrize(("text", "field", "shown"), [
    (TITLE_ATTACK, "3:12: routines.odd.title", "\\x1b"),
    (SCREEN_ATTACK, "10:12: moves.odd-move.cues[0]", "\\x1b"),
    (TITLE_ATTACK.replace("\\e]0;pwned\\a", "\\u202e"), "3:12: routines.odd.title", "\\u202e"),
    (TITLE_ATTACK.replace("\\e]0;pwned\\a", "\\u200b"), "3:12: routines.odd.title", "\\u200b"),
    (TITLE_ATTACK.replace("\\e]0;pwned\\a", "").replace("title:", 'summary: "a\\x07b"\n    title:'),
     "3:14: routines.odd.summary", "\\x07"),
])
def test_9_control_characters_in_catalogue_text_are_refused_everywhere(
        runner: CliRunner, stretch_home: Path, text: str, field: str, shown: str) -> None:
    path = write_user_file(stretch_home, "odd.yaml", text)
    line = (f"stretch: error: {path}:{field}: holds the character {shown}, which a terminal "
            "would act on or hide rather than show: remove it\n")
    for args in (["validate", str(path)], ["list"], ["show", "hip-reset"],
                 ["sheet", "hip-reset", "--format", "text"], ["moves"], ["today", "--preview"]):
        code, out, err = run(runner, *args)
        assert (code, out) == (1, ""), args
        assert err == line, args
        assert "\x1b" not in err and "\x07" not in err


def test_9_a_title_logged_before_is_shown_escaped(runner: CliRunner, stretch_home: Path) -> None:
    from datetime import datetime

    from stretch.history.store import History
    from tests.conftest import log_session

    with History.open(stretch_home / "history.sqlite3") as history:
        row = log_session(history, "odd", datetime.now().astimezone())
        with history.db:
            history.db.execute("UPDATE sessions SET title = ? WHERE id = ?",
                               ("Odd\x1b]0;pwned\x07", row))
    code, out, _ = run(runner, "history")
    assert code == 0 and "Odd\\x1b]0;pwned\\x07" in out and "\x1b" not in out


# --- 14. the Markdown sheet escapes HTML ------------------------------------------------

HTML_ATTACK = """\
routines:
  odd:
    title: Odd
    items:
      - move: odd-move
moves:
  odd-move:
    name: "Figure <script>alert(1)</script> four"
    kind: stretch
    group: gluteal
    sided: true
    position: supine
    hold: 30
    setup: "Lie down <img src=x onerror=alert(2)>."
    cues: ["<style>body{display:none}</style>Breathe", "[click](javascript:alert(3))"]
    cautions: ["Stop if it <b>hurts</b> & tingles"]
"""


def test_14_the_markdown_sheet_escapes_html_from_the_catalogue(runner: CliRunner,
                                                                stretch_home: Path) -> None:
    write_user_file(stretch_home, "mine.yaml", HTML_ATTACK)
    code, out, err = run(runner, "sheet", "odd", "--format", "markdown")
    assert (code, err) == (0, "")
    for raw in ("<script", "<img", "<style", "<b>", "](javascript"):
        assert raw not in out, raw
    assert "Figure &lt;script&gt;alert(1)&lt;/script&gt; four" in out
    assert "Lie down &lt;img src=x onerror=alert(2)&gt;." in out
    assert "- [click]\\(javascript:alert(3))" in out  # no link
    assert "Stop if it &lt;b&gt;hurts&lt;/b&gt; &amp; tingles" in out


# --- 19. messages that help ---------------------------------------------------------------

def test_19_a_pdf_is_printed_from_the_html_sheet(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    code, out, err = run(runner, "sheet", "hip-reset", "-o", str(target))
    assert (code, out) == (2, "") and not target.exists()
    assert err == (f"stretch: error: stretch does not write PDF: write {tmp_path / 'x.html'} "
                   "and print it to PDF from your browser (Ctrl-P, then Save as PDF)\n")


def test_19_a_day_off_in_the_week_suggests_rest(runner: CliRunner, stretch_home: Path) -> None:
    path = write_user_file(stretch_home, "week.yaml", "week:\n" + "".join(
        f"  {d}: {'none' if d == 'sat' else 'hip-reset'}\n"
        for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")))
    code, _, err = run(runner, "validate", str(path))
    assert code == 1
    assert err == (f"stretch: error: {path}:7:8: week.sat: unknown routine 'none' (a day with no "
                   "routine is 'rest')\n")


def test_19_cues_as_one_string_suggest_the_list_form(runner: CliRunner,
                                                      stretch_home: Path) -> None:
    path = write_user_file(stretch_home, "mine.yaml",
                           SCREEN_ATTACK.replace('["Breathe\\e[2J out"]', "Tuck your tailbone"))
    code, _, err = run(runner, "validate", str(path))
    assert code == 1
    assert err == (f"stretch: error: {path}:10:11: moves.odd-move.cues: expected a list, got "
                   "'Tuck your tailbone': make it a list, each entry on a line of its own "
                   "starting with '- '\n")


@pytest.mark.parametrize(("command", "said"), [
    ("list", "min: minutes at your doses, which grow as you go (stretch progress says why)."),
    ("week", "Minutes at your doses."),
])
def test_19_list_and_week_say_their_minutes_are_at_your_doses(runner: CliRunner,
                                                               command: str, said: str) -> None:
    code, out, _ = run(runner, command)
    assert code == 0
    assert out.splitlines()[-1].endswith(said)


# --- 15. -o keeps what is there -----------------------------------------------------------

def test_15_a_dangling_symlink_is_not_replaced_without_force(runner: CliRunner,
                                                             tmp_path: Path) -> None:
    link = tmp_path / "sheet.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    code, out, err = run(runner, "sheet", "hip-reset", "-o", str(link))
    assert (code, out) == (1, "")
    assert err == f"stretch: error: {link} already exists; add --force to replace it\n"
    assert link.is_symlink() and not (tmp_path / "nowhere.txt").exists()
    assert run(runner, "sheet", "hip-reset", "-o", str(link), "--force")[0] == 0
    assert link.read_text().startswith("HIP RESET")


def test_15_force_keeps_the_files_permissions(runner: CliRunner, tmp_path: Path) -> None:
    private = tmp_path / "sheet.txt"
    private.write_text("mine\n")
    private.chmod(0o600)
    assert run(runner, "sheet", "hip-reset", "-o", str(private), "--force")[0] == 0
    assert private.stat().st_mode & 0o777 == 0o600 and private.read_text() != "mine\n"
    new = tmp_path / "new.txt"
    assert run(runner, "sheet", "hip-reset", "-o", str(new))[0] == 0
    assert new.stat().st_mode & 0o777 == 0o644


def test_15_a_path_with_a_newline_is_said_in_one_line(runner: CliRunner, tmp_path: Path) -> None:
    odd = tmp_path / "a\nb\x1b[2J.txt"
    code, out, err = run(runner, "sheet", "hip-reset", "-o", str(odd))
    assert (code, err) == (0, "") and odd.exists()
    shown = str(tmp_path) + "/a\\nb\\x1b[2J.txt"
    assert out == f"Wrote the text sheet for Hip reset to {shown}\n"


# --- 13. the person's own file is blamed for its own mistakes ---------------------------

COUNTED_PIGEON = """\
moves:
  pigeon:
    name: Pigeon lift
    kind: exercise
    group: gluteal
    sided: true
    position: all-fours
    reps: 8
    tempo: 3
    setup: Lift.
    cues: [Lift]
"""
LUNGES = """\
avoid:
  lunges:
    name: Lunges
    why: They hurt me.
    known-as: [lunge]
    instead: [figure-four]
"""


@pytest.mark.parametrize(("text", "where", "problem"), [
    (COUNTED_PIGEON.replace("kind: exercise", "kind: stretch"), "2:3: moves.pigeon: replaces "
     "the built-in move 'pigeon', which the built-in routine 'hip-reset' cannot run as yours "
     "is (", "'pigeon' is a counted exercise (reps at a tempo): give it 'reps' and 'tempo', "
     "not 'hold'); give your move an id of its own"),
    (COUNTED_PIGEON, "2:3: moves.pigeon: replaces the built-in move 'pigeon', the harder move "
     "of the built-in 'figure-four' (", "'pigeon' is an exercise, 'figure-four' a stretch: a "
     "ladder stays with one kind of move); give your move an id of its own"),
    (LUNGES, "2:3: avoid.lunges: 'lunge' names the built-in move 'side-lunge' (",
     "which the built-in routines use: name only what you avoid, or replace that move with "
     "one of your own"),
])
def test_13_a_mistake_in_the_persons_file_is_named_there(
        runner: CliRunner, stretch_home: Path, text: str, where: str, problem: str) -> None:
    path = write_user_file(stretch_home, "mine.yaml", text)
    for args in (["validate", str(path)], ["validate"], ["list"], ["run", "desk-break"]):
        code, out, err = run(runner, *args)
        assert code == 1 and f"ok  {path}" not in out, args
        assert err.startswith(f"stretch: error: {path}:{where}"), (args, err)
        assert problem in err and err.count("\n") == 1


# --- 2. a session dated later belongs to its own date -----------------------------------

HONOLULU = timezone(timedelta(hours=-10))
TOKYO = timezone(timedelta(hours=9))


def test_2_a_session_dated_later_is_not_todays(runner: CliRunner, stretch_home: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Hip reset done on Monday morning in Tokyo, then a flight east to Honolulu, where it
    is still Sunday afternoon (the week's last day): Sunday is not done, nor is this week's
    count one more; on Monday, the session is Monday's."""
    write_user_file(stretch_home, "week.yaml", WEEK_OF.format("hip-reset"))
    with History.open(stretch_home / "history.sqlite3") as history:
        log_session(history, "hip-reset", datetime(2026, 11, 30, 7, 0, tzinfo=TOKYO))
    sunday = datetime(2026, 11, 29, 14, 0, tzinfo=HONOLULU)  # the same hour, later
    freeze_now(monkeypatch, sunday)
    nudge = run(runner, "nudge", "--print")
    assert nudge[1].startswith("Time for Hip reset\n"), nudge
    assert "You did" not in run(runner, "today", "--speed", "1000")[1]
    week = run(runner, "week")[1]
    (today,) = [line for line in week.splitlines() if "(today)" in line]
    assert "✓" not in today
    log = run(runner, "history")[1]
    assert "This week: 0 sessions, 0 min." in log
    freeze_now(monkeypatch, datetime(2026, 11, 30, 9, 0, tzinfo=TOKYO))
    assert run(runner, "nudge", "--print")[2] == "No reminder. You did Hip reset today at 07:00.\n"
    assert json.loads(run(runner, "history", "--json")[1])["streak"] == 1


# --- 17. one definition of a day done ----------------------------------------------------

def test_17_the_coachs_desk_break_keeps_the_day_everywhere(
        runner: CliRunner, stretch_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tuesday = datetime(2026, 11, 24, 19, 0, tzinfo=UTC)
    write_user_file(stretch_home, "week.yaml", WEEK_OF.format("core-and-hips"))
    with History.open(stretch_home / "history.sqlite3") as history:
        log_session(history, "core-and-hips", tuesday - timedelta(days=1))  # Monday's
        log_session(history, "desk-break", tuesday.replace(hour=8))  # the bad day's
        log_session(history, "core-and-hips", tuesday.replace(hour=9), status="stopped")
        history.begin(routine="core-and-hips", title="Core and hips",  # still running
                      started=tuesday.replace(hour=18), planned_seconds=60, steps_total=3,
                      first_side="left")
    freeze_now(monkeypatch, tuesday)
    nudge = run(runner, "nudge", "--print")
    assert (nudge[1], nudge[2]) == ("", "No reminder. You did Desk break today at 08:00.\n")
    assert json.loads(run(runner, "history", "--json")[1])["streak"] == 2
    week = run(runner, "week")[1].splitlines()
    assert [line.rstrip()[-1] for line in week if line.startswith(("Mon", "Tue"))] == ["✓", "✓"]
    log = run(runner, "history")[1]
    assert log.startswith("Streak: 2 days")
    assert "This week: 2 sessions" in log  # not the stopped or the running one
    assert run(runner, "today")[1] == "You did Desk break today at 08:00.\n"
