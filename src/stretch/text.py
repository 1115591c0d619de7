"""Shared wording: how a time, a dose and a step read, and the headings every surface uses.

One home for each so `show`, the sheet, the live view, the plain output and the voice
always say the same thing the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, time
from pathlib import PurePath

from stretch.model import WEEKDAYS, Demand, Equipment, Group, Move, Position, SafetyNote
from stretch.steps import ItemDose, Step, set_reps

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
# NHS Inform and the CSP's back-pain sheets: keep the exercises up for 6-8 weeks.
KEEP_GOING = "for 6-8 weeks"
# ACSM: stretch at least 2-3 days a week; daily is best.
ANY_DAYS = "2-3 days a week or more (daily is best)"
ALL_EXERCISES = "No stretch holds in this routine: it is all exercises."
SIDE_NAMES = {"left": "left", "right": "right", "both": "both sides"}
DAY_NAMES = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
             "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}
EQUIPMENT_NAMES: dict[Equipment, str] = {
    "mat": "a mat or soft carpet", "cushion": "a cushion", "chair": "a steady chair",
    "wall": "a wall or desk to hold", "bed": "a firm bed", "towel": "a folded towel",
    "band": "a light exercise band",
}
MINUTES_AT_DOSES = "min: minutes at your doses, which grow as you go (stretch progress says why)."
SLOW_MOVE = 4  # seconds of movement in a rep (tempo less its pause) that read as "slow"


def clock(seconds: float) -> str:
    """m:ss, or h:mm:ss from an hour: how long something takes, for people."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    mins, secs = divmod(rest, 60)
    return f"{hours}:{mins:02}:{secs:02}" if hours else f"{mins}:{secs:02}"


CLOCK_FORM = "HH:MM on the 24-hour clock, like 07:30 or 18:45"
_CLOCK = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")


def time_of_day(text: str) -> time | None:
    """'07:30' or '7:30' as a time of day; None for anything else (see CLOCK_FORM)."""
    found = _CLOCK.fullmatch(text.strip())
    return time(int(found.group(1)), int(found.group(2))) if found else None


def whole_number(text: str) -> int | None:
    """'7' as 7; None for anything else: a number a person types is plain ASCII digits, not
    what Python also reads as one ('1_0', ' 7') nor a digit int() refuses ('²', '①')."""
    return int(text) if text.isascii() and text.isdigit() else None


def hhmm(moment: time) -> str:
    """'07:30': a time of day as `time_of_day` reads it back."""
    return f"{moment.hour:02}:{moment.minute:02}"


def rest_day(weekday: str) -> str:
    """'Sunday is a rest day in your plan.'"""
    return f"{weekday} is a rest day in your plan."


def done_today(title: str, at: time) -> str:
    """'You did Hip reset today at 07:10.'"""
    return f"You did {title} today at {hhmm(at)}."


NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def counted(count: int) -> str:
    """'two', as a sentence says a small count ('your last two sessions'); 12 as 12."""
    return NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else str(count)


def plural(count: float, word: str, many: str | None = None) -> str:
    """'1 day', '3 days', '2.5 minutes', '2 stretches' (`many`): wherever a number meets
    a noun."""
    shown = f"{count:g}" if isinstance(count, float) else str(count)
    return f"{shown} {word if count == 1 else many or word + 's'}"


def run_of(names: list[str], named: int) -> str:
    """'A, B and C', or 'A, B, C and 9 more' past `named` names (but never 'and 1 more'):
    a list kept to one line."""
    if len(names) <= named + 1:
        return listing(names)
    return ", ".join(names[:named]) + f" and {len(names) - named} more"


def date_label(when: date, today: date) -> str:
    """'Mon 06 Jan', with the year when it is not this year: 'Mon 29 Dec 2025'."""
    shown = when.strftime("%a %d %b")
    return shown if when.year == today.year else f"{shown} {when.year}"


def minutes(seconds: float) -> int:
    """Whole minutes for display, never showing 0 for a short routine."""
    return max(1, round(seconds / 60))


POSITION_WORDS: dict[Position, str] = {
    "supine": "lying on your back", "prone": "lying face down",
    "side-lying": "lying on your side", "all-fours": "on hands and knees",
    "kneeling": "kneeling", "seated": "sitting", "standing": "standing",
}
GROUP_WORDS: dict[Group, str] = {
    "gluteal": "Buttock (gluteals)", "adductor": "Inner thigh (adductors)",
    "psoas": "Front of the hip (psoas)", "core": "Core", "hip": "Hip muscles",
}


DEMAND_WORDS: dict[Demand, str] = {
    "floor": "getting down to the floor", "kneeling": "kneeling",
    "deep-hip-flexion": "bending the hip deeply", "standing-balance": "balancing on one leg",
    "sciatic-load": "a stretch on the nerve at the back of the hip, left out while your leg "
                    "settles",
}


