"""The built site, read with a real HTML parser: what a reader finds on each page type.

The site is built once per session (tests/conftest.py: `site`, `site_twee_jaren`).
Expected values come from the data model, never from a copy of the text.
"""
from __future__ import annotations

import json
import posixpath
import re
import shutil
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from conftest import TESTJAAR, bouw, projectkopie


@cache
def _lees(pad: Path) -> BeautifulSoup:
    return BeautifulSoup(pad.read_text(encoding="utf-8"), "html.parser")


def pagina(site: Path, url: str) -> BeautifulSoup:
    """The page at site-relative `url` ('' is the home page, directory URLs end in /)."""
    return _lees(site / url / "index.html" if url == "" or url.endswith("/") else site / url)


def inhoud(soep: BeautifulSoup):
    return soep.select_one("article.md-content__inner")


def links_naar(element, site_url: str) -> list[str]:
    """The site-relative targets of the links in `element`, on the page at `site_url`."""
    return [doel(site_url, a["href"]) for a in element.select("a[href]")
            if not a["href"].startswith(("http:", "https:", "mailto:", "#"))]


def doel(van: str, href: str) -> str:
    pad = urlsplit(href).path
    return posixpath.normpath(posixpath.join(van, unquote(pad))).lstrip("./") + ("/" if pad.endswith("/") else "")


def html_paginas(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site).parent) + "/" if p.name == "index.html" else str(p.relative_to(site))
                  for p in site.rglob("*.html"))


# --- every page --------------------------------------------------------------------------

def test_elke_pagina_is_nederlands_en_heeft_een_titel(site):
    for url in html_paginas(site):
        soep = pagina(site, "" if url == "./" else url)
        assert soep.html["lang"] == "nl", url
        assert len(soep.select("h1")) == 1, url


def test_zoekvenster_heeft_een_naam(site):
    """Material's search is a dialog; a dialog needs a name for screen readers (Lighthouse, axe)."""
    for url in html_paginas(site):
        if url.endswith("/"):
            zoeken = pagina(site, "" if url == "./" else url).select_one('div.md-search[role="dialog"]')
            assert zoeken["aria-label"] == "Zoeken", url


def test_elke_interne_link_is_relatief_en_bestaat(site):
    """Relative links keep working under a sub-path; none points to a missing page or anchor."""
    fouten = []
    # 404.html is served at any missing address, so MkDocs gives it links from the root of
    # site_url (set to the sub-path when publishing); every other page links relatively.
    for url in (u for u in html_paginas(site) if u != "404.html"):
        url = "" if url == "./" else url
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
            bestand = site / pad
            if bestand.is_dir():
                bestand = bestand / "index.html"
            if not bestand.exists():
                fouten.append(f"{url}: {href} bestaat niet")
            elif deel.fragment and bestand.suffix == ".html" and not deel.fragment.startswith("__"):
                if _lees(bestand).find(id=deel.fragment) is None:
                    fouten.append(f"{url}: anker {href} bestaat niet")
    assert fouten == []


def test_geen_externe_bronnen(site):
    for url in html_paginas(site):
        soep = pagina(site, "" if url == "./" else url)
        for element in soep.select("script[src], link[href], img[src], iframe, source[src]"):
            if element.name == "link" and "canonical" in element.get("rel", []):
                continue  # names the page's own address; browsers do not fetch it
            waarde = element.get("src") or element.get("href")
            assert not waarde.startswith(("http:", "https:", "//")), (url, waarde)


# --- commitment pages ----------------------------------------------------------------------

def test_elke_afspraak_heeft_een_pagina_met_tekst_thema_en_partijen(site, echt):
    for a in echt.afspraken:
        url = f"{a.jaar}/afspraken/{a.nummer}/"
        soep = pagina(site, url)
        assert soep.h1.get_text() == f"Afspraak {a.nummer} ({a.jaar}): {a.titel}"
        assert soep.title.get_text().startswith(f"Afspraak {a.nummer} ({a.jaar}): ")
        tekst = " ".join(soep.select_one(".pa-tekst").get_text().split())
        assert tekst == " ".join(a.tekst.split())
        doelen = links_naar(inhoud(soep), url)
        assert f"{a.jaar}/themas/{a.thema}/" in doelen
        for p in a.partijen:
            assert f"{a.jaar}/partijen/{p}/" in doelen, (a.id, p)


