"""A page per place per year (/<jaar>/plaatsen/<plaats>/): which places have one, what it
shows, and the links to it from the year page and from commitments.

Read from the built fixture sites with a real HTML parser; expected values come from the
fixture sets (tests/fixtures/gevolgd: Kerkstraat lies in De Akkers, which lies in
Beekdorp; Heidezand lies in nothing) and their models.
"""
from __future__ import annotations

import json

import pytest

import bouwer
from conftest import bouw_zonder_waarschuwing, projectkopie, vervang
from macros.gegevens.model import Doel
from macros.paginas import adressen, plaatsinhoud, zoekindex
from test_bouw import _serve_build, _zelfde_site, serve  # noqa: F401 (serve is a fixture)
from test_site import html_paginas, inhoud, links_naar, pagina, tekst


def rijen(soep, selector: str) -> list[list]:
    """The body rows of the table `selector` in the page, as lists of cells."""
    return [tr.find_all(["td", "th"]) for tr in soep.select_one(selector).select("tbody tr")]


# --- which places have a page -----------------------------------------------------------

def test_een_plaats_heeft_een_pagina_in_een_jaar_dat_haar_of_een_plaats_erin_noemt(gevolgd):
    assert plaatsinhoud.plaatsen_van_jaar(gevolgd, gevolgd.jaren[2021]) == (
        "beekdorp", "de-akkers", "kerkstraat", "heidezand")
    # 2022 names only Heidezand: Beekdorp and its parts have no page that year
    assert plaatsinhoud.plaatsen_van_jaar(gevolgd, gevolgd.jaren[2022]) == ("heidezand",)


def test_een_dorp_heeft_een_pagina_als_alleen_zijn_straat_genoemd_wordt():
    plaatsen = [bouwer.plaats("dorp"), bouwer.plaats("buurt", "buurt", "dorp"),
                bouwer.plaats("straat", "straat", "buurt"), bouwer.plaats("ander-dorp")]
    a = bouwer.afspraak(1, plaatsen=("straat",))
    m = bouwer.model(jaren=[bouwer.jaar(2030, themas=[bouwer.thema("wonen", [a])])], plaatsen=plaatsen)
    assert plaatsinhoud.plaatsen_van_jaar(m, m.jaren[2030]) == ("dorp", "buurt", "straat")
    (hier,) = plaatsinhoud.afspraken_in(m, m.jaren[2030], "dorp")
    assert hier.waar == (("buurt", "straat"),)  # the way down from the village


def test_een_doel_per_plaats_noemt_de_plaats_ook():
    """A commitment whose only mention of a place is a target for it."""
    doel = Doel("woningen", 4, "woningen", plaats="dorp")
    a = bouwer.afspraak(1, doelen=(doel,))
    m = bouwer.model(jaren=[bouwer.jaar(2030, themas=[bouwer.thema("wonen", [a])])],
                     plaatsen=[bouwer.plaats("dorp")])
    assert plaatsinhoud.plaatsen_van_jaar(m, m.jaren[2030]) == ("dorp",)
    assert [r.doel for r in plaatsinhoud.per_plaats(m, plaatsinhoud.afspraken_in(m, m.jaren[2030], "dorp"), "dorp")] == [doel]


@pytest.mark.parametrize("site_naam, model_naam", [
    ("site_gevolgd", "gevolgd"), ("site_een_jaar", "een_jaar"),
    ("site_twee_jaren", "twee_jaren"), ("site_andere_gemeente", "andere_gemeente")])
def test_precies_de_genoemde_plaatsen_hebben_een_pagina(site_naam, model_naam, request):
    site, model = request.getfixturevalue(site_naam), request.getfixturevalue(model_naam)
    for j, jaar in model.jaren.items():
        verwacht = plaatsinhoud.plaatsen_van_jaar(model, jaar)
        assert verwacht  # every fixture year names a place
        gebouwd = sorted(u for u in html_paginas(site) if u.startswith(f"{j}/plaatsen/"))
        assert gebouwd == sorted(adressen.plaats_url(j, p) for p in verwacht)
        for p in verwacht:
            soep = inhoud(pagina(site, adressen.plaats_url(j, p)))
            assert tekst(soep.h1) == f"{model.plaatsen[p].naam} in {j}"
            # every commitment listed, each with its current status in words
            tabel = rijen(soep, "#afspraken table")
            hier = plaatsinhoud.afspraken_in(model, jaar, p)
            assert [links_naar(r[0], adressen.plaats_url(j, p)) for r in tabel] == [
                [adressen.afspraak_url(h.afspraak.id)] for h in hier]
            assert [tekst(r[2]) for r in tabel] == [model.verloop(h.afspraak.id).status.naam.capitalize() for h in hier]


