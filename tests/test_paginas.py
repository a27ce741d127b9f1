"""The page list and the addresses: a pure function of the model, with stable URLs.

Run on models built in code (tests/bouwer.py) and on the fixture set `andere-gemeente`.
"""
import re

import pytest

from bouwer import afspraak, jaar, model, thema
from macros.paginas import adressen as paginas, inhoud, plaatsinhoud, soorten
from macros.gegevens.model import Doel, Tabel
from macros.paginas.adressen import relatief


def nummers(afspraken) -> list[int]:
    return [a.nummer for a in afspraken]


def bouwmodel():
    """2030 signed, with commitment numbers spread over two themes; 2031 unsigned, one theme."""
    return model(jaren=[
        jaar(2030, themas=[thema("wonen", [afspraak(1), afspraak(3)]),
                           thema("huur", [afspraak(2, thema="huur")])]),
        jaar(2031, ondertekend=False, themas=[thema("wonen", [afspraak(1, 2031)], jaar=2031)]),
    ])


@pytest.fixture(params=["bouwer", "andere_gemeente"])
def een_model(request):
    return bouwmodel() if request.param == "bouwer" else request.getfixturevalue(request.param)


@pytest.mark.parametrize("van, naar, link", [
    ("", "2030/", "2030/"),
    ("2030/afspraken/4/", "2030/themas/wonen/", "../../themas/wonen/"),
    ("2030/afspraken/4/", "", "../../../"),
    ("2030/afspraken/4/", "2030/afspraken/4/", "./"),
    ("2030/", "2030/afspraken.csv", "afspraken.csv"),
    ("begrippen/", "begrippen/#huur", "./#huur"),
    ("2030/partijen/woonbouw/", "begrippen/#huur", "../../../begrippen/#huur"),
])
def test_relatieve_links(van, naar, link):
    assert relatief(van, naar) == link


def test_publieke_adressen_liggen_vast():
    assert paginas.jaar_url(2030) == "2030/"
    assert paginas.thema_url(2030, "wonen") == "2030/themas/wonen/"
    assert paginas.partij_url(2030, "woonbouw") == "2030/partijen/woonbouw/"
    assert paginas.overzicht_url(2030) == "2030/afspraken/"
    assert paginas.plaats_url(2030, "beekdorp") == "2030/plaatsen/beekdorp/"
    assert paginas.afspraak_url("2030-18") == "2030/afspraken/18/"
    assert paginas.volledige_tekst_url(2030) == "2030/volledige-tekst/"
    assert paginas.toetsbaarheid_url(2030) == "2030/toetsbaarheid/"
    assert paginas.export_url(2030, "csv") == "2030/afspraken.csv"


def test_alleen_een_jaarpagina_is_een_index():
    assert paginas.bestandsnaam("2030/") == "2030/index.md"
    assert paginas.bestandsnaam("2030/themas/wonen/") == "2030/themas/wonen.md"
    assert paginas.bestandsnaam("2030/afspraken/") == "2030/afspraken.md"


def test_paginalijst_nieuwste_jaar_eerst_elk_jaar_in_leesvolgorde(een_model):
    lijst = soorten.paginas(een_model)
    assert lijst == soorten.paginas(een_model)  # deterministic
    assert list(dict.fromkeys(p.jaar for p in lijst)) == sorted(een_model.jaren, reverse=True)
    for nummer, j in een_model.jaren.items():
        typen = [p.soort.naam for p in lijst if p.jaar == nummer]
        assert typen == ["jaar", "overzicht", *["thema"] * len(j.themas), *["partij"] * len(een_model.partijen),
                           *["plaats"] * len(plaatsinhoud.plaatsen_van_jaar(een_model, j)),
                           "volledige-tekst", "toetsbaarheid", *["afspraak"] * len(j.afspraken), "wijzigingen"]
        assert [p.sleutel for p in lijst if p.jaar == nummer and p.soort.naam == "afspraak"] == [a.id for a in j.afspraken]
    assert all(not p.in_nav for p in lijst if p.soort.naam in ("afspraak", "plaats"))
    assert all(p.in_nav for p in lijst if p.soort.naam not in ("afspraak", "plaats"))
    assert len({p.url for p in lijst}) == len(lijst)


def test_elke_pagina_staat_op_haar_publieke_adres(een_model):
    adres = {"jaar": lambda p: paginas.jaar_url(p.jaar),
             "overzicht": lambda p: paginas.overzicht_url(p.jaar),
             "thema": lambda p: paginas.thema_url(p.jaar, p.sleutel),
             "partij": lambda p: paginas.partij_url(p.jaar, p.sleutel),
             "plaats": lambda p: paginas.plaats_url(p.jaar, p.sleutel),
             "volledige-tekst": lambda p: paginas.volledige_tekst_url(p.jaar),
             "toetsbaarheid": lambda p: paginas.toetsbaarheid_url(p.jaar),
             "afspraak": lambda p: paginas.afspraak_url(p.sleutel),
             "wijzigingen": lambda p: paginas.wijzigingen_url(p.jaar)}
    for p in soorten.paginas(een_model):
        assert p.url == adres[p.soort.naam](p), p


