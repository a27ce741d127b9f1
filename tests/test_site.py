"""The site is built from the data, strictly, and never from data with errors."""
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import PROJECT

MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--strict"]  # never -q: it hides warnings


def bouw(project: Path, doel: Path) -> subprocess.CompletedProcess:
    omgeving = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*MKDOCS, "--site-dir", str(doel)], cwd=project, env=omgeving,
                          capture_output=True, text=True)


class Elementen(HTMLParser):
    """Collects (tag, attributes, text) of every element, with a real HTML parser."""

    def __init__(self):
        super().__init__()
        self.elementen: list[tuple[str, dict, list[str]]] = []
        self._open: list[tuple[str, dict, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        element = (tag, dict(attrs), [])
        self.elementen.append(element)
        if tag not in ("meta", "link", "img", "br", "input", "hr", "source"):
            self._open.append(element)

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        for element in self._open:
            element[2].append(data)


def lees_html(pad: Path) -> list[tuple[str, dict, str]]:
    parser = Elementen()
    parser.feed(pad.read_text(encoding="utf-8"))
    return [(tag, attrs, " ".join("".join(tekst).split())) for tag, attrs, tekst in parser.elementen]


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    doel = tmp_path_factory.mktemp("site")
    uit = bouw(PROJECT, doel)
    assert uit.returncode == 0, uit.stderr
    assert "WARNING" not in uit.stderr
    return doel


def test_home_toont_alle_afspraken_uit_de_data(site, echt):
    elementen = lees_html(site / "index.html")
    (html,) = [a for t, a, _ in elementen if t == "html"]
    assert html["lang"] == "nl"
    afspraken = [a["id"] for t, a, _ in elementen if t == "section" and "afspraak" in a.get("class", "")]
    assert afspraken == [f"afspraak-{a.id}" for t in echt.jaren[2024].themas for a in t.afspraken]
    koppen = {tekst for t, _, tekst in elementen if t == "h4"}
    assert "Afspraak 18: " + echt.afspraak("2024-18").titel in koppen


def test_geen_externe_bronnen(site):
    for pad in site.rglob("*.html"):
        for tag, attrs, _ in lees_html(pad):
            for veld in ("src", "href"):
                waarde = attrs.get(veld) or ""
                # rel=canonical names the page's own address; browsers do not fetch it
                if tag in ("script", "link", "img") and waarde and attrs.get("rel") != "canonical":
                    assert not waarde.startswith(("http:", "https:", "//")), (pad, waarde)


def kopie_van_project(doel: Path) -> Path:
    for naam in ("data", "docs", "macros"):
        shutil.copytree(PROJECT / naam, doel / naam, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT / "mkdocs.yml", doel / "mkdocs.yml")
    return doel


def test_jinja_en_html_in_data_worden_niet_uitgevoerd(tmp_path):
    project = kopie_van_project(tmp_path / "project")
    pad = project / "data/2024/betaalbaarheid.yaml"
    tekst = pad.read_text(encoding="utf-8")
    oud = "Corporaties gaan voor nul ontruimingen op basis van alleen huurachterstand."
    assert oud in tekst
    pad.write_text(tekst.replace(oud, "{{ 7 * 7 }} {% raw %} <script>alert(1)</script>"), encoding="utf-8")
    uit = bouw(project, tmp_path / "site")
    assert uit.returncode == 0, uit.stderr
    (sectie,) = [tekst for t, a, tekst in lees_html(tmp_path / "site/index.html") if a.get("id") == "afspraak-2024-18"]
    assert "{{ 7 * 7 }} {% raw %} <script>alert(1)</script>" in sectie
    assert "<script>alert(1)" not in (tmp_path / "site/index.html").read_text(encoding="utf-8")


def test_bouw_met_foute_data_stopt_zonder_traceback(tmp_path):
    project = kopie_van_project(tmp_path / "project")
    pad = project / "data/2024/duurzaamheid.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("[de-volmacht]", "[de-volmagt]", 1), encoding="utf-8")
    uit = bouw(project, tmp_path / "site")
    assert uit.returncode != 0
    assert "Traceback" not in uit.stderr
    assert "onbekende partij of groep 'de-volmagt'; bedoelde u 'de-volmacht'?" in uit.stderr
    assert "data/2024/duurzaamheid.yaml:" in uit.stderr
    assert not (tmp_path / "site").exists()
