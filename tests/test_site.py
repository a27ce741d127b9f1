"""The built site, read with a real HTML parser: what a reader finds on each page type.

Two kinds of tests. What every page type shows is tested on the fictional fixture sites
(`site_een_jaar`, `site_twee_jaren`, `site_andere_gemeente`, tests/fixtures/), with
expected values from their models. What holds for any valid data (every page is Dutch,
every link resolves, every commitment has one page and one search entry...) is also
tested on the live site (`site`), with every expected value taken from its model.
"""
from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
import sys
from functools import cache
from html import unescape
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import BEKEND, FIXTURES, PROJECT, bouw, bouw_zonder_waarschuwing, projectkopie
from macros.gegevens import bronteksten as bron
from macros.gegevens.laden import laad
from macros.gegevens.model import GAT, SIC, Afspraak, Model
from macros.gereedschap.siteadres import lees_site_url
from macros.paginas.opmaak import termijntekst
from macros.paginas import redactie
from macros.paginas.tekst import zoals_getoond

SITE_URL = lees_site_url(PROJECT / "mkdocs.yml")
NIET_ONDERTEKEND = "Deze jaarschijf is nog niet ondertekend."
# Each built site and the fixture holding its model.
MODEL_VAN = {"site": "echt", "site_een_jaar": "een_jaar", "site_twee_jaren": "twee_jaren",
             "site_andere_gemeente": "andere_gemeente", "site_gevolgd": "gevolgd"}


class Gebouwd(NamedTuple):
    map: Path  # the built site
    model: Model  # the data it was built from


def gebouwd(request) -> Gebouwd:
    return Gebouwd(request.getfixturevalue(request.param), request.getfixturevalue(MODEL_VAN[request.param]))


@pytest.fixture(params=list(MODEL_VAN))
def elke_site(request) -> Gebouwd:
    """The live site and every fixture site: for what holds for any valid data."""
    return gebouwd(request)


@pytest.fixture
def fixturesite(request) -> Gebouwd:
    """The fixture site named by indirect parametrization (MEER_JAREN)."""
    return gebouwd(request)


# The fixture sites with more than one year, and lineage between them.
MEER_JAREN = pytest.mark.parametrize("fixturesite", ["site_twee_jaren", "site_andere_gemeente"], indirect=True)


@pytest.fixture
def een_jaar_site(site_een_jaar, een_jaar) -> Gebouwd:
    return Gebouwd(site_een_jaar, een_jaar)


@cache
def _lees(pad: Path) -> BeautifulSoup:
    return BeautifulSoup(pad.read_text(encoding="utf-8"), "html.parser")


def pagina(site: Path, url: str) -> BeautifulSoup:
    """The page at site-relative `url` ('' is the home page, directory URLs end in /)."""
    return _lees(site / url / "index.html" if url == "" or url.endswith("/") else site / url)


def inhoud(soep: BeautifulSoup):
    return soep.select_one("article.md-content__inner")


def tekst(element) -> str:
    """The text as a reader reads it, whitespace collapsed."""
    return " ".join(element.get_text().split())


def links_naar(element, site_url: str) -> list[str]:
    """The site-relative targets of the links in `element`, on the page at `site_url`."""
    return [doel(site_url, a["href"]) for a in element.select("a[href]")
            if not a["href"].startswith(("http:", "https:", "mailto:", "#"))]


def doel(van: str, href: str) -> str:
    pad = urlsplit(href).path
    return posixpath.normpath(posixpath.join(van, unquote(pad))).lstrip("./") + ("/" if pad.endswith("/") else "")


def bestand(site: Path, url: str) -> Path:
    return site / (url if url.endswith(".html") else url + "index.html")


def html_paginas(site: Path) -> list[str]:
    """Every HTML page as a site-relative URL ('' for the home page)."""
    urls = (str(p.relative_to(site).parent) + "/" if p.name == "index.html" else str(p.relative_to(site))
            for p in site.rglob("*.html"))
    return sorted("" if u == "./" else u for u in urls)


def adres(a: Afspraak) -> str:
    return f"{a.jaar}/afspraken/{a.nummer}/"


def opsomming(namen: list[str]) -> str:
    """Names as the site lists them: 'A', 'A en B', 'A, B en C'."""
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]


def noemt(tekst_: str, woord: str) -> bool:
    """Whether `woord` occurs in `tekst_` as a whole word."""
    return re.search(rf"\b{re.escape(woord)}\b", tekst_) is not None


def menu(soep: BeautifulSoup) -> list[str]:
    """The top-level entries of the navigation, as a reader sees their names."""
    lijst = soep.select_one("nav.md-nav--primary > ul.md-nav__list")
    return [" ".join(li.find(["a", "label"]).get_text().split()) for li in lijst.find_all("li", recursive=False)]


def wijzig_yaml(pad: Path, wijziging) -> None:
    """Apply `wijziging` to the parsed data file; its leading comment lines stay."""
    oud = pad.read_text(encoding="utf-8")
    kop = "".join(r for r in oud.splitlines(keepends=True) if r.startswith("#"))
    gegevens = yaml.safe_load(oud)
    wijziging(gegevens)
    pad.write_text(kop + yaml.safe_dump(gegevens, allow_unicode=True, sort_keys=False), encoding="utf-8")


# --- every page (any data) ----------------------------------------------------------------

def test_elke_pagina_is_nederlands_en_heeft_een_titel(elke_site):
    for url in html_paginas(elke_site.map):
        soep = pagina(elke_site.map, url)
        assert soep.html["lang"] == "nl", url
        assert len(soep.select("h1")) == 1, url


