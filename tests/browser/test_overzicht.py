"""The overview of all commitments of a year can be filtered, sorted and shared, by mouse and keyboard.

Proven on /<jaar>/afspraken/ of fixture sites in Chromium:
- without JavaScript the whole table is there (every commitment, nothing hidden, also at
  an address that asks for a filter) and the filter form, which would do nothing, stays hidden;
- choosing a theme shows exactly that theme's commitments, says how many (in a status
  region a screen reader reads out), and puts the choice in the address, so the filtered
  view can be shared;
- opening such an address (theme and party) shows that selection, with the choices filled in;
- a place also finds the commitments about the places that lie in it (`ligt_in`): a
  village finds a commitment that names only one of its neighbourhoods;
- the title column sorts alphabetically, and a second click reverses it; aria-sort tells a
  screen reader which column sorts and which way; the address keeps the order too;
- the reset button brings back every commitment and clears the address;
- the year switcher takes the selection along to another year: the filters that year
  offers, and the order;
- all of it works with the keyboard alone.

Expected rows come from the fixture's model, never from numbers written here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import bouwer
import pytest
from playwright.sync_api import expect

from macros.paginas import inhoud, adressen as paginas
from macros.gegevens.model import Afspraak, Jaar, Model

from .conftest import gebouwd, open_pagina

RIJEN = "#afspraken-tabel tbody tr"
ZICHTBARE_RIJEN = "#afspraken-tabel tbody tr:not([hidden])"
FILTERS = ("thema", "partij", "plaats")


@dataclass(frozen=True)
class Overzicht:
    """The overview page of one year of a served fixture site."""

    webadres: str  # the site's base URL
    model: Model
    jaar: Jaar

    @property
    def afspraken(self) -> dict[int, Afspraak]:
        return {a.nummer: a for a in self.jaar.afspraken}

    def adres(self, query: str = "") -> str:
        return self.webadres + paginas.overzicht_url(self.jaar.jaar) + (f"?{query}" if query else "")

    def nummers(self, past) -> list[int]:
        """The numbers of the year's commitments for which `past(afspraak)` holds."""
        return sorted(n for n, a in self.afspraken.items() if past(a))


def overzicht_van(request, naam: str, jaar: int | None = None) -> Overzicht:
    """The overview of `jaar` (default: the newest year) of fixture set `naam`."""
    site = gebouwd(request, naam)
    return Overzicht(site.webadres, site.model, site.model.jaren[jaar or max(site.model.jaren)])


@pytest.fixture(scope="module")
def overzicht(request) -> Overzicht:
    return overzicht_van(request, "een-jaar")


def parameters(pagina) -> dict[str, list[str]]:
    return parse_qs(urlsplit(pagina.url).query)


def sortering(pagina) -> tuple[str, str]:
    """(sorteer, richting) that the address asks for; a default may be left out of it."""
    deze = parameters(pagina)
    return deze.get("sorteer", ["nummer"])[0], deze.get("richting", ["op"])[0]


def nummers(pagina, selector: str = ZICHTBARE_RIJEN) -> list[int]:
    """data-nummer of the matching rows, in table order."""
    return [int(n) for n in pagina.locator(selector).evaluate_all(
        "rijen => rijen.map(r => r.dataset.nummer)")]


def zichtbaar_getoond(pagina) -> list[int]:
    """Numbers of the rows a reader actually sees (rendered, not merely without `hidden`)."""
    return [int(n) for n in pagina.locator(RIJEN).evaluate_all(
        "rijen => rijen.filter(r => r.checkVisibility()).map(r => r.dataset.nummer)")]


def aantal_tekst(pagina) -> str:
    return " ".join(pagina.locator("#afspraken-aantal").inner_text().split())


def toont(pagina, verwacht: list[int], totaal: int) -> None:
    """The table shows exactly the commitments `verwacht`, and the count says so."""
    expect(pagina.locator(ZICHTBARE_RIJEN)).to_have_count(len(verwacht))
    assert sorted(nummers(pagina)) == verwacht
    assert sorted(zichtbaar_getoond(pagina)) == verwacht
    assert f"{len(verwacht)} van de {totaal} afspraken" in aantal_tekst(pagina)


def open_overzicht(pagina, overzicht: Overzicht, query: str = ""):
    open_pagina(pagina, overzicht.adres(query))
    expect(pagina.locator("#afspraken-filters")).to_be_visible()  # the script has run


