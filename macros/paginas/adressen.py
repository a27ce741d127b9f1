"""The public addresses of the generated pages and the open data.

Plain Python, no MkDocs. The public URLs are fixed in DESIGN.md and never change once
published; every function that names an address lives here, so templates, the page
table (soorten.py), the navigation and the exports agree on them.
"""
from __future__ import annotations

import posixpath


def jaar_url(jaar: int) -> str:
    return f"{jaar}/"


def thema_url(jaar: int, thema: str) -> str:
    return f"{jaar}/themas/{thema}/"


def partij_url(jaar: int, partij: str) -> str:
    return f"{jaar}/partijen/{partij}/"


def plaats_url(jaar: int, plaats: str) -> str:
    return f"{jaar}/plaatsen/{plaats}/"


def overzicht_url(jaar: int) -> str:
    return f"{jaar}/afspraken/"


def afspraak_url(afspraak_id: str) -> str:
    jaar, nummer = afspraak_id.split("-")
    return f"{jaar}/afspraken/{nummer}/"


def volledige_tekst_url(jaar: int) -> str:
    return f"{jaar}/volledige-tekst/"


def toetsbaarheid_url(jaar: int) -> str:
    return f"{jaar}/toetsbaarheid/"


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


def bestandsnaam(url: str) -> str:
    """The file name MkDocs gets for a page at `url`; both forms give exactly that URL.

    Only a year's own page is an index.md: with `navigation.indexes`, Material makes an
    index.md that comes first in a section the section's own page.
    """
    return url + "index.md" if url.count("/") == 1 else url.rstrip("/") + ".md"


def voortgang_export_url(jaar: int, formaat: str) -> str:
    """A year's progress entries in the open data (csv in the columns the import reads)."""
    return f"{jaar}/voortgang.{formaat}"


# --- the change log and its feeds (wijzigingslog.py, feed.py) ---------------------------

def wijzigingen_url(jaar: int | None = None) -> str:
    """The change log: of the whole site (a fixed page), or of one year (a generated page)."""
    return "wijzigingen/" if jaar is None else f"{jaar}/wijzigingen/"


def feed_url(jaar: int | None = None) -> str:
    """The Atom feed of the change log, of the whole site or of one year."""
    return "wijzigingen.xml" if jaar is None else f"{jaar}/wijzigingen.xml"


def voortgang_url(regel) -> str:
    """A progress entry's anchor on its commitment's page (`regel` is a Voortgang)."""
    return f"{afspraak_url(regel.afspraak)}#{regel.anker}"