def test_zoeken_op_elke_pagina_met_naam_en_eigen_jaar(elke_site):
    """Every page has the search: a named panel (a dialog needs a name for screen readers),
    a labelled field, and the year whose search data it loads: its own, or else the newest
    year with commitments."""
    site, model = elke_site
    nieuwste = max(j.jaar for j in model.jaren.values() if j.afspraken)
    for url in html_paginas(site):
        if url.endswith(".html"):
            continue
        soep = pagina(site, url)
        paneel = soep.select_one('#pa-zoekpaneel[role="dialog"]')
        assert paneel["aria-label"] == "Zoeken", url
        assert soep.select_one('label[for="pa-zoekvraag"]').get_text(strip=True), url
        jaar = re.match(r"(\d{4})/", url)
        assert soep.select_one("[data-pa-zoeken]")["data-jaar"] == (jaar.group(1) if jaar else str(nieuwste)), url
    assert not (site / "search").exists()  # Material's whole-site index is gone


def test_elke_interne_link_is_relatief_en_bestaat(elke_site):
    """Relative links keep working under a sub-path; none points to a missing page or anchor."""
    site = elke_site.map
    fouten = []
    # 404.html is served at any missing address, so MkDocs gives it links from the root of
    # site_url (set to the sub-path when publishing); every other page links relatively.
    for url in (u for u in html_paginas(site) if u != "404.html"):
        soep = pagina(site, url)
        for element in soep.select("a[href], link[href], script[src], img[src]"):
            href = element.get("href") or element.get("src")
            if href.startswith(("http:", "https:", "mailto:")):
                continue
            if href.startswith("/"):
                fouten.append(f"{url}: absolute link {href}")
                continue
            deel = urlsplit(href)
            map_ = url if url.endswith("/") or not url else posixpath.dirname(url) + "/"
            pad = posixpath.normpath(posixpath.join(map_, unquote(deel.path))) if deel.path else url.rstrip("/")
            gevonden = site / pad
            if gevonden.is_dir():
                gevonden = gevonden / "index.html"
            if not gevonden.exists():
                fouten.append(f"{url}: {href} bestaat niet")
            elif deel.fragment and gevonden.suffix == ".html" and not deel.fragment.startswith("__"):
                if _lees(gevonden).find(id=deel.fragment) is None:
                    fouten.append(f"{url}: anker {href} bestaat niet")
    assert fouten == []


def test_geen_externe_bronnen(elke_site):
    for url in html_paginas(elke_site.map):
        soep = pagina(elke_site.map, url)
        for element in soep.select("script[src], link[href], img[src], iframe, source[src]"):
            if element.name == "link" and "canonical" in element.get("rel", []):
                continue  # names the page's own address; browsers do not fetch it
            waarde = element.get("src") or element.get("href")
            assert not waarde.startswith(("http:", "https:", "//")), (url, waarde)


def test_paginas_zonder_inspringing(elke_site):
    """Built pages carry no indentation or blank lines of the theme's templates; whitespace
    inside pre, script, style and textarea is left alone."""
    bewaard = re.compile(r"<(pre|script|style|textarea)\b.*?</\1>", re.DOTALL)
    for url in html_paginas(elke_site.map):
        html = bewaard.sub("<bewaard>", bestand(elke_site.map, url).read_text(encoding="utf-8"))
        assert not re.search(r"\n[ \t]*\n|\n[ \t]+", html), url


# Elements that start a new line of text: words in two of them are never glued together.
BLOKKEN = {"p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "figcaption",
           "div", "section", "article", "nav", "ul", "ol", "dl", "table", "tr", "figure", "blockquote", "pre"}
# A character that ends a word or sentence, and one that starts a word.
EINDE_WOORD = re.compile(r"[\w.,;:!?)]$")
BEGIN_WOORD = re.compile(r"^\w")


def _blok(element):
    return next((o for o in element.parents if o.name in BLOKKEN), None)


def _zichtbaar(tekst_) -> bool:
    return type(tekst_).__name__ == "NavigableString" and tekst_.parent.name not in ("script", "style")


def verlijmde_links(element) -> list[str]:
    """Links glued to the word before or after them, as a reader sees it: 'vanaf 2024.Bekijk',
    'Afspraak 3</a>en'. Jinja's trim_blocks drops the line break after a block tag, which is
    how a space can go missing."""
    gevonden = []
    for a in element.select("a[href]"):
        linktekst = a.get_text()
        if not linktekst.strip():
            continue
        voor = a.find_previous(string=_zichtbaar)
        if voor is not None and _blok(voor) is _blok(a) and EINDE_WOORD.search(voor) and BEGIN_WOORD.search(linktekst):
            gevonden.append(f"…{voor[-20:]}[{linktekst[:20]}")
        laatste = list(a.descendants)[-1]
        na = laatste.find_next(string=_zichtbaar)
        if na is not None and _blok(na) is _blok(a) and re.search(r"[\w.,;:]$", linktekst) and BEGIN_WOORD.search(na):
            gevonden.append(f"{linktekst[-20:]}]{na[:20]}…")
    return gevonden


def test_geen_woorden_vastgeplakt_aan_een_link(elke_site):
    """No link is glued to the word before or after it, on any page."""
    fouten = {}
    for url in html_paginas(elke_site.map):
        if gevonden := verlijmde_links(inhoud(pagina(elke_site.map, url)) or pagina(elke_site.map, url)):
            fouten[url] = gevonden
    assert fouten == {}


def test_verlijmde_link_wordt_gevonden():
    soep = BeautifulSoup('<p>Geldig vanaf 2024.<a href="x/">Bekijk alle</a> of <a href="y/">lees</a>.</p>'
                         '<p><a href="z/">Afspraak 3</a>en <a href="w/">3.</a>Tekst</p>'
                         '<ul><li>Klaar.</li><li><a href="v/">Volgende</a></li></ul>', "html.parser")
    assert verlijmde_links(soep) == ["…Geldig vanaf 2024.[Bekijk alle", "Afspraak 3]en …", "3.]Tekst…"]


def test_geen_naam_twee_keer_tussen_haakjes(elke_site):
    """A name is never repeated in brackets, such as a document's maker after a title that
    already names it: 'Plan (Woonborg) (Woonborg)'."""
    fouten = {}
    for url in html_paginas(elke_site.map):
        tekst_ = tekst(inhoud(pagina(elke_site.map, url)) or pagina(elke_site.map, url))
        if dubbel := re.findall(r"\(([^()]+)\) \(\1\)", tekst_):
            fouten[url] = dubbel
    assert fouten == {}