def deelverzameling(overzicht: Overzicht, past, wat: str) -> list[int]:
    """The commitments for which `past` holds; fails unless that is some but not all."""
    verwacht = overzicht.nummers(past)
    assert 0 < len(verwacht) < len(overzicht.afspraken), f"de fixture heeft geen {wat}"
    return verwacht


def thema_voor_een_deel(overzicht: Overzicht) -> str:
    """The first theme that holds some but not all of the year's commitments."""
    aantal = len(overzicht.afspraken)
    thema = next((t.thema for t in overzicht.jaar.themas
                  if 0 < len(overzicht.nummers(lambda a: a.thema == t.thema)) < aantal), None)
    assert thema, "de fixture heeft geen thema met een deel van de afspraken"
    return thema


def thema_en_partij(overzicht: Overzicht) -> tuple[str, str, list[int]]:
    """A theme and a party that together select fewer commitments than the theme alone."""
    for t in overzicht.jaar.themas:
        van_thema = overzicht.nummers(lambda a: a.thema == t.thema)
        for partij in overzicht.model.partijen:
            samen = overzicht.nummers(lambda a: a.thema == t.thema and partij in a.eigen_partijen)
            if 0 < len(samen) < len(van_thema):
                return t.thema, partij, samen
    pytest.fail("de fixture heeft geen thema en partij die samen minder afspraken kiezen")


def test_zonder_javascript_staat_de_hele_tabel_er(nieuwe_context, overzicht):
    thema, partij, _ = thema_en_partij(overzicht)
    pagina = nieuwe_context(java_script_enabled=False).new_page()
    open_pagina(pagina, overzicht.adres(f"thema={thema}&partij={partij}"))  # a filter does nothing
    assert sorted(zichtbaar_getoond(pagina)) == sorted(overzicht.afspraken)
    assert nummers(pagina, RIJEN) == sorted(overzicht.afspraken), "de rijen staan niet op nummer"
    expect(pagina.locator("#afspraken-filters")).to_be_hidden()
    expect(pagina.locator("#afspraken-jaren")).to_be_hidden()
    rijen = pagina.locator(RIJEN).evaluate_all(
        "rijen => rijen.map(r => [r.dataset.nummer, r.dataset.thema, r.dataset.partijen, r.dataset.plaatsen])")
    for nummer, thema, partijen, plaatsen in rijen:
        a = overzicht.afspraken[int(nummer)]
        assert (thema, (partijen or "").split(), (plaatsen or "").split()) == (
            a.thema, list(a.eigen_partijen), list(a.plaatsen)), f"rij {nummer} klopt niet met de data"


def test_filter_op_thema(pagina, overzicht):
    totaal = len(overzicht.afspraken)
    open_overzicht(pagina, overzicht)
    aantal = pagina.locator("#afspraken-aantal")
    expect(aantal).to_have_attribute("role", "status")  # a screen reader reads out the change
    expect(aantal).to_have_attribute("aria-live", "polite")
    assert f"Alle {totaal} afspraken" in aantal_tekst(pagina)
    thema = thema_voor_een_deel(overzicht)

    pagina.select_option("#filter-thema", thema)

    toont(pagina, overzicht.nummers(lambda a: a.thema == thema), totaal)
    assert parameters(pagina).get("thema") == [thema], pagina.url


def test_adres_met_filters_toont_die_selectie(pagina, overzicht):
    thema, partij, verwacht = thema_en_partij(overzicht)

    open_overzicht(pagina, overzicht, f"partij={partij}&thema={thema}")

    expect(pagina.locator("#filter-thema")).to_have_value(thema)
    expect(pagina.locator("#filter-partij")).to_have_value(partij)
    expect(pagina.locator("#filter-plaats")).to_have_value("")
    toont(pagina, verwacht, len(overzicht.afspraken))


def binnen(model: Model, plaats: str) -> set[str]:
    """The place and every place that lies in it, directly or further down."""
    gevonden = {plaats}
    while erbij := {p.id for p in model.plaatsen.values() if p.ligt_in in gevonden} - gevonden:
        gevonden |= erbij
    return gevonden


def dorp_met_wijk(model: Model) -> tuple[int, str]:
    """A year and a place such that a commitment of that year names only places inside it."""
    for jaar in model.jaren.values():
        for plaats in model.plaatsen:
            erin = binnen(model, plaats) - {plaats}
            if any(set(a.plaatsen) & erin and plaats not in a.plaatsen for a in jaar.afspraken):
                return jaar.jaar, plaats
    pytest.fail("de fixture heeft geen afspraak die alleen een plaats binnen een andere noemt")


