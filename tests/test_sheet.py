"""The routine sheet in every form, written safely, and printed by a real browser."""

from __future__ import annotations

import io
import json
import re
import statistics
import subprocess
from html import unescape as html_unescape
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from stretch import text_safety
from stretch.catalogue.load import load_catalogue
from stretch.cli import app
from stretch.model import Catalogue, Move
from stretch.poses import SEEN_FROM, SIDE_SHOWN
from stretch.sheet import model as sheets
from stretch.sheet.html import html
from stretch.sheet.markdown import markdown
from stretch.sheet.plain import plain
from stretch.sheet.render import render
from tests.conftest import DEFAULTS, classic, classic_hip_reset, need_program, write_user_file

ROUTINES = ("hip-reset", "desk-break", "core-and-hips", "full-session")
ESCAPE = re.compile(r"\x1b")


def built(catalogue: Catalogue, name: str) -> sheets.Sheet:
    return sheets.build(catalogue.routines[name], catalogue, DEFAULTS)


def flatten(body: str) -> str:
    """The words of a sheet in any form, one space apart (panel borders and the figures'
    braille and arrows are not words)."""
    return " ".join(re.sub(r"[│╭╮╰╯─\u2800-\u28ff↓→]", " ", body).split())


def assert_has_everything(body: str, catalogue: Catalogue, name: str) -> None:
    """What every form of every sheet says: the handout's facts, each move in full with its
    easier and harder versions, the week grid, what the avoided stretches look like, and
    the safety note."""
    flat = flatten(body)
    routine = catalogue.routines[name]
    sheet = built(catalogue, name)
    assert routine.title.lower() in flat.lower()
    for label, value in sheet.facts:
        assert f"{label}: {value}" in flat.replace("**", "").replace(":**", ":"), label
    assert "for 6-8 weeks" in flat and "about " in flat
    for entry in sheet.entries:
        move = entry.move
        for words in (move.name, move.cues[0], entry.dose, move.easier, move.harder):
            assert words and words in flat, (move.id, words)
    for avoided in catalogue.avoid.values():
        assert avoided.name in flat and avoided.description and avoided.description in flat
    assert text_safety.AVOID_INSTEAD in flat
    assert_safety(flat)


# The red flags the primary-care pathways add (CONTENT-FACTS: the complete list), as the
# built-in note words them: nerves, a possible fracture, infection, cancer, and time.
NEW_RED_FLAGS = (
    "in one leg that is new, spreading or getting worse", "a foot that drops or catches",
    "walking that has become unsteady", "thin bones (osteoporosis)", "steroid tablets",
    "only lying down eases", "feeling generally unwell", "a weakened immune system",
    "you inject drugs", "a recent bacterial infection", "you have had cancer",
    "under 20 or over 50", "no better after a month",
)


def assert_safety(flat: str) -> None:
    """The safety note's wording, whatever the surface: all three levels of red flag,
    what one sign on its own means, who checks first, and the stop rule."""
    for words in (text_safety.URGENT, text_safety.SEE_A_DOCTOR, text_safety.GET_CHECKED,
                  text_safety.RARE, text_safety.CHECK_FIRST, "sexual function",
                  "worse when you cough, sneeze or poo", "never bounce", "spreads down a leg",
                  *NEW_RED_FLAGS):
        assert words.lower() in flat.lower(), words


@pytest.mark.parametrize("form", ["text", "markdown", "html", "terminal", "avoid"])
def test_the_safety_note_reads_in_one_order_everywhere(runner: CliRunner, form: str) -> None:
    """The signs to call 999 for come first, wherever the note is shown: then the urgent
    GP's, then who should check first and the stop rule."""
    args = ["avoid"] if form == "avoid" else ["sheet", "hip-reset", "--format", form]
    result = runner.invoke(app, args)
    flat = html_unescape(flatten(re.sub(r"<[^>]+>", " ", result.stdout)))
    order = [flat.find(words) for words in (text_safety.URGENT, text_safety.SEE_A_DOCTOR,
                                            text_safety.CHECK_FIRST, "Stretch to gentle tension")]
    assert result.exit_code == 0 and -1 not in order and order == sorted(order), order


