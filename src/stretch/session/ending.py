"""The end of a session: what was done, per muscle group and side, and the streak.

Shown full-screen when a routine reaches its end, until the person presses a key, so
someone getting up off the floor sees it instead of a shell prompt. Like the live
frame it is a pure function of what happened and the window's size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rich import box
from rich.table import Table
from rich.text import Text

from stretch.model import Group, Side
from stretch.plan import DOSE_TARGET, meets_target, stretch_seconds
from stretch.session.bigtext import letters, letters_width
from stretch.session.engine import Summary
from stretch.session.lines import fit, rendered, wrapped
from stretch.session.options import COUNTS_FOR_NOTHING
from stretch.session.view import DEMO_STYLE
from stretch.steps import Step
from stretch.text import clock, plural
from stretch.text_moves import SIDE_NAMES

LEAVE = "press any key to finish"
SIDE_ORDER: tuple[Side, ...] = ("left", "right", "both")
# The columns' headings: "both sides" read as the total of the two before it.
COLUMNS = {**SIDE_NAMES, "both": "both at once"}


@dataclass(slots=True)
class Work:
    """What one side of one muscle group got: seconds held and reps counted."""

    seconds: float = 0.0
    reps: int = 0

    def __str__(self) -> str:
        parts = [clock(self.seconds)] if self.seconds else []
        return " + ".join([*parts, *([plural(self.reps, "rep")] if self.reps else [])])


@dataclass(frozen=True, slots=True)
class Ending:
    """Everything the end screen shows."""

    title: str
    summary: Summary
    work: dict[Group, dict[Side, Work]] = field(default_factory=dict)
    stretched: dict[Group, dict[str, float]] = field(default_factory=dict)
    streak: int = 0
    demo: str | None = None  # 'DEMO x30' for a run faster than real time


def ending(steps: Sequence[Step], done: set[int], *, title: str, summary: Summary,
           streak: int, demo: str | None = None) -> Ending:
    """The end screen's facts from the steps a session ran and the ones it finished."""
    finished = [steps[i] for i in sorted(done)]
    return Ending(title=title, summary=summary, work=work_done(finished),
                  stretched=stretch_seconds(finished), streak=streak, demo=demo)


def work_done(steps: Sequence[Step]) -> dict[Group, dict[Side, Work]]:
    """Seconds held and reps counted per group and side, groups in the order worked."""
    work: dict[Group, dict[Side, Work]] = {}
    for step in steps:
        if step.move is None or step.kind not in ("hold", "count"):
            continue
        side = work.setdefault(step.move.group, {}).setdefault(step.side or "both", Work())
        if step.kind == "count":
            side.reps += step.reps
        else:
            side.seconds += step.seconds
    return work


def heading(summary: Summary) -> str:
    return "WELL DONE" if summary.status == "completed" else "THE END"


def end_frame(end: Ending, *, width: int, height: int) -> list[Text]:
    """The summary screen fitted to `width` x `height`, the key to press on the last row:
    the heading as large as leaves room for the table, the table if it fits at all."""
    from stretch.session.plain import summary_line

    words = heading(end.summary)
    demo = [Text(f"{end.demo}: {COUNTS_FOR_NOTHING}", style=DEMO_STYLE)] if end.demo else []
    said = wrapped([*demo, Text(summary_line(end.summary, end.title))], width)
    if end.streak:
        said.append(Text(f"Streak: {plural(end.streak, 'day')}.", style="bold"))
    table = [Text(), *rendered(_table(end), width)] if end.work else []
    sizes = [s for s in (3, 2, 1) if letters_width(words, s) <= width - 2]
    for extra, scale in [*((table, s) for s in sizes), (table, 0), *(([], s) for s in sizes)]:
        title = ([Text(line, style="bold green") for line in letters(words, scale)] if scale
                 else [Text(words, style="bold green")])
        lines = [*title, Text(), *said, *extra]
        if len(lines) + 1 <= height and (not scale or len(title) <= height // 4):
            break
    above = max(0, height - 1 - len(lines)) // 2  # the whole of it in the middle
    lines = [fit(line, width) for line in [*[Text()] * above, *lines][: height - 1]]
    lines += [Text()] * (height - 1 - len(lines))
    return [*lines, fit(Text(LEAVE, style="dim"), width)]


def _table(end: Ending) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("group", style="bold")
    shown = [s for s in SIDE_ORDER if any(s in sides for sides in end.work.values())]
    for side in shown:
        table.add_column(COLUMNS[side], justify="right")
    table.add_column("")
    for group, sides in end.work.items():
        cells = [str(sides[s]) if s in sides else "" for s in shown]
        stretched = end.stretched.get(group)
        mark = Text("")
        if stretched is not None and meets_target(stretched):
            mark = Text(f"✓ {DOSE_TARGET} s a side", style="green")
        table.add_row(group, *cells, mark)
    return table