@pytest.mark.parametrize("naam", ["een-jaar", "andere-gemeente"])
def test_plaats_toont_ook_wat_erin_ligt(naam, request, pagina):
    site = gebouwd(request, naam)
    jaar, plaats = dorp_met_wijk(site.model)
    overzicht = overzicht_van(request, naam, jaar)
    erin = binnen(site.model, plaats)
    verwacht = deelverzameling(overzicht, lambda a: bool(erin & set(a.plaatsen)),
                               f"plaats met een deel van de afspraken in {jaar}")
    open_overzicht(pagina, overzicht)

    pagina.select_option("#filter-plaats", plaats)

    toont(pagina, verwacht, len(overzicht.afspraken))
    assert parameters(pagina).get("plaats") == [plaats], pagina.url


def test_dorp_is_te_kiezen_als_alleen_een_wijk_genoemd_is():
    """The place filter offers the village when a commitment names only a place inside it."""
    plaatsen = [bouwer.plaats("dorp"), bouwer.plaats("wijk", "wijk", ligt_in="dorp"),
                bouwer.plaats("straat", "straat", ligt_in="wijk"), bouwer.plaats("elders")]
    jaar = bouwer.jaar(themas=[bouwer.thema("wonen", [bouwer.afspraak(1, plaatsen=("straat",)),
                                                      bouwer.afspraak(2)])])
    model = bouwer.model(jaren=[jaar], plaatsen=plaatsen)
    assert inhoud.plaatsfilter(model, jaar.afspraken[0]) == ("straat", "wijk", "dorp")
    assert inhoud.plaatsfilter(model, jaar.afspraken[1]) == ()
    assert inhoud.filterkeuzes(model, jaar)["plaats"] == ("dorp", "wijk", "straat")


# Whether titles are in order, with the browser's Dutch collation; numbers in titles
# ("14 woningen", "163 woningen") may sort as text or as numbers, both are alphabetical.
GESORTEERD = """([titels, richting]) => [false, true].some(numeric => {
    const vergelijk = new Intl.Collator('nl', {sensitivity: 'base', numeric}).compare;
    return titels.every((t, i) => i === 0 || richting * vergelijk(titels[i - 1], t) <= 0);
})"""


def test_sorteren_op_titel(pagina, overzicht):
    afspraken = overzicht.afspraken
    open_overzicht(pagina, overzicht)
    kop = pagina.locator('#afspraken-tabel th[data-sorteer="titel"]')
    knop = kop.locator("button")

    knop.click()
    expect(kop).to_have_attribute("aria-sort", "ascending")
    titels = [afspraken[n].titel for n in nummers(pagina)]
    assert len(titels) == len(afspraken)
    assert pagina.evaluate(GESORTEERD, [titels, 1]), f"niet alfabetisch: {titels}"
    assert titels != [afspraken[n].titel for n in sorted(afspraken)], (
        "de fixture heeft titels die al op nummer alfabetisch staan: dit bewijst niets")
    andere = pagina.locator("#afspraken-tabel th[aria-sort]:not([data-sorteer='titel'])")
    assert [k for k in andere.evaluate_all("ks => ks.map(k => k.getAttribute('aria-sort'))")
            if k != "none"] == [], "een andere kolom houdt aria-sort"
    assert sortering(pagina) == ("titel", "op"), pagina.url

    knop.click()
    expect(kop).to_have_attribute("aria-sort", "descending")
    omgekeerd = [afspraken[n].titel for n in nummers(pagina)]
    assert pagina.evaluate(GESORTEERD, [omgekeerd, -1]), f"niet omgekeerd alfabetisch: {omgekeerd}"
    assert sortering(pagina) == ("titel", "af"), pagina.url

    # The address brings back the same order.
    open_pagina(pagina, pagina.url)
    expect(kop).to_have_attribute("aria-sort", "descending")
    assert [afspraken[n].titel for n in nummers(pagina)] == omgekeerd


def test_wissen_toont_alles_en_leegt_het_adres(pagina, overzicht):
    thema, partij, _ = thema_en_partij(overzicht)
    totaal = len(overzicht.afspraken)
    open_overzicht(pagina, overzicht, f"thema={thema}&partij={partij}")
    expect(pagina.locator(ZICHTBARE_RIJEN)).not_to_have_count(totaal)

    pagina.locator('#afspraken-filters button[type="reset"]').click()

    expect(pagina.locator(ZICHTBARE_RIJEN)).to_have_count(totaal)
    assert sorted(zichtbaar_getoond(pagina)) == sorted(overzicht.afspraken)
    for naam in FILTERS:
        expect(pagina.locator(f"#filter-{naam}")).to_have_value("")
    assert not [p for p in FILTERS if p in parameters(pagina)], pagina.url
    assert f"Alle {totaal} afspraken" in aantal_tekst(pagina)


