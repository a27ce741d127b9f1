"""The editors' guide (/bijdragen/) shows the data and the check as they are.

Its example commitment, field list and error table are made from the data and the schema
(macros/paginas/handleiding.py). Here each mistake the guide explains is made for real in a copy of
the data, and the check must then say exactly what the guide quotes. This holds for any
valid data, so it runs on the live data and on every fixture set.
"""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import DATA, GEGEVENSSETS, PROJECT, maak_gegevens, regels
from macros.paginas import handleiding, voorbeelden
from macros.gegevens.laden import laad

SETS = ["live", *GEGEVENSSETS]


@pytest.fixture(scope="module", params=SETS)
def datamap(request, tmp_path_factory) -> Path:
    if request.param == "live":
        return DATA
    return maak_gegevens(request.param, tmp_path_factory.mktemp(request.param))


@pytest.fixture(scope="module")
def gids(datamap):
    model = laad(datamap).model
    vb = handleiding.voorbeeld(datamap, model, voorbeelden.voorbeelden(model, date.today().year).afspraak)
    assert vb is not None, "elke set met afspraken heeft een voorbeeld"
    return model, vb


def met_fout(datamap: Path, doel: Path, vb: handleiding.Voorbeeld, maak) -> list[str]:
    """The check's lines after making one mistake in the example's file, in a copy."""
    kopie = doel / "data"
    shutil.copytree(datamap, kopie)
    (kopie / vb.bestand).write_text(maak(vb.tekst), encoding="utf-8")
    return regels(kopie, alleen_fouten=False)


def test_het_voorbeeld_staat_zo_in_het_bestand(gids):
    """The guide's example is the commitment's own lines, at the line it names."""
    model, vb = gids
    regels_ = vb.tekst.split("\n")
    assert "\n".join(regels_[vb.regel - 1:vb.regel - 1 + vb.blok.count("\n") + 1]) == vb.blok
    afspraak = yaml.safe_load(vb.blok)[0]
    assert afspraak["nummer"] == vb.afspraak.nummer
    assert afspraak["titel"] == vb.afspraak.titel
    assert tuple(afspraak["verantwoordelijk"]) == vb.afspraak.verantwoordelijk


def test_elke_melding_in_de_tabel_is_een_echte_melding(gids, datamap, tmp_path):
    model, vb = gids
    fouten = handleiding.fouten(vb, model)
    assert len(fouten) >= 8
    for i, fout in enumerate(fouten):
        uit = met_fout(datamap, tmp_path / str(i), vb, fout.maak)
        assert any(r.endswith(": " + fout.melding) for r in uit), (fout.melding, uit)


def test_de_voorbeeldregel_is_een_echte_regel_van_de_controle(gids, datamap, tmp_path):
    model, vb = gids
    gevonden = handleiding.voorbeeldregel(vb, model)
    if not vb.afspraak.verantwoordelijk:
        assert gevonden is None
        return
    regel, fout = gevonden
    assert regel in met_fout(datamap, tmp_path, vb, fout.maak)


def met_voortgang(datamap: Path, doel: Path, jaar: int, regel: str) -> list[str]:
    """The check's lines after adding one entry at the bottom of the year's progress file, in a copy."""
    kopie = doel / "data"
    shutil.copytree(datamap, kopie)
    pad = kopie / str(jaar) / "voortgang.yaml"
    tekst = pad.read_text(encoding="utf-8") if pad.is_file() else \
        f"# yaml-language-server: $schema=../schema/voortgang.schema.json\njaar: {jaar}\nvoortgang:\n"
    tekst = tekst.replace("voortgang: []", "voortgang:")
    pad.write_text(tekst + ("" if tekst.endswith("\n") else "\n") + regel, encoding="utf-8")
    return regels(kopie, alleen_fouten=False)


