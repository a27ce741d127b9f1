"""Search on a phone: from opening the search to the first result, under a phone profile.

Chromium with its CPU slowed 4× and the network at 1.6 Mbit/s down, 750 kbit/s up and
150 ms latency (the profile of issue 15). The site is served as a static host serves it
(bench/webserver.py, gzip). A fresh page of the newest year is opened and left to load;
then the clock runs from the click on the search button, through typing one word, to the
first result shown. Also counted: the bytes of search data the page downloaded.
"""
from __future__ import annotations

import statistics
import time
from pathlib import Path

from macros.gegevens.model import Model
from macros.gereedschap.chromium import OPTIES
from macros.paginas.adressen import jaar_url

from .webserver import serveer

PROFIEL = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8,
           "uploadThroughput": 750_000 / 8}
CPU_VERTRAGING = 4
WACHTEN_MS = 30_000


def zoekwoord(model: Model) -> str:
    """A word of the newest year's first commitment title (long enough to be a real word)."""
    jaar = max((j for j in model.jaren.values() if j.afspraken), key=lambda j: j.jaar)
    woorden = [w.strip(".,:;()'\"").lower() for a in jaar.afspraken for w in a.titel.split()]
    return next(w for w in woorden if len(w) >= 6 and w.isalpha())


def meet(site: Path, model: Model, chromium: str, keer: int = 3) -> dict:
    """Seconds to the first result (each time in a fresh browser context), the median, and
    the search data downloaded in bytes (as sent, gzip)."""
    from playwright.sync_api import sync_playwright

    jaar = max(j.jaar for j in model.jaren.values() if j.afspraken)
    woord = zoekwoord(model)
    tijden, geladen = [], []
    with serveer(site) as adres, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True,
                                             args=list(OPTIES))
        try:
            for _ in range(keer):
                context = browser.new_context()
                pagina = context.new_page()
                cdp = context.new_cdp_session(pagina)
                cdp.send("Network.enable")
                cdp.send("Network.emulateNetworkConditions", PROFIEL)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_VERTRAGING})
                bytes_ = {}
                cdp.on("Network.loadingFinished", lambda e, b=bytes_: b.__setitem__(e["requestId"], e["encodedDataLength"]))
                zoekverzoeken = set()
                cdp.on("Network.requestWillBeSent", lambda e, z=zoekverzoeken: z.add(e["requestId"])
                       if "/zoeken/" in e["request"]["url"] else None)
                pagina.goto(adres + jaar_url(jaar), wait_until="load")
                pagina.wait_for_timeout(500)
                begin = time.perf_counter()
                pagina.click(".pa-zoeken__open")
                pagina.keyboard.type(woord)
                pagina.locator(".pa-zoeken__resultaat").first.wait_for(timeout=WACHTEN_MS)
                tijden.append(round(time.perf_counter() - begin, 3))
                pagina.wait_for_timeout(300)
                geladen.append(sum(n for r, n in bytes_.items() if r in zoekverzoeken))
                context.close()
        finally:
            browser.close()
    return {"woord": woord, "seconden": tijden, "mediaan_seconden": round(statistics.median(tijden), 3),
            "zoekdata_bytes": max(geladen)}
