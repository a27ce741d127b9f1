"""Hostile and broken input is refused by rule, with a message that shows what is there.

Data arrives as pull requests, also from forks, and the check's output is public. Each
class of input that used to pass by accident is made here in a copy of the fixture set
een-jaar, and must give one exact message at the real position.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from bouwer import afspraak, jaar, model, thema
from conftest import PROJECT, bouw_zonder_waarschuwing, projectkopie, regels, vervang
from macros.gereedschap import export
from macros.gegevens.laden import laad

WONINGBOUW = "data/2030/woningbouw.yaml"
JAARSCHIJF = "data/2030/jaarschijf.yaml"


def test_een_jaarmap_met_een_regeleinde_in_de_naam_is_geen_jaar(gegevens):
    """'2030\\n' used to pass as 2030 and replace the real year: now it is an unknown folder,
    and the message shows the newline as \\n instead of breaking the line."""
    data = gegevens("een-jaar")
    shutil.copytree(data / "2030", data / "2030\n")
    resultaat = laad(data)
    assert resultaat.model is None
    assert [m.als_regel() for m in resultaat.fouten] == [
        "data/2030\\n:1:1: onbekende map in data/; een jaarmap heet naar het jaar, met vier cijfers"]


def test_een_id_met_een_regeleinde_past_niet(gegevens):
    data = gegevens("een-jaar")
    vervang(data, "data/plaatsen.yaml", "  - id: heidezand\n", '  - id: "heidezand\\n"\n')
    assert regels(data, "data/plaatsen.yaml")[0] == (
        "data/plaatsen.yaml:11:9: plaatsen[3].id: 'heidezand\\n' is geen geldige waarde: een id bestaat uit "
        "kleine letters, cijfers en streepjes, bijvoorbeeld 'mijn-partij'")


def test_een_nummer_is_een_geheel_getal_geschreven_als_geheel_getal(gegevens):
    """40.0 used to become the address /2030/afspraken/40.0/."""
    data = gegevens("een-jaar")
    pad = "data/2030/huur-en-woonlasten.yaml"
    vervang(data, pad, "  - nummer: 5\n", "  - nummer: 5.0\n")
    assert regels(data, pad) == [
        f"{pad}:21:13: afspraken[2].nummer: verwacht een geheel getal, maar er staat het getal 5.0"]


@pytest.mark.parametrize("waarde, getoond", [(".inf", "inf"), ("-.inf", "-inf"), (".nan", "nan")])
def test_een_aantal_is_een_gewoon_getal(gegevens, waarde, getoond):
    """The check passed .inf and .nan; the export then wrote Infinity, which is not JSON."""
    data = gegevens("een-jaar")
    vervang(data, WONINGBOUW, "        aantal: 12\n", f"        aantal: {waarde}\n")
    assert regels(data, WONINGBOUW) == [
        f"{WONINGBOUW}:18:17: afspraken[1].doelen[1].aantal: verwacht een getal, maar er staat "
        f"'{getoond}' (geen gewoon getal)"]


def test_een_datum_bestaat(gegevens):
    data = gegevens("een-jaar")
    vervang(data, JAARSCHIJF, 'datum: "2029-12-10"', 'datum: "2029-02-30"')
    assert regels(data, JAARSCHIJF) == [
        f"{JAARSCHIJF}:31:10: ondertekening.datum: '2029-02-30' is geen bestaande datum"]


@pytest.mark.parametrize("waarde, getoond", [
    ('"   "', "'   '"),  # only spaces: an empty link on the site
    ('"\\u200b"', "'\\u200b'"),  # only an invisible character
    ('"Rondrit\\0"', "'Rondrit\\u0000'"),  # NUL
    ('"Rondrit \\u202eredro"', "'Rondrit \\u202eredro'"),  # turns the rest of the line around
    ('"Rondrit \\e[31mrood"', "'Rondrit \\u001b[31mrood'"),  # a terminal colour code
])
def test_een_tekst_is_zichtbaar_en_zonder_stuurtekens(gegevens, waarde, getoond):
    """The message shows the character as an escape, never raw."""
    data = gegevens("een-jaar")
    vervang(data, WONINGBOUW, "    titel: Woonkring bouwt woningen in Beekdorp\n", f"    titel: {waarde}\n")
    (regel,) = regels(data, WONINGBOUW)
    assert regel.startswith(f"{WONINGBOUW}:10:12: afspraken[1].titel: {getoond} is geen geldige waarde: "
                            "een tekst heeft zichtbare tekens")
    assert regel.isprintable()


KOPPELING = "een koppeling (symlink) is hier niet toegestaan; zet het bestand of de map zelf hier neer"


@pytest.mark.parametrize("maak", [
    lambda data, tmp: (data / "2030/tijdelijk-wonen.yaml").symlink_to("/etc/passwd"),
    lambda data, tmp: (data / "2030/tijdelijk-wonen.yaml").symlink_to(data / "2030/woningbouw.yaml"),
    lambda data, tmp: (data / "2030/tijdelijk-wonen.yaml").symlink_to(tmp / "bestaat-niet.yaml"),
    lambda data, tmp: (data / "2030/tijdelijk-wonen.yaml").symlink_to(data / "2030/tijdelijk-wonen.yaml"),
], ids=["buiten-de-repository", "binnen-de-repository", "naar-niets", "naar-zichzelf"])
def test_een_koppeling_wordt_geweigerd_en_nooit_gevolgd(gegevens, tmp_path, maak):
    """A fork may commit symlinks: their target is never read, printed or published."""
    data = gegevens("een-jaar")
    (data / "2030/tijdelijk-wonen.yaml").unlink()
    maak(data, tmp_path)
    uit = regels(data)
    assert uit == [f"data/2030/tijdelijk-wonen.yaml:1:1: {KOPPELING}"]


def test_een_gekoppelde_jaarmap_of_bron_wordt_geweigerd(gegevens, tmp_path):
    data = gegevens("een-jaar")
    (data / "2031").symlink_to("/etc")
    bron = data / "2030/bron/bron-2030-lindeveld.txt"
    (tmp_path / "elders.txt").write_bytes(bron.read_bytes())
    bron.unlink()
    bron.symlink_to(tmp_path / "elders.txt")
    assert regels(data) == [
        f"data/2030/bron/herstellingen.yaml:3:7: bron: 'bron-2030-lindeveld.txt' is een koppeling (symlink); "
        "zet het bronbestand zelf in deze map",
        f"data/2031:1:1: {KOPPELING}"]


def test_een_bron_die_geen_utf8_is(gegevens):
    data = gegevens("een-jaar")
    bron = data / "2030/bron/bron-2030-lindeveld.txt"
    bron.write_bytes(bron.read_text(encoding="utf-8").encode("utf-16"))
    assert regels(data) == ["data/2030/bron/herstellingen.yaml:3:7: bron: het bronbestand "
                            "'bron-2030-lindeveld.txt' is geen UTF-8-tekst; sla het op als UTF-8"]


def test_github_annotatie_van_een_vreemde_bestandsnaam_blijft_een_annotatie(gegevens):
    """A file name with a newline and '::error' used to print a workflow command of its own."""
    data = gegevens("een-jaar")
    (data / "x\n::error file=nep::Gegevens in orde").mkdir()
    uit = subprocess.run([sys.executable, "-m", "macros", "--data", str(data), "check"], cwd=PROJECT,
                         capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": "true"})
    assert uit.returncode == 1
    (annotatie,) = [r for r in uit.stdout.splitlines() if r.startswith("::")]
    assert annotatie.startswith("::error file=data/x\\n%3A%3Aerror file=nep%3A%3AGegevens in orde,line=1,col=1::")
    assert not any(r.startswith("Gegevens in orde") for r in uit.stdout.splitlines())


def test_de_csv_start_nooit_een_formule():
    """A spreadsheet shows a cell that starts like a formula as text (OWASP: CSV injection)."""
    titels = ["=HYPERLINK(\"https://example.org\",\"klik\")", "+1", "-1", "@SUM(A1)", "\tx", "Gewoon"]
    m = model(jaren=[jaar(2030, themas=[thema("wonen", [afspraak(i, titel=t) for i, t in enumerate(titels, 1)])])])
    rijen = list(csv.DictReader(io.StringIO(export.jaar_csv("Testdorp", m.jaren[2030], "https://x.nl/"))))
    assert [r["titel"] for r in rijen] == ["'" + t for t in titels[:-1]] + ["Gewoon"]


def test_de_json_is_strikte_json():
    m = model(jaren=[jaar(2030, themas=[thema("wonen", [afspraak(1)])])])
    tekst = export.jaar_json("Testdorp", m.jaren[2030], "https://x.nl/")
    assert json.loads(tekst, parse_constant=lambda c: pytest.fail(f"geen JSON: {c}"))["afspraken"]


BOM = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


@pytest.mark.parametrize("inhoud, melding", [
    (BOM, "1:4: deze waarde wordt elders herhaald met een verwijzing (& en *); schrijf de waarde overal zelf uit"),
    ("jaar: " + "[" * 1000 + "]" * 1000 + "\n", "1:1: het bestand is dieper genest dan 40 niveaus"),
    ("jaar: " + "9" * 5000 + "\n", "1:1: een waarde kan niet gelezen worden; staat er een getal met duizenden cijfers?"),
    ("jaar: 2030\nthema: x\x00y\n", "2:9: het teken U+0000 mag niet in een gegevensbestand staan; verwijder het"),
    ("jaar: 2030\nthema: !!binary aGFsbG8=\n", "2:8: de tag 'binary' (met !) hoort niet in de gegevens; "
                                                "schrijf de waarde als gewone tekst"),
    ("jaar: !!python/object:os.system 2030\n", "1:7: de tag 'python/object:os.system' (met !) hoort niet in de "
                                               "gegevens; schrijf de waarde als gewone tekst"),
    ("? [a, b]\n: c\n", "1:3: een veldnaam kan geen lijst of groep velden zijn; begint de regel met '?' of '[' of "
                       "'{'?"),
    ("jaar: 2030\nthema: @x\n", "2:8: een waarde kan niet met dit teken beginnen (zoals @ of `); zet de tekst "
                                 "tussen aanhalingstekens"),
], ids=["alias-bom", "diep-genest", "5000-cijfers", "nul-teken", "binary", "python", "lijst-als-sleutel", "apenstaart"])
def test_vijandige_yaml_geeft_een_melding_met_plek(gegevens, inhoud, melding):
    """Refused before anything is built from it: an alias bomb no longer stalls the check."""
    data = gegevens("een-jaar")
    (data / "2030/tijdelijk-wonen.yaml").write_text(inhoud, encoding="utf-8")
    uit = regels(data, "data/2030/tijdelijk-wonen.yaml")
    assert f"data/2030/tijdelijk-wonen.yaml:{melding}" in uit, uit


def test_een_onleesbaar_bestand_geeft_een_melding(gegevens):
    if os.geteuid() == 0:
        pytest.skip("root leest elk bestand")
    data = gegevens("een-jaar")
    (data / "2030/tijdelijk-wonen.yaml").chmod(0)
    assert regels(data) == ["data/2030/tijdelijk-wonen.yaml:1:1: het bestand kan niet gelezen worden "
                            "(Permission denied)"]


def test_een_te_groot_bestand_wordt_niet_gelezen(gegevens):
    data = gegevens("een-jaar")
    (data / "2030/tijdelijk-wonen.yaml").write_text("# " + "x" * 1_000_001 + "\n", encoding="utf-8")
    assert regels(data) == ["data/2030/tijdelijk-wonen.yaml:1:1: het bestand is groter dan 1 MB; "
                            "zo groot is een gegevensbestand nooit"]


def test_zonder_datamap_of_met_een_bestand_als_datamap(tmp_path):
    (tmp_path / "data").write_text("geen map", encoding="utf-8")
    assert [m.als_regel() for m in laad(tmp_path / "data").meldingen] == ["data:1:1: dit is geen map"]
    assert [m.als_regel() for m in laad(tmp_path / "nergens").meldingen] == [
        "nergens:1:1: hier hoort de map met gegevens; die is er niet"]


def test_een_ontbrekend_of_kapot_schema(gegevens):
    data = gegevens("een-jaar")
    (data / "schema/thema.schema.json").unlink()
    (data / "schema/plaatsen.schema.json").write_text('{"type": "object",\n  "x": }', encoding="utf-8")
    assert regels(data) == [
        "data/schema/plaatsen.schema.json:2:8: het schema is geen geldige JSON (Expecting value)",
        "data/schema/thema.schema.json:1:1: het schema ontbreekt; zet het terug uit git"]


@pytest.mark.parametrize("argumenten, melding", [
    (["kijk"], "python -m macros: onbekende opdracht 'kijk'; kies uit: check, export, nieuw-jaar, synth, wijzigingen, voortgang-import"),
    (["export"], "python -m macros export: dit ontbreekt: map"),
])
def test_de_opdrachtregel_spreekt_nederlands(argumenten, melding):
    """argparse's own messages (and its English 'usage:') never reach an editor."""
    uit = subprocess.run([sys.executable, "-m", "macros", *argumenten], cwd=PROJECT, capture_output=True, text=True)
    assert (uit.returncode, uit.stderr, uit.stdout) == (2, melding + "\n", "")


