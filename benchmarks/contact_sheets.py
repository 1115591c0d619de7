"""Contact sheets of every built-in figure, to look at as a beginner would (issue 22).

- `svg-N.png`: each move's drawing as the sheet prints it (by the sheet's own code: its
  size, a counted move's start and end with the arrow between, the side shown), printed
  to PDF by Chromium and rasterised by pdftoppm at 150 dpi;
- `braille-100x32-N.png`, `braille-200x55-N.png`: the live screen at each size, drawn
  by the live view's own code, for every move as written (a counted one at its start and
  its end), colours included (the live view itself is tested in tmux);
- `sheet-ROUTINE-PAPER.png` (with --sheets): each routine's printed sheet, page by page.

Run: python benchmarks/contact_sheets.py [OUT] [--sheets]   (default OUT: /tmp/stretch-contact)
Needs chromium and pdftoppm; nothing is written inside the project.
"""

from __future__ import annotations

import argparse
import html
import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from common import quiet_env, stretch_command

from stretch.catalogue.load import load_catalogue
from stretch.model import Move
from stretch.session.engine import Session
from stretch.session.motion import phases
from stretch.sheet.css import CSS
from stretch.sheet.html import drawing

CHROMIUM = ("chromium", "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--no-first-run")
SIZES = ((100, 32), (200, 55))
SPEED = 1.0  # real time: a counted move is caught at the top of its first rep
PER_PAGE = {100: 6, 200: 2}  # captures per PNG


def chromium_pdf(page: Path, pdf: Path) -> None:
    profile = tempfile.mkdtemp(prefix="stretch-chromium-")
    subprocess.run([*CHROMIUM, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
                    "--no-pdf-header-footer", page.as_uri()], capture_output=True, check=True,
                   timeout=120)
    shutil.rmtree(profile, ignore_errors=True)


def to_png(pdf: Path, stem: Path, dpi: int = 150) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(stem)], check=True)


def svg_sheet(out: Path) -> None:
    """Every figure drawn as the sheet draws it (its size, a counted move's two frames
    and the arrow between, the side it shows), in a grid, named."""
    catalogue = load_catalogue(user_dir=None)
    cells = [f'<figure class="move"><figcaption>{html.escape(move.name)} ({move.id})'
             f"</figcaption>{drawing(move)}</figure>"
             for move in catalogue.moves.values() if move.figure is not None]
    page = out / "svg.html"
    page.write_text(
        f"<!doctype html><meta charset=utf-8><style>{CSS}@page {{ size: A4; margin: 8mm }}"
        "body { font: 9pt sans-serif; display: grid; grid-template-columns: 1fr 1fr;"
        " gap: 4mm; background: #fff } figure.move { margin: 0; break-inside: avoid;"
        " border: .3mm solid #ccc; padding: 1mm } .move .drawing { float: none }"
        "</style>" + "".join(cells))
    chromium_pdf(page, out / "svg.pdf")
    to_png(out / "svg.pdf", out / "svg")


class Clock:
    """The session's clock, moved by hand: the screen at an exact moment."""

    def __init__(self) -> None:
        self.t = 0.0
        self.speed = 1.0

    def now(self) -> float:
        return self.t

    def sleep_until(self, t: float) -> None:
        self.t = max(self.t, t)

    def real_seconds_until(self, t: float) -> float:
        return max(0.0, t - self.t)


def braille_sheets(out: Path) -> None:
    """Every move's live screen at each size, drawn by the live view's own `frame()`: the
    move as written (a routine's ladder would run a beginner's easier version in its
    place), its first step, and a counted one again at the top of its first rep."""
    catalogue = load_catalogue(user_dir=None)
    moves = [m for m in catalogue.moves.values() if m.figure is not None]
    for width, height in SIZES:
        shots = [shot for move in moves for shot in screens(move, width, height)]
        per = PER_PAGE[width]
        for n in range(0, len(shots), per):
            write_capture_png(out / f"braille-{width}x{height}-{n // per + 1}", shots[n:n + per],
                              width)


def screens(move: Move, width: int, height: int) -> list[tuple[str, str]]:
    """(label, the screen with its colours as escape codes) for one move."""
    from dataclasses import replace

    from stretch.model import Item, Routine
    from stretch.plan import timed_steps
    from stretch.settings import Values

    routine = Routine(id="every-move", title="Every move", summary="", rest=None, items=(
        Item(move=move, hold=move.hold, reps=1, tempo=move.tempo),))
    clock = Clock()
    session = Session(timed_steps(routine, Values().timings()), clock)
    session.start()
    clock.t += session.step.seconds  # past getting ready
    session.poll()
    shots = [(f"{move.name}: start" if move.tempo else move.name, screen(session, width, height))]
    if move.tempo:
        step = session.step
        out, still, _ = phases(replace(step, seconds=move.tempo))
        clock.t += out + still / 2  # the middle of the first rep's still part
        session.poll()
        shots.append((f"{move.name}: end", screen(session, width, height)))
    return shots


