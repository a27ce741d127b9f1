"""What a built site weighs: pages, bytes, the search data a phone downloads, and whether
the search data holds a commitment's text anywhere but at its own page."""
from __future__ import annotations

import bisect
import gzip
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from macros.gegevens.model import MARKERINGEN, Model
from macros.paginas import zoekindex
from macros.paginas.adressen import afspraak_url

SCHEIDING = "\x00"  # between documents when the search data is searched as one text


@dataclass(frozen=True)
class Gewicht:
    paginas: int  # HTML files
    site_bytes: int  # every file of the site
    afspraakpagina_bytes: int
    themapagina_bytes: int
    zoekdata_bytes: int  # what one search on a page of the newest year downloads
    zoekdata_gzip_bytes: int  # ... as a web server sends it
    zoekdata_alle_jaren_bytes: int  # every year's search file (only on request)

    def als_dict(self) -> dict:
        return asdict(self)


def html_bytes(site: Path, url: str) -> int:
    return (site / url / "index.html").stat().st_size


def weeg(site: Path, afspraakpagina: str, themapagina: str) -> Gewicht:
    """The weight of the site in `site`; the two page URLs are the examples measured."""
    bestanden = [p for p in site.rglob("*") if p.is_file()]
    jaren = json.loads((site / zoekindex.JAREN).read_text(encoding="utf-8"))
    per_zoekopdracht = [site / zoekindex.SITE, site / zoekindex.jaarbestand(max(jaren))]
    index = b"".join(p.read_bytes() for p in per_zoekopdracht)
    return Gewicht(
        paginas=sum(p.suffix == ".html" for p in bestanden),
        site_bytes=sum(p.stat().st_size for p in bestanden),
        afspraakpagina_bytes=html_bytes(site, afspraakpagina),
        themapagina_bytes=html_bytes(site, themapagina),
        zoekdata_bytes=len(index),
        zoekdata_gzip_bytes=sum(len(gzip.compress(p.read_bytes(), mtime=0)) for p in per_zoekopdracht),
        zoekdata_alle_jaren_bytes=sum((site / zoekindex.jaarbestand(j)).stat().st_size for j in jaren),
    )


def _normaal(tekst: str) -> str:
    return " ".join(tekst.split())


def kenmerk(tekst: str) -> str:
    """A commitment's longest paragraph of signed text, as the search data holds it.

    A whole paragraph, not a few words: synthetic texts come from a Markov chain over
    the real ones, so short stretches recur in other texts by chance.
    """
    stukken = re.split("|".join(map(re.escape, MARKERINGEN)), tekst)  # the marks show otherwise
    alinea = max((a for deel in stukken for a in deel.split("\n\n")), key=len)
    return _normaal(alinea)


def dubbel_in_index(site: Path, model: Model) -> list[str]:
    """Commitments whose text the search data holds anywhere but at their own page, or nowhere.

    Aggregate pages (theme, party, overview, full text) repeat commitment texts; when
    the search held them there too, every search would list a commitment twice.
    """
    bestanden = [zoekindex.SITE, *(zoekindex.jaarbestand(j) for j in model.jaren)]
    docs = [d for b in bestanden for d in json.loads((site / b).read_text(encoding="utf-8"))]
    plekken = [d["u"].split("#")[0] for d in docs]
    alles = SCHEIDING.join(_normaal(d["x"]) for d in docs)
    begin, som = [], 0  # where each document starts in `alles`
    for d in docs:
        begin.append(som)
        som += len(_normaal(d["x"])) + len(SCHEIDING)
    fout = []
    for a in model.afspraken:
        stuk, waar, i = kenmerk(a.tekst), set(), 0
        while stuk and (i := alles.find(stuk, i)) >= 0:
            waar.add(plekken[bisect.bisect_right(begin, i) - 1])
            i += 1
        if waar != {afspraak_url(a.id)}:
            fout.append(f"{a.id}: {', '.join(sorted(waar - {afspraak_url(a.id)})) or 'niet gevonden'}")
    return fout
