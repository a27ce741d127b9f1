"""The operating system's Chromium, for `make bench` (bench/) and the browser tests
(tests/browser/). One finder for both; a browser is never downloaded.

$CHROMIUM_PATH or $CHROME_PATH when set (a value that is not a program is an error, not
a reason to look elsewhere), else the first usual location that holds a program.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

# Where Debian, Ubuntu, Google's packages and snap put the browser, in order of preference.
KANDIDATEN = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/snap/bin/chromium",
)
OMGEVINGSVARIABELEN = ("CHROMIUM_PATH", "CHROME_PATH")

# Without the background-networking flags Chromium keeps trying to reach Google's
# services, which a closed network refuses; a page of the site never needs them.
OPTIES = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


class ChromiumOntbreekt(Exception):
    """No usable Chromium; the message says why and how to install one (Dutch)."""

    def __init__(self, reden: str):
        self.reden = reden
        super().__init__(
            f"Chromium niet gevonden: {reden}. Installeer de Chromium van het besturingssysteem "
            "(Debian/Ubuntu: apt-get install chromium) of zet CHROMIUM_PATH op het programma, "
            "bijvoorbeeld CHROMIUM_PATH=/usr/bin/chromium. Download geen browser (ook niet met "
            "playwright install).")


def uitvoerbaar(pad: str) -> bool:
    return Path(pad).is_file() and os.access(pad, os.X_OK)


def vind_chromium(kandidaten: Sequence[str] = KANDIDATEN) -> str:
    """The path of the OS's Chromium, or ChromiumOntbreekt."""
    for naam in OMGEVINGSVARIABELEN:
        waarde = os.environ.get(naam, "").strip()
        if waarde:
            if uitvoerbaar(waarde):
                return waarde
            raise ChromiumOntbreekt(f"{naam}={waarde} is geen uitvoerbaar bestand")
    for pad in kandidaten:
        if uitvoerbaar(pad):
            return pad
    raise ChromiumOntbreekt(f"{' en '.join(OMGEVINGSVARIABELEN)} zijn niet gezet en geen van "
                            f"{', '.join(kandidaten)} bestaat")