def test_exporteren_naar_een_bestand_geeft_een_melding(gegevens, tmp_path):
    data = gegevens("een-jaar")
    (tmp_path / "bestand").write_text("", encoding="utf-8")
    uit = subprocess.run([sys.executable, "-m", "macros", "--data", str(data), "export", str(tmp_path / "bestand"),
                          "--site-url", "https://x.nl/"], cwd=PROJECT, capture_output=True, text=True)
    assert uit.returncode == 1 and "Traceback" not in uit.stderr
    assert uit.stderr.startswith("Niets (volledig) geëxporteerd: ") and "kan niet geschreven worden" in uit.stderr


def test_titels_van_vaste_paginas_in_het_menu_zijn_tekst(tmp_path):
    """Defence in depth: even a trusted title in mkdocs.yml cannot put HTML in the menu."""
    project = projectkopie(tmp_path / "project", "een-jaar")
    mkdocs = project / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8").replace(
        "  - Over deze site: over.md", "  - 'Over <b>deze</b> site': over.md"), encoding="utf-8")
    site = bouw_zonder_waarschuwing(project, tmp_path / "site")
    soep = BeautifulSoup((site / "over/index.html").read_text(encoding="utf-8"), "html.parser")
    assert soep.select("nav b") == []
    assert any("Over <b>deze</b> site" in a.get_text() for a in soep.select("nav a"))


