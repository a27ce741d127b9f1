"""Who a commitment is of: its sub-heading's parties and the parties its text names, each
with the basis on which the site counts it (model.TEKST, KOP, ONZEKER, NIET)."""
from __future__ import annotations

from .model import KOP, NIET, ONZEKER, TEKST, TUSSENKOP, Groep, Partij, Toerekening, Uitvoerder, leden


def toerekening(verantwoordelijk: tuple[str, ...], uitvoerders: tuple[Uitvoerder, ...],
                partijen: dict[str, Partij], groepen: dict[str, Groep]) -> tuple[Toerekening, ...]:
    """Every party a commitment concerns, with the basis, in the order of partijen.yaml.

    Without `uitvoerders` the text names nobody: the sub-heading's parties, on its basis
    (KOP). With them the list is complete: a party the text names (TEKST), one whose words
    have no subject under its sub-heading (KOP), one the text may mean (ONZEKER); a party of
    the sub-heading that none of them covers is NIET, never the commitment's.
    """
    kop = leden(verantwoordelijk, partijen, groepen)
    if not uitvoerders:
        return tuple(Toerekening(p, KOP) for p in kop)
    rang = {TEKST: 0, KOP: 1, ONZEKER: 2, NIET: 3}
    grond = {p: NIET for p in kop}
    for u in uitvoerders:
        g = ONZEKER if u.onzeker else KOP if u.volgens == TUSSENKOP else TEKST
        for p in leden(u.wie, partijen, groepen):
            if rang[g] < rang[grond.get(p, NIET)]:
                grond[p] = g
    return tuple(Toerekening(p, grond[p]) for p in partijen if p in grond)
