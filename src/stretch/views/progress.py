"""`stretch progress`: each move's dose for the person against the catalogue's, when and why
it last changed, the check-ins and the pain trend, drawn for the terminal and as JSON."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from stretch.coach.doses import describe
from stretch.coach.progress import MoveDose, Report
from stretch.coach.rules import RULE, Event
from stretch.coach.wording import change_line, when
from stretch.errors import printable
from stretch.history import trend
from stretch.history.checkins import Checkin
from stretch.views import trend as chart
from stretch.views.goals import goals_json, goals_view
from stretch.vocab import NO_PAIN, WORST_PAIN

LATEST_CHECKINS = 10
CHART_TITLE = (f"Back pain, weekly median of the last {trend.WEEKS} weeks ({NO_PAIN} none, "
               f"{WORST_PAIN} worst)")


def progress_json(report: Report) -> dict[str, object]:
    """The shape documented in the README (keys always present, null when absent)."""
    result = report.outcome
    return {
        "moves": [_move_json(m) for m in report.moves],
        "checkins": [{"time": c.at.isoformat(timespec="seconds"), "rating": c.rating,
                      "note": c.note} for c in report.checkins],
        "trend": [{"week": w.monday.isoformat(), "before": w.before, "after": w.after}
                  for w in report.weeks],
        "change": None if result is None else {
            "first": result.first, "last": result.last, "points": result.points,
            "meaningful": result.meaningful, "sentence": trend.sentence(result)},
        "advice": report.advice,
        "events": [{"time": e.at.isoformat(timespec="seconds"), "kind": e.kind,
                    "said": e.said} for e in report.events],
        "goals": goals_json(report.goals),
    }


def _move_json(row: MoveDose) -> dict[str, object]:
    change = row.changed
    return {
        "move": row.move.id, "name": row.move.name, "measure": row.ladder.measure,
        "dose": row.dose, "written": row.ladder.written, "level": row.level,
        "top": row.ladder.top, "start": row.ladder.rungs[0], "cap": row.ladder.rungs[-1],
        "changed": None if change is None else {
            "time": change.at.isoformat(timespec="seconds"),
            "from": row.ladder.value(change.before), "to": row.ladder.value(change.after),
            "why": change.why},
    }


def progress_view(report: Report, *, boxed: bool = True) -> RenderableType:
    parts: list[RenderableType] = []
    if report.advice:
        parts += [advice_panel(report.advice, boxed=boxed), Text("")]
    parts += [moves_table(report.moves), Text(RULE, style="dim"), Text("")]
    why = why_table(report.moves)
    if why is not None:
        parts += [why, Text("")]
    if report.events:
        parts += [events_table(report.events[-LATEST_CHECKINS:]), Text("")]
    parts += [Text(CHART_TITLE, style="bold")]
    if any(w.before is not None or w.after is not None for w in report.weeks):
        legend = Text.assemble("left bar ", ("before", chart.COLOURS["before"]),
                               " (before a session, or a check-in), right bar ",
                               ("after", chart.COLOURS["after"]), " a session", style="dim")
        parts += [legend, chart.chart(report.weeks)]
    else:
        parts.append(Text("No ratings yet: rate your back before and after a session, or "
                          "any time with `stretch checkin N`.", style="dim"))
    said = trend.sentence(report.outcome)
    if said:
        parts += [Text(""), Text(said)]
    parts += [Text(""), checkins_table(report.checkins[:LATEST_CHECKINS])]
    if report.goals:
        today = report.weeks[-1].monday if report.weeks else None
        parts += [Text(""), goals_view(report.goals, today or report.goals[-1].added.date())]
    return Group(*parts)


def advice_panel(advice: str, *, boxed: bool = True) -> RenderableType:
    """Stop and get advice, in red: before and after a session, and in `stretch progress`
    (without a box for `--plain` and TERM=dumb, as the safety note)."""
    said = Text(advice, style="bold")
    if not boxed:
        return said
    return Panel(said, border_style="red", expand=False, box=box.ROUNDED)


def moves_table(rows: Sequence[MoveDose]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False,
                  title="Your dose of each move", title_justify="left")
    table.add_column("move")
    table.add_column("for you", no_wrap=True)
    table.add_column("as written", no_wrap=True)
    table.add_column("last changed", no_wrap=True)
    for row in rows:
        measure = row.ladder.measure
        changed = Text("not yet", style="dim") if row.changed is None else when(row.changed)
        table.add_row(Text(row.move.name), describe(measure, row.dose),
                      describe(measure, row.ladder.written), changed)
    return table


def why_table(rows: Sequence[MoveDose]) -> RenderableType | None:
    """Each move's last change in the words the session used, newest first."""
    changed = sorted(((r.changed, r) for r in rows if r.changed is not None),
                     key=lambda pair: pair[0].at, reverse=True)
    if not changed:
        return None
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    for change, row in changed:
        said = (f"{row.move.name} took the place of {row.replaced}: {change.why}"
                if change.kind == "rung" else change_line(change, row.move.name, row.ladder))
        table.add_row(when(change), Text(said))
    return Group(Text("Why", style="bold"), table)


def events_table(events: Sequence[Event]) -> RenderableType:
    """Leg symptoms and flares, newest first, in the words the coach used."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    for event in reversed(events):
        said = event.said[0].upper() + event.said[1:]
        table.add_row(event.at.strftime("%d %b %Y"), Text(said, style=EVENT_STYLES[event.kind]))
    return Group(Text("Leg symptoms and flares", style="bold"), table)


EVENT_STYLES = {"leg": "yellow", "flare": "yellow", "leg-clear": "green", "flare-end": "green"}


def checkins_table(rows: Sequence[Checkin]) -> RenderableType:
    if not rows:
        return Text("No check-ins yet: `stretch checkin 3 --note \"stiff after the drive\"` "
                    "records one.", style="dim")
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False,
                  title="Latest check-ins", title_justify="left")
    table.add_column("when", no_wrap=True)
    table.add_column("rating", justify="right")
    table.add_column("note")
    for row in rows:
        table.add_row(row.at.strftime("%a %d %b %H:%M"), f"{row.rating}/10",
                      Text(printable(row.note or "")))
    return table
