"""The screenshots in the editors' guide (/bijdragen/) come from the real site.

They show the guide's example commitment (macros/paginas/voorbeelden.py), whatever the data is.
This browser takes them from the built site. With SCHERMAFBEELDINGEN=bijwerken it writes
them into docs/assets/bijdragen/: `make schermafbeeldingen` does that, and so does CI before
it builds the site, so the published guide always shows the data it publishes. A normal run
takes them too and fails when the parts they show are missing from the page or the layout
width changed; it does not compare content, so no change of data can turn it red.
"""
from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.paginas import adressen as paginas, voorbeelden

from .conftest import open_pagina

MAP = Path(__file__).resolve().parents[2] / "docs" / "assets" / "bijdragen"
BIJWERKEN = os.environ.get("SCHERMAFBEELDINGEN") == "bijwerken"
BREEDTE = 760  # a narrow desktop window: readable in the guide at its own size


@dataclass(frozen=True)
class Schermafbeelding:
    bestand: str
    delen: tuple[str, ...]  # CSS selectors; the picture is the box around the first match of each


# Both of the guide's example commitment's page.
SCHERMAFBEELDINGEN = (
    Schermafbeelding("afspraak-kop.png", ("article h1", "article .pa-afspraakpagina > .pa-meta")),
    Schermafbeelding("in-het-kort.png", ("article h2:text-is('In het kort')", "article table.pa-feiten")),
)


@pytest.fixture(scope="module")
def voorbeeldadres(echt) -> str:
    afspraak = voorbeelden.voorbeelden(echt, 0).afspraak
    if afspraak is None:
        pytest.skip("de gegevens hebben nog geen afspraak om te tonen")
    return paginas.afspraak_url(afspraak.id)


def png_maat(inhoud: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header."""
    assert inhoud[:8] == b"\x89PNG\r\n\x1a\n", "geen PNG-bestand"
    return struct.unpack(">II", inhoud[16:24])


def kader(pagina, selectors: tuple[str, ...]) -> dict:
    """The page region around the given parts, with a little room around them.

    Measured at the top of the page, where box and page coordinates are the same."""
    vakken = []
    for selector in selectors:
        vak = pagina.locator(selector).first.bounding_box()
        assert vak, f"{selector} staat niet op de pagina"
        vakken.append(vak)
    ruimte = 12
    links = min(v["x"] for v in vakken) - ruimte
    boven = min(v["y"] for v in vakken) - ruimte
    rechts = max(v["x"] + v["width"] for v in vakken) + ruimte
    onder = max(v["y"] + v["height"] for v in vakken) + ruimte
    return {"x": max(links, 0), "y": max(boven, 0), "width": rechts - max(links, 0),
            "height": onder - max(boven, 0)}


@pytest.mark.parametrize("foto", SCHERMAFBEELDINGEN, ids=lambda f: f.bestand)
def test_schermafbeelding_past_bij_de_site(foto, voorbeeldadres, nieuwe_context, webadres):
    context = nieuwe_context(viewport={"width": BREEDTE, "height": 1000}, device_scale_factor=1,
                             reduced_motion="reduce")
    pagina = context.new_page()
    open_pagina(pagina, webadres + voorbeeldadres)
    pagina.evaluate("document.fonts.ready")
    nieuw = pagina.screenshot(clip=kader(pagina, foto.delen), full_page=True,
                              animations="disabled", caret="hide")
    doel = MAP / foto.bestand
    if BIJWERKEN:
        MAP.mkdir(parents=True, exist_ok=True)
        doel.write_bytes(nieuw)
    assert doel.is_file(), f"{doel} ontbreekt: maak hem met `make schermafbeeldingen`"
    breedte, _ = png_maat(nieuw)
    oude_breedte, _ = png_maat(doel.read_bytes())
    assert abs(breedte - oude_breedte) <= 2, (
        f"{foto.bestand} heeft niet meer de breedte van de pagina ({oude_breedte} was, nu {breedte}): "
        "maak de schermafbeeldingen opnieuw met `make schermafbeeldingen`")


def test_de_handleiding_toont_elke_schermafbeelding(site):
    handleiding = (site / "bijdragen" / "index.html").read_text(encoding="utf-8")
    for foto in SCHERMAFBEELDINGEN:
        assert f'src="../assets/bijdragen/{foto.bestand}"' in handleiding, foto.bestand
    gebruikt = {f.bestand for f in SCHERMAFBEELDINGEN}
    assert {p.name for p in MAP.glob("*.png")} == gebruikt, "een schermafbeelding zonder test, of omgekeerd"