@pytest.mark.parametrize("name", ROUTINES)
def test_text_form_is_plain_and_fits_80_columns(builtin: Catalogue, name: str) -> None:
    body = plain(built(builtin, name))
    assert not ESCAPE.search(body)
    assert max(len(line) for line in body.splitlines()) <= 80
    assert_has_everything(body, builtin, name)


def test_text_form_shows_each_dose_in_words(builtin: Catalogue) -> None:
    body = plain(sheets.build(classic_hip_reset(builtin), builtin, DEFAULTS))
    assert "gluteal   left  120 s   right  120 s" in body
    assert "psoas     left   60 s   right   60 s" in body
    assert ("1. Supine figure-four stretch\n   Buttock (gluteals) · lying on your back\n"
            "   Hold 30 s, 2 times each side, sides in turn, rest 10 s between\n") in body
    assert "   Hold 30 s, 2 times, rest 10 s between\n" in body  # butterfly: both sides at once
    assert "Time: about 11 minutes\n" in body
    assert "How often: 2 days a week (Monday and Wednesday) for 6-8 weeks\n" in body
    assert "You need: a mat or soft carpet and a cushion\n" in body
    exercises = plain(sheets.build(classic(builtin, "core-and-hips"), builtin, DEFAULTS))
    assert "   10 slow reps with a 2 s pause, 2 sets, rest 15 s between\n" in exercises
    assert ("12 reps each side, about 3 s each, 2 sets on one side, then the other, rest 15 s "
            "between") in " ".join(exercises.split())  # (a long dose wraps)
    assert ("6 reps each side, then 4, then 2 (12 a side), each held 7 s, rest 15 s between "
            "sets") in " ".join(exercises.split())  # the bird dog's pyramid, set by set
    assert "No stretch holds in this routine" in exercises


def test_the_tick_off_grid_has_only_the_planned_days(builtin: Catalogue,
                                                     stretch_home: Path) -> None:
    body = plain(built(builtin, "hip-reset"))
    grid = body[body.index("YOUR 8 WEEKS"):body.index("STRETCH PER SIDE")].splitlines()
    assert [line.split()[0] for line in grid[2:] if line] == ["Mon", "Wed"]
    assert grid[1].split() == ["week", *map(str, range(1, 9))]
    days = "".join(f"  {d}: {'hip-reset' if d in ('mon', 'wed', 'fri') else 'rest'}\n"
                   for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
    write_user_file(stretch_home, "week.yaml", "week:\n" + days)
    mine = load_catalogue(user_dir=stretch_home / "routines")
    three = plain(built(mine, "hip-reset"))
    assert "How often: 3 days a week (Monday, Wednesday and Friday) for 6-8 weeks" in three
    assert "  Fri  [ ]" in three and "  Tue  [ ]" not in three
    unplanned = plain(built(mine, "core-and-hips"))  # not in this week: any day will do
    assert "How often: 2-3 days a week or more (daily is best), for 6-8 weeks" in unplanned
    assert all(f"  {d}  [ ]" in unplanned for d in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
                                                    "Sun"))


@pytest.mark.parametrize("name", ROUTINES)
def test_markdown_form_has_headings_and_tables(builtin: Catalogue, name: str) -> None:
    body = markdown(built(builtin, name))
    assert body.startswith(f"# {builtin.routines[name].title}\n")
    assert "## The moves" in body and "## Safety" in body
    assert "| week | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 |\n|---|" + ":---:|" * 8 in body
    assert body.index("## Safety") < body.index("## The moves")  # safety before anything else
    assert_has_everything(body, builtin, name)


def test_markdown_keeps_each_caution_its_own_paragraph(builtin: Catalogue) -> None:
    body = markdown(built(builtin, "hip-reset"))
    pigeon = builtin.moves["pigeon"]
    first, second = pigeon.cautions[:2]
    assert f"> **Caution:** {first}\n\n> **Caution:** {second}\n" in body