def test_afspraak_toont_citeerregel_feiten_samenhang_en_status(site, echt):
    a = echt.afspraak("2024-18")
    soep = pagina(site, "2024/afspraken/18/")
    citaat = soep.select_one(".pa-citeer .pa-citeerregel").get_text()
    assert citaat == "Prestatieafspraken Aa en Hunze 2024, afspraak 18. http://127.0.0.1:8000/2024/afspraken/18/"
    knop = soep.select_one("button.pa-kopieer")
    assert knop["data-kopieer"] == soep.select_one(".pa-citeerregel")["id"]
    feiten = {th.get_text(): td.get_text(" ", strip=True) for th, td in
              ((tr.th, tr.td) for tr in soep.select("table.pa-feiten tr"))}
    assert "0 ontruimingen" in feiten["Doel in cijfers"]
    assert feiten["Wanneer"] == "Geen termijn genoemd"
    samenhang = links_naar(soep.select_one("ul.pa-samenhang"), "2024/afspraken/18/")
    assert samenhang == [f"2024/afspraken/{r.afspraak.split('-')[1]}/" for r in a.gerelateerd]
    assert "nog niet bekend" in soep.get_text()
    buren = links_naar(soep.select_one("nav.pa-buren"), "2024/afspraken/18/")
    assert buren[:2] == ["2024/afspraken/17/", "2024/afspraken/19/"]


def test_terugverwijzingen_genoemd_bij(site, echt):
    """A commitment named by another one links back to it, even without its own relation."""
    for a in echt.afspraken:
        eigen = {r.afspraak for r in a.gerelateerd}
        for ander in echt.genoemd_bij(a.id):
            url = f"{a.jaar}/afspraken/{a.nummer}/"
            doelen = links_naar(pagina(site, url).select_one("ul.pa-samenhang"), url)
            assert f"{ander.jaar}/afspraken/{ander.nummer}/" in doelen, (a.id, ander.id, eigen)


def test_afspraken_staan_niet_in_de_navigatie(site):
    """The navigation is rendered into every page: commitments stay out of it."""
    for url in ("2024/afspraken/18/", "2024/afspraken/", "2024/"):
        navigatie = pagina(site, url).select_one("nav.md-nav--primary")
        assert not [a for a in navigatie.select("a[href]") if "afspraken/" in a["href"]
                    and a["href"].rstrip("/").split("/")[-1].isdigit()]
    navigatie = pagina(site, "2024/").select_one("nav.md-nav--primary").get_text()
    assert "Alle afspraken" in navigatie and "Thema's" in navigatie
    navigatie = pagina(site, "2024/themas/duurzaamheid/").select_one("nav.md-nav--primary").get_text()
    assert "Beschikbaarheid" in navigatie and "Wonen en zorg" in navigatie


# --- theme, party, year ----------------------------------------------------------------------

def test_themapagina_toont_afspraken_in_volgorde_van_de_tekst(site, echt):
    for t in echt.jaren[2024].themas:
        url = f"2024/themas/{t.thema}/"
        lijst = pagina(site, url).select_one("section#afspraken")
        nummers = [int(a["id"].removeprefix("afspraak-")) for a in lijst.select("article.pa-afspraak")]
        assert nummers == sorted(x.nummer for x in t.afspraken)
        if not t.afspraken:
            assert "geen genummerde afspraken" in lijst.get_text()
        if not t.doel:  # lost in the extraction: said so, not claimed absent from the agreement
            assert "ontbreekt in de tekst waaruit deze site is gemaakt" in pagina(site, url).get_text()
        for kop in {a.kop for a in t.afspraken if a.kop}:
            assert kop in [h.get_text() for h in lijst.select("h3")]


