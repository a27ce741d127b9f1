"""The page list and the addresses: a pure function of the model, with stable URLs."""
import pytest

from macros import inhoud, paginas
from macros.paginas import relatief


@pytest.mark.parametrize("van, naar, link", [
    ("", "2024/", "2024/"),
    ("2024/afspraken/18/", "2024/themas/betaalbaarheid/", "../../themas/betaalbaarheid/"),
    ("2024/afspraken/18/", "", "../../../"),
    ("2024/afspraken/18/", "2024/afspraken/18/", "./"),
    ("2024/", "2024/afspraken.csv", "afspraken.csv"),
    ("begrippen/", "begrippen/#huur", "./#huur"),
    ("2024/partijen/woonborg/", "begrippen/#huur", "../../../begrippen/#huur"),
])
def test_relatieve_links(van, naar, link):
    assert relatief(van, naar) == link


def test_publieke_adressen_liggen_vast():
    assert paginas.jaar_url(2024) == "2024/"
    assert paginas.thema_url(2024, "duurzaamheid") == "2024/themas/duurzaamheid/"
    assert paginas.partij_url(2024, "woonborg") == "2024/partijen/woonborg/"
    assert paginas.overzicht_url(2024) == "2024/afspraken/"
    assert paginas.afspraak_url("2024-18") == "2024/afspraken/18/"
    assert paginas.volledige_tekst_url(2024) == "2024/volledige-tekst/"
    assert paginas.export_url(2024, "csv") == "2024/afspraken.csv"


def test_alleen_een_jaarpagina_is_een_index():
    assert paginas.bron("2024/") == "2024/index.md"
    assert paginas.bron("2024/themas/duurzaamheid/") == "2024/themas/duurzaamheid.md"
    assert paginas.bron("2024/afspraken/") == "2024/afspraken.md"


def test_paginalijst_per_jaar_in_leesvolgorde(echt):
    lijst = paginas.paginas(echt)
    assert lijst == paginas.paginas(echt)  # deterministic
    soorten = [p.soort for p in lijst]
    assert soorten[:2] == ["jaar", "overzicht"]
    assert soorten.count("afspraak") == len(echt.afspraken)
    assert soorten.count("thema") == len(echt.jaren[2024].themas)
    assert soorten.count("partij") == len(echt.partijen)
    assert all(not p.in_nav for p in lijst if p.soort == "afspraak")
    assert all(p.in_nav for p in lijst if p.soort != "afspraak")
    assert len({p.url for p in lijst}) == len(lijst)


def test_navigatie_heeft_jaren_maar_geen_afspraken(echt):
    (jaar,) = paginas.navigatie(echt)
    (inhoud_,) = jaar.values()
    assert inhoud_[0] == "2024/index.md"
    assert "afspraken/18" not in str(inhoud_)


def test_per_kop_volgt_de_tussenkoppen_van_de_tekst(echt):
    thema = next(t for t in echt.jaren[2024].themas if t.thema == "betaalbaarheid")
    groepen = inhoud.per_kop(thema)
    assert [g.kop for g in groepen][:2] == [inhoud.ZONDER_KOP, "De woningcorporaties"]
    assert [a.nummer for g in groepen for a in g.afspraken] == sorted(a.nummer for a in thema.afspraken)


def test_tabel_staat_na_de_afspraak_waar_hij_in_de_bron_staat(echt):
    thema = next(t for t in echt.jaren[2024].themas if t.thema == "betaalbaarheid")
    blokken = inhoud.met_tabellen(thema, thema.afspraken)
    i = next(i for i, b in enumerate(blokken) if b.tabel)
    assert blokken[i - 1].afspraak.nummer == blokken[i].tabel.na_afspraak == 17


def test_partij_krijgt_afspraken_van_haar_groepen(echt):
    per_thema = inhoud.van_partij(echt, echt.jaren[2024], "woonborg")
    nummers = {a.nummer for _, lijst in per_thema for a in lijst}
    assert 18 in nummers  # verantwoordelijk: corporaties
    assert 19 not in nummers  # De Volmacht alone
    assert nummers == {a.nummer for a in echt.jaren[2024].afspraken if "woonborg" in a.partijen}


def test_vertegenwoordiging_in_beide_richtingen(echt):
    assert inhoud.vertegenwoordiging(echt, "ah-woon") == (("woonborg",), ())
    assert inhoud.vertegenwoordiging(echt, "woonborg") == ((), ("ah-woon",))


def test_buren_en_kerncijfers(echt):
    jaar = echt.jaren[2024]
    assert inhoud.buren(jaar, echt.afspraak("2024-1"))[0] is None
    assert inhoud.buren(jaar, echt.afspraak("2024-55"))[1] is None
    assert [n.nummer for n in inhoud.buren(jaar, echt.afspraak("2024-18"))] == [17, 19]
    assert all(d in a.doelen for a, d in inhoud.kerncijfers(jaar))
    assert len(inhoud.kerncijfers(jaar)) == sum(len(a.doelen) for a in jaar.afspraken)
