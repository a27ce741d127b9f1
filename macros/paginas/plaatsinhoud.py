"""What a place page shows (/<jaar>/plaatsen/<plaats>/), and which places have one in a
year. Plain Python, no MkDocs.

A place has a page in a year when a commitment or a target of that year names it, or
names a place that lies in it (`ligt_in`): a village has a page when only one of its
streets is named. A place no year names has no page. A page shows what is agreed in the
place or in a place that lies in it, saying where exactly; a number for the whole
commitment is never attributed to one of its places.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..gegevens.model import Afspraak, Jaar, Model, Plaats
from . import inhoud, realisatie
from .realisatie import Realisatie


def keten(model: Model, plaats: str) -> tuple[str, ...]:
    """The place and the places it lies in, innermost first (a loop in the data ends it)."""
    gevonden: list[str] = []
    while plaats in model.plaatsen and plaats not in gevonden:
        gevonden.append(plaats)
        plaats = model.plaatsen[plaats].ligt_in
    return tuple(gevonden)


def genoemd(a: Afspraak) -> tuple[str, ...]:
    """The places a commitment names: in its `plaatsen`, then in its targets, each once."""
    return tuple(dict.fromkeys((*a.plaatsen, *(d.plaats for d in a.doelen if d.plaats))))


# The places of each year, worked out once per model: every place page asks for its own
# year and the years of its switcher. Only the newest model is kept (make serve makes a
# new one for each build); a model is not hashable, so it is compared by identity.
_GEHEUGEN: list = [None, {}]


def _van_jaar(model: Model, jaar: Jaar) -> tuple[tuple[str, ...], dict[str, int]]:
    if _GEHEUGEN[0] is not model:
        _GEHEUGEN[:] = [model, {}]
    per_jaar = _GEHEUGEN[1]
    if jaar.jaar not in per_jaar or per_jaar[jaar.jaar][0] is not jaar:
        aantal: dict[str, int] = {}
        for a in jaar.afspraken:
            for p in {p for n in genoemd(a) for p in keten(model, n)}:
                aantal[p] = aantal.get(p, 0) + 1
        per_jaar[jaar.jaar] = (jaar, tuple(p for p in model.plaatsen if p in aantal), aantal)
    return per_jaar[jaar.jaar][1:]


def plaatsen_van_jaar(model: Model, jaar: Jaar) -> tuple[str, ...]:
    """The places with a page in `jaar`: those named and every place they lie in, in the
    order of plaatsen.yaml."""
    return _van_jaar(model, jaar)[0]


def aantal_in(model: Model, jaar: Jaar, plaats: str) -> int:
    """How many commitments of `jaar` name `plaats` or a place in it."""
    return _van_jaar(model, jaar)[1].get(plaats, 0)


def _ligt_in(model: Model, plaats: str, binnen: str) -> bool:
    return binnen in keten(model, plaats)


@dataclass(frozen=True)
class Hier:
    """A commitment on a place page: where exactly, within the page's place, it applies."""
    afspraak: Afspraak
    # each place it names within the page's place, as the way down from just below the
    # page's place to it (De Akkers, Kerkstraat); empty: the page's place itself
    waar: tuple[tuple[str, ...], ...]


def afspraken_in(model: Model, jaar: Jaar, plaats: str) -> tuple[Hier, ...]:
    """The commitments of `jaar` that name `plaats` or a place in it, in number order."""
    uit = []
    for a in jaar.afspraken:
        waar = []
        for n in genoemd(a):
            pad = keten(model, n)
            if plaats in pad:
                waar.append(tuple(reversed(pad[:pad.index(plaats)])))
        if waar:
            uit.append(Hier(a, tuple(waar)))
    return tuple(uit)


def delen(model: Model, jaar: Jaar, plaats: str) -> tuple[Plaats, ...]:
    """The places directly in `plaats` that have a page in `jaar`."""
    return tuple(model.plaatsen[p] for p in plaatsen_van_jaar(model, jaar) if model.plaatsen[p].ligt_in == plaats)


def per_plaats(model: Model, hier: tuple[Hier, ...], plaats: str) -> tuple[Realisatie, ...]:
    """Target against realised for the targets set for `plaats` or a place in it."""
    return tuple(r for r in realisatie.van_afspraken(model, (h.afspraak for h in hier))
                 if r.doel.plaats and _ligt_in(model, r.doel.plaats, plaats))


def niet_per_plaats(model: Model, hier: tuple[Hier, ...], plaats: str) -> tuple[Realisatie, ...]:
    """The targets of commitments here that set none for `plaats` or a place in it: their
    numbers hold for the whole commitment (the total, not this place's share)."""
    uit = []
    for h in hier:
        rijen = realisatie.realisaties(model, h.afspraak)
        if not any(r.doel.plaats and _ligt_in(model, r.doel.plaats, plaats) for r in rijen):
            uit += [r for r in rijen if not r.doel.plaats]
    return tuple(uit)


def in_andere_jaren(model: Model, jaar: Jaar, plaats: str) -> tuple[tuple[int, int], ...]:
    """(year, number of commitments there) for the other years of the year switcher's
    window (inhoud.jaarvenster) in which the place has a page, newest first: one line a
    year, and never more than the window, however many years there are."""
    uit = []
    for j in inhoud.jaarvenster(tuple(model.jaren), jaar.jaar):
        ander = model.jaren[j]
        if j != jaar.jaar and aantal_in(model, ander, plaats):
            uit.append((j, aantal_in(model, ander, plaats)))
    return tuple(uit)


@dataclass(frozen=True)
class Tak:
    """A place in the list of a year's places, with the places in it that have a page."""
    plaats: Plaats
    aantal: int  # commitments of the year in it or in a place in it
    delen: tuple[Tak, ...]


def boom(model: Model, jaar: Jaar) -> tuple[Tak, ...]:
    """The places with a page in `jaar` as a tree: outermost places first, each with the
    places that lie in it, in the order of plaatsen.yaml."""
    met_pagina, aantal = _van_jaar(model, jaar)

    def tak(p: str) -> Tak:
        return Tak(model.plaatsen[p], aantal[p],
                   tuple(tak(d) for d in met_pagina if model.plaatsen[d].ligt_in == p and d != p))
    # a place whose outer place has no page (it cannot: every outer place of a named one has)
    # or that lies in nothing is a root
    return tuple(tak(p) for p in met_pagina if model.plaatsen[p].ligt_in not in aantal)


def context(model: Model, jaar: Jaar, plaats: str) -> dict:
    """What the template of a place page gets."""
    hier = afspraken_in(model, jaar, plaats)
    return {"plaats": model.plaatsen[plaats],
            "ligt_in": tuple(model.plaatsen[p] for p in keten(model, plaats)[1:]),
            "delen": delen(model, jaar, plaats), "hier": hier,
            "per_plaats": per_plaats(model, hier, plaats),
            "niet_per_plaats": niet_per_plaats(model, hier, plaats),
            "andere_jaren": in_andere_jaren(model, jaar, plaats)}
