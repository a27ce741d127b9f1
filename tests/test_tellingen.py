"""How far the commitments are, as the year, theme and party pages show it ("Stand van
zaken"), read from the built sites with an HTML parser: the tally of statuses in a chart
and a table, targets against realised, and what became of the previous year.

Expected values come from the models of the fixture sets (`gevolgd` has progress for
every status; `een-jaar` has none); on the live site only what holds for any data.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from macros.gegevens.model import Model
from macros.gegevens.voortgang import NOG_NIET, PER_ID, STATUSSEN
from macros.paginas import inhoud, realisatie, tellingen
from macros.paginas.opmaak import getal

GEEN_BEOORDELING = "Er is nog geen beoordeling vastgelegd: van geen van de {n} afspraken is bekend hoe ver ze zijn."


def pagina(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def tekst(element) -> str:
    return " ".join(element.get_text().split())


def verwacht(model: Model, afspraken) -> dict[str, int]:
    """Per status id: how many of these commitments have it now, from the model."""
    tel = Counter(model.verloop(a.id).status.id for a in afspraken)
    return {s.id: tel[s.id] for s in STATUSSEN}


def tabel_van(stand) -> tuple[dict[str, int], int]:
    """The tally table of a "Stand van zaken" section: per status id its count, and the total."""
    tabel = stand.select_one("table.pa-stand-tabel")
    assert tabel.caption and tekst(tabel.caption)
    assert [th["scope"] for th in tabel.select("thead th")] == ["col", "col"]
    rijen = {tr["data-status"]: (tr.th, int(tekst(tr.td))) for tr in tabel.select("tbody tr")}
    for id_, (kop, _) in rijen.items():  # icon and word: never colour alone
        assert kop["scope"] == "row" and kop.select_one("svg.pa-statusicoon")
        assert tekst(kop) == PER_ID[id_].naam.capitalize()
    totaal = tabel.select_one("tfoot tr")
    assert tekst(totaal.th) == "Totaal"
    return {k: n for k, (_, n) in rijen.items()}, int(tekst(totaal.td))


def grafiek_van(stand) -> dict[str, int]:
    """The chart: an accessible inline SVG; per status id the count written next to its bar."""
    svg = stand.select_one("svg.pa-grafiek")
    assert svg["role"] == "img" and svg.get("viewbox") and svg["width"] == "100%"
    ids = svg["aria-labelledby"].split()
    assert [svg.find(id=i).name for i in ids] == ["title", "desc"]
    assert all(tekst(svg.find(id=i)) for i in ids)
    balken = {}
    for rij in svg.select("g.pa-grafiek__rij"):
        assert float(rij.select_one("rect.pa-grafiek__balk")["width"]) > 0
        assert tekst(rij.select_one("text.pa-grafiek__naam")) == PER_ID[rij["data-status"]].naam.capitalize()
        assert rij.select_one("svg.pa-statusicoon")  # the icon too
        balken[rij["data-status"]] = int(tekst(rij.select_one("text.pa-grafiek__aantal")))
    # the description says every bar's number in words
    beschrijving = tekst(svg.find(id=ids[1]))
    assert [(int(n), naam) for n, naam in re.findall(r"(\d+) ([a-z ]+?)(?:,| en |\.)", beschrijving.split(": ", 1)[1])] \
        == [(n, PER_ID[s].naam) for s, n in balken.items()]
    return balken


def controleer_stand(soep: BeautifulSoup, aantallen: dict[str, int]) -> None:
    """The page's tally equals `aantallen`: in the table every status, in the chart those
    some commitment has, in the vocabulary's order."""
    stand = soep.find(id="stand-van-zaken")
    tabel, totaal = tabel_van(stand)
    assert list(tabel) == [s.id for s in STATUSSEN]
    assert tabel == aantallen and totaal == sum(aantallen.values())
    balken = grafiek_van(stand)
    assert balken == {k: n for k, n in aantallen.items() if n}


def test_jaarpagina_telt_de_stand_van_elke_afspraak(site_gevolgd, gevolgd):
    jaar = gevolgd.jaren[2021]
    aantallen = verwacht(gevolgd, jaar.afspraken)
    assert sum(1 for n in aantallen.values() if n) > 2  # the set has something to show
    soep = pagina(site_gevolgd, "2021/")
    controleer_stand(soep, aantallen)
    zin = tekst(soep.find(id="stand-van-zaken").p)
    beoordeeld = len(jaar.afspraken) - aantallen[NOG_NIET]
    assert f"Van de {len(jaar.afspraken)} afspraken van 2021 is van {beoordeeld} vastgelegd" in zin
    assert "31 december 2021" in zin  # the newest day an assessment that stands describes


def test_themapagina_telt_de_afspraken_van_het_thema(site_gevolgd, gevolgd):
    thema = next(t for t in gevolgd.jaren[2021].themas if len(t.afspraken) > 2)
    controleer_stand(pagina(site_gevolgd, f"2021/themas/{thema.thema}/"), verwacht(gevolgd, thema.afspraken))


def test_partijpagina_telt_de_eigen_afspraken_van_de_partij(site_gevolgd, gevolgd):
    jaar = gevolgd.jaren[2021]
    partij = max(gevolgd.partijen, key=lambda p: inhoud.aantal_van_partij(jaar, p))
    eigen = [a for a in jaar.afspraken if partij in a.eigen_partijen]
    soep = pagina(site_gevolgd, f"2021/partijen/{partij}/")
    controleer_stand(soep, verwacht(gevolgd, eigen))
    # the same commitments the page lists
    assert len(soep.select("#afspraken article.pa-afspraak")) == len(eigen)


