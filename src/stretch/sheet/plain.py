"""The sheet as plain text, for `lp` or a notes file: no escape codes, wrapped to a width."""

from __future__ import annotations

import textwrap

from stretch import text_doses, text_safety
from stretch.errors import printable
from stretch.plan import DOSE_TARGET, short_of_target
from stretch.sheet.model import LOG_WEEKS, Entry, Sheet, day_label, meta


def plain(sheet: Sheet, width: int = 78) -> str:
    """Plain text for `lp` or a notes file: no escape codes, wrapped to `width`."""
    routine = sheet.routine
    out: list[str] = [*_handout(sheet, width), routine.title.upper(), "=" * len(routine.title)]
    out += _wrap(routine.summary, width)
    out += [""]
    for label, value in sheet.facts:
        out += _wrap(f"{label}: {value}", width, "", "  ")
    if sheet.dated:
        out += _wrap(sheet.dated, width)
    out += ["", *_safety(sheet, width)]
    out += ["THE MOVES", ""]
    for entry in sheet.entries:
        out += [*_move(entry, width), ""]
    out += [f"YOUR {LOG_WEEKS} WEEKS: TICK EACH SESSION",
            ("  week " + " ".join(f"{w:^3}" for w in range(1, LOG_WEEKS + 1))).rstrip()]
    out += [f"  {day_label(d):<4} " + " ".join("[ ]" for _ in range(LOG_WEEKS))
            for d in sheet.log_days]
    out += ["", text_doses.per_side_heading(DOSE_TARGET, capitals=True)]
    out += [f"  {group:<9} left {sides['left']:>4g} s   right {sides['right']:>4g} s"
            for group, sides in sheet.dose.items()]
    if not sheet.dose:
        out.append(f"  {text_doses.ALL_EXERCISES}")
    elif short_of_target(sheet.dose):
        out += _wrap(text_doses.below_target(DOSE_TARGET), width, "  ")
    out += ["", *_about(sheet, width)]
    return "\n".join(out).rstrip() + "\n"


def _handout(sheet: Sheet, width: int) -> list[str]:
    """Who the sheet is for and from, the review date and the note, above the title."""
    handout = sheet.handout
    out = [line for label, value in handout.people
           for line in _wrap(f"{label}: {printable(value)}", width, "", "  ")]
    if handout.note:
        out += _wrap(f"Note: {printable(handout.note)}", width, "", "  ")
    return [*out, ""] if out else []


def _wrap(value: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    return textwrap.wrap(value, width, initial_indent=first,
                         subsequent_indent=first if rest is None else rest) or [first]


def _move(entry: Entry, width: int) -> list[str]:
    move = entry.move
    out = [f"(rest {entry.rest_before} s first)"] if entry.rest_before else []
    out += [f"{entry.number}. {move.name}", *_wrap(meta(entry), width, "   ")]
    out += _wrap(entry.dose, width, "   ")
    out += _wrap(move.setup, width, "   ")
    out += [line for cue in move.cues for line in _wrap(cue, width, "   - ", "     ")]
    out += [line for c in move.cautions for line in _wrap(c, width, "   ! ", "     ")]
    if move.easier:
        out += _wrap(f"Easier: {move.easier}", width, "   ", "     ")
    if move.harder:
        out += _wrap(f"Harder: {move.harder}", width, "   ", "     ")
    return out


def _safety(sheet: Sheet, width: int) -> list[str]:
    if not sheet.notes:
        return []
    safety = sheet.notes.safety
    out = [text_safety.SAFETY.upper()]
    for heading, flags in text_safety.red_flags(safety):
        out += _wrap(f"{heading}:", width, "  ")
        out += [line for flag in flags for line in _wrap(flag, width, "  - ", "    ")]
    return [*out, "", *_wrap(text_safety.RARE, width, "  "),
            *_wrap(text_safety.CHECK_FIRST, width, "  "), *_wrap(safety.stop, width, "  "), ""]


def _about(sheet: Sheet, width: int) -> list[str]:
    out: list[str] = []
    if sheet.notes:
        out += [text_safety.WHY_HIPS.upper(), *_wrap(sheet.notes.why_hips, width, "  "), ""]
    if sheet.avoid:
        out += [text_safety.AVOID.upper(), *_wrap(text_safety.AVOID_INSTEAD, width, "  ")]
        for avoid in sheet.avoid:
            out += _wrap(avoid.name, width, "  - ", "    ")
            if avoid.description:
                out += _wrap(avoid.description, width, "    ")
            if avoid.instead:
                out += _wrap(text_safety.instead(avoid.instead), width, "    ")
    return out
