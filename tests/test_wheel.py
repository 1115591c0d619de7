"""The built wheel carries the catalogue: installed in a fresh venv, it runs from anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_lists_from_any_directory(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        check=True,
    )
    wheel = next(dist.glob("stretch-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "stretch/routines/stretches.yaml" in names
    assert "stretch/routines/week.yaml" in names

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bindir / "python"), "-m", "pip", "install", "--quiet", str(wheel)], check=True
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "STRETCH_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [str(bindir / "stretch"), "list", "--json"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert {r["name"] for r in json.loads(done.stdout)} >= {"hip-reset", "desk-break"}
    table = subprocess.run(
        [str(bindir / "stretch"), "list"], cwd=elsewhere, env=env, capture_output=True, text=True,
        check=False,
    )
    assert "hip-reset" in table.stdout and table.returncode == 0
