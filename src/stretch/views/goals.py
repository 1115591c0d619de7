"""Goals (PSFS): each activity with its ratings over time, and a sentence when one has
changed meaningfully; drawn for the terminal and as JSON."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from stretch.coach import goals as psfs
from stretch.errors import printable
from stretch.history.goals import Goal

SHOWN = 6  # ratings shown in a row; older ones are counted


def goals_json(goals: Sequence[Goal]) -> list[dict[str, object]]:
    """Each goal with every rating, oldest first, its change and the sentence (null when
    not meaningful)."""
    return [{
        "id": g.uid, "number": number, "text": g.text,
        "added": g.added.isoformat(timespec="seconds"),
        "ratings": [{"time": r.at.isoformat(timespec="seconds"), "rating": r.rating}
                    for r in g.ratings],
        "change": psfs.change(g), "meaningful": psfs.meaningful(g),
        "sentence": psfs.sentence(g),
    } for number, g in enumerate(goals, start=1)]


def goals_view(goals: Sequence[Goal], today: date) -> RenderableType:
    if not goals:
        return Text(f"No goals yet: name up to {psfs.MOST} activities your back makes hard and "
                    f"rate each {psfs.SCALE_WORDS}: stretch goal add \"putting on socks\" 4",
                    style="dim")
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False,
                  title=f"Your goals ({psfs.SCALE})", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("activity")
    table.add_column("ratings, oldest first")
    table.add_column("change", justify="right", no_wrap=True)
    for number, goal in enumerate(goals, start=1):
        table.add_row(str(number), Text(printable(goal.text)), ratings_text(goal, today),
                      _change(goal))
    parts: list[RenderableType] = [table]
    said = [s for s in (psfs.sentence(g) for g in goals) if s]
    if said:
        parts += [Text(""), *[Text(printable(s)) for s in said]]
    parts += [Text(""), Text(psfs.RULE + " `stretch goal rate` rates them again.", style="dim")]
    return Group(*parts)


def ratings_text(goal: Goal, today: date) -> Text:
    """'4 (02 Nov) → 5 → 7 (30 Nov)': the first and latest with their dates."""
    shown = list(goal.ratings[-SHOWN:])
    if not shown:
        return Text("")
    out = Text()
    if len(goal.ratings) > SHOWN:
        out.append(f"({len(goal.ratings) - SHOWN} earlier) ", style="dim")
    for index, rated in enumerate(shown):
        if index:
            out.append(" → ", style="dim")
        out.append(str(rated.rating), style="bold")
        if index in (0, len(shown) - 1):
            when = f"{rated.at:%d %b}" if rated.at.year == today.year else f"{rated.at:%d %b %Y}"
            out.append(f" ({when})", style="dim")
    return out


def _change(goal: Goal) -> Text:
    points = psfs.change(goal)
    if points is None:
        return Text("·", style="dim")
    style = "green" if points >= psfs.MEANINGFUL else "yellow" if points <= -psfs.MEANINGFUL \
        else ""
    return Text(f"{points:+d}", style=style)
