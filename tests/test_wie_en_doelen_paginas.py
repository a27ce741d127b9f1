"""Who does it and totals with parts, as every view shows them: pages, Kerncijfers, CSV, JSON.

Regression tests for two classes of mistakes:
- a party page (or the overview's party filter, or the open data) gives a party a
  commitment whose text names another party as doing it;
- a view adds a part to its total, or drops the place of a part.

What holds for any data runs on every site (`elke_site`, the live one included, every
expected value from its model); the named cases run on the fixture set andere-gemeente:
2028-3 sits under the group heading 'De verhuurders' but its text names Duinhuis only;
2028-4 has 30 new homes of which 18 in Oosterhaven and 12 in Duinkern, a subject-less
sentence under the heading 'Havenwonen' and an uncertain 'Partijen'.
"""
from __future__ import annotations

import csv
import json

import pytest

from conftest import maak_gegevens
from macros.gegevens.model import KOP, NIET, ONZEKER
from macros.gereedschap.cli import main
from macros.paginas import inhoud
from test_site import Gebouwd, adres, elke_site, pagina, tekst  # noqa: F401 (fixture)

SITE = "https://voorbeeld.nl/"


@pytest.fixture
def oosterkust(site_andere_gemeente, andere_gemeente) -> Gebouwd:
    return Gebouwd(site_andere_gemeente, andere_gemeente)


def artikelen(soep) -> set[int]:
    return {int(a["id"].removeprefix("afspraak-")) for a in soep.select("section#afspraken article.pa-afspraak")}


def gelinkt(soep, selector: str, jaar: int) -> set[int]:
    """The numbers of the commitments linked in a list of a party page."""
    return {int(a["href"].rstrip("/").rsplit("/", 1)[-1]) for a in soep.select(f"{selector} a[href*='afspraken/']")}


# --- party pages (any data) -------------------------------------------------------------------

def test_partijpagina_alleen_wat_de_tekst_niet_aan_een_ander_geeft(elke_site):
    """A party page lists as the party's own exactly what the text does not exclude; what the
    text gives to others, and what it may mean, each in their own list, never counted."""
    site, model = elke_site
    for jaar in model.jaren.values():
        for p in model.partijen:
            soep = pagina(site, f"{jaar.jaar}/partijen/{p}/")
            eigen = {a.nummer for a in jaar.afspraken if p in a.eigen_partijen}
            assert artikelen(soep) == eigen, (jaar.jaar, p)
            assert not eigen & {a.nummer for a in jaar.afspraken if a.grond(p) in (NIET, ONZEKER)}
            assert gelinkt(soep, "ul.pa-niet-van-partij", jaar.jaar) == {
                a.nummer for a in inhoud.met_grond(jaar, p, NIET)}, (jaar.jaar, p)
            assert gelinkt(soep, "ul.pa-misschien-van-partij", jaar.jaar) == {
                a.nummer for a in inhoud.met_grond(jaar, p, ONZEKER)}, (jaar.jaar, p)


def test_partijpagina_zegt_onder_de_kop_waar_alleen_de_groepskop_telt(elke_site):
    site, model = elke_site
    for jaar in model.jaren.values():
        for p in model.partijen.values():
            soep = pagina(site, f"{jaar.jaar}/partijen/{p.id}/")
            for a in jaar.afspraken:
                if p.id not in a.eigen_partijen:
                    continue
                grond = soep.select_one(f"article#afspraak-{a.nummer} .pa-grond")
                if a.grond(p.id) == KOP and len(a.partijen) > 1:
                    assert grond and f"alleen onder de kop ‘{a.kop}’" in tekst(grond), (a.id, p.id)
                else:
                    assert grond is None, (a.id, p.id)


