"""The coach's rules, in numbers and in words: when a session is good, when it steps back,
when pain is a flare, and what leg symptoms change.

The pain-monitoring model (Silbernagel 2007; CONTENT-FACTS.md): pain up to 5/10 during or
after exercise is acceptable if it settles by the next morning; above 5 is too much. So:
- a session is **good** when it was completed in real time, no rating of it is above 5,
  pain rose by at most 1, its leg did not get worse, and it was not the gentlest routine
  the coach suggested on a bad day; with check-ins on, a session with no ratings is
  neither good nor bad (it steps nothing and breaks no run); with `checkin = false`,
  completion alone counts;
- a session **steps back** when its rating after is 6 or more, pain rose by 2 or more, or
  pain, tingling or numbness spread further down a leg (stopped or not);
- a rating the day after a session 2 or more above its "before" steps it back, unless
  the person said that pain came from something else;
- a **flare** is a rating 2 or more above the person's usual that has not settled two
  days later, or pain climbing over three sessions: step-ups pause until it settles;
- after leg symptoms spread, the moves that load the buttock and sciatic nerve are left
  out until two sessions in a row on different days leave the leg no worse.
The numbers have one home, here; every explanation is made from them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from stretch.history.rows import SessionRow, real
from stretch.text import counted

WORSE = 2  # points of rise (or a next-day rating above "before") that step back
TOO_MUCH = 6  # a rating after a session this high or higher steps back
ACCEPTABLE = 5  # no rating of a good session is above this
GOOD_RISE = 1  # nor did pain rise by more than this
GOOD_IN_A_ROW = 2  # good sessions on different days before a move steps up
STOP = 3  # points worse in each of STOP_SESSIONS sessions in a row: stop and get advice
STOP_SESSIONS = 2
HIGH = 8  # a rating that brings the red flags and the gentlest routine
FLARE_PLAN = 7  # a rating before a session that offers the flare-up plan
FLARE_ABOVE = 2  # points above the person's usual rating that may be a flare ...
FLARE_DAYS = 2  # ... when they have not settled this many days later
USUAL_DAYS = 28  # the usual rating: the median over this many days before
USUAL_RATINGS = 3  # ... of at least this many ratings
CLIMB_SESSIONS = 3  # pain climbing over this many sessions in a row is a flare too
LEG_CLEAR = 2  # sessions in a row (different days) with the leg no worse bring moves back

# The rules in words, made from the numbers above so the two never disagree.
WENT_WELL = f"your last {counted(GOOD_IN_A_ROW)} sessions went well"
ADVICE = (f"Your back was {STOP} or more points worse after each of your last "
          f"{counted(STOP_SESSIONS)} sessions. Stop these exercises for now and get advice "
          "from a physiotherapist or doctor before you carry on.")
RULE = (f"A move grows after {counted(GOOD_IN_A_ROW)} good sessions in a row on different "
        f"days (completed, no rating above {ACCEPTABLE}/10, pain up {GOOD_RISE} point at "
        f"most); at the top of its dose its harder version takes over. A rating after of "
        f"{TOO_MUCH} or more, pain up {WORSE} points, a worse next day or leg symptoms that "
        "spread step it back, to its easier version from the bottom of its dose; in a "
        "flare nothing steps up.")
LEG_ADVICE = ("Stop the moves that bring it on and see a physiotherapist or GP about it. "
              "If both legs are affected, or you have numbness around your genitals or "
              "buttocks, or trouble peeing, call 999 / 911 or go to A&E / the emergency "
              "room now.")

Verdict = Literal["good", "neutral", "bad"]


def hurt_more(before: int, after: int) -> str:
    return f"your back hurt more after your last session ({before} -> {after})"


def too_much(after: int) -> str:
    return f"your back was at {after}/10 after your last session"


def worse_next_day(before: int, rating: int) -> str:
    return f"your back was worse the day after your last session ({before} -> {rating})"


LEG_WORSE = "pain, tingling or numbness spread further down your leg in your last session"


def flare_began(rating: int, usual: float) -> str:
    return (f"a flare: your back has been at {rating}/10 for {counted(FLARE_DAYS)} days, "
            f"above your usual {usual:g}")


CLIMBING = f"a flare: your pain has climbed over your last {counted(CLIMB_SESSIONS)} sessions"


def reached_top(dose: str) -> str:
    return f"you did {dose} with your back no worse, {counted(GOOD_IN_A_ROW)} sessions in a row"


@dataclass(frozen=True, slots=True)
class Change:
    """A move's dose went up or down (`kind` "dose": levels on its dose ladder), or
    another move took its place on its ladder (`kind` "rung": `move` replaces
    `replaced`, at level `after`), at a moment, for a reason a person can read."""

    move: str
    at: datetime
    before: int
    after: int
    why: str
    kind: Literal["dose", "rung"] = "dose"
    replaced: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Something the coach noticed that is not a change of dose: leg symptoms spreading
    (and the left-out moves coming back), a flare (and its settling)."""

    kind: Literal["leg", "leg-clear", "flare", "flare-end"]
    at: datetime
    said: str


def rise(row: SessionRow) -> int | None:
    """How many points worse the back was after the session (None without both ratings)."""
    if row.pain_before is None or row.pain_after is None:
        return None
    return row.pain_after - row.pain_before


def verdict(row: SessionRow, *, checkins_on: bool) -> tuple[Verdict, str]:
    """Whether a real session was good, steps back (and why), or counts for neither."""
    bad = step_back_reason(row)
    if bad is not None:
        return "bad", bad
    ratings = [r for r in (row.pain_before, row.pain_after) if r is not None]
    points = rise(row)
    good = (row.counts and not row.gentle
            and (bool(ratings) or not checkins_on)  # unrated with check-ins on: neither
            and all(r <= ACCEPTABLE for r in ratings)
            and (points is None or points <= GOOD_RISE))
    return ("good", WENT_WELL) if good else ("neutral", "")


def step_back_reason(row: SessionRow) -> str | None:
    """Why a session steps its moves back, or None: leg symptoms that spread, a rating
    after that is too high, or pain that rose (stopped or not)."""
    if row.leg_worse:
        return LEG_WORSE
    if row.pain_after is not None and row.pain_after >= TOO_MUCH:
        return too_much(row.pain_after)
    points = rise(row)
    if points is not None and points >= WORSE and row.pain_before is not None:
        return hurt_more(row.pain_before, row.pain_before + points)
    return None


def needs_advice(sessions: Iterable[SessionRow]) -> bool:
    """The back got STOP or more points worse in each of the last STOP_SESSIONS real
    sessions."""
    last = real(sessions)[-STOP_SESSIONS:]
    return len(last) == STOP_SESSIONS and all((rise(r) or 0) >= STOP for r in last)
