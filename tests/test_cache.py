"""The parsed catalogue is cached, and no edit is ever missed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stretch.catalogue import names as names_module
from stretch.catalogue.load import load_catalogue
from stretch.cli import app
from tests.conftest import write_user_file

ROUTINE = """routines:
  mine:
    title: {title}
    items:
      - move: figure-four
"""


def titles(runner: CliRunner) -> str:
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def cache_file(home: Path) -> Path:
    return home / "cache" / "catalogue.pickle"


def test_the_cache_is_written_and_used(runner: CliRunner, stretch_home: Path) -> None:
    write_user_file(stretch_home, "mine.yaml", ROUTINE.format(title="Morning one"))
    assert "Morning one" in titles(runner)
    kept = cache_file(stretch_home)
    assert kept.is_file()
    written = kept.stat().st_mtime_ns
    assert "Morning one" in titles(runner)
    assert kept.stat().st_mtime_ns == written  # read, not rebuilt


def test_an_edit_that_keeps_size_and_time_is_seen(runner: CliRunner, stretch_home: Path) -> None:
    path = write_user_file(stretch_home, "mine.yaml", ROUTINE.format(title="Morning one"))
    assert "Morning one" in titles(runner)
    before = path.stat()
    path.write_text(ROUTINE.format(title="Morning two"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    out = titles(runner)
    assert "Morning two" in out and "Morning one" not in out


def test_a_new_file_and_a_removed_file_are_seen(runner: CliRunner, stretch_home: Path) -> None:
    assert "Morning one" not in titles(runner)
    path = write_user_file(stretch_home, "mine.yaml", ROUTINE.format(title="Morning one"))
    assert "Morning one" in titles(runner)
    path.unlink()
    assert "Morning one" not in titles(runner)


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage", None])
def test_a_corrupt_or_unreadable_cache_is_ignored_and_rebuilt(
        runner: CliRunner, stretch_home: Path, damage: bytes | None) -> None:
    write_user_file(stretch_home, "mine.yaml", ROUTINE.format(title="Morning one"))
    titles(runner)
    kept = cache_file(stretch_home)
    if damage is None:
        kept.unlink()
        kept.mkdir()  # a folder where the file should be: unreadable and unwritable
    else:
        kept.write_bytes(damage)
    assert "Morning one" in titles(runner)
    if damage is not None:
        assert kept.read_bytes() != damage  # rebuilt


def test_a_newer_stretch_does_not_read_an_older_cache(stretch_home: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    target = cache_file(stretch_home)
    load_catalogue(user_dir=None, cache=target)
    first = target.read_bytes()
    names = target.with_name("names.marshal")
    kept_names = names.read_bytes()
    monkeypatch.setattr(names_module, "__version__", "99.0")
    load_catalogue(user_dir=None, cache=target)
    assert target.read_bytes() != first  # the key changed, so it was rebuilt
    assert names.read_bytes() != kept_names  # and so were the names for completion


def test_a_broken_user_file_is_reported_even_with_a_cache(runner: CliRunner,
                                                          stretch_home: Path) -> None:
    path = write_user_file(stretch_home, "mine.yaml", ROUTINE.format(title="Morning one"))
    titles(runner)
    path.write_text("routines:\n  mine:\n    title: [\n", encoding="utf-8")
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"stretch: error: {path}:")


def test_completion_reads_the_names_kept_and_misses_no_edit(runner: CliRunner,
                                                           stretch_home: Path) -> None:
    """Shell completion reads names.marshal beside the cache, not the whole catalogue; the
    same key (every file's bytes) means an edit is seen there too."""
    from stretch.cli.params import complete_move, complete_routine

    path = write_user_file(stretch_home, "mine.yaml", ROUTINE.format(title="Morning one"))
    assert complete_routine("mi") == [("mine", "Morning one")]
    kept = stretch_home / "cache" / "names.marshal"
    assert kept.is_file() and ("pigeon", "Pigeon stretch") in complete_move("pi")
    written = kept.stat().st_mtime_ns
    assert complete_routine("mi") == [("mine", "Morning one")]
    assert kept.stat().st_mtime_ns == written  # read back, not made again
    before = path.stat()
    path.write_text(ROUTINE.format(title="Morning two"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert complete_routine("mi") == [("mine", "Morning two")]
    kept.write_bytes(b"\x00 not marshal")
    assert complete_routine("mi") == [("mine", "Morning two")]  # a corrupt file: rebuilt
    assert complete_routine("h") == [("hip-reset", "Hip reset")]


LOADED = """
import runpy, sys
sys.argv = ["stretch", *sys.argv[1:]]
try:
    runpy.run_module("stretch", run_name="__main__")
except SystemExit:
    pass
print(*(name in sys.modules for name in ("yaml", "sqlite3")), file=sys.stderr)
"""


@pytest.mark.slow
@pytest.mark.parametrize("args", [["list"], ["show", "hip-reset"], ["today", "--preview"]])
def test_a_warm_cache_needs_no_yaml_and_no_history_no_sqlite(stretch_home: Path,
                                                            args: list[str]) -> None:
    """Start-up: the catalogue comes from the cache without the YAML parser, and a command
    that only shows routines opens no SQLite before there is a history to read."""
    import subprocess
    import sys

    env = {**os.environ, "STRETCH_HOME": str(stretch_home)}

    def loaded() -> str:
        done = subprocess.run([sys.executable, "-c", LOADED, *args], capture_output=True,
                              text=True, env=env, check=True)
        return done.stderr.splitlines()[-1]

    assert loaded() == "True False"  # the first run parses the files, and caches them
    assert loaded() == "False False"
