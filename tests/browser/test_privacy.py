"""Reading the site sends nothing to anyone but the site itself, and nothing on it is broken.

Proven in Chromium with JavaScript on, for one page of every type: each page, with
everything it loads (stylesheets, scripts, images, the search worker and its index),
- asks no host other than the site's own (every other request is blocked and reported:
  no fonts, analytics or scripts from elsewhere);
- logs no error in the browser console and throws no script error;
- gets no error status (404 and the like) for anything under the site's sub-folder.
On the home page the search is used once, so the search worker and its index load too.
"""
from __future__ import annotations

import pytest

from .conftest import open_pagina, zoek

# One page of each type, as paths under the site's root.
PAGINATYPES = [
    "",  # home
    "2024/",  # a year
    "2024/themas/duurzaamheid/",  # a theme
    "2024/partijen/de-volmacht/",  # a party
    "2024/afspraken/18/",  # a commitment
    "2024/afspraken/",  # the overview with filters
    "begrippen/",  # the glossary
    "2024/volledige-tekst/",  # the full text of the year's agreement
]


@pytest.mark.parametrize("pad", PAGINATYPES, ids=lambda pad: "/" + pad)
def test_pagina_vraagt_niets_van_derden(pad, pagina, bewaking, webadres):
    open_pagina(pagina, webadres + pad, wait_until="networkidle")
    # Scroll to the end, so anything loaded lazily loads now.
    pagina.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    if pad == "":
        zoek(pagina, "afspraak")
        assert any(url.endswith("search/search_index.json") for url in bewaking.geladen), (
            "de zoekfunctie laadde haar index niet")
    pagina.wait_for_load_state("networkidle")

    assert bewaking.fouten() == [], "\n".join(bewaking.fouten())
