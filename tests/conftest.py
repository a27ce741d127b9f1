"""Shared fixtures: the real data, throw-away copies to break on purpose, built sites."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from macros.laden import laad

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"
TESTJAAR = PROJECT / "tests/fixtures/testjaar/2025"  # fictional, never published
MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--strict"]  # never -q: it hides warnings


@pytest.fixture(scope="session")
def echt():
    """The real data, loaded once."""
    resultaat = laad(DATA)
    assert resultaat.fouten == [], "\n".join(m.als_regel() for m in resultaat.fouten)
    return resultaat.model


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of data/ in a temporary project folder."""
    kopie = tmp_path / "data"
    shutil.copytree(DATA, kopie)
    return kopie


def schrijf(pad: Path, tekst: str, kop: str = "") -> None:
    """Write a data file: `kop` (a first line), then an indented triple-quoted string."""
    pad.write_text(kop + textwrap.dedent(tekst).lstrip("\n"), encoding="utf-8")


# The theme file the error tests overwrite, and the first line every theme file has.
PAD = "data/2024/leefbaarheid.yaml"
KOP = "# yaml-language-server: $schema=../schema/thema.schema.json\n"


def schrijf_thema(datamap: Path, tekst: str) -> None:
    """Replace data/2024/leefbaarheid.yaml by `tekst` (line 2 = its first line)."""
    schrijf(datamap.parent / PAD, tekst, kop=KOP)


def regels(datamap: Path, pad: str | None = None, alleen_fouten: bool = True) -> list[str]:
    """The check's output lines, optionally for one file only."""
    resultaat = laad(datamap)
    meldingen = resultaat.fouten if alleen_fouten else resultaat.meldingen
    return [m.als_regel() for m in meldingen if pad is None or m.pad == pad]


def bouw(project: Path, doel: Path) -> subprocess.CompletedProcess:
    """Build `project` into `doel` as `make build` does."""
    omgeving = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*MKDOCS, "--site-dir", str(doel)], cwd=project, env=omgeving,
                          capture_output=True, text=True)


def bouw_zonder_waarschuwing(project: Path, doel: Path) -> Path:
    uit = bouw(project, doel)
    assert uit.returncode == 0, uit.stderr
    assert "WARNING" not in uit.stderr, uit.stderr
    return doel


def projectkopie(doel: Path) -> Path:
    """The project without its virtual environment, built output or caches."""
    negeer = shutil.ignore_patterns(".venv", ".git", "site", "__pycache__", ".pytest_cache")
    shutil.copytree(PROJECT, doel, ignore=negeer)
    return doel


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once per test session."""
    return bouw_zonder_waarschuwing(PROJECT, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_twee_jaren(tmp_path_factory) -> Path:
    """The real data plus the fictional year 2025 from tests/fixtures, built once."""
    project = projectkopie(tmp_path_factory.mktemp("twee-jaren") / "project")
    shutil.copytree(TESTJAAR, project / "data" / "2025")
    return bouw_zonder_waarschuwing(project, tmp_path_factory.mktemp("site-twee-jaren"))


def pytest_sessionfinish(session, exitstatus):
    """A run in which no test passed is a failure, never a green build."""
    verslag = session.config.pluginmanager.get_plugin("terminalreporter")
    geslaagd = len(verslag.stats.get("passed", [])) if verslag else session.testscollected
    if exitstatus == 0 and geslaagd == 0:
        session.exitstatus = 1
        if verslag:
            verslag.write_line("Er is geen enkele test geslaagd: dat telt als mislukt.", red=True)
