"""The generated pages and their addresses: a pure function of the model.

Plain Python, no MkDocs. The public URLs are fixed in DESIGN.md and never change once
published; every function that names an address lives here, so templates, the page
list, the navigation and the exports agree on them.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..gegevens.model import Model

# Page types; each has a template `<soort>.html` in macros/paginas/templates/.
JAAR, THEMA, PARTIJ, AFSPRAAK, OVERZICHT, VOLLEDIGE_TEKST = (
    "jaar", "thema", "partij", "afspraak", "overzicht", "volledige-tekst")


def jaar_url(jaar: int) -> str:
    return f"{jaar}/"


def thema_url(jaar: int, thema: str) -> str:
    return f"{jaar}/themas/{thema}/"


def partij_url(jaar: int, partij: str) -> str:
    return f"{jaar}/partijen/{partij}/"


def overzicht_url(jaar: int) -> str:
    return f"{jaar}/afspraken/"


def afspraak_url(afspraak_id: str) -> str:
    jaar, nummer = afspraak_id.split("-")
    return f"{jaar}/afspraken/{nummer}/"


def volledige_tekst_url(jaar: int) -> str:
    return f"{jaar}/volledige-tekst/"


def export_url(jaar: int, formaat: str) -> str:
    return f"{jaar}/afspraken.{formaat}"


def volledig_adres(site_url: str, pad: str) -> str:
    """A site-relative path as a full address under `site_url` (site_url in mkdocs.yml)."""
    return f"{site_url.rstrip('/')}/{pad}"


def permanent_adres(site_url: str, afspraak_id: str) -> str:
    """The permanent address of a commitment, in full: in citations and in the open data.
    (`afspraak_url` is its page's path within the site.)"""
    return volledig_adres(site_url, afspraak_url(afspraak_id))


def relatief(van: str, naar: str) -> str:
    """The link from page `van` to `naar` (both site-relative, directory URLs end in /).

    Every internal link is relative, so the site works under any sub-path.
    """
    pad, hekje, anker = naar.partition("#")
    map_van = van if van.endswith("/") or not van else posixpath.dirname(van) + "/"
    # Plain string work, not posixpath.relpath: it runs for every link of every page,
    # and both sides are already clean site-relative paths.
    van_delen = [d for d in map_van.split("/") if d]
    naar_delen = pad.split("/")  # a folder ends in "": "2024/" is ["2024", ""]
    gemeen = 0
    while gemeen < min(len(van_delen), len(naar_delen) - 1) and van_delen[gemeen] == naar_delen[gemeen]:
        gemeen += 1
    link = "/".join([".."] * (len(van_delen) - gemeen) + naar_delen[gemeen:])
    return (link or "./") + hekje + anker


@dataclass(frozen=True)
class Pagina:
    soort: str
    jaar: int
    sleutel: str  # the id the page is about: a year, theme, party or commitment id
    url: str
    in_nav: bool  # commitment pages are left out: the nav is rendered into every page

    @property
    def bron(self) -> str:
        return bron(self.url)


def bron(url: str) -> str:
    """The file name MkDocs gets for a page at `url`; both forms give exactly that URL.

    Only a year's own page is an index.md: with `navigation.indexes`, Material makes an
    index.md that comes first in a section the section's own page.
    """
    return url + "index.md" if url.count("/") == 1 else url.rstrip("/") + ".md"


def paginas(model: Model) -> tuple[Pagina, ...]:
    """Every generated page, newest year first, each year in reading order."""
    lijst: list[Pagina] = []
    for jaar in sorted(model.jaren, reverse=True):
        j = model.jaren[jaar]
        lijst.append(Pagina(JAAR, jaar, str(jaar), jaar_url(jaar), True))
        lijst.append(Pagina(OVERZICHT, jaar, str(jaar), overzicht_url(jaar), True))
        lijst += [Pagina(THEMA, jaar, t.thema, thema_url(jaar, t.thema), True) for t in j.themas]
        lijst += [Pagina(PARTIJ, jaar, p, partij_url(jaar, p), True) for p in model.partijen]
        lijst.append(Pagina(VOLLEDIGE_TEKST, jaar, str(jaar), volledige_tekst_url(jaar), True))
        lijst += [Pagina(AFSPRAAK, jaar, a.id, afspraak_url(a.id), False) for a in j.afspraken]
    return tuple(lijst)


def navigatie(model: Model) -> list[dict]:
    """The navigation entries of all years (newest first) in MkDocs' `nav` shape.

    Titles are plain text from the data; the caller escapes them, because the theme
    writes navigation titles into the HTML unescaped.
    """
    secties = []
    for jaar in sorted(model.jaren, reverse=True):
        j = model.jaren[jaar]
        secties.append({str(jaar): [
            bron(jaar_url(jaar)),
            {"Alle afspraken": bron(overzicht_url(jaar))},
            {"Thema's": [{model.themas[t.thema].naam: bron(thema_url(jaar, t.thema))}
                         for t in j.themas]},
            {"Partijen": [{p.naam: bron(partij_url(jaar, p.id))} for p in model.partijen.values()]},
            {"Volledige tekst": bron(volledige_tekst_url(jaar))},
        ]})
    return secties
