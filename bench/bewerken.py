"""The editors' loop: from saving a data file to the changed page, over HTTP and in the browser.

The command of `make serve` (read from the Makefile: `serve_opdracht`) runs on a
throw-away copy of a project; a headless Chromium has a commitment's page open; the
commitment's title is changed in its YAML file, and two clocks run from the save:

- `http`: until the page that the server sends (asked every 20 ms with urllib) holds
  the new title: what the editor waits for. Budget: bench/begroting.py, REDACTIE_HTTP.
- `browser`: until the page open in Chromium shows it (MkDocs' live reload fetched it
  again): reported beside it, no budget.
"""
from __future__ import annotations

import json
import re
import shlex
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from macros.gegevens.laden import laad
from macros.gegevens.model import Afspraak, Jaar, Model
from macros.paginas.adressen import afspraak_url

from .bouwen import OMGEVING, PROJECT, BenchFout
from .lighthouse import CHROMIUM_OPTIES

HOST = "127.0.0.1"
WACHTEN = 180  # seconds for the first build of the server, and for each change to show
PEILEN = 0.02  # seconds between two requests for the page
RUST = 1.0  # seconds between two changes, so that one change's rebuild is over


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


# --- the serve command ----------------------------------------------------------------------

def recept(makefile: str, doel: str) -> list[str]:
    """The command lines of target `doel` in the text of a Makefile (tabs, continuations joined)."""
    regels = makefile.replace("\\\n", " ").split("\n")
    begin = next((i for i, r in enumerate(regels) if re.match(rf"{re.escape(doel)}\s*:(?!=)", r)), None)
    if begin is None:
        raise BenchFout(f"de Makefile heeft geen doel `{doel}`")
    opdrachten = []
    for regel in regels[begin + 1:]:
        if regel.startswith("\t"):
            if regel.strip() and not regel.strip().startswith("#"):
                opdrachten.append(regel.strip().lstrip("@-+").strip())
        elif regel.strip() and not regel.startswith("#"):
            break
    return opdrachten


def als_opdracht(regel: str, adres: str) -> list[str]:
    """A Makefile command line of `make serve` as the words to run here, listening at `adres`.

    `$(BIN)/mkdocs` becomes this Python's `-m mkdocs` and `$(BIN)/python` this Python; the
    value of --dev-addr (or -a) becomes `adres`. Anything else that make would expand
    stops the benchmark: then this function needs to learn it.
    """
    woorden = shlex.split(regel)
    if not woorden:
        raise BenchFout("de opdracht van make serve is leeg")
    programma = re.fullmatch(r"\$[({]BIN[)}]/(mkdocs|python3?)", woorden[0])
    if programma is None:
        raise BenchFout(f"de opdracht van make serve begint niet met $(BIN)/mkdocs of $(BIN)/python: {regel}")
    opdracht = [sys.executable, "-m", "mkdocs"] if programma.group(1) == "mkdocs" else [sys.executable]
    rest, gezet = [], False
    woorden = iter(woorden[1:])
    for woord in woorden:
        if woord in ("--dev-addr", "-a"):
            next(woorden, None)
            rest += [woord, adres]
            gezet = True
        elif woord.startswith("--dev-addr="):
            rest.append(f"--dev-addr={adres}")
            gezet = True
        else:
            rest.append(woord)
    if not gezet:
        raise BenchFout(f"de opdracht van make serve zet geen adres (--dev-addr): {regel}")
    onbekend = [w for w in rest if "$" in w]
    if onbekend:
        raise BenchFout(f"de opdracht van make serve gebruikt variabelen die de meting niet kent: {' '.join(onbekend)}")
    return opdracht + rest


def serve_opdracht(adres: str, makefile: Path = PROJECT / "Makefile") -> list[str]:
    """THE serve command of the benchmark: what `make serve` runs, listening at `adres`."""
    opdrachten = recept(makefile.read_text(encoding="utf-8"), "serve")
    if len(opdrachten) != 1:
        raise BenchFout(f"make serve heeft {len(opdrachten)} opdrachten; de meting verwacht er één")
    return als_opdracht(opdrachten[0], adres)


# --- the commitment to change -------------------------------------------------------------------

def nieuwste_met_afspraken(model: Model) -> Jaar:
    """The latest year with commitments: a year being prepared (make nieuw-jaar) has none yet."""
    jaar = next((j for j in reversed(model.jaren.values()) if j.afspraken), None)
    if jaar is None:
        raise BenchFout("de gegevens hebben nog geen afspraken om mee te meten")
    return jaar


