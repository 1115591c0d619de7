"""The clinician's report as one self-contained HTML page: inline CSS and SVG, no scripts,
nothing from the network. Printed from a browser it takes at most two A4 or Letter pages:
the lists that can grow (changes, events, notes) show their latest entries and count the
rest, and a long span of weeks is shown four weeks a row. Every piece of text from the
person's files is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from stretch.coach import goals as psfs
from stretch.coach.rules import RULE
from stretch.errors import printable
from stretch.history.trend import number
from stretch.report.chart import AFTER, BEFORE, pain_chart
from stretch.report.model import Change, Event, Period, Report, day_names
from stretch.sheet.css import css_string, page_css
from stretch.sheet.html import document
from stretch.text import listing, plural

TITLE = "Home exercise report"
MOST_CHANGES, MOST_EVENTS, MOST_NOTES = 12, 6, 6
CSS = page_css("11pt/1.3") + """
h1 { margin: 0; font-size: 17pt; line-height: 1.15; }
h2 { margin: 2.5mm 0 1mm; font-size: 12pt; color: var(--accent);
  border-bottom: 1.2px solid var(--line); padding-bottom: .4mm; break-after: avoid; }
p { margin: 0 0 1mm; }
.who { color: var(--muted); margin: .5mm 0 1mm; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 0 6mm; }
.two > div { min-width: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: .25mm 1mm; text-align: left;
  vertical-align: top; }
th { color: var(--muted); font-weight: 700; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.when { white-space: nowrap; }
tr.total td { font-weight: 700; border-bottom: 0; }
.more, .none, .rule { color: var(--muted); font-style: italic; }
.advice { border: 2px solid var(--alarm); border-radius: 2mm; padding: 1mm 3mm;
  color: var(--alarm); font-weight: 700; margin: 1.5mm 0; }
.chart { width: 100%; height: auto; max-height: 62mm; display: block; }
.legend span { margin-right: 5mm; }
.before { color: %BEFORE%; font-weight: 700; }
.after { color: %AFTER%; font-weight: 700; }
ul.events { margin: 0; padding-left: 4mm; }
.up, .moved { color: var(--accent); font-weight: 700; }
.down { color: var(--warn); font-weight: 700; }
@page {
  margin: 11mm 11mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages);
    font: 9pt sans-serif; color: #4a545e; white-space: nowrap; }
}
@page :first { @top-left { content: ""; } }
@media print {
  body { background: none; font-size: 9.5pt; line-height: 1.22; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; border-radius: 0; }
  h1 { font-size: 15pt; }
  h2 { font-size: 11pt; margin: 2mm 0 .8mm; }
  tr { break-inside: avoid; }
}
""".replace("%BEFORE%", BEFORE).replace("%AFTER%", AFTER)


def html(report: Report) -> str:
    """The whole page."""
    who = f"{TITLE}: {report.person}" if report.person else TITLE
    body = [
        f"<h1>{escape(printable(who))}</h1>",
        f'<p class="who">{escape(_span(report))}</p>',
        f"<p>{escape(_summary(report))}</p>",
        *_advice(report.events),
        '<section class="two">',
        f"<div><h2>The programme now</h2>{_routines(report)}{_moves(report)}</div>",
        f"<div><h2>Sessions week by week</h2>{_periods(report.periods)}</div>",
        "</section>",
        f"<h2>Back pain, weekly median (0 none, 10 worst)</h2>{_pain(report)}",
        f"<h2>Changes to the programme, and why</h2>{_changes(report.changes)}",
        '<section class="two">',
        "<div><h2>Leg symptoms, flares and safety advice</h2>"
        f"{_events(report.events)}</div>",
        f"<div><h2>Goals: activities the back makes hard</h2>{_goals(report)}</div>",
        "</section>",
        f"<h2>Check-in notes</h2>{_notes(report)}",
        f'<p class="rule">How stretch sets the doses: {escape(RULE)} {escape(psfs.RULE)}</p>',
    ]
    margin = f"@page {{ @top-left {{ content: {css_string(who)}; font: 9pt sans-serif; " \
             "color: #4a545e; } }"
    return document(who, CSS + margin, body)


def _span(report: Report) -> str:
    """'14 Sep to 6 Dec 2026 (12 weeks), made on 6 Dec 2026 by stretch'."""
    first = f"{report.since:%d %b}" + ("" if report.since.year == report.made.year
                                       else f" {report.since.year}")
    return (f"{first} to {report.made:%d %b %Y} ({plural(report.weeks, 'week')}), made on "
            f"{report.made:%d %b %Y} by stretch")


def _summary(report: Report) -> str:
    """'24 sessions in these 12 weeks: 20 completed, 3 stopped, 1 cut short; 4 h 10 min of
    exercise; 2 logged by hand. First session: 2 Mar 2026.'"""
    rows = report.sessions
    if not rows:
        return f"No sessions in these {plural(report.weeks, 'week')}."
    count = {s: sum(r.status == s for r in rows) for s in ("completed", "stopped",
                                                             "interrupted")}
    parts = [f"{count['completed']} completed"]
    if count["stopped"]:
        parts.append(f"{count['stopped']} stopped")
    if count["interrupted"]:
        parts.append(f"{count['interrupted']} cut short")
    minutes = round(sum(r.active_seconds for r in rows) / 60)
    hand = sum(r.by_hand for r in rows)
    said = (f"{plural(len(rows), 'session')} in these {plural(report.weeks, 'week')}: "
            f"{listing(parts)}; {minutes // 60} h {minutes % 60} min of exercise")
    if hand:
        said += f"; {hand} logged by hand from the paper sheet"
    if report.started is not None:
        said += f". First session ever: {report.started:%d %b %Y}"
    return said + "."