def test_twee_jaren_zonder_voortgang_zeggen_nog_niet_beoordeeld(site_twee_jaren):
    soep = inhoud(pagina(site_twee_jaren, "2031/plaatsen/beekdorp/"))
    assert {tekst(r[2]) for r in rijen(soep, "#afspraken table")} == {"Nog niet beoordeeld"}
    assert not (site_twee_jaren / "2031/plaatsen/heidezand").exists()  # 2031 does not name it


# --- what a place page shows ------------------------------------------------------------

def test_beekdorp_toont_de_afspraken_in_het_dorp_en_waar_precies(site_gevolgd):
    url = "2021/plaatsen/beekdorp/"
    soep = inhoud(pagina(site_gevolgd, url))
    tabel = {tekst(r[0]): r for r in rijen(soep, "#afspraken table")}
    assert list(tabel) == ["Afspraak 1: Woonkring bouwt 20 woningen",
                           "Afspraak 2: De gemeente geeft bouwgrond in De Akkers vrij",
                           "Afspraak 5: De Kerkstraat wordt opgeknapt"]
    waar = {t.split(":")[0]: tekst(r[1]) for t, r in tabel.items()}
    assert waar == {"Afspraak 1": "Beekdorp", "Afspraak 2": "De Akkers", "Afspraak 5": "Kerkstraat, in De Akkers"}
    assert links_naar(tabel["Afspraak 5: De Kerkstraat wordt opgeknapt"][1], url) == ["2021/plaatsen/kerkstraat/"]
    assert [tekst(r[2]) for r in tabel.values()] == ["Deels gerealiseerd", "Gerealiseerd", "Stilgelegd"]
    # its part, linked; not the village's own parent (it lies in nothing)
    meta = soep.select_one("p.pa-meta")
    assert tekst(meta) == "Beekdorp is een dorp. Hierin ligt: De Akkers (buurt)."
    assert links_naar(meta, url) == ["2021/plaatsen/de-akkers/"]


def test_beekdorp_toont_het_doel_voor_beekdorp_en_niet_dat_voor_heidezand(site_gevolgd):
    soep = inhoud(pagina(site_gevolgd, "2021/plaatsen/beekdorp/"))
    (rij,) = rijen(soep, "#gerealiseerd table.pa-realisatie")
    afspraak, doel, afgesproken, gerealiseerd = (tekst(c) for c in rij[:4])
    assert afspraak.startswith("Afspraak 1:")
    assert "Beekdorp" in doel and "Heidezand" not in doel
    assert (afgesproken, gerealiseerd) == ("12 woningen", "12 woningen")  # the correction (entry 8) stands
    assert "Heidezand" not in tekst(soep.select_one("#gerealiseerd"))
    # the part is marked as a part of the commitment's total, which is never the village's
    assert doel.startswith("waarvan")


def test_doelen_die_niet_per_plaats_gelden_staan_apart(site_andere_gemeente, andere_gemeente):
    """Oosterhaven 2028: 2028-2 names it, but its targets hold for the whole commitment."""
    jaar = andere_gemeente.jaren[2028]
    hier = plaatsinhoud.afspraken_in(andere_gemeente, jaar, "oosterhaven")
    niet = plaatsinhoud.niet_per_plaats(andere_gemeente, hier, "oosterhaven")
    assert {r.afspraak.id for r in niet} == {"2028-2"} and all(r.doel.plaats is None for r in niet)
    soep = inhoud(pagina(site_andere_gemeente, "2028/plaatsen/oosterhaven/"))
    tabellen = soep.select("#gerealiseerd table.pa-realisatie")
    assert len(tabellen) == 2
    assert "niet alleen voor Oosterhaven" in tekst(tabellen[1].caption)
    assert len(tabellen[1].select("tbody tr")) == len(niet)
    assert "gelden niet per plaats" in tekst(soep.select_one("#gerealiseerd"))
    # the per-place table has only the rows for Oosterhaven and the places in it
    assert len(tabellen[0].select("tbody tr")) == len(plaatsinhoud.per_plaats(andere_gemeente, hier, "oosterhaven"))


