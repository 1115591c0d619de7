"""The sheet as plain text, for `lp` or a notes file: no escape codes, wrapped to a width."""

from __future__ import annotations

import textwrap

from stretch import text
from stretch.plan import DOSE_TARGET
from stretch.sheet.model import DAY_NAMES, LOG_WEEKS, Sheet, meta


def plain(sheet: Sheet, width: int = 78) -> str:
    """Plain text for `lp` or a notes file: no escape codes, wrapped to `width`."""
    routine = sheet.routine
    out: list[str] = [routine.title.upper(), "=" * len(routine.title),
                      f"Time: {sheet.minutes} · " + ", ".join(sheet.groups)]
    out += [*_wrap(routine.summary, width), ""]
    for entry in sheet.entries:
        if entry.rest_before:
            out.append(f"(rest {entry.rest_before} s first)")
        out.append(f"{entry.number}. {entry.move.name}  ({meta(entry)})")
        out += _wrap(entry.move.setup, width, "   ")
        out += [line for cue in entry.move.cues for line in _wrap(cue, width, "   - ", "     ")]
        out += [line for c in entry.move.cautions for line in _wrap(c, width, "   ! ", "     ")]
        out.append("")
    out += [f"STRETCH PER SIDE (target {DOSE_TARGET} s)"]
    out += [f"  {group:<9} left {sides['left']:>4g} s   right {sides['right']:>4g} s"
            for group, sides in sheet.dose.items()]
    if not sheet.dose:
        out.append(f"  {text.ALL_EXERCISES}")
    out += ["", "TICK OFF AS YOU GO"]
    for entry in sheet.entries:
        boxes = "[ ] left  [ ] right" if entry.move.sided else "[ ] both sides"
        out.append(f"  {entry.move.name:<36} {boxes}")
    out += ["", "         " + "  ".join(f"{d:<3}" for d in DAY_NAMES)]
    out += [f"  week {w}  " + "  ".join("[ ]" for _ in DAY_NAMES) for w in range(1, LOG_WEEKS + 1)]
    out += ["", *_text_notes(sheet, width)]
    return "\n".join(out).rstrip() + "\n"


def _wrap(value: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    return textwrap.wrap(value, width, initial_indent=first,
                         subsequent_indent=first if rest is None else rest) or [first]


def _text_notes(sheet: Sheet, width: int) -> list[str]:
    out: list[str] = []
    if sheet.notes:
        out += [text.WHY_HIPS.upper(), *_wrap(sheet.notes.why_hips, width, "  "), ""]
    if sheet.avoid:
        out.append(text.AVOID.upper())
        for avoid in sheet.avoid:
            out += _wrap(f"{avoid.name}: {avoid.why}", width, "  - ", "    ")
            out += _wrap("Instead: " + ", ".join(m.name for m in avoid.instead), width, "    ")
        out.append("")
    if sheet.notes:
        safety = sheet.notes.safety
        out.append(text.SAFETY.upper())
        out += _wrap(f"{text.URGENT}: {text.run_on(safety.emergency)}.", width, "  ")
        out += _wrap(f"{text.SEE_A_DOCTOR}: {text.run_on(safety.see_a_doctor)}.", width, "  ")
        out += _wrap(safety.stop, width, "  ")
    return out


