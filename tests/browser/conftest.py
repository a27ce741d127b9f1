"""Browser-test harness: the OS's headless Chromium, built sites under a sub-path, no network.

- `vind_chromium()` finds the browser of the operating system (macros/gereedschap/chromium.py, shared
  with `make bench`); Playwright never downloads one.
  Without a browser the browser tests are skipped, except in CI (CI=true), where that fails.
- `dienaar(map)` serves a built site at http://127.0.0.1:PORT/pa/, as GitHub Pages serves
  https://owner.github.io/repo/: a page that works there uses only relative links. One
  server (and port) per site for the whole session.
- `gebouwd(request, naam)` is a data set's built site, served, with its model: "echt" (the
  live data: only for what holds for any valid data) or a fixture set such as "een-jaar",
  on which behaviour is tested with expected values from its model. `webadres` is the
  live site's address (the site fixture of tests/conftest.py).
- `pagina` is a fresh browser tab that lets only requests to 127.0.0.1 through; after the
  test it fails when the page tried to reach any other host (the site sends nothing to
  third parties). `bewaking` holds what the tab saw: blocked requests, console errors,
  script errors and local responses with an error status. `nieuwe_context(**opties)` makes
  more such contexts (for example without JavaScript).
- `site_url_naar_prefix` lets a context show 404.html, whose links start at site_url.
- `axe(pagina)` runs the vendored axe-core (WCAG 2.1 A and AA rules) on the open page;
  `beschrijf_schendingen(...)` turns its findings into a readable failure message.
- `zoek(pagina, vraag)` uses the site's search as a reader does and returns the results.

Playwright drives the browser synchronously; everything here runs in the test's thread
except the web server, which has its own.
"""
from __future__ import annotations

import functools
import http.server
import os
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from macros.gegevens.model import Afspraak, Model
from macros.gereedschap import chromium

PREFIX = "/pa/"  # the site's path on the test server, like /repo/ on GitHub Pages
HOST = "127.0.0.1"
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"

# The finder and the browser options are shared with `make bench` (macros/gereedschap/chromium.py);
# the names stay here so that tests can replace the locations.
KANDIDATEN = chromium.KANDIDATEN
OMGEVINGSVARIABELEN = chromium.OMGEVINGSVARIABELEN
CHROMIUM_OPTIES = list(chromium.OPTIES)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


# --- Chromium ---------------------------------------------------------------------------

def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def geen_chromium(melding: str):
    """Skip the browser tests; in CI (CI=true) a missing browser is a failure instead."""
    if in_ci():
        pytest.fail(melding + " (CI=true: browsertests mogen niet overgeslagen worden)", pytrace=False)
    pytest.skip(melding)


def vind_chromium() -> str:
    """Path of the OS's Chromium: $CHROMIUM_PATH or $CHROME_PATH, else a usual location."""
    try:
        return chromium.vind_chromium(KANDIDATEN)
    except chromium.ChromiumOntbreekt as fout:
        geen_chromium(str(fout))


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    pad = vind_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=pad, headless=True, args=CHROMIUM_OPTIES)
        yield browser
        browser.close()


# --- The site under a sub-path ----------------------------------------------------------

class SiteOnderPrefix(http.server.SimpleHTTPRequestHandler):
    """Serves one folder at PREFIX only, as a static host does: no listings, 404 elsewhere."""

    def send_head(self):
        pad = urlsplit(self.path).path
        if pad == PREFIX.rstrip("/"):
            query = urlsplit(self.path).query
            self.send_response(301)
            self.send_header("Location", PREFIX + (f"?{query}" if query else ""))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if not pad.startswith(PREFIX):
            self.send_error(404, f"Buiten {PREFIX}")
            return None
        # Folders without index.html redirect to a slash (the base class, with the prefix
        # intact because self.path keeps it) or serve their index.html.
        return super().send_head()

    def translate_path(self, path):
        return super().translate_path("/" + path[len(PREFIX):])

    def list_directory(self, path):
        self.send_error(404, "Geen index.html")  # a static host lists no folders
        return None

    def log_message(self, format, *args):
        pass  # quiet: failures show up in the tests themselves


