"""Progress in the open data: per commitment its status, last assessment and realised values
(afspraken.json/.csv), and per year every entry (voortgang.json/.csv), on the fixture set
gevolgd. The CSV reads back to exactly the model's entries."""
import csv
import io
import json

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator

from conftest import SCHEMA, maak_gegevens
from macros.gegevens.laden import _voortgang
from macros.gegevens.voortgang import STATUSSEN, Bron, Gerealiseerd, Voortgang
from macros.gereedschap import voortgang_csv
from macros.gereedschap.cli import main

SITE = "https://voorbeeld.nl/prestatieafspraken/"


@pytest.fixture(scope="module")
def uitvoer(tmp_path_factory):
    """`python -m macros export` of the set gevolgd."""
    project = tmp_path_factory.mktemp("gevolgd-export")
    assert main(["--data", str(maak_gegevens("gevolgd", project)), "export", str(project / "uit"),
                 "--site-url", SITE]) == 0
    return project / "uit"


def afspraken_json(map_, jaar):
    return {a["id"]: a for a in json.loads((map_ / f"{jaar}/afspraken.json").read_text(encoding="utf-8"))["afspraken"]}


def afspraken_csv(map_, jaar):
    return {r["id"]: r for r in csv.DictReader((map_ / f"{jaar}/afspraken.csv").read_text(encoding="utf-8-sig")
                                               .splitlines(keepends=True))}


def test_status_laatst_beoordeeld_en_gerealiseerd_per_afspraak(uitvoer):
    a = afspraken_json(uitvoer, 2021)
    # 2021-1: entry 8 corrects entry 7; the values per target (a total and its parts) are entry 8's
    assert a["2021-1"]["status"] == "deels-gerealiseerd"
    assert a["2021-1"]["laatst_beoordeeld"] == "2021-12-31"
    assert a["2021-1"]["gerealiseerd"] == [
        {"doel": 1, "aantal": 16, "eenheid": "woningen", "datum": "2021-12-31", "voorlopig": False, "methode": None},
        {"doel": 2, "aantal": 12, "eenheid": "woningen", "datum": "2021-12-31", "voorlopig": False, "methode": None},
        {"doel": 3, "aantal": 4, "eenheid": "woningen", "datum": "2021-12-31", "voorlopig": False, "methode": None}]
    # never assessed: the data says nothing, so the open data says nothing
    assert (a["2021-10"]["status"], a["2021-10"]["laatst_beoordeeld"], a["2021-10"]["gerealiseerd"]) == \
        ("nog-niet-beoordeeld", None, [])
    assert a["2021-4"]["gerealiseerd"][0]["methode"] == "NTA 8800"
    assert a["2021-3"]["status"] == "vervallen"


def test_de_csv_zegt_hetzelfde_als_tekst(uitvoer):
    rijen = afspraken_csv(uitvoer, 2021)
    assert list(rijen["2021-1"])[-1] == "gemeente"  # the new fields come before the last column
    assert rijen["2021-1"]["status"] == "deels-gerealiseerd"
    assert rijen["2021-1"]["laatst_beoordeeld"] == "2021-12-31"
    assert rijen["2021-1"]["gerealiseerd"] == ("doel 1: 16 woningen op 2021-12-31; doel 2: 12 woningen op 2021-12-31; "
                                              "doel 3: 4 woningen op 2021-12-31")
    assert rijen["2021-4"]["gerealiseerd"] == "doel 1: 30 labels op 2021-12-31 (NTA 8800)"
    assert (rijen["2021-10"]["status"], rijen["2021-10"]["laatst_beoordeeld"], rijen["2021-10"]["gerealiseerd"]) == \
        ("nog-niet-beoordeeld", "", "")
    assert afspraken_csv(uitvoer, 2022)["2022-1"]["gerealiseerd"] == "doel 1: 8 labels op 2022-06-30 (NTA 8800, voorlopig)"


def test_de_json_volgt_het_schema_en_de_woordenlijst(uitvoer, gevolgd):
    schema = json.loads((SCHEMA / "afspraken-export.schema.json").read_text(encoding="utf-8"))
    status = schema["properties"]["afspraken"]["items"]["properties"]["status"]
    assert status["enum"] == [s.id for s in STATUSSEN]
    for jaar in gevolgd.jaren:
        uit = json.loads((uitvoer / f"{jaar}/afspraken.json").read_text(encoding="utf-8"))
        assert [f.message for f in Draft202012Validator(schema).iter_errors(uit)] == [], jaar
        assert {a["id"]: a["status"] for a in uit["afspraken"]} == {
            a.id: gevolgd.verloop(a.id).status.id for a in gevolgd.jaren[jaar].afspraken}


