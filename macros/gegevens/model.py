"""The data model: typed, read-only, built once from validated data.

Plain Python, no MkDocs: the site, the exports, the checks and the tests all
read this. Field names follow the YAML keys (the JSON Schemas in data/schema/
define them); lists become tuples so nothing changes after loading.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cached_property
from typing import Any

from .tekstregels import normaal
from .voortgang import Verloop, Voortgang

# Two marks in signed text, each with an editor's note that says what is there:
GAT = "[…]"  # the source cannot be read here: words were lost when the text was taken from the document
SIC = "[sic]"  # the signed text reads so (a word missing or wrong in the document itself); nothing was lost
MARKERINGEN = (GAT, SIC)


def heeft_markering(tekst: str | None) -> bool:
    """Whether a text has a mark that belongs to the source it was taken from ([…] or [sic])."""
    return bool(tekst) and any(m in tekst for m in MARKERINGEN)


@dataclass(frozen=True)
class Gemeente:
    naam: str  # without the word 'gemeente', as readers know it

    @property
    def sitenaam(self) -> str:
        """The site's name: its title, the start of every citation, the exports' publisher."""
        return f"Prestatieafspraken {self.naam}"


@dataclass(frozen=True)
class Partij:
    id: str
    naam: str
    volledige_naam: str
    soort: str
    vertegenwoordigt_huurders_van: tuple[str, ...] = ()
    opmerkingen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Groep:
    id: str
    naam: str
    leden: tuple[str, ...]


@dataclass(frozen=True)
class Thema:
    id: str
    naam: str


@dataclass(frozen=True)
class Plaats:
    id: str
    naam: str
    soort: str
    ligt_in: str | None = None
    opmerkingen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    id: str
    titel: str
    soort: str
    van: str | None = None
    vastgesteld: str | None = None
    url: str | None = None
    opmerkingen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Begrip:
    id: str
    term: str
    uitleg: str
    vormen: tuple[str, ...] = ()
    zie_ook: tuple[str, ...] = ()


@dataclass(frozen=True)
class Doel:
    wat: str
    aantal: float
    eenheid: str
    grens: str | None = None
    jaar: int | None = None
    wanneer: str | None = None
    plaats: str | None = None
    id: str | None = None  # a total's key within its commitment, for its parts to name
    deel_van: str | None = None  # the `id` of the total this number is a part of
    opmerking: str | None = None  # the editors' note on this number


@dataclass(frozen=True)
class Totaal:
    """A target with the targets that are parts of it (per place, per year, 'waarvan')."""
    doel: Doel
    delen: tuple[Doel, ...] = ()


def per_totaal(doelen: tuple[Doel, ...]) -> tuple[Totaal, ...]:
    """The targets as the text shapes them: each total (or lone number) in data order, its
    parts under it. A part is never a total of its own, so no view adds it to one."""
    delen: dict[str, list[Doel]] = {}
    for d in doelen:
        if d.deel_van is not None:
            delen.setdefault(d.deel_van, []).append(d)
    return tuple(Totaal(d, tuple(delen.get(d.id, ())) if d.id else ()) for d in doelen if d.deel_van is None)


# Who the text names as doing a commitment (Uitvoerder.volgens), and the basis on which a
# party is given a commitment (Toerekening.grond).
TEKST = "tekst"  # the words name the party
TUSSENKOP = "tussenkop"  # the words have no subject: the sub-heading says who
KOP = "kop"  # basis: only the sub-heading (the text names nobody, or has no subject)
ONZEKER = "onzeker"  # basis: the text may mean this party; it does not say so clearly
NIET = "niet"  # under the sub-heading, but the text names others as doing it
EIGEN = (TEKST, KOP)  # the bases on which a party page lists a commitment as the party's


@dataclass(frozen=True)
class Uitvoerder:
    """Parties or a group the commitment's text names as doing (a part of) it."""
    wie: tuple[str, ...]
    woorden: str  # the words of the text that say so, literally
    volgens: str = TEKST
    onzeker: bool = False
    opmerking: str | None = None


@dataclass(frozen=True)
class Toerekening:
    """One party of a commitment, and the basis on which it is that party's (see `toerekening`)."""
    partij: str
    grond: str  # TEKST, KOP, ONZEKER or NIET


@dataclass(frozen=True)
class Termijn:
    tekst: str
    jaar: int
    kwartaal: int | None = None
    waarvoor: str | None = None  # what the deadline is for, when not the whole commitment (editorial)


