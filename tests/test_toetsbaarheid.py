"""How testable a commitment is: does its text name a number, a deadline and one party that
does it (macros/paginas/toetsbaarheid.py)? Per commitment, per year, and on the pages.

The derivation is tested on the fixture models and on models built in code for the edge
cases (a group of one, an uncertain reading, a party the text names under a group heading);
the pages on the built fixture sites een-jaar and andere-gemeente, with expected values
from their models.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bouwer import GROEPEN, PARTIJEN, afspraak, jaar, model, thema, uitvoerder
from macros.gegevens.model import Doel, Groep, Termijn
from macros.gegevens.toerekening import toerekening
from macros.paginas import redactie, soorten, toetsbaarheid as tb, weergave
from test_site import adres, doel, inhoud, pagina, tekst

DOEL = (Doel("woningen", 10, "woningen"),)
TERMIJN = Termijn("in 2030", 2030)


def feiten(t: tb.Toetsbaarheid) -> tuple:
    return t.aantal, t.termijn, t.een_partij, t.partij, t.wie


# --- the derivation ------------------------------------------------------------------------

def test_een_jaar_een_partij_een_groep_en_niemand(een_jaar):
    per_id = {a.id: tb.beoordeel(a) for a in een_jaar.jaren[2030].afspraken}
    # the sub-heading names one party and the text nobody: that party does it
    assert feiten(per_id["2030-1"]) == (True, True, True, "woonkring", tb.PARTIJ)
    assert feiten(per_id["2030-2"]) == (False, True, True, "gemeente-lindeveld", tb.PARTIJ)
    # a group heading (all three parties) is not one party
    assert een_jaar.jaren[2030].afspraken[2].verantwoordelijk == ("samen",)
    assert feiten(per_id["2030-3"]) == (False, False, False, None, tb.MEER)
    # the text names a group of two: not one party either
    assert feiten(per_id["2030-4"]) == (True, False, False, None, tb.MEER)
    # no sub-heading and no one in the text: none of the three
    assert feiten(per_id["2030-5"]) == (False, False, False, None, tb.NIEMAND)
    assert per_id["2030-5"].geen and per_id["2030-1"].alle_drie


def test_andere_gemeente_tekst_onder_groepskop_en_onzeker(andere_gemeente):
    per_id = {a.id: tb.beoordeel(a) for j in andere_gemeente.jaren.values() for a in j.afspraken}
    # the text names one party under a group heading: that one party does it
    drie = andere_gemeente.afspraak("2028-3")
    assert drie.verantwoordelijk == ("verhuurders",) and drie.eigen_partijen == ("duinhuis",)
    assert feiten(per_id["2028-3"]) == (True, True, True, "duinhuis", tb.PARTIJ)
    # one own party, but the text may mean every party ("Partijen", onzeker): not one party
    vier = andere_gemeente.afspraak("2028-4")
    assert vier.eigen_partijen == ("havenwonen",) and any(u.onzeker for u in vier.uitvoerders)
    assert feiten(per_id["2028-4"]) == (True, True, False, None, tb.ONZEKER_WIE)
    assert per_id["2028-4"].waarom == "niet zeker wie"
    assert feiten(per_id["2027-3"])[2:] == (False, None, tb.MEER)  # the group 'iedereen'
    assert feiten(per_id["2027-1"]) == (True, False, True, "havenwonen", tb.PARTIJ)


def test_gevolgd_aantal_en_termijn_volgen_de_gegevens(gevolgd):
    for j in gevolgd.jaren.values():
        for a in j.afspraken:
            t = tb.beoordeel(a)
            assert (t.aantal, t.termijn) == (bool(a.doelen), a.termijn is not None), a.id
            # one party is never more than the commitment's own parties say
            assert t.een_partij == (len(a.eigen_partijen) == 1 and a.verantwoordelijk == a.eigen_partijen), a.id
            assert t.punten == t.aantal + t.termijn + t.een_partij
    # a total with parts per place counts as naming a number, once
    assert tb.beoordeel(gevolgd.afspraak("2021-1")).aantal and len(gevolgd.afspraak("2021-1").doelen) > 1


def test_een_groep_van_een_partij_is_geen_partij():
    alle = {p.id: p for p in PARTIJEN}
    groepen = {g.id: g for g in (*GROEPEN, Groep("alleen-woonbouw", "De corporatie", ("woonbouw",)))}
    a = afspraak(1, verantwoordelijk=("woonbouw",))
    a = type(a)(**{**a.__dict__, "verantwoordelijk": ("alleen-woonbouw",),
                   "toegerekend": toerekening(("alleen-woonbouw",), (), alle, groepen)})
    assert a.eigen_partijen == ("woonbouw",)
    assert feiten(tb.beoordeel(a)) == (False, False, False, None, tb.GROEP)
    assert tb.beoordeel(a).waarom == "alleen een groep genoemd"


@pytest.mark.parametrize("uitvoerders, verwacht", [
    # the text names one party, the other party of the heading is left out (NIET)
    ((uitvoerder("gemeente-testdorp"),), (True, "gemeente-testdorp", tb.PARTIJ)),
    # words without a subject: the sub-heading's one party does it
    ((uitvoerder("woonbouw", volgens="tussenkop"),), (True, "woonbouw", tb.PARTIJ)),
    # the text names the group 'allen'
    ((uitvoerder("allen"),), (False, None, tb.MEER)),
    # the only reading is uncertain
    ((uitvoerder("woonbouw", onzeker=True, opmerking="Fictief."),), (False, None, tb.ONZEKER_WIE)),
    # one sure party, one the text may mean too
    ((uitvoerder("woonbouw"), uitvoerder("gemeente-testdorp", onzeker=True, opmerking="Fictief.")),
     (False, None, tb.ONZEKER_WIE)),
])
def test_wie_het_doet(uitvoerders, verwacht):
    t = tb.beoordeel(afspraak(1, verantwoordelijk=("woonbouw",), uitvoerders=uitvoerders))
    assert (t.een_partij, t.partij, t.wie) == verwacht
    assert (t.waarom is None) == t.een_partij


def test_samenvatting_van_een_jaar():
    afspraken = [
        afspraak(1, doelen=DOEL, termijn=TERMIJN),  # all three
        afspraak(2, verantwoordelijk=("allen",)),  # none
        afspraak(3, verantwoordelijk=(), doelen=DOEL),  # only a number
        afspraak(4, verantwoordelijk=("allen",), termijn=TERMIJN),  # only a deadline
        afspraak(5, termijn=TERMIJN),  # a deadline and one party
        afspraak(6, verantwoordelijk=()),  # none
    ]
    s = tb.van_jaar(jaar(2030, themas=[thema("wonen", afspraken)]))
    assert (s.jaar, s.totaal, s.aantal, s.termijn, s.een_partij, s.alle_drie, s.geen) == (2030, 6, 2, 3, 2, 1, 2)
    assert [t.afspraak.nummer for t in s.zonder] == [2, 6]
    assert [t.afspraak.nummer for t in s.met_een] == [3, 4]
    assert [t.afspraak.nummer for t in s.afspraken] == [1, 2, 3, 4, 5, 6]


def test_jaar_zonder_afspraken():
    """A new year without commitments: the page says so, the year page says nothing."""
    m = model(jaren=[jaar(2030, themas=[thema("wonen", [])])])
    assert tb.van_jaar(m.jaren[2030]).totaal == 0
    w = weergave.Weergave(m, weergave.Site("Test", "https://voorbeeld.invalid/", {}, Path("data")))
    html = {p.soort.naam: str(w.pagina(p)) for p in soorten.paginas(m)}
    assert "In 2030 staan nog geen afspraken." in html["toetsbaarheid"]
    assert "pa-toetsbaar" not in html["jaar"] and 'id="toetsbaarheid"' not in html["jaar"]


# --- the pages -------------------------------------------------------------------------------

SAMENVATTING = re.compile(r"^(\d+) van de (\d+) afspra(?:ak|ken) noem(?:t|en) een aantal, (\d+) een termijn en "
                          r"(\d+) één partij die het doet\. (?:(\d+) noem(?:t|en) alle drie|Geen enkele afspraak "
                          r"noemt alle drie)\.(?: (\d+) noem(?:t|en) geen van de drie\.)?")


def getallen(element) -> tuple[int, ...]:
    (p,) = element.select("p.pa-toetsbaar-samenvatting")
    gevonden = SAMENVATTING.match(tekst(p))
    assert gevonden, tekst(p)
    return tuple(int(g or 0) for g in gevonden.groups())


def verwacht(s: tb.Samenvatting) -> tuple[int, ...]:
    return s.aantal, s.totaal, s.termijn, s.een_partij, s.alle_drie, s.geen


def janee(ja: bool) -> str:
    return "ja" if ja else "nee"


@pytest.fixture(params=["een_jaar", "andere_gemeente"])
def proef(request):
    return request.getfixturevalue(request.param), request.getfixturevalue(f"site_{request.param}")


def test_toetsbaarheidspagina_toont_de_getallen_van_het_model(proef):
    m, site = proef
    for j in m.jaren.values():
        s = tb.van_jaar(j)
        url = f"{j.jaar}/toetsbaarheid/"
        soep = inhoud(pagina(site, url))
        assert getallen(soep) == verwacht(s)
        assert redactie.deel("toetsbaarheid").markering in tekst(soep)
        # one row per commitment, in the year's order: number, linked title, three yes/no
        rijen = soep.select("table.pa-toetsbaarheid tbody tr")
        assert [r["data-afspraak"] for r in rijen] == [a.id for a in j.afspraken]
        for rij, t in zip(rijen, s.afspraken):
            cellen = rij.find_all(["td", "th"])
            assert tekst(cellen[0]) == str(t.afspraak.nummer)
            assert [doel(url, a["href"]) for a in cellen[1].select("a")] == [adres(t.afspraak)]
            assert [tekst(c).split(" ")[0] for c in cellen[2:]] == [janee(t.aantal), janee(t.termijn),
                                                                      janee(t.een_partij)]
            # never colour alone: every yes and no has its icon, hidden from screen readers, and its word
            for c in cellen[2:]:
                (icoon,) = c.select("svg")
                assert icoon["aria-hidden"] == "true"
            if t.een_partij:
                assert m.partijen[t.partij].naam in tekst(cellen[4])
            else:
                assert t.waarom in tekst(cellen[4])


def test_de_vaagste_afspraken_staan_apart(proef):
    m, site = proef
    for j in m.jaren.values():
        s = tb.van_jaar(j)
        url = f"{j.jaar}/toetsbaarheid/"
        soep = inhoud(pagina(site, url))
        geen, een = soep.select_one("#geen-van-de-drie"), soep.select_one("#een-van-de-drie")
        assert geen.find_next_sibling("section") is een  # the vaguest first
        assert [doel(url, a["href"]) for a in geen.select("li a")] == [adres(t.afspraak) for t in s.zonder]
        assert [doel(url, a["href"]) for a in een.select("li > a")] == [adres(t.afspraak) for t in s.met_een]
        if s.zonder:
            assert "Deze afspraken noemen geen aantal, geen termijn en niet één partij" in tekst(geen)
        for li, t in zip(een.select("li"), s.met_een):
            alleen = "een aantal" if t.aantal else "een termijn" if t.termijn else "één partij die het doet"
            assert f"noemt alleen {alleen}" in tekst(li)


def test_een_jaar_heeft_vage_en_enkele_afspraken(een_jaar):
    """The fixture set shows both lists (else the test above would prove little)."""
    s = tb.van_jaar(een_jaar.jaren[2030])
    assert s.zonder and s.met_een and s.alle_drie


def test_afspraakpagina_zegt_of_ze_toetsbaar_is(proef):
    m, site = proef
    for j in m.jaren.values():
        for a in j.afspraken:
            t = tb.beoordeel(a)
            soep = inhoud(pagina(site, adres(a)))
            (blok,) = soep.select("div.pa-toetsbaar")
            # just after 'In het kort', marked as the editors'
            assert blok.find_previous_sibling("h2").get_text() == "In het kort"
            assert tekst(blok.find("h3")) == "Toetsbaar?"
            assert redactie.deel("toetsbaarheid").markering in tekst(blok.select_one("p.pa-redactie"))
            regels = [tekst(li) for li in blok.select("ul.pa-toetsbaar__lijst > li")]
            assert regels[:2] == [f"Noemt een aantal: {janee(t.aantal)}", f"Noemt een termijn: {janee(t.termijn)}"]
            assert regels[2].startswith(f"Noemt één partij die het doet: {janee(t.een_partij)}")
            assert (m.partijen[t.partij].naam if t.een_partij else t.waarom) in regels[2]
            assert len(blok.select("ul.pa-toetsbaar__lijst svg[aria-hidden=true]")) == 3
            assert f"{a.jaar}/toetsbaarheid/" in [doel(adres(a), x["href"]) for x in blok.select("a")]


def test_jaarpagina_heeft_een_zin_en_een_link(proef):
    m, site = proef
    for j in m.jaren.values():
        soep = inhoud(pagina(site, f"{j.jaar}/"))
        sectie = soep.select_one("section#toetsbaarheid")
        assert soep.select_one("section#kerncijfers").find_next_sibling("section") is sectie
        assert getallen(sectie) == verwacht(tb.van_jaar(j))
        assert f"{j.jaar}/toetsbaarheid/" in [doel(f"{j.jaar}/", a["href"]) for a in sectie.select("a")]
        assert redactie.deel("toetsbaarheid").markering in tekst(sectie)


def test_in_het_menu_en_niet_in_de_zoekgegevens(proef):
    m, site = proef
    for j in m.jaren.values():
        menu = pagina(site, f"{j.jaar}/").select_one("nav.md-nav--primary")
        assert f"{j.jaar}/toetsbaarheid/" in [doel(f"{j.jaar}/", a["href"]) for a in menu.select("a[href]")
                                             if tekst(a) == "Toetsbaarheid"]
        # it repeats titles: a search finds each commitment on its own page only
        zoeken = json.loads((site / "zoeken" / f"{j.jaar}.json").read_text(encoding="utf-8"))
        assert zoeken and not [d["u"] for d in zoeken if "toetsbaarheid" in d["u"]]
