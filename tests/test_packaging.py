"""The built wheel, installed with its dependencies into a fresh environment, seeds a database."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import venv
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TRONDHEIM_REQUEST_2015 = """
    select figure.value from figure join place on place.id = figure.place_id
    where place.code = '5001' and figure.year = 2015 and figure.measure = 'requested' and figure."group" = 'all'
"""


def not_source(folder: str, names: list[str]) -> set[str]:
    """What a build must not see: the venv, the local database, caches and earlier builds."""
    if Path(folder) != ROOT:
        return {"__pycache__"} & set(names)
    local = {"data", "build", "__pycache__"}
    return {name for name in names if name.startswith(".") or name in local or name.endswith(".egg-info")}


def pip(*arguments: str, cwd: Path) -> None:
    """Run this environment's pip quietly; a failure fails the test."""
    subprocess.run([sys.executable, "-m", "pip", *arguments, "--quiet"], cwd=cwd, check=True, timeout=900)


@pytest.mark.slow
def test_the_installed_command_seeds_the_register_and_figures(tmp_path: Path) -> None:
    """`bosettingsbot seed` from the installed wheel, run outside the repository, loads the register and figures."""
    source, dist, env, database = (tmp_path / name for name in ("source", "dist", "env", "seeded.sqlite3"))
    shutil.copytree(ROOT, source, ignore=not_source)  # a clean build that leaves no build/ in the repository
    pip("wheel", "--no-deps", ".", "-w", str(dist), cwd=source)
    venv.create(env, with_pip=False)  # this pip installs into it: no second pip to set up
    wheel = str(next(dist.glob("bosettingsbot-*.whl")))
    locked = str(ROOT / "requirements.lock")  # the wheel's own dependencies, at the locked versions
    # --no-compile: the seed compiles what it imports, far less than all of pandas and matplotlib
    pip("--python", str(env / "bin" / "python"), "install", "--no-compile", "-c", locked, wheel, cwd=tmp_path)

    seeded = subprocess.run(
        [str(env / "bin" / "bosettingsbot"), "seed"],
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{database}"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert seeded.returncode == 0, seeded.stderr
    with closing(sqlite3.connect(database)) as db:
        assert db.execute(TRONDHEIM_REQUEST_2015).fetchall() == [(469.0,)]
        (municipalities,) = db.execute("select count(*) from place where level = 'municipality'").fetchone()
    assert municipalities > 400  # the whole SSB register, not only the places with seed figures
    with zipfile.ZipFile(wheel) as built:  # the common words that understanding reads
        assert {f"bot/data/common_words_{language}.txt" for language in ("nb", "nn", "en")} <= set(
            built.namelist()
        )
