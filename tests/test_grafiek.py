"""The bar chart of a status tally (macros/paginas/grafiek.py): its layout, from a tally."""
from __future__ import annotations

from macros.gegevens.voortgang import STATUSSEN
from macros.paginas import grafiek
from macros.paginas.tellingen import Telling


def tally(**aantallen: int) -> Telling:
    """A tally with these counts per status id (underscores for hyphens), 0 for the rest."""
    per = {k.replace("_", "-"): n for k, n in aantallen.items()}
    return Telling(tuple((s, per.get(s.id, 0)) for s in STATUSSEN), "2021-12-31")


def test_een_balk_per_status_met_afspraken_in_de_volgorde_van_de_woordenlijst():
    g = grafiek.staafgrafiek(tally(gerealiseerd=3, loopt=6, nog_niet_beoordeeld=1))
    assert [(b.status.id, b.aantal) for b in g.balken] == [("nog-niet-beoordeeld", 1), ("loopt", 6), ("gerealiseerd", 3)]
    assert sum(b.aantal for b in g.balken) == 10  # the statuses left out have 0


def test_de_langste_balk_is_het_grootste_aantal_en_alles_past_in_de_viewbox():
    g = grafiek.staafgrafiek(tally(loopt=6, gerealiseerd=3, vervallen=1))
    lengte = {b.status.id: b.breedte for b in g.balken}
    assert lengte["loopt"] == 2 * lengte["gerealiseerd"] > lengte["vervallen"] >= grafiek.MINSTE
    for b in g.balken:  # the count after each bar stays inside the chart
        assert b.x_aantal + 4 * g.letter * 0.6 <= g.breedte
        assert b.y_tekst < b.y_balk < b.y_balk + g.balk <= g.hoogte
    # rows do not overlap
    assert all(a.y_balk + g.balk < b.y for a, b in zip(g.balken, g.balken[1:]))


def test_geen_grafiek_van_een_balk():
    assert grafiek.staafgrafiek(tally(nog_niet_beoordeeld=55)) is None  # nothing assessed
    assert grafiek.staafgrafiek(tally(loopt=4)) is None
    assert grafiek.staafgrafiek(tally()) is None


def test_de_beschrijving_noemt_elk_getal_in_woorden():
    g = grafiek.staafgrafiek(tally(loopt=2, gerealiseerd=1, doorgeschoven=3))
    assert g.beschrijving == "2 loopt, 1 gerealiseerd en 3 doorgeschoven"
    assert grafiek.staafgrafiek(tally(loopt=2, vertraagd=1)).beschrijving == "2 loopt en 1 vertraagd"
