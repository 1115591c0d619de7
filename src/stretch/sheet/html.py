"""The routine sheet as one self-contained HTML file: inline CSS (css.py), nothing from
the network.

Page 1 opens with the title, the key facts and the safety note; then the move cards, the
tick grid, the dose table, why hips and the avoid list. Each drawing prints 45 mm wide
beside its card's words (a counted move's two 41 mm side by side when they stand, 45 mm
one above the other when they lie), large enough to follow, with its second view (an
inset, smaller) and the side it shows under it. A card may go on in the next column,
but only between its parts (dose, setup and drawing; cues with their cautions; easier
and harder), and its name goes with it: each card is a table whose <thead> is the name,
which Chromium prints again at the top of each column or page the card goes on in. The
sheet's title, who it is for and the date of its doses go in the page margins, in
`@page` rules written beside the style.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from stretch import text, text_doses, text_safety
from stretch.errors import printable
from stretch.figures import svg
from stretch.figures.geometry import bounds
from stretch.model import Move
from stretch.plan import DOSE_TARGET, meets_target, short_of_target
from stretch.poses import SIDE_SHOWN, Figure, seen_from
from stretch.sheet.css import CSS, css_string
from stretch.sheet.model import LOG_WEEKS, Entry, Sheet, day_label, meta

NUMBER_SPACE = re.compile(r"(\d) ")
FIGURE_MM = 45  # a drawing on paper: its width in millimetres, floated beside the words
PAIR_MM = 41  # each of a counted move's two drawings side by side across a card
LYING = 1.4  # a frame this many times wider than tall: a counted move's pair is stacked
INSET_SCALE = 0.7  # a figure's second view, under it: drawn this much smaller than it,
INSET_MM = 20  # but never narrower than this (under a wide drawing it shrank to 14 mm)


def html(sheet: Sheet) -> str:
    routine = sheet.routine
    body = [
        _handout(sheet),
        f"<h1>{escape(routine.title)}</h1>",
        f'<p class="lead">{escape(routine.summary)}</p>',
        _facts(sheet),
        _safety(sheet),
        '<div class="flow">',
        '<section class="moves">',
        *[_move(entry) for entry in sheet.entries],
        "</section>",
        '<section class="row">',
        f"<div><h2>Your {LOG_WEEKS} weeks: tick each session</h2>{_weeks(sheet)}</div>",
        _dose(sheet),
        "</section>",
        _why(sheet),
        _avoid(sheet),
        "</div>",
    ]
    margin_title = f"@page {{ @top-left {{ content: {css_string(routine.title)}; }} }}"
    people = "   ".join(f"{label}: {printable(value)}" for label, value in sheet.handout.people)
    if people:  # printed, who it is for and from goes in page 1's top margin, not the body
        margin_title += (f"@page :first {{ @top-left {{ content: {css_string(people)}; "
                         "font: bold 10pt sans-serif; color: #1a1f24; white-space: pre; } }")
    dated = sheet.handout.dated
    if dated:  # printed, the date goes in the foot of every page, not the body
        foot = css_string(text_doses.doses_as_of(dated))
        margin_title += (f"@page {{ @bottom-left {{ content: {foot}; font: 8.5pt sans-serif; "
                         "color: #4a545e; } }")
    return document(routine.title, CSS + margin_title, body)


def document(title: str, style: str, body: Sequence[str]) -> str:
    """A self-contained HTML page (the sheet, the clinician's report): `title` shown
    literally in the tab, `style` inline, `body` inside the page's `main`."""
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(printable(title))} · stretch</title>\n<style>{style}\n</style>\n"
        "</head>\n<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )


def _facts(sheet: Sheet) -> str:
    facts = "".join(f"<span><b>{label}:</b> {escape(value)}</span>"
                    for label, value in sheet.facts)
    if sheet.handout.note:  # beside the facts: a short note takes no line of its own
        facts += f'<span class="note"><b>Note:</b> {escape(printable(sheet.handout.note))}</span>'
    dated = f'<p class="dated">{escape(sheet.dated)}</p>' if sheet.dated else ""
    return f'<p class="facts">{facts}</p>{dated}'


