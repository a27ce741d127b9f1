"""The "Stand van zaken" of year, theme and party pages in a real browser (fixture set
gevolgd, which has progress for every status):

- axe-core finds no WCAG 2.1 A/AA violation on those pages, with the reader's system in a
  light and in a dark colour scheme (the site has no dark scheme of its own: it must stay
  as readable when the system asks for one);
- the chart's bars have 3:1 against the page and its words and numbers 4.5:1 (axe does not
  measure text inside an SVG), in both schemes;
- on a 320 px wide screen the chart fits, its words stay readable and the page does not
  scroll sideways; the wide tables scroll in a region the keyboard can reach.
"""
from __future__ import annotations

import pytest

from .conftest import axe, beschrijf_schendingen, gebouwd, open_pagina


@pytest.fixture(scope="module")
def proef(request):
    return gebouwd(request, "gevolgd")


def adressen(model) -> list[str]:
    """The 2021 and 2022 year pages (the chart, the realised table, last year's table), the
    largest theme of 2021 and the party with the most commitments in 2021."""
    jaar = model.jaren[2021]
    thema = max(jaar.themas, key=lambda t: len(t.afspraken))
    partij = max(model.partijen, key=lambda p: sum(p in a.eigen_partijen for a in jaar.afspraken))
    return ["2021/", "2022/", f"2021/themas/{thema.thema}/", f"2021/partijen/{partij}/"]


# The contrast of every chart text and bar against the page's background, computed as
# WCAG does (relative luminance of sRGB colours, a translucent one laid over the background).
CONTRAST = """() => {
    const rgb = s => (s.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => {
        const c = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
    };
    const verhouding = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    let el = document.querySelector('svg.pa-grafiek');
    let achter = 'rgba(0, 0, 0, 0)';
    for (let e = el; e && /rgba\\(0, 0, 0, 0\\)|transparent/.test(achter); e = e.parentElement) {
        achter = getComputedStyle(e).backgroundColor;
    }
    if (/rgba\\(0, 0, 0, 0\\)|transparent/.test(achter)) achter = 'rgb(255, 255, 255)';
    // a translucent colour (Material's text is black at 87%) as it shows on the background
    const op = (kleur, onder) => {
        const [r, g, b, a] = [...rgb(kleur), ...((kleur.match(/[\\d.]+/g) || []).slice(3, 4).map(Number))];
        return a === undefined ? [r, g, b] : [r, g, b].map((v, i) => a * v + (1 - a) * onder[i]);
    };
    const meet = sel => [...el.querySelectorAll(sel)].map(x => verhouding(op(getComputedStyle(x).fill, rgb(achter)), rgb(achter)));
    return {tekst: meet('text'), balken: meet('rect.pa-grafiek__balk')};
}"""


@pytest.mark.parametrize("schema", ["light", "dark"])
def test_geen_axe_schendingen_en_genoeg_contrast(nieuwe_context, proef, schema):
    tab = nieuwe_context(color_scheme=schema).new_page()
    fouten = []
    for adres in adressen(proef.model):
        open_pagina(tab, proef.webadres + adres)
        assert tab.locator("#stand-van-zaken").count() == 1, adres
        if schendingen := axe(tab):
            fouten.append(f"{adres}:\n{beschrijf_schendingen(schendingen)}")
        if tab.locator("svg.pa-grafiek").count():
            contrast = tab.evaluate(CONTRAST)
            assert contrast["tekst"] and min(contrast["tekst"]) >= 4.5, (adres, contrast)
            assert contrast["balken"] and min(contrast["balken"]) >= 3, (adres, contrast)
    assert not fouten, "\n".join(fouten)


def test_leesbaar_op_een_smal_scherm(nieuwe_context, proef):
    tab = nieuwe_context(viewport={"width": 320, "height": 640}).new_page()
    open_pagina(tab, proef.webadres + "2021/")
    grafiek = tab.locator("svg.pa-grafiek")
    vak = grafiek.bounding_box()
    assert 0 < vak["width"] <= 320 and vak["x"] >= 0
    # the words of the chart as tall as small body text, not shrunk to a thumbnail
    hoogten = tab.locator("svg.pa-grafiek text").evaluate_all("ts => ts.map(t => t.getBoundingClientRect().height)")
    assert min(hoogten) >= 12, hoogten
    assert tab.evaluate("() => document.documentElement.scrollWidth") <= 320


def test_brede_tabellen_zijn_met_het_toetsenbord_te_bereiken(pagina, proef):
    open_pagina(pagina, proef.webadres + "2022/")
    for sectie in ("#gerealiseerd", "#vorig-jaar"):
        vak = pagina.locator(f"{sectie} .pa-tabel-scroll")
        vak.focus()
        assert pagina.evaluate("() => document.activeElement.classList.contains('pa-tabel-scroll')")
        assert vak.get_attribute("role") == "region" and vak.get_attribute("aria-label")
