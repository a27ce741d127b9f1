"""`python -m macros check` as an editor and CI meet it."""
import os
import re
import subprocess
import sys

import pytest

from conftest import BEKEND, DATA, PROJECT, vervang
from macros.gegevens.laden import laad

REGEL = re.compile(r"^data/[\w/.-]+:\d+:\d+: .+$")
WONINGBOUW = "data/2030/woningbouw.yaml"
SAMENVATTING = re.compile(r"Gegevens in orde: (\d+) afspraken in (\d+) (?:jaar|jaren) \(([\d, ]+)\), "
                          r"(\d+) (?:waarschuwing|waarschuwingen); gecontroleerd in \d+\.\d\d s\.")


def check(*args, env=None):
    omgeving = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    omgeving.update(env or {})
    return subprocess.run([sys.executable, "-m", "macros", *args, "check"], cwd=PROJECT, env=omgeving,
                          capture_output=True, text=True)


@pytest.mark.parametrize("naam, samenvatting", [
    ("een-jaar", "Gegevens in orde: 5 afspraken in 1 jaar (2030), 0 waarschuwingen; gecontroleerd in "),
    ("twee-jaren", "Gegevens in orde: 8 afspraken in 2 jaren (2030, 2031), 0 waarschuwingen; gecontroleerd in "),
])
def test_gegevens_in_orde_met_een_samenvatting(gegevens, naam, samenvatting):
    uit = check("--data", str(gegevens(naam)))
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert uit.stdout.startswith(samenvatting)
    assert SAMENVATTING.fullmatch(uit.stdout.strip())


def test_echte_gegevens_zijn_in_orde(echt):
    """Whatever the live data holds: it passes, and the summary counts what the model has."""
    uit = check()
    assert uit.returncode == 0, uit.stdout + uit.stderr
    samenvatting = SAMENVATTING.fullmatch(uit.stdout.splitlines()[-1])
    assert samenvatting, uit.stdout
    afspraken, jaren, welke, waarschuwingen = samenvatting.groups()
    assert int(afspraken) == len(echt.afspraken)
    assert int(jaren) == len(echt.jaren)
    assert welke == ", ".join(str(j) for j in echt.jaren)
    assert int(waarschuwingen) == len(laad(DATA).meldingen)


def test_fouten_een_regel_per_probleem_exit_1_geen_traceback(gegevens):
    datamap = gegevens("een-jaar")
    vervang(datamap, WONINGBOUW, "[woonkring]", "[woonkring, woonkirng]")
    vervang(datamap, WONINGBOUW, "titel: Woonkring bouwt", "tietel: Woonkring bouwt")
    (datamap / "themas.yaml").write_text("themas: [\n", encoding="utf-8")
    uit = check("--data", str(datamap))
    assert uit.returncode == 1
    assert "Traceback" not in uit.stdout + uit.stderr
    meldingen = uit.stdout.splitlines()[:-1]
    assert all(REGEL.match(r) for r in meldingen), meldingen
    assert ("data/2030/woningbouw.yaml:12:35: afspraken[1].verantwoordelijk[2]: "
            f"onbekende partij of groep 'woonkirng'; {BEKEND['partij of groep']}; "
            "bedoelde u 'woonkring'?") in meldingen
    assert ("data/2030/woningbouw.yaml:10:5: afspraken[1].tietel: "
            "onbekend veld 'tietel'; bedoelde u 'titel'?") in meldingen
    assert any(r.startswith("data/themas.yaml:2:1: ") for r in meldingen)
    assert uit.stdout.splitlines()[-1].endswith("Niets is gebouwd of gepubliceerd.")


def test_github_annotaties(gegevens):
    datamap = gegevens("een-jaar")
    vervang(datamap, WONINGBOUW, "[samen]", "[saamen]")
    uit = check("--data", str(datamap), env={"GITHUB_ACTIONS": "true"})
    assert uit.returncode == 1
    (annotatie,) = [r for r in uit.stdout.splitlines() if r.startswith("::")]
    assert annotatie == ("::error file=data/2030/woningbouw.yaml,line=49,col=24::afspraken[3].verantwoordelijk[1]: "
                         f"onbekende partij of groep 'saamen'; {BEKEND['partij of groep']}; bedoelde u 'samen'?")
    assert "::" not in check("--data", str(datamap)).stdout  # only in GitHub Actions


def test_alleen_waarschuwingen_geeft_exit_0(gegevens):
    datamap = gegevens("een-jaar")
    pad = datamap / "2030/woningbouw.yaml"
    tekst = pad.read_text(encoding="utf-8")
    begin, eind = tekst.index("  - nummer: 3\n"), tekst.index("tabellen:\n")  # the theme's last commitment
    pad.write_text(tekst[:begin] + tekst[eind:], encoding="utf-8")
    uit = check("--data", str(datamap))
    assert uit.returncode == 0
    assert "waarschuwing: afspraak 3 ontbreekt" in uit.stdout
    assert "1 waarschuwing;" in uit.stdout.splitlines()[-1]
    github = check("--data", str(datamap), env={"GITHUB_ACTIONS": "true"})
    assert github.returncode == 0
    assert any(r.startswith("::warning file=data/2030/huur-en-woonlasten.yaml,line=")
               for r in github.stdout.splitlines())
