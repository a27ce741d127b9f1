"""A year is a folder: a second (fictional) year loads beside 2024 without code changes."""
import shutil

import pytest

from conftest import TESTJAAR, regels
from macros.laden import laad


@pytest.fixture
def twee_jaren(data):
    shutil.copytree(TESTJAAR, data / "2025")
    return data


def test_tweede_jaar_met_voortzetting(twee_jaren):
    resultaat = laad(twee_jaren)
    assert resultaat.fouten == []
    model = resultaat.model
    assert list(model.jaren) == [2024, 2025]
    assert model.laatste_jaar.jaar == 2025
    a = model.afspraak("2025-1")
    assert a.voortzetting_van == "2024-18"
    assert model.afspraak(a.voortzetting_van).titel == model.afspraak("2024-18").titel
    assert [x.id for x in model.genoemd_bij("2024-42")] == ["2024-18", "2024-24", "2025-1"]
    assert [t.thema for t in model.jaren[2025].themas] == ["betaalbaarheid"]


def test_nummers_tellen_per_jaar(twee_jaren):
    """2025 has its own commitment 1; numbers only clash within one year."""
    assert regels(twee_jaren) == []


def test_voortzetting_moet_uit_een_eerder_jaar_komen(twee_jaren, data):
    pad = data / "2025/betaalbaarheid.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace('"2024-18"', '"2025-2"'), encoding="utf-8")
    (regel,) = regels(data)
    assert regel.endswith("afspraken[1].voortzetting_van: '2025-2' is niet uit een eerder jaar dan 2025")


def test_thema_en_bestandsnaam_moeten_gelijk_zijn(twee_jaren, data):
    pad = data / "2025/betaalbaarheid.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("thema: betaalbaarheid", "thema: duurzaamheid"),
                   encoding="utf-8")
    assert regels(data) == [
        "data/2025/betaalbaarheid.yaml:4:8: thema: het thema heet 'duurzaamheid', maar het bestand "
        "'betaalbaarheid.yaml'; maak ze gelijk"]


def test_vreemde_mappen_en_extensies(data):
    (data / "2025-concept").mkdir()
    (data / "2024/extra.yml").write_text("jaar: 2024\n", encoding="utf-8")
    assert regels(data) == [
        "data/2024/extra.yml:1:1: gebruik de extensie .yaml",
        "data/2025-concept:1:1: onbekende map in data/; een jaarmap heet naar het jaar, bijvoorbeeld 2024",
    ]


def test_dubbel_id_in_een_gedeeld_bestand(data):
    pad = data / "plaatsen.yaml"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst.replace("  - id: grolloo\n", "  - id: gieten\n"), encoding="utf-8")
    (regel,) = regels(data, "data/plaatsen.yaml")
    assert "id 'gieten' bestaat al (data/plaatsen.yaml:" in regel


def test_zelfde_afspraak_in_andere_jaren_beide_kanten_op(twee_jaren):
    from macros.inhoud import in_andere_jaren

    model = laad(twee_jaren).model
    assert [a.id for a in in_andere_jaren(model, model.afspraak("2025-1"))] == ["2024-18"]
    assert [a.id for a in in_andere_jaren(model, model.afspraak("2024-18"))] == ["2025-1"]
    assert in_andere_jaren(model, model.afspraak("2024-19")) == ()


def jaar_als_voortzetting(data, jaar: int, van: str) -> None:
    """Another fictional year like 2025, whose commitment 1 continues `van`."""
    doel = data / str(jaar)
    shutil.copytree(TESTJAAR, doel)
    for bestand in doel.glob("*.yaml"):
        tekst = bestand.read_text(encoding="utf-8").replace("2025", str(jaar))
        bestand.write_text(tekst.replace('voortzetting_van: "2024-18"', f'voortzetting_van: "{van}"'),
                           encoding="utf-8")


def test_een_lange_lijn_toont_alleen_de_buren(twee_jaren):
    """2024-18 <- 2025-1 <- 2026-1 <- 2027-1: each page names only the step before and after,
    so a commitment page stays the same size however many years continue it."""
    from macros.inhoud import in_andere_jaren

    jaar_als_voortzetting(twee_jaren, 2026, "2025-1")
    jaar_als_voortzetting(twee_jaren, 2027, "2026-1")
    model = laad(twee_jaren).model
    buren = {id_: [a.id for a in in_andere_jaren(model, model.afspraak(id_))]
             for id_ in ("2024-18", "2025-1", "2026-1", "2027-1")}
    assert buren == {"2024-18": ["2025-1"], "2025-1": ["2024-18", "2026-1"],
                     "2026-1": ["2025-1", "2027-1"], "2027-1": ["2026-1"]}


def test_een_afspraak_met_twee_opvolgers_noemt_ze_allebei(twee_jaren):
    from macros.inhoud import in_andere_jaren

    jaar_als_voortzetting(twee_jaren, 2026, "2024-18")
    model = laad(twee_jaren).model
    opvolgers = [a.id for a in in_andere_jaren(model, model.afspraak("2024-18"))]
    assert opvolgers == ["2025-1", "2026-1"]  # oldest first


@pytest.mark.parametrize("huidig, venster", [
    (2043, (2043, 2042, 2041, 2040, 2039)),  # newest: the four years before it
    (2040, (2043, 2042, 2041, 2040, 2039, 2038)),  # two either side, and the newest
    (2030, (2043, 2032, 2031, 2030, 2029, 2028)),  # the newest, then two either side
    (2024, (2043, 2028, 2027, 2026, 2025, 2024)),  # oldest: the four after it
])
def test_jaarkiezer_toont_de_jaren_eromheen_en_het_nieuwste(huidig, venster):
    from macros.inhoud import jaarvenster

    assert jaarvenster(range(2024, 2044), huidig) == venster


def test_jaarkiezer_met_weinig_jaren_toont_ze_allemaal():
    from macros.inhoud import jaarvenster

    assert jaarvenster([2024], 2024) == (2024,)
    assert jaarvenster([2024, 2025, 2026], 2024) == (2026, 2025, 2024)
    assert jaarvenster([2024, 2025], 2030) == ()
