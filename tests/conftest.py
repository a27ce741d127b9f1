"""Shared fixtures: fixture data sets, throw-away copies to break on purpose, built sites.

Code is tested on the fictional data sets in tests/fixtures/ (see its README.md):
`een_jaar`, `twee_jaren`, `andere_gemeente` are their loaded models, `gegevens(naam)` a
fresh copy to break, `site_een_jaar`, `site_twee_jaren`, `site_andere_gemeente` their
built sites. The live data (`echt`, `data`, `site`) is only for tests that hold for any
valid data, and for the named content tests (test_inhoud_bron.py).
"""
from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mkdocs.commands.build import build
from mkdocs.config import load_config

from macros.gereedschap import cli
from macros.gegevens.laden import laad, laad_of_stop
from macros.gegevens.model import Model

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"
SCHEMA = DATA / "schema"  # the format: one definition, shared by the live data and the fixtures
FIXTURES = PROJECT / "tests/fixtures"
# A fixture data set is a folder of tests/fixtures/, or folders laid over each other.
GEGEVENSSETS = {
    "een-jaar": ("een-jaar",),  # one signed year with a source text (bron/)
    "twee-jaren": ("een-jaar", "twee-jaren"),  # plus an unsigned year with lineage
    "andere-gemeente": ("andere-gemeente",),  # other parties, groups, places and themes
    "gevolgd": ("gevolgd",),  # two past years with fictional progress: every status, corrections
}
MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--strict"]  # never -q: it hides warnings


@pytest.fixture(scope="session")
def echt():
    """The real data, loaded once."""
    return laad_of_stop(DATA)


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of the live data/ in a temporary project folder."""
    kopie = tmp_path / "data"
    shutil.copytree(DATA, kopie)
    return kopie


# The ids of the set een-jaar as a message about an unknown id lists them ("bekend zijn: ...").
BEKEND = {
    "partij of groep": "bekend zijn: gemeente-lindeveld, woonkring, huurdersraad-woonkring, samen, "
                       "verhuurder-en-huurders",
    "partij": "bekend zijn: gemeente-lindeveld, woonkring, huurdersraad-woonkring",
    "plaats": "bekend zijn: beekdorp, de-akkers, heidezand",
    "document": "bekend zijn: woonplan-lindeveld, meerjarenafspraken",
}


def maak_gegevens(naam: str, project: Path) -> Path:
    """The fixture data set `naam` as `project`/data, with the schemas; returns that folder."""
    datamap = project / "data"
    for deel in GEGEVENSSETS[naam]:
        shutil.copytree(FIXTURES / deel, datamap, dirs_exist_ok=True)
    shutil.copytree(SCHEMA, datamap / "schema")
    return datamap


@pytest.fixture
def gegevens(tmp_path):
    """gegevens("een-jaar"): a fresh copy of a fixture data set, to change or break."""
    teller = iter(range(1_000))

    def maak(naam: str = "een-jaar") -> Path:
        return maak_gegevens(naam, tmp_path / f"project-{next(teller)}")
    return maak


def laad_set(naam: str, map_: Path) -> Model:
    resultaat = laad(maak_gegevens(naam, map_))
    assert resultaat.meldingen == [], "\n".join(m.als_regel() for m in resultaat.meldingen)
    return resultaat.model


@pytest.fixture(scope="session")
def een_jaar(tmp_path_factory) -> Model:
    return laad_set("een-jaar", tmp_path_factory.mktemp("een-jaar"))


@pytest.fixture(scope="session")
def twee_jaren(tmp_path_factory) -> Model:
    return laad_set("twee-jaren", tmp_path_factory.mktemp("twee-jaren"))


@pytest.fixture(scope="session")
def andere_gemeente(tmp_path_factory) -> Model:
    return laad_set("andere-gemeente", tmp_path_factory.mktemp("andere-gemeente"))


@pytest.fixture(scope="session")
def gevolgd(tmp_path_factory) -> Model:
    return laad_set("gevolgd", tmp_path_factory.mktemp("gevolgd"))


def schrijf(pad: Path, tekst: str, kop: str = "") -> None:
    """Write a data file: `kop` (a first line), then an indented triple-quoted string."""
    pad.write_text(kop + textwrap.dedent(tekst).lstrip("\n"), encoding="utf-8")


# The theme file the error tests overwrite, in a copy of the fixture set een-jaar
# (`gegevens("een-jaar")`): its theme without commitments, so nothing refers to what the
# tests write there. And the first line every theme file has.
PAD = "data/2030/tijdelijk-wonen.yaml"
KOP = "# yaml-language-server: $schema=../schema/thema.schema.json\n"


def schrijf_thema(datamap: Path, tekst: str) -> None:
    """Replace the file PAD by `tekst` (line 2 = its first line; line 1 is KOP)."""
    schrijf(datamap.parent / PAD, tekst, kop=KOP)


def vervang(datamap: Path, pad: str, oud: str, nieuw: str) -> None:
    """Replace the one occurrence of `oud` in the file `pad` ("data/...") by `nieuw`."""
    bestand = datamap.parent / pad
    tekst = bestand.read_text(encoding="utf-8")
    assert tekst.count(oud) == 1, f"{oud!r} staat niet precies één keer in {pad}"
    bestand.write_text(tekst.replace(oud, nieuw), encoding="utf-8")


def regels(datamap: Path, pad: str | None = None, alleen_fouten: bool = True) -> list[str]:
    """The check's output lines, optionally for one file only."""
    resultaat = laad(datamap)
    meldingen = resultaat.fouten if alleen_fouten else resultaat.meldingen
    return [m.als_regel() for m in meldingen if pad is None or m.pad == pad]