def _advice(events: Sequence[Event]) -> list[str]:
    latest = [e for e in events if e.kind == "advice"][-1:]
    return [f'<p class="advice">{e.at:%d %b}: {escape(e.text)}.</p>' for e in latest]


def _routines(report: Report) -> str:
    if not report.routines:
        return '<p class="none">No routine in the week plan.</p>'
    rows = "".join(
        f"<tr><td>{escape(r.title)}</td><td>{escape(day_names(r.days))}</td>"
        f'<td class="num">{_changed(f"{r.minutes_then:.0f}", f"{r.minutes_now:.0f}")}</td>'
        "</tr>" for r in report.routines)
    return (f'<table><tr><th>routine</th><th>days</th><th class="num">minutes, '
            f"{escape(report.then_label)} → now</th></tr>{rows}</table>")


def _moves(report: Report) -> str:
    if not report.moves:
        return ""
    rows = "".join(
        f'<tr><td>{escape(m.name)}</td><td class="num">{_changed(m.then, m.now)}</td></tr>'
        for m in report.moves)
    return (f'<table><tr><th>move</th><th class="num">dose, {escape(report.then_label)} → '
            f"now</th></tr>{rows}</table>")


def _changed(then: str, now: str) -> str:
    """'20 s holds' when it stayed; '20 → 25 s holds' (in bold) when it moved."""
    if now == then:
        return escape(now)
    number = then.split(" ", 1)[0]
    return f'<span class="moved">{escape(number)} → {escape(now)}</span>'


def _periods(periods: Sequence[Period]) -> str:
    if not periods:
        return ""
    rows = []
    for p in periods:
        span = f"{p.start:%d %b}" if (p.end - p.start).days < 7 else \
            f"{p.start:%d %b}-{p.end:%d %b}"
        rows.append(f'<tr><td class="when">{span}</td><td class="num">{p.planned}</td>'
                    f'<td class="num">{p.done}</td><td class="num">{p.stopped}</td>'
                    f'<td class="num">{p.minutes:.0f}</td></tr>')
    planned = sum(p.planned for p in periods)
    done = sum(p.done for p in periods)
    share = f" ({round(done * 100 / planned)}%)" if planned else ""
    rows.append(f'<tr class="total"><td>in all</td><td class="num">{planned}</td>'
                f'<td class="num">{done}{share}</td>'
                f'<td class="num">{sum(p.stopped for p in periods)}</td>'
                f'<td class="num">{sum(p.minutes for p in periods):.0f}</td></tr>')
    return ('<table><tr><th>week of</th><th class="num">planned</th><th class="num">done'
            '</th><th class="num">stopped</th><th class="num">min</th></tr>'
            + "".join(rows) + "</table><p class=\"rule\">Planned: days the week plan gives a "
            "routine (up to today); done: those days with a session completed at its real "
            "pace; stopped: sessions stopped or cut short.</p>")