def _handout(sheet: Sheet) -> str:
    """Who the sheet is for and from and the review date, on one line above the title (on
    paper, in page 1's top margin); the note goes with the facts. Escaped, as given."""
    people = "".join(f"<span><b>{label}:</b> {escape(printable(value))}</span>"
                     for label, value in sheet.handout.people)
    return f'<header class="handout"><p class="people">{people}</p></header>' if people else ""


def _safety(sheet: Sheet) -> str:
    """The safety note, on page 1 and no smaller than the body, in the order of every
    safety note stretch shows: the signs to call 999 for first, then the urgent GP's and
    the ones to get checked soon, then what one sign means, who should check first and
    the stop rule."""
    if not sheet.notes:
        return ""
    safety = sheet.notes.safety
    title = f'<span class="title">{text_safety.SAFETY}</span> '
    levels = "".join(
        f"<p>{title if i == 0 else ''}<b>{escape(heading)}:</b> "
        f"{escape(text.run_on(flags))}.</p>"
        for i, (heading, flags) in enumerate(text_safety.red_flags(safety)))
    return (
        f'<section class="safety"><div class="columns">{levels}</div>'
        f"<p>{escape(text_safety.RARE)} {escape(text_safety.CHECK_FIRST)} "
        f"<strong>{escape(safety.stop)}</strong></p></section>"
    )


def _move(entry: Entry) -> str:
    """One move's card: its name; its drawing floated right beside what and where, the dose
    in words and the setup; then cues with their cautions; then the easier and harder
    versions (side by side on screen, one under the other in print). Those three are the
    rows a printed card may break between; the name is the table's head, printed again
    above the rest of a card that goes on in the next column. A real <table> marked as
    layout: Chromium repeats no `display: table-header-group` made of other elements."""
    move = entry.move
    rest = f'<p class="rest">Rest {entry.rest_before} s first</p>' if entry.rest_before else ""
    parts = [
        f'{rest}<article class="move"><table role="presentation"><thead><tr><th>'
        f"<h3>{entry.number}. {escape(move.name)}</h3></th></tr></thead><tbody>",
        f'<tr><td>{drawing(entry.move)}<p class="meta">{escape(meta(entry))}</p>',
        f'<p class="dose">{escape(unbroken(entry.dose))}</p>',
        f"<p>{escape(move.setup)}</p></td></tr>",
        "<tr><td><ul>" + "".join(f"<li>{escape(cue)}</li>" for cue in move.cues) + "</ul>",
        *[f'<p class="caution">⚠ {escape(c)}</p>' for c in move.cautions],
        "</td></tr>",
    ]
    variants = [f"<p><b>{label}:</b> {escape(words)}</p>"
                for label, words in (("Easier", move.easier), ("Harder", move.harder)) if words]
    if variants:
        parts.append('<tr><td class="variants">' + "".join(variants) + "</td></tr>")
    parts.append("</tbody></table></article>")
    return "".join(parts)


def unbroken(words: str) -> str:
    """Each number glued to the word after it by a no-break space, so a narrow card never
    ends a line on '2' with its 's hold' on the next."""
    return NUMBER_SPACE.sub("\\1\N{NO-BREAK SPACE}", words)


