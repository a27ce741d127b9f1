"""What is signed and what is the editors': one table (macros/paginas/redactie.py), used by
the templates to mark each editorial part and by /over/ to list them.

The table and the templates are held together here; the built fixture sites show the marks
where the parts are, and /over/ lists exactly the table.
"""
from __future__ import annotations

import re

import pytest

from macros.paginas import redactie, soorten
from macros.paginas.weergave import TEMPLATES
from test_site import adres, inhoud, pagina, tekst

BRONNEN = {p.name: p.read_text(encoding="utf-8") for p in TEMPLATES.glob("*.html")}
GEBRUIK = re.compile(r"""\b(redactie|redactielabel|redactie_op_pagina|deel)\(["']([\w-]+)["']\)""")


def gebruikt() -> dict[str, set[tuple[str, str]]]:
    """Per template: the (macro, key) pairs it marks editorial parts with; `deel` where a
    template uses an entry's words itself (redactietabel.deel(...))."""
    return {naam: set(GEBRUIK.findall(bron)) for naam, bron in BRONNEN.items()}


def test_de_paginasoorten_zijn_die_van_de_paginatabel():
    assert list(redactie.PAGINAS) == [s.naam for s in soorten.SOORTEN]
    assert list(redactie.ONDERTEKEND) == list(redactie.PAGINAS)
    assert all(set(d.paginas) <= set(redactie.PAGINAS) for d in redactie.REDACTIE)


def test_elk_deel_met_een_markering_wordt_door_een_template_gemarkeerd():
    # /over/ quotes the table; a part is marked where a page template marks it
    alle = set().union(*(paren for naam, paren in gebruikt().items() if naam != "over-redactie.html"))
    for d in redactie.REDACTIE:
        if d.markering:
            assert {("redactie", d.sleutel), ("redactielabel", d.sleutel), ("deel", d.sleutel)} & alle, d.sleutel
    assert {sleutel for macro, sleutel in alle if macro != "redactie_op_pagina"} <= set(redactie.PER_SLEUTEL)


def test_elke_pagina_met_delen_van_de_redactie_noemt_ze():
    """Each page type's own template lists its editorial parts (the full text says it in its
    own introduction, from the same table)."""
    for soort in soorten.SOORTEN:
        if redactie.op_pagina(soort.naam):
            assert ("redactie_op_pagina", soort.naam) in gebruikt()[soort.template] | {
                ("redactie_op_pagina", "volledige-tekst")}, soort.naam


def vermeld(element) -> list[str]:
    """The editorial parts a page's own list names (p.pa-redactie-pagina)."""
    (regel,) = element.select("p.pa-redactie-pagina")
    return [d.naam for d in redactie.REDACTIE if d.naam in tekst(regel)]


@pytest.mark.parametrize("naam", ["site_een_jaar", "site"])
def test_paginas_markeren_wat_van_de_redactie_is(naam, request):
    site = request.getfixturevalue(naam)
    model = request.getfixturevalue({"site": "echt", "site_een_jaar": "een_jaar"}[naam])
    # any data: a new year (make nieuw-jaar) has no commitments yet, and a year may have no
    # related commitments; the newest commitment with relations, else the newest commitment
    afspraken = [a for j in sorted(model.jaren, reverse=True) for a in model.jaren[j].afspraken]
    if not afspraken:
        pytest.skip("nog geen afspraken")
    a = next((a for a in afspraken if a.gerelateerd), afspraken[0])
    assert a.gerelateerd or naam == "site"  # the fixture set has related commitments
    jaar = model.jaren[a.jaar]
    soep = inhoud(pagina(site, adres(a)))
    assert vermeld(soep) == [d.naam for d in redactie.op_pagina("afspraak")]
    kort = soep.find("h2", string="In het kort")
    assert kort.find_next_sibling().get("class") == ["pa-redactie"]
    assert redactie.deel("in-het-kort").markering in tekst(kort.find_next_sibling())
    if a.gerelateerd:
        assert redactie.deel("samenhang").markering in tekst(soep)
    soep = inhoud(pagina(site, f"{jaar.jaar}/"))
    assert redactie.deel("kerncijfers").markering in tekst(soep.select_one("#kerncijfers"))
    assert vermeld(soep) == [d.naam for d in redactie.op_pagina("jaar")]
    for url, soort in ((f"{jaar.jaar}/afspraken/", "overzicht"),
                       (f"{jaar.jaar}/themas/{jaar.afspraken[0].thema}/", "thema")):
        assert vermeld(inhoud(pagina(site, url))) == [d.naam for d in redactie.op_pagina(soort)], url


@pytest.mark.parametrize("naam", ["site_een_jaar", "site"])
def test_over_noemt_precies_de_tabel(naam, request):
    soep = inhoud(pagina(request.getfixturevalue(naam), "over/"))
    tabel = soep.select_one("table.pa-redactietabel")
    rijen = {tekst(tr.th): tr.find_all("td") for tr in tabel.select("tbody tr")}
    assert list(rijen) == list(redactie.PAGINAS.values())
    for soort, titel in redactie.PAGINAS.items():
        ondertekend, van_redactie = rijen[titel]
        assert [tekst(li) for li in ondertekend.select("li")] == list(redactie.ONDERTEKEND[soort])
        assert [tekst(li) for li in van_redactie.select("li")] == [d.naam for d in redactie.op_pagina(soort)]
    uitleg = soep.select_one("dl.pa-redactiedelen")
    assert [tekst(dd) for dd in uitleg.select("dd")] == [d.uitleg for d in redactie.REDACTIE]
