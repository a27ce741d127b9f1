"""The build's one owner (macros/lijm/bouw.py): generated bodies outside Markdown, links to
their anchors checked, and the editors' loop of `make serve` (mkdocs serve --dirty)
giving exactly the site a full build gives.

Builds run in this process, on the fixture data set with two years.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from macros.lijm import bouw as bouwmodule

from conftest import bouw_zonder_waarschuwing, projectkopie, schrijf, vervang


def _serve_build(project: Path, site: Path) -> set[str]:
    """One build as `make serve` makes it (dirty, in the same process as the previous
    one); the URLs of the pages MkDocs rendered."""
    vorige_map = os.getcwd()
    try:
        os.chdir(project)
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
        config.plugins.on_startup(command="serve", dirty=True)
        build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
    finally:
        os.chdir(vorige_map)
    # under `make serve` the hook may import the package anew: ask the current one
    return set(sys.modules["macros.lijm.bouw"].huidige().gebouwd)


def _bestanden(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _zelfde_site(serve: Path, volledig: Path) -> None:
    a, b = _bestanden(serve), _bestanden(volledig)
    assert sorted(a) == sorted(b)
    verschillend = [n for n in a if a[n] != b[n] and n != "sitemap.xml.gz"]  # gzip holds a time
    assert verschillend == []


@pytest.fixture
def serve(tmp_path):
    """A project copy and a site folder for builds as `make serve` makes them. The hook
    then keeps state in the environment and may import the package anew: both are put
    back afterwards, so other tests keep the modules they imported."""
    modules = {k: v for k, v in sys.modules.items() if k == "macros" or k.startswith("macros.")}
    omgeving = {k: os.environ.get(k) for k in (bouwmodule.SERVE, "PRESTATIEAFSPRAKEN_CODE")}
    for k in omgeving:
        os.environ.pop(k, None)
    try:
        yield projectkopie(tmp_path / "project", "twee-jaren"), tmp_path / "serve"
    finally:
        for k in [k for k in sys.modules if k == "macros" or k.startswith("macros.")]:
            del sys.modules[k]
        sys.modules.update(modules)
        for k, v in omgeving.items():
            os.environ.pop(k, None) if v is None else os.environ.__setitem__(k, v)


@pytest.mark.parametrize("wijziging, verwacht", [
    # a title: its page, its neighbours and what it is linked with, and the year's lists
    (lambda d: vervang(d, "data/2031/woningbouw.yaml", "Een woonmarkt in De Akkers", "Een woonmarkt voor De Akkers"),
     {"2031/afspraken/2/", "2031/afspraken/1/", "2031/themas/woningbouw/"}),
    # the commitment that 2031-1 continues: the page of 2031-1 shows its title
    (lambda d: vervang(d, "data/2030/woningbouw.yaml", "Woonkring bouwt woningen in Beekdorp",
                       "Woonkring bouwt huizen in Beekdorp"),
     {"2030/afspraken/1/", "2031/afspraken/1/"}),
])
def test_make_serve_bouwt_alleen_wat_veranderde_en_geeft_dezelfde_site(serve, tmp_path, wijziging, verwacht):
    project, site = serve
    eerste = _serve_build(project, site)
    assert len(eerste) > 10  # the first build makes every page
    wijziging(project / "data")
    gebouwd = _serve_build(project, site)
    assert verwacht <= gebouwd
    afspraken = {u for u in gebouwd if "/afspraken/" in u and u.count("/") == 3}
    assert len(afspraken) <= 4, gebouwd  # not every commitment page
    _zelfde_site(site, bouw_zonder_waarschuwing(project, tmp_path / "volledig"))


def test_make_serve_bouwt_de_jaarpagina_van_het_jaar_erna_na_nieuwe_voortgang(serve, tmp_path):
    """The next year's page says what became of this year's commitments; a title change in
    the newest year rebuilds no page of another year whose view of it stayed the same
    (overview filters, place counts)."""
    _, site = serve
    project = projectkopie(tmp_path / "gevolgd", "gevolgd")
    _serve_build(project, site)
    vervang(project / "data", "data/2021/voortgang.yaml", "    status: niet-toetsbaar\n", "    status: loopt\n")
    gebouwd = _serve_build(project, site)
    assert {"2021/", "2021/afspraken/8/", "2022/"} <= gebouwd
    _zelfde_site(site, bouw_zonder_waarschuwing(project, tmp_path / "volledig"))
    vervang(project / "data", "data/2022/woningbouw.yaml", "Woonkring bouwt verder in Heidezand",
            "Woonkring bouwt nog meer in Heidezand")
    gebouwd = _serve_build(project, site)
    # of 2021 only the commitment that 2022-2 continues: its page names its successor
    assert "2022/afspraken/2/" in gebouwd and {u for u in gebouwd if u.startswith("2021/")} == {"2021/afspraken/1/"}
    _zelfde_site(site, bouw_zonder_waarschuwing(project, tmp_path / "volledig-2"))


def test_make_serve_bouwt_alles_na_een_wijziging_van_gedeelde_gegevens(serve, tmp_path):
    project, site = serve
    _serve_build(project, site)
    vervang(project / "data", "data/themas.yaml", "naam: Woningbouw", "naam: Nieuwe woningen")
    gebouwd = _serve_build(project, site)
    assert {"2030/afspraken/1/", "2031/afspraken/2/", "2030/themas/woningbouw/"} <= gebouwd
    _zelfde_site(site, bouw_zonder_waarschuwing(project, tmp_path / "volledig"))


def test_make_serve_haalt_een_verdwenen_pagina_weg(serve, tmp_path):
    project, site = serve
    _serve_build(project, site)
    assert (site / "2031/afspraken/2/index.html").is_file()
    bestand = project / "data/2031/woningbouw.yaml"
    tekst = bestand.read_text(encoding="utf-8")
    bestand.write_text(tekst[:tekst.index("  - nummer: 2")], encoding="utf-8")
    _serve_build(project, site)
    assert not (site / "2031/afspraken/2/index.html").exists()
    _zelfde_site(site, bouw_zonder_waarschuwing(project, tmp_path / "volledig"))


def test_make_serve_leest_alleen_gewijzigde_bestanden(serve, monkeypatch):
    project, site = serve
    _serve_build(project, site)
    gelezen = []
    laden = sys.modules["macros.gegevens.laden"]
    echt_lees = laden.lees
    monkeypatch.setattr(laden, "lees", lambda pad, *a: gelezen.append(pad.name) or echt_lees(pad, *a))
    vervang(project / "data", "data/2031/woningbouw.yaml", "Een woonmarkt in De Akkers", "Een markt in De Akkers")
    _serve_build(project, site)
    assert gelezen == ["woningbouw.yaml"]


def test_make_serve_meldt_een_fout_ook_als_het_jaar_al_gecontroleerd_was(serve, tmp_path, caplog):
    """What make serve keeps between builds never hides a mistake: a reference to a place
    that does not exist stops the next build with its file and line, and after the fix it
    builds again. A place removed from the shared file is found in an unchanged year too."""
    project, site = serve
    _serve_build(project, site)
    vervang(project / "data", "data/2031/woningbouw.yaml", "plaatsen: [de-akkers]", "plaatsen: [de-akers]")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        _serve_build(project, site)
    regel = (project / "data/2031/woningbouw.yaml").read_text(encoding="utf-8").split("\n").index(
        "    plaatsen: [de-akers]") + 1
    assert f"data/2031/woningbouw.yaml:{regel}" in caplog.text and "de-akers" in caplog.text
    vervang(project / "data", "data/2031/woningbouw.yaml", "plaatsen: [de-akers]", "plaatsen: [de-akkers]")
    _serve_build(project, site)
    caplog.clear()
    plaatsen = project / "data/plaatsen.yaml"
    tekst = plaatsen.read_text(encoding="utf-8")
    plaatsen.write_text(tekst.replace("id: beekdorp", "id: beekdorp-oud"), encoding="utf-8")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        _serve_build(project, site)
    assert "data/2030/woningbouw.yaml" in caplog.text and "beekdorp" in caplog.text


def test_een_gewone_build_begint_steeds_opnieuw(tmp_path, monkeypatch):
    """Outside `make serve` nothing is taken over from an earlier build in the process."""
    monkeypatch.delenv(bouwmodule.SERVE, raising=False)
    project = projectkopie(tmp_path / "project", "een-jaar")
    bouw_zonder_waarschuwing(project, tmp_path / "a")
    vervang(project / "data", "data/2030/woningbouw.yaml", "Woonkring bouwt woningen in Beekdorp", "Andere titel")
    site = bouw_zonder_waarschuwing(project, tmp_path / "b")
    assert "Andere titel" in (site / "2030/afspraken/1/index.html").read_text(encoding="utf-8")


# --- the body outside Markdown; links to its anchors -------------------------------------

def test_lichaam_gaat_niet_door_markdown(tmp_path, monkeypatch):
    """MkDocs gets only the title line of a generated page; the body is put back after."""
    gezien = {}
    echt = bouwmodule.Bouw.vul

    def vul(self, page):
        uit = echt(self, page)
        if uit is not None:
            gezien[page.file.src_uri] = uit
        return uit

    monkeypatch.setattr(bouwmodule.Bouw, "vul", vul)
    project = projectkopie(tmp_path / "project", "een-jaar")
    site = bouw_zonder_waarschuwing(project, tmp_path / "site")
    assert gezien["2030/afspraken/1.md"].startswith("# ") and gezien["2030/afspraken/1.md"].count("\n") == 1
    html = (site / "2030/afspraken/1/index.html").read_text(encoding="utf-8")
    assert 'id="citaat-2030-1"' in html and "<h2>Wat is afgesproken</h2>" in html


def _pagina_met_link(project: Path, link: str) -> None:
    schrijf(project / "docs" / "proef.md", f"# Proef\n\n[De citeerregel]({link})\n")
    mkdocs = project / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8").replace(
        "  - Bijdragen: bijdragen.md\n", "  - Bijdragen: bijdragen.md\n  - Proef: proef.md\n"), encoding="utf-8")


def test_link_naar_een_anker_in_een_gegenereerde_pagina_werkt(tmp_path):
    project = projectkopie(tmp_path / "project", "een-jaar")
    _pagina_met_link(project, "2030/afspraken/1.md#citaat-2030-1")
    site = bouw_zonder_waarschuwing(project, tmp_path / "site")
    assert 'href="../2030/afspraken/1/#citaat-2030-1"' in (site / "proef/index.html").read_text(encoding="utf-8")


def test_link_naar_een_ontbrekend_anker_stopt_de_build(tmp_path, caplog):
    project = projectkopie(tmp_path / "project", "een-jaar")
    _pagina_met_link(project, "2030/afspraken/1.md#bestaat-niet")
    vorige_map = os.getcwd()
    os.chdir(project)
    try:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
        with caplog.at_level(logging.WARNING, logger="mkdocs"), pytest.raises(Abort):
            build(config)
    finally:
        os.chdir(vorige_map)
    assert "does not contain an anchor '#bestaat-niet'" in caplog.text


# --- make serve itself: code and templates take effect on the next rebuild ----------------

def _wacht_tot(adres: str, tekst: str, proces, log: Path, seconden: float = 60) -> None:
    import time
    import urllib.request

    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        assert proces.poll() is None, log.read_text(encoding="utf-8")[-3000:]
        try:
            with urllib.request.urlopen(adres, timeout=2) as antwoord:
                if tekst in antwoord.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{tekst!r} niet op {adres} na {seconden} s:\n{log.read_text(encoding='utf-8')[-3000:]}")


def test_make_serve_neemt_gewijzigde_code_en_templates_mee(tmp_path):
    """`make serve`'s own command on a project copy: a change to a template and to Python
    code in macros/ shows on the served pages without restarting."""
    import subprocess

    from bench.bewerken import serve_opdracht, vrije_poort

    project = projectkopie(tmp_path / "project", "een-jaar")
    adres = f"http://127.0.0.1:{vrije_poort()}/"
    log = tmp_path / "serve.log"
    omgeving = {k: v for k, v in os.environ.items() if k not in (bouwmodule.SERVE, "PRESTATIEAFSPRAKEN_CODE")}
    with open(log, "wb") as uit:
        proces = subprocess.Popen(serve_opdracht(adres.removeprefix("http://").rstrip("/")), cwd=project, stdout=uit, stderr=subprocess.STDOUT,
                                  env={**omgeving, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": adres})
    try:
        _wacht_tot(adres + "2030/afspraken/1/", "Wat is afgesproken", proces, log)
        vervang(project / "data", "macros/paginas/templates/afspraak.html",
                "<h2>Wat is afgesproken</h2>", "<h2>Wat is er afgesproken</h2>")
        _wacht_tot(adres + "2030/afspraken/1/", "Wat is er afgesproken", proces, log)
        vervang(project / "data", "macros/paginas/soorten.py", 'nav="Alle afspraken"',
                'nav="Alle afspraken op een rij"')
        _wacht_tot(adres + "2030/", "Alle afspraken op een rij", proces, log)
    finally:
        proces.terminate()
        proces.wait(timeout=10)