def titelregel(bestand: Path, titel: str) -> int:
    """The index of the line that holds `titel` as a commitment's title, or -1."""
    for i, regel in enumerate(bestand.read_text(encoding="utf-8").split("\n")):
        treffer = re.match(r"\s*(?:- )?titel: (.*)$", regel)
        if treffer and treffer.group(1).strip().strip("'\"") == titel:
            return i
    return -1


def zet_titel(bestand: Path, regelnummer: int, titel: str) -> None:
    regels = bestand.read_text(encoding="utf-8").split("\n")
    inspringing = regels[regelnummer][: regels[regelnummer].index("titel:")]
    regels[regelnummer] = f"{inspringing}titel: {json.dumps(titel, ensure_ascii=False)}"  # JSON strings are YAML
    bestand.write_text("\n".join(regels), encoding="utf-8")


def te_wijzigen(project: Path, model: Model) -> tuple[Afspraak, Path, int]:
    """The first commitment of the latest year with commitments whose title line is found."""
    jaar = nieuwste_met_afspraken(model)
    for afspraak in jaar.afspraken:
        bestand = project / "data" / str(jaar.jaar) / f"{afspraak.thema}.yaml"
        if (regel := titelregel(bestand, afspraak.titel)) >= 0:
            return afspraak, bestand, regel
    raise BenchFout(f"geen titel van een afspraak van {jaar.jaar} gevonden om te wijzigen")


# --- the measurement ----------------------------------------------------------------------------

def _haal(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=WACHTEN) as antwoord:
            return antwoord.read()
    except OSError:
        return b""


def _wacht_op_server(url: str, proces: subprocess.Popen, log: Path) -> None:
    einde = time.monotonic() + WACHTEN
    while time.monotonic() < einde:
        if proces.poll() is not None:
            raise BenchFout(f"de server van make serve stopte:\n{log.read_text(encoding='utf-8')[-3000:]}")
        if _haal(url):
            return
        time.sleep(0.2)
    raise BenchFout(f"de server van make serve gaf na {WACHTEN} s nog geen pagina op {url}")


def _tot_http(url: str, teken: bytes, begin: float, uitkomst: dict) -> None:
    while time.perf_counter() - begin < WACHTEN:
        if teken in _haal(url):
            uitkomst["http"] = time.perf_counter() - begin
            return
        time.sleep(PEILEN)


def meet_project(project: Path, chromium: str, keer: int) -> dict:
    """The editors' loop on `project` (a throw-away copy: its data is changed), `keer` times."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout, sync_playwright

    model = laad(project / "data").model
    if model is None:
        raise BenchFout(f"de gegevens in {project / 'data'} bevatten fouten")
    afspraak, bestand, regel = te_wijzigen(project, model)
    adres = f"http://{HOST}:{vrije_poort()}/"
    opdracht = serve_opdracht(adres.removeprefix("http://").rstrip("/"))
    url = adres + afspraak_url(afspraak.id)
    log = project / "serve.log"
    with open(log, "wb") as uitvoer:
        proces = subprocess.Popen(opdracht, cwd=project, stdout=uitvoer, stderr=subprocess.STDOUT,
                                  env={**OMGEVING, "SITE_URL": adres})
    http_s, browser_s = [], []
    try:
        _wacht_op_server(url, proces, log)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True,
                                                 args=[o for o in CHROMIUM_OPTIES if o != "--headless"])
            pagina = browser.new_page()
            pagina.goto(url)
            for n in range(1, keer + 1):
                teken = f"(bewerkt {n})"  # unique per change; no character that HTML escapes
                uitkomst: dict = {}
                zet_titel(bestand, regel, f"{afspraak.titel} {teken}")
                begin = time.perf_counter()
                peiler = threading.Thread(target=_tot_http, args=(url, teken.encode(), begin, uitkomst))
                peiler.start()
                try:
                    pagina.locator("h1", has_text=teken).wait_for(timeout=WACHTEN * 1000)
                except PlaywrightTimeout:
                    raise BenchFout(f"Chromium toonde na {WACHTEN} s nog niet de nieuwe titel op {url}") from None
                browser_s.append(round(time.perf_counter() - begin, 3))
                peiler.join()
                if "http" not in uitkomst:
                    raise BenchFout(f"de server gaf na {WACHTEN} s nog niet de nieuwe titel op {url}")
                http_s.append(round(uitkomst["http"], 3))
                time.sleep(RUST)
            browser.close()
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait()
    return {"jaren": len(model.jaren), "pagina": afspraak_url(afspraak.id),
            "bestand": bestand.relative_to(project).as_posix(),
            "opdracht": " ".join(["python", *opdracht[1:]]),
            "http_s": http_s, "http_mediaan_s": round(statistics.median(http_s), 3),
            "browser_s": browser_s, "browser_mediaan_s": round(statistics.median(browser_s), 3)}