def test_themapagina_toont_zijn_tabellen(site, echt):
    for t in echt.jaren[2024].themas:
        bijschriften = [c.get_text() for c in pagina(site, f"2024/themas/{t.thema}/").select("table caption")]
        for tabel in t.tabellen:
            assert any(b.startswith(tabel.titel) for b in bijschriften), tabel.id


def test_partijpagina_toont_precies_haar_afspraken_groepen_uitgeschreven(site, echt):
    for p in echt.partijen:
        url = f"2024/partijen/{p}/"
        lijst = pagina(site, url).select_one("section#afspraken")
        nummers = {int(a["id"].removeprefix("afspraak-")) for a in lijst.select("article.pa-afspraak")}
        assert nummers == {a.nummer for a in echt.jaren[2024].afspraken if p in a.partijen}, p
        assert f"verantwoordelijk voor {len(nummers)} afspraken" in lijst.get_text()


def test_partijpagina_noemt_vertegenwoordiging_en_ondertekenaar(site):
    tekst = pagina(site, "2024/partijen/woonborg/").get_text(" ", strip=True)
    assert "De huurders van Woonborg worden vertegenwoordigd door AH WOON" in tekst
    assert "E. Borstlap, directeur-bestuurder" in tekst
    tekst = pagina(site, "2024/partijen/de-deelmacht/").get_text(" ", strip=True)
    assert "komt op voor de huurders van De Volmacht" in tekst


def test_jaarpagina_toont_kerncijfers_ondertekening_en_themas(site, echt):
    soep = pagina(site, "2024/")
    jaar = echt.jaren[2024]
    kerncijfers = soep.select_one("section#kerncijfers tbody")
    verwacht = [f"2024/afspraken/{a.nummer}/" for a in jaar.afspraken for _ in a.doelen]
    assert links_naar(kerncijfers, "2024/") == verwacht
    tekst = soep.get_text(" ", strip=True)
    assert "Ondertekend op 7 december 2023 in Gieten" in tekst
    for o in jaar.ondertekening.ondertekenaars:
        assert o.naam in soep.select_one("section#ondertekening").get_text()
    themas = soep.select_one("section#themas tbody")
    assert links_naar(themas, "2024/") == [f"2024/themas/{t.thema}/" for t in jaar.themas]


# --- overview and full text -------------------------------------------------------------------

def test_overzicht_is_zonder_javascript_compleet(site, echt):
    soep = pagina(site, "2024/afspraken/")
    rijen = soep.select("#afspraken-tabel tbody tr")
    afspraken = echt.jaren[2024].afspraken
    assert [int(r["data-nummer"]) for r in rijen] == [a.nummer for a in afspraken]
    for rij, a in zip(rijen, afspraken):
        assert rij["data-thema"] == a.thema
        assert rij["data-partijen"].split() == list(a.partijen)
        assert rij["data-plaatsen"].split() == list(a.plaatsen)
        assert not rij.has_attr("hidden")
    assert [th.get_text() for th in soep.select("#afspraken-tabel thead th")] == [
        "Nr.", "Afspraak", "Thema", "Verantwoordelijk", "Plaatsen"]
    # the filters need the script: CSS leaves them out unless the page head marked scripts as running
    assert "pa-alleen-met-script" in soep.select_one("#afspraken-filters")["class"]
    assert soep.select_one("#afspraken-aantal")["aria-live"] == "polite"


def test_volledige_tekst_bevat_alles_in_volgorde(site, echt):
    soep = pagina(site, "2024/volledige-tekst/")
    artikelen = soep.select("div.pa-artikel")
    volgorde = [a.nummer for t in echt.jaren[2024].themas for a in sorted(t.afspraken, key=lambda a: a.nummer)]
    assert [int(d["id"].removeprefix("afspraak-")) for d in artikelen] == volgorde
    for d in artikelen:
        a = echt.afspraak(f"2024-{d['id'].removeprefix('afspraak-')}")
        assert " ".join(a.tekst.split()) in " ".join(d.get_text().split())
    assert [h.get_text() for h in soep.select("h2.pa-thema-kop")][:-1] == [
        echt.themas[t.thema].naam for t in echt.jaren[2024].themas]
    assert "Ondertekend op 7-12-2023 te Gieten." in soep.get_text()


