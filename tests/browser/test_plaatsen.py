"""Place pages (/<jaar>/plaatsen/<plaats>/) in Chromium: usable with a screen reader and a
keyboard.

Proven on every place page of the fixture set gevolgd (statuses, target against realised,
a street in a neighbourhood in a village) and andere-gemeente (targets not per place), and
on the year pages that list them: axe-core finds no WCAG 2.0/2.1 A or AA violation,
headings skip no level, and the keyboard reaches every link to a place page. (The live
site's and twee-jaren's place pages are also in the walk of test_toegankelijkheid.py,
which visits every page.)
"""
from __future__ import annotations

import pytest

from macros.paginas import adressen, plaatsinhoud

from .conftest import axe, beschrijf_schendingen, gebouwd, open_pagina
from .test_toegankelijkheid import KOPPEN


def adressen_van(model) -> list[str]:
    """Every place page of the model, and every year page (they list the places)."""
    return [u for j, jaar in model.jaren.items()
            for u in (adressen.jaar_url(j), *(adressen.plaats_url(j, p) for p in plaatsinhoud.plaatsen_van_jaar(model, jaar)))]


@pytest.mark.parametrize("set_naam", ["gevolgd", "andere-gemeente"])
def test_plaatspaginas_zonder_axe_schendingen_en_met_koppen_op_volgorde(request, pagina, set_naam):
    site = gebouwd(request, set_naam)
    fouten = {}
    for adres in adressen_van(site.model):
        open_pagina(pagina, site.webadres + adres)
        if schendingen := axe(pagina):
            fouten[adres] = beschrijf_schendingen(schendingen)
        if koppen := pagina.evaluate(KOPPEN):
            fouten[adres] = "koppen slaan een niveau over: " + "; ".join(koppen)
    assert not fouten, "\n".join(f"/{a}\n{f}" for a, f in sorted(fouten.items()))


def test_het_toetsenbord_bereikt_elke_plaatslink(request, pagina):
    """Tab from the top of the year page reaches every link of its list of places, in order."""
    site = gebouwd(request, "gevolgd")
    open_pagina(pagina, site.webadres + "2021/")
    verwacht = [a.get_attribute("href") for a in pagina.locator("#per-plaats a").all()]
    assert len(verwacht) == len(plaatsinhoud.plaatsen_van_jaar(site.model, site.model.jaren[2021]))
    bereikt = []
    for _ in range(400):  # more than the page has links
        pagina.keyboard.press("Tab")
        href = pagina.evaluate("() => document.activeElement.closest('#per-plaats') ? "
                               "document.activeElement.getAttribute('href') : null")
        if href:
            bereikt.append(href)
        if len(bereikt) == len(verwacht):
            break
    assert bereikt == verwacht


def test_plaatspagina_past_op_een_smalle_telefoon(request, nieuwe_context):
    """At 320 CSS pixels (WCAG 1.4.10, reflow) the page does not scroll sideways: a wide
    table scrolls in its own box, which the keyboard can reach."""
    site = gebouwd(request, "gevolgd")
    tab = nieuwe_context(viewport={"width": 320, "height": 800}).new_page()
    for adres in adressen_van(site.model):
        open_pagina(tab, site.webadres + adres)
        assert tab.evaluate("() => document.documentElement.scrollWidth <= innerWidth"), adres
    open_pagina(tab, site.webadres + "2021/plaatsen/beekdorp/")
    doos = tab.locator("#gerealiseerd .pa-tabel-scroll")
    assert doos.get_attribute("tabindex") == "0" and doos.get_attribute("role") == "region"
    assert doos.evaluate("el => el.scrollWidth > el.clientWidth")  # this table is wider than a phone
