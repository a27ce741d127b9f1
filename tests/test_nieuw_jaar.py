"""`make nieuw-jaar JAAR=2025`: a new year folder from the latest year, as an editor meets it."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import PROJECT, projectkopie
import macros.nieuw_jaar as module
from macros.laden import laad
from macros.nieuw_jaar import _Bestand, scalar

OVERGENOMEN = "# Overgenomen uit 2024: controleer en pas aan."


def nieuw_jaar(datamap: Path, jaar: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", "--data", str(datamap), "nieuw-jaar", jaar],
                          cwd=PROJECT, capture_output=True, text=True)


def inhoud(map_: Path) -> dict[str, bytes]:
    """Every file under `map_` with its bytes: to prove nothing was written or changed."""
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in sorted(map_.rglob("*")) if p.is_file()}


def voorbeeld_aan(tekst: str) -> str:
    """What the editor does with the example: 'afspraken:' and '# ' removed from its lines."""
    tekst = tekst.replace("afspraken: []", "afspraken:")
    return "\n".join(re.sub(r"^# (  .*)$", r"\1", r) for r in tekst.split("\n"))


@pytest.fixture
def gemaakt(data):
    """A copy of data/ after `nieuw-jaar 2025`, and the command's output."""
    uit = nieuw_jaar(data, "2025")
    assert uit.returncode == 0, uit.stdout + uit.stderr
    return data, uit.stdout


# --- the new year ---------------------------------------------------------------------------

def test_nieuw_jaar_is_geldig_en_neemt_structuur_over_zonder_afspraken(gemaakt, echt):
    data, uitvoer = gemaakt
    resultaat = laad(data)
    assert resultaat.meldingen == [], [m.als_regel() for m in resultaat.meldingen]
    vorig, nieuw = echt.jaren[2024], resultaat.model.jaren[2025]
    assert nieuw.titel == "Prestatieafspraken 2025"
    assert nieuw.afspraken == ()
    assert nieuw.ondertekening is None and nieuw.focus is None and nieuw.opmerkingen == ()
    assert (nieuw.motto, nieuw.inleiding, nieuw.rollen, nieuw.grondslagen, nieuw.delen) == (
        vorig.motto, vorig.inleiding, vorig.rollen, vorig.grondslagen, vorig.delen)
    assert [t.thema for t in nieuw.themas] == [t.thema for t in vorig.themas]
    for oud, t in zip(vorig.themas, nieuw.themas):
        assert (t.doel, t.actualiteit) == (oud.doel, oud.actualiteit)
        assert (t.afspraken, t.tabellen, t.opmerkingen) == ((), (), ())
    assert not (data / "2025" / "bron").exists()
    assert resultaat.model.jaren[2024] == vorig  # the latest year itself is untouched


def test_uitvoer_noemt_bestanden_en_wat_de_redacteur_nu_doet(gemaakt):
    data, uitvoer = gemaakt
    regels = uitvoer.splitlines()
    assert regels[0] == "Jaar 2025 gemaakt uit 2024. Nieuwe bestanden:"
    gemaakte = {r.strip() for r in regels if r.startswith("  data/2025/")}
    assert gemaakte == {f"data/2025/{p.name}" for p in (data / "2025").iterdir()}
    assert "data/2025/jaarschijf.yaml" in gemaakte and "data/2025/betaalbaarheid.yaml" in gemaakte
    assert "Zet de afspraken van 2025 in de themabestanden" in uitvoer
    assert "Controleer elke tekst onder '# Overgenomen uit 2024'" in uitvoer
    assert "vul 'ondertekening' in data/2025/jaarschijf.yaml in" in uitvoer
    # Copied texts that still say 2024 are listed with their place, and the place is right.
    plekken = re.findall(r"^ +(data/2025/[\w.-]+):(\d+): (\w+)$", uitvoer, re.MULTILINE)
    assert ("data/2025/betaalbaarheid.yaml", "actualiteit") in {(p, v) for p, _, v in plekken}
    for pad, regel, veld in plekken:
        bestand = (data.parent / pad).read_text(encoding="utf-8").splitlines()
        assert bestand[int(regel) - 1] == OVERGENOMEN + " Let op: de tekst noemt 2024."
        assert bestand[int(regel)].startswith(f"{veld}:")