# --- glossary -----------------------------------------------------------------------------

def test_begrippenlijst_en_uitleg_op_de_pagina(site, echt):
    lijst = pagina(site, "begrippen/")
    assert {dt["id"] for dt in lijst.select("dl.pa-begrippen dt")} == set(echt.begrippen)
    soep = pagina(site, "2024/afspraken/18/")
    gelinkt = [a["href"].removeprefix("#begrip-") for a in soep.select("a.pa-begrip")]
    assert "huurachterstand" in gelinkt
    uitgelegd = [dt["id"].removeprefix("begrip-") for dt in soep.select(".pa-begrippen-op-pagina dt")]
    assert uitgelegd == gelinkt  # every linked term explained once, in order of appearance


# --- search index ---------------------------------------------------------------------------

def test_zoekindex_heeft_elke_afspraak_een_keer(site, echt):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    assert index["config"]["pipeline"] == ["stopWordFilter"]  # no stemmer: exact words match
    for a in echt.afspraken:
        zin = a.tekst.split(".")[0][:60]
        waar = [d["location"] for d in index["docs"] if zin in d["text"]]
        assert waar == [f"{a.jaar}/afspraken/{a.nummer}/"], (a.id, waar)
        (titel,) = [d["title"] for d in index["docs"] if d["location"] == waar[0]]
        assert titel.startswith(f"Afspraak {a.nummer} ({a.jaar}): ")


# --- open data ------------------------------------------------------------------------------

