"""The browser-test harness itself does what the other browser tests rely on.

- The test server serves the site only under /pa/, as GitHub Pages serves it under /repo/:
  elsewhere 404, /pa redirects to /pa/, a folder serves its index.html, no folder listings.
  So a page whose links start at the server's root fails under it, as it would there.
- A tab blocks and reports every request to another host, from the page and from a worker,
  and records console errors, uncaught script errors and local error statuses.
- 404.html, whose links start at site_url's path, gets its stylesheet in the tab made for it.
- Each built site gets its own server, so tests can use several data sets in one session.
- Without Chromium the browser tests are skipped, but in CI (CI=true) they fail.

The harness is code: it is tried on a fixture site (een-jaar), whose pages are few.
"""
from __future__ import annotations

import http.client
from urllib.parse import urlsplit

import pytest

from . import conftest as harnas
from .conftest import gebouwd, open_pagina


@pytest.fixture(scope="module")
def proef(request) -> harnas.Gebouwd:
    return gebouwd(request, "een-jaar")


@pytest.fixture(scope="module")
def webadres(proef) -> str:
    """The address of the fixture site, not of the live one."""
    return proef.webadres


def vraag(webadres: str, pad: str) -> tuple[int, str | None, bytes]:
    """GET `pad` on the test server, without following redirects: status, Location, body."""
    deel = urlsplit(webadres)
    verbinding = http.client.HTTPConnection(deel.hostname, deel.port, timeout=10)
    try:
        verbinding.request("GET", pad)
        antwoord = verbinding.getresponse()
        return antwoord.status, antwoord.getheader("Location"), antwoord.read()
    finally:
        verbinding.close()


def test_site_staat_alleen_onder_het_voorvoegsel(webadres, proef):
    site = proef.map
    assert webadres.endswith("/pa/")
    assert vraag(webadres, "/pa/") == (200, None, (site / "index.html").read_bytes())
    assert vraag(webadres, "/pa/index.html")[0] == 200
    assert vraag(webadres, "/pa/zoeken/site.json")[0] == 200
    for buiten in ("/", "/index.html", "/assets/", "/zoeken/site.json", "/paa/"):
        assert vraag(webadres, buiten)[0] == 404, buiten
    assert vraag(webadres, "/pa")[:2] == (301, "/pa/")
    assert vraag(webadres, "/pa?thema=x")[:2] == (301, "/pa/?thema=x")


def test_mappen_zoals_een_statische_host(webadres, proef):
    site = proef.map
    assert (site / "assets").is_dir() and not (site / "assets/index.html").exists()
    assert vraag(webadres, "/pa/assets")[:2] == (301, "/pa/assets/")  # folder: add the slash
    assert vraag(webadres, "/pa/assets/")[0] == 404  # no index.html: no listing either
    assert vraag(webadres, "/pa/bestaat-niet/")[0] == 404


def test_externe_verzoeken_worden_geblokkeerd_en_gemeld(browser, bewaking, webadres):
    context = browser.new_context()
    bewaking.volg(context)
    try:
        pagina = context.new_page()
        open_pagina(pagina, webadres)
        pagina.evaluate("""async () => {
            await fetch('https://voorbeeld.invalid/van-de-pagina').catch(() => {});
            const werker = new Worker(URL.createObjectURL(new Blob(
                ["fetch('http://voorbeeld.invalid/van-een-worker').finally(() => postMessage(1))"])));
            await new Promise(klaar => { werker.onmessage = klaar; });
        }""")
    finally:
        context.close()
    geblokkeerd = sorted(regel.split()[1] for regel in bewaking.extern)
    assert geblokkeerd == ["http://voorbeeld.invalid/van-een-worker",
                           "https://voorbeeld.invalid/van-de-pagina"]
    bewaking.extern.clear()  # this test made them on purpose


def test_console_en_scriptfouten_worden_gemeld(pagina, bewaking, webadres):
    open_pagina(pagina, webadres)
    pagina.evaluate("() => { console.error('proef-consolefout');"
                    " setTimeout(() => { throw new Error('proef-scriptfout'); }); }")
    pagina.wait_for_timeout(200)
    pagina.goto(webadres + "bestaat-niet.css")
    assert any("proef-consolefout" in regel for regel in bewaking.console), bewaking.console
    assert any("proef-scriptfout" in regel for regel in bewaking.scriptfouten), bewaking.scriptfouten
    assert f"404 {webadres}bestaat-niet.css" in bewaking.lokale_fouten


def test_404_pagina_krijgt_haar_opmaak_onder_het_voorvoegsel(browser, bewaking, webadres, proef):
    context = browser.new_context()
    bewaking.volg(context)
    harnas.site_url_naar_prefix(context, webadres, proef.map)
    try:
        pagina = context.new_page()
        open_pagina(pagina, webadres + "404.html", wait_until="networkidle")
        stijl = pagina.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position")
    finally:
        context.close()
    assert bewaking.lokale_fouten == []
    assert stijl == "sticky", "de stylesheet van Material is niet geladen"


@pytest.fixture
def zonder_chromium(monkeypatch, tmp_path):
    for naam in harnas.OMGEVINGSVARIABELEN:
        monkeypatch.delenv(naam, raising=False)
    monkeypatch.setattr(harnas, "KANDIDATEN", (str(tmp_path / "geen-chromium"),))
    return monkeypatch


def test_zonder_chromium_overslaan(zonder_chromium):
    zonder_chromium.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium niet gevonden"):
        harnas.vind_chromium()


def test_zonder_chromium_in_ci_mislukt(zonder_chromium):
    zonder_chromium.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="Chromium niet gevonden"):
        harnas.vind_chromium()


def test_verkeerd_chromium_path_wordt_gemeld(zonder_chromium, tmp_path):
    zonder_chromium.setenv("CI", "true")
    zonder_chromium.setenv("CHROMIUM_PATH", str(tmp_path / "bestaat-niet"))
    with pytest.raises(pytest.fail.Exception, match="CHROMIUM_PATH="):
        harnas.vind_chromium()


def test_chromium_path_gaat_voor(zonder_chromium, tmp_path):
    programma = tmp_path / "mijn-chromium"
    programma.write_text("#!/bin/sh\n")
    programma.chmod(0o755)
    zonder_chromium.setenv("CHROME_PATH", str(programma))
    assert harnas.vind_chromium() == str(programma)


def test_elke_site_een_eigen_server(dienaar, proef, site_andere_gemeente):
    assert dienaar(proef.map) == proef.webadres, "een tweede server voor dezelfde site"
    ander = dienaar(site_andere_gemeente)
    assert urlsplit(ander).port != urlsplit(proef.webadres).port
    assert vraag(ander, "/pa/")[2] == (site_andere_gemeente / "index.html").read_bytes()
    assert vraag(proef.webadres, "/pa/")[2] == (proef.map / "index.html").read_bytes()
