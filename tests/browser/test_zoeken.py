"""A reader finds a commitment with the site's search (zoeken.js), on a phone as on a
desktop, also when the site lives in a sub-folder.

Used as a reader uses it: open a page under /pa/, click the search button, type, read the
results shown. On the fixture set een-jaar (words, places and numbers from its model), on
a synthetic site of several years (the search across years), and on the real site (what
holds for any data: every commitment is found by its number and by a word of its own).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from macros.paginas import adressen as paginas

from .conftest import PREFIX, axe, beschrijf_schendingen, gebouwd, open_pagina, plaats_in_tekst, zoek, zoekresultaten


@pytest.fixture(scope="module")
def proef(request):
    return gebouwd(request, "een-jaar")


@pytest.fixture(scope="module")
def jaren(request):
    return gebouwd(request, "veel-jaren")


def pad(url: str) -> str:
    """The path of a result link, without the fragment that points into the page."""
    return urlsplit(url).path


def overzicht(resultaten) -> str:
    return "\n".join(f"  {r.titel} ({r.meta}) -> {r.href}" for r in resultaten) or "  (geen resultaten)"


def zoek_op(pagina, site, url: str, vraag: str):
    open_pagina(pagina, site.webadres + url)
    return zoek(pagina, vraag)


def woorden(tekst: str) -> set[str]:
    return set(re.findall(r"\w+", tekst.lower()))


def eigen_woorden(model, afspraken=None):
    """Per commitment a word of its text that is in no other commitment's title or text
    (longest first: short words may be common); commitments without one are left out."""
    alle = {a.id: woorden(a.titel + " " + a.tekst) for a in model.afspraken}
    uit = {}
    for afspraak in afspraken or model.afspraken:
        elders = set().union(*(w for i, w in alle.items() if i != afspraak.id))
        kandidaten = sorted((w for w in woorden(afspraak.tekst) - elders if w.isalpha() and len(w) >= 6),
                            key=lambda w: (-len(w), w))
        if kandidaten:
            uit[afspraak] = kandidaten[0]
    return uit


def positie(resultaten, afspraak) -> int | None:
    doel = PREFIX + paginas.afspraak_url(afspraak.id)
    return next((i for i, r in enumerate(resultaten) if pad(r.href) == doel), None)


def test_woord_uit_de_tekst_vindt_de_afspraak(pagina, proef):
    afspraak, woord = next(iter(eigen_woorden(proef.model).items()))
    resultaten = zoek_op(pagina, proef, "", woord)
    assert positie(resultaten, afspraak) == 0, f"{woord!r}: {afspraak.id} niet bovenaan:\n{overzicht(resultaten)}"


def test_plaatsnaam_vindt_de_afspraak(pagina, proef):
    naam, afspraak = plaats_in_tekst(proef.model)
    resultaten = zoek_op(pagina, proef, "", naam)
    assert positie(resultaten, afspraak) is not None, f"{naam!r}: {afspraak.id} niet gevonden:\n{overzicht(resultaten)}"


def test_afspraak_n_staat_bovenaan_met_jaar_en_thema(pagina, proef):
    afspraak = proef.model.afspraken[-1]
    resultaten = zoek_op(pagina, proef, "", f"afspraak {afspraak.nummer}")
    assert resultaten and positie(resultaten, afspraak) == 0, overzicht(resultaten)
    eerste = resultaten[0]
    assert eerste.titel.startswith(f"Afspraak {afspraak.nummer} ({afspraak.jaar})")
    assert str(afspraak.jaar) in eerste.meta and proef.model.themas[afspraak.thema].naam in eerste.meta


def test_een_woord_dat_nergens_staat_verbergt_de_rest_niet(pagina, proef):
    """A question with a word the commitment lacks still finds it (as Material's search did),
    after the pages that have every word."""
    afspraak, woord = next(iter(eigen_woorden(proef.model).items()))
    resultaten = zoek_op(pagina, proef, "", f"{woord} xylofoonkwartet")
    assert positie(resultaten, afspraak) == 0, overzicht(resultaten)


def test_eigen_pagina_boven_paginas_die_haar_noemen(pagina, proef):
    """A commitment's title words find its own page before the theme and party pages."""
    afspraak = proef.model.afspraken[0]
    resultaten = zoek_op(pagina, proef, "", afspraak.titel)
    assert positie(resultaten, afspraak) == 0, overzicht(resultaten)


def test_woordvormen_vinden_elkaar_en_exact_blijft_vinden(pagina, proef):
    open_pagina(pagina, proef.webadres)
    stam = lambda w: pagina.evaluate("w => window.paZoeken.stam(w)", w)  # noqa: E731
    for a, b in [("grondprijs", "grondprijzen"), ("woning", "woningen"), ("huurder", "huurders"),
                 ("huis", "huizen"), ("verduurzaamt", "verduurzamen"), ("realiseert", "realiseren"),
                 ("groot", "grote"), ("mogelijkheid", "mogelijkheden")]:
        assert stam(a) == stam(b), (a, b, stam(a), stam(b))
    for a, b in [("huur", "huis"), ("prijs", "prijzig"), ("recht", "rechter")]:
        assert stam(a) != stam(b), (a, b)


def test_meervoud_vindt_het_enkelvoud_in_de_tekst(pagina, proef):
    """A word of a commitment's own text, asked in another form, still finds it."""
    for afspraak, woord in eigen_woorden(proef.model).items():
        vorm = woord[:-2] if woord.endswith("en") and len(woord) > 7 else (woord + "en" if woord[-1] not in "aeiou" else None)
        if vorm:
            break
    else:
        pytest.skip("geen woord om in een andere vorm te vragen")
    resultaten = zoek_op(pagina, proef, "", vorm)
    assert positie(resultaten, afspraak) is not None, f"{vorm!r} (uit {woord!r}):\n{overzicht(resultaten)}"


def test_zoekdata_komt_van_de_site_en_alleen_van_het_eigen_jaar(pagina, bewaking, jaren):
    model = jaren.model
    oudste, nieuwste = min(model.jaren), max(model.jaren)
    afspraak = model.jaren[oudste].afspraken[0]
    resultaten = zoek_op(pagina, jaren, paginas.afspraak_url(afspraak.id), f"afspraak {afspraak.nummer}")
    geladen = [u for u in bewaking.geladen if "/zoeken/" in u]
    assert sorted(geladen) == sorted({jaren.webadres + "zoeken/site.json", jaren.webadres + f"zoeken/{oudste}.json",
                                      jaren.webadres + "zoeken/jaren.json"}), geladen
    assert all(str(oudste) in r.meta for r in resultaten if r.meta[:4].isdigit()), overzicht(resultaten)
    assert not bewaking.fouten(), bewaking.fouten()
    # other years are one click away; the page's own year stays first
    pagina.locator("button.pa-zoeken__alle").click()
    pagina.locator('.pa-zoeken__lijst[data-bereik="alle"]').wait_for(state="attached")
    alle = zoekresultaten(pagina)
    jaren_in_volgorde = [int(r.meta[:4]) for r in alle if r.meta[:4].isdigit()]
    assert {nieuwste, oudste} <= set(jaren_in_volgorde), overzicht(alle)
    eerste_ander = next(i for i, j in enumerate(jaren_in_volgorde) if j != oudste)
    assert all(j == oudste for j in jaren_in_volgorde[:eerste_ander]) and oudste not in jaren_in_volgorde[eerste_ander:]
    assert all(jaren.webadres + f"zoeken/{j}.json" in bewaking.geladen for j in model.jaren)


def test_een_pagina_zonder_jaar_zoekt_in_het_nieuwste_jaar(pagina, bewaking, jaren):
    nieuwste = max(j.jaar for j in jaren.model.jaren.values() if j.afspraken)
    zoek_op(pagina, jaren, "begrippen/", "afspraak")
    assert jaren.webadres + f"zoeken/{nieuwste}.json" in bewaking.geladen
    assert not [u for u in bewaking.geladen if re.search(r"/zoeken/\d{4}\.json", u)
                and not u.endswith(f"/{nieuwste}.json")]


def test_zoekvak_op_de_startpagina_zoekt(pagina, proef):
    afspraak = proef.model.afspraken[0]
    open_pagina(pagina, proef.webadres + f"?q=afspraak+{afspraak.nummer}")
    resultaten = zoekresultaten(pagina)
    assert resultaten and positie(resultaten, afspraak) == 0, overzicht(resultaten)


def test_toetsenbord_opent_zoekt_en_sluit(pagina, proef):
    open_pagina(pagina, proef.webadres)
    knop = pagina.locator("button.pa-zoeken__open")
    knop.focus()
    pagina.keyboard.press("Enter")
    assert pagina.evaluate("document.activeElement.id") == "pa-zoekvraag"
    assert knop.get_attribute("aria-expanded") == "true"
    pagina.keyboard.type("afspraak")
    zoekresultaten(pagina)
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("document.activeElement.closest('.pa-zoeken__resultaat') !== null")
    pagina.keyboard.press("Escape")
    assert pagina.locator("#pa-zoekpaneel").is_hidden()
    assert pagina.evaluate("document.activeElement.classList.contains('pa-zoeken__open')")


@pytest.mark.parametrize("breedte", [375, 1280])
def test_geen_axe_schendingen_met_resultaten_open(nieuwe_context, jaren, breedte):
    """On a phone and on a desktop, with the panel open, results shown and all years loaded."""
    pagina = nieuwe_context(viewport={"width": breedte, "height": 800}).new_page()
    open_pagina(pagina, jaren.webadres + paginas.jaar_url(min(jaren.model.jaren)))
    resultaten = zoek(pagina, "afspraak")
    assert resultaten
    pagina.locator("button.pa-zoeken__alle").wait_for(state="visible")  # once the list of years loaded
    schendingen = axe(pagina)
    assert schendingen == [], beschrijf_schendingen(schendingen)
    pagina.locator("button.pa-zoeken__alle").click()
    pagina.locator('.pa-zoeken__lijst[data-bereik="alle"]').wait_for(state="attached")
    zoekresultaten(pagina)
    schendingen = axe(pagina)
    assert schendingen == [], beschrijf_schendingen(schendingen)


# --- the real site: what holds for any data ---------------------------------------------

def test_elke_afspraak_is_te_vinden(pagina, request):
    """Every commitment of the real site is found first by 'afspraak N' on a page of its
    year, and in the first ten by its title and by a word only its own text has."""
    echt = gebouwd(request, "echt")
    for jaar in echt.model.jaren.values():
        if not jaar.afspraken:
            continue
        open_pagina(pagina, echt.webadres + paginas.jaar_url(jaar.jaar))
        for afspraak in jaar.afspraken:
            resultaten = zoek(pagina, f"afspraak {afspraak.nummer}", typen=False)
            assert positie(resultaten, afspraak) == 0, f"afspraak {afspraak.nummer}:\n{overzicht(resultaten[:5])}"
            resultaten = zoek(pagina, afspraak.titel, typen=False)
            plek = positie(resultaten, afspraak)
            assert plek is not None and plek < 10, f"{afspraak.titel!r}:\n{overzicht(resultaten[:10])}"
        for afspraak, woord in eigen_woorden(echt.model, jaar.afspraken).items():
            resultaten = zoek(pagina, woord, typen=False)
            plek = positie(resultaten, afspraak)
            assert plek is not None and plek < 10, f"{woord!r} -> {afspraak.id}:\n{overzicht(resultaten[:10])}"
