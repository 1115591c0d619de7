"""`stretch setup --show`: the person's answers, each in words, and where they are kept."""

from __future__ import annotations

from rich.console import Group as Stack
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from stretch.coach.profile import Profile

UNANSWERED = ("You have not answered the setup yet: the plan's own days, each routine as "
              "long as it takes, and every move that suits a beginner. `stretch setup` asks "
              "six questions (one minute).")


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def answer_rows(answers: Profile) -> list[tuple[str, str]]:
    """Each answer as a person reads it."""
    from stretch.days import describe_days

    return [
        ("days", describe_days(answers.days) if answers.days else "the plan's own"),
        ("minutes a day", f"{answers.minutes}" if answers.minutes else "as long as it takes"),
        ("down to the floor and up", _yes(answers.floor)),
        ("kneel", _yes(answers.kneel)),
        ("hip replacement or a pinch", _yes(answers.hip_replacement)),
        ("spreads down a leg", _yes(answers.leg_symptoms)),
    ]


def profile_view(answers: Profile | None, path: object, *, saved: bool) -> RenderableType:
    if answers is None:
        return Text(UNANSWERED)
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for label, value in answer_rows(answers):
        table.add_row(label, Text(value))
    said = f"Saved to {path}." if saved else f"Kept in {path}."
    return Stack(table, Text(said + " `stretch week` shows your plan.", style="dim"))
