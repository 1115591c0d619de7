"""The sheet's style, for the screen and for print, and CSS string literals for the text
it places in the page margins.

Printed, the sheet is a handout in clear print: 11 pt body text (clear-print guidance
asks for 12 pt; 11 pt is the floor) and larger headings. Page 1 opens with the title, the
key facts and the safety note across the page, in two columns at the body's size; the
rest flows down two columns of about 45 characters a line, and the short routines take
three pages, the full session four. A card may break between its parts (`.move tr`):
keeping every card whole instead left columns half empty and cost a page on three of the
four sheets. The title and page numbers sit in the page margins (`@page` margin boxes);
page 1 keeps an empty title box, because Chromium prints its own date and document title
into a top margin that has none.
"""

from __future__ import annotations

PAGE = """
:root { --ink: #1a1f24; --muted: #4a545e; --accent: #1f5f4f; --line: #b9c3cc;
  --warn: #8a3f00; --alarm: #a11d1d; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #eef2f4; color: var(--ink);
  font: %FONT% -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  "Liberation Sans", "DejaVu Sans Condensed", sans-serif; }
main { max-width: 200mm; margin: 24px auto; padding: 12mm 13mm; background: #fff;
  border-radius: 6px; box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
"""


def page_css(font: str) -> str:
    """The palette, box model and page of both printed pages, the sheet and the
    clinician's report, with the body's `font` size and line height ('12pt/1.35')."""
    return PAGE.replace("%FONT%", font)


CSS = page_css("12pt/1.35") + """h1 { margin: 0; font-size: 20pt; line-height: 1.15; }
h2 { margin: 2mm 0 1mm; font-size: 14pt; color: var(--accent);
  border-bottom: 1.5px solid var(--line); padding-bottom: .5mm; break-after: avoid; }
h3 { margin: 0; font-size: 12.5pt; line-height: 1.25; }
p { margin: 0 0 .8mm; }
ul { margin: 0 0 .5mm; padding-left: 5mm; }
li { margin: 0; }
.lead { margin: .5mm 0 .8mm; }
.facts { display: flex; flex-wrap: wrap; gap: 0 6mm; margin: 0 0 1.5mm; }
.dated { color: var(--muted); margin: -1mm 0 1.5mm; }
.handout { border-bottom: 1.5px solid var(--line); margin: 0 0 2mm; padding-bottom: 1mm; }
.handout .people { display: flex; flex-wrap: wrap; gap: 0 6mm; margin: 0; }
.facts .note { color: var(--accent); }
.safety { border: 2px solid var(--alarm); border-radius: 2mm; padding: 1.2mm 3mm 1mm;
  break-inside: avoid; }
.safety .title { font-size: 14pt; font-weight: 700; color: var(--alarm); margin-right: 1.5mm; }
.moves { margin-top: 2.5mm; }
.safety .columns { columns: 2; column-gap: 5mm; }
.safety b { color: var(--alarm); }
.move { border: 1px solid var(--line); border-radius: 2mm; padding: 1.2mm 3mm 1mm;
  margin-bottom: 1.5mm; }
.move table { table-layout: fixed; }
.move th, .move td { display: flow-root; padding: 0; border: 0; text-align: left; color: inherit;
  font-weight: inherit; }
.move tr { break-inside: avoid; }
.move .meta { margin: 0; }
.move .drawing { float: right; margin: 0 0 1mm 3mm; text-align: center; }
.move .drawing.pair { float: none; margin: .5mm 0 1mm; }
.move .drawing.pair.stacked { float: right; margin: 0 0 1mm 3mm; }
.move .frames { display: flex; align-items: center; justify-content: center; gap: 1mm; }
.move .stacked .frames { flex-direction: column; gap: 0; }
.move .drawing svg { display: block; }
.move .arrow { color: var(--muted); font-size: 12pt; line-height: 1; }
.move .side { margin: .3mm 0 0; font-size: 10pt; color: var(--muted); font-style: italic; }
.move .inset { margin: 1mm 0 0; display: flex; flex-direction: column; align-items: center; }
.move .inset figcaption { font-size: 9pt; color: var(--muted); }
.meta { color: var(--muted); }
.dose { font-weight: 700; color: var(--accent); margin: 0 0 .5mm; }
.rest { color: var(--muted); font-style: italic; margin: 0; }
.caution { color: var(--warn); margin: 0; }
.move td.variants { display: grid; grid-template-columns: 1fr 1fr; gap: 0 4mm;
  margin-top: .5mm; }
.variants p { margin: 0; }
.row { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0 10mm;
  break-inside: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: .3mm 1.2mm; text-align: left; }
th { color: var(--muted); font-weight: 700; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.box { display: inline-block; width: 4.6mm; height: 4.6mm; border: 1.2px solid var(--ink);
  border-radius: .7mm; vertical-align: -.6mm; }
.grid { width: auto; }
.grid td, .grid th { text-align: center; padding: .3mm .9mm; }
.grid th:first-child { text-align: left; }
.ok { color: var(--accent); font-weight: 700; }
.low { color: var(--warn); font-weight: 700; }
.avoid { columns: 2; column-gap: 6mm; }
.avoid p { break-inside: avoid; margin: 0 0 1.2mm; }


@page {
  margin: 10mm 10mm;
  @top-left { content: "stretch"; font: 9pt sans-serif; color: #4a545e; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages);
    font: 9pt sans-serif; color: #4a545e; white-space: nowrap; }
}


@page :first { margin-top: 7mm; @top-left { content: ""; } }
@media print {
  body { background: none; font-size: 11pt; line-height: 1.2; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; border-radius: 0; }
  h1 { font-size: 18pt; }
  h2 { font-size: 13pt; margin: 1.2mm 0 .6mm; }
  .lead { margin: .3mm 0 .5mm; }
  .facts { margin: 0 0 1.2mm; }
  .dated { display: none; }
  .handout { display: none; }
  .safety { columns: 3; column-gap: 4mm; padding: 1mm 2.5mm .6mm; }
  .safety p { margin: 0 0 .6mm; }
  .safety .columns { display: block; columns: auto; }
  .flow { columns: 2; column-gap: 4mm; margin-top: 2mm; }
  .moves { margin-top: 0; }
  .move { padding: .7mm 1.8mm .5mm; margin-bottom: 1.2mm; }
  .rest { break-after: avoid; }
  .move .drawing, .move .drawing.pair.stacked { margin: .3mm 0 .5mm 2mm; }
  .move .drawing.pair { margin: .3mm 0 .5mm; }
  .move .side { font-size: 9.5pt; }
  ul { padding-left: 4mm; }
  .move td.variants { display: block; margin-top: .3mm; }
  .row { display: block; }
  .avoid { columns: auto; }
  .avoid p { margin: 0 0 .6mm; }
}
"""


def css_string(value: str) -> str:
    """A CSS string literal: anything but letters, digits and spaces as a hex escape, so a
    title can neither end the string nor the style element (HTML escapes do not apply
    inside <style>)."""
    return '"' + "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} "
                         for ch in value) + '"'
