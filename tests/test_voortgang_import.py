"""`python -m macros voortgang-import BESTAND.csv` (make voortgang-import CSV=...): entries from
a CSV appended to data/<jaar>/voortgang.yaml, only when the check of `make check` passes on
a copy with the new text; every problem named by CSV row and column, never a traceback."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT, cli_in_proces, projectkopie
from macros.gegevens.laden import laad
from macros.gereedschap import voortgang_csv
from test_makefile import AANVALLEN

KOP = "afspraak;peildatum;vastgelegd;status;toelichting;reden;beoordeeld_door;bron_titel;bron_soort;bron_datum;" \
      "bron_pagina;doel;aantal;eenheid;voorlopig\n"
# Two new entries for commitments of 2021 that have none yet (2021-10) or several (2021-1):
# the second has two sources and a value on the row of the second source.
TWEE = (KOP +
        "2021-10;2022-06-30;2022-07-02;loopt;De folder is bijna klaar.;;redactie;Nieuwsbrief april;bericht;"
        "2022-07-01;;;;;\n"
        "2021-1;2021-12-31;2022-07-02;deels-gerealiseerd;Er zijn 18 van de 20 woningen gebouwd.;;woonkring;"
        "Evaluatie prestatieafspraken 2021;evaluatie;2022-05-30;10;;;;\n"
        ";;;;;;;Jaarverslag Woonkring;volkshuisvestingsverslag;2022-05-15;3;1;18;woningen;ja\n")


@pytest.fixture
def project(gegevens, tmp_path, monkeypatch):
    """A copy of the set gevolgd; the CSV is written in the folder the command runs in."""
    datamap = gegevens("gevolgd")
    monkeypatch.chdir(tmp_path)
    return datamap


def importeer(datamap: Path, inhoud: str | bytes, naam: str = "import.csv") -> subprocess.CompletedProcess:
    Path(naam).write_bytes(inhoud if isinstance(inhoud, bytes) else inhoud.encode("utf-8"))
    return cli_in_proces("--data", str(datamap), "voortgang-import", naam)


def test_twee_regels_komen_onderaan_en_de_controle_leest_ze(project):
    bestand = project / "2021/voortgang.yaml"
    voor = bestand.read_text(encoding="utf-8")
    uit = importeer(project, "\ufeff" + TWEE)  # with a BOM and ';', as a Dutch spreadsheet saves it
    assert uit.returncode == 0, uit.stdout
    assert "2 regels toegevoegd aan data/2021/voortgang.yaml (nummer 14, 15)." in uit.stdout
    na = bestand.read_text(encoding="utf-8")
    assert na.startswith(voor)  # append-only: comments and entries above stay as they were
    resultaat = laad(project)
    assert resultaat.fouten == []
    regels = resultaat.model.jaren[2021].voortgang
    assert [r.nummer for r in regels] == list(range(1, 16))
    nieuw, tweede = regels[-2:]
    assert (nieuw.afspraak, nieuw.status, nieuw.toelichting, nieuw.beoordeeld_door) == (
        "2021-10", "loopt", "De folder is bijna klaar.", "redactie")
    assert [b.titel for b in tweede.bronnen] == ["Evaluatie prestatieafspraken 2021", "Jaarverslag Woonkring"]
    assert [(w.doel, w.aantal, w.eenheid, w.voorlopig, w.bron, w.datum) for w in tweede.gerealiseerd] == [
        (1, 18, "woningen", True, 2, "2021-12-31")]
    assert resultaat.model.verloop("2021-1").status.id == "deels-gerealiseerd"


def test_gegeven_nummers_moeten_de_volgende_vrije_zijn(project):
    bestand = project / "2021/voortgang.yaml"
    voor = bestand.read_bytes()
    def genummerd(nummers: list[int]) -> str:  # the CSV with ',' and a first column `nummer`
        regels = TWEE.replace(";", ",").splitlines(keepends=True)
        return "nummer," + regels[0] + "".join(f"{n},{r}" for n, r in zip(nummers, regels[1:]))
    goed, fout = genummerd([14, 15, 15]), genummerd([14, 5, 5])
    uit = importeer(project, fout)
    assert uit.returncode == 1
    assert "import.csv:3: kolom nummer: 5 is niet het volgende vrije nummer in data/2021/voortgang.yaml; dat is 15" \
        in uit.stdout
    assert bestand.read_bytes() == voor
    uit = importeer(project, goed)
    assert uit.returncode == 0, uit.stdout
    assert [r.nummer for r in laad(project).model.jaren[2021].voortgang][-2:] == [14, 15]


@pytest.mark.parametrize("wijzig, melding", [
    (lambda t: t.replace(";loopt;", ";klaar;"),
     "import.csv:2: kolom status: onbekende status 'klaar'; bekend zijn: nog-niet-beoordeeld, niet-gestart, loopt, "
     "vertraagd, stilgelegd, gerealiseerd, deels-gerealiseerd, niet-gerealiseerd, doorgeschoven, vervallen, "
     "niet-toetsbaar"),
    # found by the check of `make check` in the new text, and named by CSV row and column
    (lambda t: t.replace("2022-05-15", "2022-02-30"), "import.csv:4: kolom bron_datum: "),
    (lambda t: t.replace(";volkshuisvestingsverslag;", ";jaarverslag;"), "import.csv:4: kolom bron_soort: "),
    (lambda t: t.replace(";redactie;", ";Redactie X;"), "import.csv:2: kolom beoordeeld_door: "),
    (lambda t: t.replace("2021-1;", "2031-1;"),
     "import.csv:3: kolom afspraak: er is geen jaar 2031 in data/; bekend zijn: 2021, 2022"),
    (lambda t: t.replace("2021-1;", "2021-55;"), "import.csv:3: kolom afspraak: onbekende afspraak '2021-55'"),
    (lambda t: t.replace(";18;woningen;", ";achttien;woningen;"), "import.csv:4: kolom aantal: 'achttien' is geen getal"),
    (lambda t: t.replace(";woningen;ja", ";woningen;misschien"),
     "import.csv:4: kolom voorlopig: 'misschien' is geen ja of nee"),
    (lambda t: t.replace(";1;18;", ";1.5;18;"), "import.csv:4: kolom doel: '1.5' is geen geheel getal"),
    (lambda t: t.replace("\n;;;;;;;Jaarverslag", "\n;;;;;;samen;Jaarverslag"),
     "import.csv:4: kolom beoordeeld_door: deze rij hoort bij de regel van rij 3"),
    (lambda t: t.replace("afspraak;", "afsprak;"), "import.csv:1: onbekende kolom 'afsprak'; bedoelde u 'afspraak'?"),
    (lambda t: t.replace("toelichting;", ""), "import.csv:1: deze kolom ontbreekt: toelichting"),
    (lambda t: t + "2021-9;2022-01-01;2022-01-02;loopt;x;;redactie;;;;;;;;;;;\n",
     "import.csv:5: deze rij heeft 18 cellen, de kop 15 kolommen"),
    (lambda t: t.split("\n")[0] + "\n", "import.csv: er staan geen regels in het bestand, alleen de kop"),
    (lambda t: "", "import.csv: het bestand is leeg; de eerste rij noemt de kolommen"),
    (lambda t: t.replace("folder", "f\xe9older").encode("latin-1"),
     "import.csv:2: het bestand is geen UTF-8 (byte 0xe9); sla het op als 'CSV UTF-8'"),
], ids=["status", "datum", "bronsoort", "wie", "jaar", "afspraak", "aantal", "voorlopig", "doel", "twee-waarden",
        "kolomnaam", "kolom-mist", "te-veel-cellen", "alleen-kop", "leeg", "geen-utf8"])
def test_een_fout_noemt_de_rij_en_schrijft_niets(project, wijzig, melding):
    voor = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    uit = importeer(project, wijzig(TWEE))
    assert uit.returncode == 1
    assert any(r.startswith(melding) for r in uit.stdout.splitlines()), uit.stdout
    assert uit.stdout.splitlines()[-1] == "Niets geïmporteerd: los eerst deze fouten op."
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == voor
    assert "Traceback" not in uit.stdout + uit.stderr


def test_een_fout_in_de_gegevens_zelf_staat_er_zoals_make_check_hem_zegt(project):
    thema = project / "2021/woningbouw.yaml"
    thema.write_text(thema.read_text(encoding="utf-8").replace("titel:", "titell:", 1), encoding="utf-8")
    uit = importeer(project, TWEE)
    assert uit.returncode == 1
    assert any(r.startswith("data/2021/woningbouw.yaml:") and "onbekend veld 'titell'" in r
               for r in uit.stdout.splitlines()), uit.stdout
    assert laad(project).fouten  # still broken, and nothing was appended
    assert "2021-10" not in (project / "2021/voortgang.yaml").read_text(encoding="utf-8").split("nummer: 13")[1]


def test_een_export_importeert_tot_dezelfde_regels_ook_in_een_lege_lijst(project, gevolgd):
    """`voortgang: []` (as a year starts) becomes a list the entries follow; nothing else above changes."""
    bestand = project / "2021/voortgang.yaml"
    kop = bestand.read_text(encoding="utf-8").split("voortgang:")[0]
    bestand.write_text(kop + "voortgang: []\n", encoding="utf-8")
    uit = importeer(project, voortgang_csv.schrijf(gevolgd.jaren[2021].voortgang).encode("utf-8-sig"))
    assert uit.returncode == 0, uit.stdout
    assert bestand.read_text(encoding="utf-8").startswith(kop + "voortgang:\n  - nummer: 1\n")
    assert laad(project).model.jaren[2021].voortgang == gevolgd.jaren[2021].voortgang


def test_zonder_voortgangsbestand_komt_er_een_met_de_schemaregel(gegevens, tmp_path, monkeypatch):
    datamap = gegevens("gevolgd")
    (datamap / "2022/voortgang.yaml").unlink()  # 2022 has no progress file now
    monkeypatch.chdir(tmp_path)
    uit = importeer(datamap, "afspraak,peildatum,vastgelegd,status,toelichting,beoordeeld_door,bron_titel,bron_datum\n"
                             "2022-2,2022-06-30,2022-07-01,loopt,Er wordt gebouwd.,redactie,Bericht,2022-07-01\n")
    assert uit.returncode == 0, uit.stdout
    tekst = (datamap / "2022/voortgang.yaml").read_text(encoding="utf-8")
    assert tekst.startswith("# yaml-language-server: $schema=../schema/voortgang.schema.json\njaar: 2022\nvoortgang:\n")
    resultaat = laad(datamap)
    assert resultaat.fouten == [] and [r.afspraak for r in resultaat.model.jaren[2022].voortgang] == ["2022-2"]


# --- hostile input ---------------------------------------------------------------------------

@pytest.mark.parametrize("tekst", ["=HYPERLINK(\"https://evil.example\",\"klik\")", "'=1+1", "+31 6", "@SUM(A1)",
                                   "x\n  - nummer: 99\n    status: gerealiseerd", "a: b # c", "\"; rm -rf /",
                                   "true", "null", "{x: 1}", "[1, 2]", "*alias", "&anker x", "!!python/object x"])
def test_vijandige_tekst_blijft_tekst(project, tekst):
    """Whatever a cell holds, it becomes one text value of one entry: never YAML structure, a
    tag, an alias or a formula."""
    rij = ["2021-10", "2022-06-30", "2022-07-02", "loopt", tekst, "", "redactie", "Bron", "bericht", "2022-07-01",
           "", "", "", "", ""]
    uit_csv = io.StringIO()
    csv.writer(uit_csv, delimiter=";").writerows([KOP.strip().split(";"), rij])
    uit = importeer(project, uit_csv.getvalue())
    assert uit.returncode == 0, uit.stdout
    regels = laad(project).model.jaren[2021].voortgang
    assert len(regels) == 14
    verwacht = tekst[1:] if tekst.startswith("'=") else tekst  # only the apostrophe before a formula comes off
    assert regels[-1].toelichting == " ".join(verwacht.split())  # the model folds lines, as for any text


@pytest.mark.parametrize("teken", ["\x00", "\x07", "\u202e", "\u2066", "\x1b[31m"])
def test_stuurtekens_worden_geweigerd_met_rij_en_kolom(project, teken):
    uit = importeer(project, TWEE.replace("De folder is", f"De {teken}folder is"))
    assert uit.returncode == 1
    assert any(r.startswith("import.csv:2: kolom toelichting: ") and "stuurtekens" in r
               for r in uit.stdout.splitlines()), uit.stdout
    assert all(r.isprintable() for r in uit.stdout.splitlines())  # shown as escapes, never sent to the terminal


def test_een_te_groot_bestand_wordt_niet_gelezen(project):
    uit = importeer(project, TWEE + ("2021-10;2022-06-30;2022-07-02;loopt;" + "x" * 1000 + ";;redactie;;;;;;;;\n")
                    * 1100)
    assert uit.returncode == 1
    assert "import.csv: het bestand is groter dan 1 MB; importeer het in delen" in uit.stdout


def test_een_cel_groter_dan_csv_toestaat(project):
    uit = importeer(project, KOP + "2021-10;2022-06-30;2022-07-02;loopt;\"" + "x" * 200_000 + "\";;redactie\n")
    assert uit.returncode == 1 and "Traceback" not in uit.stdout + uit.stderr
    assert "import.csv: de CSV klopt niet (field larger than field limit (131072))" in uit.stdout


@pytest.mark.parametrize("pad, melding", [("nergens.csv", "nergens.csv: bestand bestaat niet"),
                                          (".", ".: dit is geen bestand")])
def test_geen_bestand(project, pad, melding):
    uit = cli_in_proces("--data", str(project), "voortgang-import", pad)
    assert uit.returncode == 1 and uit.stdout.splitlines()[0] == melding


def test_de_echte_opdracht_zonder_traceback(project):
    Path("import.csv").write_bytes(b"\xff\xfe" + TWEE.encode("utf-16-le"))
    uit = subprocess.run([sys.executable, "-m", "macros", "--data", str(project), "voortgang-import", "import.csv"],
                         capture_output=True, text=True, env={"PYTHONPATH": str(PROJECT), "PATH": "/usr/bin:/bin"})
    assert uit.returncode == 1 and uit.stderr == ""
    assert uit.stdout.startswith("import.csv:1: het bestand is geen UTF-8 (byte 0xff)")


# --- make ------------------------------------------------------------------------------------

@pytest.mark.parametrize("aanval", AANVALLEN)
def test_make_geeft_het_pad_alleen_als_omgevingsvariabele(aanval, tmp_path):
    teken = tmp_path / "uitgevoerd"
    waarde = aanval.format(f=teken)
    uit = subprocess.run(["make", "-n", "-C", str(PROJECT), "voortgang-import", f"CSV={waarde}"],
                         capture_output=True, text=True)
    assert not teken.exists(), f"CSV={waarde!r} voerde een opdracht uit"
    opdracht = next(r for r in uit.stdout.splitlines() if "-m macros voortgang-import" in r)
    assert waarde not in opdracht and opdracht.endswith('voortgang-import "$CSV"')


def test_make_zonder_csv_zegt_wat_er_mist():
    uit = subprocess.run(["make", "-s", "-C", str(PROJECT), "-o", ".venv/.installed", "voortgang-import"],
                         capture_output=True, text=True)
    assert uit.returncode != 0
    assert "Geef het bestand op: make voortgang-import CSV=pad/naar/voortgang.csv" in uit.stderr


def test_make_voortgang_import_voegt_toe(tmp_path):
    project = projectkopie(tmp_path / "project", "gevolgd")
    venv = Path(sys.executable).parent.parent  # the environment running the tests: no new install
    (tmp_path / "mijn import.csv").write_text(TWEE, encoding="utf-8")
    uit = subprocess.run(["make", "-s", "-C", str(project), "-o", f"{venv}/.installed", "voortgang-import",
                          f"VENV={venv}", f"CSV={tmp_path / 'mijn import.csv'}"], capture_output=True, text=True)
    assert uit.returncode == 0, uit.stdout + uit.stderr
    resultaat = laad(project / "data")
    assert resultaat.fouten == [] and [r.nummer for r in resultaat.model.jaren[2021].voortgang][-2:] == [14, 15]


def test_een_voortgangsbestand_dat_geen_utf8_is_wordt_niet_overschreven(project):
    bestand = project / "2021/voortgang.yaml"
    kapot = bestand.read_bytes().replace(b"Kerkstraat", b"Kerk\xe9straat")
    bestand.write_bytes(kapot)
    uit = importeer(project, TWEE)
    assert uit.returncode == 1
    assert "import.csv:2: data/2021/voortgang.yaml: het bestand is geen UTF-8" in uit.stdout
    assert bestand.read_bytes() == kapot