def test_vaste_paginas_bestaan(elke_site):
    for url in ("over/", "toegankelijkheid/", "bijdragen/", "open-data/", "begrippen/"):
        assert pagina(elke_site.map, url).h1, url


def test_menu_toont_het_nieuwste_jaar_het_eigen_jaar_en_alle_jaren(elke_site):
    """The menu has one shape from the first year on: the newest year, the page's own year,
    then a link to all years on the home page, which lists them newest first."""
    site, model = elke_site
    nieuwste = str(max(model.jaren))
    for jaar in model.jaren.values():
        for url in [f"{jaar.jaar}/", *(adres(a) for a in jaar.afspraken[:1])]:
            soep = pagina(site, url)
            eigen = [str(jaar.jaar)] if str(jaar.jaar) != nieuwste else []
            assert menu(soep)[:3 + len(eigen)] == ["Home", nieuwste, *eigen, "Alle jaren"], url
            (link,) = [a for a in soep.select("nav.md-nav--primary a") if a.get_text(strip=True) == "Alle jaren"]
            assert doel(url, link["href"]).strip("/") == "" and link["href"].endswith("#alle-jaren")
    assert menu(pagina(site, "begrippen/"))[:3] == ["Home", nieuwste, "Alle jaren"]
    lijst = pagina(site, "").select_one("#alle-jaren").find_next("ul")
    assert links_naar(lijst, "") == [f"{j}/" for j in sorted(model.jaren, reverse=True)]


# --- commitment pages ----------------------------------------------------------------------

def test_elke_afspraak_heeft_een_pagina_met_tekst_thema_en_partijen(elke_site):
    """Exactly one page per commitment; its title is the editorial title as plain text."""
    site, model = elke_site
    for jaar in model.jaren.values():
        paginas = {int(p.name) for p in (site / str(jaar.jaar) / "afspraken").iterdir() if p.name.isdigit()}
        assert paginas == {a.nummer for a in jaar.afspraken}, jaar.jaar
    for a in model.afspraken:
        url = adres(a)
        soep = pagina(site, url)
        kop = f"Afspraak {a.nummer} ({a.jaar}): {a.titel}"
        assert soep.h1.get_text() == kop
        assert soep.title.get_text() == f"{kop} - {model.gemeente.sitenaam}"
        assert tekst(soep.select_one(".pa-tekst")) == " ".join(zoals_getoond(a.tekst).split())
        doelen = links_naar(inhoud(soep), url)
        assert f"{a.jaar}/themas/{a.thema}/" in doelen
        for p in a.partijen:
            assert f"{a.jaar}/partijen/{p}/" in doelen, (a.id, p)


def test_terugverwijzingen_genoemd_bij(elke_site):
    """A commitment named by another one links back to it, even without its own relation."""
    site, model = elke_site
    for a in model.afspraken:
        for ander in model.genoemd_bij(a.id):
            url = adres(a)
            assert adres(ander) in links_naar(pagina(site, url).select_one("ul.pa-samenhang"), url), (a.id, ander.id)


def feiten(soep: BeautifulSoup) -> dict[str, str]:
    """The table 'In het kort' of a commitment page, row heading -> cell text."""
    return {tr.th.get_text(): tr.td.get_text(" ", strip=True) for tr in soep.select("table.pa-feiten tr")}


def test_afspraak_toont_citeerregel_samenhang_status_en_buren(een_jaar_site):
    site, model = een_jaar_site
    a = next(a for a in model.afspraken if a.gerelateerd and a.doelen)
    url = adres(a)
    soep = pagina(site, url)
    citaat = soep.select_one(".pa-citeer .pa-citeerregel").get_text()
    assert citaat == f"{model.gemeente.sitenaam} {a.jaar}, afspraak {a.nummer}. {SITE_URL}{url}"
    knop = soep.select_one("button.pa-kopieer")
    assert knop["data-kopieer"] == soep.select_one(".pa-citeerregel")["id"]
    samenhang = links_naar(soep.select_one("ul.pa-samenhang"), url)
    assert samenhang[:len(a.gerelateerd)] == [adres(model.afspraak(r.afspraak)) for r in a.gerelateerd]
    assert "Nog niet beoordeeld: er is nog niets vastgelegd over hoe ver deze afspraak is." in tekst(soep)
    lijst = model.jaren[a.jaar].afspraken
    i = lijst.index(a)
    buren = links_naar(soep.select_one("nav.pa-buren"), url)
    verwacht = [adres(b) for b in (lijst[i - 1] if i else None, lijst[i + 1] if i + 1 < len(lijst) else None) if b]
    assert buren == [*verwacht, f"{a.jaar}/afspraken/"]


def test_afspraak_in_het_kort(een_jaar_site):
    """Theme, who, where, targets and deadline of every commitment, as a reader reads them."""
    site, model = een_jaar_site
    for a in model.afspraken:
        rijen = feiten(pagina(site, adres(a)))
        assert rijen["Thema"] == model.themas[a.thema].naam
        assert rijen["Waar"] == (opsomming([model.plaatsen[p].naam for p in a.plaatsen]) if a.plaatsen
                                 else "Geen plaats genoemd"), a.id
        assert rijen["Wanneer"] == (termijntekst(a.termijn) if a.termijn else "Geen termijn genoemd"), a.id
        if not a.doelen:
            assert rijen["Doel in cijfers"] == "Geen getal genoemd", a.id
        if a.documenten:
            assert all(model.documenten[d].titel in rijen["Beleidsstukken"] for d in a.documenten), a.id
    # numbers, bounds, years and places of targets, written as the fixture's editor meant them
    assert feiten(pagina(site, "2030/afspraken/1/"))["Doel in cijfers"] == (
        "minimaal 12 woningen: nieuwe huurwoningen (in 2030), Beekdorp")
    assert feiten(pagina(site, "2030/afspraken/2/"))["Wanneer"] == "in Q1 (bouwgrond zoeken)"
    assert feiten(pagina(site, "2030/afspraken/4/"))["Doel in cijfers"] == (
        "0 ontruimingen: ontruimingen om alleen huurachterstand")


