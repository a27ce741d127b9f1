"""What each page shows, worked out from the model: plain Python, no MkDocs.

Templates only lay out what these functions return, so the choices (which
commitments a party page lists, in what order, what counts as a key figure) are
tested here without building a site.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..gegevens import tekstregels
from ..gegevens.model import (KOP, NIET, TEKST, TUSSENKOP, Afspraak, Doel, Jaar, Model, Ondertekenaar, Rol, Tabel,
                              ThemaInJaar, leden)
from . import voortgangsinhoud

ZONDER_KOP = "Zonder tussenkop"  # commitments printed before any sub-heading


@dataclass(frozen=True)
class KopGroep:
    """Consecutive commitments under one sub-heading of the signed text."""
    kop: str
    afspraken: tuple[Afspraak, ...]


def per_kop(thema: ThemaInJaar) -> tuple[KopGroep, ...]:
    """The theme's commitments grouped by responsible party, in the order of the signed text.

    A new group starts where the printed sub-heading changes, so a heading that
    occurs twice stays twice, as in the document.
    """
    groepen: list[KopGroep] = []
    for afspraak in sorted(thema.afspraken, key=lambda a: a.nummer):
        kop = afspraak.kop or ZONDER_KOP
        if groepen and groepen[-1].kop == kop:
            vorige = groepen[-1]
            groepen[-1] = KopGroep(kop, vorige.afspraken + (afspraak,))
        else:
            groepen.append(KopGroep(kop, (afspraak,)))
    return tuple(groepen)


@dataclass(frozen=True)
class Blok:
    """A commitment, or a table printed after it, in the order of the signed text."""
    afspraak: Afspraak | None = None
    tabel: Tabel | None = None


def met_tabellen(thema: ThemaInJaar, afspraken: tuple[Afspraak, ...]) -> tuple[Blok, ...]:
    """Commitments with each table placed right after the commitment it follows in the source."""
    blokken: list[Blok] = []
    for afspraak in afspraken:
        blokken.append(Blok(afspraak=afspraak))
        blokken += [Blok(tabel=t) for t in thema.tabellen if t.na_afspraak == afspraak.nummer]
    return tuple(blokken)


@dataclass(frozen=True)
class Indeling:
    """A theme's commitments as the signed text prints them: per sub-heading, with each
    table after the commitment it follows; then the tables tied to no commitment."""
    groepen: tuple[tuple[KopGroep, tuple[Blok, ...]], ...]
    losse_tabellen: tuple[Tabel, ...]


def indeling(thema: ThemaInJaar) -> Indeling:
    return Indeling(tuple((g, met_tabellen(thema, g.afspraken)) for g in per_kop(thema)), losse_tabellen(thema))


def celnoten(tabel: Tabel) -> tuple[str, ...]:
    """The reasons of a table's uncertain cells, each once, in reading order: a cell shows
    the number of its reason (its place here, from 1)."""
    return tuple(dict.fromkeys(c.opmerking for rij in tabel.rijen for c in rij if c.onzeker and c.opmerking))


def inleiding_zoals_ondertekend(jaar: Jaar) -> tuple[str, ...]:
    """The introduction's paragraphs as the document prints them: the sentence about the
    focus (kept apart in `focus`) ends its last paragraph."""
    alineas = list(tekstregels.alineas(jaar.inleiding))
    if jaar.focus:
        alineas[-1] = f"{alineas[-1]} {jaar.focus.tekst}" if alineas else jaar.focus.tekst
    return tuple(alineas)


def genoemd_in(jaar: Jaar, naam: str) -> str | None:
    """The signed sentence of the year's introduction or parts that names a theme, if any:
    a theme the source only names is shown with that sentence, nothing more."""
    for tekst in (*(jaar.delen.onderdelen if jaar.delen else ()), *tekstregels.alineas(jaar.inleiding)):
        if naam.lower() in tekst.lower():
            return tekst
    return None


def losse_tabellen(thema: ThemaInJaar) -> tuple[Tabel, ...]:
    """Tables not tied to a commitment of this theme (shown after the commitments)."""
    nummers = {a.nummer for a in thema.afspraken}
    return tuple(t for t in thema.tabellen if t.na_afspraak not in nummers)


def van_partij(model: Model, jaar: Jaar, partij: str) -> tuple[tuple[ThemaInJaar, tuple[Afspraak, ...]], ...]:
    """Per theme (in theme order) the party's own commitments (Afspraak.eigen_partijen): the
    text names the party, or a sub-heading does and the text names nobody else."""
    return tuple((t, eigen) for t in jaar.themas
                 if (eigen := tuple(a for a in sorted(t.afspraken, key=lambda a: a.nummer)
                                    if partij in a.eigen_partijen)))


def aantal_van_partij(jaar: Jaar, partij: str) -> int:
    return sum(partij in a.eigen_partijen for a in jaar.afspraken)


def met_grond(jaar: Jaar, partij: str, grond: str) -> tuple[Afspraak, ...]:
    """The year's commitments that concern a party on this basis: NIET (under a sub-heading
    with the party, but the text names others) or ONZEKER (the text may mean the party)."""
    return tuple(a for a in jaar.afspraken if a.grond(partij) == grond)


def leden_van(model: Model, ids: tuple[str, ...]) -> tuple[str, ...]:
    """The parties behind party and group ids (for a template)."""
    return leden(ids, model.partijen, model.groepen)


def alleen_onder_de_kop(afspraak: Afspraak, partij: str) -> bool:
    """True when a sub-heading naming more parties than this one is the only basis on which
    the commitment is the party's: its page says so ('onder de kop …')."""
    return afspraak.grond(partij) == KOP and len(afspraak.partijen) > 1


