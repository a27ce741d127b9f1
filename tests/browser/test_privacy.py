"""Reading the site sends nothing to anyone but the site itself, and nothing on it is broken.

Proven in Chromium with JavaScript on, for one page of every type: each page, with
everything it loads (stylesheets, scripts, images, the search worker and its index),
- asks no host other than the site's own (every other request is blocked and reported:
  no fonts, analytics or scripts from elsewhere);
- logs no error in the browser console and throws no script error;
- gets no error status (404 and the like) for anything under the site's sub-folder.
On the home page the search is used once, so the search worker and its index load too.

This holds for any valid data: it runs on the live site and on the fixture set
twee-jaren. The pages are those of the first commitment of the newest year that has one,
taken from the site's model.
"""
from __future__ import annotations

import pytest

from macros.paginas import adressen as paginas, plaatsinhoud, soorten

from .conftest import gebouwd, open_pagina, zoek

PAGINATYPES = ("home", *(s.naam for s in soorten.SOORTEN), "begrippen")


def voorbeeldpagina(model, soort: str) -> str:
    """The path under the site's root of one page of type `soort`, chosen from the model."""
    afspraak = next((a for jaar in sorted(model.jaren, reverse=True)
                     for a in model.jaren[jaar].afspraken), None)
    assert afspraak is not None, "de gegevens hebben geen enkele afspraak"
    partij = afspraak.partijen[0] if afspraak.partijen else next(iter(model.partijen))
    # a place page: the first of the newest year that names a place (None: no year does)
    plaats = next(((j, p) for j in sorted(model.jaren, reverse=True)
                   for p in plaatsinhoud.plaatsen_van_jaar(model, model.jaren[j])), None)
    return {
        "home": "",
        soorten.JAAR.naam: paginas.jaar_url(afspraak.jaar),
        soorten.THEMA.naam: paginas.thema_url(afspraak.jaar, afspraak.thema),
        soorten.PARTIJ.naam: paginas.partij_url(afspraak.jaar, partij),
        soorten.AFSPRAAK.naam: paginas.afspraak_url(afspraak.id),
        soorten.PLAATS.naam: paginas.plaats_url(*plaats) if plaats else None,
        soorten.OVERZICHT.naam: paginas.overzicht_url(afspraak.jaar),
        "begrippen": "begrippen/",
        soorten.VOLLEDIGE_TEKST.naam: paginas.volledige_tekst_url(afspraak.jaar),
        soorten.TOETSBAARHEID.naam: paginas.toetsbaarheid_url(afspraak.jaar),
        soorten.WIJZIGINGEN.naam: paginas.wijzigingen_url(afspraak.jaar),
    }[soort]


@pytest.fixture(scope="module", params=["echt", "twee-jaren"])
def proef(request):
    return gebouwd(request, request.param)


@pytest.mark.parametrize("soort", PAGINATYPES)
def test_pagina_vraagt_niets_van_derden(soort, proef, pagina, bewaking):
    pad = voorbeeldpagina(proef.model, soort)
    if pad is None:
        pytest.skip("geen afspraak noemt een plaats: er is geen plaatspagina")
    open_pagina(pagina, proef.webadres + pad, wait_until="networkidle")
    # Scroll to the end, so anything loaded lazily loads now.
    pagina.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    if pad == "":
        zoek(pagina, "afspraak")
        assert any(url.endswith("zoeken/site.json") for url in bewaking.geladen), (
            "de zoekfunctie laadde haar gegevens niet")
    pagina.wait_for_load_state("networkidle")

    assert bewaking.fouten() == [], f"/{pad}:\n" + "\n".join(bewaking.fouten())