def cli_in_proces(*args: str, omgeving: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python -m macros <args>`, run in this process with `omgeving` added to the environment.

    A new interpreter per call would double the suite's time; tests/test_cli.py and the
    hostile-input tests run the real command."""
    uit, fout = io.StringIO(), io.StringIO()
    omgeving = omgeving or {}
    oud = {k: os.environ.get(k) for k in omgeving}
    os.environ.update(omgeving)
    try:
        with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
            try:
                code = cli.main(list(args))
            except SystemExit as stop:  # argparse
                code = stop.code
    finally:
        for k, v in oud.items():
            if v is None:
                os.environ.pop(k)
            else:
                os.environ[k] = v
    return subprocess.CompletedProcess(["python", "-m", "macros", *args], code, uit.getvalue(), fout.getvalue())


def bouw(project: Path, doel: Path) -> subprocess.CompletedProcess:
    """Build `project` into `doel` as `make build` does."""
    omgeving = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*MKDOCS, "--site-dir", str(doel)], cwd=project, env=omgeving,
                          capture_output=True, text=True)


class _Verzamel(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.regels: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.regels.append(f"{record.levelname} - {record.getMessage()}")


def bouw_zonder_waarschuwing(project: Path, doel: Path) -> Path:
    """Build `project` strictly into `doel`, in this process (the same build as `make build`
    without starting MkDocs anew each time); fails on any warning or error."""
    verzamel = _Verzamel()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(verzamel)
    vorige_map = os.getcwd()
    try:
        os.chdir(project)  # as `make build` runs: SITE_URL and relative paths from the project
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(doel), strict=True)
        build(config)
    finally:
        os.chdir(vorige_map)
        logger.removeHandler(verzamel)
    assert verzamel.regels == [], "\n".join(verzamel.regels)
    return doel


def projectkopie(doel: Path, gegevensset: str | None = None) -> Path:
    """The project without its virtual environment, built output or caches; with
    `gegevensset`, its data/ is that fixture data set instead of the live data."""
    negeer = shutil.ignore_patterns(".venv", ".git", "site", "__pycache__", ".pytest_cache", "node_modules")
    shutil.copytree(PROJECT, doel, ignore=negeer)
    if gegevensset:
        shutil.rmtree(doel / "data")
        maak_gegevens(gegevensset, doel)
    return doel


def bouw_set(tmp_path_factory, naam: str) -> Path:
    project = projectkopie(tmp_path_factory.mktemp(naam) / "project", naam)
    return bouw_zonder_waarschuwing(project, tmp_path_factory.mktemp(f"site-{naam}"))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once per test session."""
    return bouw_zonder_waarschuwing(PROJECT, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_een_jaar(tmp_path_factory) -> Path:
    return bouw_set(tmp_path_factory, "een-jaar")


@pytest.fixture(scope="session")
def site_twee_jaren(tmp_path_factory) -> Path:
    return bouw_set(tmp_path_factory, "twee-jaren")


@pytest.fixture(scope="session")
def site_andere_gemeente(tmp_path_factory) -> Path:
    return bouw_set(tmp_path_factory, "andere-gemeente")


@pytest.fixture(scope="session")
def site_gevolgd(tmp_path_factory) -> Path:
    return bouw_set(tmp_path_factory, "gevolgd")


# A many-year site for the search: synthetic data (python -m macros synth), small years.
VEEL_JAREN = {"jaren": 6, "afspraken": 12, "zaad": 7}


def _veel_jaren_project(tmp_path_factory) -> Path:
    project = projectkopie(tmp_path_factory.mktemp("veel-jaren") / "project")
    shutil.rmtree(project / "data")
    uit = cli_in_proces("synth", "--jaren", str(VEEL_JAREN["jaren"]), "--afspraken", str(VEEL_JAREN["afspraken"]),
                        "--zaad", str(VEEL_JAREN["zaad"]), str(project / "data"))
    assert uit.returncode == 0, uit.stdout + uit.stderr
    return project


@pytest.fixture(scope="session")
def veel_jaren_project(tmp_path_factory) -> Path:
    return _veel_jaren_project(tmp_path_factory)


@pytest.fixture(scope="session")
def veel_jaren(veel_jaren_project) -> Model:
    resultaat = laad(veel_jaren_project / "data")
    assert resultaat.model is not None, "\n".join(m.als_regel() for m in resultaat.fouten)
    return resultaat.model


@pytest.fixture(scope="session")
def site_veel_jaren(veel_jaren_project, tmp_path_factory) -> Path:
    return bouw_zonder_waarschuwing(veel_jaren_project, tmp_path_factory.mktemp("site-veel-jaren"))


def pytest_sessionfinish(session, exitstatus):
    """A run in which no test passed is a failure, never a green build."""
    verslag = session.config.pluginmanager.get_plugin("terminalreporter")
    geslaagd = len(verslag.stats.get("passed", [])) if verslag else session.testscollected
    if exitstatus == 0 and geslaagd == 0:
        session.exitstatus = 1
        if verslag:
            verslag.write_line("Er is geen enkele test geslaagd: dat telt als mislukt.", red=True)
