"""The status of commitments in Chromium, on the fixture set `gevolgd` (issue 14).

- the overview's status filter shows exactly the commitments with that current status,
  says how many, and puts the choice in the address (`?status=…`); opening such an address
  shows that selection; the year switcher takes the status along where the other year
  offers it, and leaves it behind where it does not;
- the filter works with the keyboard alone;
- a commitment page with progress (the richest: a total with parts per place, a correction),
  a page with a successor, the overview and the glossary have no axe violations; a link
  to an entry of the timeline (#voortgang-<n>) lands on it.

Expected rows come from the fixture's model.
"""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from macros.gegevens.model import Model
from macros.paginas import adressen

from .conftest import axe, beschrijf_schendingen, gebouwd, open_pagina
from .test_overzicht import Overzicht, open_overzicht, overzicht_van, parameters, toont


def status_van(model: Model, a) -> str:
    return model.verloop(a.id).status.id


@pytest.fixture(scope="module")
def overzicht(request) -> Overzicht:
    """The overview of the fixture's oldest year: it has the most statuses."""
    model = gebouwd(request, "gevolgd").model
    return overzicht_van(request, "gevolgd", min(model.jaren))


def status_voor_een_deel(overzicht: Overzicht) -> tuple[str, list[int]]:
    """A status some but not all of the year's commitments have, and their numbers."""
    for a in overzicht.jaar.afspraken:
        status = status_van(overzicht.model, a)
        verwacht = overzicht.nummers(lambda b: status_van(overzicht.model, b) == status)
        if len(verwacht) < len(overzicht.afspraken):
            return status, verwacht
    pytest.fail("de fixture heeft geen status die maar een deel van de afspraken heeft")


def test_filter_op_status_staat_in_het_adres(pagina, overzicht):
    status, verwacht = status_voor_een_deel(overzicht)
    open_overzicht(pagina, overzicht)

    pagina.select_option("#filter-status", status)

    toont(pagina, verwacht, len(overzicht.afspraken))
    assert parameters(pagina).get("status") == [status], pagina.url
    woord = overzicht.model.verloop(f"{overzicht.jaar.jaar}-{verwacht[0]}").status.naam.capitalize()
    cellen = pagina.locator("#afspraken-tabel tbody tr:not([hidden]) td:last-child")
    expect(cellen.first).to_have_text(woord)


def test_adres_met_status_toont_die_selectie(pagina, overzicht):
    status, verwacht = status_voor_een_deel(overzicht)
    thema = overzicht.afspraken[verwacht[0]].thema

    open_overzicht(pagina, overzicht, f"status={status}&thema={thema}")

    expect(pagina.locator("#filter-status")).to_have_value(status)
    expect(pagina.locator("#filter-thema")).to_have_value(thema)
    toont(pagina, overzicht.nummers(lambda a: status_van(overzicht.model, a) == status and a.thema == thema),
          len(overzicht.afspraken))


def test_onbekende_status_in_het_adres_filtert_niet(pagina, overzicht):
    open_overzicht(pagina, overzicht, "status=bestaat-niet")
    expect(pagina.locator("#filter-status")).to_have_value("")
    expect(pagina.locator("#afspraken-tabel tbody tr:not([hidden])")).to_have_count(len(overzicht.afspraken))


def test_jaarkiezer_neemt_de_status_mee_als_het_andere_jaar_hem_heeft(request, pagina, overzicht):
    model = overzicht.model
    ander = model.jaren[max(model.jaren)]
    daar = {status_van(model, a) for a in ander.afspraken}
    hier = [status_van(model, a) for a in overzicht.jaar.afspraken]
    mee = next((s for s in hier if s in daar), None)
    blijft = next((s for s in hier if s not in daar), None)
    assert mee and blijft, "de fixture heeft geen status in beide jaren en een in één jaar"
    link = pagina.locator(".pa-jaarkiezer").get_by_role("link", name=str(ander.jaar), exact=True)
    open_overzicht(pagina, overzicht)

    pagina.select_option("#filter-status", blijft)
    assert "status" not in parse_qs(urlsplit(link.get_attribute("href")).query)

    pagina.select_option("#filter-status", mee)
    assert parse_qs(urlsplit(link.get_attribute("href")).query) == {"status": [mee]}
    link.click()
    expect(pagina.locator("#afspraken-filters")).to_be_visible()
    expect(pagina.locator("#filter-status")).to_have_value(mee)
    assert urlsplit(pagina.url).path.endswith(adressen.overzicht_url(ander.jaar))
    toont(pagina, sorted(a.nummer for a in ander.afspraken if status_van(model, a) == mee), len(ander.afspraken))


def test_statusfilter_met_het_toetsenbord(pagina, overzicht):
    open_overzicht(pagina, overzicht)
    for _ in range(300):
        pagina.keyboard.press("Tab")
        if pagina.evaluate("() => document.activeElement.id") == "filter-status":
            break
    else:
        pytest.fail("met Tab is het statusfilter niet te bereiken")

    pagina.keyboard.press("ArrowDown")

    status = pagina.locator("#filter-status").input_value()
    assert status, "ArrowDown koos geen status"
    toont(pagina, overzicht.nummers(lambda a: status_van(overzicht.model, a) == status), len(overzicht.afspraken))
    assert parameters(pagina).get("status") == [status], pagina.url


def paginas_met_voortgang(model: Model) -> list[str]:
    """The commitment page with the most entries, one with a successor, the overview and the glossary."""
    afspraken = [a for a in model.afspraken if model.verloop(a.id).regels]
    rijkste = max(afspraken, key=lambda a: (len(model.verloop(a.id).regels), len(a.doelen)))
    opvolger = next(a for a in afspraken if model.verloop(a.id).stand.opvolger)
    return [adressen.afspraak_url(rijkste.id), adressen.afspraak_url(opvolger.id),
            adressen.overzicht_url(rijkste.jaar), "begrippen/"]


def test_geen_axe_schendingen_op_paginas_met_voortgang(request, pagina):
    site = gebouwd(request, "gevolgd")
    fouten = {}
    for adres in paginas_met_voortgang(site.model):
        open_pagina(pagina, site.webadres + adres)
        if schendingen := axe(pagina):
            fouten[adres] = beschrijf_schendingen(schendingen)
    assert not fouten, "\n".join(f"{adres}:\n{melding}" for adres, melding in fouten.items())


def test_link_naar_een_regel_van_de_tijdlijn(request, pagina):
    site = gebouwd(request, "gevolgd")
    a = next(a for a in site.model.afspraken if site.model.verloop(a.id).gecorrigeerd)
    nummer = next(iter(site.model.verloop(a.id).gecorrigeerd))
    open_pagina(pagina, site.webadres + adressen.afspraak_url(a.id) + f"#voortgang-{nummer}")
    regel = pagina.locator(f"#voortgang-{nummer}")
    expect(regel).to_be_in_viewport()
    expect(regel).to_contain_text("Gecorrigeerd")
