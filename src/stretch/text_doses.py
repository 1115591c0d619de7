"""How a dose reads, wherever it is shown: a move's dose in words ('Hold 30 s, 2 times each
side'), a step as the timer runs it ('Glute bridge, 10 reps'; 'rep 4 of 10, set 1 of 2'),
how long and how often, the stretch-per-side heading, and the line every printed sheet
carries about the date of its doses.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from stretch.model import WEEKDAYS
from stretch.steps import ItemDose, Step, set_reps
from stretch.text import DAY_NAMES, listing, minutes, plural

SLOW_MOVE = 4  # seconds of movement in a rep (tempo less its pause) that read as "slow"
ALL_EXERCISES = "No stretch holds in this routine: it is all exercises."
MINUTES_AT_DOSES = "min: minutes at your doses, which grow as you go (stretch progress says why)."
# NHS Inform and the CSP's back-pain sheets: keep the exercises up for 6-8 weeks.
KEEP_GOING = "for 6-8 weeks"
# ACSM: stretch at least 2-3 days a week; daily is best.
ANY_DAYS = "2-3 days a week or more (daily is best)"
REPRINT = "print this sheet again when stretch says a dose has changed"


def dose_words(d: ItemDose, *, brief: bool = False) -> str:
    """A dose as a person reads it on a handout: 'Hold 30 s, 2 times each side, sides in
    turn, rest 10 s between', '10 slow reps with a 2 s pause, 2 sets, rest 15 s between',
    '5 reps each side, each held 7 s', and a pyramid set by set: '6 reps each side, then
    4, then 2 (12 a side), each held 7 s, rest 15 s between sets'. `brief` is for tables:
    '30 s x 2', '10 reps, 6 s each', '6 reps, 7 s holds', '6-4-2 reps, 7 s holds'."""
    if brief:
        return _brief(d)
    if d.tempo is not None:
        parts, rounds = _counted(d), d.sets
        if d.sets > 1 and d.sided and d.one_side_first:
            parts.append("on one side, then the other" if d.pyramid else
                         f"{d.sets} sets on one side, then the other")
        elif d.sets > 1 and not d.pyramid:
            parts.append(f"{d.sets} sets")
    else:
        parts, rounds = _held(d), d.reps
    if rounds > 1 and d.rest:
        parts.append(f"rest {d.rest} s between" + (" sets" if d.pyramid else ""))
    return ", ".join(parts)


def _brief(d: ItemDose) -> str:
    """A dose in a table cell: a rep held still says so, so '6 reps x 10 s' is never read
    as a 10-second hold."""
    if d.tempo is None:
        return f"{d.hold:g} s" + (f" x {d.reps}" if d.reps > 1 else "")
    pyramid = d.pyramid and d.sets > 1
    reps = f"{pyramid_reps(d)} reps" if pyramid else plural(d.reps, "rep")
    pause = d.pause or 0
    each = f"{pause} s holds" if pause * 2 >= d.tempo else f"{d.tempo} s each"
    return f"{reps}, {each}" + (f", {d.sets} sets" if d.sets > 1 and not pyramid else "")


def pyramid_reps(d: ItemDose) -> str:
    """'6-4-2': the reps of each set of a descending pyramid."""
    return "-".join(str(set_reps(d.reps, n, pyramid=True)) for n in range(1, d.sets + 1))


def _counted(d: ItemDose) -> list[str]:
    """The reps and how each goes: held still for most of it (a curl-up's 7 s), with a
    short pause, or one steady movement; a pyramid's sets one by one."""
    each = " each side" if d.sided else ""
    pause, tempo = d.pause or 0, d.tempo or 0

    def counted(word: str) -> str:  # '6 reps', or a pyramid's '6 reps, then 4, then 2'
        if not (d.pyramid and d.sets > 1):
            return plural(d.reps, word) + each
        sets = [set_reps(d.reps, n, pyramid=True) for n in range(1, d.sets + 1)]
        rest = ", then ".join(str(n) for n in sets[1:])
        total = f"{sum(sets)} a side" if d.sided else f"{sum(sets)} in all"
        return f"{plural(sets[0], word)}{each}, then {rest} ({total})"

    if pause * 2 >= tempo:
        return [counted("rep"), f"each held {pause} s"]
    slow = "slow " if tempo - pause >= SLOW_MOVE else ""
    reps = counted(slow + "rep")
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


def about_minutes(seconds: float) -> str:
    """'about 11 minutes': how long a routine takes, as a handout says it."""
    return f"about {plural(minutes(seconds), 'minute')}"


def how_often(days: Sequence[str]) -> str:
    """'2 days a week (Monday and Wednesday) for 6-8 weeks', from the week plan's days
    ('mon'...); with none planned, the ACSM minimum."""
    if not days:
        return f"{ANY_DAYS}, {KEEP_GOING}"
    if len(days) == len(WEEKDAYS):
        return f"every day {KEEP_GOING}"
    listed = listing([DAY_NAMES[d] for d in days])
    return f"{plural(len(days), 'day')} a week ({listed}) {KEEP_GOING}"


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


def doses_as_of(day: date, routine_id: str | None = None) -> str:
    """The line every printed sheet carries: the date its doses are from, and when to
    print it again (with the command, given the routine)."""
    command = f" (stretch sheet {routine_id})" if routine_id else ""
    return f"Doses as of {day.day} {day:%B %Y}: {REPRINT}{command}."


def print_again(routine_id: str) -> str:
    """What a session says after its change lines, for a person with the sheet on the wall."""
    return (f"A printed sheet shows the doses before this change: print it again with "
            f"stretch sheet {routine_id}.")
