"""The change log as Atom feeds (RFC 4287): /wijzigingen.xml for the whole site and
/<jaar>/wijzigingen.xml per year. Plain Python and xml.etree, no MkDocs or Jinja.

A feed is the same bytes for the same data and address: its `updated` is the newest
entry's date (never the time of the build), and every entry is one progress entry.

Ids. An entry's id is the permanent address of its anchor on its commitment's page
(`https://<site>/<jaar>/afspraken/<n>/#voortgang-<nummer>`). That address is built from
the entry's own stable id (Voortgang.id: year and number, never renumbered) and from the
public URLs the project promises never to change (DESIGN.md); it is the address citations
and the open data already use, so a reader can open it, and the same entry has the same id
in the site-wide feed and in its year's feed. A feed's id is the permanent address of the
page it mirrors (/wijzigingen/ or /<jaar>/wijzigingen/).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from ..gegevens.model import Model
from . import adressen, wijzigingslog
from .opmaak import datum as datumtekst, doelnaam, getal, hoeveelheid

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# An empty feed with no signed year at all still needs a fixed `updated`.
BEGIN = "1970-01-01"


def tijd(dag: str) -> str:
    """A date (YYYY-MM-DD) as an RFC 3339 date-time, as Atom requires: the start of that day."""
    return f"{dag}T00:00:00Z"


def titel(w: wijzigingslog.Wijziging) -> str:
    return f"Afspraak {w.afspraak.nummer} ({w.afspraak.jaar}): {w.afspraak.titel}: {statuszin(w)}"


def statuszin(w: wijzigingslog.Wijziging) -> str:
    """'van loopt naar deels gerealiseerd', or 'blijft loopt' when the status stays."""
    if w.van == w.naar:
        return f"blijft {w.naar.naam}"
    return f"van {w.van.naam} naar {w.naar.naam}"


def samenvatting(model: Model, w: wijzigingslog.Wijziging) -> str:
    """The change in plain text, as the change page says it."""
    r = w.regel
    delen = [f"Nieuwe stand: {r.status_.naam} (stand op {datumtekst(r.peildatum)}).", r.toelichting]
    if r.reden:
        delen.append(f"Reden: {r.reden}")
    if w.gecorrigeerd:
        delen.append(f"Corrigeert de regel van {datumtekst(w.gecorrigeerd.vastgelegd)}.")
    for rij in w.waarden:
        plaats = model.plaatsen[rij.doel.plaats].naam if rij.doel.plaats else None
        voorlopig = " (voorlopig)" if rij.waarde.voorlopig else ""
        methode = f", {rij.waarde.methode}" if rij.waarde.methode else ""
        delen.append(f"Gerealiseerd: {doelnaam(rij.doel, plaats)}: "
                     f"{getal(rij.waarde.aantal)} {rij.waarde.eenheid}{voorlopig}{methode} "
                     f"(afgesproken: {hoeveelheid(rij.doel)}).")
    return " ".join(delen)


def _leeg_bijgewerkt(model: Model, jaren: list[int]) -> str:
    """`updated` of a feed without entries: fixed by the data, never the build time. The
    newest signing date of its years; else the first day of its newest year."""
    getekend = [model.jaren[j].ondertekening.datum for j in jaren if model.jaren[j].ondertekening]
    return max(getekend, default=f"{max(jaren)}-01-01" if jaren else BEGIN)


def _sub(ouder: ET.Element, naam: str, tekst: str | None = None, **attributen: str) -> ET.Element:
    element = ET.SubElement(ouder, naam, attributen)
    if tekst is not None:
        element.text = tekst
    return element


def feed(model: Model, site_url: str, jaar: int | None = None) -> bytes:
    """The Atom feed of the whole site (`jaar` None) or of one year, as UTF-8 XML."""
    # the site-wide feed holds the newest, as its page does: a feed need not hold the past
    wijzigingen = wijzigingslog.recent(model) if jaar is None else wijzigingslog.van_jaar(model, jaar)
    jaren = list(model.jaren) if jaar is None else [jaar]
    sitenaam = model.gemeente.sitenaam
    pagina = adressen.volledig_adres(site_url, adressen.wijzigingen_url(jaar))

    root = ET.Element("feed", {"xmlns": ATOM, XML_LANG: "nl"})
    _sub(root, "id", pagina)
    _sub(root, "title", f"Wijzigingen in de voortgang{'' if jaar is None else f' van {jaar}'} – {sitenaam}")
    _sub(root, "subtitle", "Wat er is vastgelegd over hoe ver de prestatieafspraken zijn: nieuwe stand, "
                           "gerealiseerde aantallen en correcties.")
    _sub(root, "updated", tijd(max((w.datum for w in wijzigingen), default=_leeg_bijgewerkt(model, jaren))))
    auteur = _sub(root, "author")
    _sub(auteur, "name", sitenaam)
    _sub(root, "link", rel="self", type="application/atom+xml",
         href=adressen.volledig_adres(site_url, adressen.feed_url(jaar)))
    _sub(root, "link", rel="alternate", type="text/html", href=pagina)
    for w in wijzigingen:
        adres = adressen.volledig_adres(site_url, w.url)
        entry = _sub(root, "entry")
        _sub(entry, "id", adres)
        _sub(entry, "title", titel(w))
        _sub(entry, "published", tijd(w.datum))
        _sub(entry, "updated", tijd(w.datum))  # entries are appended, never edited
        _sub(entry, "link", rel="alternate", type="text/html", href=adres)
        _sub(entry, "summary", samenvatting(model, w), type="text")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def bestanden(model: Model, site_url: str) -> dict[str, bytes]:
    """Every feed, by its path relative to the site."""
    uit = {adressen.feed_url(): feed(model, site_url)}
    for jaar in sorted(model.jaren, reverse=True):
        uit[adressen.feed_url(jaar)] = feed(model, site_url, jaar)
    return uit