class Server:
    """One built site served at PREFIX on 127.0.0.1 with a free port, in its own thread."""

    def __init__(self, site: Path):
        handler = functools.partial(SiteOnderPrefix, directory=str(site))
        self.server = http.server.ThreadingHTTPServer((HOST, 0), handler)
        self.server.daemon_threads = True
        self.draad = threading.Thread(target=self.server.serve_forever, name=f"site-{site.name}", daemon=True)
        self.draad.start()
        self.webadres = f"http://{HOST}:{self.server.server_address[1]}{PREFIX}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.draad.join(timeout=5)


@pytest.fixture(scope="session")
def dienaar():
    """dienaar(map): the base URL of that built site, served at /pa/; a server per site."""
    servers: dict[Path, Server] = {}

    def webadres(site: Path) -> str:
        if site not in servers:
            servers[site] = Server(site)
        return servers[site].webadres

    yield webadres
    for server in servers.values():
        server.stop()


@pytest.fixture(scope="session")
def webadres(site: Path, dienaar) -> str:
    """Base URL of the live site (built from data/), served at /pa/."""
    return dienaar(site)


# The data sets a browser test can run on: the fixtures (tests/conftest.py) of the built
# site and of the model. "echt" is the live data: only for checks that hold for any data.
SETS = {
    "echt": ("site", "echt"),
    "een-jaar": ("site_een_jaar", "een_jaar"),
    "twee-jaren": ("site_twee_jaren", "twee_jaren"),
    "andere-gemeente": ("site_andere_gemeente", "andere_gemeente"),
    "gevolgd": ("site_gevolgd", "gevolgd"),  # progress: every status, corrections, per place
    "veel-jaren": ("site_veel_jaren", "veel_jaren"),  # synthetic, for the search across years
}


@dataclass(frozen=True)
class Gebouwd:
    """A data set's built site, served."""

    naam: str  # a key of SETS
    map: Path  # the built site
    webadres: str  # its base URL, ending in PREFIX
    model: Model  # the data it was built from: where expected values come from


def gebouwd(request, naam: str) -> Gebouwd:
    """The built, served site of data set `naam` (see SETS), for a fixture's `request`."""
    site, model = SETS[naam]
    map_ = request.getfixturevalue(site)
    return Gebouwd(naam, map_, request.getfixturevalue("dienaar")(map_), request.getfixturevalue(model))


def paginas(site: Path) -> list[str]:
    """Every HTML file of the built site as a path relative to the site root, in URL form.

    index.html becomes its folder ("2024/afspraken/"; the home page is ""), as readers
    and the site's own links address it. Sorted, so reports list pages in a stable order.
    """
    adressen = []
    for pad in site.rglob("*.html"):
        relatief = pad.relative_to(site).as_posix()
        adressen.append(relatief[: -len("index.html")] if pad.name == "index.html" else relatief)
    return sorted(adressen)


# --- Tabs that may not leave the machine --------------------------------------------------

