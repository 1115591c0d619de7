"""`stretch setup`: the intake at a terminal, the flags in a script, the answers shown."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from stretch.commands.common.basics import catalogue
from stretch.commands.common.person import intake_for, profile_and_path

if TYPE_CHECKING:
    from stretch.coach.profile import Profile
    from stretch.output import Terminal


def setup(term: Terminal, *, show: bool, days: str | None, minutes: int | None,
          floor: bool | None, kneel: bool | None, hip_replacement: bool | None,
          leg_symptoms: bool | None) -> None:
    """Change the answers the flags give (or, with none at a terminal, ask them all),
    save them whole, and show them; --show (or no flags and no terminal) only shows."""
    from stretch.coach import profile as profiles

    current, path = profile_and_path()
    flags = {"floor": floor, "kneel": kneel, "hip_replacement": hip_replacement,
             "leg_symptoms": leg_symptoms, "minutes": minutes}
    given: dict[str, Any] = {k: v for k, v in flags.items() if v is not None}
    if days is not None:
        given["days"] = _days(days)
    if show or (not given and not term.interactive):
        _show(term, current, path, saved=False)
        return
    answers = current or profiles.Profile()
    answers = replace(answers, **given) if given else intake_for(term, catalogue(), answers)
    profiles.save(path, answers)
    _show(term, answers, path, saved=True)


def _days(spec: str) -> tuple[int, ...] | None:
    """--days: a set of days, or 'plan' for the plan's own (a usage error otherwise)."""
    from stretch.days import DAYS_FORM, read_days
    from stretch.errors import UsageProblem

    if spec.strip().lower() == "plan":
        return None
    found = read_days(spec)
    if not found:
        raise UsageProblem(f"--days '{spec}' is not a set of days: use {DAYS_FORM}, or plan")
    return found


def _show(term: Terminal, answers: Profile | None, path: object, *, saved: bool) -> None:
    from stretch.views.profile import profile_view

    term.show(profile_view(answers, path, saved=saved))
