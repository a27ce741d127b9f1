"""The public change log of progress: /wijzigingen/ (the newest of all years) and
/<jaar>/wijzigingen/ (all of one year), built from data/<jaar>/voortgang.yaml.

Proven on the built fixture site `gevolgd` (every status, a correction, values per place)
and, for what holds for any data, on een-jaar and the live site: newest first (recorded,
then year, then number), each change linking to its entry's anchor on its commitment's
page, with the status as icon and word, what changed ("van loopt naar deels
gerealiseerd", derived from the commitment's history at that moment), realised values,
and for a correction the date of the entry it corrects. Expected values come from the
model, read independently of the query where it matters.
"""
from __future__ import annotations

import json
import posixpath
from urllib.parse import urlsplit

import pytest

from macros.gegevens.model import Model
from macros.paginas import adressen, wijzigingslog
from macros.paginas.opmaak import datum

from test_site import inhoud, pagina, tekst

GEEN = "Er zijn nog geen wijzigingen in de voortgang vastgelegd."


def verwacht(model: Model, jaar: int | None = None) -> list:
    """The entries, newest first by recorded date, then year, then number: from the data."""
    regels = [r for j, data in model.jaren.items() if jaar in (None, j) for r in data.voortgang]
    return sorted(regels, key=lambda r: (r.vastgelegd, r.jaar, r.nummer), reverse=True)


def wijzigingen(soep) -> list:
    return soep.select("li.pa-wijziging")


def doel(van: str, href: str) -> str:
    """The site-relative address a relative link on page `van` leads to, with its anchor."""
    deel = urlsplit(href)
    pad = posixpath.normpath(posixpath.join(van, deel.path)) + "/"
    return pad + ("#" + deel.fragment if deel.fragment else "")


def link_van(li, van: str) -> str:
    return doel(van, li.select_one("h3 a, h4 a")["href"])


def item(soep, van: str, regel) -> object:
    (li,) = [li for li in wijzigingen(soep) if link_van(li, van) == adressen.voortgang_url(regel)]
    return li


# --- the query ---------------------------------------------------------------------------

def test_de_vorige_status_komt_uit_het_verloop_op_dat_moment(gevolgd):
    per = {w.regel.nummer: w for w in wijzigingslog.van_jaar(gevolgd, 2021)}
    assert (per[1].van.id, per[1].naar.id) == ("nog-niet-beoordeeld", "loopt")
    assert (per[7].van.id, per[7].naar.id) == ("loopt", "deels-gerealiseerd")
    assert (per[9].van.id, per[9].naar.id) == ("niet-gestart", "vervallen")
    assert (per[10].van.id, per[10].naar.id) == ("vertraagd", "doorgeschoven")
    # a correction replaces entry 7: the status stays what it was
    assert per[8].gecorrigeerd.nummer == 7 and per[8].van == per[8].naar
    assert all(w.gecorrigeerd is None for n, w in per.items() if n != 8)


def test_gerealiseerde_waarden_per_doel_met_delen_onder_hun_totaal(gevolgd):
    (w,) = [w for w in wijzigingslog.van_jaar(gevolgd, 2021) if w.regel.nummer == 8]
    assert [(r.positie, r.waarde.aantal, r.totaal is not None) for r in w.waarden] == [
        (1, 16, False), (2, 12, True), (3, 4, True)]
    assert all(r.regel is w.regel for r in w.waarden)


def test_volgorde_nieuwste_eerst(gevolgd):
    assert [w.regel for w in wijzigingslog.alle(gevolgd)] == verwacht(gevolgd)
    assert [w.regel for w in wijzigingslog.van_jaar(gevolgd, 2021)] == verwacht(gevolgd, 2021)


# --- the built pages -----------------------------------------------------------------------

def test_de_site_brede_pagina_toont_alles_nieuwste_eerst_met_ankers(site_gevolgd, gevolgd):
    soep = inhoud(pagina(site_gevolgd, "wijzigingen/"))
    regels = verwacht(gevolgd)
    assert len(regels) <= wijzigingslog.RECENT
    assert [link_van(li, "wijzigingen/") for li in wijzigingen(soep)] == [adressen.voortgang_url(r) for r in regels]
    for r in regels:  # the exact anchor of the commitment page (Voortgang.anker)
        assert adressen.voortgang_url(r) == f"{r.jaar}/afspraken/{r.afspraak.split('-')[1]}/#voortgang-{r.nummer}"
    # each day once, newest first, as a heading with a machine-readable date
    dagen = [t["datetime"] for t in soep.select("section.pa-wijzigingen-dag > h3 > time")]
    assert dagen == list(dict.fromkeys(r.vastgelegd for r in regels))
    # every year's own page is linked
    jaren = {doel("wijzigingen/", a["href"]) for a in soep.select("nav a")}
    assert {adressen.wijzigingen_url(j) for j in gevolgd.jaren} <= jaren
    assert GEEN not in tekst(soep)


