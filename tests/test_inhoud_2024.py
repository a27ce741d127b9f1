"""The 2024 agreement is complete and faithful to the signed text."""
import re


import pytest

from conftest import DATA
from macros import bron
from macros.model import GAT

BRONMAP = DATA / "2024" / "bron"


@pytest.fixture(scope="module")
def jaar(echt):
    return echt.jaren[2024]


@pytest.fixture(scope="module")
def herstelde_bron():
    return bron.herstelde_bron(BRONMAP)


def test_bron_staat_in_het_project():
    assert (BRONMAP / "prestatieafspraken-2024-aa-en-hunze.txt").is_file()
    assert (BRONMAP / "herstellingen.yaml").is_file()


def test_afspraken_1_tot_en_met_55(jaar):
    assert [a.nummer for a in jaar.afspraken] == list(range(1, 56))


def test_elke_ondertekende_tekst_staat_letterlijk_in_de_bron(jaar, herstelde_bron):
    """Nothing paraphrased or lost: only the listed repairs, and […] where words are missing."""
    teksten = list(bron.ondertekende_teksten(jaar))
    teksten += [(f"tabel {t.id} bijschrift", t.bijschrift) for th in jaar.themas for t in th.tabellen if t.bijschrift]
    assert len(teksten) > 55
    afwijkend = [waar for waar, tekst in teksten if bron.zonder_gaten(tekst) not in herstelde_bron]
    assert afwijkend == []


def test_de_hele_bron_is_gebruikt(jaar, herstelde_bron):
    """Every numbered commitment of the source starts a text in the data (none skipped)."""
    for a in jaar.afspraken:
        eerste_woorden = " ".join(bron.zonder_gaten(a.tekst).split()[:5])
        assert f"{a.nummer}. {eerste_woorden}" in herstelde_bron, a.nummer


# Labels of the source's structure: not content, so not stored as text.
KOPPEN = ["Rollen en verantwoordelijkheden per partij", "Rollen en verantwoordelijkheden", "Inleiding",
          "Onze actualiteit", "Wat we gaan doen", "Wat we willen bereiken:", "Ondertekening", "‘", "’", ":"]


def test_niets_van_de_bron_is_weggelaten(echt, jaar, herstelde_bron):
    """What no signed text covers is only headings, numbers, and table text quoted in the tables' notes."""
    gedekt = [False] * len(herstelde_bron)
    for _, tekst in list(bron.ondertekende_teksten(jaar)) + [
            ("", t.bijschrift) for th in jaar.themas for t in th.tabellen if t.bijschrift]:
        tekst = bron.zonder_gaten(tekst)
        begin = herstelde_bron.find(tekst)
        while begin != -1:
            gedekt[begin:begin + len(tekst)] = [True] * len(tekst)
            begin = herstelde_bron.find(tekst, begin + 1)
    rest = "".join(c if not g else "\n" for c, g in zip(herstelde_bron, gedekt))
    for kop in KOPPEN + [t.naam for t in echt.themas.values()]:
        rest = rest.replace(kop, " ")
    rest = re.sub(r"(?<!\S)[0-9]{1,2}\.(?!\S)", " ", rest)  # the numbers of commitments and parts
    tabellen = bron.vouw(" ".join(" ".join(t.opmerkingen + t.kolommen) + " " + " ".join(
        str(c.waarde) for rij in t.rijen for c in rij) for th in jaar.themas for t in th.tabellen))
    weggelaten = [woord for woord in rest.split() if woord not in tabellen]
    assert weggelaten == []


def test_gat_heeft_altijd_een_opmerking(jaar):
    for thema in jaar.themas:
        if GAT in (thema.doel or "") + (thema.actualiteit or ""):
            assert thema.opmerkingen, thema.thema
        for a in thema.afspraken:
            if GAT in a.tekst:
                assert a.opmerkingen, a.id
    assert GAT in jaar.inleiding and jaar.opmerkingen


def test_verantwoordelijk_volgt_de_tussenkop(jaar):
    bij_kop = {
        "Gezamenlijk": ("gezamenlijk",), "De woningcorporaties": ("corporaties",),
        "Woningcorporatie de Volmacht": ("de-volmacht",), "De Volmacht": ("de-volmacht",),
        "Woningcorporatie Woonborg": ("woonborg",), "Woonborg": ("woonborg",),
        "Huurdersverenigingen": ("huurdersorganisaties",),
        "Gemeente Aa en Hunze": ("gemeente-aa-en-hunze",), "Aa en Hunze": ("gemeente-aa-en-hunze",),
    }
    for a in jaar.afspraken:
        if a.kop is None:
            assert a.verantwoordelijk == () and a.opmerkingen, a.id
        else:
            assert bij_kop[a.kop] == a.verantwoordelijk, a.id
    assert [a.nummer for a in jaar.afspraken if a.kop is None] == [15]


def test_groepen_zijn_uitgeschreven(echt, jaar):
    a18 = echt.afspraak("2024-18")
    assert a18.verantwoordelijk == ("corporaties",)
    assert set(a18.partijen) == {"woonborg", "de-volmacht"}
    assert set(echt.afspraak("2024-1").partijen) == set(echt.partijen)


