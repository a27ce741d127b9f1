"""Every page of the built site is usable with a screen reader and a keyboard.

Proven per page, for every HTML file the build writes (no page type is assumed to stand
for the others):
- axe-core finds no violation of WCAG 2.0 and 2.1, levels A and AA;
- the page declares Dutch (`<html lang="nl">`), so a screen reader pronounces it as Dutch;
- the first Tab on a fresh page lands on a skip link to the content, which then shows;
- headings do not skip a level (h1 then h3 without an h2 between them), so the outline
  a screen reader offers is complete;
- no page asks any host but the site's own for anything.

These hold for any valid data, so they run on the live site (every page of it, whatever
the editors change) and on the fixture set twee-jaren, whose pages include what the live
data may not have today: an unsigned year, a year switcher, commitments continued from
an earlier year; and on gevolgd, whose pages show progress: every status, charts, timelines,
corrections, targets against realised, place pages and change logs with entries.

One walk visits each page once and notes what every check finds there (the skip link
first, while the page is fresh); each test then reports all pages that fail its check at
once, sorted by page, so one run shows everything there is to fix.

404.html is included too. Its links start at the path of site_url rather than being
relative (GitHub Pages shows it for a missing address at any depth), so it opens in a
context that maps that path onto the test prefix (`site_url_naar_prefix` in conftest.py).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .conftest import (Bewaking, axe, beschrijf_schendingen, gebouwd, open_pagina, paginas,
                       site_url_naar_prefix)

FOCUS = """() => {
    const el = document.activeElement;
    const href = el && el.getAttribute('href');
    let doel = null;
    if (href && href.startsWith('#') && href.length > 1) {
        doel = document.getElementById(decodeURIComponent(href.slice(1)));
    }
    return {
        html: el ? el.outerHTML.replace(/\\s+/g, ' ').slice(0, 160) : '(niets)',
        href: href,
        doel_bestaat: doel !== null,
    };
}"""

# Visible: has a size, lies in the viewport, is opaque and is the topmost element at its
# centre (Material hides the skip link with opacity and z-index until it has focus, and
# shows it with a short transition).
ZICHTBAAR = """() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    const stijl = getComputedStyle(el);
    if (r.width < 1 || r.height < 1 || r.bottom <= 0 || r.right <= 0) return false;
    if (r.top >= innerHeight || r.left >= innerWidth) return false;
    if (stijl.visibility === 'hidden' || Number(stijl.opacity) < 0.99) return false;
    const boven = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return boven !== null && (boven === el || el.contains(boven));
}"""

# Headings a screen reader lists (visible, not aria-hidden), in document order; a heading
# may go up any number of levels, but down only one (the page starts at level 0).
KOPPEN = """() => {
    const koppen = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')]
        .filter(el => el.checkVisibility({visibilityProperty: true})
                      && !el.closest('[aria-hidden="true"]'))
        .map(el => ({
            niveau: el.getAttribute('role') === 'heading'
                ? Number(el.getAttribute('aria-level') || 2)
                : Number(el.tagName[1]),
            tekst: el.textContent.replace(/\\s+/g, ' ').trim().slice(0, 70),
        }));
    const fouten = [];
    let vorige = {niveau: 0, tekst: '(begin van de pagina)'};
    for (const kop of koppen) {
        if (kop.niveau > vorige.niveau + 1) {
            const van = vorige.niveau ? `h${vorige.niveau} "${vorige.tekst}"` : vorige.tekst;
            fouten.push(`${van} -> h${kop.niveau} "${kop.tekst}"`);
        }
        vorige = kop;
    }
    return fouten;
}"""


@dataclass
class Bevindingen:
    """Per check: the pages where it failed, with one line per problem."""

    axe: dict[str, list[str]] = field(default_factory=dict)
    axe_regels: Counter = field(default_factory=Counter)  # rule id -> pages
    taal: dict[str, list[str]] = field(default_factory=dict)
    skiplink: dict[str, list[str]] = field(default_factory=dict)
    koppen: dict[str, list[str]] = field(default_factory=dict)
    extern: list[str] = field(default_factory=list)
    bezocht: list[str] = field(default_factory=list)


def controleer_skiplink(tab) -> list[str]:
    """Press Tab once on a fresh page: a visible link to an element on the page has focus."""
    tab.keyboard.press("Tab")
    focus = tab.evaluate(FOCUS)
    if not (focus["href"] or "").startswith("#"):
        return [f"eerste Tab gaat naar {focus['html']}, niet naar een link naar '#…'"]
    fouten = []
    if not focus["doel_bestaat"]:
        fouten.append(f"skiplink {focus['href']} wijst naar geen element op de pagina")
    try:
        tab.wait_for_function(ZICHTBAAR, timeout=2000)
    except PlaywrightTimeout:
        fouten.append(f"skiplink {focus['html']} wordt niet zichtbaar bij focus")
    return fouten


@pytest.fixture(scope="module", params=["echt", "twee-jaren", "gevolgd"])
def proef(request):
    return gebouwd(request, request.param)


@pytest.fixture(scope="module")
def bevindingen(browser, proef) -> Bevindingen:
    """Visit every page once, in one tab (404.html in a second one), and run every check."""
    site, webadres = proef.map, proef.webadres
    uit = Bevindingen()
    bewaking = Bewaking()
    gewoon = browser.new_context()
    bewaking.volg(gewoon)
    voor_404 = browser.new_context()
    bewaking.volg(voor_404)
    site_url_naar_prefix(voor_404, webadres, site)
    tabs = {"gewoon": gewoon.new_page(), "404": voor_404.new_page()}
    try:
        for adres in paginas(site):
            tab = tabs["404" if adres == "404.html" else "gewoon"]
            open_pagina(tab, webadres + adres)  # a fresh document: nothing has focus yet
            uit.bezocht.append(adres)
            if fouten := controleer_skiplink(tab):
                uit.skiplink[adres] = fouten
            taal = tab.evaluate("() => document.documentElement.getAttribute('lang')")
            if taal != "nl":
                uit.taal[adres] = [f'<html lang="{taal}">, verwacht lang="nl"']
            if fouten := tab.evaluate(KOPPEN):
                uit.koppen[adres] = fouten
            if schendingen := axe(tab):
                uit.axe[adres] = beschrijf_schendingen(schendingen).splitlines()
                uit.axe_regels.update(s["id"] for s in schendingen)
    finally:
        gewoon.close()
        voor_404.close()
    uit.extern = bewaking.extern
    return uit


def meld(problemen: dict[str, list[str]], kop: str, samenvatting: str = "") -> None:
    """Fail with one message for all failing pages, sorted by page."""
    if problemen:
        meervoud = "pagina" if len(problemen) == 1 else "pagina's"
        regels = [f"{kop}, op {len(problemen)} {meervoud}:"]
        if samenvatting:
            regels.append(samenvatting)
        for adres in sorted(problemen):
            regels.append(f"/{adres}")
            regels.extend(f"  {regel}" for regel in problemen[adres])
        pytest.fail("\n".join(regels), pytrace=False)


def test_alle_paginas_zijn_bezocht(bevindingen, proef):
    assert "" in bevindingen.bezocht, "de home page ontbreekt in de gebouwde site"
    assert bevindingen.bezocht == paginas(proef.map)


def test_geen_axe_schendingen(bevindingen):
    per_regel = ", ".join(f"{regel} op {n}" for regel, n in sorted(bevindingen.axe_regels.items()))
    meld(bevindingen.axe, "axe-core vond WCAG 2.1 A/AA-schendingen",
         f"(per regel, aantal pagina's: {per_regel})")


def test_taal_is_nederlands(bevindingen):
    meld(bevindingen.taal, 'Pagina\'s zonder lang="nl"')


def test_eerste_tab_is_skiplink_naar_inhoud(bevindingen):
    meld(bevindingen.skiplink, "Pagina's zonder werkende skiplink als eerste tabstop")


def test_koppen_slaan_geen_niveau_over(bevindingen):
    meld(bevindingen.koppen, "Pagina's waar een kopniveau ontbreekt")


def test_geen_verzoeken_naar_andere_hosts(bevindingen):
    assert not bevindingen.extern, (
        "Pagina's probeerden andere hosts dan 127.0.0.1 te bereiken (geblokkeerd):\n  "
        + "\n  ".join(bevindingen.extern))
