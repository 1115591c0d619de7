"""Options and arguments that several commands share, and shell completion of names."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from stretch.vocab import GROUPS, NO_PAIN, PAIN_SCALE, PAIN_WORDS, WORST_PAIN, Group

if TYPE_CHECKING:
    from datetime import date

N = TypeVar("N", int, float)


def _complete(section: str, incomplete: str) -> list[tuple[str, str]]:
    """Names from the catalogue that start with what was typed, each with its title (from
    the names kept for completion: it runs at every Tab)."""
    from stretch.catalogue.load import catalogue_names
    from stretch.files import catalogue_cache, user_routines_dir

    try:
        labels = catalogue_names(user_dir=user_routines_dir(), cache=catalogue_cache())[section]
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [(key, label) for key, label in labels.items() if key.startswith(incomplete)]


def complete_routine(incomplete: str) -> list[tuple[str, str]]:
    """Shell completion: routine names with their titles."""
    return _complete("routines", incomplete)


def complete_move(incomplete: str) -> list[tuple[str, str]]:
    """Shell completion: move names with their display names."""
    return _complete("moves", incomplete)


# a number as a person types one: ASCII digits (a minus, a decimal point), not what Python
# also reads as a number ('1_0', ' 7', '²', '٣', 'inf')
PLAIN_INT = re.compile(r"-?[0-9]+")
PLAIN_FLOAT = re.compile(r"-?([0-9]+(\.[0-9]*)?|\.[0-9]+)")


def between(kind: Callable[[str], N], low: N, high: N, what: str) -> Callable[[str], N]:
    """A parser for a number from `low` to `high` whose usage error says so in words ('a
    number of minutes from 1 to 180, got 0.5'), not in a type's range ('<float range>',
    'Input should be greater than or equal to 1')."""
    wanted = f"{what} from {low:g} to {high:g}"

    def parse(value: str) -> N:
        form = PLAIN_INT if kind is int else PLAIN_FLOAT
        if isinstance(value, str) and not form.fullmatch(value):  # (a default is a number)
            raise typer.BadParameter(f"{wanted}, got '{value}'")
        number = kind(value)
        if not low <= number <= high:  # NaN too
            raise typer.BadParameter(f"{wanted}, got {value}")
        return number

    return parse


JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
RoutineName = Annotated[
    str,
    typer.Argument(
        help="The routine's name, as `stretch list` shows it (e.g. hip-reset).",
        autocompletion=complete_routine,
        show_default=False,
    ),
]
SpeedOption = Annotated[
    float,
    typer.Option(
        "--speed", parser=between(float, 0.001, 1000, "a speed"), metavar="X",
        help="Run the clock this many times faster: a run faster than 1 is a demo that "
        f"counts for nothing (and asks no {PAIN_SCALE} questions).",
    ),
]
BellOption = Annotated[
    bool | None,
    typer.Option("--bell/--no-bell", show_default=False,
                 help="Ring the terminal bell at each step and 3-2-1 (default: on)."),
]
VoiceOption = Annotated[
    bool | None,
    typer.Option("--voice/--no-voice", show_default=False,
                 help="Speak the cues with a speech program (default: off)."),
]
PlainOption = Annotated[
    bool,
    typer.Option(
        "--plain", help="One plain line per step, no full-screen view (for screen readers)."
    ),
]
MINUTES = (1, 180)  # the shortest and the longest session --minutes fits a routine into
MinutesOption = Annotated[
    float | None,
    typer.Option(
        "--minutes", parser=between(float, *MINUTES, "a number of minutes"), metavar="MINUTES",
        show_default=False,
        help=f"Fit the routine into this many minutes ({MINUTES[0]}-{MINUTES[1]}): fewer or "
        "shorter holds, fewer moves.",
    ),
]
WeeksOption = Annotated[
    int, typer.Option("--weeks", parser=between(int, 1, 104, "a number of weeks"),
                      metavar="1-104", help="How many weeks the calendar shows.")
]


def muscle_group(value: str) -> Group:
    """A muscle group, any case, or a usage error naming the closest one ('glutes')."""
    from stretch.errors import UnknownName

    for group in GROUPS:
        if group == value.lower():
            return group
    raise typer.BadParameter(UnknownName("muscle group", value, GROUPS).message)


GroupOption = Annotated[
    Group | None,
    typer.Option(
        "--group", "-g", parser=muscle_group, metavar="GROUP", show_default=False,
        help="Only this muscle group: gluteal, adductor, psoas, core or hip.",
    ),
]


def rating(value: str) -> int:
    """A pain rating on the numeric rating scale, or a usage error saying what one is."""
    what = f"a rating is a whole number from {PAIN_WORDS}"
    if not PLAIN_INT.fullmatch(value):
        raise typer.BadParameter(f"{what}, got '{value}'")
    number = int(value)
    if not NO_PAIN <= number <= WORST_PAIN:
        raise typer.BadParameter(f"{what}, got {number}")
    return number


PainBeforeOption = Annotated[
    int | None,
    typer.Option("--pain-before", parser=rating, metavar=PAIN_SCALE, show_default=False,
                 help=f"How your back is before the session, {PAIN_WORDS}; skips the "
                 "question."),
]
PainAfterOption = Annotated[
    int | None,
    typer.Option("--pain-after", parser=rating, metavar=PAIN_SCALE, show_default=False,
                 help=f"How your back is after the session, {PAIN_SCALE}; skips the question."),
]
LegWorseOption = Annotated[
    bool | None,
    typer.Option("--leg-worse/--no-leg-worse", show_default=False,
                 help="Whether pain, tingling or numbness spread further down your leg in "
                 "this session; skips the question (asked when `stretch setup` says it "
                 "spreads down a leg)."),
]


DATE_FORM = "a date like 2026-12-07 (or today, yesterday)"


def a_date(value: str) -> date:
    """A date as YYYY-MM-DD, or `today` or `yesterday`; else a usage error saying so."""
    from datetime import date, timedelta

    from stretch import wallclock

    word = value.strip().lower()
    if word in ("today", "yesterday"):
        today = wallclock.local_now().date()
        return today if word == "today" else today - timedelta(days=1)
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise typer.BadParameter(f"{DATE_FORM}, got '{value}'") from None


FileOption = Annotated[
    str | None,
    typer.Option("--output", "-o", show_default=False, metavar="FILE",
                 help="Write to this file (whole, or not at all) instead of printing; "
                 "'-' prints."),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Replace the -o file if it already exists.")
]
