"""What a reader does on the home and commitment pages, with keyboard and mouse.

- The search box on the home page opens the site's search with the typed words.
- The copy button copies the citation and says so to screen readers.
- A difficult word links to its explanation on the same page, reachable by keyboard.

On the fixture set een-jaar; the commitment, word and citation come from its model.
"""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from macros.paginas import adressen as paginas
from macros.paginas.tekst import Termen

from .conftest import PREFIX, gebouwd, open_pagina, plaats_in_tekst


@pytest.fixture(scope="module")
def proef(request):
    return gebouwd(request, "een-jaar")


def open_afspraak(pagina, proef, afspraak):
    open_pagina(pagina, proef.webadres + paginas.afspraak_url(afspraak.id))


def test_zoekvak_op_de_startpagina_opent_de_zoekfunctie(pagina, proef):
    naam, afspraak = plaats_in_tekst(proef.model)
    open_pagina(pagina, proef.webadres)
    pagina.get_by_label("Zoek in de afspraken").fill(naam)
    pagina.keyboard.press("Enter")
    resultaten = pagina.locator(".pa-zoeken__resultaat a")
    resultaten.first.wait_for()
    links = [urlsplit(a).path for a in resultaten.evaluate_all("as => as.map(a => a.href)")]
    assert PREFIX + paginas.afspraak_url(afspraak.id) in links, links


def test_kopieerknop_kopieert_de_verwijzing(nieuwe_context, proef):
    afspraak = proef.model.afspraken[0]
    context = nieuwe_context(permissions=["clipboard-read", "clipboard-write"])
    pagina = context.new_page()
    open_afspraak(pagina, proef, afspraak)
    knop = pagina.get_by_role("button", name="Kopieer verwijzing")
    knop.focus()
    pagina.keyboard.press("Enter")
    status = pagina.locator(".pa-citeer [role=status]")
    expect(status).to_have_text("Verwijzing gekopieerd.")  # after the clipboard's promise
    gekopieerd = pagina.evaluate("navigator.clipboard.readText()")
    assert gekopieerd == pagina.locator(".pa-citeerregel").inner_text().strip()
    assert gekopieerd.startswith(
        f"{proef.model.gemeente.sitenaam} {afspraak.jaar}, afspraak {afspraak.nummer}."), gekopieerd


def eerste_begrip(model):
    """The first commitment whose text uses a glossary term: (commitment, the word as written, term id)."""
    termen = Termen(model.begrippen)
    for afspraak in model.afspraken:
        if termen.patroon and (treffer := termen.patroon.search(afspraak.tekst)):
            return afspraak, treffer.group(1), termen.begrip[treffer.group(1).lower()]
    pytest.fail("geen afspraak gebruikt een woord uit de woordenlijst")


def test_uitleg_van_een_woord_met_het_toetsenbord(pagina, proef):
    afspraak, woord, begrip = eerste_begrip(proef.model)
    open_afspraak(pagina, proef, afspraak)
    link = pagina.locator(".pa-tekst a.pa-begrip", has_text=woord)
    link.focus()
    pagina.keyboard.press("Enter")
    assert urlsplit(pagina.url).fragment == f"begrip-{begrip}"
    uitleg = pagina.locator(f"#begrip-{begrip} + dd")
    expect(uitleg).to_be_visible()
    expect(uitleg).to_contain_text(proef.model.begrippen[begrip].uitleg)