def keuzes(pagina) -> dict[str, list[str]]:
    """The values each filter of the open overview offers."""
    return {naam: pagina.locator(f"#filter-{naam} option").evaluate_all(
        "opties => opties.map(o => o.value).filter(v => v)") for naam in FILTERS}


@pytest.mark.parametrize("naam", ["twee-jaren", "andere-gemeente"])
def test_jaarkiezer_neemt_de_selectie_mee(naam, request, pagina):
    model = gebouwd(request, naam).model
    van, naar = (overzicht_van(request, naam, j) for j in (min(model.jaren), max(model.jaren)))
    open_overzicht(pagina, naar)
    daar = keuzes(pagina)
    open_overzicht(pagina, van)
    hier = keuzes(pagina)
    # The theme (or else the place) gets a value the other year does not offer: it stays
    # behind. The other filters, at least party and place, get one both offer: they go along.
    blijft = next((f for f in ("thema", "plaats") if set(hier[f]) - set(daar[f])), None)
    assert blijft, "de fixture heeft geen thema of plaats die maar in één jaar te kiezen is"
    gekozen = {f: next((w for w in hier[f] if (w in daar[f]) != (f == blijft)), None) for f in FILTERS}
    assert None not in gekozen.values(), f"de fixture heeft geen geschikte filterwaarden: {gekozen}"
    mee = {f: w for f, w in gekozen.items() if f != blijft}
    for filter_, waarde in gekozen.items():
        pagina.select_option(f"#filter-{filter_}", waarde)
    titel = pagina.locator('#afspraken-tabel th[data-sorteer="titel"] button')
    titel.click()
    titel.click()  # descending
    link = pagina.locator(".pa-jaarkiezer").get_by_role("link", name=str(naar.jaar.jaar), exact=True)
    verwacht = {**{f: [w] for f, w in mee.items()}, "sorteer": ["titel"], "richting": ["af"]}
    assert parse_qs(urlsplit(link.get_attribute("href")).query) == verwacht, link.get_attribute("href")

    link.click()

    expect(pagina.locator("#afspraken-filters")).to_be_visible()
    assert urlsplit(pagina.url).path == urlsplit(naar.adres()).path
    assert parameters(pagina) == verwacht, pagina.url
    for filter_ in FILTERS:
        expect(pagina.locator(f"#filter-{filter_}")).to_have_value(mee.get(filter_, ""))
    expect(pagina.locator('#afspraken-tabel th[data-sorteer="titel"]')).to_have_attribute(
        "aria-sort", "descending")


def test_alles_werkt_met_het_toetsenbord(pagina, overzicht):
    totaal = len(overzicht.afspraken)
    open_overzicht(pagina, overzicht)
    for _ in range(300):  # Tab through the page as a keyboard user does
        pagina.keyboard.press("Tab")
        if pagina.evaluate("() => document.activeElement.id") == "filter-thema":
            break
    else:
        pytest.fail("met Tab is het themafilter niet te bereiken")

    pagina.keyboard.press("ArrowDown")  # a closed select takes the next option

    thema = pagina.locator("#filter-thema").input_value()
    assert thema, "ArrowDown koos geen thema"
    toont(pagina, overzicht.nummers(lambda a: a.thema == thema), totaal)
    assert parameters(pagina).get("thema") == [thema], pagina.url

    # The sort buttons in the table header are reachable further on, and Enter sorts.
    for _ in range(50):
        pagina.keyboard.press("Tab")
        if pagina.evaluate("() => !!document.activeElement.closest('th[data-sorteer]')"):
            break
    else:
        pytest.fail("met Tab is geen sorteerknop in de tabelkop te bereiken")
    kolom = pagina.evaluate("() => document.activeElement.closest('th').dataset.sorteer")
    kop = pagina.locator(f'#afspraken-tabel th[data-sorteer="{kolom}"]')
    voor = kop.get_attribute("aria-sort")
    pagina.keyboard.press("Enter")
    expect(kop).to_have_attribute("aria-sort", re.compile(r"^(ascending|descending)$"))
    if voor in ("ascending", "descending"):  # the column already sorted: Enter reverses it
        expect(kop).not_to_have_attribute("aria-sort", voor)
    assert sortering(pagina)[0] == kolom, pagina.url
