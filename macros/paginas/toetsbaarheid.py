"""How testable each commitment is: does its text name a number, a deadline and one party
that does it? Per commitment and per year. Plain Python, no MkDocs.

This is the editors' reading of the text, not a judgement of the parties: the targets
(`doelen`), the deadline (`termijn`) and who does it (`verantwoordelijk`, `uitvoerders`)
are encoded by the editors (redactie.py, entry "toetsbaarheid").

The three facts, exactly:
- `aantal`: the commitment has at least one target (`doelen`): a number it promises.
- `termijn`: it has a deadline (`termijn`).
- `een_partij`: exactly one party does it, named by itself, for sure. That is: its own
  parties (`Afspraak.eigen_partijen`: named by the text, or by the sub-heading where the
  text names nobody) are exactly one party; that party is named by its own id, in the
  text's `uitvoerders` or (without them) in the sub-heading, and not only through a
  group ("corporaties", "gezamenlijk": a group heading is never one party, even a group
  of one); and no party is attributed uncertainly (`onzeker`: the text may mean others
  too). A party the text leaves out of its sub-heading's group (NIET) does not count.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..gegevens.model import ONZEKER, Afspraak, Jaar

# Why a commitment does not name one party (Toetsbaarheid.wie); PARTIJ when it does.
PARTIJ = "partij"  # one party, named by itself
NIEMAND = "niemand"  # neither the text nor a sub-heading names anyone
MEER = "meer"  # more than one party does it
GROEP = "groep"  # one party, but only through a group
ONZEKER_WIE = "onzeker"  # the text may mean other parties too
WAAROM = {NIEMAND: "niemand genoemd", MEER: "meer partijen", GROEP: "alleen een groep genoemd",
          ONZEKER_WIE: "niet zeker wie"}  # the words a page gives for each reason


@dataclass(frozen=True)
class Toetsbaarheid:
    """The three facts of one commitment, as the editors read its text."""
    afspraak: Afspraak
    aantal: bool  # names a number: it has targets
    termijn: bool  # names a deadline
    een_partij: bool  # names exactly one party that does it (see the module's rule)
    partij: str | None  # that party's id, when `een_partij`
    wie: str  # PARTIJ, or why not: NIEMAND, MEER, GROEP or ONZEKER_WIE

    @property
    def waarom(self) -> str | None:
        """In plain words, why it does not name one party; None when it does."""
        return WAAROM.get(self.wie)

    @property
    def punten(self) -> int:
        """How many of the three it names (0 to 3)."""
        return self.aantal + self.termijn + self.een_partij

    @property
    def alle_drie(self) -> bool:
        return self.punten == 3

    @property
    def geen(self) -> bool:
        return self.punten == 0


def beoordeel(a: Afspraak) -> Toetsbaarheid:
    """The three facts of commitment `a`."""
    eigen = a.eigen_partijen
    # the ids that name who does it: the text's when it names anyone, else the sub-heading's
    genoemd = {id_ for u in a.uitvoerders for id_ in u.wie} if a.uitvoerders else set(a.verantwoordelijk)
    if len(eigen) > 1:
        wie = MEER
    elif any(t.grond == ONZEKER for t in a.toegerekend):
        wie = ONZEKER_WIE
    elif not eigen:
        wie = NIEMAND
    elif eigen[0] not in genoemd:
        wie = GROEP
    else:
        wie = PARTIJ
    return Toetsbaarheid(a, aantal=bool(a.doelen), termijn=a.termijn is not None, een_partij=wie == PARTIJ,
                         partij=eigen[0] if wie == PARTIJ else None, wie=wie)


@dataclass(frozen=True)
class Samenvatting:
    """The three facts of every commitment of a year, and the counts of each."""
    jaar: int
    afspraken: tuple[Toetsbaarheid, ...]  # in the year's order

    @property
    def totaal(self) -> int:
        return len(self.afspraken)

    @property
    def aantal(self) -> int:
        return sum(t.aantal for t in self.afspraken)

    @property
    def termijn(self) -> int:
        return sum(t.termijn for t in self.afspraken)

    @property
    def een_partij(self) -> int:
        return sum(t.een_partij for t in self.afspraken)

    @property
    def alle_drie(self) -> int:
        return sum(t.alle_drie for t in self.afspraken)

    @property
    def geen(self) -> int:
        return sum(t.geen for t in self.afspraken)

    @property
    def zonder(self) -> tuple[Toetsbaarheid, ...]:
        """The vaguest: commitments that name none of the three."""
        return tuple(t for t in self.afspraken if t.geen)

    @property
    def met_een(self) -> tuple[Toetsbaarheid, ...]:
        """Commitments that name only one of the three."""
        return tuple(t for t in self.afspraken if t.punten == 1)


def van_jaar(jaar: Jaar) -> Samenvatting:
    return Samenvatting(jaar.jaar, tuple(beoordeel(a) for a in jaar.afspraken))
