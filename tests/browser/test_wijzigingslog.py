"""The change log pages in Chromium, on the fixture set `gevolgd` (progress of every kind):
/wijzigingen/ and a year's /<jaar>/wijzigingen/ have no axe-core violation (WCAG 2.1 A and
AA), headings do not skip a level, the status is an icon with a word (never colour alone),
and the first change's link is reached with the keyboard and leads to the entry's anchor
on its commitment's page. The feeds the page's head announces are served under the test
prefix, and the theme's script does not take them for language versions.
"""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from macros.paginas import adressen, wijzigingslog

from .conftest import PREFIX, axe, beschrijf_schendingen, gebouwd, open_pagina
from .test_toegankelijkheid import KOPPEN


@pytest.fixture(scope="module")
def proef(request):
    return gebouwd(request, "gevolgd")


def adressen_van(proef) -> list[str]:
    return [adressen.wijzigingen_url(), *(adressen.wijzigingen_url(j) for j in sorted(proef.model.jaren))]


def test_geen_axe_schendingen_en_koppen_op_volgorde(pagina, proef):
    for adres in adressen_van(proef):
        open_pagina(pagina, proef.webadres + adres)
        assert pagina.locator("li.pa-wijziging").count() > 0, adres
        schendingen = axe(pagina)
        assert schendingen == [], f"{adres}:\n{beschrijf_schendingen(schendingen)}"
        assert pagina.evaluate(KOPPEN) == [], adres
        # the word says the status; the icon is hidden from screen readers
        eerste = pagina.locator("li.pa-wijziging .pa-status").first
        assert eerste.inner_text().strip()
        assert eerste.locator("svg").get_attribute("aria-hidden") == "true"


def test_de_eerste_wijziging_met_het_toetsenbord(pagina, proef):
    nieuwste = wijzigingslog.alle(proef.model)[0]
    open_pagina(pagina, proef.webadres + adressen.wijzigingen_url())
    link = pagina.locator("li.pa-wijziging :is(h3, h4) > a").first
    for _ in range(200):  # Tab until the first change's link has focus
        pagina.keyboard.press("Tab")
        if link.evaluate("a => a === document.activeElement"):
            break
    else:
        pytest.fail("de link van de eerste wijziging krijgt geen focus met Tab")
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(f"**/{adressen.afspraak_url(nieuwste.afspraak.id)}#{nieuwste.regel.anker}")
    assert urlsplit(pagina.url).path == PREFIX + adressen.afspraak_url(nieuwste.afspraak.id)


def test_de_aangekondigde_feed_wordt_geserveerd(pagina, proef):
    open_pagina(pagina, proef.webadres + adressen.wijzigingen_url(max(proef.model.jaren)))
    hrefs = pagina.locator('head link[type="application/atom+xml"]').evaluate_all("ls => ls.map(l => l.href)")
    assert [urlsplit(h).path for h in hrefs] == [PREFIX + adressen.feed_url(),
                                                PREFIX + adressen.feed_url(max(proef.model.jaren))]
    # a feed link to readers (rel holds the token "alternate"), not one the theme's script
    # takes for a language version (it would fetch a sitemap.xml beside the feed: overrides/main.html)
    assert pagina.locator('head link[type="application/atom+xml"]').evaluate_all(
        "ls => ls.map(l => l.relList.contains('alternate'))") == [True, True]
    assert pagina.evaluate("() => document.querySelectorAll('link[rel=alternate]').length") == 0
    for h in hrefs:
        antwoord = pagina.request.get(h)
        assert antwoord.status == 200 and b"http://www.w3.org/2005/Atom" in antwoord.body(), h