@dataclass
class Bewaking:
    """What the browser did during one test, on any of the served sites."""

    extern: list[str] = field(default_factory=list)  # requests to other hosts, blocked
    console: list[str] = field(default_factory=list)  # console.error messages
    scriptfouten: list[str] = field(default_factory=list)  # uncaught exceptions
    lokale_fouten: list[str] = field(default_factory=list)  # "404 http://127.0.0.1:…/…", failures
    geladen: list[str] = field(default_factory=list)  # URLs that answered below 400

    def volg(self, context) -> None:
        """Block and record every request to another host; record errors."""
        context.route("**/*", self._verzoek)
        context.on("console", self._console)
        context.on("weberror", self._scriptfout)
        context.on("response", self._antwoord)
        context.on("requestfailed", self._mislukt)

    def _verzoek(self, route) -> None:
        url = route.request.url
        if urlsplit(url).hostname == HOST:
            route.continue_()
        else:
            herkomst = route.request.headers.get("referer")
            self.extern.append(f"{route.request.method} {url}" + (f" (vanaf {herkomst})" if herkomst else ""))
            route.abort("blockedbyclient")

    def _console(self, bericht) -> None:
        if bericht.type == "error":
            plek = bericht.location or {}
            self.console.append(f"{bericht.text} ({plek.get('url', '?')}:{plek.get('lineNumber', '?')})")

    def _scriptfout(self, fout) -> None:
        self.scriptfouten.append(f"{fout.error} (op {fout.page.url if fout.page else '?'})")

    def _antwoord(self, antwoord) -> None:
        adres = urlsplit(antwoord.url)
        if antwoord.status < 400:
            self.geladen.append(antwoord.url)
        elif adres.hostname == HOST and adres.path.startswith(PREFIX):
            self.lokale_fouten.append(f"{antwoord.status} {antwoord.url}")
        elif adres.hostname == HOST:
            # Outside the prefix: a link from the server's root, which breaks under /repo/.
            self.lokale_fouten.append(f"{antwoord.status} {antwoord.url} (buiten {PREFIX}: "
                                      "een link vanaf de root in plaats van relatief?)")

    def _mislukt(self, verzoek) -> None:
        # ERR_ABORTED: cancelled by the page or by leaving it, not an error of the site.
        if urlsplit(verzoek.url).hostname == HOST and "ERR_ABORTED" not in (verzoek.failure or ""):
            self.lokale_fouten.append(f"{verzoek.failure} {verzoek.url}")

    def fouten(self) -> list[str]:
        """Everything that went wrong, one line each, for an assertion message."""
        return ([f"extern verzoek: {r}" for r in self.extern]
                + [f"consolefout: {r}" for r in self.console]
                + [f"scriptfout: {r}" for r in self.scriptfouten]
                + [f"lokale fout: {r}" for r in self.lokale_fouten])


@pytest.fixture
def bewaking() -> Bewaking:
    return Bewaking()


@pytest.fixture
def nieuwe_context(browser, bewaking):
    """Makes browser contexts (keyword arguments as for browser.new_context) watched by
    `bewaking`; closes them after the test and then fails if any tried to reach another host."""
    contexten = []

    def maak(**opties):
        context = browser.new_context(**opties)
        bewaking.volg(context)
        contexten.append(context)
        return context

    yield maak
    for context in contexten:
        context.close()
    assert not bewaking.extern, (
        "De pagina probeerde andere hosts dan 127.0.0.1 te bereiken (geblokkeerd):\n  "
        + "\n  ".join(bewaking.extern))


@pytest.fixture
def pagina(nieuwe_context):
    """A fresh tab with JavaScript on, in its own context; see `bewaking` for what it saw."""
    return nieuwe_context().new_page()


def site_url_pad(site: Path) -> str:
    """The path of the site_url the site was built with: "/" unless SITE_URL says otherwise.

    Read from sitemap.xml, whose addresses all start with site_url; the home page's is the shortest.
    """
    adressen = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    return min((urlsplit(a.strip()).path for a in adressen), key=len, default="/")


def site_url_naar_prefix(context, webadres: str, site: Path) -> None:
    """Let `context` show 404.html as the published site does.

    MkDocs writes 404.html with links from the path of site_url, not relative ones: GitHub
    Pages shows that one page for a missing address at any depth. The tests build with the
    default site_url (path "/"), so under /pa/ its stylesheet and scripts would not load and
    it would be checked unstyled. This sends the context's requests for that path to /pa/
    instead, as if the site had been built with SITE_URL=http://127.0.0.1:PORT/pa/.
    Use it for 404.html only: on any other page such a link is a fault to see.
    """
    deel = urlsplit(webadres)
    basis = f"{deel.scheme}://{deel.netloc}{site_url_pad(site)}"

    def naar_prefix(route):
        route.continue_(url=webadres + route.request.url[len(basis):])

    # Registered after Bewaking.volg's catch-all route, so it is asked first.
    context.route(lambda url: url.startswith(basis) and not url.startswith(webadres), naar_prefix)


def open_pagina(pagina, adres: str, **opties):
    """Go to `adres` and fail with a clear message unless the server answered 200."""
    antwoord = pagina.goto(adres, **opties)
    if antwoord is None or antwoord.status != 200:
        pytest.fail(f"{adres} gaf {antwoord.status if antwoord else 'geen antwoord'}: "
                    "bestaat die pagina (al)?", pytrace=False)
    return antwoord