def test_overgenomen_tekst_heeft_een_opmerking_erboven(gemaakt):
    data, _ = gemaakt
    for pad in (data / "2025").iterdir():
        regels = pad.read_text(encoding="utf-8").splitlines()
        soort = "jaarschijf" if pad.stem == "jaarschijf" else "thema"
        assert regels[0] == f"# yaml-language-server: $schema=../schema/{soort}.schema.json"
        data_2024 = yaml.safe_load((data / "2024" / pad.name).read_text(encoding="utf-8"))
        gekopieerd = {"doel", "actualiteit", "motto", "inleiding", "delen", "grondslagen", "rollen"}
        for sleutel in gekopieerd & set(data_2024):
            (i,) = [i for i, r in enumerate(regels) if r.startswith(f"{sleutel}:")]
            assert regels[i - 1].startswith(OVERGENOMEN), (pad.name, sleutel)
    jaarschijf = (data / "2025" / "jaarschijf.yaml").read_text(encoding="utf-8")
    assert "\n# focus:\n#   tekst: In 2024 ligt de focus" in jaarschijf  # offered, not published


def test_niets_uit_het_ondertekende_document_van_2024_gaat_mee(gemaakt, echt):
    data, _ = gemaakt
    tekst = "".join(p.read_text(encoding="utf-8") for p in (data / "2025").iterdir())
    vorig = echt.jaren[2024]
    for a in vorig.afspraken:
        assert a.tekst[:60] not in tekst
    for o in vorig.ondertekening.ondertekenaars:
        assert o.naam not in tekst
    assert vorig.ondertekening.datum not in tekst and "tabellen:" not in tekst
    for t in vorig.themas:
        for opmerking in t.opmerkingen:
            assert opmerking[:60] not in tekst


def test_voorbeeldafspraak_zet_een_afspraak_van_hetzelfde_thema_voort(gemaakt, echt):
    data, _ = gemaakt
    pad = data / "2025" / "betaalbaarheid.yaml"
    tekst = pad.read_text(encoding="utf-8")
    assert yaml.safe_load(tekst)["afspraken"] == []  # only comments: nothing is published
    (id_,) = re.findall(r'^#     voortzetting_van: "(2024-\d+)"', tekst, re.MULTILINE)
    assert echt.afspraak(id_).thema == "betaalbaarheid"
    assert "data/schema/thema.schema.json" in tekst and "/bijdragen/" in tekst

    # Switched on as it is, the empty number and text stop the check: nothing half-filled is published.
    pad.write_text(voorbeeld_aan(tekst), encoding="utf-8")
    fouten = [(m.pad, m.veld) for m in laad(data).fouten]
    assert fouten == [("data/2025/betaalbaarheid.yaml", "afspraken[1].nummer"),
                      ("data/2025/betaalbaarheid.yaml", "afspraken[1].tekst")]

    ingevuld = voorbeeld_aan(tekst).replace("  - nummer:", "  - nummer: 7", 1) + "\n      Een tekst.\n"
    pad.write_text(ingevuld, encoding="utf-8")
    resultaat = laad(data)
    assert resultaat.fouten == []
    afspraak = resultaat.model.afspraak("2025-7")
    oud = echt.afspraak(id_)
    assert (afspraak.voortzetting_van, afspraak.titel, afspraak.kop, afspraak.verantwoordelijk) == (
        id_, oud.titel, oud.kop, oud.verantwoordelijk)


def test_ondertekening_staat_klaar_maar_moet_ingevuld(gemaakt):
    data, _ = gemaakt
    pad = data / "2025" / "jaarschijf.yaml"
    tekst = pad.read_text(encoding="utf-8")
    begin = tekst.index("# ondertekening:")
    pad.write_text(tekst[:begin] + "\n".join(r[2:] for r in tekst[begin:].split("\n")), encoding="utf-8")
    fouten = laad(data).fouten
    assert fouten and all(m.veld.startswith("ondertekening.") for m in fouten)
    assert {m.veld for m in fouten} >= {"ondertekening.datum", "ondertekening.plaats",
                                        "ondertekening.ondertekenaars[1].naam"}


def test_jaar_na_een_jaar_zonder_afspraken_en_ondertekening(gemaakt):
    data, _ = gemaakt
    uit = nieuw_jaar(data, "2026")
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert "gemaakt uit 2025" in uit.stdout
    resultaat = laad(data)
    assert resultaat.fouten == []
    assert resultaat.model.jaren[2026].titel == "Prestatieafspraken 2026"
    # 2025 has no commitments yet: the example continues one of the same theme from 2024.
    tekst = (data / "2026" / "betaalbaarheid.yaml").read_text(encoding="utf-8")
    (id_,) = re.findall(r'^#     voortzetting_van: "(\d{4}-\d+)"', tekst, re.MULTILINE)
    assert id_.startswith("2024-") and resultaat.model.afspraak(id_).thema == "betaalbaarheid"


# --- text that YAML could misread -------------------------------------------------------------

LASTIGE_TEKSTEN = [
    "Tekst met: een dubbele punt", "'enkel'", '"dubbel"', "[…] aan het begin", "eindigt op:",
    "# geen opmerking", "- geen lijst", "ja", "2024", "null", "~", "@", "`code`", "%pct", "!tag",
    "* ster", "& anker", "? vraag", "{accolades}", "‘gekruld’ en ’s avonds", "a #b", "tab\tin tekst",
]


