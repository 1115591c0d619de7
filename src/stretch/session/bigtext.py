"""Large digits and letters in block characters, readable from the floor two metres away.

Digits scale smoothly to any height: each is drawn on a 3 x 5 grid whose rows and
columns alternate between strokes and counters (the holes), and the grid is stretched
to the pixels wanted, so strokes stay even at every size. Letters come from a small
3 x 5 pixel font scaled by whole steps. A pixel is half a character cell tall (the
upper and lower half blocks), which makes it about square in common terminal fonts.
Only full and half blocks are used: braille belongs to the figures, so the two never mix.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

# Digits on a grid of (stroke, counter, stroke) columns and (s, c, s, c, s) rows.
DIGITS = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
}
ONE = ("##", ".#", ".#", ".#", ".#")  # a flag and a stem: narrower than the others

# Letters as 3 x 5 pixels (M, N and W need more room).
LETTERS = {
    "A": ("###", "#.#", "###", "#.#", "#.#"), "B": ("##.", "#.#", "##.", "#.#", "##."),
    "C": ("###", "#..", "#..", "#..", "###"), "D": ("##.", "#.#", "#.#", "#.#", "##."),
    "E": ("###", "#..", "##.", "#..", "###"), "F": ("###", "#..", "##.", "#..", "#.."),
    "G": ("###", "#..", "#.#", "#.#", "###"), "H": ("#.#", "#.#", "###", "#.#", "#.#"),
    "I": ("###", ".#.", ".#.", ".#.", "###"), "J": ("..#", "..#", "..#", "#.#", "###"),
    "K": ("#.#", "#.#", "##.", "#.#", "#.#"), "L": ("#..", "#..", "#..", "#..", "###"),
    "M": ("#...#", "##.##", "#.#.#", "#...#", "#...#"),
    "N": ("#..#", "##.#", "#.##", "#..#", "#..#"),
    "O": ("###", "#.#", "#.#", "#.#", "###"), "P": ("###", "#.#", "###", "#..", "#.."),
    "Q": ("###", "#.#", "#.#", "###", "..#"), "R": ("###", "#.#", "##.", "#.#", "#.#"),
    "S": ("###", "#..", "###", "..#", "###"), "T": ("###", ".#.", ".#.", ".#.", ".#."),
    "U": ("#.#", "#.#", "#.#", "#.#", "###"), "V": ("#.#", "#.#", "#.#", "#.#", ".#."),
    "W": ("#...#", "#...#", "#.#.#", "##.##", "#...#"),
    "X": ("#.#", "#.#", ".#.", "#.#", "#.#"), "Y": ("#.#", "#.#", ".#.", ".#.", ".#."),
    "Z": ("###", "..#", ".#.", "#..", "###"),
    "◀": ("..#", ".##", "###", ".##", "..#"), "▶": ("#..", "##.", "###", "##.", "#.."),
    " ": ("..", "..", "..", "..", ".."),
}
MIN_DIGIT_ROWS = 3
HALVES = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}

Pixels = list[list[bool]]


def to_blocks(pixels: Pixels) -> list[str]:
    """Pixel rows, two to a line, as full and half blocks."""
    width = len(pixels[0]) if pixels else 0
    rows = pixels + ([[False] * width] if len(pixels) % 2 else [])
    return ["".join(HALVES[top, bottom] for top, bottom in zip(upper, lower, strict=True))
            for upper, lower in zip(rows[::2], rows[1::2], strict=True)]


def _stretch(grid: Sequence[str], widths: Sequence[int], heights: Sequence[int]) -> Pixels:
    """A grid of '#' and '.' with each column and row repeated to the given size."""
    pixels: Pixels = []
    for line, height in zip(grid, heights, strict=True):
        row = [cell == "#" for cell, w in zip(line, widths, strict=True) for _ in range(w)]
        pixels += [list(row) for _ in range(height)]
    return pixels


def _digit_metrics(rows: int) -> tuple[int, int, tuple[int, ...]]:
    """Stroke width, counter width and the five row heights of digits `rows` lines tall."""
    px = 2 * rows
    stroke = max(1, round(px * 0.18))
    holes = px - 3 * stroke
    counter = max(1, round(px * 0.62) - 2 * stroke)
    return stroke, counter, (stroke, holes // 2, stroke, holes - holes // 2, stroke)


def _digit_pixels(char: str, rows: int) -> Pixels:
    stroke, counter, heights = _digit_metrics(rows)
    px = sum(heights)
    if char in DIGITS:
        return _stretch(DIGITS[char], (stroke, counter, stroke), heights)
    if char == "1":
        return _stretch(ONE, (max(1, (counter + 1) // 2), stroke), heights)
    if char == ":":
        dot = min(stroke, heights[1])
        grid = [[False] * stroke for _ in range(px)]
        for top in (heights[0] + (heights[1] - dot) // 2,
                    sum(heights[:3]) + (heights[3] - dot) // 2):
            for y in range(top, top + dot):
                grid[y] = [True] * stroke
        return grid
    if char == "/":
        width = counter + stroke
        grid = [[False] * width for _ in range(px)]
        for y in range(px):
            x = round((px - 1 - y) * (width - stroke) / max(1, px - 1))
            for dx in range(stroke):
                grid[y][x + dx] = True
        return grid
    if char == " ":
        return [[False] * stroke for _ in range(px)]
    raise ValueError(f"no big digit for {char!r}")


def _join(glyphs: Sequence[Pixels], gap: int) -> Pixels:
    if not glyphs:
        return []
    rows = len(glyphs[0])
    joined: Pixels = [[] for _ in range(rows)]
    for index, glyph in enumerate(glyphs):
        for y in range(rows):
            joined[y] += ([False] * gap if index else []) + glyph[y]
    return joined


@functools.lru_cache(maxsize=64)
def digits(text: str, rows: int) -> tuple[str, ...]:
    """`text` (digits, ':', '/', ' ') as `rows` lines of block characters (remembered:
    a countdown asks for the same few numbers again and again)."""
    stroke = _digit_metrics(rows)[0]
    return tuple(to_blocks(_join([_digit_pixels(c, rows) for c in text], gap=stroke)))


@functools.lru_cache(maxsize=256)
def digits_width(text: str, rows: int) -> int:
    """Columns that `text` takes in digits `rows` lines tall (remembered: asked per frame)."""
    return len(digits(text, rows)[0]) if text else 0


def digit_rows(text: str, *, width: int, rows: int) -> int:
    """The tallest digits (at most `rows`) whose `text` fits in `width`; 0 if none do."""
    for size in range(rows, MIN_DIGIT_ROWS - 1, -1):
        if digits_width(text, size) <= width:
            return size
    return 0


@functools.lru_cache(maxsize=32)
def letters(text: str, scale: int) -> tuple[str, ...]:
    """`text` (capitals, space, ◀ ▶) in the pixel font, each pixel `scale` cells wide."""
    glyphs = []
    for char in text.upper():
        grid = LETTERS.get(char, LETTERS[" "])
        glyphs.append(_stretch(grid, [scale] * len(grid[0]), [scale] * 5))
    return tuple(to_blocks(_join(glyphs, gap=scale)))


def letter_rows(scale: int) -> int:
    """Lines that letters at `scale` take."""
    return (5 * scale + 1) // 2


@functools.lru_cache(maxsize=64)
def letters_width(text: str, scale: int) -> int:
    return len(letters(text, scale)[0]) if text else 0