def test_een_wijziging_toont_status_wat_veranderde_waarden_en_correctie(site_gevolgd, gevolgd):
    van = "2021/wijzigingen/"
    soep = inhoud(pagina(site_gevolgd, van))
    regels = {r.nummer: r for r in gevolgd.jaren[2021].voortgang}
    zeven = item(soep, van, regels[7])
    status = zeven.select_one(".pa-status")
    assert tekst(status) == "Deels gerealiseerd" and status.select_one("svg[aria-hidden=true]")  # never colour alone
    assert "Van loopt naar deels gerealiseerd." in tekst(zeven)
    a = gevolgd.afspraak(regels[7].afspraak)
    assert tekst(zeven.select_one("h3")) == f"Afspraak {a.nummer}: {a.titel}"
    assert f"Stand op {datum(regels[7].peildatum)}." in tekst(zeven)
    assert regels[7].toelichting in tekst(zeven)
    # realised values, one row per target, the parts marked as parts
    rijen = zeven.select("table.pa-realisatie tbody tr")
    assert len(rijen) == len(regels[7].gerealiseerd)
    assert [tekst(r.select("td")[1]) for r in rijen] == [f"{w.aantal:g} {w.eenheid}" for w in regels[7].gerealiseerd]
    acht = item(soep, van, regels[8])
    assert f"corrigeert de regel van {datum(regels[7].vastgelegd)}" in tekst(acht)
    assert "Blijft deels gerealiseerd." in tekst(acht)
    assert "corrigeert" not in tekst(zeven)
    elf = item(soep, van, regels[11])
    assert f"Reden: {regels[11].reden}" in tekst(elf)
    negen = item(soep, van, regels[9])
    assert "Van niet gestart naar vervallen." in tekst(negen) and not negen.select("table")


def test_de_pagina_van_een_jaar_heeft_alleen_dat_jaar(site_gevolgd, gevolgd):
    for jaar in gevolgd.jaren:
        van = adressen.wijzigingen_url(jaar)
        soep = inhoud(pagina(site_gevolgd, van))
        assert [link_van(li, van) for li in wijzigingen(soep)] == [
            adressen.voortgang_url(r) for r in verwacht(gevolgd, jaar)]
        assert tekst(soep.select_one("h1")) == f"Wijzigingen in de voortgang van {jaar}"


def test_de_site_brede_pagina_groeit_niet_mee(tmp_path, gevolgd, monkeypatch):
    """Past RECENT changes, /wijzigingen/ shows the newest RECENT and says where the rest is."""
    from conftest import bouw_zonder_waarschuwing, projectkopie

    monkeypatch.setattr(wijzigingslog, "RECENT", 5)
    site = bouw_zonder_waarschuwing(projectkopie(tmp_path / "project", "gevolgd"), tmp_path / "site")
    soep = inhoud(pagina(site, "wijzigingen/"))
    regels = verwacht(gevolgd)
    assert [link_van(li, "wijzigingen/") for li in wijzigingen(soep)] == [
        adressen.voortgang_url(r) for r in regels[:5]]
    assert f"De nieuwste 5 van {len(regels)} wijzigingen" in tekst(soep)
    assert "De oudere wijzigingen staan op de pagina van elk jaar." in tekst(soep)
    # a year's page still has all of its own
    assert len(wijzigingen(inhoud(pagina(site, "2021/wijzigingen/")))) == len(gevolgd.jaren[2021].voortgang)


@pytest.mark.parametrize("naam, model", [("site_een_jaar", "een_jaar"), ("site", "echt")])
def test_zonder_voortgang_zegt_de_pagina_dat_er_niets_is(naam, model, request):
    """For any data: with no entries the pages say so plainly; otherwise they list them."""
    site, m = request.getfixturevalue(naam), request.getfixturevalue(model)
    soep = inhoud(pagina(site, "wijzigingen/"))
    regels = verwacht(m)
    assert len(wijzigingen(soep)) == min(len(regels), wijzigingslog.RECENT)
    assert (GEEN in tekst(soep)) == (not regels)
    for jaar in m.jaren:
        soep = inhoud(pagina(site, adressen.wijzigingen_url(jaar)))
        assert len(wijzigingen(soep)) == len(m.jaren[jaar].voortgang)
        assert (GEEN in tekst(soep)) == (not m.jaren[jaar].voortgang)


def test_wijzigingen_staan_niet_in_de_zoekgegevens(site_gevolgd, gevolgd):
    """The change log repeats titles: a search finds each commitment on its own page."""
    adresjes = set()
    for bestand in (site_gevolgd / "zoeken").glob("*.json"):
        data = json.loads(bestand.read_text(encoding="utf-8"))
        documenten = data.get("docs", data) if isinstance(data, dict) else data
        adresjes |= {d.get("u") for d in documenten if isinstance(d, dict)}
    assert adresjes, "geen zoekgegevens gevonden"
    assert not {u for u in adresjes if u and "wijzigingen" in u}


def test_menu_heeft_de_wijzigingen(site_gevolgd, gevolgd):
    soep = pagina(site_gevolgd, "2021/")
    menu = {doel("2021/", a["href"]) for a in soep.select("nav.md-nav a[href]")}
    assert {"wijzigingen/", "2021/wijzigingen/"} <= menu