@pytest.mark.parametrize("pad, oud, nieuw, melding", [
    ("data/partijen.yaml", "  - id: woonkring\n", "  - id: woonkring\n   x: [\n",
     "data/partijen.yaml:9:4: de inspringing klopt niet: dit veld staat verder in dan de velden erboven"),
    ("data/2030/woningbouw.yaml", "  - nummer: 1\n", "  - nummer: 1.0\n",
     "data/2030/woningbouw.yaml:9:13: afspraken[1].nummer: verwacht een geheel getal, maar er staat het getal 1.0"),
    ("data/2030/woningbouw.yaml", "    titel: Woonkring bouwt woningen in Beekdorp\n",
     "    titel: Woonkring: bouwt woningen in Beekdorp\n",
     "data/2030/woningbouw.yaml:10:21: onverwachte dubbele punt; zet tekst met ': ' tussen aanhalingstekens"),
], ids=["partijen-onleesbaar", "nummer-geen-geheel-getal", "themabestand-onleesbaar"])
def test_een_fout_geeft_een_melding_en_geen_vervolgfouten(gegevens, pad, oud, nieuw, melding):
    """References into a file, or to a number, that could not be read are not reported too:
    the cause is not drowned in follow-up errors elsewhere."""
    data = gegevens("twee-jaren")
    vervang(data, pad, oud, nieuw)
    assert regels(data, alleen_fouten=False) == [melding]


