"""The change log as Atom feeds (RFC 4287): /wijzigingen.xml and /<jaar>/wijzigingen.xml.

Proven on built sites: each feed parses as XML in the Atom namespace and has what RFC 4287
requires (feed: id, title, updated, author, link rel=self; entry: id, title, updated,
link), one entry per progress entry (the year's feed only its year's), ids unique and
stable (a second build from a copy gives the same bytes; `updated` is the data's, never
the build's time), and every page's head announces the site's feed, a year's pages also
their year's. Without progress the feeds are valid and empty. Under `make serve` (dirty
builds) a new entry reaches the feeds exactly as a full build writes them.
"""
from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from macros.gegevens.model import Model
from macros.paginas import adressen, feed

from conftest import bouw_zonder_waarschuwing, projectkopie
from test_site import SITE_URL, html_paginas, pagina

A = "{http://www.w3.org/2005/Atom}"


def lees(site: Path, jaar: int | None = None) -> ET.Element:
    wortel = ET.fromstring((site / adressen.feed_url(jaar)).read_bytes())
    assert wortel.tag == A + "feed"
    return wortel


def links(element: ET.Element) -> dict[str, str]:
    return {l.get("rel", "alternate"): l.get("href") for l in element.findall(A + "link")}


def regels(model: Model, jaar: int | None = None) -> list:
    return [r for j, data in model.jaren.items() if jaar in (None, j) for r in data.voortgang]


def controleer(wortel: ET.Element, jaar: int | None) -> list[ET.Element]:
    """What RFC 4287 requires of a feed and its entries; returns the entries."""
    for naam in ("id", "title", "updated"):
        assert (wortel.findtext(A + naam) or "").strip(), naam
    assert wortel.find(f"{A}author/{A}name").text.strip()
    assert links(wortel)["self"] == adressen.volledig_adres(SITE_URL, adressen.feed_url(jaar))
    assert links(wortel)["alternate"] == adressen.volledig_adres(SITE_URL, adressen.wijzigingen_url(jaar))
    entries = wortel.findall(A + "entry")
    for e in entries:
        for naam in ("id", "title", "updated", "published"):
            assert (e.findtext(A + naam) or "").strip(), naam
        assert links(e)["alternate"].startswith(SITE_URL)
        assert e.find(A + "summary").get("type") == "text"
    ids = [e.findtext(A + "id") for e in entries]
    assert len(set(ids)) == len(ids)
    return entries


def test_feeds_van_de_site_en_elk_jaar(site_gevolgd, gevolgd):
    alle = controleer(lees(site_gevolgd), None)
    assert len(alle) == len(regels(gevolgd))
    verwacht = sorted(regels(gevolgd), key=lambda r: (r.vastgelegd, r.jaar, r.nummer), reverse=True)
    # the entry's id is the permanent address of its anchor on the commitment's page
    assert [e.findtext(A + "id") for e in alle] == [
        adressen.volledig_adres(SITE_URL, adressen.voortgang_url(r)) for r in verwacht]
    assert [e.findtext(A + "updated") for e in alle] == [f"{r.vastgelegd}T00:00:00Z" for r in verwacht]
    # the feed's `updated` is its newest entry's
    assert lees(site_gevolgd).findtext(A + "updated") == f"{verwacht[0].vastgelegd}T00:00:00Z"
    for jaar in gevolgd.jaren:
        entries = controleer(lees(site_gevolgd, jaar), jaar)
        assert sorted(e.findtext(A + "id") for e in entries) == sorted(
            adressen.volledig_adres(SITE_URL, adressen.voortgang_url(r)) for r in regels(gevolgd, jaar))


def test_een_entry_zegt_wat_er_veranderde(site_gevolgd, gevolgd):
    (r7,) = [r for r in gevolgd.jaren[2021].voortgang if r.nummer == 7]
    (r8,) = [r for r in gevolgd.jaren[2021].voortgang if r.nummer == 8]
    per_id = {e.findtext(A + "id"): e for e in lees(site_gevolgd, 2021).findall(A + "entry")}
    zeven = per_id[adressen.volledig_adres(SITE_URL, adressen.voortgang_url(r7))]
    assert zeven.findtext(A + "title").endswith("van loopt naar deels gerealiseerd")
    assert r7.toelichting in zeven.findtext(A + "summary")
    acht = per_id[adressen.volledig_adres(SITE_URL, adressen.voortgang_url(r8))]
    assert "Corrigeert de regel van 20 mei 2022." in acht.findtext(A + "summary")