@dataclass(frozen=True)
class Relatie:
    afspraak: str
    reden: str


@dataclass(frozen=True)
class Afspraak:
    jaar: int
    thema: str
    nummer: int
    titel: str
    tekst: str
    verantwoordelijk: tuple[str, ...]
    partijen: tuple[str, ...]  # `verantwoordelijk` with groups expanded, in party order
    kop: str | None = None
    plaatsen: tuple[str, ...] = ()
    doelen: tuple[Doel, ...] = ()
    termijn: Termijn | None = None
    documenten: tuple[str, ...] = ()
    gerelateerd: tuple[Relatie, ...] = ()
    voortzetting_van: str | None = None
    opmerkingen: tuple[str, ...] = ()
    uitvoerders: tuple[Uitvoerder, ...] = ()  # who the text names; () when it names nobody
    toegerekend: tuple[Toerekening, ...] = ()  # every party concerned, with its basis (`toerekening`)

    @property
    def id(self) -> str:
        return afspraak_id(self.jaar, self.nummer)

    def grond(self, partij: str) -> str | None:
        """The basis on which this commitment concerns `partij`, or None."""
        return next((t.grond for t in self.toegerekend if t.partij == partij), None)

    @property
    def eigen_partijen(self) -> tuple[str, ...]:
        """The parties whose commitment this is: named by the text, or under a sub-heading
        that names them where the text names nobody else. Never one the text excludes."""
        return tuple(t.partij for t in self.toegerekend if t.grond in EIGEN)

    @property
    def totalen(self) -> tuple[Totaal, ...]:
        return per_totaal(self.doelen)


@dataclass(frozen=True)
class Cel:
    waarde: str | float | None
    onzeker: bool = False
    opmerking: str | None = None


@dataclass(frozen=True)
class Tabel:
    id: str
    titel: str
    kolommen: tuple[str, ...]
    rijen: tuple[tuple[Cel, ...], ...]
    bijschrift: str | None = None
    na_afspraak: int | None = None
    kolommen_van_de_redactie: tuple[str, ...] = ()  # headings the source does not have
    opmerkingen: tuple[str, ...] = ()


@dataclass(frozen=True)
class ThemaInJaar:
    jaar: int
    thema: str
    afspraken: tuple[Afspraak, ...]
    doel: str | None = None
    actualiteit: str | None = None
    tabellen: tuple[Tabel, ...] = ()
    ontbrekende_koppen: tuple[str, ...] = ()  # headings the source does not print for this theme
    opmerkingen: tuple[str, ...] = ()

    @property
    def in_bron(self) -> bool:
        """Whether the source has anything of this theme: a theme only named (say, in a list
        of themes) has no goal, context, commitments or tables, and no section of its own."""
        return bool(self.doel or self.actualiteit or self.afspraken or self.tabellen)


@dataclass(frozen=True)
class Focus:
    tekst: str
    themas: tuple[str, ...]


@dataclass(frozen=True)
class Delen:
    tekst: str
    onderdelen: tuple[str, ...]


@dataclass(frozen=True)
class Grondslag:
    document: str
    zoals_genoemd: str | None = None


@dataclass(frozen=True)
class Rol:
    kop: str
    partijen: tuple[str, ...]
    tekst: str


@dataclass(frozen=True)
class Rollen:
    inleiding: str
    per_partij: tuple[Rol, ...]
    toelichting: str | None = None
    kop_per_partij: str | None = None  # the source's heading above `toelichting` and the roles


@dataclass(frozen=True)
class Ondertekenaar:
    partij: str
    naam: str
    functie: str
    aanhef: str | None = None
    toelichting: str | None = None
    tekst: str | None = None


