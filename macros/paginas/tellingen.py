"""How far a page's commitments are: the tally of their statuses, and what became of the
previous year's commitments. One query per page, linear in its commitments; no page asks
for more than its own year and the one before. Plain Python, no MkDocs.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..gegevens.model import Afspraak, Jaar, Model
from ..gegevens.voortgang import NOG_NIET, STATUSSEN, Status, Voortgang


@dataclass(frozen=True)
class Telling:
    """How many commitments have each status: every status of the vocabulary, in its order
    (also those no commitment has), so the counts add up to `totaal`."""
    per_status: tuple[tuple[Status, int], ...]
    peildatum: str | None  # the newest day an assessment that stands describes; None: none

    @property
    def totaal(self) -> int:
        return sum(n for _, n in self.per_status)

    @property
    def niet_beoordeeld(self) -> int:
        return sum(n for s, n in self.per_status if s.id == NOG_NIET)

    @property
    def beoordeeld(self) -> int:
        return self.totaal - self.niet_beoordeeld

    @property
    def in_grafiek(self) -> tuple[tuple[Status, int], ...]:
        """The statuses some commitment has: a bar of nothing says nothing."""
        return tuple((s, n) for s, n in self.per_status if n)


def telling(model: Model, afspraken) -> Telling:
    """The tally of `afspraken` by their current status (model.verloop(id).status)."""
    aantallen = {s.id: 0 for s in STATUSSEN}
    peildatum = None
    for a in afspraken:
        verloop = model.verloop(a.id)
        aantallen[verloop.status.id] += 1
        stand = verloop.stand
        if stand is not None and (peildatum is None or stand.peildatum > peildatum):
            peildatum = stand.peildatum
    return Telling(tuple((s, aantallen[s.id]) for s in STATUSSEN), peildatum)


@dataclass(frozen=True)
class Afloop:
    """What became of one commitment of the previous year."""
    afspraak: Afspraak
    status: Status
    stand: Voortgang | None  # the entry that says it; None: not assessed
    opvolgers: tuple[Afspraak, ...]  # the commitments that carry it on (see `vorig_jaar`)


@dataclass(frozen=True)
class VorigJaar:
    jaar: Jaar
    afloop: tuple[Afloop, ...]  # every commitment of that year, by number
    telling: Telling

    @property
    def voortgezet(self) -> tuple[Afloop, ...]:
        return tuple(r for r in self.afloop if r.opvolgers)


def vorig_jaar(model: Model, jaar: Jaar) -> VorigJaar | None:
    """The year before `jaar` (the nearest earlier one in the data) and what became of each
    of its commitments: its status now, and its successors in `jaar` (`voortzetting_van`)
    plus the one a `doorgeschoven` entry names (`opvolger`, in whichever year it lies)."""
    eerder = [j for j in model.jaren if j < jaar.jaar]
    if not eerder:
        return None
    vorig = model.jaren[max(eerder)]
    afloop = []
    for a in vorig.afspraken:
        verloop = model.verloop(a.id)
        stand = verloop.stand
        opvolgers = {o.id: o for o in model.opvolgers(a.id) if o.jaar == jaar.jaar}
        if stand is not None and stand.opvolger and stand.opvolger not in opvolgers:
            opvolgers[stand.opvolger] = model.afspraak(stand.opvolger)
        afloop.append(Afloop(a, verloop.status, stand,
                             tuple(sorted(opvolgers.values(), key=lambda o: (o.jaar, o.nummer)))))
    return VorigJaar(vorig, tuple(afloop), telling(model, vorig.afspraken))