def test_zonder_doelen_geen_deel_over_doelen(site_gevolgd):
    assert inhoud(pagina(site_gevolgd, "2021/plaatsen/kerkstraat/")).select_one("#gerealiseerd") is None


def test_kerkstraat_linkt_naar_de_plaatsen_waar_ze_in_ligt(site_gevolgd):
    url = "2021/plaatsen/kerkstraat/"
    meta = inhoud(pagina(site_gevolgd, url)).select_one("p.pa-meta")
    assert tekst(meta) == "Kerkstraat is een straat in De Akkers, in Beekdorp."
    assert links_naar(meta, url) == ["2021/plaatsen/de-akkers/", "2021/plaatsen/beekdorp/"]


def test_in_andere_jaren_linkt_het_andere_jaar_met_het_aantal(site_gevolgd):
    url = "2021/plaatsen/heidezand/"
    deel = inhoud(pagina(site_gevolgd, url)).select_one("#andere-jaren")
    assert [tekst(li) for li in deel.select("li")] == ["Heidezand in 2022: 1 afspraak"]
    assert links_naar(deel, url) == ["2022/plaatsen/heidezand/"]
    terug = inhoud(pagina(site_gevolgd, "2022/plaatsen/heidezand/")).select_one("#andere-jaren")
    assert [tekst(li) for li in terug.select("li")] == ["Heidezand in 2021: 2 afspraken"]
    # Beekdorp has no page in 2022: no section, and the switcher offers the year page
    soep = inhoud(pagina(site_gevolgd, "2021/plaatsen/beekdorp/"))
    assert soep.select_one("#andere-jaren") is None
    assert "2022/" in links_naar(soep.select_one("nav.pa-jaarkiezer"), "2021/plaatsen/beekdorp/")


def test_in_andere_jaren_blijft_binnen_het_venster_van_de_jaarkiezer():
    """Twenty years that all name the place: one line for each year of the window only."""
    plaatsen = [bouwer.plaats("dorp")]
    jaren = [bouwer.jaar(j, themas=[bouwer.thema("wonen", [bouwer.afspraak(1, j, plaatsen=("dorp",))], jaar=j)])
             for j in range(2030, 2050)]
    m = bouwer.model(jaren=jaren, plaatsen=plaatsen)
    andere = plaatsinhoud.in_andere_jaren(m, m.jaren[2040], "dorp")
    assert [j for j, _ in andere] == [j for j in plaatsinhoud.inhoud.jaarvenster(tuple(m.jaren), 2040) if j != 2040]
    assert len(andere) <= 5 and all(n == 1 for _, n in andere)


# --- links to place pages ---------------------------------------------------------------

def test_jaarpagina_noemt_de_plaatsen_genest_met_aantallen(site_gevolgd):
    lijst = inhoud(pagina(site_gevolgd, "2021/")).select_one("#per-plaats ul.pa-plaatsenlijst")
    bovenste = lijst.find_all("li", recursive=False)
    assert [tekst(li.a) for li in bovenste] == ["Beekdorp", "Heidezand"]
    assert tekst(bovenste[0]).startswith("Beekdorp (dorp): 3 afspraken")
    assert [tekst(a) for a in bovenste[0].ul.select("a")] == ["De Akkers", "Kerkstraat"]
    assert links_naar(lijst, "2021/") == ["2021/plaatsen/beekdorp/", "2021/plaatsen/de-akkers/",
                                          "2021/plaatsen/kerkstraat/", "2021/plaatsen/heidezand/"]


