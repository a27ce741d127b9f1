"""What a built site weighs: pages, bytes, the search index, and whether it indexes a
commitment's text on any page but its own."""
from __future__ import annotations

import bisect
import gzip
import html
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from macros.gegevens.model import GAT, Model
from macros.paginas.adressen import afspraak_url

ZOEKINDEX = "search/search_index.json"
SCHEIDING = "\x00"  # between documents when the index is searched as one text


@dataclass(frozen=True)
class Gewicht:
    paginas: int  # HTML files
    site_bytes: int  # every file of the site
    afspraakpagina_bytes: int
    themapagina_bytes: int
    zoekindex_bytes: int
    zoekindex_gzip_bytes: int

    def als_dict(self) -> dict:
        return asdict(self)


def html_bytes(site: Path, url: str) -> int:
    return (site / url / "index.html").stat().st_size


def weeg(site: Path, afspraakpagina: str, themapagina: str) -> Gewicht:
    """The weight of the site in `site`; the two page URLs are the examples measured."""
    bestanden = [p for p in site.rglob("*") if p.is_file()]
    index = (site / ZOEKINDEX).read_bytes()
    return Gewicht(
        paginas=sum(p.suffix == ".html" for p in bestanden),
        site_bytes=sum(p.stat().st_size for p in bestanden),
        afspraakpagina_bytes=html_bytes(site, afspraakpagina),
        themapagina_bytes=html_bytes(site, themapagina),
        zoekindex_bytes=len(index),
        zoekindex_gzip_bytes=len(gzip.compress(index, mtime=0)),  # as a web server sends it
    )


def _normaal(tekst: str) -> str:
    return " ".join(tekst.split())


def kenmerk(tekst: str) -> str:
    """A commitment's longest paragraph of signed text, as the index holds it (HTML-escaped).

    A whole paragraph, not a few words: synthetic texts come from a Markov chain over
    the real ones, so short stretches recur in other texts by chance.
    """
    alinea = max((a for deel in tekst.split(GAT) for a in deel.split("\n\n")), key=len)
    return html.escape(_normaal(alinea), quote=False)


def dubbel_in_index(site: Path, model: Model) -> list[str]:
    """Commitments whose text the index holds anywhere but on their own page, or nowhere.

    Aggregate pages (theme, party, overview, full text) repeat commitment texts; when
    the index held them there too, every search would list a commitment twice.
    """
    docs = json.loads((site / ZOEKINDEX).read_text(encoding="utf-8"))["docs"]
    plekken = [d["location"].split("#")[0] for d in docs]
    alles = SCHEIDING.join(_normaal(d["text"]) for d in docs)
    begin, som = [], 0  # where each document starts in `alles`
    for d in docs:
        begin.append(som)
        som += len(_normaal(d["text"])) + len(SCHEIDING)
    fout = []
    for a in model.afspraken:
        stuk, waar, i = kenmerk(a.tekst), set(), 0
        while stuk and (i := alles.find(stuk, i)) >= 0:
            waar.add(plekken[bisect.bisect_right(begin, i) - 1])
            i += 1
        if waar != {afspraak_url(a.id)}:
            fout.append(f"{a.id}: {', '.join(sorted(waar - {afspraak_url(a.id)})) or 'niet gevonden'}")
    return fout
