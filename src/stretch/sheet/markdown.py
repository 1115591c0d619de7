"""The sheet as Markdown: headings, lists and tables that render well on common viewers.

Text from the catalogue is data here as in the HTML sheet: its HTML (`<script>`, an
`onerror=`) and the Markdown that would make a link, an image or emphasis of it are
escaped (`md`), so a viewer shows the words as they were written.
"""

from __future__ import annotations

import re

from stretch import text_doses, text_safety
from stretch.errors import printable
from stretch.plan import DOSE_TARGET, short_of_target
from stretch.sheet.model import LOG_WEEKS, Entry, Sheet, day_label, meta

# Markdown's own punctuation that can turn words into markup: emphasis, code, an escape;
# and what follows a `]` to make a link or an image (`](`, `][`, `]:`), so '[/]' stays as
# written; `<`, `>` and `&` become HTML's entities, as the HTML sheet writes them
_MARKUP = re.compile(r"([\\`*_])")
_LINK = re.compile(r"\]([(\[:])")


def md(words: str) -> str:
    """Catalogue text for Markdown: shown as written, never read as HTML or markup."""
    import html

    return _LINK.sub(r"]\\\1", _MARKUP.sub(r"\\\1", html.escape(words, quote=False)))


def markdown(sheet: Sheet) -> str:
    """Headings, lists and tables that render well on common Markdown viewers."""
    routine = sheet.routine
    out = [*_handout(sheet), f"# {md(routine.title)}", "", md(routine.summary), ""]
    out += [f"- **{label}:** {md(value)}" for label, value in sheet.facts]
    if sheet.dated:
        out += ["", f"*{sheet.dated}*"]
    out += ["", *_safety(sheet), "## The moves", ""]
    for entry in sheet.entries:
        out += _move(entry)
    days = sheet.log_days
    out += [f"## Your {LOG_WEEKS} weeks: tick each session", ""]
    weeks = range(1, LOG_WEEKS + 1)
    out += ["| week | " + " | ".join(str(w) for w in weeks) + " |",
            "|---|" + ":---:|" * LOG_WEEKS]
    boxes = " | ".join("☐" for _ in weeks)
    out += [f"| {day_label(day)} | {boxes} |" for day in days]
    out += ["", f"## {text_doses.per_side_heading(DOSE_TARGET)}", ""]
    if sheet.dose:
        out += ["| group | left | right |", "|---|---:|---:|"]
        out += [f"| {g} | {s['left']:g} s | {s['right']:g} s |" for g, s in sheet.dose.items()]
        if short_of_target(sheet.dose):
            out += ["", text_doses.below_target(DOSE_TARGET)]
    else:
        out.append(text_doses.ALL_EXERCISES)
    out += ["", *_about(sheet)]
    return "\n".join(out).rstrip() + "\n"


MARKDOWN = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")


def escaped(value: str) -> str:
    """Text from the person as Markdown that shows it literally: every character Markdown
    could read as markup behind a backslash (and on one line)."""
    return MARKDOWN.sub(r"\\\1", " ".join(printable(value).split()))


def _handout(sheet: Sheet) -> list[str]:
    """Who the sheet is for and from, the review date and the note, above the title."""
    handout = sheet.handout
    out = [f"**{label}:** {escaped(value)}  " for label, value in handout.people]
    if handout.note:
        out.append(f"**Note:** {escaped(handout.note)}")
    if out:
        out[-1] = out[-1].rstrip()
    return [*out, ""] if out else []


def _move(entry: Entry) -> list[str]:
    """A move: heading, what and where, the dose, setup, cues, then each caution as its
    own quoted paragraph (consecutive '>' lines would run together into one)."""
    move = entry.move
    out = [f"*Rest {entry.rest_before} s first.*", ""] if entry.rest_before else []
    out += [f"### {entry.number}. {md(move.name)}", "", f"*{md(meta(entry))}*", "",
            f"**{md(entry.dose)}**", "", md(move.setup), ""]
    out += [f"- {md(cue)}" for cue in move.cues] + [""]
    for caution in move.cautions:
        out += [f"> **Caution:** {md(caution)}", ""]
    if move.easier:
        out += [f"**Easier:** {md(move.easier)}", ""]
    if move.harder:
        out += [f"**Harder:** {md(move.harder)}", ""]
    return out


def _safety(sheet: Sheet) -> list[str]:
    if not sheet.notes:
        return []
    safety = sheet.notes.safety
    out = [f"## {text_safety.SAFETY}", ""]
    for heading, flags in text_safety.red_flags(safety):
        out += [f"{heading}:", "", *[f"- {md(flag)}" for flag in flags], ""]
    return [*out, text_safety.RARE, "", text_safety.CHECK_FIRST, "", f"**{md(safety.stop)}**", ""]


def _about(sheet: Sheet) -> list[str]:
    out: list[str] = []
    if sheet.notes:
        out += [f"## {text_safety.WHY_HIPS}", "", md(sheet.notes.why_hips), ""]
    if sheet.avoid:
        out += [f"## {text_safety.AVOID}", "", text_safety.AVOID_INSTEAD, ""]
        for avoid in sheet.avoid:
            looks = f" {md(avoid.description)}" if avoid.description else ""
            better = text_safety.instead(avoid.instead)
            out.append(f"- **{md(avoid.name)}.**{looks}" + (f" *{md(better)}*" if better else ""))
    return out