def demand_words(demands: Sequence[Demand]) -> str:
    """'kneeling or getting down to the floor': what a move needs that a body rules out."""
    return listing([DEMAND_WORDS[d] for d in demands], "or")


def position(name: Position) -> str:
    """'side lying': a position as a short label."""
    return name.replace("-", " ")


def posture(name: Position) -> str:
    """'lying on your side': a position as a handout says it."""
    return POSITION_WORDS[name]


def group(name: Group) -> str:
    """'Inner thigh (adductors)': what a muscle group is, for a handout."""
    return GROUP_WORDS[name]


def about_minutes(seconds: float) -> str:
    """'about 11 minutes': how long a routine takes, as a handout says it."""
    return f"about {plural(minutes(seconds), 'minute')}"


def sides(*, sided: bool, stretch: bool, short: bool = False) -> str:
    """How a move's sides read: 'each side'; 'both sides at once' for a stretch that works
    both (a butterfly); nothing for an exercise with no sides (a bridge, a plank), where
    "both sides" would read as "do it on each side"."""
    if sided:
        return "each" if short else "each side"
    if stretch:
        return "both" if short else "both sides at once"
    return ""


def dose_words(d: ItemDose, *, brief: bool = False) -> str:
    """A dose as a person reads it on a handout: 'Hold 30 s, 2 times each side, sides in
    turn, rest 10 s between', '10 slow reps with a 2 s pause, 2 sets, rest 15 s between',
    '5 reps each side, each held 7 s', '3 sets of 6-4-2 reps each side, each held 7 s'.
    `brief` is for tables: '30 s x 2', '10 reps x 6 s', '6-4-2 reps x 10 s'."""
    if brief:
        if d.tempo is not None and d.pyramid and d.sets > 1:
            return f"{pyramid_reps(d)} reps x {d.tempo} s"
        if d.tempo is not None:
            return f"{plural(d.reps, 'rep')} x {d.tempo} s" + (
                f", {d.sets} sets" if d.sets > 1 else "")
        return f"{d.hold:g} s" + (f" x {d.reps}" if d.reps > 1 else "")
    if d.tempo is not None:
        parts, rounds = _counted(d), d.sets
        if d.sets > 1 and d.pyramid:
            if d.sided and d.one_side_first:
                parts.append("on one side, then the other")
        elif d.sets > 1:
            one_side = " on one side, then the other" if d.sided and d.one_side_first else ""
            parts.append(f"{d.sets} sets{one_side}")
    else:
        parts, rounds = _held(d), d.reps
    if rounds > 1 and d.rest:
        parts.append(f"rest {d.rest} s between")
    return ", ".join(parts)


def pyramid_reps(d: ItemDose) -> str:
    """'6-4-2': the reps of each set of a descending pyramid."""
    return "-".join(str(set_reps(d.reps, n, pyramid=True)) for n in range(1, d.sets + 1))


def _counted(d: ItemDose) -> list[str]:
    """The reps and how each goes: held still for most of it (a curl-up's 7 s), with a
    short pause, or one steady movement."""
    each = " each side" if d.sided else ""
    pause, tempo = d.pause or 0, d.tempo or 0

    def counted(word: str) -> str:  # '6 reps', or a pyramid's '3 sets of 6-4-2 reps'
        if d.pyramid and d.sets > 1:
            return f"{d.sets} sets of {pyramid_reps(d)} {word}s"
        return plural(d.reps, word)

    if pause * 2 >= tempo:
        return [f"{counted('rep')}{each}", f"each held {pause} s"]
    slow = "slow " if tempo - pause >= SLOW_MOVE else ""
    reps = f"{counted(slow + 'rep')}{each}"
    return [f"{reps} with a {pause} s pause" if pause else f"{reps}, about {tempo} s each"]


def _held(d: ItemDose) -> list[str]:
    """'Hold 30 s each side', or, held more than once, how many times on each side and
    that the sides take turns (as the timer runs them)."""
    if d.reps == 1:
        return [f"Hold {d.hold:g} s" + (" each side" if d.sided else "")]
    if d.sided and d.one_side_first:
        return [f"Hold {d.hold:g} s, {d.reps} times on one side, then the other"]
    if d.sided:
        return [f"Hold {d.hold:g} s, {d.reps} times each side", "sides in turn"]
    return [f"Hold {d.hold:g} s, {d.reps} times"]