def test_afspraken_staan_niet_in_de_navigatie(elke_site):
    """The navigation is rendered into every page: commitments stay out of it."""
    site, model = elke_site
    for jaar in model.jaren.values():
        urls = [f"{jaar.jaar}/", f"{jaar.jaar}/afspraken/", *(adres(a) for a in jaar.afspraken[:1])]
        for url in urls:
            navigatie = pagina(site, url).select_one("nav.md-nav--primary")
            assert not [a for a in navigatie.select("a[href]") if "afspraken/" in a["href"]
                        and a["href"].rstrip("/").split("/")[-1].isdigit()], url
        navigatie = tekst(pagina(site, f"{jaar.jaar}/").select_one("nav.md-nav--primary"))
        assert "Alle afspraken" in navigatie and "Thema's" in navigatie
        for t in jaar.themas[:1]:
            navigatie = tekst(pagina(site, f"{jaar.jaar}/themas/{t.thema}/").select_one("nav.md-nav--primary"))
            assert all(model.themas[ander.thema].naam in navigatie for ander in jaar.themas)


# --- theme, party, year ----------------------------------------------------------------------

def test_themapagina_toont_afspraken_in_volgorde_van_de_tekst(elke_site):
    site, model = elke_site
    for t in (t for j in model.jaren.values() for t in j.themas):
        url = f"{t.jaar}/themas/{t.thema}/"
        if not t.in_bron:  # only named: no sections the source does not have
            soep = inhoud(pagina(site, url))
            koppen = [h for h in soep.find_all("h2") if not h.find_parent(class_="pa-begrippen-op-pagina")]
            assert soep.select_one("section#afspraken") is None and koppen == [], url
            assert "geen doel, geen actualiteit en geen afspraken" in tekst(soep), url
            continue
        lijst = pagina(site, url).select_one("section#afspraken")
        nummers = [int(a["id"].removeprefix("afspraak-")) for a in lijst.select("article.pa-afspraak")]
        assert nummers == sorted(x.nummer for x in t.afspraken), url
        if not t.afspraken:
            assert "geen genummerde afspraken" in lijst.get_text()
        if not t.doel:  # lost in the extraction of a source text: said so, not claimed absent
            verwacht = ("ontbreekt in de tekst waaruit deze site is gemaakt" if model.jaren[t.jaar].bron
                        else "Bij dit thema is geen doel ingevuld")
            assert verwacht in pagina(site, url).get_text(), url
        for kop in {a.kop for a in t.afspraken if a.kop}:
            assert kop in [h.get_text() for h in lijst.select("h3")]


def test_themapagina_toont_zijn_tabellen(elke_site):
    """Above a table its source caption as it is signed; without one, the editors' title, marked
    as theirs. The reason of every uncertain cell is on the page, linked from the cell."""
    site, model = elke_site
    for t in (t for j in model.jaren.values() for t in j.themas):
        soep = pagina(site, f"{t.jaar}/themas/{t.thema}/")
        for tabel in t.tabellen:
            figuur = soep.find(id=f"tabel-{tabel.id}").find_parent("figure")
            bijschrift = tekst(figuur.caption)
            if tabel.bijschrift:
                assert bijschrift == " ".join(zoals_getoond(tabel.bijschrift).split()), tabel.id
            else:
                assert bijschrift == f"{tabel.titel} {redactie.deel('tabellen').markering}", tabel.id
            koppen = [tekst(th) for th in figuur.select("thead th")]
            assert koppen == [f"{k} {redactie.deel('tabellen').markering}" if k in tabel.kolommen_van_de_redactie
                              else k for k in tabel.kolommen], tabel.id
            for cel in (c for rij in tabel.rijen for c in rij if c.onzeker):
                (noot,) = [li for li in figuur.select(".pa-celnoten li") if tekst(li) == " ".join(cel.opmerking.split())]
                assert figuur.select(f'a.pa-celnoot[href="#{noot["id"]}"]'), tabel.id


def test_een_bijschrift_staat_er_een_keer(elke_site):
    """'Tabel 1: ... Tabel 1: ...' never: a caption is the source's or the editors', not both."""
    site, _ = elke_site
    for url in html_paginas(site):
        for caption in pagina(site, url).select("caption"):
            nummers = re.findall(r"\bTabel \d+\b", caption.get_text())
            assert len(nummers) == len(set(nummers)), (url, caption.get_text())


def test_partijpagina_toont_precies_haar_afspraken_groepen_uitgeschreven(elke_site):
    site, model = elke_site
    for jaar in model.jaren.values():
        for p in model.partijen:
            lijst = pagina(site, f"{jaar.jaar}/partijen/{p}/").select_one("section#afspraken")
            nummers = {int(a["id"].removeprefix("afspraak-")) for a in lijst.select("article.pa-afspraak")}
            assert nummers == {a.nummer for a in jaar.afspraken if p in a.eigen_partijen}, (jaar.jaar, p)
            n = len(nummers)
            verwacht = f"doet in {jaar.jaar} mee aan {n} {'afspraak' if n == 1 else 'afspraken'}" if n else "bij geen enkele"
            assert verwacht in tekst(lijst), (jaar.jaar, p)


def test_partijpagina_noemt_vertegenwoordiging_en_ondertekenaar(elke_site):
    site, model = elke_site
    for jaar in model.jaren.values():
        for p in model.partijen.values():
            inhoud_ = tekst(inhoud(pagina(site, f"{jaar.jaar}/partijen/{p.id}/")))
            if p.vertegenwoordigt_huurders_van:
                namen = opsomming([model.partijen[x].naam for x in p.vertegenwoordigt_huurders_van])
                assert f"komt op voor de huurders van {namen}." in inhoud_, p.id
            door = [o.naam for o in model.partijen.values() if p.id in o.vertegenwoordigt_huurders_van]
            if door:
                assert f"De huurders van {p.naam} worden vertegenwoordigd door {opsomming(door)}." in inhoud_, p.id
            ondertekenaar = next((o for o in (jaar.ondertekening.ondertekenaars if jaar.ondertekening else ())
                                  if o.partij == p.id), None)
            assert ("Ondertekend door" in inhoud_) == (ondertekenaar is not None), (jaar.jaar, p.id)
            if ondertekenaar:
                assert f"{ondertekenaar.naam}, {ondertekenaar.functie}" in inhoud_


