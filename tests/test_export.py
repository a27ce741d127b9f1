"""Open data per year: JSON and CSV in the format of DESIGN.md, run on the fixture data sets."""
import csv
import json

import pytest
from jsonschema import Draft202012Validator

from conftest import PROJECT, SCHEMA, maak_gegevens, vervang
from macros.gereedschap.cli import main
from macros.gereedschap.export import SCHEMA_BESTAND, SCHEMA_PAD, open_data_bestanden
from macros.gereedschap.siteadres import lees_site_url

SITE = "https://voorbeeld.nl/prestatieafspraken/"
VELDEN = ["id", "jaar", "nummer", "titel", "tekst", "thema", "verantwoordelijk", "partijen", "plaatsen",
          "doelen", "termijn", "gerelateerd", "documenten", "voortzetting_van", "url"]
SETS = {"een-jaar": "een_jaar", "twee-jaren": "twee_jaren", "andere-gemeente": "andere_gemeente"}  # set: model


def exporteer(datamap, doel) -> int:
    """`python -m macros --data DATAMAP export DOEL --site-url SITE`, in process."""
    return main(["--data", str(datamap), "export", str(doel), "--site-url", SITE])


@pytest.fixture(scope="module")
def uitvoer(tmp_path_factory):
    """uitvoer("een-jaar"): the export folder of a fixture data set, made once per module."""
    gemaakt = {}

    def maak(naam: str):
        if naam not in gemaakt:
            project = tmp_path_factory.mktemp(naam)
            assert exporteer(maak_gegevens(naam, project), project / "export") == 0
            gemaakt[naam] = project / "export"
        return gemaakt[naam]
    return maak


def lees_json(map_, jaar: int) -> dict:
    return json.loads((map_ / f"{jaar}/afspraken.json").read_text(encoding="utf-8"))


def lees_csv(map_, jaar: int) -> tuple[list[str], list[dict]]:
    """The header and the rows of a year's CSV; it starts with a BOM."""
    ruw = (map_ / f"{jaar}/afspraken.csv").read_bytes()
    assert ruw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheet programs read the accents right
    lezer = csv.DictReader(ruw.decode("utf-8-sig").splitlines(keepends=True))
    return lezer.fieldnames, list(lezer)


def per_id(afspraken) -> dict:
    return {a["id"]: a for a in afspraken}


def schemafouten(schema: dict, uit: dict) -> list[str]:
    return [f"{list(f.path)}: {f.message}" for f in Draft202012Validator(schema).iter_errors(uit)]


@pytest.fixture(scope="module")
def json_2030(uitvoer):
    return lees_json(uitvoer("een-jaar"), 2030)


def test_json_kop(json_2030, een_jaar):
    assert json_2030["jaar"] == 2030
    assert json_2030["titel"] == een_jaar.jaren[2030].titel
    assert json_2030["licentie"] == "CC0-1.0"
    assert json_2030["schema"] == SITE + "open-data/afspraken-export.schema.json"


@pytest.mark.parametrize("naam, gemeente", [
    ("een-jaar", "Lindeveld"), ("twee-jaren", "Lindeveld"), ("andere-gemeente", "Oosterkust")])
def test_gemeente_in_de_json_en_als_laatste_kolom_van_elke_csv_rij(uitvoer, request, naam, gemeente):
    model = request.getfixturevalue(SETS[naam])
    for jaar in model.jaren:
        assert lees_json(uitvoer(naam), jaar)["gemeente"] == gemeente
        kop, rijen = lees_csv(uitvoer(naam), jaar)
        assert kop[-1] == "gemeente"
        assert rijen and {r["gemeente"] for r in rijen} == {gemeente}


@pytest.mark.parametrize("naam", SETS)
def test_elk_jaar_alle_afspraken_met_de_velden_van_het_ontwerp(uitvoer, request, naam):
    model = request.getfixturevalue(SETS[naam])
    geschreven = sorted(int(p.parent.name) for p in uitvoer(naam).glob("*/afspraken.json"))
    assert geschreven == list(model.jaren)
    for jaar in model.jaren:
        afspraken = lees_json(uitvoer(naam), jaar)["afspraken"]
        assert [a["id"] for a in afspraken] == [a.id for a in model.jaren[jaar].afspraken]
        for a in afspraken:
            assert set(VELDEN) <= set(a), a["id"]


def test_json_afspraak_van_een_groep(json_2030, een_jaar):
    a4 = per_id(json_2030["afspraken"])["2030-4"]
    assert a4["jaar"] == 2030 and a4["nummer"] == 4 and a4["thema"] == "huur-en-woonlasten"
    assert a4["tekst"] == een_jaar.afspraak("2030-4").tekst
    assert a4["verantwoordelijk"] == ["verhuurder-en-huurders"]  # as the document says
    assert a4["partijen"] == ["huurdersraad-woonkring", "woonkring"]  # the group expanded, sorted
    assert a4["gerelateerd"] == ["2030-2"]
    assert a4["voortzetting_van"] is None
    assert a4["url"] == SITE + "2030/afspraken/4/"


def test_json_voortzetting_van_een_eerder_jaar(uitvoer, twee_jaren):
    afspraken = per_id(lees_json(uitvoer("twee-jaren"), 2031)["afspraken"])
    assert {id_: a["voortzetting_van"] for id_, a in afspraken.items()} == {
        a.id: a.voortzetting_van for a in twee_jaren.jaren[2031].afspraken}
    assert afspraken["2031-1"]["voortzetting_van"] == "2030-1"


