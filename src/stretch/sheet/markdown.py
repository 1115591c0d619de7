"""The sheet as Markdown: headings, lists and tables that render well on common viewers."""

from __future__ import annotations

from stretch import text
from stretch.plan import DOSE_TARGET
from stretch.sheet.model import DAY_NAMES, LOG_WEEKS, Sheet, meta


def markdown(sheet: Sheet) -> str:
    """Headings, lists and tables that render well on common Markdown viewers."""
    routine = sheet.routine
    out = [f"# {routine.title}", "", routine.summary, "",
           f"**Time:** {sheet.minutes} · **Groups:** {', '.join(sheet.groups)}", "",
           "## The moves", ""]
    for entry in sheet.entries:
        if entry.rest_before:
            out += [f"*Rest {entry.rest_before} s first.*", ""]
        out += [f"### {entry.number}. {entry.move.name}", "", f"*{meta(entry)}*", "",
                entry.move.setup, ""]
        out += [f"- {cue}" for cue in entry.move.cues] + [""]
        out += [f"> **Caution:** {c}" for c in entry.move.cautions]
        out += [""] if entry.move.cautions else []
    out += [f"## Stretch per side (target {DOSE_TARGET} s)", ""]
    if sheet.dose:
        out += ["| group | left | right |", "|---|---:|---:|"]
        out += [f"| {g} | {s['left']:g} s | {s['right']:g} s |" for g, s in sheet.dose.items()]
    else:
        out.append(text.ALL_EXERCISES)
    out += ["", "## Tick off as you go", "", "| move | left | right |", "|---|:---:|:---:|"]
    for entry in sheet.entries:
        cells = "☐ | ☐" if entry.move.sided else "☐ both |"
        out.append(f"| {entry.move.name} | {cells} |")
    out += ["", "| week | " + " | ".join(DAY_NAMES) + " |", "|---|" + ":---:|" * 7]
    boxes = " | ".join("☐" for _ in DAY_NAMES)
    out += [f"| {week} | {boxes} |" for week in range(1, LOG_WEEKS + 1)]
    out += ["", *_markdown_notes(sheet)]
    return "\n".join(out).rstrip() + "\n"


def _markdown_notes(sheet: Sheet) -> list[str]:
    out: list[str] = []
    if sheet.notes:
        out += [f"## {text.WHY_HIPS}", "", sheet.notes.why_hips, ""]
    if sheet.avoid:
        out += [f"## {text.AVOID}", ""]
        for avoid in sheet.avoid:
            instead = ", ".join(m.name for m in avoid.instead)
            out += [f"- **{avoid.name}.** {avoid.why} *Instead:* {instead}."]
        out.append("")
    if sheet.notes:
        safety = sheet.notes.safety
        out += [f"## {text.SAFETY}", "", f"{text.URGENT}:", ""]
        out += [f"- {flag}" for flag in safety.emergency]
        out += ["", f"{text.SEE_A_DOCTOR}:", ""] + [f"- {flag}" for flag in safety.see_a_doctor]
        out += ["", f"**{safety.stop}**"]
    return out