@dataclass(frozen=True)
class Wie:
    """Who does a commitment, as a reader is told it: parties and groups (ids) per basis."""
    volgens_tekst: tuple[str, ...] = ()  # the text names them
    volgens_tussenkop: tuple[str, ...] = ()  # the sub-heading, for words without a subject
    misschien: tuple[str, ...] = ()  # the text may mean them (Uitvoerder.onzeker)
    niet: tuple[str, ...] = ()  # parties of the sub-heading the text does not name
    alleen_tussenkop: bool = False  # the text names nobody: the sub-heading is all there is


def wie_doet_het(afspraak: Afspraak) -> Wie:
    if not afspraak.uitvoerders:
        return Wie(volgens_tussenkop=afspraak.verantwoordelijk, alleen_tussenkop=True)

    def ids(gekozen) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i for u in afspraak.uitvoerders if gekozen(u) for i in u.wie))
    tekst = ids(lambda u: not u.onzeker and u.volgens == TEKST)
    return Wie(volgens_tekst=tekst,
               volgens_tussenkop=tuple(i for i in ids(lambda u: not u.onzeker and u.volgens == TUSSENKOP)
                                       if i not in tekst),
               misschien=ids(lambda u: u.onzeker),
               niet=tuple(t.partij for t in afspraak.toegerekend if t.grond == NIET))


def groepen_van(model: Model, partij: str) -> tuple[str, ...]:
    return tuple(g.id for g in model.groepen.values() if partij in g.leden)


def vertegenwoordiging(model: Model, partij: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(whose tenants this party represents, who represents this party's tenants)."""
    vertegenwoordigt = model.partijen[partij].vertegenwoordigt_huurders_van
    vertegenwoordigd_door = tuple(p.id for p in model.partijen.values()
                                  if partij in p.vertegenwoordigt_huurders_van)
    return vertegenwoordigt, vertegenwoordigd_door


def rollen_van(model: Model, jaar: Jaar, partij: str) -> tuple[Rol, ...]:
    return tuple(r for r in jaar.rollen.per_partij
                 if partij in leden(r.partijen, model.partijen, model.groepen))


def ondertekenaar_van(jaar: Jaar, partij: str) -> Ondertekenaar | None:
    if jaar.ondertekening is None:
        return None
    return next((o for o in jaar.ondertekening.ondertekenaars if o.partij == partij), None)


def kerncijfers(jaar: Jaar) -> tuple[tuple[Afspraak, Doel, Doel | None], ...]:
    """Every quantitative target of the year, in commitment order: (commitment, target, the
    total it is a part of or None). Each total comes first, its parts right after it."""
    return tuple((a, d, totaal) for a in jaar.afspraken for t in a.totalen
                 for d, totaal in ((t.doel, None), *((x, t.doel) for x in t.delen)))


def buren(jaar: Jaar, afspraak: Afspraak) -> tuple[Afspraak | None, Afspraak | None]:
    """The previous and next commitment of the same year, by number."""
    lijst = jaar.afspraken
    # by number, not list.index: comparing whole commitments field by field costs more
    i = next(i for i, a in enumerate(lijst) if a.nummer == afspraak.nummer)
    return (lijst[i - 1] if i > 0 else None, lijst[i + 1] if i + 1 < len(lijst) else None)


def in_andere_jaren(model: Model, afspraak: Afspraak) -> tuple[Afspraak, ...]:
    """The direct neighbours in its lineage, oldest first: what it continues, what continues it.

    Only one step each way, so a commitment page stays the same size however long
    its lineage grows; each neighbour's page links on to the next step.
    """
    vorige = (model.afspraak(afspraak.voortzetting_van),) if afspraak.voortzetting_van else ()
    return vorige + model.opvolgers(afspraak.id)


def jaarvenster(jaren: list[int] | tuple[int, ...], huidig: int, breedte: int = 5) -> tuple[int, ...]:
    """The years a year switcher offers on a page of `huidig`, newest first.

    The `breedte` years nearest to the current one, and the newest year: a page does
    not grow with the number of years; the home page lists them all.
    """
    volgorde = sorted(jaren, reverse=True)
    if huidig not in volgorde:
        return ()
    i = volgorde.index(huidig)
    begin = max(0, min(i - breedte // 2, len(volgorde) - breedte))
    venster = volgorde[begin:begin + breedte]
    return tuple(volgorde[:1] + venster if volgorde[0] not in venster else venster)


def plaatsfilter(model: Model, afspraak: Afspraak) -> tuple[str, ...]:
    """The places a filter on the overview finds a commitment by: those it names and every
    place they lie in (`ligt_in`), so a commitment about a neighbourhood is also found
    under its village without the editors naming both."""
    gevonden: list[str] = []
    for plaats in afspraak.plaatsen:
        # a place already found brought the places it lies in along (this also ends a loop)
        while plaats in model.plaatsen and plaats not in gevonden:
            gevonden.append(plaats)
            plaats = model.plaatsen[plaats].ligt_in
    return tuple(gevonden)


def filterkeuzes(model: Model, jaar: Jaar) -> dict[str, tuple[str, ...]]:
    """What each filter of a year's overview offers: the year's themes, every party, the
    places its commitments are found by (see plaatsfilter), in the data's order, and the
    statuses its commitments have now (voortgangsinhoud.statuskeuzes)."""
    plaatsen = {p for a in jaar.afspraken for p in plaatsfilter(model, a)}
    return {"thema": tuple(t.thema for t in jaar.themas),
            "partij": tuple(model.partijen),
            "plaats": tuple(p for p in model.plaatsen if p in plaatsen),
            "status": voortgangsinhoud.statuskeuzes(model, jaar)}