@dataclass(frozen=True)
class Ondertekening:
    datum: str
    plaats: str
    geldig_vanaf: str
    ondertekenaars: tuple[Ondertekenaar, ...]
    inleiding: str | None = None
    slottekst: str | None = None
    opmerkingen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Jaar:
    jaar: int
    titel: str
    inleiding: str
    grondslagen: tuple[Grondslag, ...]
    rollen: Rollen
    themas: tuple[ThemaInJaar, ...]  # in the order of data/themas.yaml
    ondertekening: Ondertekening | None = None  # None: the year is not signed yet
    motto: str | None = None
    titelblad: str = "voor-inleiding"  # where the source prints title and motto: or "na-rollen"
    focus: Focus | None = None
    delen: Delen | None = None
    opmerkingen: tuple[str, ...] = ()
    # The source text the year was encoded from (<jaar>/bron/, named in herstellingen.yaml);
    # None for a year without one: then no claim about the source and its check applies.
    bron: str | None = None
    voortgang: tuple[Voortgang, ...] = ()  # data/<jaar>/voortgang.yaml, in file order

    @property
    def afspraken(self) -> tuple[Afspraak, ...]:
        return tuple(sorted((a for t in self.themas for a in t.afspraken), key=lambda a: a.nummer))


@dataclass(frozen=True)
class Model:
    gemeente: Gemeente
    partijen: dict[str, Partij]
    groepen: dict[str, Groep]
    themas: dict[str, Thema]
    plaatsen: dict[str, Plaats]
    documenten: dict[str, Document]
    begrippen: dict[str, Begrip]
    jaren: dict[int, Jaar]  # oldest first

    @cached_property
    def _afspraken(self) -> dict[str, Afspraak]:
        return {a.id: a for j in self.jaren.values() for a in j.afspraken}

    def afspraak(self, id_: str) -> Afspraak:
        return self._afspraken[id_]

    @property
    def afspraken(self) -> tuple[Afspraak, ...]:
        return tuple(self._afspraken.values())

    @property
    def laatste_jaar(self) -> Jaar | None:
        return self.jaren[max(self.jaren)] if self.jaren else None

    @cached_property
    def _verwijzingen(self) -> tuple[dict[str, tuple[Afspraak, ...]], dict[str, tuple[Afspraak, ...]]]:
        """Backlinks and successors of every commitment, indexed once: a page asks only
        for its own, so the build stays linear in the number of commitments."""
        genoemd_bij: dict[str, list[Afspraak]] = {}
        opvolgers: dict[str, list[Afspraak]] = {}
        for a in self._afspraken.values():
            for verwezen in dict.fromkeys(r.afspraak for r in a.gerelateerd):
                genoemd_bij.setdefault(verwezen, []).append(a)
            if a.voortzetting_van:
                opvolgers.setdefault(a.voortzetting_van, []).append(a)
        return ({k: tuple(v) for k, v in genoemd_bij.items()},
                {k: tuple(sorted(v, key=lambda a: (a.jaar, a.nummer))) for k, v in opvolgers.items()})

    def genoemd_bij(self, id_: str) -> tuple[Afspraak, ...]:
        """Commitments whose `gerelateerd` names this one (backlinks), in model order."""
        return self._verwijzingen[0].get(id_, ())

    def opvolgers(self, id_: str) -> tuple[Afspraak, ...]:
        """Commitments that continue this one (`voortzetting_van`), oldest first."""
        return self._verwijzingen[1].get(id_, ())

    @cached_property
    def _verlopen(self) -> dict[str, Verloop]:
        per: dict[str, list[Voortgang]] = {}
        for r in (r for j in self.jaren.values() for r in j.voortgang):
            per.setdefault(r.afspraak, []).append(r)
        return {k: Verloop(tuple(v)) for k, v in per.items()}

    def verloop(self, id_: str) -> Verloop:
        """The progress of one commitment (empty: not assessed yet), indexed once."""
        return self._verlopen.get(id_) or Verloop()


def afspraak_id(jaar: int, nummer: int) -> str:
    return f"{jaar}-{nummer}"


def leden(ids: tuple[str, ...] | list[str], partijen: dict[str, Partij],
          groepen: dict[str, Groep]) -> tuple[str, ...]:
    """Party ids behind a list of party and group ids, in the order of partijen.yaml."""
    gevonden = set()
    for id_ in ids:
        gevonden.update(groepen[id_].leden if id_ in groepen else (id_,))
    return tuple(p for p in partijen if p in gevonden)


def _waarde(v: Any) -> Any:
    if isinstance(v, str):
        return normaal(v)
    if isinstance(v, list):
        return tuple(_waarde(x) for x in v)
    return v


def maak(klasse: type, data: dict[str, Any], **extra: Any):
    """A dataclass from validated YAML: text normalised, lists as tuples, absent keys default."""
    namen = {f.name for f in fields(klasse)}
    waarden = {k: _waarde(v) for k, v in data.items() if k in namen}
    return klasse(**{**waarden, **extra})
