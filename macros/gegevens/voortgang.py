"""Following commitments: the status vocabulary and the dated progress entries.

A year's progress is its own file (data/<jaar>/voortgang.yaml), so that recording it never
touches a file with signed text. Entries are appended, never edited: a mistake is put
right by a later entry that names it (`corrigeert`). Plain Python, no MkDocs.
"""
from __future__ import annotations

from dataclasses import dataclass

REDACTIE = "redactie"  # `beoordeeld_door` when the editors assessed it, not a party


@dataclass(frozen=True)
class Status:
    id: str
    naam: str  # as the site writes it in a sentence
    definitie: str  # one line, plain words: the glossary and the site say this
    definitief: bool  # a final verdict on the commitment, not a state while the year runs
    reden_nodig: bool = False


# The fixed vocabulary, judged on outcomes. The schema's enum (voortgang.schema.json) holds
# the same ids; a test keeps the two equal.
STATUSSEN: tuple[Status, ...] = (
    Status("nog-niet-beoordeeld", "nog niet beoordeeld",
           "Er is nog niets vastgelegd over hoe ver deze afspraak is.", False),
    Status("niet-gestart", "niet gestart", "Er is nog niet aan deze afspraak begonnen.", False),
    Status("loopt", "loopt", "Er wordt aan gewerkt, volgens plan.", False),
    Status("vertraagd", "vertraagd", "Er wordt aan gewerkt, maar het gaat later klaar zijn dan afgesproken.", False,
           reden_nodig=True),
    Status("stilgelegd", "stilgelegd", "Het werk ligt stil.", False, reden_nodig=True),
    Status("gerealiseerd", "gerealiseerd", "Gedaan: het afgesproken resultaat is bereikt.", True),
    Status("deels-gerealiseerd", "deels gerealiseerd", "Een deel van het afgesproken resultaat is bereikt.", True),
    Status("niet-gerealiseerd", "niet gerealiseerd", "Het afgesproken resultaat is niet bereikt.", True,
           reden_nodig=True),
    Status("doorgeschoven", "doorgeschoven", "Niet dit jaar klaar: een afspraak van een later jaar zet het voort.",
           True),
    Status("vervallen", "vervallen", "De partijen hebben besloten dat deze afspraak niet meer geldt.", True),
    Status("niet-toetsbaar", "niet toetsbaar",
           "Niet te beoordelen: de afspraak zegt niet wat er bereikt moet zijn.", True),
)
PER_ID = {s.id: s for s in STATUSSEN}
NOG_NIET = "nog-niet-beoordeeld"


@dataclass(frozen=True)
class Bron:
    titel: str
    datum: str
    soort: str | None = None
    url: str | None = None
    document: str | None = None
    pagina: int | None = None


@dataclass(frozen=True)
class Gerealiseerd:
    doel: int  # the target's place in the commitment's `doelen`, from 1
    aantal: float
    eenheid: str
    datum: str  # of the number: the entry's peildatum unless given
    methode: str | None = None
    voorlopig: bool = False
    bron: int = 1  # which of the entry's sources says it, from 1


@dataclass(frozen=True)
class Voortgang:
    """One assessment of one commitment on one day."""
    jaar: int  # the year of the commitment (and of the file)
    nummer: int  # its number in the year's file; never renumbered
    afspraak: str
    peildatum: str
    vastgelegd: str
    status: str
    toelichting: str
    beoordeeld_door: str
    bronnen: tuple[Bron, ...] = ()
    gerealiseerd: tuple[Gerealiseerd, ...] = ()
    reden: str | None = None
    opvolger: str | None = None
    corrigeert: int | None = None

    @property
    def id(self) -> str:
        """Stable: the page anchor, the feed's entry and the open data use it."""
        return voortgang_id(self.jaar, self.nummer)

    @property
    def anker(self) -> str:
        return f"voortgang-{self.nummer}"

    @property
    def status_(self) -> Status:
        return PER_ID[self.status]

    def bron_van(self, waarde: Gerealiseerd) -> Bron | None:
        return self.bronnen[waarde.bron - 1] if 0 < waarde.bron <= len(self.bronnen) else None


def volgorde(r: Voortgang) -> tuple:
    """The order of a commitment's states: by the day an entry describes, then by the order
    recorded. The current status is the last entry in this order that stands."""
    return (r.peildatum, r.vastgelegd, r.nummer)


def voortgang_id(jaar: int, nummer: int) -> str:
    return f"{jaar}-voortgang-{nummer}"


@dataclass(frozen=True)
class Verloop:
    """The history of one commitment: its entries in the order they were recorded, and
    which of them a later entry corrects."""
    regels: tuple[Voortgang, ...] = ()

    @property
    def gecorrigeerd(self) -> dict[int, Voortgang]:
        """Entry number -> the entry that corrects it."""
        return {r.corrigeert: r for r in self.regels if r.corrigeert is not None}

    @property
    def geldig(self) -> tuple[Voortgang, ...]:
        """The entries that stand (none corrected), oldest state first: by the day they
        describe, then by the order recorded."""
        weg = self.gecorrigeerd
        return tuple(sorted((r for r in self.regels if r.nummer not in weg), key=volgorde))

    @property
    def stand(self) -> Voortgang | None:
        """The entry that says the current status; None: not assessed yet."""
        geldig = self.geldig
        return geldig[-1] if geldig else None

    @property
    def status(self) -> Status:
        stand = self.stand
        return stand.status_ if stand else PER_ID[NOG_NIET]

    def gerealiseerd(self) -> dict[int, tuple[Voortgang, Gerealiseerd]]:
        """Per target (its place in `doelen`, from 1): the latest realised value that stands,
        with the entry that records it."""
        laatste: dict[int, tuple[Voortgang, Gerealiseerd]] = {}
        for regel in self.geldig:
            for waarde in regel.gerealiseerd:
                vorige = laatste.get(waarde.doel)
                if vorige is None or waarde.datum >= vorige[1].datum:
                    laatste[waarde.doel] = (regel, waarde)
        return laatste