def _pain(report: Report) -> str:
    rated = [w for w in report.pain if w.before is not None or w.after is not None]
    if not rated:
        return '<p class="none">No ratings in these weeks.</p>'
    latest = rated[-1]
    legend = ('<p class="legend"><span><b class="before">● before</b> a session, and '
              'check-ins</span><span><b class="after">□ after</b> a session</span>'
              f"<span>Latest week: before {number(latest.before)}, after "
              f"{number(latest.after)}.</span></p>")
    said = f"<p>{escape(report.pain_sentence)}</p>" if report.pain_sentence else ""
    return pain_chart(report.pain) + legend + said


def _changes(changes: Sequence[Change]) -> str:
    if not changes:
        return '<p class="none">No dose changed in these weeks.</p>'
    shown = changes[-MOST_CHANGES:]
    rows = "".join(
        f'<tr><td class="when">{c.at:%d %b}</td><td>{escape(c.name)}</td>'
        f'<td class="num">{escape(c.before)} → {escape(c.after)}</td>'
        f"<td>{escape(c.why)}</td></tr>" for c in shown)
    more = _more(len(changes) - len(shown), "earlier change", "stretch export lists them all")
    return (f'<table><tr><th>date</th><th>move</th><th class="num">dose</th><th>why</th></tr>'
            f"{rows}</table>{more}")


def _events(events: Sequence[Event]) -> str:
    if not events:
        return ('<p class="none">None in these weeks: no leg symptoms or flares recorded, '
                "and no safety advice shown.</p>")
    shown = events[-MOST_EVENTS:]
    items = "".join(f"<li>{e.at:%d %b}: {escape(e.text)}</li>" for e in shown)
    return f'<ul class="events">{items}</ul>' + _more(len(events) - len(shown), "earlier event")


def _goals(report: Report) -> str:
    if not report.goals:
        return '<p class="none">No goals set (stretch goal add).</p>'
    rows = []
    for goal in report.goals:
        first, latest = goal.first, goal.latest
        points = psfs.change(goal)
        style = "up" if points is not None and points >= psfs.MEANINGFUL else \
            "down" if points is not None and points <= -psfs.MEANINGFUL else ""
        shown = "·" if points is None else f"{points:+d}"
        rows.append(
            f"<tr><td>{escape(printable(goal.text))}</td>"
            f'<td class="num">{"" if first is None else f"{first.rating} ({first.at:%d %b})"}'
            f'</td><td class="num">{"" if latest is None else latest.rating}</td>'
            f'<td class="num"><span class="{style}">{shown}</span></td></tr>')
    said = "".join(f"<p>{escape(printable(s))}</p>" for s in
                   (psfs.sentence(g) for g in report.goals) if s)
    return (f'<table><tr><th>activity ({psfs.SCALE})</th><th class="num">first</th>'
            f'<th class="num">latest</th><th class="num">change</th></tr>{"".join(rows)}'
            f"</table>{said}")


def _notes(report: Report) -> str:
    if not report.notes:
        return '<p class="none">No check-in notes in these weeks.</p>'
    shown = report.notes[:MOST_NOTES]
    rows = "".join(f'<tr><td class="when">{c.at:%d %b %H:%M}</td><td class="num">'
                   f"{c.rating}/10</td><td>{escape(printable(c.note or ''))}</td></tr>"
                   for c in shown)
    return (f"<table>{rows}</table>"
            + _more(len(report.notes) - len(shown), "earlier note", "stretch progress"))


def _more(count: int, what: str, where: str = "") -> str:
    if count <= 0:
        return ""
    return (f'<p class="more">and {plural(count, what)}'
            + (f" ({escape(where)})" if where else "") + "</p>")