def screen(session: Session, width: int, height: int) -> str:
    from rich.console import Console, Group

    from stretch.session.view import View, frame

    out = io.StringIO()
    console = Console(width=width, height=height, force_terminal=True,
                      color_system="truecolor", file=out)
    console.print(Group(*frame(session, View("Every move"), width=width, height=height)),
                  end="")
    return out.getvalue()


def one_cell_each(code: str) -> str:
    """Every character of exported terminal HTML in a box one cell wide, as a terminal
    draws it: a monospace font without braille (DejaVu Sans Mono) borrows the braille
    from a proportional one, whose wider dots would push a figure's columns apart on
    every row with fewer blanks, and distort it."""
    def cells(text: str) -> str:
        return "".join(c if c == "\n" else f"<i>{c}</i>"
                       for c in re.findall(r"&#?\w+;|.", text, re.S))

    return re.sub(r">([^<]+)<", lambda m: f">{cells(m.group(1))}<", f">{code}<")[1:-1]


def write_capture_png(stem: Path, shots: list[tuple[str, str]], width: int) -> None:
    """The captures as terminal screens (white on black, their colours kept) in one PNG."""
    from rich.console import Console
    from rich.terminal_theme import MONOKAI
    from rich.text import Text

    parts = []
    for label, screen in shots:
        console = Console(record=True, width=width, force_terminal=True,
                          color_system="truecolor", file=io.StringIO())
        console.print(Text.from_ansi(screen.rstrip("\n")), no_wrap=True, crop=True)
        inner = console.export_html(theme=MONOKAI, inline_styles=True, code_format="{code}")
        parts.append(f"<h2>{html.escape(label)}</h2><pre>{one_cell_each(inner)}</pre>")
    page = stem.with_suffix(".html")
    page.write_text(
        "<!doctype html><meta charset=utf-8><style>body { background: #333; color: #eee;"
        " font: 14px sans-serif; margin: 8px; display: flex; flex-wrap: wrap; gap: 12px }"
        " h2 { font-size: 14px; margin: 0; width: 100% } pre { background: #000;"
        " color: #ddd; font: 14px/1.0 'DejaVu Sans Mono', monospace; margin: 0;"
        " padding: 4px } pre i { display: inline-block; width: 1ch; font-style: normal;"
        " overflow: hidden; vertical-align: top }</style>"
        + "".join(f"<div>{p}</div>" for p in parts))
    cols = 2 if width == 100 else 1
    px_w = int(width * 8.5 * cols + 60)
    px_h = int((32 if width == 100 else 55) * 16.5 * -(-len(shots) // cols) + 40 * len(shots))
    profile = tempfile.mkdtemp(prefix="stretch-chromium-")
    subprocess.run([*CHROMIUM, f"--user-data-dir={profile}", f"--window-size={px_w},{px_h}",
                    f"--screenshot={stem.with_suffix('.png')}", page.as_uri()],
                   capture_output=True, check=True, timeout=120)
    shutil.rmtree(profile, ignore_errors=True)


def sheets(out: Path) -> None:
    """Each routine's sheet printed on A4 and Letter, page by page."""
    env = quiet_env()
    for name in ("hip-reset", "desk-break", "core-and-hips", "evening-hips", "full-session"):
        body = subprocess.run([*stretch_command(), "sheet", name, "--format", "html"], env=env,
                              capture_output=True, text=True, check=True).stdout
        for paper in ("A4", "letter"):
            page = out / f"sheet-{name}-{paper}.html"
            page.write_text(body.replace("</style>", f"@page {{ size: {paper}; }}</style>"))
            chromium_pdf(page, page.with_suffix(".pdf"))
            to_png(page.with_suffix(".pdf"), out / f"sheet-{name}-{paper}", dpi=100)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", type=Path, default=Path("/tmp/stretch-contact"))
    parser.add_argument("--sheets", action="store_true", help="also print every routine sheet")
    parser.add_argument("--only", choices=("svg", "braille", "sheets"))
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    if options.only in (None, "svg"):
        svg_sheet(options.out)
    if options.only in (None, "braille"):
        braille_sheets(options.out)
    if options.sheets or options.only == "sheets":
        sheets(options.out)
    print(f"contact sheets in {options.out}")


if __name__ == "__main__":
    main()
