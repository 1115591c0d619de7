"""The routine sheet as one self-contained HTML file: inline CSS, nothing from the network.

On screen it is a card on a soft background; in print the moves sit in two columns in
small type, so the shorter routines fit one A4 or Letter page and the full session two.
"""

from __future__ import annotations

from html import escape

from stretch import text
from stretch.figures import svg
from stretch.plan import DOSE_TARGET, meets_target
from stretch.sheet.model import DAY_NAMES, LOG_WEEKS, Entry, Sheet, meta

CSS = """
:root { --ink: #1f2933; --muted: #59636e; --accent: #2f6f5e; --line: #d3dae0; --warn: #9a4b00; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #eef2f4; color: var(--ink);
  font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; }
main { max-width: 190mm; margin: 24px auto; padding: 12mm 13mm; background: #fff;
  border-radius: 6px; box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
h1 { margin: 0; font-size: 20pt; letter-spacing: -.01em; }
h2 { margin: 5mm 0 2mm; font-size: 11.5pt; color: var(--accent);
  border-bottom: 1px solid var(--line); padding-bottom: 1mm; }
h3 { margin: 0 0 .6mm; font-size: 10.5pt; }
p { margin: 0 0 1.5mm; }
.lead { color: var(--muted); margin-top: 1mm; }
.facts { font-weight: 600; margin: 1mm 0 0; }
.moves { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm 4mm; }
.move { border: 1px solid var(--line); border-radius: 2mm; padding: 2mm 3mm;
  break-inside: avoid; page-break-inside: avoid; }
.meta { color: var(--accent); font-size: .9em; margin-bottom: .8mm; }
.rest { color: var(--muted); font-style: italic; font-size: .9em; margin-bottom: .5mm; }
ul { margin: .5mm 0 0; padding-left: 4.5mm; }
li { margin: 0; }
.caution { color: var(--warn); font-size: .92em; margin-top: .6mm; }
.move .figure { float: right; max-width: 45%; width: auto; height: auto; margin: 0 0 1mm 2mm; }
@media print {  /* the figures' room: smaller drawings, and card lines a little closer */
  .move { line-height: 1.22; }
  .move .figure { max-height: 15mm; margin: 0 0 .5mm 1.5mm; }
}
.row { display: grid; grid-template-columns: 1fr 1.3fr 1.4fr; gap: 4mm; break-inside: avoid; }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { border-bottom: 1px solid var(--line); padding: .6mm 1.2mm; text-align: left; }
th { color: var(--muted); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.box { display: inline-block; width: 3.2mm; height: 3.2mm; border: 1px solid var(--ink);
  border-radius: .6mm; vertical-align: middle; }
.grid td, .grid th { text-align: center; }
.ok { color: var(--accent); font-weight: 600; }
.low { color: var(--warn); font-weight: 600; }
.notes { display: grid; grid-template-columns: 1fr 1.25fr 1.25fr; gap: 4mm; font-size: .88em;
  break-inside: avoid; }
.notes h2 { font-size: 10.5pt; margin-top: 3mm; }
.safety { border: 1px solid var(--warn); border-radius: 2mm; padding: 2mm 3mm; }
@page { margin: 10mm; }
@media print {
  body { background: none; font-size: 7.9pt; line-height: 1.3; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; border-radius: 0; }
  h1 { font-size: 15pt; }
  h2 { margin: 2.5mm 0 1.2mm; font-size: 9.5pt; }
  h3 { font-size: 8.6pt; }
  .moves { grid-template-columns: repeat(3, 1fr); gap: 2mm 2.5mm; }
  .move { padding: 1.3mm 2mm; }
  .box { width: 2.8mm; height: 2.8mm; }
}
"""


