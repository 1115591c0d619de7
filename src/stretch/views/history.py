"""The week and the history: what has been done, drawn for the terminal and as JSON."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from stretch.errors import printable
from stretch.history.calendar import Day
from stretch.history.rows import SessionRow
from stretch.text import clock, date_label, plural

# Heat-map shades, from nothing to 20 minutes or more; they read without colour too.
SHADES = ((0.0, "·", "dim"), (0.1, "░", "green"), (10.0, "▒", "green"), (20.0, "▓", "bold green"))


def week_table(days: Sequence[Day], today: date, minutes: Sequence[int | None]) -> Table:
    """The seven days: each routine (rest in dim), its minutes for the person, and a tick
    on the days done (a dot for a day with only unfinished sessions)."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("day", no_wrap=True)
    table.add_column("routine")
    table.add_column("min", justify="right")
    table.add_column("done", justify="center")
    for day, length in zip(days, minutes, strict=True):
        name = date_label(day.date, today) + (" (today)" if day.date == today else "")
        style = "bold" if day.date == today else ""
        if day.routine is None:
            routine = Text("rest", style="dim")
        else:
            routine = Text(f"{day.routine.title} ({day.routine.id})")
        tick = "✓" if day.done else ("·" if day.sessions else "")
        table.add_row(Text(name, style=style), routine, "" if length is None else str(length),
                      Text(tick, style="green"))
    return table


def week_json(days: Sequence[Day], minutes: Sequence[int | None]) -> dict[str, object]:
    """`week --json`: the plan as it stands for the person, Monday first (DESIGN.md)."""
    return {"days": [{"day": DAY_NAMES[d.date.weekday()],
                      "routine": d.routine.id if d.routine else None,
                      "minutes": length, "done": d.done}
                     for d, length in zip(days, minutes, strict=True)]}


DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def session_json(row: SessionRow) -> dict[str, object]:
    return {
        "routine": row.routine,
        "started": row.started.isoformat(timespec="seconds"),
        "ended": row.ended.isoformat(timespec="seconds") if row.ended else None,
        "status": row.status,
        "active_seconds": round(row.active_seconds, 1),
        "steps_done": row.steps_done,
        "steps_skipped": row.steps_skipped,
        "speed": row.speed,
        "pain_before": row.pain_before,
        "pain_after": row.pain_after,
        "leg_worse": row.leg_worse,
        "id": row.uid,
    }


def totals(rows: Sequence[SessionRow], since: date, today: date) -> tuple[int, float]:
    """Sessions done (as a day is done: `SessionRow.counts`) and minutes moved in real time,
    from a date up to today (a session dated later is that date's)."""
    chosen = [r for r in rows if since <= r.day <= today and not r.demo]
    return len([r for r in chosen if r.counts]), sum(r.active_seconds for r in chosen) / 60


LABEL_WIDTH = 3  # "Mon"; each week is one more column of a space and a shade
DATE_EVERY = 4  # weeks between dates above the columns: a date ("23 Nov") spans three


