"""A reader finds a commitment with the site's search, also when the site lives in a sub-folder.

Proven with Material's built-in search (Dutch), used as a reader uses it: open the home
page under /pa/, click the search field, type, read the results shown.
- a word from a commitment's text finds that commitment's own page;
- a place name finds the commitment about that place;
- "afspraak N" puts commitment N first, titled as "Afspraak N (jaar) …";
- the search index loads from the sub-folder, not from the server's root.

On the fixture set een-jaar; words, places and numbers come from its model.
"""
from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest

from macros.paginas import adressen as paginas

from .conftest import PREFIX, gebouwd, open_pagina, plaats_in_tekst, zoek


@pytest.fixture(scope="module")
def proef(request):
    return gebouwd(request, "een-jaar")


def pad(url: str) -> str:
    """The path of a result link, without the fragment that points into the page."""
    return urlsplit(url).path


def overzicht(resultaten) -> str:
    return "\n".join(f"  {r.titel} -> {', '.join(r.links)}" for r in resultaten) or "  (geen resultaten)"


def zoek_op_home(pagina, proef, vraag):
    open_pagina(pagina, proef.webadres)
    return zoek(pagina, vraag)


def woorden(tekst: str) -> set[str]:
    return set(re.findall(r"\w+", tekst.lower()))


def eigen_woord(model):
    """A commitment, and a word of its text that is not in its title nor in any other
    commitment's title or text (longest first: short words may be stop words)."""
    for afspraak in model.afspraken:
        elders = set().union(*(woorden(a.titel + " " + a.tekst) for a in model.afspraken if a != afspraak))
        kandidaten = woorden(afspraak.tekst) - woorden(afspraak.titel) - elders
        kandidaten = sorted((w for w in kandidaten if w.isalpha() and len(w) >= 6), key=lambda w: (-len(w), w))
        if kandidaten:
            return afspraak, kandidaten[0]
    pytest.fail("geen afspraak heeft een woord dat alleen in haar eigen tekst staat")


def vindt(resultaten, afspraak) -> bool:
    doel = PREFIX + paginas.afspraak_url(afspraak.id)
    return any(pad(link) == doel for r in resultaten for link in r.links)


def test_woord_uit_de_tekst_vindt_de_afspraak(pagina, proef):
    afspraak, woord = eigen_woord(proef.model)
    resultaten = zoek_op_home(pagina, proef, woord)
    assert vindt(resultaten, afspraak), (
        f"{woord!r} vond afspraak {afspraak.id} niet; wel gevonden:\n{overzicht(resultaten)}")


def test_plaatsnaam_vindt_de_afspraak(pagina, proef):
    naam, afspraak = plaats_in_tekst(proef.model)
    resultaten = zoek_op_home(pagina, proef, naam)
    assert vindt(resultaten, afspraak), (
        f"{naam!r} vond afspraak {afspraak.id} niet; wel gevonden:\n{overzicht(resultaten)}")


def test_afspraak_n_staat_bovenaan(pagina, proef):
    afspraak = proef.model.afspraken[-1]
    vraag = f"afspraak {afspraak.nummer}"
    resultaten = zoek_op_home(pagina, proef, vraag)
    assert resultaten, f"geen resultaten voor {vraag!r}"
    eerste = resultaten[0]
    assert pad(eerste.href) == PREFIX + paginas.afspraak_url(afspraak.id), (
        f"eerste resultaat is niet afspraak {afspraak.id}; gevonden:\n{overzicht(resultaten)}")
    assert eerste.titel.startswith(f"Afspraak {afspraak.nummer} ({afspraak.jaar})"), (
        f"titel van het eerste resultaat is {eerste.titel!r}")


def test_zoekindex_laadt_onder_het_voorvoegsel(pagina, bewaking, proef):
    open_pagina(pagina, proef.webadres)
    zoek(pagina, "afspraak")  # the search worker fetches the index by now
    index = proef.webadres + "search/search_index.json"
    assert index in bewaking.geladen, (
        f"de zoekfunctie laadde {index} niet; fouten: {bewaking.fouten()}")
    antwoord = pagina.request.get(index)
    assert antwoord.status == 200, f"{index} gaf {antwoord.status}"
    documenten = json.loads(antwoord.body())["docs"]
    assert documenten, "de zoekindex is leeg"
    assert not [f for f in bewaking.lokale_fouten if "search" in f], bewaking.lokale_fouten