def test_json_doelen_en_termijn(json_2030):
    afspraken = per_id(json_2030["afspraken"])
    assert afspraken["2030-1"]["doelen"] == [{"wat": "nieuwe huurwoningen", "aantal": 12, "eenheid": "woningen",
                                              "grens": "minimaal", "jaar": 2030, "wanneer": None,
                                              "plaats": "beekdorp", "id": None, "deel_van": None,
                                              "opmerking": None}]
    assert afspraken["2030-2"]["termijn"] == {"tekst": "in Q1", "jaar": 2030, "kwartaal": 1, "waarvoor": "bouwgrond zoeken"}
    assert afspraken["2030-3"]["doelen"] == [] and afspraken["2030-3"]["termijn"] is None


@pytest.mark.parametrize("naam", SETS)
def test_json_volgt_het_gepubliceerde_schema(uitvoer, request, naam):
    model = request.getfixturevalue(SETS[naam])
    schema = json.loads((uitvoer(naam) / "open-data/afspraken-export.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads((SCHEMA / "afspraken-export.schema.json").read_text(encoding="utf-8"))
    for jaar in model.jaren:
        assert schemafouten(schema, lees_json(uitvoer(naam), jaar)) == [], jaar


def test_csv_een_rij_per_afspraak(uitvoer, json_2030, een_jaar):
    kop, rijen = lees_csv(uitvoer("een-jaar"), 2030)
    assert [r["id"] for r in rijen] == [a.id for a in een_jaar.jaren[2030].afspraken]
    assert set(VELDEN) <= set(kop)
    rij, uit_json = per_id(rijen), per_id(json_2030["afspraken"])
    assert rij["2030-4"]["partijen"] == "huurdersraad-woonkring;woonkring"
    assert rij["2030-4"]["gerelateerd"] == ";".join(uit_json["2030-4"]["gerelateerd"])
    assert rij["2030-2"]["termijn"] == "in Q1 (bouwgrond zoeken)"  # as the site shows it
    assert rij["2030-1"]["doelen"] == "minimaal 12 woningen: nieuwe huurwoningen, Beekdorp"
    assert rij["2030-2"]["tekst"] == uit_json["2030-2"]["tekst"]
    assert rij["2030-2"]["tekst"].count("\n\n") == 1  # paragraphs survive


def test_export_met_fouten_schrijft_niets(gegevens, tmp_path, capsys):
    datamap = gegevens("een-jaar")
    vervang(datamap, "data/partijen.yaml", "id: woonkring\n", "id: woonkring\n    kleur: rood\n")
    doel = tmp_path / "uit"
    assert exporteer(datamap, doel) == 1
    assert not doel.exists()
    assert "onbekend veld 'kleur'" in capsys.readouterr().out


def test_export_van_de_echte_gegevens_volgt_het_schema(echt, tmp_path):
    """Holds for any valid data: every year exported, every commitment once, in the schema."""
    assert main(["export", str(tmp_path), "--site-url", SITE]) == 0
    schema = json.loads((SCHEMA / "afspraken-export.schema.json").read_text(encoding="utf-8"))
    for jaar, inhoud in echt.jaren.items():
        uit = lees_json(tmp_path, jaar)
        assert schemafouten(schema, uit) == [], jaar
        assert uit["gemeente"] == echt.gemeente.naam
        assert [a["id"] for a in uit["afspraken"]] == [a.id for a in inhoud.afspraken]
        assert [r["id"] for r in lees_csv(tmp_path, jaar)[1]] == [a.id for a in inhoud.afspraken]


def test_de_site_publiceert_dezelfde_open_data_als_make_export(site_een_jaar, een_jaar):
    """One emitter (export.open_data_bestanden): the built site holds exactly its files."""
    bestanden = open_data_bestanden(een_jaar, lees_site_url(PROJECT / "mkdocs.yml"), SCHEMA / SCHEMA_BESTAND)
    assert list(bestanden) == [SCHEMA_PAD, "2030/afspraken.json", "2030/afspraken.csv", "2030/voortgang.json",
                               "2030/voortgang.csv"]
    for pad, inhoud in bestanden.items():
        assert (site_een_jaar / pad).read_bytes() == inhoud, pad


def test_zonder_site_url_het_adres_uit_mkdocs_yml_zoals_mkdocs_het_leest(gegevens, tmp_path, monkeypatch):
    """`!ENV [SITE_URL, default]` as MkDocs resolves it: the variable when set, else the default."""
    datamap = gegevens("een-jaar")
    mkdocs_yml = tmp_path / "mkdocs.yml"
    mkdocs_yml.write_text('site_name: x\nsite_url: !ENV [SITE_URL, "https://standaard.nl/pa/"]\n', encoding="utf-8")
    for omgeving, adres in ((None, "https://standaard.nl/pa/"), ("https://elders.nl/", "https://elders.nl/")):
        if omgeving:
            monkeypatch.setenv("SITE_URL", omgeving)
        else:
            monkeypatch.delenv("SITE_URL", raising=False)
        uit = tmp_path / f"uit-{bool(omgeving)}"
        assert main(["--data", str(datamap), "export", str(uit), "--mkdocs", str(mkdocs_yml)]) == 0
        assert lees_json(uit, 2030)["afspraken"][0]["url"] == f"{adres}2030/afspraken/1/"
