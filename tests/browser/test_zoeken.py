"""A reader finds a commitment with the site's search, also when the site lives in a sub-folder.

Proven with Material's built-in search (Dutch), used as a reader uses it: open the home
page under /pa/, click the search field, type, read the results shown.
- a word from a commitment's text finds that commitment's own page;
- a place name finds the commitment about that place;
- "afspraak 18" puts commitment 18 first, titled as "Afspraak 18 (2024) …";
- the search index loads from the sub-folder, not from the server's root.
"""
from __future__ import annotations

import json
from urllib.parse import urlsplit

from .conftest import PREFIX, open_pagina, zoek


def pad(url: str) -> str:
    """The path of a result link, without the fragment that points into the page."""
    return urlsplit(url).path


def overzicht(resultaten) -> str:
    return "\n".join(f"  {r.titel} -> {', '.join(r.links)}" for r in resultaten) or "  (geen resultaten)"


def zoek_op_home(pagina, webadres, vraag):
    open_pagina(pagina, webadres)
    return zoek(pagina, vraag)


def test_ontruimingen_vindt_afspraak_18(pagina, webadres):
    resultaten = zoek_op_home(pagina, webadres, "ontruimingen")
    doel = PREFIX + "2024/afspraken/18/"
    assert any(pad(link) == doel for r in resultaten for link in r.links), (
        f"geen resultaat linkt naar {doel}; wel gevonden:\n{overzicht(resultaten)}")


def test_gieten_vindt_afspraak_30(pagina, webadres):
    resultaten = zoek_op_home(pagina, webadres, "Gieten")
    doel = PREFIX + "2024/afspraken/30/"
    assert any(pad(link) == doel for r in resultaten for link in r.links), (
        f"geen resultaat linkt naar {doel}; wel gevonden:\n{overzicht(resultaten)}")


def test_afspraak_18_staat_bovenaan(pagina, webadres):
    resultaten = zoek_op_home(pagina, webadres, "afspraak 18")
    assert resultaten, "geen resultaten voor 'afspraak 18'"
    eerste = resultaten[0]
    assert pad(eerste.href) == PREFIX + "2024/afspraken/18/", (
        f"eerste resultaat is niet afspraak 18; gevonden:\n{overzicht(resultaten)}")
    assert eerste.titel.startswith("Afspraak 18 (2024)"), (
        f"titel van het eerste resultaat is {eerste.titel!r}")


def test_zoekindex_laadt_onder_het_voorvoegsel(pagina, bewaking, webadres):
    open_pagina(pagina, webadres)
    zoek(pagina, "afspraak")  # the search worker fetches the index by now
    index = webadres + "search/search_index.json"
    assert index in bewaking.geladen, (
        f"de zoekfunctie laadde {index} niet; fouten: {bewaking.fouten()}")
    antwoord = pagina.request.get(index)
    assert antwoord.status == 200, f"{index} gaf {antwoord.status}"
    documenten = json.loads(antwoord.body())["docs"]
    assert documenten, "de zoekindex is leeg"
    assert not [f for f in bewaking.lokale_fouten if "search" in f], bewaking.lokale_fouten