def test_navigatie_heeft_jaren_themas_en_partijen_maar_geen_afspraken(andere_gemeente):
    navigatie = soorten.navigatie(andere_gemeente)
    assert [next(iter(s)) for s in navigatie] == [str(j) for j in sorted(andere_gemeente.jaren, reverse=True)]
    nieuwste = andere_gemeente.laatste_jaar
    inhoud_ = navigatie[0][str(nieuwste.jaar)]
    assert inhoud_[0] == f"{nieuwste.jaar}/index.md"
    assert {"Thema's": [{andere_gemeente.themas[t.thema].naam: f"{nieuwste.jaar}/themas/{t.thema}.md"}
                        for t in nieuwste.themas]} in inhoud_
    assert {"Partijen": [{p.naam: f"{nieuwste.jaar}/partijen/{p.id}.md"}
                         for p in andere_gemeente.partijen.values()]} in inhoud_
    assert not re.search(r"afspraken/\d", str(navigatie))


def test_per_kop_volgt_de_tussenkoppen_van_de_tekst():
    th = thema("wonen", [afspraak(5, kop="Woonbouw"), afspraak(1), afspraak(2, kop="Woonbouw"),
                         afspraak(3, kop="Woonbouw"), afspraak(4, kop="Gemeente")])
    groepen = inhoud.per_kop(th)
    # in number order; a heading that occurs twice in the text stays twice
    assert [(g.kop, nummers(g.afspraken)) for g in groepen] == [
        (inhoud.ZONDER_KOP, [1]), ("Woonbouw", [2, 3]), ("Gemeente", [4]), ("Woonbouw", [5])]


def test_tabel_staat_na_de_afspraak_waar_hij_in_de_bron_staat():
    na_2 = Tabel("na-2", "Tabel 1", ("Dorp",), (), na_afspraak=2)
    los = Tabel("los", "Tabel 2", ("Dorp",), (), na_afspraak=9)
    th = thema("wonen", [afspraak(1), afspraak(2), afspraak(3)], tabellen=(na_2, los))
    blokken = inhoud.met_tabellen(th, th.afspraken)
    assert [b.tabel.id if b.tabel else b.afspraak.nummer for b in blokken] == [1, 2, "na-2", 3]
    assert inhoud.losse_tabellen(th) == (los,)


def test_partij_krijgt_afspraken_van_haar_groepen():
    m = model(jaren=[jaar(2030, themas=[
        thema("wonen", [afspraak(1, verantwoordelijk=("allen",)),  # a group woonbouw is in
                        afspraak(2, verantwoordelijk=("gemeente-testdorp",))]),
        thema("huur", [afspraak(3, thema="huur")]),
        thema("zorg", [afspraak(4, thema="zorg", verantwoordelijk=("huurders-woonbouw",))]),
    ])])
    per_thema = inhoud.van_partij(m, m.jaren[2030], "woonbouw")
    assert [(t.thema, nummers(lijst)) for t, lijst in per_thema] == [("wonen", [1]), ("huur", [3])]
    assert inhoud.aantal_van_partij(m.jaren[2030], "woonbouw") == 2


def test_vertegenwoordiging_in_beide_richtingen(andere_gemeente):
    """One tenant organisation for two corporations: both know who speaks for their tenants."""
    assert inhoud.vertegenwoordiging(andere_gemeente, "huurdersplatform") == (("havenwonen", "duinhuis"), ())
    assert inhoud.vertegenwoordiging(andere_gemeente, "duinhuis") == ((), ("huurdersplatform",))
    assert inhoud.vertegenwoordiging(andere_gemeente, "gemeente-oosterkust") == ((), ())


def test_buren_en_kerncijfers():
    tien, vijf, twee = (Doel("woningen", n, "woningen") for n in (10, 5, 2))
    a1, a2, a3 = afspraak(1, doelen=(tien, vijf)), afspraak(2, thema="huur"), afspraak(3, doelen=(twee,))
    j = jaar(2030, themas=[thema("wonen", [a1, a3]), thema("huur", [a2])])
    # neighbours by number, across themes
    assert inhoud.buren(j, a1) == (None, a2)
    assert inhoud.buren(j, a2) == (a1, a3)
    assert inhoud.buren(j, a3) == (a2, None)
    assert inhoud.kerncijfers(j) == ((a1, tien, None), (a1, vijf, None), (a3, twee, None))