def test_jaarpagina_toont_kerncijfers_ondertekening_en_themas(elke_site):
    site, model = elke_site
    for jaar in model.jaren.values():
        url = f"{jaar.jaar}/"
        soep = pagina(site, url)
        kerncijfers = soep.select_one("section#kerncijfers")
        assert links_naar(kerncijfers, url) == [adres(a) for a in jaar.afspraken for _ in a.doelen]
        ondertekening = tekst(soep.select_one("section#ondertekening"))
        for o in jaar.ondertekening.ondertekenaars if jaar.ondertekening else ():
            assert o.naam in ondertekening
        assert (NIET_ONDERTEKEND in tekst(soep)) == (jaar.ondertekening is None), url
        themas = soep.select_one("section#themas tbody")
        assert links_naar(themas, url) == [f"{jaar.jaar}/themas/{t.thema}/" for t in jaar.themas]


def test_jaarpagina_noemt_datum_en_plaats_van_ondertekening(een_jaar_site):
    """Dates as Dutch readers write them (the fixture's year was signed on 2029-12-10)."""
    site, model = een_jaar_site
    assert model.jaren[2030].ondertekening.datum == "2029-12-10"
    assert "Ondertekend op 10 december 2029 in Beekdorp. Geldig vanaf 1 januari 2030." in tekst(pagina(site, "2030/"))


# --- overview and full text -------------------------------------------------------------------

def test_overzicht_is_zonder_javascript_compleet(elke_site):
    site, model = elke_site
    for jaar in model.jaren.values():
        soep = pagina(site, f"{jaar.jaar}/afspraken/")
        rijen = soep.select("#afspraken-tabel tbody tr")
        assert [int(r["data-nummer"]) for r in rijen] == [a.nummer for a in jaar.afspraken]
        for rij, a in zip(rijen, jaar.afspraken):
            assert rij["data-thema"] == a.thema
            assert rij["data-partijen"].split() == list(a.eigen_partijen)
            assert rij["data-plaatsen"].split() == list(a.plaatsen)
            assert not rij.has_attr("hidden")
        assert [th.get_text() for th in soep.select("#afspraken-tabel thead th")] == [
            "Nr.", "Afspraak", "Thema", "Wie doet het", "Plaatsen", "Status"]
        # the filters need the script: CSS leaves them out unless the page head marked scripts as running
        assert "pa-alleen-met-script" in soep.select_one("#afspraken-filters")["class"]
        assert soep.select_one("#afspraken-aantal")["aria-live"] == "polite"


def test_volledige_tekst_bevat_alles_in_volgorde(elke_site):
    """Every commitment in the order of the document, its number before its text; a section
    per theme the document has (its heading marked where the document lacks it), none for a
    theme it only names. (For a year with a source, test_inhoud_bron.py proves the whole page
    is the document in its order.)"""
    site, model = elke_site
    gemarkeerd = redactie.deel("koppen").markering
    for jaar in model.jaren.values():
        soep = pagina(site, f"{jaar.jaar}/volledige-tekst/")
        artikelen = soep.select("div.pa-artikel")
        volgorde = [a.nummer for t in jaar.themas for a in sorted(t.afspraken, key=lambda a: a.nummer)]
        assert [int(d["id"].removeprefix("afspraak-")) for d in artikelen] == volgorde
        for d in artikelen:
            a = model.afspraak(f"{jaar.jaar}-{d['id'].removeprefix('afspraak-')}")
            assert tekst(d) == f"Afspraak {a.nummer}. " + " ".join(zoals_getoond(a.tekst).split())
        assert [tekst(h) for h in soep.select("h2.pa-thema-kop")] == [
            *(model.themas[t.thema].naam + (f" {gemarkeerd}" if "thema" in t.ontbrekende_koppen else "")
              for t in jaar.themas if t.in_bron), "Ondertekening"]
        ondertekening = jaar.ondertekening
        if ondertekening and ondertekening.slottekst:
            assert " ".join(zoals_getoond(ondertekening.slottekst).split()) in tekst(soep)
        assert (NIET_ONDERTEKEND in tekst(soep)) == (ondertekening is None)


# --- glossary -----------------------------------------------------------------------------

def test_begrippenlijst_en_uitleg_op_elke_afspraakpagina(elke_site):
    site, model = elke_site
    lijst = pagina(site, "begrippen/")
    assert {dt["id"] for dt in lijst.select("dl.pa-begrippen dt")} == set(model.begrippen)
    for a in model.afspraken:
        soep = pagina(site, adres(a))
        gelinkt = [link["href"].removeprefix("#begrip-") for link in soep.select("a.pa-begrip")]
        uitgelegd = [dt["id"].removeprefix("begrip-") for dt in soep.select(".pa-begrippen-op-pagina dt")]
        assert uitgelegd == gelinkt, a.id  # every linked term explained once, in order of appearance


def test_begrip_in_een_vervoegde_vorm_wordt_uitgelegd(een_jaar_site):
    site, model = een_jaar_site
    begrip = next(b for b in model.begrippen.values() if b.vormen and b.zie_ook)
    # a commitment that uses the term only in another form
    a = next(a for a in model.afspraken if noemt(a.tekst, begrip.vormen[0]) and not noemt(a.tekst, begrip.term))
    gelinkt = [link["href"].removeprefix("#begrip-") for link in pagina(site, adres(a)).select("a.pa-begrip")]
    assert begrip.id in gelinkt
    zie_ook = pagina(site, "begrippen/").find("dt", id=begrip.id).find_next("dd")
    assert [link["href"] for link in zie_ook.select("a")] == [f"#{b}" for b in begrip.zie_ook]