class Calendar:
    """Minutes per day for the last `weeks` weeks, as many weeks as the width holds: the
    oldest go first, the current week always stays, and the heading says how many show.
    Dates above the columns let a person find a day."""

    def __init__(self, rows: Sequence[SessionRow], today: date, weeks: int) -> None:
        self.rows = rows
        self.today = today
        self.weeks = weeks

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        shown = max(1, min(self.weeks, (options.max_width - LABEL_WIDTH) // 2))
        heading = f"The last {plural(shown, 'week')}"
        if shown < self.weeks:
            heading += f" (of {self.weeks}; a wider window shows more)"
        yield Text(heading, style="bold")
        yield week_dates(self.today, shown, width=options.max_width)
        yield heat_map(self.rows, self.today, shown)
        yield legend()


def week_dates(today: date, weeks: int, *, width: int) -> Text:
    """The Monday of every fourth week, counting back from this one, starting above its
    week's column: '26 Oct  23 Nov'. A date that would run past the width is left out (this
    week's, when the columns fill the width); the one four weeks before it stays."""
    first_monday = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    line = [" "] * width
    for week in range(weeks - 1, -1, -DATE_EVERY):
        label = f"{first_monday + timedelta(weeks=week):%d %b}"
        start = LABEL_WIDTH + 1 + 2 * week
        if start + len(label) <= width:
            line[start:start + len(label)] = label
    return Text("".join(line).rstrip(), style="dim")


def heat_map(rows: Sequence[SessionRow], today: date, weeks: int) -> Table:
    """Minutes per day (`--speed` demos count toward nothing): a row per weekday, a column
    per week, the current week last."""
    per_day: dict[date, float] = {}
    for row in rows:
        if not row.demo:
            per_day[row.day] = per_day.get(row.day, 0.0) + row.active_seconds / 60
    first_monday = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    table = Table.grid(padding=(0, 1))
    table.add_column(style="dim", no_wrap=True)
    for _ in range(weeks):
        table.add_column(no_wrap=True)
    for weekday, label in enumerate(("Mon", "", "Wed", "", "Fri", "", "Sun")):
        cells: list[Text | str] = [label]
        for week in range(weeks):
            day = first_monday + timedelta(weeks=week, days=weekday)
            cells.append(Text(" ") if day > today else shade(per_day.get(day, 0.0)))
        table.add_row(*cells)
    return table


def shade(minutes_done: float) -> Text:
    char, style = SHADES[0][1], SHADES[0][2]
    for low, symbol, colour in SHADES:
        if minutes_done >= low:
            char, style = symbol, colour
    return Text(char, style=style)


def history_view(
    rows: Sequence[SessionRow], *, streak: int, groups: dict[str, float], today: date, weeks: int
) -> RenderableType:
    week_count, week_minutes = totals(rows, today - timedelta(days=today.weekday()), today)
    month_count, month_minutes = totals(rows, today.replace(day=1), today)
    head = Text.assemble(
        ("Streak: ", "bold"), plural(streak, "day"),
        ("  (rest days in your plan do not break it)", "dim"),
    )
    sums = Text(
        f"This week: {plural(week_count, 'session')}, {week_minutes:.0f} min.   "
        f"This month: {plural(month_count, 'session')}, {month_minutes:.0f} min."
    )
    parts: list[RenderableType] = [head, sums, Text(""), Calendar(rows, today, weeks)]
    if groups:
        heading = f"Minutes per muscle group (last {plural(weeks, 'week')})"
        parts += [Text(""), Text(heading, style="bold"), group_bars(groups)]
    parts += [Text(""), latest_table(rows[:10], today)]
    return Group(*parts)


def legend() -> Text:
    swatches = [(f"{symbol} ", colour) for _, symbol, colour in SHADES]
    return Text.assemble(("none ", "dim"), *swatches, ("20+ min", "dim"))


def group_bars(groups: dict[str, float]) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    most = max(groups.values()) or 1.0
    for group, total in groups.items():
        # under half a minute reads "<1 min" with no bar: a block would claim a minute
        length = max(1, round(20 * total / most)) if total >= 0.5 else 0
        shown = f"{total:.0f} min" if total >= 0.5 else "<1 min"
        table.add_row(group, Text("█" * length, style="cyan"), shown)
    return table


def latest_table(rows: Sequence[SessionRow], today: date) -> RenderableType:
    if not rows:
        return Text("No sessions yet. Start with: stretch today", style="dim")
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, title="Latest sessions",
                  title_justify="left")
    table.add_column("when", no_wrap=True)
    table.add_column("routine")
    table.add_column("status")
    table.add_column("time", justify="right")
    table.add_column("skipped", justify="right")
    colours = {"completed": "green", "stopped": "yellow", "interrupted": "red"}
    for row in rows:
        status = f"{row.status} (demo)" if row.demo else row.status
        status += " (by hand)" if row.by_hand else ""
        table.add_row(f"{date_label(row.started, today)} {row.started:%H:%M}",
                      Text(printable(row.title)),  # it may have come from an imported file
                      Text(status, style=colours.get(row.status, "")),
                      clock(row.active_seconds), str(row.steps_skipped))
    return table
