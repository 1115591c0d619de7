"""What the live view shows: one frame, a pure function of the session and the screen size.

The person is on the floor two metres away, so the number is the biggest thing on the
screen, the side is in large letters, and the figure beside the countdown shows the
pose (a counted exercise's figure moves between its start and end at the tempo). Tests
render frames into a recorded console; `live.py` only waits for keys and redraws when
what is on screen would change.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text

from stretch.model import Move
from stretch.session import instructions
from stretch.session.bigtext import digits, digits_width, letters, letters_width
from stretch.session.engine import Command, Session
from stretch.session.layout import Layout, choose
from stretch.session.lines import beside, fit, wrapped
from stretch.session.picture import drawn, shown_figure
from stretch.steps import Step
from stretch.text import clock
from stretch.text_doses import step_detail, step_name
from stretch.text_moves import position

KEYS_HELP = "space pause · n next · b back · q quit · i read all · ? help"
KEYS_HELP_PAUSED = "space resume · n next · b back · q quit · i read all · ? help"
KEY_COMMANDS = {
    "space": Command.TOGGLE, "n": Command.NEXT, "right": Command.NEXT,
    "b": Command.BACK, "left": Command.BACK, "q": Command.STOP,
}
HELP_LINES = (
    ("space", "pause or resume"),
    ("n  →", "skip to the next step"),
    ("b  ←", "restart this step (twice: the step before)"),
    ("q", "stop the session"),
    ("i", "read the move's setup, cues and cautions in full"),
    ("Ctrl-Z", "suspend; `fg` comes back paused"),
    ("?", "show or hide this help"),
)
BANNERS = {"get-ready": "GET READY", "switch": "SWITCH SIDES", "rest": "REST",
           "transition": "CHANGE POSITION"}
# A move done on both sides at once (a bridge, a butterfly) has no side to announce:
# "BOTH SIDES" there would read as "do it on each side" (issue 15, item 17).
SIDES = {"left": ("◀ LEFT", "bold cyan"), "right": ("RIGHT ▶", "bold magenta")}
PAUSED = ("PAUSED", "bold reverse yellow")
DEMO_STYLE = "bold reverse magenta"  # a --speed run: not a real session
REFERENCE_ROWS = 8  # the size at which numbers' widths are compared


def bar(fraction: float, width: int) -> Text:
    """A progress bar that reads without colour too: a heavy line done, a thin one to go."""
    width = max(1, width)
    done = round(max(0.0, min(1.0, fraction)) * width)
    return Text.assemble(("━" * done, "green"), ("─" * (width - done), "dim"), no_wrap=True)


def countdown(seconds: float) -> str:
    """What the big digits show: whole seconds left, rounded up; m:ss from a minute."""
    whole = max(0, math.ceil(seconds - 1e-6))
    return f"{whole // 60}:{whole % 60:02}" if whole >= 60 else str(whole)


def rep(step: Step, elapsed: float) -> int:
    """The rep under way in a counted step (1-based; the last one at its very end)."""
    return min(step.reps, int(elapsed // (step.tempo or 1)) + 1)


def number(session: Session) -> str:
    """The big number now: seconds left ('28', '1:15'), or the rep of a counted one ('4/10')."""
    step = session.step
    if step.kind == "count" and step.tempo:
        return f"{rep(step, session.elapsed())}/{step.reps}"
    return countdown(session.remaining())


def widest(steps: Sequence[Step]) -> str:
    """The widest big number in a session, which sizes the digits for all of it: they
    hold still while counting, and a rep is as large as the seconds."""
    texts = {f"{s.reps}/{s.reps}" if s.kind == "count" and s.tempo else countdown(s.seconds)
             for s in steps}
    return max(sorted(texts), key=lambda text: digits_width(text, REFERENCE_ROWS), default="0")


def coming(session: Session) -> Step | None:
    """The step whose move the screen shows: this one, or in a pause the next move."""
    return next((s for s in session.steps[session.index:] if s.move), None)


@dataclass(frozen=True, slots=True)
class View:
    """What the frame needs besides the session: the title, whether help is open, the
    demo's mark ('DEMO x30') when the clock runs faster than real time, and what fitting
    into --minutes changed ('To fit 6 minutes: ...'), shown while getting ready: printed
    before the full screen, those lines would be covered before anyone read them."""

    title: str
    show_help: bool = False
    demo: str | None = None
    notes: tuple[str, ...] = ()
    show_all: bool = False  # the `i` page: the move's instructions in full


def frame(session: Session, view: View, *, width: int, height: int) -> list[Text]:
    """One screenful for the current moment: `height` rows, each `width` cells."""
    step, shown = session.step, coming(session)
    if view.show_all:
        return _page(session, view, shown, width=width, height=height)
    figure = shown_figure(session, shown)
    layout = layout_for(session, width, height)
    body = _instructions(shown, layout)
    notes: list[Text] = []
    if step.kind == "get-ready" and view.notes:
        notes = wrapped([Text(note, style="yellow") for note in view.notes], width)
    # rows the cues (or the key help) leave empty go half above the countdown, half below
    used = max(len(notes) + len(body), len(HELP_LINES))
    above = max(0, layout.cues - used) // 2 if layout.shape != "tiny" else 0
    lines: list[Text] = [_header(session, view, width)] if layout.header else []
    name = _name(step, width)
    if view.demo and not layout.header:  # too small for the top line: the demo says so here
        name = fit(Text.assemble((view.demo, DEMO_STYLE), " ", name), width, "left")
    lines += [name, *[Text()] * above]
    big = list(_letters(session, layout))
    column = [*[Text()] * layout.gap, *_digits(number(session), layout)]
    elapsed = step.seconds - session.remaining()
    column += [bar(elapsed / step.seconds if step.seconds else 1.0, layout.main),
               fit(_detail(session), layout.main)]
    fw, fh = layout.figure
    if figure is not None and layout.shape == "wide":
        if any(line.cell_len > layout.main for line in big):  # a banner across the width
            lines += big
            big, fh = [], fh - len(big)
        lines += beside([*big, *column], layout.main, drawn(*figure, fw, fh), fw)
    else:
        lines += [*big, *column]
    if figure is not None and layout.shape == "tall":
        lines += [Text(), *drawn(*figure, fw, fh)]
    lines += [Text()] * layout.spacing
    rows = layout.cues - above
    if view.show_help:
        lines += (_help_lines() + [Text()] * rows)[:rows]
    elif notes:
        lines += instructions.fitted((*notes, *body), rows, width)
    else:
        lines += instructions.block(shown.move if shown else None, width, rows,
                                    side_by_side=layout.shape == "wide")
    if layout.next:
        lines.append(fit(Text(_up_next(session)), width))
    lines.append(_footer(session, width))
    if len(lines) > height:  # a window too small for everything: the keys stay at the foot
        lines = [*lines[: height - 1], lines[-1]]
    return lines


def _footer(session: Session, width: int) -> Text:
    return fit(Text(KEYS_HELP_PAUSED if session.paused else KEYS_HELP, style="dim"), width)


def _page(session: Session, view: View, shown: Step | None, *, width: int, height: int
          ) -> list[Text]:
    """The `i` page: the title line, the move, its instructions in full, the keys."""
    top = [_header(session, view, width)] if height >= 6 else []
    head = [*top, _name(shown or session.step, width), Text()]
    rows = max(0, height - len(head) - 1)
    move = shown.move if shown else None
    footer = fit(Text("i back to the countdown · space pause · q quit", style="dim"), width)
    return [*head, *instructions.page(move, width, rows), footer][:height]


def layout_for(session: Session, width: int, height: int) -> Layout:
    """Where each part of the session's frames goes in a window of this size: the same
    for every step, so the digits and the figure hold still."""
    figure = any(s.move and s.move.figure for s in session.steps)
    return choose(width, height, number=widest(session.steps), figure=figure,
                  needs=_needs(tuple(s.move for s in session.steps if s.move), width))


@functools.lru_cache(maxsize=16)
def _needs(moves: tuple[Move, ...], width: int) -> tuple[int, int]:
    """The rows the session's longest instructions take (asked once per window)."""
    return instructions.needs(moves, width)


