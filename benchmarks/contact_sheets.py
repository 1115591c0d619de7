"""Contact sheets of every built-in figure, to look at as a beginner would (issue 22).

- `svg-N.png`: each move's SVG at its printed size (as the sheet prints it), left side,
  printed to PDF by Chromium and rasterised by pdftoppm at 150 dpi;
- `braille-100x32-N.png`, `braille-200x55-N.png`: the live screen captured from tmux at
  each size, for every move (a counted one at its start and its end), colours included;
- `sheet-ROUTINE-PAPER.png` (with --sheets): each routine's printed sheet, page by page.

Run: python benchmarks/contact_sheets.py [OUT] [--sheets]   (default OUT: /tmp/stretch-contact)
Needs chromium, pdftoppm and tmux; nothing is written inside the project.
"""

from __future__ import annotations

import argparse
import html
import io
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from common import quiet_env, stretch_command

from stretch.catalogue.load import load_catalogue
from stretch.figures import svg
from stretch.model import Move, Step
from stretch.poses import Frame
from stretch.session.motion import phases
from stretch.sheet.html import FIGURE_MM

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
    """Every figure at print size, in a grid, named, each frame of a counted one."""
    catalogue = load_catalogue(user_dir=None)
    cells = []
    for move in catalogue.moves.values():
        if move.figure is None:
            continue
        frames: tuple[Frame | None, ...] = ("start", "end") if move.figure.counted else (None,)
        drawn = "".join(svg.render(move.figure, moment=f, side="left", title=move.name,
                                   width_mm=FIGURE_MM)
                        for f in frames)
        cells.append(f"<figure><figcaption>{html.escape(move.name)} ({move.id})"
                     f"</figcaption>{drawn}</figure>")
    page = out / "svg.html"
    page.write_text(
        "<!doctype html><meta charset=utf-8><style>@page { size: A4; margin: 8mm }"
        "body { font: 9pt sans-serif; display: grid; grid-template-columns: 1fr 1fr;"
        " gap: 4mm } figure { margin: 0; break-inside: avoid; border: .3mm solid #ccc;"
        " padding: 1mm } svg { margin: 1mm }"
        "</style>" + "".join(cells))
    chromium_pdf(page, out / "svg.pdf")
    to_png(out / "svg.pdf", out / "svg")


ALL = """routines:
  every-move:
    title: Every move
    rest: 5
    items:
"""


def tmux(socket: str, *args: str) -> str:
    return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True,
                          check=False).stdout


def braille_sheets(out: Path) -> None:
    """Run a routine of every move live in tmux at each size; capture each move paused."""
    catalogue = load_catalogue(user_dir=None)
    moves = [m for m in catalogue.moves.values() if m.figure is not None]
    env = quiet_env()
    home = Path(env["STRETCH_HOME"])
    (home / "routines").mkdir(parents=True, exist_ok=True)
    (home / "routines" / "all.yaml").write_text(
        ALL + "".join(f"      - move: {m.id}\n        reps: 1\n" for m in moves))
    (home / "config.toml").write_text("checkin = false\nbell = false\n")
    subprocess.run([*stretch_command(), "run", "desk-break", "--plain", "--speed", "1000"],
                   env=env, capture_output=True, check=True)  # no first-time safety prompt
    for width, height in SIZES:
        shots = capture_all(env, moves, width, height)
        per = PER_PAGE[width]
        for n in range(0, len(shots), per):
            write_capture_png(out / f"braille-{width}x{height}-{n // per + 1}", shots[n:n + per],
                              width)


def capture_all(env: dict[str, str], moves: list[Move], width: int, height: int
                ) -> list[tuple[str, str]]:
    """(label, screen with escapes) for each move: paused as its first step starts, and a
    counted one again paused in the middle of its first rep (the end pose)."""
    socket = f"stretch-contact-{os.getpid()}-{width}"
    command = " ".join([*stretch_command(), "run", "every-move", "--speed", f"{SPEED:g}"])
    exports = " ".join(f"{k}={v}" for k, v in (("STRETCH_HOME", env["STRETCH_HOME"]),
                                                ("TERM", "xterm-256color")))
    tmux(socket, "new-session", "-d", "-s", "m", "-x", str(width), "-y", str(height),
         f"env -u COLUMNS -u LINES {exports} {command}; sleep 600")
    tmux(socket, "set-option", "-g", "status", "off")
    shots: list[tuple[str, str]] = []
    try:
        for move in moves:
            name, tempo = move.name, move.tempo
            wait_until(socket, lambda s, n=name: f"{n} ·" in s.splitlines()[1])
            tmux(socket, "send-keys", "-t", "m", " ")
            shots.append((f"{name}: start" if tempo else name, settled(socket)))
            if tempo:
                # the middle of the first rep's still part (or the top of a rep with none)
                out, still, _ = phases(Step(kind="count", label=name, seconds=tempo,
                                            move=move, tempo=tempo))
                tmux(socket, "send-keys", "-t", "m", " ")
                time.sleep((out + still / 2) / SPEED)
                tmux(socket, "send-keys", "-t", "m", " ")
                shots.append((f"{name}: end", settled(socket)))
            tmux(socket, "send-keys", "-t", "m", " ")
            skip_to_next_move(socket, name)
    finally:
        tmux(socket, "kill-server")
    return shots


def skip_to_next_move(socket: str, name: str) -> None:
    """Press n until the screen shows a step that is not this move's."""
    for _ in range(40):
        tmux(socket, "send-keys", "-t", "m", "n")
        time.sleep(0.15)
        lines = tmux(socket, "capture-pane", "-p", "-t", "m").splitlines()
        if len(lines) > 1 and f"{name} ·" not in lines[1] and "·" in lines[1]:
            return


def wait_until(socket: str, seen: object, timeout: float = 60.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = tmux(socket, "capture-pane", "-p", "-t", "m")
        lines = screen.splitlines()
        if len(lines) < 2 or "·" not in lines[1]:  # not started yet, or mid-frame
            time.sleep(0.1)
            continue
        if seen(screen):  # type: ignore[operator]
            return screen
        tmux(socket, "send-keys", "-t", "m", "n")
        time.sleep(0.3)
    raise SystemExit(f"timed out; the screen was:\n{screen}")


def settled(socket: str) -> str:
    last = ""
    while True:
        time.sleep(0.3)
        screen = tmux(socket, "capture-pane", "-p", "-e", "-t", "m")
        if screen == last:
            return screen
        last = screen


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
        parts.append(f"<h2>{html.escape(label)}</h2><pre>{inner}</pre>")
    page = stem.with_suffix(".html")
    page.write_text(
        "<!doctype html><meta charset=utf-8><style>body { background: #333; color: #eee;"
        " font: 14px sans-serif; margin: 8px; display: flex; flex-wrap: wrap; gap: 12px }"
        " h2 { font-size: 14px; margin: 0; width: 100% } pre { background: #000;"
        " color: #ddd; font: 14px/1.0 'DejaVu Sans Mono', monospace; margin: 0;"
        " padding: 4px }</style>" + "".join(f"<div>{p}</div>" for p in parts))
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
    for name in ("hip-reset", "desk-break", "core-and-hips", "full-session"):
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
