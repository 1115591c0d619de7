"""The safety note's wording: its heading at each moment it is shown, the levels of red
flag in the NHS's own terms, what one sign means and who should check first; and the
headings of why hips and of the stretches to avoid, with what to do instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from stretch.model import Move, SafetyNote
from stretch.text import listing

WHY_HIPS = "Why hips, not the lower back"
AVOID = "Stretches to avoid"
INSTEAD = "Instead"
# The seed: these stretches are not useless, only not the answer for low-back pain.
AVOID_INSTEAD = ("None of these is off-limits, and the odd one now and then is fine: they "
                 "are left out because their relief is short. The hip work under each does "
                 "more, for longer.")
SAFETY = "Safety"
# The safety note's heading at each moment it is shown.
BEFORE_YOU_START = "Before you start"  # before the very first session, and nowhere else
SORE_BEFORE = "Before today's session: when to get help"  # a "before" rating of 8 or more
SORE_AFTER = "After this session: when to get help"  # an "after" rating of 8 or more
SORE_NOW = "Your back right now: when to get help"  # `stretch checkin` of 8 or more
WHEN_TO_GET_HELP = "When to get help"  # the full note: `stretch learn get-help`, `avoid`
# The NHS's two levels of red flag, in its own terms, with the US equivalents; then the
# primary-care pathways' reasons to get checked soon (NICE CKS).
URGENT = "Call 999 / 911 or go to A&E / the emergency room if you have back pain and"
SEE_A_DOCTOR = ("Get an urgent GP appointment or call 111 (or see a doctor today) if you "
                "have back pain and")
GET_CHECKED = ("Get checked soon (your GP or a physiotherapist, within a few days) if you "
               "have back pain and")
# NICE NG59: one red flag on its own predicts little; say so, so the list informs, not alarms.
RARE = ("Apart from the emergency signs, one sign on its own seldom means anything "
        "serious: it is a reason to get checked, not to worry.")
CHECK_FIRST = ("After recent back or hip surgery, or if you are pregnant, check with a "
               "clinician (your GP or physiotherapist) before you start.")
FULL_NOTE = "stretch learn get-help"  # the command that shows every sign, one a line
OTHER_SIGNS = "Some signs mean seeing a doctor today or soon"  # when the notes sum up none


def red_flags(safety: SafetyNote) -> list[tuple[str, tuple[str, ...]]]:
    """Each level of the safety note with its heading, most urgent first (a level with no
    signs left out)."""
    levels = ((URGENT, safety.emergency), (SEE_A_DOCTOR, safety.see_a_doctor),
              (GET_CHECKED, safety.get_checked))
    return [(heading, flags) for heading, flags in levels if flags]


def others_in_short(safety: SafetyNote) -> str:
    """The signs after the emergency ones, in a line, and where to read them all."""
    return f"{safety.summary or OTHER_SIGNS}: `{FULL_NOTE}` lists them all."


def instead(moves: Sequence[Move]) -> str:
    """'Instead: Butterfly stretch or Frog stretch.': the hip work in place of a stretch to
    avoid, on the sheet ('' for none)."""
    return f"{INSTEAD}: {listing([m.name for m in moves], 'or')}." if moves else ""