def how_often(days: Sequence[str]) -> str:
    """'2 days a week (Monday and Wednesday) for 6-8 weeks', from the week plan's days
    ('mon'...); with none planned, the ACSM minimum."""
    if not days:
        return f"{ANY_DAYS}, {KEEP_GOING}"
    if len(days) == len(WEEKDAYS):
        return f"every day {KEEP_GOING}"
    listed = listing([DAY_NAMES[d] for d in days])
    return f"{plural(len(days), 'day')} a week ({listed}) {KEEP_GOING}"


def equipment(needs: Sequence[Equipment]) -> str:
    """'a mat or soft carpet, a cushion and a steady chair'; 'nothing but yourself'."""
    return listing([EQUIPMENT_NAMES[e] for e in needs]) or "nothing but yourself"


def per_side_heading(target: int, *, capitals: bool = False) -> str:
    """'Stretch per side (target 60 s)': the heading over the seconds of stretch each
    group gets, in `show` and in every form of the sheet ('STRETCH PER SIDE (target
    60 s)' with `capitals`, as the plain-text sheet heads its sections)."""
    words = "Stretch per side"
    return f"{words.upper() if capitals else words} (target {target} s)"


def below_target(target: int) -> str:
    """Under the stretch-per-side table when a group falls short: what that means, so a
    short routine (the desk break) reads as a top-up rather than as failing."""
    return (f"Below target: a top-up for that group; a longer routine gives it the full "
            f"{target} s a side.")


def instead(moves: Sequence[Move]) -> str:
    """'Instead: Butterfly stretch or Frog stretch.': the hip work in place of a stretch to
    avoid, on the sheet ('' for none)."""
    return f"{INSTEAD}: {listing([m.name for m in moves], 'or')}." if moves else ""


def listing(items: Sequence[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' ('' for none)."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def step_name(step: Step) -> str:
    """'Pigeon stretch, left side' or 'Glute bridge, 10 reps': what a person is about to do."""
    text = step.label
    if step.side in ("left", "right"):
        text += f", {step.side} side"
    if step.kind == "count":
        text += f", {plural(step.reps, 'rep')}"
    return text


def step_detail(step: Step, rep: int | None = None) -> str:
    """'hold 1 of 2', '10 x 4 s, set 1 of 2', or with the rep under way 'rep 4 of 10,
    set 1 of 2'; a lone set is not mentioned."""
    if step.kind == "count":
        reps = f"rep {rep} of {step.reps}" if rep else f"{step.reps} x {step.tempo} s"
        return reps + (f", set {step.set} of {step.sets}" if step.sets > 1 else "")
    if step.kind == "hold":
        return f"hold {step.rep} of {step.reps}"
    return ""


def red_flags(safety: SafetyNote) -> list[tuple[str, tuple[str, ...]]]:
    """Each level of the safety note with its heading, most urgent first (a level with no
    signs left out)."""
    levels = ((URGENT, safety.emergency), (SEE_A_DOCTOR, safety.see_a_doctor),
              (GET_CHECKED, safety.get_checked))
    return [(heading, flags) for heading, flags in levels if flags]


def others_in_short(safety: SafetyNote) -> str:
    """The signs after the emergency ones, in a line, and where to read them all."""
    return f"{safety.summary or OTHER_SIGNS}: `{FULL_NOTE}` lists them all."


def run_on(items: tuple[str, ...]) -> str:
    """Items as one sentence's list: 'chest pain; weakness in both legs'."""
    return "; ".join(item[0].lower() + item[1:] for item in items)


def short_path(path: PurePath, width: int) -> str:
    """`path` in at most `width` characters, its middle folders left out where it is longer
    ('routines/…/mine.yaml'): the file's name stays whole unless it alone is too long."""
    if len(str(path)) <= width:
        return str(path)
    *folders, name = path.parts
    if len(name) + 2 > width:
        front = max(width - 1, 0) // 3
        back = max(width - 1 - front, 0)
        return f"{name[:front]}…{name[len(name) - back:]}"
    head = ""
    for folder in folders:
        step = folder if folder.endswith("/") else f"{folder}/"
        if len(head + step) + 2 + len(name) > width:
            break
        head += step
    return f"{head}…/{name}"


def long_date(day: date) -> str:
    """'Monday 4 January 2027': a date as a handout writes it."""
    return f"{day:%A} {day.day} {day:%B %Y}"


REPRINT = "print this sheet again when stretch says a dose has changed"


def doses_as_of(day: date, routine_id: str | None = None) -> str:
    """The line every printed sheet carries: the date its doses are from, and when to
    print it again (with the command, given the routine)."""
    command = f" (stretch sheet {routine_id})" if routine_id else ""
    return f"Doses as of {day.day} {day:%B %Y}: {REPRINT}{command}."


def print_again(routine_id: str) -> str:
    """What a session says after its change lines, for a person with the sheet on the wall."""
    return (f"A printed sheet shows the doses before this change: print it again with "
            f"stretch sheet {routine_id}.")
