"""What the pages show of a commitment's progress: its current status, its history as a
timeline, who assessed it and where it is written. Worked out from the model (one
commitment's own entries only), so that templates lay it out and never query. Plain
Python, no MkDocs.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..gegevens.model import Afspraak, Doel, Document, Jaar, Model
from ..gegevens.voortgang import REDACTIE, STATUSSEN, Bron, Gerealiseerd, Status, Voortgang, volgorde

BESLUIT = "besluit"  # the kind of source that records a decision (vervallen)


@dataclass(frozen=True)
class Waarde:
    """A realised value of an entry, with the target it is about."""
    waarde: Gerealiseerd
    doel: Doel
    bron: Bron | None


@dataclass(frozen=True)
class Bronvermelding:
    """A source of an entry, with the policy document it names (documenten.yaml), if known."""
    bron: Bron
    document: Document | None


@dataclass(frozen=True)
class Beoordelaar:
    """Who assessed an entry: a party (its page of the year is linked), a group, or the editors."""
    soort: str  # "partij", "groep" or "redactie"
    id: str


@dataclass(frozen=True)
class Regel:
    """One entry of the timeline, with what a reader needs to place it."""
    regel: Voortgang
    gecorrigeerd_door: Voortgang | None  # the later entry that puts this one right
    corrigeert_hier: bool  # the entry it corrects is on this page (so a link can go there)
    door: Beoordelaar
    waarden: tuple[Waarde, ...]
    bronnen: tuple[Bronvermelding, ...]
    opvolger: Afspraak | None


@dataclass(frozen=True)
class Stand:
    """A commitment's progress as its page shows it."""
    status: Status
    huidig: Regel | None  # the entry that says the current status; None: not assessed
    tijdlijn: tuple[Regel, ...]  # every entry, corrected ones too, newest first

    @property
    def besluiten(self) -> tuple[Bronvermelding, ...]:
        """The decision sources of the current entry (for vervallen: where it was decided)."""
        return tuple(b for b in self.huidig.bronnen if b.bron.soort == BESLUIT) if self.huidig else ()


def stand(model: Model, a: Afspraak) -> Stand:
    """The status, current entry and timeline of commitment `a`, from its own entries."""
    verloop = model.verloop(a.id)
    gecorrigeerd = verloop.gecorrigeerd
    nummers = {r.nummer for r in verloop.regels}
    regels = {r.nummer: Regel(r, gecorrigeerd.get(r.nummer), r.corrigeert in nummers,
                              beoordelaar(model, r.beoordeeld_door), _waarden(a, r),
                              tuple(Bronvermelding(b, document(model, b)) for b in r.bronnen),
                              model.afspraak(r.opvolger) if r.opvolger else None)
              for r in verloop.regels}
    tijdlijn = tuple(regels[r.nummer] for r in sorted(verloop.regels, key=volgorde, reverse=True))
    huidig = verloop.stand
    return Stand(verloop.status, regels[huidig.nummer] if huidig else None, tijdlijn)


def _waarden(a: Afspraak, r: Voortgang) -> tuple[Waarde, ...]:
    # the checks hold every value to an existing target and every successor to a commitment
    return tuple(Waarde(w, a.doelen[w.doel - 1], r.bron_van(w)) for w in r.gerealiseerd)


def document(model: Model, bron: Bron) -> Document | None:
    """The policy document a source names (documenten.yaml), if it names a known one."""
    return model.documenten.get(bron.document) if bron.document else None


def beoordelaar(model: Model, id_: str) -> Beoordelaar:
    if id_ == REDACTIE:
        return Beoordelaar("redactie", id_)
    return Beoordelaar("partij" if id_ in model.partijen else "groep", id_)


def status_van(model: Model, a: Afspraak) -> Status:
    return model.verloop(a.id).status


def statuskeuzes(model: Model, jaar: Jaar) -> tuple[str, ...]:
    """What the overview's status filter offers in a year: the current statuses of its
    commitments, in the order of the vocabulary (as the other filters offer what the year has)."""
    gebruikt = {status_van(model, a).id for a in jaar.afspraken}
    return tuple(s.id for s in STATUSSEN if s.id in gebruikt)


def statussen_van(model: Model, jaar: Jaar) -> dict[str, Status]:
    """The current status of every commitment of a year (the overview's column and filter)."""
    return {a.id: status_van(model, a) for a in jaar.afspraken}
