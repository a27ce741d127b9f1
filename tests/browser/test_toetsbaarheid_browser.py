"""The page on how testable a year's commitments are, and the block 'Toetsbaar?' on a
commitment page, are accessible in Chromium: no axe-core violation (WCAG 2.0 and 2.1, A
and AA), the wide table scrolls with the keyboard, and every yes or no is a word, not only
an icon or a colour.

On the fixture sets een-jaar (a commitment naming none of the three, one naming all three),
andere-gemeente (one party under a group heading, an uncertain reading) and gevolgd (a
commitment page with progress). The live site's pages are visited by test_toegankelijkheid.py.
"""
from __future__ import annotations

import pytest

from macros.paginas import adressen
from macros.paginas import toetsbaarheid as tb

from .conftest import axe, beschrijf_schendingen, gebouwd, open_pagina


@pytest.fixture(scope="module", params=["een-jaar", "andere-gemeente", "gevolgd"])
def proef(request):
    return gebouwd(request, request.param)


def test_geen_axe_schendingen(proef, pagina):
    nieuwste = proef.model.laatste_jaar
    a = tb.van_jaar(nieuwste).afspraken[0].afspraak
    for pad in (adressen.toetsbaarheid_url(nieuwste.jaar), adressen.jaar_url(nieuwste.jaar), adressen.afspraak_url(a.id)):
        open_pagina(pagina, proef.webadres + pad)
        schendingen = axe(pagina)
        assert not schendingen, f"/{pad}:\n" + beschrijf_schendingen(schendingen)


def test_ja_en_nee_staan_er_als_woord(proef, pagina):
    nieuwste = proef.model.laatste_jaar
    s = tb.van_jaar(nieuwste)
    open_pagina(pagina, proef.webadres + adressen.toetsbaarheid_url(nieuwste.jaar))
    # what a screen reader gets of each cell: the word, the icon hidden
    woorden = pagina.eval_on_selector_all(
        "table.pa-toetsbaarheid tbody tr", "rijen => rijen.map(r => [...r.querySelectorAll('.pa-janee')]"
        ".map(j => j.innerText.trim()))")
    assert woorden == [["ja" if x else "nee" for x in (t.aantal, t.termijn, t.een_partij)] for t in s.afspraken]
    assert pagina.locator("table.pa-toetsbaarheid svg:not([aria-hidden='true'])").count() == 0


def test_tabel_is_met_het_toetsenbord_te_bereiken(proef, pagina):
    nieuwste = proef.model.laatste_jaar
    open_pagina(pagina, proef.webadres + adressen.toetsbaarheid_url(nieuwste.jaar))
    pagina.set_viewport_size({"width": 360, "height": 740})
    for _ in range(60):
        pagina.keyboard.press("Tab")
        if pagina.evaluate("() => document.activeElement.classList.contains('pa-tabel-scroll')"):
            break
    else:
        pytest.fail("de tabel krijgt geen focus met Tab")
    naam = pagina.evaluate("() => document.getElementById(document.activeElement.getAttribute('aria-labelledby'))"
                           ".textContent")
    assert str(nieuwste.jaar) in naam