def html(sheet: Sheet) -> str:
    routine = sheet.routine
    body = [
        f"<h1>{escape(routine.title)}</h1>",
        f'<p class="lead">{escape(routine.summary)}</p>',
        f'<p class="facts">Time {sheet.minutes} · {escape(", ".join(sheet.groups))}</p>',
        "<h2>The moves</h2>",
        '<section class="moves">',
        *[_move(entry) for entry in sheet.entries],
        "</section>",
        '<section class="row">',
        f"<div><h2>Stretch per side</h2>{_dose(sheet)}</div>",
        f"<div><h2>Tick off as you go</h2>{_ticks(sheet)}</div>",
        f"<div><h2>{LOG_WEEKS} weeks</h2>{_weeks()}</div>",
        "</section>",
        _notes(sheet),
    ]
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(routine.title)} · stretch</title>\n<style>{CSS}</style>\n</head>\n"
        "<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )


def _move(entry: Entry) -> str:
    move = entry.move
    parts = ['<article class="move">', _figure(entry)]
    if entry.rest_before:
        parts.append(f'<div class="rest">Rest {entry.rest_before} s first</div>')
    parts += [
        f"<h3>{entry.number}. {escape(move.name)}</h3>",
        f'<div class="meta">{escape(meta(entry))}</div>',
        f"<p>{escape(move.setup)}</p>",
        "<ul>" + "".join(f"<li>{escape(cue)}</li>" for cue in move.cues) + "</ul>",
        *[f'<div class="caution">⚠ {escape(c)}</div>' for c in move.cautions],
        "</article>",
    ]
    return "".join(parts)


def _figure(entry: Entry) -> str:
    """The move's drawing, floated beside its words (a move may have none)."""
    figure = entry.move.figure
    return "" if figure is None else svg.render(figure, title=entry.move.name)


def _dose(sheet: Sheet) -> str:
    if not sheet.dose:
        return f"<p>{text.ALL_EXERCISES}</p>"
    rows = []
    for group, sides in sheet.dose.items():
        met = meets_target(sides)
        mark = '<span class="ok">met</span>' if met else '<span class="low">below</span>'
        rows.append(f"<tr><td>{group}</td><td class=num>{sides['left']:g} s</td>"
                    f"<td class=num>{sides['right']:g} s</td><td>{mark}</td></tr>")
    return (f"<table><tr><th>group</th><th>left</th><th>right</th><th>{DOSE_TARGET} s</th></tr>"
            + "".join(rows) + "</table>")


def _ticks(sheet: Sheet) -> str:
    box = '<span class="box"></span>'
    rows = []
    for entry in sheet.entries:
        cells = f"<td>{box} L</td><td>{box} R</td>" if entry.move.sided else (
            f"<td colspan=2>{box} both</td>")
        rows.append(f"<tr><td>{escape(entry.move.name)}</td>{cells}</tr>")
    return "<table>" + "".join(rows) + "</table>"


def _weeks() -> str:
    box = '<span class="box"></span>'
    head = "<tr><th></th>" + "".join(f"<th>{d[:2]}</th>" for d in DAY_NAMES) + "</tr>"
    rows = "".join(f"<tr><th>{w}</th>" + f"<td>{box}</td>" * 7 + "</tr>"
                   for w in range(1, LOG_WEEKS + 1))
    return f'<table class="grid">{head}{rows}</table>'


def _notes(sheet: Sheet) -> str:
    parts = []
    if sheet.notes:
        why = escape(sheet.notes.why_hips)
        parts.append(f"<div><h2>{text.WHY_HIPS}</h2><p>{why}</p></div>")
    if sheet.avoid:
        items = "".join(
            f"<li><b>{escape(a.name)}.</b> {escape(a.why)} <i>Instead:</i> "
            f"{escape(', '.join(m.name for m in a.instead))}.</li>" for a in sheet.avoid
        )
        parts.append(f"<div><h2>{text.AVOID}</h2><ul>{items}</ul></div>")
    right = ""
    if sheet.notes:
        safety = sheet.notes.safety
        emergency = escape(text.run_on(safety.emergency))
        doctor = escape(text.run_on(safety.see_a_doctor))
        right = (
            f'<div class="safety"><h2>{text.SAFETY}</h2>'
            f"<p><b>{text.URGENT}:</b> {emergency}.</p>"
            f"<p><b>{text.SEE_A_DOCTOR}:</b> {doctor}.</p>"
            f"<p><b>{escape(safety.stop)}</b></p></div>"
        )
    return f'<section class="notes">{"".join(parts)}{right}</section>'