def test_overzicht_filtert_een_partij_zoals_haar_pagina(elke_site):
    site, model = elke_site
    for jaar in model.jaren.values():
        rijen = pagina(site, f"{jaar.jaar}/afspraken/").select("#afspraken-tabel tbody tr")
        for p in model.partijen:
            assert {int(r["data-nummer"]) for r in rijen if p in r["data-partijen"].split()} == {
                a.nummer for a in jaar.afspraken if p in a.eigen_partijen}, (jaar.jaar, p)


def test_jaarpagina_telt_per_partij_wat_haar_pagina_telt(elke_site):
    site, model = elke_site
    for jaar in model.jaren.values():
        lijst = tekst(pagina(site, f"{jaar.jaar}/").select_one("section#partijen"))
        for p in model.partijen.values():
            n = inhoud.aantal_van_partij(jaar, p.id)
            assert f"{p.naam} ({p.soort}): doet mee aan {n} {'afspraak' if n == 1 else 'afspraken'}" in lijst


# --- the named cases (andere-gemeente, 2028) -------------------------------------------------------

def test_een_partij_die_de_tekst_noemt_onder_een_groepskop(oosterkust):
    site, model = oosterkust
    a = model.afspraak("2028-3")
    assert a.partijen == ("havenwonen", "duinhuis") and a.eigen_partijen == ("duinhuis",)
    havenwonen = pagina(site, "2028/partijen/havenwonen/")
    assert 3 not in artikelen(havenwonen)
    assert 3 in gelinkt(havenwonen, "ul.pa-niet-van-partij", 2028)
    assert 3 in artikelen(pagina(site, "2028/partijen/duinhuis/"))
    feiten = {tr.th.get_text(): tekst(tr.td) for tr in pagina(site, adres(a)).select("table.pa-feiten tr")}
    assert feiten["Wie doet het"] == "Duinhuis: ‘Duinhuis legt in 2028 zonnepanelen op 30 woningen’"
    assert feiten["Tussenkop"] == ("‘De verhuurders’: De verhuurders (Havenwonen en Duinhuis). "
                                   "De tekst noemt Havenwonen niet als uitvoerder")


def test_zin_zonder_onderwerp_en_onzekere_partijen(oosterkust):
    site, model = oosterkust
    a = model.afspraak("2028-4")
    assert {t.partij: t.grond for t in a.toegerekend} == {
        "gemeente-oosterkust": ONZEKER, "havenwonen": KOP, "duinhuis": ONZEKER, "huurdersplatform": ONZEKER}
    soep = pagina(site, adres(a))
    assert "Wie doet het: Havenwonen, volgens de tussenkop; misschien Iedereen" in tekst(soep.select_one(".pa-meta"))
    duinhuis = pagina(site, "2028/partijen/duinhuis/")
    assert 4 not in artikelen(duinhuis) and 4 in gelinkt(duinhuis, "ul.pa-misschien-van-partij", 2028)
    assert "alle partijen bedoeld zijn, of alleen de verhuurders" in tekst(duinhuis.select_one("ul.pa-misschien-van-partij"))


def test_afspraakpagina_toont_delen_onder_hun_totaal(oosterkust):
    site, model = oosterkust
    cel = next(tr.td for tr in pagina(site, "2028/afspraken/4/").select("table.pa-feiten tr")
               if tr.th.get_text() == "Doel in cijfers")
    (totaal,) = cel.select(":scope > ul > li")
    assert tekst(totaal).startswith("30 woningen: nieuwe woningen (in 2028) waarvan 18 woningen, Oosterhaven")
    assert [tekst(li) for li in totaal.select(":scope > ul > li")] == [
        "waarvan 18 woningen, Oosterhaven",
        "waarvan 12 woningen, Duinkern (noot van de redactie: Fictief: een noot van de redactie bij een deel.)"]


def test_kerncijfers_zetten_delen_met_plaats_onder_hun_totaal(oosterkust):
    site, _ = oosterkust
    rijen = [[tekst(c) for c in tr.select("td")] for tr in pagina(site, "2028/").select("section#kerncijfers tbody tr")]
    van_4 = [r[1:] for r in rijen if r[0].startswith("4.")]
    assert van_4 == [["nieuwe woningen", "30 woningen", "–", "2028"],
                     ["nieuwe woningen", "waarvan 18 woningen", "Oosterhaven", "2028"],
                     ["nieuwe woningen", "waarvan 12 woningen", "Duinkern", "2028"]]


