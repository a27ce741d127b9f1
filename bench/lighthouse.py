"""Lighthouse (pinned in bench/package.json) in the operating system's Chromium.

Mobile, Lighthouse's default form factor, with its simulated slow network and CPU.
Chromium is never downloaded: it comes from the OS packages (apt-get install chromium),
found through $CHROMIUM_PATH or $CHROME_PATH or a usual location
(macros/gereedschap/chromium.py).
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from macros.gereedschap.chromium import OPTIES, ChromiumOntbreekt
from macros.gereedschap.chromium import vind_chromium as _vind_chromium

from .bouwen import BenchFout

LIGHTHOUSE = Path(__file__).resolve().parent / "node_modules" / ".bin" / "lighthouse"
CATEGORIEEN = ("performance", "accessibility", "best-practices", "seo")
CHROMIUM_OPTIES = ("--headless", *OPTIES)


def vind_chromium() -> str:
    """The OS's Chromium (macros/gereedschap/chromium.py, shared with the browser tests)."""
    try:
        return _vind_chromium()
    except ChromiumOntbreekt as fout:
        raise BenchFout(str(fout)) from None


def controleer_lighthouse() -> None:
    if not LIGHTHOUSE.exists():
        raise BenchFout(f"Lighthouse ontbreekt ({LIGHTHOUSE}); `make bench` installeert het met "
                        "`npm ci` in bench/ (Node.js 18 of nieuwer nodig)")


def meet_pagina(url: str, chromium: str) -> dict[str, int]:
    """One Lighthouse run: the score (0-100) per category, and the failed audits."""
    with tempfile.TemporaryDirectory() as profiel:
        opties = " ".join((*CHROMIUM_OPTIES, f"--user-data-dir={profiel}"))
        uit = subprocess.run(
            [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
             f"--only-categories={','.join(CATEGORIEEN)}", f"--chrome-flags={opties}"],
            capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium}, timeout=300)
    if uit.returncode != 0:
        raise BenchFout(f"Lighthouse op {url} mislukt:\n{uit.stderr[-3000:]}")
    verslag = json.loads(uit.stdout)
    scores = {c: round(100 * (verslag["categories"][c]["score"] or 0)) for c in CATEGORIEEN}
    gezakt = sorted(naam for naam, audit in verslag["audits"].items()
                    if audit.get("score") is not None and audit["score"] < 1
                    and audit.get("scoreDisplayMode") == "binary")
    return {**scores, "gezakte_audits": gezakt}


def meet(adressen: dict[str, str], chromium: str, keer: int = 3) -> dict[str, dict]:
    """Per page (name -> URL) the median score per category over `keer` runs.

    Performance under simulated throttling still varies a little from run to run on a
    shared machine; the median of three is the number reported.
    """
    uitkomst = {}
    for naam, url in adressen.items():
        runs = [meet_pagina(url, chromium) for _ in range(keer)]
        uitkomst[naam] = {c: statistics.median_low(r[c] for r in runs) for c in CATEGORIEEN}
        uitkomst[naam]["url"] = url
        uitkomst[naam]["runs"] = [{c: r[c] for c in CATEGORIEEN} for r in runs]
        uitkomst[naam]["gezakte_audits"] = sorted({a for r in runs for a in r["gezakte_audits"]})
    return uitkomst
