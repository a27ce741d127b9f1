"""The overview of all commitments of 2024 can be filtered, sorted and shared, by mouse and keyboard.

Proven on /2024/afspraken/ in Chromium:
- without JavaScript the whole table is there (every commitment, nothing hidden) and the
  filter form, which would do nothing, stays hidden;
- choosing a theme shows exactly that theme's commitments, says how many (in a status
  region a screen reader reads out), and puts the choice in the address, so the filtered
  view can be shared;
- opening such an address (theme and party) shows that selection, with the choices filled in;
- the title column sorts alphabetically, and a second click reverses it; aria-sort tells a
  screen reader which column sorts and which way; the address keeps the order too;
- the reset button brings back every commitment and clears the address;
- all of it works with the keyboard alone.

Expected rows come from the data model (the `echt` fixture), not from numbers written here;
only the total of 55 commitments in 2024 is part of the page's contract.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import open_pagina

TOTAAL = 55  # commitments in 2024, as the contract of the page states
RIJEN = "#afspraken-tabel tbody tr"
ZICHTBARE_RIJEN = "#afspraken-tabel tbody tr:not([hidden])"
FILTERS = ("thema", "partij", "plaats")


@pytest.fixture(scope="module")
def afspraken(echt):
    """The commitments of 2024 by number."""
    alle = {a.nummer: a for a in echt.jaren[2024].afspraken}
    assert len(alle) == TOTAAL, f"de data heeft {len(alle)} afspraken in 2024, de pagina belooft {TOTAAL}"
    return alle


def adres(webadres: str, query: str = "") -> str:
    return webadres + "2024/afspraken/" + (f"?{query}" if query else "")


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


def open_overzicht(pagina, webadres, query: str = ""):
    open_pagina(pagina, adres(webadres, query))
    expect(pagina.locator("#afspraken-filters")).to_be_visible()  # the script has run


def test_zonder_javascript_staat_de_hele_tabel_er(nieuwe_context, webadres, afspraken):
    pagina = nieuwe_context(java_script_enabled=False).new_page()
    open_pagina(pagina, adres(webadres))
    assert sorted(zichtbaar_getoond(pagina)) == sorted(afspraken)
    assert nummers(pagina, RIJEN) == sorted(afspraken), "de rijen staan niet op nummer"
    expect(pagina.locator("#afspraken-filters")).to_be_hidden()
    rijen = pagina.locator(RIJEN).evaluate_all(
        "rijen => rijen.map(r => [r.dataset.nummer, r.dataset.thema, r.dataset.partijen, r.dataset.plaatsen])")
    for nummer, thema, partijen, plaatsen in rijen:
        a = afspraken[int(nummer)]
        assert (thema, (partijen or "").split(), (plaatsen or "").split()) == (
            a.thema, list(a.partijen), list(a.plaatsen)), f"rij {nummer} klopt niet met de data"


def test_filter_op_thema(pagina, webadres, afspraken):
    open_overzicht(pagina, webadres)
    aantal = pagina.locator("#afspraken-aantal")
    expect(aantal).to_have_attribute("role", "status")  # a screen reader reads out the change
    expect(aantal).to_have_attribute("aria-live", "polite")
    assert f"Alle {TOTAAL} afspraken" in aantal_tekst(pagina)
    verwacht = sorted(n for n, a in afspraken.items() if a.thema == "duurzaamheid")
    assert 0 < len(verwacht) < TOTAAL

    pagina.select_option("#filter-thema", "duurzaamheid")

    expect(pagina.locator(ZICHTBARE_RIJEN)).to_have_count(len(verwacht))
    assert sorted(nummers(pagina)) == verwacht
    assert sorted(zichtbaar_getoond(pagina)) == verwacht
    assert f"{len(verwacht)} van de {TOTAAL} afspraken" in aantal_tekst(pagina)
    assert parameters(pagina).get("thema") == ["duurzaamheid"], pagina.url


def test_adres_met_filters_toont_die_selectie(pagina, webadres, afspraken):
    verwacht = sorted(n for n, a in afspraken.items()
                      if a.thema == "duurzaamheid" and "de-volmacht" in a.partijen)
    assert verwacht, "de data heeft geen afspraak over duurzaamheid van De Volmacht meer"

    open_overzicht(pagina, webadres, "partij=de-volmacht&thema=duurzaamheid")

    expect(pagina.locator("#filter-thema")).to_have_value("duurzaamheid")
    expect(pagina.locator("#filter-partij")).to_have_value("de-volmacht")
    expect(pagina.locator("#filter-plaats")).to_have_value("")
    expect(pagina.locator(ZICHTBARE_RIJEN)).to_have_count(len(verwacht))
    assert sorted(nummers(pagina)) == verwacht
    assert sorted(zichtbaar_getoond(pagina)) == verwacht
    assert f"{len(verwacht)} van de {TOTAAL} afspraken" in aantal_tekst(pagina)


# Whether titles are in order, with the browser's Dutch collation; numbers in titles
# ("14 woningen", "163 woningen") may sort as text or as numbers, both are alphabetical.
GESORTEERD = """([titels, richting]) => [false, true].some(numeric => {
    const vergelijk = new Intl.Collator('nl', {sensitivity: 'base', numeric}).compare;
    return titels.every((t, i) => i === 0 || richting * vergelijk(titels[i - 1], t) <= 0);
})"""


def test_sorteren_op_titel(pagina, webadres, afspraken):
    open_overzicht(pagina, webadres)
    kop = pagina.locator('#afspraken-tabel th[data-sorteer="titel"]')
    knop = kop.locator("button")

    knop.click()
    expect(kop).to_have_attribute("aria-sort", "ascending")
    titels = [afspraken[n].titel for n in nummers(pagina)]
    assert len(titels) == TOTAAL
    assert pagina.evaluate(GESORTEERD, [titels, 1]), f"niet alfabetisch: {titels}"
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


def test_wissen_toont_alles_en_leegt_het_adres(pagina, webadres, afspraken):
    open_overzicht(pagina, webadres, "thema=duurzaamheid&partij=de-volmacht")
    expect(pagina.locator(ZICHTBARE_RIJEN)).not_to_have_count(TOTAAL)

    pagina.locator('#afspraken-filters button[type="reset"]').click()

    expect(pagina.locator(ZICHTBARE_RIJEN)).to_have_count(TOTAAL)
    assert sorted(zichtbaar_getoond(pagina)) == sorted(afspraken)
    for naam in FILTERS:
        expect(pagina.locator(f"#filter-{naam}")).to_have_value("")
    assert not [p for p in FILTERS if p in parameters(pagina)], pagina.url
    assert f"Alle {TOTAAL} afspraken" in aantal_tekst(pagina)


def test_alles_werkt_met_het_toetsenbord(pagina, webadres, afspraken):
    open_overzicht(pagina, webadres)
    for _ in range(300):  # Tab through the page as a keyboard user does
        pagina.keyboard.press("Tab")
        if pagina.evaluate("() => document.activeElement.id") == "filter-thema":
            break
    else:
        pytest.fail("met Tab is het themafilter niet te bereiken")

    pagina.keyboard.press("ArrowDown")  # a closed select takes the next option

    thema = pagina.locator("#filter-thema").input_value()
    assert thema, "ArrowDown koos geen thema"
    verwacht = sorted(n for n, a in afspraken.items() if a.thema == thema)
    expect(pagina.locator(ZICHTBARE_RIJEN)).to_have_count(len(verwacht))
    assert sorted(nummers(pagina)) == verwacht
    assert f"{len(verwacht)} van de {TOTAAL} afspraken" in aantal_tekst(pagina)
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
