"""What the fixed pages (home, about, open data, accessibility, guide) take from the data.

Those pages describe the site in general. Wherever they name the parties, a year, a
source, a table or show an example (a commitment, its file, a group), it comes from
here, so they stay true for any year and any municipality. Plain Python, no MkDocs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..gegevens.bronteksten import ondertekende_teksten
from ..gegevens.model import GAT, SIC, Afspraak, Groep, Jaar, Model, Partij, Tabel

SOORTEN = {  # a party's kind, singular and plural, as the pages say it
    "gemeente": ("de gemeente", "de gemeenten"),
    "woningcorporatie": ("de woningcorporatie", "de woningcorporaties"),
    "huurdersorganisatie": ("de huurdersorganisatie", "de huurdersorganisaties"),
}


@dataclass(frozen=True)
class Voorbeelden:
    jaar: Jaar | None  # the newest year with commitments (else the newest year)
    afspraak: Afspraak | None  # a commitment of that year that shows most fields
    groep: Groep | None  # a group of parties, to explain `verantwoordelijk` and `partijen`
    volgend_jaar: int  # the year `make nieuw-jaar` makes next


def voorbeelden(model: Model, dit_jaar: int) -> Voorbeelden:
    jaren = sorted(model.jaren.values(), key=lambda j: j.jaar, reverse=True)
    jaar = next((j for j in jaren if j.afspraken), jaren[0] if jaren else None)
    afspraak = _voorbeeldafspraak(jaar) if jaar else None
    return Voorbeelden(
        jaar=jaar,
        afspraak=afspraak,
        groep=_voorbeeldgroep(model),
        volgend_jaar=max(model.jaren) + 1 if model.jaren else dit_jaar,
    )


def _voorbeeldafspraak(jaar: Jaar) -> Afspraak | None:
    """The first commitment with a sub-heading, a group or party and a target, else the
    first with a sub-heading, else the first."""
    kandidaten = (
        lambda a: a.kop and a.verantwoordelijk and a.doelen,
        lambda a: a.kop and a.verantwoordelijk,
        lambda a: True,
    )
    for past in kandidaten:
        if gevonden := next((a for a in jaar.afspraken if past(a)), None):
            return gevonden
    return None


def _voorbeeldgroep(model: Model) -> Groep | None:
    """The smallest group of two or more parties: the shortest example to read."""
    return min((g for g in model.groepen.values() if len(g.leden) > 1), key=lambda g: len(g.leden), default=None)


def soorten(model: Model) -> str:
    """'de gemeente, de woningcorporaties en de huurdersorganisaties': who makes the agreements."""
    aantallen: dict[str, int] = {}
    for p in model.partijen.values():
        aantallen[p.soort] = aantallen.get(p.soort, 0) + 1
    return opsomming([SOORTEN[s][0 if n == 1 else 1] for s, n in aantallen.items()])


TELWOORDEN = ("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
              "elf", "twaalf")


def telwoord(aantal: int) -> str:
    """Small numbers in words, as plain Dutch writes them: 'vijf partijen', '14 partijen'."""
    return TELWOORDEN[aantal] if 0 <= aantal < len(TELWOORDEN) else str(aantal)


def opsomming(delen: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return " en ".join(filter(None, [", ".join(delen[:-1]), delen[-1]])) if delen else ""


def namen(model: Model, ids: tuple[str, ...]) -> str:
    """'A en B': parties (or groups) by name, in the order given."""
    return opsomming([(model.partijen.get(i) or model.groepen[i]).naam for i in ids])


def beschrijving(model: Model, partij: Partij) -> str:
    """'huurdersorganisatie Vereniging X (X), voor de huurders van Y': a party in one line."""
    naam = partij.volledige_naam
    if partij.naam not in naam:
        naam += f" ({partij.naam})"
    soort = SOORTEN[partij.soort][0].removeprefix("de ")
    tekst = naam if naam.lower().startswith(soort) else f"{soort} {naam}"
    if partij.vertegenwoordigt_huurders_van:
        tekst += ", voor de huurders van " + namen(model, partij.vertegenwoordigt_huurders_van)
    return tekst


def met_bron(model: Model) -> tuple[Jaar, ...]:
    """Years encoded from a source text in data/<jaar>/bron/, newest first: only for
    these do the pages speak of that source, its damage and its automatic check."""
    return tuple(j for j in reversed(model.jaren.values()) if j.bron)


def met_gaten(model: Model) -> tuple[Jaar, ...]:
    """Years with a source text where words are missing ([…]) in a signed text, newest first:
    only for these do the pages speak of words lost in the source."""
    return tuple(j for j in met_bron(model) if any(GAT in t for _, t in ondertekende_teksten(j)))


def met_sic(model: Model) -> tuple[Jaar, ...]:
    """Years where a signed text reads oddly in the document itself ([sic]), newest first."""
    return tuple(j for j in reversed(model.jaren.values()) if any(SIC in t for _, t in ondertekende_teksten(j)))


def onzekere_tabellen(model: Model) -> tuple[tuple[int, str, Tabel], ...]:
    """(year, theme, table) of the tables with at least one number that could not be read
    with certainty, newest year first."""
    return tuple((j.jaar, th.thema, t) for j in reversed(model.jaren.values()) for th in j.themas
                 for t in th.tabellen if any(c.onzeker for rij in t.rijen for c in rij))


def zoals_in_het_bestand(tekst: str, nummer: int) -> str | None:
    """The lines of commitment `nummer` as they stand in its theme file's text, or None.

    The guide shows a real commitment exactly as an editor finds it in the file.
    """
    regels = tekst.splitlines()
    try:
        begin = regels.index("afspraken:") + 1
    except ValueError:
        return None
    einde = next((i for i in range(begin, len(regels)) if re.match(r"\S", regels[i])), len(regels))
    items: list[list[str]] = []
    for regel in regels[begin:einde]:
        if regel.startswith("  - "):
            items.append([])
        if items:
            items[-1].append(regel)
    for item in items:
        if any(re.fullmatch(rf"(  - |    )nummer: {nummer}\s*", r) for r in item):
            while item and not item[-1].strip():
                item.pop()
            return "\n".join(item)
    return None
