"""`stretch learn`: short notes in plain words. (The flare-up plan for the coach, until
the notes themselves land.)"""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from stretch.model import Catalogue

FLARE_UP = ("In a flare-up: keep moving gently, take short walks, rest in the positions "
            "that ease it, try heat, and do a smaller dose for a few days, then build back "
            "to your usual. Get help if a warning sign appears or it has not settled in a "
            "few weeks.")


def topic(known: Catalogue, name: str, *, boxed: bool = True) -> RenderableType | None:
    """One topic's note, None when there is no such topic."""
    return Text(FLARE_UP) if name == "flare-up" else None