# --- search index ---------------------------------------------------------------------------

def zonder_opmaak(html: str) -> str:
    """Text of a search entry or commitment without tags and without any whitespace."""
    return "".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def zoekdocumenten(site: Path, model: Model) -> list[dict]:
    """Every entry of the site's search data (zoeken/<jaar>.json and zoeken/site.json)."""
    bestanden = [*(f"zoeken/{j}.json" for j in model.jaren), "zoeken/site.json"]
    return [d for b in bestanden for d in json.loads((site / b).read_text(encoding="utf-8"))]


def test_zoekdata_heeft_elke_afspraak_een_keer(elke_site):
    """Searching a commitment's words finds its own page, and no overview repeating them;
    a year's file holds only that year, so a phone loads one year."""
    site, model = elke_site
    assert json.loads((site / "zoeken/jaren.json").read_text(encoding="utf-8")) == sorted(model.jaren, reverse=True)
    for jaar in model.jaren:
        assert {d["j"] for d in json.loads((site / f"zoeken/{jaar}.json").read_text(encoding="utf-8"))} <= {jaar}
    index = zoekdocumenten(site, model)
    docs = [(d["u"].split("#")[0], zonder_opmaak(d["x"])) for d in index]
    titels = {d["u"]: d["t"] for d in index}
    for a in model.afspraken:
        zin = zonder_opmaak(zoals_getoond(a.tekst))
        waar = sorted(plek for plek, inhoud_ in docs if zin in inhoud_)
        # a text may be part of a longer one; then it is found on that commitment's page too
        assert waar == sorted(adres(b) for b in model.afspraken if zin in zonder_opmaak(zoals_getoond(b.tekst))), a.id
        assert titels[adres(a)] == f"Afspraak {a.nummer} ({a.jaar}): {' '.join(a.titel.split())}"


# --- open data ------------------------------------------------------------------------------

