"""What a reader does on the home and commitment pages, with keyboard and mouse.

- The search box on the home page opens the site's search with the typed words.
- The copy button copies the citation and says so to screen readers.
- A difficult word links to its explanation on the same page, reachable by keyboard.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import expect

from .conftest import PREFIX, open_pagina


def test_zoekvak_op_de_startpagina_opent_de_zoekfunctie(pagina, webadres):
    open_pagina(pagina, webadres)
    pagina.get_by_label("Zoek in de afspraken").fill("Gieten")
    pagina.keyboard.press("Enter")
    resultaten = pagina.locator(".md-search-result__item a.md-search-result__link")
    resultaten.first.wait_for()
    links = [urlsplit(a).path for a in resultaten.evaluate_all("as => as.map(a => a.href)")]
    assert PREFIX + "2024/afspraken/30/" in links


def test_kopieerknop_kopieert_de_verwijzing(nieuwe_context, webadres):
    context = nieuwe_context(permissions=["clipboard-read", "clipboard-write"])
    pagina = context.new_page()
    open_pagina(pagina, webadres + "2024/afspraken/18/")
    knop = pagina.get_by_role("button", name="Kopieer verwijzing")
    knop.focus()
    pagina.keyboard.press("Enter")
    status = pagina.locator(".pa-citeer [role=status]")
    expect(status).to_have_text("Verwijzing gekopieerd.")  # after the clipboard's promise
    gekopieerd = pagina.evaluate("navigator.clipboard.readText()")
    assert gekopieerd == pagina.locator(".pa-citeerregel").inner_text().strip()
    assert gekopieerd.startswith("Prestatieafspraken Aa en Hunze 2024, afspraak 18.")


def test_uitleg_van_een_woord_met_het_toetsenbord(pagina, webadres):
    open_pagina(pagina, webadres + "2024/afspraken/18/")
    begrip = pagina.locator(".pa-tekst a.pa-begrip", has_text="huurachterstand")
    begrip.focus()
    pagina.keyboard.press("Enter")
    assert urlsplit(pagina.url).fragment == "begrip-huurachterstand"
    uitleg = pagina.locator("#begrip-huurachterstand + dd")
    assert uitleg.is_visible()
    assert "huur" in uitleg.inner_text()