@pytest.mark.parametrize("tekst", LASTIGE_TEKSTEN)
def test_scalar_leest_terug_als_dezelfde_tekst(tekst):
    assert yaml.safe_load(f"veld: {scalar(tekst)}") == {"veld": tekst}


def test_lange_tekst_wordt_letterlijk_blok():
    tekst = "Eerste alinea: met 'quotes', \"meer\" en [sic].\n\n# Tweede alinea" + " lang" * 30
    b = _Bestand("x.yaml", 2024)
    b.veld("inleiding", tekst)
    b.regel("lijst:")
    b.veld("tekst", tekst, 2, streep=True)
    b.veld("kort", "Kort: maar lastig", 4)
    b.regel("onderdelen:")
    b.item(tekst, 2)
    b.item("- kort", 2)
    assert b.regels[0] == "inleiding: |"
    assert yaml.safe_load(b.tekst()) == {
        "inleiding": tekst + "\n",
        "lijst": [{"tekst": tekst + "\n", "kort": "Kort: maar lastig"}],
        "onderdelen": [tekst + "\n", "- kort"],
    }


def test_lastige_teksten_komen_ongeschonden_in_het_nieuwe_jaar(data):
    pad = data / "2024" / "leefbaarheid.yaml"
    doel = "Doel: 'wonen' in \"leefbare\" [wijken] # niet weg"
    actualiteit = "Eerste: alinea met […] en ‘quotes’.\n\n- Tweede alinea, geen lijst.\n\n# Derde, geen opmerking."
    tekst = pad.read_text(encoding="utf-8")
    tekst = re.sub(r"^doel: .*$", lambda _: f"doel: {scalar(doel)}", tekst, count=1, flags=re.MULTILINE)
    blok = "actualiteit: |\n" + "".join(f"  {r}\n" if r else "\n" for r in actualiteit.split("\n"))
    tekst = re.sub(r"^actualiteit: \|\n(  .*\n|\n)*", lambda _: blok, tekst, count=1, flags=re.MULTILINE)
    pad.write_text(tekst, encoding="utf-8")
    assert nieuw_jaar(data, "2025").returncode == 0
    model = laad(data).model
    for jaar in (2024, 2025):
        (thema,) = [t for t in model.jaren[jaar].themas if t.thema == "leefbaarheid"]
        assert (thema.doel, thema.actualiteit) == (doel, actualiteit)


# --- refusals: a Dutch message, exit 1, nothing written ----------------------------------------

def test_bestaand_jaar_wordt_niet_overschreven(gemaakt):
    data, _ = gemaakt
    (data / "2025" / "leefbaarheid.yaml").write_text("# al aan gewerkt\n", encoding="utf-8")
    voor = inhoud(data)
    for jaar in ("2025", "2024"):
        uit = nieuw_jaar(data, jaar)
        assert uit.returncode == 1
        assert uit.stdout.strip() == f"data/{jaar} bestaat al; er is niets overschreven."
    assert inhoud(data) == voor


@pytest.mark.parametrize("jaar, melding", [
    ("25", "'25' is geen jaar; geef het jaar met vier cijfers, bijvoorbeeld 2025."),
    ("twintig", "'twintig' is geen jaar; geef het jaar met vier cijfers, bijvoorbeeld 2025."),
    ("20255", "'20255' is geen jaar; geef het jaar met vier cijfers, bijvoorbeeld 2025."),
    ("", "'' is geen jaar; geef het jaar met vier cijfers, bijvoorbeeld 2025."),
    ("2101", "2101 kan niet: een jaar ligt tussen 2000 en 2100."),
    ("2023", "2023 ligt voor het nieuwste jaar (2024)."),
])
def test_ongeldig_jaar(data, jaar, melding):
    voor = inhoud(data)
    uit = nieuw_jaar(data, jaar)
    assert uit.returncode == 1
    assert uit.stdout.startswith(melding)
    assert "Traceback" not in uit.stdout + uit.stderr
    assert inhoud(data) == voor


def test_fouten_in_de_gegevens_eerst_oplossen(data):
    pad = data / "2024" / "leefbaarheid.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("[gezamenlijk]", "[gezamelijk]", 1), encoding="utf-8")
    voor = inhoud(data)
    uit = nieuw_jaar(data, "2025")
    assert uit.returncode == 1
    regels = uit.stdout.splitlines()
    assert re.match(r"^data/2024/leefbaarheid\.yaml:\d+:\d+: .*onbekende partij of groep 'gezamelijk'", regels[0])
    assert regels[-1] == "De gegevens in data/ bevatten fouten; los die eerst op. Er is niets gemaakt."
    assert inhoud(data) == voor