def test_markdown_tables_survive_a_pipe_in_a_name(builtin: Catalogue) -> None:
    from dataclasses import replace

    routine = builtin.routines["hip-reset"]
    items = tuple(replace(i, move=replace(i.move, name="Hip | knee")) if i.move else i
                  for i in routine.items)
    body = markdown(sheets.build(replace(routine, title="A | B", items=items), builtin, DEFAULTS))
    assert "### 1. Hip | knee" in body  # headings and paragraphs keep the name as written
    for table in re.findall(r"(?:^\|.*\|\n)+", body, re.M):
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in table.splitlines()}
        assert len(widths) == 1, table  # every row has as many cells as the header


@pytest.mark.parametrize("name", ROUTINES)
def test_html_form_is_self_contained(builtin: Catalogue, name: str) -> None:
    body = html(built(builtin, name))
    assert body.startswith("<!doctype html>")
    lowered = body.lower()
    for forbidden in ("<script", "http://", "https://", "src=", "@import", "url(", "<link"):
        assert forbidden not in lowered
    assert "@media print" in body and "@page" in body
    assert 'content: "Page " counter(page) " of " counter(pages)' in body
    words = re.sub(r"<[^>]+>", " ", body[body.index("<body>"):])
    assert_has_everything(html_unescape(words), builtin, name)


def test_html_keeps_each_number_with_its_unit(builtin: Catalogue) -> None:
    """A narrow printed card must not end a line on '2' and start the next with 's pause'."""
    body = html(sheets.build(classic(builtin, "core-and-hips"), builtin, DEFAULTS))
    nb = "\N{NO-BREAK SPACE}"
    assert (f'<p class="dose">10{nb}slow reps with a 2{nb}s pause, 2{nb}sets, '
            f"rest 15{nb}s between</p>") in body


def test_html_escapes_user_text(builtin: Catalogue) -> None:
    from dataclasses import replace

    routine = replace(builtin.routines["desk-break"], title='<b>Mine</b> & "yours"</style>')
    body = html(sheets.build(routine, builtin, DEFAULTS))
    assert "&lt;b&gt;Mine&lt;/b&gt; &amp; &quot;yours&quot;&lt;/style&gt;" in body
    assert "<b>Mine</b>" not in body and body.count("</style>") == 1
    # the page's running title is a CSS string: every character that could end it is escaped
    assert 'content: "\\3c b\\3e Mine\\3c \\2f b\\3e  \\26  \\22 yours' in body


def test_the_sheet_shows_the_dose_the_timer_runs(runner: CliRunner, stretch_home: Path) -> None:
    """hold_scale doubles every hold: the cards say so, and agree with `show`'s steps (a
    beginner's holds: 5 of 20 s, doubled)."""
    (stretch_home / "config.toml").write_text("hold_scale = 2.0\nswitch_sides = 8\n")
    sheet = runner.invoke(app, ["sheet", "hip-reset", "--format", "text"])
    shown = json.loads(runner.invoke(app, ["show", "hip-reset", "--json"]).stdout)
    assert sheet.exit_code == 0
    assert "   Hold 40 s, 5 times each side, sides in turn, rest 10 s between\n" in sheet.stdout
    assert "30 s" not in sheet.stdout.split("THE MOVES")[1].split("STRETCH PER SIDE")[0]
    holds = {s["seconds"] for s in shown["steps"] if s["kind"] == "hold"}
    assert holds == {40}
    assert f"Time: about {round(shown['seconds'] / 60)} minutes" in sheet.stdout
    assert "gluteal   left  200 s   right  200 s" in sheet.stdout
    for form in ("markdown", "html", "terminal"):
        other = runner.invoke(app, ["sheet", "hip-reset", "--format", form]).stdout
        words = " ".join(other.split())  # the HTML keeps each number with its unit
        assert "Hold 40 s, 5 times each side, sides in turn, rest 10 s between" in words, form


def test_card_doses_follow_the_routine_they_are_given(builtin: Catalogue) -> None:
    """A routine adjusted for the person (more reps, longer holds) is shown as it runs."""
    from dataclasses import replace

    routine = classic(builtin, "core-and-hips")
    grown = replace(routine, items=tuple(replace(i, reps=i.reps + 2) for i in routine.items))
    body = plain(sheets.build(grown, builtin, DEFAULTS))
    assert "   12 slow reps with a 2 s pause, 2 sets, rest 15 s between\n" in body
    assert ("   Hold 20 s, 4 times on one side, then the other, rest 15 s between\n"
            in body)  # the side plank: down onto the floor on each side once