def drawing(move: Move) -> str:
    """The move's drawing, at least 40 mm wide on paper, its second view if it has one,
    and which side it shows: a hold floated beside its words; a counted move's start and
    end one above the other when they lie down (floated too), else side by side across
    the card, an arrow between."""
    figure = move.figure
    if figure is None:
        return ""
    side = f'<p class="side">{escape(SIDE_SHOWN)}</p>' if move.sided else ""
    if not figure.counted:
        drawn = svg.render(figure, title=move.name, width_mm=FIGURE_MM)
        return f'<div class="drawing">{drawn}{_inset(move.name, figure, FIGURE_MM)}{side}</div>'
    x0, y0, x1, y1 = bounds(figure)
    stacked = x1 - x0 > LYING * (y1 - y0)
    width = FIGURE_MM if stacked else PAIR_MM
    start, end = (svg.render(figure, moment=frame, title=f"{move.name}: {frame}",
                             width_mm=width) for frame in ("start", "end"))
    arrow = f'<span class="arrow" aria-hidden="true">{"↓" if stacked else "→"}</span>'
    kind = "drawing pair stacked" if stacked else "drawing pair"
    return (f'<div class="{kind}"><div class="frames">{start}{arrow}{end}</div>'
            f"{_inset(move.name, figure, width)}{side}</div>")


def _inset(name: str, figure: Figure, width_mm: float) -> str:
    """The figure's second view, if it has one, INSET_SCALE times the size of the drawing
    `width_mm` wide above it (a person is as tall in both, give or take), from INSET_MM
    to a drawing's width; named by where it is seen from."""
    inset = figure.inset
    if inset is None:
        return ""
    main, seen_box = bounds(figure), bounds(inset)
    mm = INSET_SCALE * width_mm / (main[2] - main[0])  # millimetres per grid unit
    width = min(FIGURE_MM, max(INSET_MM, mm * (seen_box[2] - seen_box[0])))
    seen = seen_from(inset)
    drawn = svg.render(inset, title=f"{name}: {seen.lower()}", width_mm=width)
    return f'<figure class="inset">{drawn}<figcaption>{escape(seen)}</figcaption></figure>'


def _dose(sheet: Sheet) -> str:
    """Seconds of stretch per group and side against the target, narrow enough for a
    third of the page: one figure when both sides get the same. Paper is dear: a routine
    with no stretch holds prints no table (`show` and the other forms say so in a line)."""
    if not sheet.dose:
        return ""
    rows = []
    for group, sides in sheet.dose.items():
        met = meets_target(sides)
        mark = '<span class="ok">met</span>' if met else '<span class="low">below</span>'
        left, right = sides["left"], sides["right"]
        seconds = f"{left:g} s" if left == right else f"{left:g} / {right:g} s"
        rows.append(f"<tr><td>{group}</td><td class=num>{seconds}</td><td>{mark}</td></tr>")
    low = short_of_target(sheet.dose)
    note = f"<p>{text_doses.below_target(DOSE_TARGET)}</p>" if low else ""
    return (f"<div><h2>{text_doses.per_side_heading(DOSE_TARGET)}</h2><table><tr><th>group</th>"
            "<th>each side</th><th></th></tr>" + "".join(rows) + f"</table>{note}</div>")


def _weeks(sheet: Sheet) -> str:
    """A box for each planned day of each week: the days down, the weeks across."""
    box = '<span class="box"></span>'
    head = "<tr><th>week</th>" + "".join(f"<th>{w}</th>" for w in range(1, LOG_WEEKS + 1))
    rows = "".join(f"<tr><th>{day_label(d)}</th>" + f"<td>{box}</td>" * LOG_WEEKS + "</tr>"
                   for d in sheet.log_days)
    return f'<table class="grid">{head}</tr>{rows}</table>'


def _why(sheet: Sheet) -> str:
    if not sheet.notes:
        return ""
    return f"<h2>{text_safety.WHY_HIPS}</h2><p>{escape(sheet.notes.why_hips)}</p>"


def _avoid(sheet: Sheet) -> str:
    """What to do instead, then each stretch to avoid and what it looks like."""
    if not sheet.avoid:
        return ""
    entries = "".join(
        f"<p><b>{escape(a.name)}.</b> {escape(a.description or '')} "
        f"<i>{escape(text_safety.instead(a.instead))}</i></p>" for a in sheet.avoid
    )
    return (f"<h2>{text_safety.AVOID}</h2><p>{escape(text_safety.AVOID_INSTEAD)}</p>"
            f'<section class="avoid">{entries}</section>')
