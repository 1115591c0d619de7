"""`stretch validate`: check every file on its own, then check references across them.

Loading stops at the first broken file; validating goes on, so one run reports the
first problem in every file a user is working on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from stretch.catalogue.drafts import FileContent
from stretch.catalogue.load import builtin_dir, catalogue_files, read_file
from stretch.catalogue.merge import merge
from stretch.errors import CatalogueError, StretchError
from stretch.model import BUILTIN
from stretch.text import plural


@dataclass(slots=True)
class Report:
    """Which files passed, the one-line problems found, and a summary of the catalogue."""

    good: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    summary: str = ""


def expand(paths: Sequence[Path]) -> tuple[list[Path], list[str]]:
    """Files named, and the catalogue files inside folders named; missing paths are problems."""
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            files += catalogue_files(path)
        elif path.exists():
            files.append(path)
        else:
            problems.append(f"{path}: no such file or folder")
    return files, problems


def check_files(paths: Sequence[Path], *, user_dir: Path | None) -> Report:
    """Check `paths` as user files over the built-ins, and nothing else: another user file
    with a problem is not reported here. With no `paths`, every built-in and user file."""
    builtin = catalogue_files(builtin_dir())
    targets, missing = expand(paths)
    report = Report(problems=missing)
    if not paths:
        targets = builtin + (catalogue_files(user_dir) if user_dir is not None else [])
    chosen = {p.resolve() for p in targets}
    builtins = {b.resolve() for b in builtin}
    user = [p for p in targets if p.resolve() not in builtins]

    base = _read_all(builtin, report, chosen, source=BUILTIN)
    mine = _read_all(user, report, chosen, source=None)
    if report.problems:
        return report
    try:
        catalogue = merge(base, mine)
    except CatalogueError as err:
        report.problems.append(err.message)
        report.good = [g for g in report.good if g != err.path]
        return report
    week = f"week plan from {catalogue.week.source}" if catalogue.week else "no week plan"
    report.summary = (
        f"{plural(len(report.good), 'file')} ok; the catalogue has "
        f"{plural(len(catalogue.moves), 'move')}, {plural(len(catalogue.routines), 'routine')}, "
        f"{plural(len(catalogue.avoid), 'stretch', 'stretches')} to avoid, {week}."
    )
    return report


def misplaced(user_dir: Path) -> list[Path]:
    """Catalogue files put in the stretch folder itself, beside the routines folder, where
    nothing reads them: the likeliest reason a routine someone wrote is "not found"."""
    try:
        return catalogue_files(user_dir.parent)
    except StretchError:
        return []


def _read_all(
    paths: Sequence[Path], report: Report, chosen: set[Path], *, source: str | None
) -> list[FileContent]:
    contents: list[FileContent] = []
    for path in paths:
        try:
            contents.append(read_file(path, source=source))
        except CatalogueError as err:
            report.problems.append(err.message)
            continue
        if path.resolve() in chosen:
            report.good.append(str(path))
    return contents