def test_elke_melding_over_voortgang_in_de_tabel_is_een_echte_melding(gids, datamap, tmp_path):
    """The same entry without its mistake passes; with it, the check says what the guide quotes."""
    model, vb = gids
    v = handleiding.voortgangfouten(vb, model)
    bestand = f"data/{v.afspraak.jaar}/voortgang.yaml:"
    assert [r for r in met_voortgang(datamap, tmp_path / "goed", v.afspraak.jaar, v.goed) if bestand in r] == []
    assert len(v.fouten) == (5 if v.afspraak.doelen else 4)
    for i, fout in enumerate(v.fouten):
        uit = met_voortgang(datamap, tmp_path / str(i), v.afspraak.jaar, fout.regel)
        assert any(r.startswith(bestand) and r.endswith(": " + fout.melding) for r in uit), (fout.melding, uit)


def test_elk_veld_van_het_schema_staat_erin_met_een_echt_voorbeeld(gids, datamap):
    """Every field an editor writes is explained; every example reads back as that field."""
    model, _ = gids
    velden = handleiding.velden(datamap / "schema", handleiding.blokken(datamap, model))
    schema = yaml.safe_load((datamap / "schema/thema.schema.json").read_text(encoding="utf-8"))
    assert [v.naam for v in velden] == list(schema["$defs"]["afspraak"]["properties"])
    for v in velden:
        assert v.uitleg, v.naam
        if v.voorbeeld:
            assert list(yaml.safe_load(v.voorbeeld)) == [v.naam]
    doelen = next(v for v in velden if v.naam == "doelen")
    eenheid = next(d for d in doelen.delen if d.naam == "eenheid")
    assert eenheid.keuzes == tuple(schema["$defs"]["doel"]["properties"]["eenheid"]["enum"])


@pytest.mark.parametrize("naam, gegevensset", [("site", None), ("site_andere_gemeente", "andere-gemeente")])
def test_de_gebouwde_handleiding_toont_het_voorbeeld_en_de_meldingen(naam, gegevensset, request, tmp_path):
    """The built guide shows the example commitment and the messages of its own data."""
    site = request.getfixturevalue(naam)
    datamap = maak_gegevens(gegevensset, tmp_path) if gegevensset else DATA
    model = laad(datamap).model
    vb = handleiding.voorbeeld(datamap, model, voorbeelden.voorbeelden(model, date.today().year).afspraak)
    pagina = BeautifulSoup((site / "bijdragen" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert pagina.select_one("pre.pa-voorbeeld code").get_text() == vb.blok
    meldingen = [code.get_text() for code in pagina.select("table:has(#meldingen-titel) tbody td:first-child code")]
    assert meldingen == [f.melding for f in handleiding.fouten(vb, model)]
    assert pagina.select_one("table:has(#meldingen-titel)").find_previous("pre").get_text() == \
        handleiding.voorbeeldregel(vb, model)[0]
    voortgang = [code.get_text() for code in
                 pagina.select("table:has(#voortgangmeldingen-titel) tbody td:first-child code")]
    assert voortgang == [f.melding for f in handleiding.voortgangfouten(vb, model).fouten]


def test_de_handleiding_noemt_per_thema_het_bestand_en_de_nummers(site, echt):
    """The table an editor uses to find a commitment's file comes from the data, and
    names files that exist."""
    pagina = BeautifulSoup((site / "bijdragen" / "index.html").read_text(encoding="utf-8"), "html.parser")
    for jaar in echt.jaren.values():
        tabel = pagina.find(id=f"bestanden-{jaar.jaar}").find_next("table")
        rijen = {r.find("code").get_text(): r.find_all("td")[-1].get_text()
                 for r in tabel.find("tbody").find_all("tr")}
        assert f"data/{jaar.jaar}/jaarschijf.yaml" in rijen
        assert all((PROJECT / pad).is_file() for pad in rijen), rijen
        for t in jaar.themas:
            nummers = [a.nummer for a in t.afspraken]
            aaneen = len(nummers) > 1 and nummers[-1] - nummers[0] + 1 == len(nummers)
            verwacht = ("geen" if not nummers else f"{nummers[0]} tot en met {nummers[-1]}" if aaneen
                        else ", ".join(map(str, nummers)))
            assert rijen[f"data/{jaar.jaar}/{t.thema}.yaml"] == verwacht, t.thema
