"""The site's search data: one small file per year, one for the fixed pages. No MkDocs.

A phone downloads only the file of the year it reads (and the fixed pages' file): what
it loads for a search does not grow with the number of years. Other years' files are
loaded when the reader asks to search all years (docs/assets/javascripts/zoeken.js).

Each entry is a page: its address (site-relative), title, kind, year, theme and plain
text. Word forms are matched in the browser, from the words themselves: the rule lives
in one place (zoeken.js), for the index and the query alike.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from html.parser import HTMLParser

from ..gegevens import tekstregels
from ..gegevens.model import Afspraak, Model
from ..gegevens.voortgang import NOG_NIET
from . import adressen, plaatsinhoud, soorten
from .tekst import zoals_getoond

MAP = "zoeken"  # the folder of the search data in the site
SITE = f"{MAP}/site.json"
JAREN = f"{MAP}/jaren.json"


def jaarbestand(jaar: int) -> str:
    return f"{MAP}/{jaar}.json"


def _tekst(*delen: str | None) -> str:
    """Plain text as a page shows it: the marks of the source in their visible form."""
    return tekstregels.vouw(zoals_getoond(" ".join(d for d in delen if d)))


def _statuswoord(model: Model, a: Afspraak) -> str | None:
    """'Status: vertraagd.' on the commitment's own entry, so that the word finds it; nothing
    while it is not assessed (that word would find every commitment of a new year)."""
    status = model.verloop(a.id).status
    return None if status.id == NOG_NIET else f"Status: {status.naam}."


def jaar_documenten(model: Model, jaar: int) -> list[dict]:
    """The searchable pages of a year: its commitments first, then its own, theme, party and
    place pages. Aggregate pages (overview, full text) only repeat commitments: left out."""
    j = model.jaren[jaar]
    themanamen = {t.thema: model.themas[t.thema].naam for t in j.themas}
    uit = [{"u": adressen.afspraak_url(a.id), "t": f"Afspraak {a.nummer} ({a.jaar}): {tekstregels.vouw(a.titel)}",
            "s": soorten.AFSPRAAK.naam, "j": jaar, "n": a.nummer, "th": themanamen[a.thema],
            "x": _tekst(a.tekst, _statuswoord(model, a))}
           for a in j.afspraken]
    uit.append({"u": adressen.jaar_url(jaar), "t": tekstregels.vouw(j.titel), "s": soorten.JAAR.naam, "j": jaar,
                "x": _tekst(j.inleiding)})
    uit += [{"u": adressen.thema_url(jaar, t.thema), "t": f"{themanamen[t.thema]} in {jaar}",
             "s": soorten.THEMA.naam, "j": jaar, "th": themanamen[t.thema], "x": _tekst(t.doel, t.actualiteit)}
            for t in j.themas]
    uit += [{"u": adressen.partij_url(jaar, p.id), "t": f"{p.naam} in {jaar}", "s": soorten.PARTIJ.naam,
             "j": jaar, "x": ""} for p in model.partijen.values()]
    uit += [{"u": adressen.plaats_url(jaar, p), "t": f"{model.plaatsen[p].naam} in {jaar}", "s": soorten.PLAATS.naam,
             "j": jaar, "x": _plaats(model, p)} for p in plaatsinhoud.plaatsen_van_jaar(model, j)]
    return uit


def _plaats(model: Model, plaats: str) -> str:
    """A place page in the search: what the place is and where it lies ("straat in De Akkers
    in Beekdorp"), never the commitments it lists, which are found on their own pages."""
    keten = [model.plaatsen[p] for p in plaatsinhoud.keten(model, plaats)]
    return _tekst(" in ".join([keten[0].soort, *(p.naam for p in keten[1:])]))


@dataclass(frozen=True)
class VastePagina:
    """A hand-written page as the search knows it."""
    url: str
    titel: str
    tekst: str  # plain text (platte_tekst)
    gewicht: float = 1.0  # front matter `search: boost`: a page about the site ranks lower


class _Tekst(HTMLParser):
    """The text of HTML, without elements marked data-search-exclude (examples, notes)."""
    LEEG = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.delen: list[str] = []
        self._diepte = 0  # > 0 inside an excluded element

    def handle_starttag(self, tag, attrs):
        if tag in self.LEEG:
            return
        if self._diepte or any(naam == "data-search-exclude" for naam, _ in attrs):
            self._diepte += 1

    def handle_endtag(self, tag):
        if self._diepte and tag not in self.LEEG:
            self._diepte -= 1
        self.delen.append(" ")

    def handle_data(self, data):
        if not self._diepte:
            self.delen.append(data)


def platte_tekst(html: str) -> str:
    lezer = _Tekst()
    lezer.feed(html)
    lezer.close()
    return tekstregels.vouw("".join(lezer.delen))


def site_documenten(model: Model, vaste_paginas: list[VastePagina]) -> list[dict]:
    """The fixed pages, and each term of the glossary on its own."""
    uit = [{"u": p.url, "t": p.titel, "s": "pagina", "x": _tekst(p.tekst), **({"b": p.gewicht} if p.gewicht != 1 else {})}
           for p in vaste_paginas]
    uit += [{"u": f"begrippen/#{b.id}", "t": b.term, "s": "begrip", "x": _tekst(b.uitleg)}
            for b in model.begrippen.values()]
    return uit


def _json(waarde) -> bytes:
    return json.dumps(waarde, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def bestanden(model: Model, vaste_paginas: list[VastePagina]) -> dict[str, bytes]:
    """Every search file by its path in the site."""
    uit = {jaarbestand(j): _json(jaar_documenten(model, j)) for j in model.jaren}
    uit[SITE] = _json(site_documenten(model, vaste_paginas))
    uit[JAREN] = _json(sorted(model.jaren, reverse=True))
    return uit