def test_kerncijfers_elk_deel_met_waarvan_en_zijn_plaats(elke_site):
    """Any data: one row per target, a part right after its total (or a sibling part), marked
    'waarvan', with the place of every target that has one."""
    site, model = elke_site
    for jaar in model.jaren.values():
        rijen = pagina(site, f"{jaar.jaar}/").select("section#kerncijfers tbody tr")
        verwacht = inhoud.kerncijfers(jaar)
        assert len(rijen) == len(verwacht) == sum(len(a.doelen) for a in jaar.afspraken)
        for tr, (a, d, totaal) in zip(rijen, verwacht):
            cellen = [tekst(c) for c in tr.select("td")]
            assert cellen[2].startswith("waarvan ") == (totaal is not None), (a.id, d)
            assert cellen[3] == (model.plaatsen[d.plaats].naam if d.plaats else "–"), (a.id, d)


# --- open data ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def export_2028(tmp_path_factory):
    project = tmp_path_factory.mktemp("oosterkust")
    assert main(["--data", str(maak_gegevens("andere-gemeente", project)), "export", str(project / "uit"),
                 "--site-url", SITE]) == 0
    afspraken = json.loads((project / "uit/2028/afspraken.json").read_text(encoding="utf-8"))["afspraken"]
    rijen = list(csv.DictReader((project / "uit/2028/afspraken.csv").read_text(encoding="utf-8-sig").splitlines()))
    return {a["id"]: a for a in afspraken}, {r["id"]: r for r in rijen}


def test_json_kent_totaal_en_delen_en_wie_het_doet(export_2028):
    uit_json, _ = export_2028
    doelen = uit_json["2028-4"]["doelen"]
    assert [(d["aantal"], d["id"], d["deel_van"], d["plaats"]) for d in doelen] == [
        (30, "nieuwbouw", None, None), (18, None, "nieuwbouw", "oosterhaven"), (12, None, "nieuwbouw", "duinkern")]
    a3 = uit_json["2028-3"]
    assert a3["partijen"] == ["duinhuis", "havenwonen"]  # the sub-heading, as before
    assert a3["uitvoerders"] == [{"wie": ["duinhuis"], "woorden": "Duinhuis legt in 2028 zonnepanelen op 30 woningen",
                                  "volgens": "tekst", "onzeker": False, "opmerking": None}]
    assert a3["toerekening"] == [{"partij": "havenwonen", "grond": "niet"}, {"partij": "duinhuis", "grond": "tekst"}]


def test_csv_delen_met_plaats_na_hun_totaal(export_2028):
    _, rij = export_2028
    assert rij["2028-4"]["doelen"] == "30 woningen: nieuwe woningen; waarvan 18 woningen, Oosterhaven; " \
                                      "waarvan 12 woningen, Duinkern"
    assert rij["2028-4"]["uitvoerders"] == "havenwonen (tussenkop);iedereen (niet zeker)"
    assert rij["2028-3"]["toerekening"] == "havenwonen:niet;duinhuis:tekst"


def test_open_data_telt_nooit_een_deel_als_totaal(export_2028, andere_gemeente):
    """A reader summing the totals of the JSON (deel_van null) gets the totals of the text."""
    uit_json, rij = export_2028
    for a in andere_gemeente.jaren[2028].afspraken:
        doelen = uit_json[a.id]["doelen"]
        assert sum(d["aantal"] for d in doelen if d["deel_van"] is None) == sum(t.doel.aantal for t in a.totalen)
        for d in a.doelen:
            if d.plaats:
                assert andere_gemeente.plaatsen[d.plaats].naam in rij[a.id]["doelen"], (a.id, d)
