"""A year is a folder: a second year loads beside the first without code changes.

Run on the fixture set `twee-jaren`: 2030 signed, 2031 not, where 2031-1 continues 2030-1,
2031-3 continues 2030-4 and 2031-2 is related to 2030-3.
"""
import shutil

import pytest

from conftest import regels, vervang
from macros.paginas.inhoud import in_andere_jaren, jaarvenster
from macros.gegevens.laden import laad_of_stop


def ids(afspraken) -> list[str]:
    return [a.id for a in afspraken]


def test_tweede_jaar_met_voortzetting(twee_jaren):
    assert list(twee_jaren.jaren) == [2030, 2031]
    assert twee_jaren.laatste_jaar.jaar == 2031
    assert twee_jaren.jaren[2031].ondertekening is None and twee_jaren.jaren[2030].ondertekening
    a = twee_jaren.afspraak("2031-1")
    assert a.voortzetting_van == "2030-1"
    assert twee_jaren.afspraak(a.voortzetting_van).jaar == 2030
    assert ids(twee_jaren.genoemd_bij("2030-3")) == ["2031-2"]  # a backlink across years
    # a year has the themes it has files for, in the order of themas.yaml
    assert [t.thema for t in twee_jaren.jaren[2031].themas] == [
        t for t in twee_jaren.themas if t in ("woningbouw", "huur-en-woonlasten")]


def test_nummers_tellen_per_jaar(twee_jaren, gegevens):
    """2031 has its own commitment 1; numbers only clash within one year."""
    assert twee_jaren.afspraak("2030-1") != twee_jaren.afspraak("2031-1")
    assert regels(gegevens("twee-jaren")) == []


def test_voortzetting_moet_uit_een_eerder_jaar_komen(gegevens):
    datamap = gegevens("twee-jaren")
    vervang(datamap, "data/2031/woningbouw.yaml", 'voortzetting_van: "2030-1"', 'voortzetting_van: "2031-2"')
    assert regels(datamap) == [
        "data/2031/woningbouw.yaml:12:23: afspraken[1].voortzetting_van: '2031-2' is niet uit een eerder jaar dan 2031"]


def test_thema_en_bestandsnaam_moeten_gelijk_zijn(gegevens):
    datamap = gegevens("twee-jaren")
    vervang(datamap, "data/2031/huur-en-woonlasten.yaml", "thema: huur-en-woonlasten", "thema: tijdelijk-wonen")
    assert regels(datamap) == [
        "data/2031/huur-en-woonlasten.yaml:4:8: thema: het thema heet 'tijdelijk-wonen', maar het bestand "
        "'huur-en-woonlasten.yaml'; maak ze gelijk"]


def test_vreemde_mappen_en_extensies(gegevens):
    datamap = gegevens("twee-jaren")
    (datamap / "2031-concept").mkdir()
    (datamap / "2030/extra.yml").write_text("jaar: 2030\n", encoding="utf-8")
    assert regels(datamap) == [
        "data/2030/extra.yml:1:1: gebruik de extensie .yaml",
        "data/2031-concept:1:1: onbekende map in data/; een jaarmap heet naar het jaar, met vier cijfers",
    ]


def test_dubbel_id_in_een_gedeeld_bestand(gegevens):
    datamap = gegevens("twee-jaren")
    vervang(datamap, "data/plaatsen.yaml", "  - id: heidezand\n", "  - id: beekdorp\n")
    (regel,) = regels(datamap, "data/plaatsen.yaml")
    assert regel == "data/plaatsen.yaml:11:9: plaatsen[3].id: id 'beekdorp' bestaat al (data/plaatsen.yaml:4)"


def test_zelfde_afspraak_in_andere_jaren_beide_kanten_op(twee_jaren):
    assert ids(in_andere_jaren(twee_jaren, twee_jaren.afspraak("2031-1"))) == ["2030-1"]
    assert ids(in_andere_jaren(twee_jaren, twee_jaren.afspraak("2030-1"))) == ["2031-1"]
    assert ids(in_andere_jaren(twee_jaren, twee_jaren.afspraak("2030-4"))) == ["2031-3"]
    # related is not the same commitment, and a commitment without lineage has none
    assert in_andere_jaren(twee_jaren, twee_jaren.afspraak("2031-2")) == ()
    assert in_andere_jaren(twee_jaren, twee_jaren.afspraak("2030-3")) == ()
    assert in_andere_jaren(twee_jaren, twee_jaren.afspraak("2030-2")) == ()


def jaar_als_voortzetting(datamap, jaar: int, van: str) -> None:
    """Another fictional year like 2031, whose commitment 1 continues `van`."""
    doel = datamap / str(jaar)
    shutil.copytree(datamap / "2031", doel)
    for bestand in doel.glob("*.yaml"):
        tekst = bestand.read_text(encoding="utf-8").replace("2031", str(jaar))
        bestand.write_text(tekst.replace('voortzetting_van: "2030-1"', f'voortzetting_van: "{van}"'),
                           encoding="utf-8")


def test_een_lange_lijn_toont_alleen_de_buren(gegevens):
    """2030-1 <- 2031-1 <- 2032-1 <- 2033-1: each page names only the step before and after,
    so a commitment page stays the same size however many years continue it."""
    datamap = gegevens("twee-jaren")
    jaar_als_voortzetting(datamap, 2032, "2031-1")
    jaar_als_voortzetting(datamap, 2033, "2032-1")
    model = laad_of_stop(datamap)
    buren = {id_: ids(in_andere_jaren(model, model.afspraak(id_)))
             for id_ in ("2030-1", "2031-1", "2032-1", "2033-1")}
    assert buren == {"2030-1": ["2031-1"], "2031-1": ["2030-1", "2032-1"],
                     "2032-1": ["2031-1", "2033-1"], "2033-1": ["2032-1"]}


def test_een_afspraak_met_twee_opvolgers_noemt_ze_allebei(gegevens):
    datamap = gegevens("twee-jaren")
    jaar_als_voortzetting(datamap, 2032, "2030-1")
    model = laad_of_stop(datamap)
    assert ids(in_andere_jaren(model, model.afspraak("2030-1"))) == ["2031-1", "2032-1"]  # oldest first


@pytest.mark.parametrize("huidig, venster", [
    (2043, (2043, 2042, 2041, 2040, 2039)),  # newest: the four years before it
    (2040, (2043, 2042, 2041, 2040, 2039, 2038)),  # two either side, and the newest
    (2030, (2043, 2032, 2031, 2030, 2029, 2028)),  # the newest, then two either side
    (2024, (2043, 2028, 2027, 2026, 2025, 2024)),  # oldest: the four after it
])
def test_jaarkiezer_toont_de_jaren_eromheen_en_het_nieuwste(huidig, venster):
    assert jaarvenster(range(2024, 2044), huidig) == venster


def test_jaarkiezer_met_weinig_jaren_toont_ze_allemaal():
    assert jaarvenster([2024], 2024) == (2024,)
    assert jaarvenster([2024, 2025, 2026], 2024) == (2026, 2025, 2024)
    assert jaarvenster([2024, 2025], 2030) == ()