def test_zelfde_gegevens_zelfde_bytes(site_gevolgd, gevolgd, tmp_path):
    """A second build from a copy writes the same feeds, byte for byte: nothing depends on
    the time of the build or the folder."""
    tweede = bouw_zonder_waarschuwing(projectkopie(tmp_path / "project", "gevolgd"), tmp_path / "site")
    for jaar in (None, *gevolgd.jaren):
        pad = adressen.feed_url(jaar)
        assert (tweede / pad).read_bytes() == (site_gevolgd / pad).read_bytes(), pad
    assert feed.bestanden(gevolgd, SITE_URL) == feed.bestanden(gevolgd, SITE_URL)


@pytest.mark.parametrize("naam, model", [("site_een_jaar", "een_jaar"), ("site", "echt")])
def test_feeds_zijn_geldig_ook_zonder_voortgang(naam, model, request):
    """For any data; without entries (een-jaar, the live data today) a feed is empty and its
    `updated` is fixed by the data: the newest signing date, else the first day of the year."""
    site, m = request.getfixturevalue(naam), request.getfixturevalue(model)
    assert len(controleer(lees(site), None)) == min(len(regels(m)), 50)
    for jaar in m.jaren:
        wortel = lees(site, jaar)
        assert len(controleer(wortel, jaar)) == len(regels(m, jaar))
        if not regels(m, jaar):
            j = m.jaren[jaar]
            assert wortel.findtext(A + "updated") == (
                f"{j.ondertekening.datum if j.ondertekening else f'{jaar}-01-01'}T00:00:00Z")


def test_leeg_en_zonder_jaren_toch_een_vaste_datum(een_jaar):
    wortel = ET.fromstring(feed.feed(een_jaar, "https://voorbeeld.example/pa/"))
    assert wortel.findtext(A + "updated") == f"{een_jaar.jaren[2030].ondertekening.datum}T00:00:00Z"
    assert wortel.findall(A + "entry") == []
    assert links(wortel)["self"] == "https://voorbeeld.example/pa/wijzigingen.xml"


def _feedlinks(soep) -> list[str]:
    return [l["href"] for l in soep.select('head link[rel=alternate][type="application/atom+xml"]')]


@pytest.mark.parametrize("naam", ["site_gevolgd", "site_een_jaar"])
def test_elke_pagina_kondigt_de_feeds_aan(naam, request):
    """Every page's head links the site's feed, relatively (it works under a sub-path);
    the pages of a year also link that year's feed."""
    site = request.getfixturevalue(naam)
    for url in (u for u in html_paginas(site) if u != "404.html"):
        hrefs = _feedlinks(pagina(site, url))
        map_ = url if url.endswith("/") or not url else posixpath.dirname(url) + "/"
        doelen = [posixpath.normpath(posixpath.join(map_, h)) for h in hrefs]
        assert not any(h.startswith(("/", "http")) for h in hrefs), url
        assert doelen[0] == "wijzigingen.xml", url
        jaar = url.split("/")[0]
        if jaar.isdigit():
            assert doelen[1:] == [f"{jaar}/wijzigingen.xml"], url
        else:
            assert doelen[1:] == [], url
        assert all((site / d).is_file() for d in doelen), url


# --- make serve ----------------------------------------------------------------------------

from test_bouw import _serve_build, _zelfde_site, serve  # noqa: E402,F401  (the fixture too)

NIEUWE_REGEL = """# yaml-language-server: $schema=../schema/voortgang.schema.json
jaar: 2031
voortgang:
  - nummer: 1
    afspraak: "2031-1"
    peildatum: "2025-12-31"
    vastgelegd: "2026-01-05"
    status: nog-niet-beoordeeld
    toelichting: Er is nog niets bekend.
    beoordeeld_door: redactie
"""


def test_make_serve_schrijft_de_feeds_en_de_paginas_zoals_een_volledige_build(serve, tmp_path):
    project, site = serve
    _serve_build(project, site)
    (project / "data/2031/voortgang.yaml").write_text(NIEUWE_REGEL, encoding="utf-8")
    gebouwd = _serve_build(project, site)
    assert "2031/wijzigingen/" in gebouwd and "wijzigingen/" in gebouwd
    assert len(ET.fromstring((site / "2031/wijzigingen.xml").read_bytes()).findall(A + "entry")) == 1
    _zelfde_site(site, bouw_zonder_waarschuwing(project, tmp_path / "volledig"))
