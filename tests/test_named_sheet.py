"""The sheet for a clinician: the person, the clinician, the review date and a note at its
top, taken literally in every form, and the date its doses are from on every printed page."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.cli import app
from stretch.model import Catalogue
from stretch.sheet import model as sheets
from stretch.sheet.html import html
from tests.conftest import DEFAULTS, freeze_now, need_program
from tests.test_sheet import PAGES, ROUTINES, pdf_text, print_pdf

NOW = datetime(2026, 12, 7, 18, 0, tzinfo=UTC)
HOSTILE = '</style><script>alert("x")</script> & [b]bold[/b] *star* `tick` <i>'
NAMED = ["--for", "Alex Morgan", "--by", "Sam Patel, physiotherapist", "--review",
         "2027-01-04", "--note", "Stop the pigeon if the knee aches; walk for ten minutes "
         "first and keep the core work gentle this week."]


def sheet(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, ["sheet", "hip-reset", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(autouse=True)
def monday_evening(monkeypatch: pytest.MonkeyPatch) -> None:
    freeze_now(monkeypatch, NOW)


def test_the_top_of_the_sheet_names_the_person_and_the_clinician(runner: CliRunner) -> None:
    top = sheet(runner, *NAMED, "-f", "text").split("HIP RESET")[0]
    assert top == ("For: Alex Morgan\nGiven by: Sam Patel, physiotherapist\n"
                   "Review: Monday 4 January 2027\nNote: Stop the pigeon if the knee aches; walk "
                   "for ten minutes first and keep\n  the core work gentle this week.\n\n")
    for form in ("markdown", "html", "terminal"):
        shown = " ".join(sheet(runner, *NAMED, "-f", form).split())
        for words in ("Alex Morgan", "Sam Patel, physiotherapist", "Monday 4 January 2027"):
            assert words.replace(",", "\\,") in shown or words in shown, (form, words)
    plain = sheet(runner, "-f", "text")
    assert plain.startswith("HIP RESET\n")  # nothing given: nothing at the top


def test_every_sheet_says_the_date_of_its_doses(runner: CliRunner) -> None:
    line = ("Doses as of 7 December 2026: print this sheet again when stretch says a dose has "
            "changed (stretch sheet hip-reset).")
    for form in ("text", "markdown", "terminal", "html"):
        assert line in " ".join(sheet(runner, "-f", form).split()), form
    page = sheet(runner, "-f", "html")
    assert ('@bottom-left { content: "Doses as of 7 December 2026\\3a  print this sheet again '
            'when stretch says a dose has changed\\2e "') in page


def test_name_in_the_config_is_who_the_sheet_is_for(runner: CliRunner,
                                                    stretch_home: Path) -> None:
    (stretch_home / "config.toml").write_text('name = "Alex Morgan"\n')
    assert sheet(runner, "-f", "text").startswith("For: Alex Morgan\n\nHIP RESET")
    assert sheet(runner, "-f", "text", "--for", "Jo").startswith("For: Jo\n\nHIP RESET")
    (stretch_home / "config.toml").write_text("name = 3\n")
    result = runner.invoke(app, ["sheet", "hip-reset"])
    assert result.exit_code == 1
    assert result.stderr.endswith('name: expected text in quotes, like "Alex Morgan", got 3\n')


def test_what_the_sheet_is_given_is_escaped_in_every_form(runner: CliRunner) -> None:
    given = ["--for", HOSTILE, "--by", HOSTILE, "--note", HOSTILE + "\x1b[31m"]
    page = sheet(runner, *given, "-f", "html")
    top = page.split("<h1>")[0].split("<body>")[1]
    assert "<script>" not in page and "</style><" not in page and "<i>" not in top
    assert "&lt;/style&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; [b]bold" in page
    assert "\x1b" not in page
    marked = sheet(runner, *given, "-f", "markdown").split("# Hip reset")[0]
    assert ('\\</style\\>\\<script\\>alert\\("x"\\)\\</script\\> & \\[b\\]bold\\[/b\\] '
            "\\*star\\* \\`tick\\` \\<i\\>") in marked
    text = sheet(runner, *given, "-f", "text").split("HIP RESET")[0]
    assert f"For: {HOSTILE}" in text and "\\x1b[31m" in text and "\x1b" not in text
    terminal = sheet(runner, *given, "-f", "terminal")
    assert "[b]bold[/b]" in terminal and "\x1b" not in terminal


def test_a_review_date_must_be_a_date(runner: CliRunner) -> None:
    result = runner.invoke(app, ["sheet", "hip-reset", "--review", "next week"])
    assert result.exit_code == 2
    assert "a date like 2026-12-07 (or today, yesterday), got 'next week'" in result.stderr


def test_a_dose_change_says_to_print_the_sheet_again(runner: CliRunner,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    rated = ["--pain-before", "3", "--pain-after", "3"]
    for days in (2, 1, 0):
        freeze_now(monkeypatch, NOW - timedelta(days=days))
        result = runner.invoke(app, ["run", "core-and-hips", *rated])
        assert result.exit_code == 0
    lines = result.stdout.splitlines()
    changed = [n for n, line in enumerate(lines) if "your last two sessions went well" in line]
    assert changed
    after = " ".join(" ".join(lines[changed[-1] + 1:changed[-1] + 3]).split())
    assert after.startswith("A printed sheet shows the doses before this change: print it "
                            "again with stretch sheet core-and-hips.")


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["A4", "letter"])
def test_a_named_sheet_prints_on_as_many_pages_with_its_date_on_each(
        builtin: Catalogue, tmp_path: Path, paper: str) -> None:
    chromium = need_program("chromium")
    need_program("pdfinfo")
    # a note of a line sits beside the facts and costs no page (a longer one may)
    handout = sheets.Handout(person="Alex Morgan", clinician="Sam Patel, physiotherapist",
                             review=date(2027, 1, 4), note="Keep the core work gentle this week.",
                             dated=date(2026, 12, 7))
    for name in ROUTINES:
        built = sheets.build(builtin.routines[name], builtin, DEFAULTS, handout)
        page = tmp_path / f"{name}.html"
        page.write_text(html(built).replace("</style>", f"@page {{ size: {paper}; }}</style>"))
        pdf = tmp_path / f"{name}-{paper}.pdf"
        print_pdf(chromium, page, pdf, tmp_path / "profile")
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
        assert pages == PAGES[name][0 if paper == "A4" else 1], (name, paper)
        first = " ".join(pdf_text(pdf, "-f", "1", "-l", "1").split())
        assert first.startswith("For: Alex Morgan Given by: Sam Patel, physiotherapist "
                                "Review: Monday 4 January 2027 "), name
        assert "Note: Keep the core work gentle this week." in first
        for number in range(1, pages + 1):
            each = " ".join(pdf_text(pdf, "-f", str(number), "-l", str(number)).split())
            assert ("Doses as of 7 December 2026: print this sheet again when stretch says a "
                    "dose has changed.") in each, (name, paper, number)
