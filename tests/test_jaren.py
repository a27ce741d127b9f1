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