def test_getallen_als_gestructureerde_doelen(echt):
    (d32,) = echt.afspraak("2024-32").doelen
    assert (d32.aantal, d32.eenheid, d32.jaar) == (76, "woningen", 2024) and "label A" in d32.wat
    per_jaar = {d.jaar: d.aantal for d in echt.afspraak("2024-33").doelen if "projectmatig" in d.wat}
    assert per_jaar == {2025: 11, 2026: 16, 2028: 10}
    assert any(d.aantal == 37 for d in echt.afspraak("2024-33").doelen)
    assert {(d.aantal, d.grens) for d in echt.afspraak("2024-8").doelen} == {(3, "maximaal")}


def test_termijnen(echt):
    assert (echt.afspraak("2024-27").termijn.tekst, echt.afspraak("2024-27").termijn.jaar) == ("uiterlijk 2028", 2028)
    t1 = echt.afspraak("2024-1").termijn
    assert (t1.jaar, t1.kwartaal) == (2024, 1)


def test_plaatsen(echt):
    assert echt.afspraak("2024-30").plaatsen == ("gieten",)
    assert "grolloo" in echt.afspraak("2024-51").plaatsen
    assert "eext" in echt.afspraak("2024-10").plaatsen


@pytest.mark.parametrize("paar", [(3, 13), (4, 50), (27, 31), (27, 33), (18, 24), (18, 42)])
def test_samenhang_uit_de_tekst(echt, paar):
    a, b = (f"2024-{n}" for n in paar)
    relaties = {(x.id, r.afspraak): r.reden for x in echt.afspraken for r in x.gerelateerd}
    reden = relaties.get((a, b)) or relaties.get((b, a))
    assert reden and len(reden.splitlines()) == 1


def test_spoedzoekers_zonder_afspraken_maar_eerlijk(jaar):
    (thema,) = [t for t in jaar.themas if t.thema == "huisvesting-spoedzoekers"]
    assert thema.afspraken == () and thema.doel is None
    assert any("inleiding" in o for o in thema.opmerkingen)


def test_alle_themas_van_het_jaar_in_volgorde(echt, jaar):
    assert [t.thema for t in jaar.themas] == list(echt.themas)


def test_doel_ontbreekt_waar_de_bron_het_niet_geeft(jaar):
    doelen = {t.thema: t.doel for t in jaar.themas}
    assert doelen["beschikbaarheid"] is None and doelen["duurzaamheid"] is None
    assert doelen["wonen-en-zorg"] is None
    assert doelen["leefbaarheid"].startswith("Onze huurders wonen veilig")
    assert f"Daarbij {GAT} we naar b" in doelen["betaalbaarheid"]


def test_jaarschijf(jaar, echt):
    o = jaar.ondertekening
    assert (o.datum, o.plaats, o.geldig_vanaf) == ("2023-12-07", "Gieten", "2024-01-01")
    assert [x.partij for x in o.ondertekenaars] == [
        "gemeente-aa-en-hunze", "woonborg", "ah-woon", "de-volmacht", "de-deelmacht"]
    assert [x.naam for x in o.ondertekenaars] == ["I. Berghuis", "E. Borstlap", "J. Emmens", "J. Boekholt", "W. Hoving"]
    assert any("prestatieafspraken 2023" in n for n in o.opmerkingen)
    assert {g.document for g in jaar.grondslagen} >= {
        "woonvisie-2020-plus", "addendum-woonvisie-2020-plus", "kaderafspraken", "wet-regie-volkshuisvesting"}
    assert any("2023-2031" in n and "2023-2026" in n for n in echt.documenten["kaderafspraken"].opmerkingen)
    assert jaar.focus.themas == ("beschikbaarheid", "duurzaamheid", "betaalbaarheid")
    assert len(jaar.delen.onderdelen) == 3
    assert {p for r in jaar.rollen.per_partij for p in r.partijen} == {
        "corporaties", "huurdersorganisaties", "gemeente-aa-en-hunze"}


def test_tabellen_met_onzekere_cellen(jaar):
    tabellen = {t.id: t for th in jaar.themas for t in th.tabellen}
    assert set(tabellen) == {"voorraadontwikkeling", "huurprijsgrenzen"}
    for tabel in tabellen.values():
        cellen = [c for rij in tabel.rijen for c in rij]
        assert all(len(rij) == len(tabel.kolommen) for rij in tabel.rijen)
        assert any(c.onzeker for c in cellen), tabel.id
        assert all(c.opmerking for c in cellen if c.onzeker)
    assert tabellen["voorraadontwikkeling"].bijschrift.startswith("Tabel 1:")


BEGRIPPEN = ["streefhuur", "mutatie", "liberalisatiegrens", "aftoppingsgrens", "kwaliteitskortingsgrens",
             "energielabel", "flexwonen", "spoedzoekers", "OGGZ", "AVE-model", "Thuiskompas", "beschermd wonen",
             "levensloopbestendig", "urgentieverordening", "energiearmoede", "jaarschijf"]


def test_begrippenlijst(echt):
    assert len(echt.begrippen) >= 25
    termen = {b.term.lower() for b in echt.begrippen.values()}
    assert [t for t in BEGRIPPEN if t.lower() not in termen] == []
    for b in echt.begrippen.values():
        zinnen = [z for z in b.uitleg.replace("!", ".").replace("?", ".").split(". ") if z.strip()]
        assert 1 <= len(zinnen) <= 3, b.id