def test_terminal_form_fits_80_columns(builtin: Catalogue) -> None:
    console = Console(file=io.StringIO(), width=120, color_system=None)
    render(builtin.routines["full-session"], builtin, "terminal", console, DEFAULTS)
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert max(len(line.rstrip()) for line in lines) <= 80
    assert_has_everything("\n".join(lines), builtin, "full-session")


def test_sheet_in_a_pipe_is_text(runner: CliRunner) -> None:
    result = runner.invoke(app, ["sheet", "hip-reset"])
    assert result.exit_code == 0
    assert result.stdout.startswith("HIP RESET\n") and not ESCAPE.search(result.stdout)
    forced = runner.invoke(app, ["sheet", "hip-reset", "--format", "terminal"])
    assert forced.exit_code == 0 and not ESCAPE.search(forced.stdout)


def test_output_file_is_written_atomically_and_never_replaced_by_surprise(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "wall.html"
    first = runner.invoke(app, ["sheet", "desk-break", "-o", str(target)])
    assert first.exit_code == 0 and f"to {target}" in first.stdout
    assert target.read_text().startswith("<!doctype html>")
    target.write_text("my notes")
    refused = runner.invoke(app, ["sheet", "hip-reset", "-o", str(target)])
    assert refused.exit_code == 1
    assert refused.stderr == f"stretch: error: {target} already exists; add --force to replace it\n"
    assert target.read_text() == "my notes"
    forced = runner.invoke(app, ["sheet", "hip-reset", "-o", str(target), "--force"])
    assert forced.exit_code == 0 and "Hip reset" in target.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "wall.html"]  # no temp files


def test_output_format_follows_the_extension(runner: CliRunner, tmp_path: Path) -> None:
    for name, start in (("a.md", "# Desk break"), ("a.txt", "DESK BREAK"), ("a", "DESK BREAK")):
        assert runner.invoke(app, ["sheet", "desk-break", "-o", str(tmp_path / name)]).exit_code == 0
        assert (tmp_path / name).read_text().startswith(start)


def test_output_into_a_missing_folder_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["sheet", "desk-break", "-o", str(tmp_path / "no" / "x.txt")])
    assert result.exit_code == 1
    assert result.stderr.startswith("stretch: error: cannot write ")
    assert result.stderr.count("\n") == 1


def test_unknown_routine_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["sheet", "hip-rest"])
    assert result.exit_code == 2
    assert result.stderr == "stretch: error: no routine named 'hip-rest'; did you mean hip-reset?\n"


# --- a real browser ------------------------------------------------------------------

# No --no-pdf-header-footer: the sheet itself must keep the browser's date, title and file
# path off the page, as it must when a person prints from the browser's own dialogue.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync")
# Pages each sheet takes on A4 and on Letter (shorter), measured with DejaVu Sans
# Condensed (what the font stack finds here; plain DejaVu Sans, 11% wider, gives the same).
# The budget at 11 pt with every drawing at least 40 mm wide (issue 22): three pages for
# the short routines (the hip reset's three stretches take two on A4, three on Letter
# since the frog's second view), four for the full session's ten moves.
PAGES = {"hip-reset": (2, 3), "desk-break": (3, 3), "core-and-hips": (3, 3),
         "full-session": (4, 4)}