def test_voortgang_json_is_elke_regel_zoals_in_de_yaml(uitvoer, gevolgd):
    for jaar, inhoud in gevolgd.jaren.items():
        uit = json.loads((uitvoer / f"{jaar}/voortgang.json").read_text(encoding="utf-8"))
        assert (uit["gemeente"], uit["jaar"], uit["licentie"]) == ("Lindeveld", jaar, "CC0-1.0")
        assert [r["id"] for r in uit["voortgang"]] == [r.id for r in inhoud.voortgang]
        for regel, r in zip(uit["voortgang"], inhoud.voortgang):
            zonder_id = {k: v for k, v in regel.items() if k != "id"}
            assert _voortgang(jaar, {k: v for k, v in zonder_id.items() if v is not None}) == r


def test_voortgang_csv_leest_terug_tot_dezelfde_regels(uitvoer, gevolgd):
    """The round trip: the exported CSV, read by the import's reader, gives the model's entries."""
    for jaar, inhoud in gevolgd.jaren.items():
        ruw = (uitvoer / f"{jaar}/voortgang.csv").read_bytes()
        assert ruw.startswith(b"\xef\xbb\xbf")
        gelezen = voortgang_csv.lees(ruw.decode("utf-8-sig"), "voortgang.csv")
        assert [_voortgang(jaar, i.velden) for i in gelezen] == list(inhoud.voortgang)
    # one row per entry x source x value: entry 10 of 2021 has two sources, entry 8 three values
    rijen = list(csv.DictReader((uitvoer / "2021/voortgang.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [r["nummer"] for r in rijen].count("8") == 3 and [r["nummer"] for r in rijen].count("10") == 2
    assert list(rijen[0]) == [k.naam for k in voortgang_csv.KOLOMMEN]


VIJANDIG = ["=HYPERLINK(\"https://example.org\",\"klik\")", "+1", "-1", "@SUM(A1)", "\tx", "'=al met apostrof",
            "''+twee", "'gewoon", "komma, en; puntkomma", "regel\nnieuwe regel", "\"aanhalingstekens\"", "Gewoon"]


@pytest.mark.parametrize("tekst", VIJANDIG)
def test_een_cel_wordt_nooit_een_formule_en_leest_exact_terug(tekst):
    regel = Voortgang(2030, 1, "2030-1", "2030-06-30", "2030-07-01", "loopt", tekst, "redactie",
                      bronnen=(Bron(tekst, "2030-07-01"),),
                      gerealiseerd=(Gerealiseerd(1, 2.5, "woningen", "2030-06-30", methode=tekst, voorlopig=True),))
    uit = voortgang_csv.schrijf([regel])
    for rij in list(csv.reader(uit.splitlines(keepends=True)))[1:]:
        assert not any(c.startswith(voortgang_csv.FORMULE) for c in rij), rij
    for scheiding in (",", ";"):
        tekst_csv = uit if scheiding == "," else _met_puntkomma(uit)
        (gelezen,) = voortgang_csv.lees(tekst_csv, "x.csv")
        assert gelezen.velden == {
            "nummer": 1, "afspraak": "2030-1", "peildatum": "2030-06-30", "vastgelegd": "2030-07-01", "status": "loopt",
            "toelichting": tekst, "beoordeeld_door": "redactie", "bronnen": [{"titel": tekst, "datum": "2030-07-01"}],
            "gerealiseerd": [{"doel": 1, "aantal": 2.5, "eenheid": "woningen", "datum": "2030-06-30", "methode": tekst,
                              "voorlopig": True, "bron": 1}]}


def _met_puntkomma(tekst: str) -> str:
    """The same rows as a Dutch spreadsheet saves them: ';' between cells, CRLF."""
    uit = io.StringIO()
    csv.writer(uit, delimiter=";", lineterminator="\r\n").writerows(csv.reader(tekst.splitlines(keepends=True)))
    return uit.getvalue()


def test_de_site_publiceert_de_voortgang_en_noemt_de_kolommen(site_gevolgd, gevolgd):
    for jaar in gevolgd.jaren:
        for naam in ("voortgang.csv", "voortgang.json"):
            assert (site_gevolgd / str(jaar) / naam).is_file()
    open_data = BeautifulSoup((site_gevolgd / "open-data/index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in open_data.select("ul.pa-bestanden a")]
    assert {f"../{j}/voortgang.csv" for j in gevolgd.jaren} <= set(links)
    assert {f"../{j}/voortgang.json" for j in gevolgd.jaren} <= set(links)
    kolommen = [k.naam for k in voortgang_csv.KOLOMMEN]
    for url in ("open-data", "bijdragen"):
        soep = BeautifulSoup((site_gevolgd / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        tabel = soep.select_one("table.pa-kolommen")
        assert [th.get_text() for th in tabel.select("tbody th")] == kolommen, url
        assert tabel.caption.get_text() and tabel.find_parent(attrs={"role": "region"})["aria-labelledby"] == \
            tabel.caption["id"]
    # the export's field table names the new fields, from the schema
    velden = [th.get_text() for th in open_data.select("table.pa-velden tbody th")]
    assert {"status", "laatst_beoordeeld", "gerealiseerd"} <= set(velden)