def test_open_data_gepubliceerd_met_schema(elke_site):
    site, model = elke_site
    schema = json.loads((site / "open-data/afspraken-export.schema.json").read_text(encoding="utf-8"))
    assert schema["title"]
    for jaar in model.jaren.values():
        data = json.loads((site / f"{jaar.jaar}/afspraken.json").read_text(encoding="utf-8"))
        assert [a["id"] for a in data["afspraken"]] == [a.id for a in jaar.afspraken]
        assert data["schema"].endswith("/open-data/afspraken-export.schema.json")
        assert (site / f"{jaar.jaar}/afspraken.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    velden = [th.get_text() for th in pagina(site, "open-data/").select("table.pa-velden tbody th")]
    assert velden == list(schema["properties"]["afspraken"]["items"]["properties"])


# --- years -----------------------------------------------------------------------------------

@MEER_JAREN
def test_nieuwste_jaar_eerst_en_jaarkiezer(fixturesite):
    """Two years: each theme page offers itself in both years, or the year page where the
    theme has no page; the page's own year is marked."""
    site, model = fixturesite
    jaren = sorted(model.jaren, reverse=True)
    assert len(jaren) == 2
    assert links_naar(pagina(site, "").select_one("ul.pa-jaren"), "") == [f"{j}/" for j in jaren]
    naar_jaarpagina = []
    for t in (t for j in model.jaren.values() for t in j.themas):
        url = f"{t.jaar}/themas/{t.thema}/"
        kiezer = pagina(site, url).select_one("nav.pa-jaarkiezer")
        heeft = {j: any(x.thema == t.thema for x in model.jaren[j].themas) for j in jaren}
        assert links_naar(kiezer, url) == [f"{j}/themas/{t.thema}/" if heeft[j] else f"{j}/" for j in jaren]
        assert kiezer.select_one('[aria-current="page"]').get_text() == str(t.jaar)
        naar_jaarpagina += [url] if not all(heeft.values()) else []
    assert naar_jaarpagina  # the fixture has a theme in one year only


def test_een_jaar_heeft_geen_jaarkiezer(een_jaar_site):
    site, model = een_jaar_site
    assert len(model.jaren) == 1
    for url in html_paginas(site):
        assert pagina(site, url).select_one("nav.pa-jaarkiezer") is None, url


def test_niet_ondertekend_jaar_zegt_dat(site_twee_jaren, twee_jaren):
    (jaar,) = [j for j in twee_jaren.jaren.values() if j.ondertekening is None]
    (item,) = [li for li in pagina(site_twee_jaren, "").select("ul.pa-jaren li")
               if links_naar(li, "") == [f"{jaar.jaar}/"]]
    assert tekst(item).endswith("(nog niet ondertekend)")
    for url in (f"{jaar.jaar}/", f"{jaar.jaar}/volledige-tekst/"):
        assert NIET_ONDERTEKEND in tekst(pagina(site_twee_jaren, url)), url


@MEER_JAREN
def test_voortzetting_in_beide_richtingen(fixturesite):
    site, model = fixturesite
    voortzettingen = [a for a in model.afspraken if a.voortzetting_van]
    assert voortzettingen
    for nieuw in voortzettingen:
        oud = model.afspraak(nieuw.voortzetting_van)
        nieuwe_pagina, oude_pagina = pagina(site, adres(nieuw)), pagina(site, adres(oud))
        assert adres(oud) in links_naar(inhoud(nieuwe_pagina), adres(nieuw))
        assert adres(nieuw) in links_naar(inhoud(oude_pagina), adres(oud))
        assert "In andere jaren" in oude_pagina.get_text() and "In andere jaren" in nieuwe_pagina.get_text()
        assert f"{oud.titel}: deze afspraak zet die voort." in tekst(inhoud(nieuwe_pagina))
        assert f"{nieuw.titel}: zet deze afspraak voort." in tekst(inhoud(oude_pagina))


def test_vijftien_jaren_pagina_groeit_niet_mee(tmp_path, site_een_jaar, een_jaar):
    """15 years: nothing on a page grows with the number of years.

    The menu shows the newest year and the page's own year, the year switcher the years
    around the page's year and the newest; both end in a link to all years on the home page.
    """
    project = projectkopie(tmp_path / "project", "een-jaar")
    (eerste,) = een_jaar.jaren
    jaren = range(eerste + 1, eerste + 15)
    for jaar in jaren:  # copies of the fixture's unsigned second year; lineage to the first stays valid
        doel_ = project / "data" / str(jaar)
        shutil.copytree(FIXTURES / "twee-jaren" / str(eerste + 1), doel_)
        for bestand in doel_.glob("*.yaml"):
            bestand.write_text(bestand.read_text(encoding="utf-8").replace(str(eerste + 1), str(jaar)),
                               encoding="utf-8")
    veel = laad(project / "data").model
    assert list(veel.jaren) == [eerste, *jaren]
    gebouwd_ = bouw_zonder_waarschuwing(project, tmp_path / "site")
    nieuwste, midden = str(jaren[-1]), eerste + 6
    # a commitment of the first year without lineage: the same content with 1 or 15 years
    zonder_lijn = next(a for a in veel.jaren[eerste].afspraken if not veel.opvolgers(a.id)
                       and all(b.jaar == eerste for b in veel.genoemd_bij(a.id)))
    thema = een_jaar.jaren[eerste].themas[0].thema
    partij = next(iter(een_jaar.partijen))

    een = menu(pagina(site_een_jaar, adres(zonder_lijn)))
    assert een[:3] == ["Home", str(eerste), "Alle jaren"]
    assert menu(pagina(gebouwd_, adres(zonder_lijn))) == een[:1] + [nieuwste] + een[1:]
    assert menu(pagina(gebouwd_, f"{midden}/themas/{thema}/")) == een[:1] + [nieuwste, str(midden)] + een[2:]
    assert menu(pagina(gebouwd_, f"{nieuwste}/afspraken/1/")) == een[:1] + [nieuwste] + een[2:]
    assert menu(pagina(gebouwd_, "begrippen/")) == een[:1] + [nieuwste] + een[2:]
    assert links_naar(pagina(gebouwd_, "").select_one("ul.pa-jaren"), "") == [
        f"{j}/" for j in sorted(veel.jaren, reverse=True)]

    url = f"{midden}/partijen/{partij}/"
    kiezer = pagina(gebouwd_, url).select_one("nav.pa-jaarkiezer")
    venster = [jaren[-1], *range(midden + 2, midden - 3, -1)]  # the newest, and two either side
    assert [a.get_text() for a in kiezer.select("a")] == [*map(str, venster), "Alle jaren"]
    assert links_naar(kiezer, url)[:-1] == [f"{j}/partijen/{partij}/" for j in venster]
    assert kiezer.select("a")[-1]["href"].endswith("#alle-jaren")

    # The commitment's page and a theme page, menu included, stay within 5%; the year
    # switcher, which one year does not have, is bounded by the years checked above.
    assert str(inhoud(pagina(site_een_jaar, adres(zonder_lijn)))) == str(inhoud(pagina(gebouwd_, adres(zonder_lijn))))
    for url in (adres(zonder_lijn), f"{eerste}/themas/{thema}/"):
        grootte_een, grootte_vijftien = (grootte_zonder_jaarkiezer(s, url) for s in (site_een_jaar, gebouwd_))
        assert grootte_vijftien <= 1.05 * grootte_een, url


def grootte_zonder_jaarkiezer(site: Path, url: str) -> int:
    kiezer = pagina(site, url).select_one("nav.pa-jaarkiezer")
    return (site / url / "index.html").stat().st_size - (len(str(kiezer).encode()) if kiezer else 0)


# --- another municipality -----------------------------------------------------------------------

def namen_van(model: Model) -> set[str]:
    """The display names of a municipality, its parties and places."""
    return {model.gemeente.naam, *(p.naam for p in model.partijen.values()),
            *(p.volledige_naam for p in model.partijen.values()), *(p.naam for p in model.plaatsen.values())}


def test_andere_gemeente_noemt_niets_van_de_echte(site_andere_gemeente, andere_gemeente, echt, een_jaar):
    """Moving the site to another municipality is a change of data/ only: no page, search
    entry or export of the other municipality names the live data's municipality, parties
    or places (nor those of the fixture set een-jaar, so the test holds whatever the live
    data is), and every page title names the other municipality."""
    namen = (namen_van(echt) | namen_van(een_jaar)) - namen_van(andere_gemeente)
    gevonden = {plek: sorted(n for n in namen if noemt(inhoud_, n))
                for plek, inhoud_ in gepubliceerd(site_andere_gemeente, andere_gemeente).items()}
    assert {plek: namen_ for plek, namen_ in gevonden.items() if namen_} == {}
    for url in html_paginas(site_andere_gemeente):
        assert andere_gemeente.gemeente.naam in pagina(site_andere_gemeente, url).title.get_text(), url


def gepubliceerd(site: Path, model: Model) -> dict[str, str]:
    """What a reader can get from the site, as text: every page, search entry and export."""
    teksten = {url: unescape(bestand(site, url).read_text(encoding="utf-8")) for url in html_paginas(site)}
    for d in zoekdocumenten(site, model):
        teksten[f"zoekdata: {d['u']}"] = f"{d['t']} {d['x']}"
    for jaar in model.jaren:
        data = json.loads((site / f"{jaar}/afspraken.json").read_text(encoding="utf-8"))
        teksten[f"{jaar}/afspraken.json"] = json.dumps(data, ensure_ascii=False)  # no \u escapes
        teksten[f"{jaar}/afspraken.csv"] = (site / f"{jaar}/afspraken.csv").read_text(encoding="utf-8-sig")
    return teksten


# --- safety -----------------------------------------------------------------------------------

def test_jinja_en_html_in_data_worden_niet_uitgevoerd(tmp_path, een_jaar):
    project = projectkopie(tmp_path / "project", "een-jaar")
    a = een_jaar.jaren[min(een_jaar.jaren)].themas[0].afspraken[0]
    gevaarlijk = "{{ 7 * 7 }} {% raw %} <script>alert(1)</script>"
    titel = f"# {gevaarlijk} *x*"
    themanaam = "<b>Gevaar</b>lijk {{ 1 + 1 }}"

    def afspraak(thema):
        (x,) = [x for x in thema["afspraken"] if x["nummer"] == a.nummer]
        x.update(tekst=gevaarlijk, titel=titel)

    def thema(themas):
        (x,) = [x for x in themas["themas"] if x["id"] == a.thema]
        x["naam"] = themanaam

    wijzig_yaml(project / f"data/{a.jaar}/{a.thema}.yaml", afspraak)
    wijzig_yaml(project / "data/themas.yaml", thema)
    gebouwd_ = bouw_zonder_waarschuwing(project, tmp_path / "site")
    for url in (adres(a), f"{a.jaar}/themas/{a.thema}/", f"{a.jaar}/volledige-tekst/"):
        html = (gebouwd_ / url / "index.html").read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html and "<b>Gevaar" not in html, url
        assert "{{ 7 * 7 }}" in BeautifulSoup(html, "html.parser").get_text(), url
    soep = pagina(gebouwd_, adres(a))
    assert soep.h1.get_text() == f"Afspraak {a.nummer} ({a.jaar}): {titel}"
    assert soep.title.get_text() == f"Afspraak {a.nummer} ({a.jaar}): {titel} - {een_jaar.gemeente.sitenaam}"
    navigatie = pagina(gebouwd_, f"{a.jaar}/themas/{a.thema}/").select_one("nav.md-nav--primary")
    assert themanaam in navigatie.get_text()


def test_bouw_met_foute_data_stopt_zonder_traceback(tmp_path):
    project = projectkopie(tmp_path / "project", "een-jaar")
    pad = project / "data/2030/woningbouw.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("[woonkring]", "[woonkrinq]", 1), encoding="utf-8")
    uit = bouw(project, tmp_path / "site")
    assert uit.returncode != 0
    assert "Traceback" not in uit.stderr
    assert f"onbekende partij of groep 'woonkrinq'; {BEKEND['partij of groep']}; bedoelde u 'woonkring'?" in uit.stderr
    assert "data/2030/woningbouw.yaml:" in uit.stderr
    assert not (tmp_path / "site").exists()


def test_witruimte_telt_in_pre_en_script():
    from macros.lijm.witruimte import zonder_inspringing

    html = "<div>\n    <p>een\n\n   twee</p>\n  <pre>\n  ingesprongen\n\n</pre>  \n <script>\n  a = 1\n</script>\n</div>"
    assert zonder_inspringing(html) == (
        "<div>\n<p>een\ntwee</p>\n<pre>\n  ingesprongen\n\n</pre>\n<script>\n  a = 1\n</script>\n</div>")
    assert zonder_inspringing("a\u00a0\n\u00a0b") == "a\u00a0\n\u00a0b"  # a no-break space is text


def test_alleen_een_ondertekend_jaar_heet_ondertekende_tekst(site_twee_jaren, twee_jaren):
    """An unsigned year's text is not called signed, on its commitment pages or its full text."""
    for j in twee_jaren.jaren.values():
        for a in j.afspraken:
            meta = pagina(site_twee_jaren, f"{a.jaar}/afspraken/{a.nummer}/").select_one(".pa-tekst").find_next(
                "p", class_="pa-meta").get_text()
            assert ("Dit is de ondertekende tekst." in meta) == bool(j.ondertekening), a.id
            assert ("nog niet ondertekend" in meta) == (not j.ondertekening), a.id
        volledig = pagina(site_twee_jaren, f"{j.jaar}/volledige-tekst/").select_one("article .pa-meta").get_text()
        assert ("ondertekende document" in volledig) == bool(j.ondertekening), j.jaar


def test_de_startpagina_leidt_naar_het_nieuwste_jaar_met_afspraken(tmp_path, een_jaar):
    """Right after `make nieuw-jaar` the new year has no commitments yet: the home page's
    entry points stay with the year that has them, and the new year is listed."""
    project = projectkopie(tmp_path / "project", "een-jaar")
    oud = max(een_jaar.jaren)
    subprocess.run([sys.executable, "-m", "macros", "--data", str(project / "data"), "nieuw-jaar", str(oud + 1)],
                   cwd=PROJECT, check=True, capture_output=True)
    site = bouw_zonder_waarschuwing(project, tmp_path / "site")
    start = pagina(site, "")
    doelen = links_naar(start.select_one("ul.pa-ingangen"), "")
    assert f"{oud}/afspraken/" in doelen and not any(d.startswith(f"{oud + 1}/") for d in doelen)
    assert f"{oud + 1}/" in links_naar(start.select_one("ul.pa-jaren"), "")


@pytest.mark.parametrize("naam", ["site_een_jaar", "site_andere_gemeente"])
def test_toegankelijkheid_noemt_alleen_beperkingen_die_de_gegevens_hebben(naam, request):
    """Unreadable text, a document that reads oddly and uncertain tables are named only where
    the data has them, each with the mark a reader sees."""
    site, model = request.getfixturevalue(naam), request.getfixturevalue(MODEL_VAN[naam])
    tekst = " ".join(inhoud(pagina(site, "toegankelijkheid/")).get_text().split())
    gaten = [j for j in model.jaren.values() if j.bron and any(
        GAT in t for _, t in bron.ondertekende_teksten(j))]
    sic = [j for j in model.jaren.values() if any(SIC in t for _, t in bron.ondertekende_teksten(j))]
    tabellen = [t for j in model.jaren.values() for th in j.themas for t in th.tabellen
                if any(c.onzeker for rij in t.rijen for c in rij)]
    assert ("Op een paar plaatsen is de tekst niet te lezen." in tekst) == bool(gaten)
    assert ("Daar staat [zo in het document]." in tekst) == bool(sic)
    assert ("niet zeker te lezen" in tekst) == bool(tabellen)
    assert all(t.titel in tekst for t in tabellen)