# --- Examples from a model -----------------------------------------------------------------

def plaats_in_tekst(model: Model) -> tuple[str, Afspraak]:
    """A place's name and the first commitment that names the place and has that name in its text."""
    for afspraak in model.afspraken:
        for plaats in afspraak.plaatsen:
            naam = model.plaatsen[plaats].naam
            if naam in afspraak.tekst:
                return naam, afspraak
    pytest.fail(f"de gegevens hebben geen afspraak die een plaats noemt ({model.gemeente.naam})")


# --- axe-core -----------------------------------------------------------------------------

def axe(pagina) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page that `pagina` shows."""
    if not pagina.evaluate("() => typeof window.axe === 'object'"):
        pagina.add_script_tag(path=AXE)
    resultaat = pagina.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return resultaat["violations"]


def beschrijf_schendingen(schendingen: list[dict], max_elementen: int = 3) -> str:
    """One block per violation: id, impact, help text, and the first few elements."""
    regels = []
    for schending in schendingen:
        knopen = schending["nodes"]
        regels.append(f"- {schending['id']} ({schending['impact']}): {schending['help']} "
                      f"[{len(knopen)} element{'en' if len(knopen) != 1 else ''}; {schending['helpUrl']}]")
        for knoop in knopen[:max_elementen]:
            html = " ".join(knoop["html"].split())
            html = html if len(html) <= 160 else html[:157] + "..."
            regels.append(f"    {' '.join(map(str, knoop['target']))}: {html}")
            samenvatting = (knoop.get("failureSummary") or "").splitlines()
            if len(samenvatting) > 1:
                regels.append(f"      {samenvatting[1].strip()}")
        if len(knopen) > max_elementen:
            regels.append(f"    ... en nog {len(knopen) - max_elementen}")
    return "\n".join(regels)


# --- the site's search --------------------------------------------------------------------

@dataclass
class Zoekresultaat:
    href: str  # the result's page (absolute URL)
    titel: str  # the page title shown in the result
    meta: str  # the line under it: year, theme, kind of page
    links: list[str]  # the result's link (a list, as tests compare links)


def open_zoeken(pagina) -> None:
    """Open the search panel with the header's search button, as a reader does."""
    veld = pagina.locator("#pa-zoekvraag")
    if not veld.is_visible():
        pagina.locator("button.pa-zoeken__open").click()
    veld.wait_for(state="visible")


def zoekresultaten(pagina, wachttijd: float = 10.0) -> list[Zoekresultaat]:
    """The results shown, once the list shows those of the question in the field and the
    status line reports them (the script marks the list with the question it answers)."""
    pagina.wait_for_function(
        """() => { const l = document.querySelector('.pa-zoeken__lijst');
                   const s = document.querySelector('.pa-zoeken__stand');
                   return l && l.dataset.vraag === document.querySelector('#pa-zoekvraag').value
                          && /resulta/.test(s.textContent); }""", timeout=wachttijd * 1000)
    lijst = pagina.locator(".pa-zoeken__resultaat")
    gevonden = lijst.evaluate_all("""items => items.map(item => {
        const a = item.querySelector('a');
        const meta = item.querySelector('.pa-zoeken__meta');
        return {href: a ? a.href : '', titel: a ? a.textContent : '', meta: meta ? meta.textContent : ''};
    })""")
    return [Zoekresultaat(href=r["href"], titel=" ".join(r["titel"].split()), meta=r["meta"], links=[r["href"]])
            for r in gevonden]


def zoek(pagina, vraag: str, wachttijd: float = 10.0, typen: bool = True) -> list[Zoekresultaat]:
    """Type `vraag` into the search of the open page, as a reader does; the results shown.
    With `typen=False` the question is put in at once (as pasting does), for many questions."""
    open_zoeken(pagina)
    veld = pagina.locator("#pa-zoekvraag")
    veld.fill("")
    if typen:
        veld.press_sequentially(vraag)
    else:
        veld.fill(vraag)
    return zoekresultaten(pagina, wachttijd)