def test_de_tabel_gerealiseerd_op_de_jaarpagina(site_gevolgd, gevolgd):
    rijen = realisatie.van_afspraken(gevolgd, gevolgd.jaren[2021].afspraken)
    tabel = pagina(site_gevolgd, "2021/").find(id="gerealiseerd").select_one("table.pa-realisatie")
    assert tabel.caption and [th["scope"] for th in tabel.select("thead th")] == ["col"] * 6
    getoond = [[tekst(c) for c in tr.find_all(["th", "td"])] for tr in tabel.select("tbody tr")]
    assert len(getoond) == len(rijen)
    for rij, r in zip(getoond, rijen):
        assert rij[0] == f"Afspraak {r.afspraak.nummer}: {r.afspraak.titel}"
        assert rij[1].startswith("waarvan ") == (r.totaal is not None)  # a part, under its total
        assert rij[3] == "Nog niet bekend" if r.waarde is None else rij[3].startswith(f"{getal(r.waarde.aantal)} ")
    # 2021-1: the total and its parts per place, each with its own value (entry 8 corrects 7)
    van_1 = [rij for rij in getoond if rij[0].startswith("Afspraak 1:")]
    assert [rij[3] for rij in van_1] == ["16 woningen", "12 woningen", "4 woningen"]
    assert [rij[1].startswith("waarvan") for rij in van_1] == [False, True, True]


def test_wat_werd_er_van_vorig_jaar(site_gevolgd, gevolgd):
    sectie = pagina(site_gevolgd, "2022/").find(id="vorig-jaar")
    assert "2021" in tekst(sectie.h2)
    rijen = {tr["data-afspraak"]: tr for tr in sectie.select("tbody tr")}
    assert list(rijen) == [a.id for a in gevolgd.jaren[2021].afspraken]  # every one, by number
    for id_, tr in rijen.items():
        assert tekst(tr.select_one(".pa-status")) == gevolgd.verloop(id_).status.naam.capitalize()
    # carried on by a decision (doorgeschoven) into 2022-1
    assert tekst(rijen["2021-4"].select_one(".pa-status")) == "Doorgeschoven"
    assert [a["href"] for a in rijen["2021-4"].select("td:last-child a")] == ["afspraken/1/"]
    # continued (voortzetting_van) by 2022-2
    assert [a["href"] for a in rijen["2021-1"].select("td:last-child a")] == ["afspraken/2/"]
    assert tekst(rijen["2021-2"].select("td")[-1]) == "–"
    # only the previous year: the page of the first year has no such section
    assert pagina(site_gevolgd, "2021/").find(id="vorig-jaar") is None


def test_vorig_jaar_zonder_beoordeling_in_een_zin(site_twee_jaren, twee_jaren):
    sectie = pagina(site_twee_jaren, "2031/").find(id="vorig-jaar")
    n = len(twee_jaren.jaren[2030].afspraken)
    assert tekst(sectie.p).startswith(f"Van geen van de {n} afspraken van 2030 is vastgelegd")
    assert sectie.table is None  # no list of "nog niet beoordeeld" n times
    # but which of them this year continues, linked
    voortgezet = [a for a in twee_jaren.jaren[2030].afspraken if twee_jaren.opvolgers(a.id)]
    assert voortgezet and len(sectie.select("li")) == len(voortgezet)


def test_zonder_beoordeling_zegt_de_jaarpagina_het_en_toont_geen_grafiek(site_een_jaar, een_jaar):
    soep = pagina(site_een_jaar, "2030/")
    stand = soep.find(id="stand-van-zaken")
    assert tekst(stand.p) == GEEN_BEOORDELING.format(n=len(een_jaar.jaren[2030].afspraken))
    assert soep.select("svg.pa-grafiek") == [] and stand.table is None
    assert soep.find(id="gerealiseerd") is None  # the sentence above says it already
    thema = next(t for t in een_jaar.jaren[2030].themas if len(t.afspraken) > 1)
    themastand = pagina(site_een_jaar, f"2030/themas/{thema.thema}/").find(id="stand-van-zaken")
    assert tekst(themastand.p) == "Van geen van de afspraken van dit thema is al vastgelegd hoe ver ze zijn."
    assert themastand.svg is None


def test_de_stand_telt_op_tot_alle_afspraken_bij_elke_gegevens(site, echt):
    """On the live site: every year's tally adds up to its commitments, whatever the data."""
    for jaar in echt.jaren.values():
        if not jaar.afspraken:
            continue
        stand = pagina(site, f"{jaar.jaar}/").find(id="stand-van-zaken")
        telling = tellingen.telling(echt, jaar.afspraken)
        if telling.beoordeeld:
            aantallen, totaal = tabel_van(stand)
            assert totaal == sum(aantallen.values()) == len(jaar.afspraken)
        else:
            assert tekst(stand.p) == GEEN_BEOORDELING.format(n=len(jaar.afspraken))


def test_telling_en_vorig_jaar_uit_het_model(gevolgd):
    t = tellingen.telling(gevolgd, gevolgd.jaren[2022].afspraken)
    assert dict((s.id, n) for s, n in t.per_status if n) == {NOG_NIET: 2, "loopt": 1}
    assert (t.totaal, t.beoordeeld, t.peildatum) == (3, 1, "2022-06-30")
    assert [s.id for s, _ in t.in_grafiek] == [NOG_NIET, "loopt"]
    assert tellingen.vorig_jaar(gevolgd, gevolgd.jaren[2021]) is None
    vj = tellingen.vorig_jaar(gevolgd, gevolgd.jaren[2022])
    opvolgers = {r.afspraak.id: [a.id for a in r.opvolgers] for r in vj.voortgezet}
    assert opvolgers == {"2021-1": ["2022-2"], "2021-4": ["2022-1"], "2021-6": ["2022-3"]}

