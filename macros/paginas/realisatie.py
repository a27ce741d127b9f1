"""Target against realised: per target of a commitment, what was promised and what the
progress entries that stand say was reached. One query for every page that shows it
(commitment, year, theme, party and place pages). Plain Python, no MkDocs.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..gegevens.model import Afspraak, Doel, Model
from ..gegevens.voortgang import Gerealiseerd, Voortgang


@dataclass(frozen=True)
class Realisatie:
    afspraak: Afspraak
    positie: int  # the target's place in `doelen`, from 1: what `gerealiseerd[].doel` names
    doel: Doel
    totaal: Doel | None  # for a part (`deel_van`): its total, which it is never added to
    waarde: Gerealiseerd | None  # the latest realised value that stands; None: none recorded
    regel: Voortgang | None  # the entry that records it

    @property
    def bron(self):
        return self.regel.bron_van(self.waarde) if self.regel and self.waarde else None


def realisaties(model: Model, a: Afspraak) -> tuple[Realisatie, ...]:
    """Every target of `a`, in the order the text gives them (each total, then its parts)."""
    gerealiseerd = model.verloop(a.id).gerealiseerd()
    positie = {id(d): i for i, d in enumerate(a.doelen, start=1)}
    rijen = []
    for t in a.totalen:
        for d, totaal in ((t.doel, None), *((deel, t.doel) for deel in t.delen)):
            regel, waarde = gerealiseerd.get(positie[id(d)], (None, None))
            rijen.append(Realisatie(a, positie[id(d)], d, totaal, waarde, regel))
    return tuple(rijen)


def van_afspraken(model: Model, afspraken) -> tuple[Realisatie, ...]:
    """The targets of several commitments, commitment by commitment."""
    return tuple(r for a in afspraken for r in realisaties(model, a))
