"""The figures on paper: every drawing printed at least 40 mm wide (measured in the page
Chromium prints), and every card of a sided move saying which side it shows."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rich.console import Console

from stretch.catalogue.load import load_catalogue
from stretch.model import Catalogue
from stretch.poses import SIDE_SHOWN
from stretch.sheet import model as sheets
from stretch.sheet.html import FIGURE_MM, PAIR_MM, html
from stretch.sheet.terminal import terminal
from tests.conftest import DEFAULTS, need_program, write_user_file
from tests.test_sheet import ROUTINES, print_pdf

MIN_MM = 40.0  # the issue's floor for a drawing's printed width
DPI = 100  # pdftoppm's resolution: a pixel is 0.254 mm
MAGENTA = "#ff00ff"  # painted behind each drawing in the test's copy of a page, to find it
CYAN = "#00ffff"  # and behind each second view (an inset), told apart from the drawings
MERGE = 12  # pixels: a white edge inside a drawing breaks its colour for less than this


def every_move(catalogue: Catalogue) -> str:
    """A routine of all the built-in moves, so every figure is printed."""
    items = "".join(f"      - move: {move}\n" for move in catalogue.moves)
    return f"routines:\n  every-move:\n    title: Every move\n    items:\n{items}"


def cards(page: str) -> list[ET.Element]:
    return [ET.fromstring(card)
            for card in re.findall(r'<article class="move">.*?</article>', page)]


@pytest.mark.parametrize("name", ROUTINES)
def test_every_card_of_a_sided_move_says_which_side_is_drawn(builtin: Catalogue,
                                                             name: str) -> None:
    sheet = sheets.build(builtin.routines[name], builtin, DEFAULTS)
    found = cards(html(sheet))
    assert len(found) == len(sheet.entries)
    for entry, card in zip(sheet.entries, found, strict=True):
        sides = [p.text for p in card.iter("p") if p.get("class") == "side"]
        assert sides == ([SIDE_SHOWN] if entry.move.sided else []), entry.move.id
    console = Console(width=80, record=True, color_system=None)
    console.print(terminal(sheet))
    shown = " ".join(console.export_text().split())
    sided = sum(1 for entry in sheet.entries if entry.move.sided)
    assert shown.count(SIDE_SHOWN) == sided


def test_every_drawing_asks_for_at_least_40_mm_of_paper(builtin: Catalogue) -> None:
    widths = [float(svg.get("width", "0mm").removesuffix("mm"))
              for name in ROUTINES
              for card in cards(html(sheets.build(builtin.routines[name], builtin, DEFAULTS)))
              for drawing in card.iter("div") if "drawing" in drawing.get("class", "")
              for svg in drawing.iter("svg") if svg not in insets(drawing)]
    assert widths and min(widths) >= MIN_MM
    assert set(widths) == {FIGURE_MM, PAIR_MM}  # beside the words; two across a card


def insets(drawing: ET.Element) -> list[ET.Element]:
    """The second views under a drawing: smaller than 40 mm on purpose."""
    return [svg for inset in drawing.iter("figure") for svg in inset.iter("svg")]


def drawings_printed(pdf: Path, tmp: Path, colour: str = MAGENTA
                     ) -> list[tuple[int, float, float]]:
    """(page, width mm, height mm) of each box of `colour` (MAGENTA or CYAN) on the
    printed pages."""
    if not any(tmp.glob("page-*.ppm")):
        subprocess.run(["pdftoppm", "-r", str(DPI), str(pdf), str(tmp / "page")], check=True)
    found = []
    for number, image in enumerate(sorted(tmp.glob("page-*.ppm")), start=1):
        found += [(number, w * 25.4 / DPI, h * 25.4 / DPI)
                  for w, h in boxes(image.read_bytes(), colour)]
    return found


def boxes(ppm: bytes, colour: str) -> list[tuple[int, int]]:
    """The width and height in pixels of each area of a P6 image painted `colour`, a pure
    colour such as MAGENTA or CYAN: its full channels high, the others low."""
    on = [channel == 0xFF for channel in bytes.fromhex(colour.removeprefix("#"))]
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", ppm)
    assert header is not None
    width, height = int(header.group(1)), int(header.group(2))
    data = ppm[header.end():]
    open_boxes: list[list[int]] = []  # x0, x1, y0, y1
    closed: list[list[int]] = []
    for y in range(height):
        row = data[y * width * 3:(y + 1) * width * 3]
        spans = runs([all(c > 200 if full else c < 80 for c, full in zip(rgb, on, strict=True))
                      for rgb in zip(row[0::3], row[1::3], row[2::3], strict=True)])
        still = []
        for box in open_boxes:
            touching = [s for s in spans if s[0] <= box[1] + MERGE and s[1] >= box[0] - MERGE]
            if touching:
                box[0] = min(box[0], *(s[0] for s in touching))
                box[1] = max(box[1], *(s[1] for s in touching))
                box[3] = y
                spans = [s for s in spans if s not in touching]
            if y - box[3] <= MERGE:  # a line across a drawing (its floor) does not end it
                still.append(box)
            else:
                closed.append(box)
        open_boxes = still + [[a, b, y, y] for a, b in spans]
    return [(x1 - x0 + 1, y1 - y0 + 1) for x0, x1, y0, y1 in closed + open_boxes]


def runs(mask: list[bool]) -> list[tuple[int, int]]:
    """Stretches of set pixels, those less than MERGE apart joined."""
    out: list[tuple[int, int]] = []
    for x, on in enumerate(mask):
        if not on:
            continue
        if out and x - out[-1][1] <= MERGE:
            out[-1] = (out[-1][0], x)
        else:
            out.append((x, x))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["A4", "letter"])
def test_chromium_prints_every_figure_at_least_40_mm_wide(
        stretch_home: Path, tmp_path: Path, paper: str) -> None:
    """Every built-in figure, printed by Chromium on A4 and Letter, measured on the page:
    each drawing (a hold's, and each of a counted move's two) at least 40 mm wide, a
    hold's 45 mm, and no drawing shrunk by the browser to fit; a second view (an inset)
    printed at the smaller size it asks for."""
    chromium = need_program("chromium")
    need_program("pdftoppm")
    builtin = load_catalogue(user_dir=None)
    write_user_file(stretch_home, "every.yaml", every_move(builtin))
    catalogue = load_catalogue(user_dir=stretch_home / "routines")
    sheet = sheets.build(catalogue.routines["every-move"], catalogue, DEFAULTS)
    marked = html(sheet).replace(
        "</style>", f"svg.figure {{ background: {MAGENTA}; }} .inset svg.figure {{ background: "
        f"{CYAN}; }} @page {{ size: {paper}; }}</style>")
    page = tmp_path / "every.html"
    page.write_text(marked)
    pdf = tmp_path / "every.pdf"
    print_pdf(chromium, page, pdf, tmp_path / "profile")
    printed = drawings_printed(pdf, tmp_path)
    figures = [e.move.figure for e in sheet.entries if e.move.figure is not None]
    expected = len(figures) + len([f for f in figures if f.counted])
    assert len(printed) == expected == 35  # 17 holds, and 9 counted moves drawn twice
    widths = [width for _, width, _ in printed]
    assert min(widths) >= MIN_MM, printed
    # each exactly as asked for (45 mm beside the words, 41 mm in a pair): never shrunk
    assert all(min(abs(w - FIGURE_MM), abs(w - PAIR_MM)) < 0.6 for w in widths), printed
    assert len([w for w in widths if abs(w - FIGURE_MM) < 0.6]) >= 14  # every hold's: 45 mm
    # each second view printed as small as asked, and never shrunk further
    asked = sorted(float(svg.get("width", "0mm").removesuffix("mm"))
                   for card in cards(html(sheet)) for svg in insets(card))
    assert len(asked) == len([f for f in figures if f.inset]) >= 1
    shown = sorted(width for _, width, _ in drawings_printed(pdf, tmp_path, CYAN))
    assert len(shown) == len(asked), shown
    assert all(abs(a - b) < 0.6 for a, b in zip(asked, shown, strict=True)), (asked, shown)
