"""The editors' guide on progress (/bijdragen/, "Voortgang vastleggen").

Its examples (one per status, and a correction) come from one place,
macros/paginas/voortgangvoorbeelden.py. Here each example is added to a copy of the data, at
the bottom of its year's voortgang.yaml as an editor would, and loaded with the real loader
and checks: the guide can never show an example the check refuses. This holds for any valid
data, so it runs on the live data and on every fixture set.
"""
from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import DATA, maak_gegevens
from macros.gegevens.laden import laad
from macros.gegevens.voortgang import STATUSSEN
from macros.paginas import voortgangvoorbeelden

from test_handleiding import datamap  # noqa: F401 (the live data and every fixture set)


def voorbeelden_van(datamap: Path):
    return voortgangvoorbeelden.voorbeelden(laad(datamap).model, date.today())


def met_voorbeeld(kopie: Path, jaar: int, tekst: str, voorbeeld) -> None:
    """The year's progress file as the editor leaves it: the example's entries at the bottom."""
    if re.search(r"^voortgang: \[\]\s*$", tekst, flags=re.M):
        tekst = re.sub(r"^voortgang: \[\]\s*$", "voortgang:", tekst, flags=re.M)
    tekst = tekst.rstrip("\n") + "\n" + voorbeeld.yaml + "\n"
    (kopie / str(jaar) / "voortgang.yaml").write_text(tekst, encoding="utf-8")


def test_een_voorbeeld_voor_elke_status_en_een_correctie(datamap):
    lijst = voorbeelden_van(datamap)
    assert [v.status.id for v in lijst if v.status] == [s.id for s in STATUSSEN]
    assert lijst[-1].status is None and len(lijst) == len(STATUSSEN) + 1
    model = laad(datamap).model
    for v in lijst:
        assert v.wanneer and v.afspraak in model.afspraken
        regels = yaml.safe_load("voortgang:\n" + v.yaml)["voortgang"]
        assert [r["status"] for r in regels][-1] == (v.status.id if v.status else regels[0]["status"])
        assert all(r["afspraak"] == v.afspraak.id for r in regels)
    # the correction is a new entry naming the one it replaces
    eerste, herstel = yaml.safe_load("voortgang:\n" + lijst[-1].yaml)["voortgang"]
    assert herstel["corrigeert"] == eerste["nummer"] == herstel["nummer"] - 1


def test_elk_voorbeeld_komt_door_de_controle(datamap, tmp_path):
    """Each example, added at the bottom of its year's file in a copy of the data, loads
    without a new error or warning, and keeps the rules of a progress file."""
    kopie = tmp_path / "data"
    shutil.copytree(datamap, kopie)
    lijst = voorbeelden_van(kopie)
    jaar = lijst[0].afspraak.jaar
    pad = kopie / str(jaar) / "voortgang.yaml"
    tekst = pad.read_text(encoding="utf-8") if pad.exists() else \
        f"# yaml-language-server: $schema=../schema/voortgang.schema.json\njaar: {jaar}\nvoortgang: []\n"
    voor = {m.als_regel() for m in laad(kopie).meldingen}
    model = laad(kopie).model
    heeft_opvolger = any(model.opvolgers(a.id) for a in model.jaren[jaar].afspraken)
    for v in lijst:
        met_voorbeeld(kopie, jaar, tekst, v)
        resultaat = laad(kopie)
        nieuw = [m.als_regel() for m in resultaat.meldingen if m.als_regel() not in voor]
        if v.illustratief:
            # made up on purpose, because no later year continues a commitment yet: only the
            # successor itself may be refused
            assert not heeft_opvolger
            assert all("opvolger" in m for m in nieuw), nieuw
            continue
        assert nieuw == [], (v.status, nieuw)
        verloop = resultaat.model.verloop(v.afspraak.id)
        assert verloop.regels[-1].nummer == v.regels[-1]["nummer"]
        if v.status is None:  # the correction replaces the entry it names
            assert verloop.gecorrigeerd[v.regels[0]["nummer"]].nummer == v.regels[1]["nummer"]


def test_voorbeelden_met_een_echte_opvolger_en_delen_per_plaats(gevolgd):
    """gevolgd has a commitment carried on into its next year and a total with parts per place:
    the examples use them, so nothing in them is made up."""
    lijst = voortgangvoorbeelden.voorbeelden(gevolgd, date.today())
    per = {v.status.id: v for v in lijst if v.status}
    door = per["doorgeschoven"]
    assert door.illustratief is None
    assert gevolgd.afspraak(door.regels[0]["opvolger"]).voortzetting_van == door.afspraak.id
    gerealiseerd = per["gerealiseerd"]
    doelen = gerealiseerd.afspraak.doelen
    getoond = [doelen[g["doel"] - 1] for g in gerealiseerd.regels[0]["gerealiseerd"]]
    assert any(d.deel_van and d.plaats for d in getoond)
    assert all(g["eenheid"] == doelen[g["doel"] - 1].eenheid for g in gerealiseerd.regels[0]["gerealiseerd"])
    labels = [g for g in per["loopt"].regels[0].get("gerealiseerd", []) if g["eenheid"] == "labels"]
    assert labels and all(g["methode"] == "NTA 8800" and g["voorlopig"] for g in labels)


@pytest.mark.parametrize("naam, gegevensset", [("site", None), ("site_gevolgd", "gevolgd")])
def test_de_gebouwde_handleiding_toont_de_voorbeelden_en_de_velden(naam, gegevensset, request, tmp_path):
    site = request.getfixturevalue(naam)
    datamap = maak_gegevens(gegevensset, tmp_path) if gegevensset else DATA
    lijst = voorbeelden_van(datamap)
    pagina = BeautifulSoup((site / "bijdragen" / "index.html").read_text(encoding="utf-8"), "html.parser")
    sectie = pagina.find("h2", id="voortgang-vastleggen")
    assert sectie is not None
    koppen = sectie.find_all_next("h4", id=re.compile("^voorbeeld-"))
    assert [k["id"] for k in koppen] == [f"voorbeeld-{s.id}" for s in STATUSSEN] + ["voorbeeld-correctie"]
    for kop, s in zip(koppen, STATUSSEN):
        # the status word with its icon, never colour alone
        assert kop.select_one(".pa-status svg[aria-hidden=true]") and kop.get_text(" ", strip=True) == \
            s.naam.capitalize()
    assert [k.find_next("pre").get_text() for k in koppen] == [v.yaml for v in lijst]
    # the fields of voortgang.yaml, from its JSON Schema: every field of an entry is explained
    schema = yaml.safe_load((datamap / "schema" / "voortgang.schema.json").read_text(encoding="utf-8"))
    velden = pagina.find("h3", id="de-velden-van-voortgangyaml").find_next("dl")
    genoemd = {c.get_text() for c in velden.find_all("code")}
    for deel in ("regel", "bron", "gerealiseerd"):
        assert set(schema["$defs"][deel]["properties"]) <= genoemd, deel
    assert set(schema["$defs"]["regel"]["properties"]["status"]["enum"]) <= genoemd