def test_een_lezer_die_vroeg_stopt_geeft_geen_traceback(gegevens):
    """`make check | head -1`: the check stops quietly when its reader has had enough."""
    data = gegevens("een-jaar")
    # more messages than a pipe holds (64 kB), so the check is still writing when head stops
    afspraken = "".join(f"  - nummer: {n}\n    titel: T\n    tekst: T\n    verantwoordelijk: [x{n}]\n"
                        for n in range(100, 2100))
    (data / "2030/tijdelijk-wonen.yaml").write_text(f"jaar: 2030\nthema: tijdelijk-wonen\nafspraken:\n{afspraken}",
                                                    encoding="utf-8")
    uit = subprocess.run(f"{sys.executable} -m macros --data {data} check | head -c 1", shell=True, cwd=PROJECT,
                         capture_output=True, text=True)
    assert "Traceback" not in uit.stderr and uit.stdout == "d"


def test_een_titel_in_de_voorwerk_van_een_vaste_pagina_is_tekst(tmp_path):
    """Defence in depth: a front-matter title of a hand-written page stays text in the header."""
    project = projectkopie(tmp_path / "project", "een-jaar")
    pagina = project / "docs/over.md"
    pagina.write_text(pagina.read_text(encoding="utf-8").replace(
        "search:\n", "title: Over <i>deze</i> site\nsearch:\n", 1), encoding="utf-8")
    site = bouw_zonder_waarschuwing(project, tmp_path / "site")
    soep = BeautifulSoup((site / "over/index.html").read_text(encoding="utf-8"), "html.parser")
    assert soep.select("header i") == [] and soep.select("title i") == []
    assert "Over <i>deze</i> site" in soep.select_one("header").get_text()