def test_zonder_eerder_jaar(data):
    shutil.rmtree(data / "2024")
    voor = inhoud(data)
    uit = nieuw_jaar(data, "2025")
    assert uit.returncode == 1
    assert uit.stdout.startswith("Er is nog geen jaar in data/ om van over te nemen.")
    assert inhoud(data) == voor


def test_een_fout_in_de_nieuwe_map_laat_niets_achter(data, monkeypatch):
    """Should the written files ever fail the checks, the half-made year is removed again."""
    monkeypatch.setattr(module, "nieuwe_titel", lambda *_: "")
    voor = inhoud(data)
    with pytest.raises(module.Weigering) as weigering:
        module.maak(data, "2025")
    assert "is weer verwijderd" in weigering.value.tekst
    assert any("data/2025/jaarschijf.yaml" in r and "titel" in r for r in weigering.value.regels)
    assert inhoud(data) == voor and not any(p.name.startswith(".nieuw") for p in data.iterdir())


# --- the make targets, in a throw-away copy of the project ------------------------------------

def _venv_kopie(project: Path) -> None:
    """The copy's .venv: links to the real one's parts, and its own stamp.

    `make` would rebuild (rm -rf) a .venv older than requirements.txt; here that could only
    remove these links, never the real environment.
    """
    venv = project / ".venv"
    venv.mkdir()
    for deel in (PROJECT / ".venv").iterdir():
        if deel.name != ".installed":
            (venv / deel.name).symlink_to(deel)
    (venv / ".installed").touch()


def make(project: Path, *args: str) -> subprocess.CompletedProcess:
    omgeving = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "GITHUB_ACTIONS")}
    return subprocess.run(["make", "--no-print-directory", *args], cwd=project, env=omgeving,
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory, echt):
    """`make nieuw-jaar JAAR=2025`, `make check` and `make build` in a copy of the project."""
    project = projectkopie(tmp_path_factory.mktemp("nieuw-jaar") / "project")
    _venv_kopie(project)
    zonder_jaar = make(project, "nieuw-jaar")
    assert zonder_jaar.returncode != 0
    assert "Geef het jaar op: make nieuw-jaar JAAR=2025" in zonder_jaar.stderr
    assert not (project / "data" / "2025").exists()
    uitvoer = {}
    for stap in ("nieuw-jaar JAAR=2025", "check", "build"):
        uit = make(project, *stap.split())
        assert uit.returncode == 0, uit.stdout + uit.stderr
        assert "WARNING" not in uit.stderr, uit.stderr
        uitvoer[stap] = uit.stdout
    assert "Jaar 2025 gemaakt uit 2024." in uitvoer["nieuw-jaar JAAR=2025"]
    assert "Gegevens in orde: 55 afspraken in 2 jaren (2024, 2025), 0 waarschuwingen" in uitvoer["check"]
    return project / "site"


def pagina(site: Path, pad: str) -> BeautifulSoup:
    return BeautifulSoup((site / pad / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_make_maakt_een_jaar_dat_bouwt_met_eigen_paginas(gebouwd, echt):
    jaarpagina = pagina(gebouwd, "2025").select_one("article").get_text(" ", strip=True)
    assert "Deze jaarschijf is nog niet ondertekend." in jaarpagina
    assert "Ondertekend op" not in jaarpagina
    thema = pagina(gebouwd, "2025/themas/betaalbaarheid").select_one("article").get_text(" ", strip=True)
    (oud,) = [t for t in echt.jaren[2024].themas if t.thema == "betaalbaarheid"]
    assert " ".join(oud.doel.split()[:4]) in thema  # the copied goal is shown
    assert "geen genummerde" in thema
    start = pagina(gebouwd, "").get_text(" ", strip=True)
    assert "(nog niet ondertekend)" in start
    assert "Ondertekend op 7 december 2023 in Gieten" in pagina(gebouwd, "2024").get_text(" ", strip=True)
    assert not (gebouwd / "2025" / "afspraken" / "1").exists()


def test_geen_afspraak_van_2024_op_een_pagina_van_2025(gebouwd, echt):
    vorig = echt.jaren[2024]
    paginas = sorted((gebouwd / "2025").rglob("index.html"))
    assert len(paginas) > 5
    for html in paginas:
        soep = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        tekst = soep.select_one("article").get_text(" ", strip=True)
        for a in vorig.afspraken:
            assert " ".join(a.tekst.split()[:8]) not in tekst, (html, a.id)
        links = [x["href"] for x in soep.select("article a[href]")]
        assert not any(re.search(r"2024/afspraken/\d+/", h) for h in links), html