@pytest.mark.parametrize("site_naam, model_naam", [("site_gevolgd", "gevolgd"), ("site", "echt")])
def test_plaatsnamen_bij_een_afspraak_linken_naar_de_plaatspagina(site_naam, model_naam, request):
    """On a commitment's page, its theme's page and the overview; holds for any data."""
    site, model = request.getfixturevalue(site_naam), request.getfixturevalue(model_naam)
    met_plaats = [a for a in model.afspraken if a.plaatsen]
    if not met_plaats:
        pytest.skip("geen afspraak noemt een plaats")
    for a in met_plaats:
        verwacht = [adressen.plaats_url(a.jaar, p) for p in a.plaatsen]
        url = adressen.afspraak_url(a.id)
        soep = inhoud(pagina(site, url))
        plaatslinks = [d for d in links_naar(soep, url) if "/plaatsen/" in d]
        assert set(verwacht) <= set(plaatslinks), a.id
        for d in plaatslinks:
            assert (site / d / "index.html").is_file(), d
        thema = adressen.thema_url(a.jaar, a.thema)
        artikel = inhoud(pagina(site, thema)).select_one(f"#afspraak-{a.nummer}")
        assert [d for d in links_naar(artikel, thema) if "/plaatsen/" in d] == verwacht
        overzicht = adressen.overzicht_url(a.jaar)
        rij = inhoud(pagina(site, overzicht)).select_one(f'tr[data-nummer="{a.nummer}"]')
        assert [d for d in links_naar(rij, overzicht) if "/plaatsen/" in d] == verwacht


# --- search -----------------------------------------------------------------------------

def test_plaatspagina_staat_kort_in_de_zoekgegevens(site_gevolgd, gevolgd):
    docs = json.loads((site_gevolgd / zoekindex.jaarbestand(2021)).read_text(encoding="utf-8"))
    plaatsen = {d["u"]: d for d in docs if d["s"] == "plaats"}
    assert list(plaatsen) == [adressen.plaats_url(2021, p) for p in plaatsinhoud.plaatsen_van_jaar(gevolgd, gevolgd.jaren[2021])]
    kerkstraat = plaatsen["2021/plaatsen/kerkstraat/"]
    assert (kerkstraat["t"], kerkstraat["x"]) == ("Kerkstraat in 2021", "straat in De Akkers in Beekdorp")
    # never the commitments' words: those are found once, on their own pages
    assert not any(a.titel in d["x"] or a.tekst.strip() in d["x"] for d in plaatsen.values() for a in gevolgd.afspraken)


# --- make serve -------------------------------------------------------------------------

def test_make_serve_telt_een_ander_jaar_opnieuw(serve, tmp_path):
    """A commitment of 2031 that now names Beekdorp changes the count on Beekdorp's 2030 page."""
    project, site = serve
    _serve_build(project, site)
    vervang(project / "data", "data/2031/huur-en-woonlasten.yaml", '    voortzetting_van: "2030-4"\n',
            '    voortzetting_van: "2030-4"\n    plaatsen: [beekdorp]\n')
    gebouwd = _serve_build(project, site)
    assert "2030/plaatsen/beekdorp/" in gebouwd
    assert "Beekdorp in 2031: 3 afspraken" in tekst(inhoud(pagina(site, "2030/plaatsen/beekdorp/")))
    _zelfde_site(site, bouw_zonder_waarschuwing(project, tmp_path / "volledig"))


# --- the editors' notes on a place --------------------------------------------------------

def test_noot_van_de_redactie_bij_een_plaats_staat_op_elke_pagina_ervan(tmp_path):
    project = projectkopie(tmp_path / "project", "gevolgd")
    noot = "Alleen de woningen met een even huisnummer <b>horen</b> erbij."
    vervang(project / "data", "data/plaatsen.yaml", "    soort: straat\n",
            f"    soort: straat\n    opmerkingen:\n      - {noot}\n")
    site = bouw_zonder_waarschuwing(project, tmp_path / "site")
    opmerking = inhoud(pagina(site, "2021/plaatsen/kerkstraat/")).select_one("div.pa-opmerking")
    assert noot in tekst(opmerking) and opmerking.find("b") is None  # text, never markup
    assert inhoud(pagina(site, "2021/plaatsen/de-akkers/")).select_one("div.pa-opmerking") is None