def _header(session: Session, view: View, width: int) -> Text:
    total = sum(s.seconds for s in session.steps)
    left = session.remaining_total()
    status = (Text(" PAUSED ", style=PAUSED[1]) if session.paused
              else Text(f"{clock(left)} left"))
    overall = bar(1 - left / total if total else 1.0, max(5, width // 3))
    demo = Text.assemble((view.demo, DEMO_STYLE), " ") if view.demo else Text()
    room = width - len(demo) - len(overall) - len(status) - 2
    title = fit(Text(view.title, style="bold"), max(1, room), "left")
    return fit(Text.assemble(demo, title, " ", overall, " ", status), width)


def _name(step: Step, width: int) -> Text:
    """The move, side, group and position; in a pause, what it is and what comes next."""
    move = step.move
    if move is None:
        upcoming = f" · Up next: {step.next_label}" if step.next_label else ""
        return fit(Text(step.label + upcoming, style="bold"), width)
    side = f" · {step.side} side" if step.side in ("left", "right") else ""
    where = f"{move.name}{side} · {move.group} · {position(move.position)}"
    return fit(Text(where, style="bold"), width)


def _letters(session: Session, layout: Layout) -> list[Text]:
    """The side (or the pause's banner, or PAUSED) in large letters, as big as fits:
    over the countdown, or across the whole width when the words are too long for it."""
    step = session.step
    if session.paused:
        words, style = PAUSED
    elif step.move is None:
        words, style = BANNERS.get(step.kind, step.label.upper()), "bold cyan"
    else:
        words, style = SIDES.get(step.side or "", ("", ""))
    return list(_big_words(words, style, session.paused, layout))


@functools.lru_cache(maxsize=16)
def _big_words(words: str, style: str, paused: bool, layout: Layout) -> tuple[Text, ...]:
    """The letters' rows, made once per words and window: a frame a second asks again."""
    block: list[Text] = []
    margin = 1 if paused else 0  # the PAUSED slab reaches past its letters
    room = layout.main
    for room in (layout.main, layout.width):
        scale = next((s for s in range(layout.scale, 0, -1)
                      if letters_width(words, s) + 2 * s * margin <= room), 0)
        if scale:
            pad = " " * scale * margin
            block = [Text(pad + line + pad, style=style) for line in letters(words, scale)]
            break
    else:
        block = [Text(f" {words} ", style=style + " reverse")] if words else []
    rows = layout.letters
    top = (rows - len(block)) // 2
    block = [Text()] * top + block + [Text()] * (rows - top - len(block))
    full = layout.main if room == layout.main else layout.width  # beside a figure, or across
    return tuple(fit(fit(line, room), full, "left") for line in block[:rows])


@functools.lru_cache(maxsize=16)
def _digits(now: str, layout: Layout) -> tuple[Text, ...]:
    """The big number's rows, remembered: a rep's count shows for seconds, and a window
    keeps its size (the lines are never changed, only copied into a frame)."""
    if not layout.digits:
        return (fit(Text(f" {now} ", style="bold reverse"), layout.main),)
    return tuple(fit(Text(line, style="bold"), layout.main) for line in digits(now, layout.digits))


def _detail(session: Session) -> Text:
    """The hold or rep and set; in a pause, the dose of the move coming up."""
    step = session.step
    if step.kind == "count" and step.tempo:
        left = countdown(session.remaining())
        unit = "" if ":" in left else " s"  # '1:05 left', '45 s left'
        return Text(f"{step_detail(step, rep(step, session.elapsed()))} · {left}{unit} left")
    shown = step if step.move is not None else coming(session)
    return Text(step_detail(shown) if shown else "")


def _up_next(session: Session) -> str:
    if session.step.move is None:
        return ""
    later = next((s for s in session.steps[session.index + 1:] if s.move), None)
    if later is None:
        return "Up next: the end (well done)"
    count, total, what = ((later.set, later.sets, "set") if later.kind == "count"
                          else (later.rep, later.reps, "hold"))
    again = f" ({what} {count} of {total})" if count > 1 else ""
    return f"Up next: {step_name(later)}{again}"


def _instructions(shown: Step | None, layout: Layout) -> list[Text]:
    """Setup and cues, with the cautions beside them (under them when narrow)."""
    if shown is None or shown.move is None:
        return []
    return list(instructions.lines(shown.move, layout.width,
                                   side_by_side=layout.shape == "wide"))


def _help_lines() -> list[Text]:
    return [Text.assemble((f"{key:>7}  ", "bold"), what) for key, what in HELP_LINES]
