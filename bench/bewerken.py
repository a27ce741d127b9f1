"""The editors' loop: from saving a data file to the reloaded page in the browser.

`mkdocs serve` (as `make serve` runs it) on a throw-away copy of the project; a
headless Chromium has a commitment's page open; the commitment's title is changed in
its YAML file, and the clock runs until the page that MkDocs' live reload brought back
shows the new title. Informational: not a budget.
"""
from __future__ import annotations

import json
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from macros.gegevens.laden import laad
from macros.gegevens.model import Jaar, Model

from .bouwen import OMGEVING, BenchFout, kopieer_project
from .lighthouse import CHROMIUM_OPTIES

HOST = "127.0.0.1"
WACHTEN = 180  # seconds for the first build of `mkdocs serve`, and for each reload


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def nieuwste_met_afspraken(model: Model) -> Jaar:
    """The latest year with commitments: a year being prepared (make nieuw-jaar) has none yet."""
    jaar = next((j for j in reversed(model.jaren.values()) if j.afspraken), None)
    if jaar is None:
        raise BenchFout("de echte gegevens hebben nog geen afspraken om mee te meten")
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


def _wacht_op_server(adres: str, proces: subprocess.Popen, log: Path) -> None:
    einde = time.monotonic() + WACHTEN
    while time.monotonic() < einde:
        if proces.poll() is not None:
            raise BenchFout(f"mkdocs serve stopte:\n{log.read_text(encoding='utf-8')[-3000:]}")
        try:
            with urllib.request.urlopen(adres, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise BenchFout(f"mkdocs serve gaf na {WACHTEN} s nog geen pagina op {adres}")


def meet(chromium: str, keer: int = 3) -> dict:
    """Seconds from save to reloaded page, `keer` times on the real site; the median too."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as werk:
        project = kopieer_project(Path(werk) / "project")
        model = laad(project / "data").model
        if model is None:
            raise BenchFout("de echte gegevens bevatten fouten; draai make check")
        jaar = nieuwste_met_afspraken(model)
        afspraak, bestand, regel = next(
            ((a, b, r) for a in jaar.afspraken
             if (r := titelregel(b := project / "data" / str(jaar.jaar) / f"{a.thema}.yaml", a.titel)) >= 0),
            (None, None, -1))
        if afspraak is None:
            raise BenchFout(f"geen titel van een afspraak van {jaar.jaar} gevonden om te wijzigen")
        poort = vrije_poort()
        adres = f"http://{HOST}:{poort}/"
        log = Path(werk) / "serve.log"
        with open(log, "wb") as uitvoer:
            proces = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"{HOST}:{poort}"],
                cwd=project, stdout=uitvoer, stderr=subprocess.STDOUT, env={**OMGEVING, "SITE_URL": adres})
        try:
            _wacht_op_server(adres, proces, log)
            tijden = []
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=chromium, headless=True,
                    args=[o for o in CHROMIUM_OPTIES if o != "--headless"])
                pagina = browser.new_page()
                pagina.goto(adres + f"{jaar.jaar}/afspraken/{afspraak.nummer}/")
                for n in range(1, keer + 1):
                    nieuw = f"{afspraak.titel} (bewerkt {n})"
                    zet_titel(bestand, regel, nieuw)
                    begin = time.perf_counter()
                    pagina.locator("h1", has_text=nieuw).wait_for(timeout=WACHTEN * 1000)
                    tijden.append(round(time.perf_counter() - begin, 2))
                browser.close()
        finally:
            proces.terminate()
            try:
                proces.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proces.kill()
                proces.wait()
    return {"pagina": f"{jaar.jaar}/afspraken/{afspraak.nummer}/",
            "bestand": bestand.relative_to(project).as_posix(),
            "seconden": tijden, "mediaan_seconden": statistics.median(tijden)}
