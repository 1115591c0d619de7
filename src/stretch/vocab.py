"""The catalogue's vocabularies: kinds, muscle groups, positions, sides, step kinds, days.

Plain names with no classes attached, so the command line can offer them as choices
without loading the model. Each tuple is read off its Literal: one home per word.
"""

from __future__ import annotations

from typing import Literal, get_args

Kind = Literal["stretch", "exercise"]
Group = Literal["gluteal", "adductor", "psoas", "core", "hip"]
Position = Literal["supine", "prone", "side-lying", "all-fours", "kneeling", "seated", "standing"]
Side = Literal["left", "right", "both"]
StepKind = Literal["get-ready", "hold", "count", "switch", "rest", "transition"]
# What a move may need besides the person; a floor position needs a mat without saying so.
Equipment = Literal["mat", "cushion", "chair", "wall", "bed", "towel", "band"]
# What a move asks of the body (not of the room: that is Equipment), matched against the
# person's answers to `stretch setup`: getting down to the floor and back up; kneeling;
# bending the hip deeply, or crossing or turning the leg in as it bends (to avoid after a
# hip replacement, or with a pinch at the front of the hip); balancing on one leg; and
# loading the buttock and the sciatic nerve in deep flexion (left out when pain or
# tingling spreads down a leg).
Demand = Literal["floor", "kneeling", "deep-hip-flexion", "standing-balance", "sciatic-load"]

KINDS: tuple[Kind, ...] = get_args(Kind)
GROUPS: tuple[Group, ...] = get_args(Group)
STRETCH_GROUPS: tuple[Group, ...] = ("gluteal", "adductor", "psoas")
POSITIONS: tuple[Position, ...] = get_args(Position)
FLOOR_POSITIONS: frozenset[Position] = frozenset(
    {"supine", "prone", "side-lying", "all-fours", "kneeling"}
)
EQUIPMENT: tuple[Equipment, ...] = get_args(Equipment)
DEMANDS: tuple[Demand, ...] = get_args(Demand)
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
REST_DAY = "rest"
# The numeric rating scale (NRS) every pain rating is on, and how it is said.
NO_PAIN, WORST_PAIN = 0, 10
PAIN_SCALE = f"{NO_PAIN}-{WORST_PAIN}"  # '0-10'
PAIN_WORDS = f"{NO_PAIN} (no pain) to {WORST_PAIN} (the worst)"
BUILTIN = "built-in"
DAY_MINUTES = (5, 90)  # the shortest and the longest day `stretch setup` takes
