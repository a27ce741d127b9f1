"""The public change log: every progress entry as a change a reader can follow, newest first.

One query for the change pages (/wijzigingen/ and /<jaar>/wijzigingen/) and the Atom feeds
(feed.py). Each entry of data/<jaar>/voortgang.yaml is one change: the status it gives,
what the commitment's status was just before it was recorded (its history at that moment),
the realised values it records, and the entry it corrects. Plain Python, no MkDocs.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..gegevens.model import Afspraak, Model
from ..gegevens.voortgang import Status, Verloop, Voortgang
from . import adressen, realisatie

# The site-wide page shows this many, newest first; each year's page shows all of its own.
RECENT = 50


@dataclass(frozen=True)
class Wijziging:
    regel: Voortgang
    afspraak: Afspraak
    van: Status  # the commitment's status just before this entry was recorded
    naar: Status  # its status once this entry was recorded
    gecorrigeerd: Voortgang | None  # the earlier entry this one corrects
    waarden: tuple[realisatie.Realisatie, ...]  # the realised values this entry records, per target

    @property
    def id(self) -> str:
        return self.regel.id

    @property
    def url(self) -> str:
        """Site-relative: the entry's anchor on its commitment's page."""
        return adressen.voortgang_url(self.regel)

    @property
    def datum(self) -> str:
        return self.regel.vastgelegd

    @property
    def sleutel(self) -> tuple[str, int, int]:
        """Newest first sorts on this, descending: recorded, then year, then number."""
        return (self.regel.vastgelegd, self.regel.jaar, self.regel.nummer)


def _waarden(model: Model, a: Afspraak, regel: Voortgang) -> tuple[realisatie.Realisatie, ...]:
    """This entry's realised values as rows of the target table (realisatie.py), in the
    order of the targets."""
    per_positie = {w.doel: w for w in regel.gerealiseerd}
    return tuple(replace(r, waarde=per_positie[r.positie], regel=regel)
                 for r in realisatie.realisaties(model, a) if r.positie in per_positie)


def van_jaar(model: Model, jaar: int) -> tuple[Wijziging, ...]:
    """Every entry of one year's progress file as a change, newest first."""
    eerder: dict[str, list[Voortgang]] = {}  # per commitment: the entries recorded before
    uit = []
    for regel in model.jaren[jaar].voortgang:  # file order: the order they were recorded
        a = model.afspraak(regel.afspraak)
        voor = eerder.setdefault(a.id, [])
        nummers = {r.nummer: r for r in voor}
        uit.append(Wijziging(regel, a, Verloop(tuple(voor)).status, Verloop((*voor, regel)).status,
                             nummers.get(regel.corrigeert) if regel.corrigeert is not None else None,
                             _waarden(model, a, regel)))
        voor.append(regel)
    return tuple(sorted(uit, key=lambda w: w.sleutel, reverse=True))


def alle(model: Model) -> tuple[Wijziging, ...]:
    """Every change of every year, newest first."""
    return tuple(sorted((w for j in model.jaren for w in van_jaar(model, j)), key=lambda w: w.sleutel, reverse=True))


def recent(model: Model, aantal: int = RECENT) -> tuple[Wijziging, ...]:
    """The newest changes of the whole site: the site-wide page does not grow without bound."""
    return alle(model)[:aantal]


def per_jaar(model: Model) -> tuple[tuple[int, int], ...]:
    """(year, number of changes), newest year first: the links to each year's page."""
    return tuple((j, len(model.jaren[j].voortgang)) for j in sorted(model.jaren, reverse=True))
