"""The routine sheet in every form, written safely, and printed by a real browser."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from stretch.cli import app
from stretch.model import Catalogue
from stretch.sheet import model as sheets
from stretch.sheet.html import html
from stretch.sheet.markdown import markdown
from stretch.sheet.plain import plain
from stretch.sheet.render import render
from tests.conftest import DEFAULTS, need_program

ROUTINES = ("hip-reset", "desk-break", "core-and-hips", "full-session")
ESCAPE = re.compile(r"\x1b")


def built(catalogue: Catalogue, name: str) -> sheets.Sheet:
    return sheets.build(catalogue.routines[name], catalogue, DEFAULTS)


def assert_has_everything(body: str, catalogue: Catalogue, name: str) -> None:
    # panel borders and the figures' braille and arrows are not words
    flat = " ".join(re.sub(r"[│╭╮╰╯─\u2800-\u28ff↓→]", " ", body).split())
    routine = catalogue.routines[name]
    assert routine.title.lower() in flat.lower()
    for move in routine.moves:
        assert move.name in flat
        assert move.cues[0] in flat
    for avoided in catalogue.avoid.values():
        assert avoided.name in flat
    assert "Why hips, not the lower back".lower() in flat.lower()
    assert "get urgent medical help" in flat.lower()


@pytest.mark.parametrize("name", ROUTINES)
def test_text_form_is_plain_and_fits_80_columns(builtin: Catalogue, name: str) -> None:
    body = plain(built(builtin, name))
    assert not ESCAPE.search(body)
    assert max(len(line) for line in body.splitlines()) <= 80
    assert_has_everything(body, builtin, name)
    assert "[ ] left  [ ] right" in body and "week 4" in body


def test_text_form_shows_the_dose_per_side(builtin: Catalogue) -> None:
    body = plain(built(builtin, "hip-reset"))
    assert "gluteal   left  120 s   right  120 s" in body
    assert "psoas     left   60 s   right   60 s" in body
    assert "1. Supine figure-four stretch  (gluteal · supine · 30 s x 2 per side)" in body
    exercises = plain(built(builtin, "core-and-hips"))
    assert "1. Glute bridge  (hip · supine · 10 reps x 4 s, 2 sets)" in exercises
    assert "No stretch holds in this routine" in exercises


@pytest.mark.parametrize("name", ROUTINES)
def test_markdown_form_has_headings_and_tables(builtin: Catalogue, name: str) -> None:
    body = markdown(built(builtin, name))
    assert body.startswith(f"# {builtin.routines[name].title}\n")
    assert "## The moves" in body and "## Safety" in body
    assert "| move | left | right |\n|---|:---:|:---:|" in body
    assert "| week | Mon | Tue | Wed | Thu | Fri | Sat | Sun |" in body
    assert_has_everything(body, builtin, name)


@pytest.mark.parametrize("name", ROUTINES)
def test_html_form_is_self_contained(builtin: Catalogue, name: str) -> None:
    body = html(built(builtin, name))
    assert body.startswith("<!doctype html>")
    lowered = body.lower()
    for forbidden in ("<script", "http://", "https://", "src=", "@import", "url(", "<link"):
        assert forbidden not in lowered
    assert "@media print" in body and "@page" in body
    assert_has_everything(re.sub(r"<[^>]+>", " ", body), builtin, name)


def test_html_escapes_user_text(builtin: Catalogue) -> None:
    from dataclasses import replace

    routine = replace(builtin.routines["desk-break"], title="<b>Mine</b> & yours")
    body = html(sheets.build(routine, builtin, DEFAULTS))
    assert "&lt;b&gt;Mine&lt;/b&gt; &amp; yours" in body and "<b>Mine</b>" not in body


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
    assert runner.invoke(app, ["sheet", "hip-rest"]).exit_code == 2


# --- a real browser ------------------------------------------------------------------

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-pdf-header-footer")
PAGE_LIMITS = {"hip-reset": 1, "desk-break": 1, "core-and-hips": 1, "full-session": 2}


def print_pdf(chromium: str, page: Path, pdf: Path, profile: Path) -> None:
    subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
         page.as_uri()],
        capture_output=True, check=True, timeout=120,
    )


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["A4", "letter"])
def test_chromium_prints_each_sheet_on_its_page_budget(
    builtin: Catalogue, tmp_path: Path, paper: str
) -> None:
    chromium = need_program("chromium")
    need_program("pdfinfo")
    need_program("pdftotext")
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
        assert 1 <= pages <= PAGE_LIMITS[name], (name, paper, pages)
        expected_size = "A4" if paper == "A4" else "letter"
        assert f"({expected_size})" in info
        extracted = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout
        flat = re.sub(r"-\s+", "-", " ".join(extracted.split()))
        for move in builtin.routines[name].moves:
            assert move.name in flat, (name, paper, move.name)
