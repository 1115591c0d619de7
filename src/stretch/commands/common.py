"""What most commands start from: the catalogue, the settings, a routine by name, the history."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stretch.history.store import History
    from stretch.model import Catalogue, Routine
    from stretch.output import Terminal
    from stretch.plan import PlanSettings
    from stretch.settings import Settings


def catalogue() -> Catalogue:
    """The built-in and user catalogue, through the cache."""
    from stretch.catalogue.load import load_catalogue
    from stretch.files import cache_dir, user_routines_dir

    return load_catalogue(user_dir=user_routines_dir(), cache=cache_dir() / "catalogue.pickle")


def settings(**flags: object) -> Settings:
    """The config file's settings with any command-line flags over them."""
    from stretch.files import config_file
    from stretch.settings import load_settings

    return load_settings(config_file()).with_flags(**flags)


def timings() -> PlanSettings:
    """The planner's timings from the config, for `show`, `list`, `week` and the sheet."""
    return settings().values.plan_settings()


def routine(known: Catalogue, name: str) -> Routine:
    from stretch.errors import UnknownName

    found = known.routines.get(name)
    if found is None:
        raise UnknownName("routine", name, known.routines)
    return found


def open_history(term: Terminal) -> History:
    """Open the history (use it in a `with`); say so in one line if a damaged file had
    to be set aside."""
    from stretch.files import history_file
    from stretch.history.store import History

    history = History.open(history_file())
    if history.notice:
        term.note(f"stretch: {history.notice}")
    return history