BUDGET = {name: 4 if name == "full-session" else 3 for name in ROUTINES}
BROWSER_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
# 11 pt DejaVu Sans measures 12.8 pt high in pdftotext's boxes; 12 pt would still be 10.3 pt
# type, so a sheet the browser shrank to fit (content too wide) fails too.
MIN_MEDIAN_WORD_HEIGHT = 12.0
WORD_BOX = re.compile(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<')


PDF_PAGE = re.compile(r'<page width="([\d.]+)"[^>]*>(.*?)</page>', re.S)
WORD_AT = re.compile(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<')


def pdf_columns(pdf: Path) -> list[str]:
    """The words of each printed column (left then right, page by page), top to bottom."""
    columns = []
    for width, page in PDF_PAGE.findall(pdf_text(pdf, "-bbox")):
        words = [(round(float(y)), float(x), html_unescape(w)) for x, y, w in WORD_AT.findall(page)]
        for left in (True, False):
            words_in = sorted(w for w in words if (w[1] < float(width) / 2) == left)
            column = re.sub(r"-\s+", "-", " ".join(w for _, _, w in words_in if w not in "↓→"))
            # a drawing's arrow, second view's caption and side line share their rows
            # with the words beside it
            for caption in (*SEEN_FROM.values(), SIDE_SHOWN):
                column = column.replace(f"{caption} ", "")
            columns.append(column)
    return columns


def assert_every_card_part_under_its_name(pdf: Path, sheet: sheets.Sheet) -> int:
    """Whichever column a part of a card (setup, cue, caution, easier, harder) is printed
    in, the nearest move name above it in that column is its own: a card that goes on in
    the next column says whose it is. Returns how many cards went on (names printed twice)."""
    columns = pdf_columns(pdf)
    names = {f"{e.number}. {e.move.name}": e.move for e in sheet.entries}
    name = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    def parts(move: Move) -> list[str]:
        return [" ".join(part.split()[:6]) for part in (
            move.setup, *move.cues, *move.cautions, f"Easier: {move.easier}",
            f"Harder: {move.harder}")]

    for start in {start for move in names.values() for start in parts(move)}:
        whose = sorted(label for label, move in names.items() if start in parts(move))
        found = [column[:at.start()] for column in columns
                 for at in re.finditer(re.escape(start), column)]
        # a part several cards share (a caution) is printed once in each, under its name
        assert sorted(name.findall(before)[-1] for before in found) == whose, (pdf.name, start)
    return sum(len(name.findall(column)) for column in columns) - len(names)


def print_pdf(chromium: str, page: Path, pdf: Path, profile: Path) -> None:
    subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
         page.as_uri()],
        capture_output=True, check=True, timeout=120,
    )


def pdf_text(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["A4", "letter"])
def test_chromium_prints_each_sheet_as_a_legible_handout(
    builtin: Catalogue, tmp_path: Path, paper: str
) -> None:
    chromium = need_program("chromium")
    need_program("pdfinfo")
    need_program("pdftotext")
    continued = 0
    for name in ROUTINES:
        # the person's choice of paper in the print dialogue
        body = html(built(builtin, name)).replace("</style>", f"@page {{ size: {paper}; }}</style>")
        page = tmp_path / f"{name}.html"
        page.write_text(body)
        pdf = tmp_path / f"{name}-{paper}.pdf"
        print_pdf(chromium, page, pdf, tmp_path / "profile")
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
        assert pages == PAGES[name][0 if paper == "A4" else 1] <= BUDGET[name], (name, paper)
        assert f"({'A4' if paper == 'A4' else 'letter'})" in info
        everything = pdf_text(pdf)
        assert "file:" not in everything and ".html" not in everything  # no browser footer
        assert "· stretch" not in everything and not BROWSER_DATE.search(everything)  # header
        assert f"Page {pages} of {pages}" in everything  # the sheet's own page numbers
        flat = re.sub(r"-\s+", "-", " ".join(everything.split()))
        for move in builtin.routines[name].moves:
            assert move.name in flat, (name, paper, move.name)
        first = " ".join(pdf_text(pdf, "-raw", "-f", "1", "-l", "1").split())
        assert_safety(html_unescape(first))  # the whole safety note on page 1
        heights = [float(low) - float(high) for high, low, _ in
                   WORD_BOX.findall(pdf_text(pdf, "-bbox"))]
        assert statistics.median(heights) >= MIN_MEDIAN_WORD_HEIGHT, (name, paper)
        continued += assert_every_card_part_under_its_name(pdf, built(builtin, name))
    assert continued  # some card went on in the next column, so its repeated name was seen
