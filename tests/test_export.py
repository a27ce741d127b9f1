"""Open data per year: JSON and CSV in the format of DESIGN.md."""
import csv
import json

import pytest
from jsonschema import Draft202012Validator

from conftest import DATA
from macros.cli import main

SITE = "https://voorbeeld.nl/prestatieafspraken/"
VELDEN = ["id", "jaar", "nummer", "titel", "tekst", "thema", "verantwoordelijk", "partijen", "plaatsen",
          "doelen", "termijn", "gerelateerd", "documenten", "voortzetting_van", "url"]


@pytest.fixture(scope="module")
def uitvoer(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("export")
    assert main(["export", str(map_), "--site-url", SITE]) == 0
    return map_


@pytest.fixture(scope="module")
def json_2024(uitvoer):
    return json.loads((uitvoer / "2024/afspraken.json").read_text(encoding="utf-8"))


def test_json_kop(json_2024):
    assert json_2024["jaar"] == 2024
    assert json_2024["titel"] == "Prestatieafspraken 2024"
    assert json_2024["licentie"] == "CC0-1.0"
    assert json_2024["schema"] == SITE + "open-data/afspraken-export.schema.json"


def test_json_alle_55_met_velden_van_het_ontwerp(json_2024):
    afspraken = json_2024["afspraken"]
    assert [a["nummer"] for a in afspraken] == list(range(1, 56))
    for a in afspraken:
        assert set(VELDEN) <= set(a), a["id"]


def test_json_afspraak_18(json_2024):
    a18 = next(a for a in json_2024["afspraken"] if a["id"] == "2024-18")
    assert a18["jaar"] == 2024 and a18["nummer"] == 18 and a18["thema"] == "betaalbaarheid"
    assert a18["tekst"] == "Corporaties gaan voor nul ontruimingen op basis van alleen huurachterstand."
    assert a18["verantwoordelijk"] == ["corporaties"]
    assert a18["partijen"] == ["de-volmacht", "woonborg"]
    assert "2024-42" in a18["gerelateerd"]
    assert a18["voortzetting_van"] is None
    assert a18["url"] == SITE + "2024/afspraken/18/"


def test_json_volgt_het_gepubliceerde_schema(uitvoer, json_2024):
    schema = json.loads((uitvoer / "open-data/afspraken-export.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads((DATA / "schema/afspraken-export.schema.json").read_text(encoding="utf-8"))
    fouten = [f.message for f in Draft202012Validator(schema).iter_errors(json_2024)]
    assert fouten == []


def test_json_doelen_en_termijn(json_2024):
    a33 = next(a for a in json_2024["afspraken"] if a["nummer"] == 33)
    assert {(d["jaar"], d["aantal"]) for d in a33["doelen"]} >= {(2025, 11), (2026, 16), (2028, 10)}
    a1 = next(a for a in json_2024["afspraken"] if a["nummer"] == 1)
    assert a1["termijn"] == {"tekst": "in Q1", "jaar": 2024, "kwartaal": 1}


def test_csv_een_rij_per_afspraak(uitvoer, json_2024):
    ruw = (uitvoer / "2024/afspraken.csv").read_bytes()
    assert ruw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheet programs read the accents right
    rijen = list(csv.DictReader(ruw.decode("utf-8-sig").splitlines(keepends=True)))
    assert len(rijen) == 55
    assert set(VELDEN) <= set(rijen[0])
    per_id = {r["id"]: r for r in rijen}
    a18 = per_id["2024-18"]
    assert a18["partijen"] == "de-volmacht;woonborg"
    assert a18["gerelateerd"] == ";".join(next(a for a in json_2024["afspraken"] if a["id"] == "2024-18")["gerelateerd"])
    assert per_id["2024-1"]["termijn"] == "in Q1"
    assert "76 woningen" in per_id["2024-32"]["doelen"]
    assert per_id["2024-29"]["tekst"].count("\n\n") == 1  # paragraphs survive


def test_export_met_fouten_schrijft_niets(data, tmp_path, capsys):
    pad = data / "partijen.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("id: woonborg", "id: woonborg\n    kleur: rood"),
                   encoding="utf-8")
    doel = tmp_path / "uit"
    assert main(["--data", str(data), "export", str(doel), "--site-url", SITE]) == 1
    assert not doel.exists()
    assert "onbekend veld 'kleur'" in capsys.readouterr().out