def test_open_data_gepubliceerd_met_schema(site, echt):
    data = json.loads((site / "2024/afspraken.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in data["afspraken"]] == [a.id for a in echt.jaren[2024].afspraken]
    assert data["schema"].endswith("/open-data/afspraken-export.schema.json")
    schema = json.loads((site / "open-data/afspraken-export.schema.json").read_text(encoding="utf-8"))
    assert schema["title"]
    assert (site / "2024/afspraken.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    velden = [th.get_text() for th in pagina(site, "open-data/").select("table.pa-velden tbody th")]
    assert velden == list(schema["properties"]["afspraken"]["items"]["properties"])


def test_vaste_paginas_bestaan(site):
    for url in ("over/", "toegankelijkheid/", "bijdragen/", "open-data/", "begrippen/"):
        assert pagina(site, url).h1


# --- years -----------------------------------------------------------------------------------

def test_nieuwste_jaar_eerst_en_jaarkiezer(site_twee_jaren):
    home = pagina(site_twee_jaren, "")
    assert links_naar(home.select_one("ul.pa-jaren"), "") == ["2025/", "2024/"]
    kiezer = pagina(site_twee_jaren, "2024/themas/betaalbaarheid/").select_one("nav.pa-jaarkiezer")
    assert links_naar(kiezer, "2024/themas/betaalbaarheid/") == [
        "2025/themas/betaalbaarheid/", "2024/themas/betaalbaarheid/"]
    assert kiezer.select_one('[aria-current="page"]').get_text() == "2024"


def test_een_jaar_heeft_geen_jaarkiezer(site):
    assert pagina(site, "2024/themas/betaalbaarheid/").select_one("nav.pa-jaarkiezer") is None


def test_voortzetting_in_beide_richtingen(site_twee_jaren):
    nieuw = pagina(site_twee_jaren, "2025/afspraken/1/")
    assert "2024/afspraken/18/" in links_naar(inhoud(nieuw), "2025/afspraken/1/")
    oud = pagina(site_twee_jaren, "2024/afspraken/18/")
    assert "2025/afspraken/1/" in links_naar(inhoud(oud), "2024/afspraken/18/")
    assert "In andere jaren" in oud.get_text()


# --- safety -----------------------------------------------------------------------------------

def test_jinja_en_html_in_data_worden_niet_uitgevoerd(tmp_path):
    project = projectkopie(tmp_path / "project")
    pad = project / "data/2024/betaalbaarheid.yaml"
    tekst = pad.read_text(encoding="utf-8")
    gevaarlijk = "{{ 7 * 7 }} {% raw %} <script>alert(1)</script>"
    oud_tekst = "Corporaties gaan voor nul ontruimingen op basis van alleen huurachterstand."
    oud_titel = "titel: Nul ontruimingen om alleen huurachterstand"
    assert oud_tekst in tekst and oud_titel in tekst
    tekst = tekst.replace(oud_tekst, gevaarlijk).replace(oud_titel, f'titel: "# {gevaarlijk} *x*"')
    pad.write_text(tekst, encoding="utf-8")
    themas = project / "data/themas.yaml"
    themas.write_text(themas.read_text(encoding="utf-8").replace(
        "naam: Betaalbaarheid", 'naam: "<b>Betaal</b>baarheid {{ 1 + 1 }}"'), encoding="utf-8")
    uit = bouw(project, tmp_path / "site")
    assert uit.returncode == 0, uit.stderr
    for url in ("2024/afspraken/18/", "2024/themas/betaalbaarheid/", "2024/volledige-tekst/"):
        html = (tmp_path / "site" / url / "index.html").read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html and "<b>Betaal" not in html
        assert "{{ 7 * 7 }}" in BeautifulSoup(html, "html.parser").get_text()
    soep = BeautifulSoup((tmp_path / "site/2024/afspraken/18/index.html").read_text(encoding="utf-8"), "html.parser")
    assert soep.h1.get_text() == f"Afspraak 18 (2024): # {gevaarlijk} *x*"
    assert soep.title.get_text().startswith("Afspraak 18 (2024): # {{ 7 * 7 }}")
    thema = BeautifulSoup((tmp_path / "site/2024/themas/betaalbaarheid/index.html").read_text(encoding="utf-8"),
                          "html.parser")
    assert "<b>Betaal</b>baarheid {{ 1 + 1 }}" in thema.select_one("nav.md-nav--primary").get_text()


def test_bouw_met_foute_data_stopt_zonder_traceback(tmp_path):
    project = projectkopie(tmp_path / "project")
    pad = project / "data/2024/duurzaamheid.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("[de-volmacht]", "[de-volmagt]", 1), encoding="utf-8")
    uit = bouw(project, tmp_path / "site")
    assert uit.returncode != 0
    assert "Traceback" not in uit.stderr
    assert "onbekende partij of groep 'de-volmagt'; bedoelde u 'de-volmacht'?" in uit.stderr
    assert "data/2024/duurzaamheid.yaml:" in uit.stderr
    assert not (tmp_path / "site").exists()


def menu(soep: BeautifulSoup) -> list[str]:
    """The top-level entries of the navigation, as a reader sees their names."""
    lijst = soep.select_one("nav.md-nav--primary > ul.md-nav__list")
    return [" ".join(li.find(["a", "label"]).get_text().split()) for li in lijst.find_all("li", recursive=False)]


def test_een_jaar_menu_met_alle_jaren(site, echt):
    """The menu has one shape from the first year on: the year, then a link to all years."""
    soep = pagina(site, "2024/afspraken/19/")
    assert menu(soep)[:3] == ["Home", "2024", "Alle jaren"]
    (link,) = [a for a in soep.select("nav.md-nav--primary a") if a.get_text(strip=True) == "Alle jaren"]
    assert doel("2024/afspraken/19/", link["href"]).strip("/") == "" and link["href"].endswith("#alle-jaren")
    lijst = pagina(site, "").select_one("#alle-jaren").find_next("ul")
    assert links_naar(lijst, "") == [f"{j}/" for j in sorted(echt.jaren, reverse=True)]


def test_vijftien_jaren_pagina_groeit_niet_mee(tmp_path, site):
    """15 years: nothing on a page grows with the number of years.

    The menu shows the newest year and the page's own year, the year switcher the years
    around the page's year and the newest; both end in a link to all years on the home page.
    """
    project = projectkopie(tmp_path / "project")
    jaren = range(2025, 2039)
    for jaar in jaren:  # fictional copies of the fixture year; lineage to 2024 stays valid
        doel_ = project / "data" / str(jaar)
        shutil.copytree(TESTJAAR, doel_)
        for bestand in doel_.glob("*.yaml"):
            bestand.write_text(bestand.read_text(encoding="utf-8").replace("2025", str(jaar)), encoding="utf-8")
    gebouwd = tmp_path / "site"
    uit = bouw(project, gebouwd)
    assert uit.returncode == 0, uit.stderr

    een = menu(pagina(site, "2024/afspraken/19/"))
    assert menu(pagina(gebouwd, "2024/afspraken/19/")) == een[:1] + ["2038"] + een[1:]
    assert menu(pagina(gebouwd, "2030/themas/betaalbaarheid/")) == een[:1] + ["2038", "2030"] + een[2:]
    assert menu(pagina(gebouwd, "2038/afspraken/1/")) == een[:1] + ["2038"] + een[2:]
    assert menu(pagina(gebouwd, "begrippen/")) == een[:1] + ["2038"] + een[2:]
    assert links_naar(pagina(gebouwd, "").select_one("ul.pa-jaren"), "") == [
        f"{j}/" for j in sorted([2024, *jaren], reverse=True)]

    kiezer = pagina(gebouwd, "2030/partijen/woonborg/").select_one("nav.pa-jaarkiezer")
    assert [a.get_text() for a in kiezer.select("a")] == [
        "2038", "2032", "2031", "2030", "2029", "2028", "Alle jaren"]
    assert links_naar(kiezer, "2030/partijen/woonborg/")[:-1] == [
        f"{j}/partijen/woonborg/" for j in (2038, 2032, 2031, 2030, 2029, 2028)]
    assert kiezer.select("a")[-1]["href"].endswith("#alle-jaren")

    # A commitment without lineage shows the same content with 1 or 15 years, and its page
    # (menu included) and a theme page (with the year switcher) stay within 5%.
    assert str(inhoud(pagina(site, "2024/afspraken/19/"))) == str(inhoud(pagina(gebouwd, "2024/afspraken/19/")))
    for url in ("2024/afspraken/19/", "2024/themas/betaalbaarheid/"):
        grootte_een, grootte_vijftien = ((s / url / "index.html").stat().st_size for s in (site, gebouwd))
        assert grootte_vijftien <= 1.05 * grootte_een, url


def test_paginas_zonder_inspringing(site):
    """Built pages carry no indentation or blank lines of the theme's templates; whitespace
    inside pre, script, style and textarea is left alone."""
    bewaard = re.compile(r"<(pre|script|style|textarea)\b.*?</\1>", re.DOTALL)
    for url in html_paginas(site):
        tekst = bewaard.sub("<bewaard>", (site / (url if url.endswith(".html") else url + "index.html")).read_text(encoding="utf-8"))
        assert not re.search(r"\n[ \t]*\n|\n[ \t]+", tekst), url


def test_witruimte_telt_in_pre_en_script():
    from macros.witruimte import zonder_inspringing

    html = "<div>\n    <p>een\n\n   twee</p>\n  <pre>\n  ingesprongen\n\n</pre>  \n <script>\n  a = 1\n</script>\n</div>"
    assert zonder_inspringing(html) == (
        "<div>\n<p>een\ntwee</p>\n<pre>\n  ingesprongen\n\n</pre>\n<script>\n  a = 1\n</script>\n</div>")
    assert zonder_inspringing("a\u00a0\n\u00a0b") == "a\u00a0\n\u00a0b"  # a no-break space is text
