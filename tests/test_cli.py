"""`python -m macros check` as an editor and CI meet it."""
import os
import re
import subprocess
import sys

from conftest import PROJECT

REGEL = re.compile(r"^data/[\w/.-]+:\d+:\d+: .+$")


def check(*args, env=None):
    omgeving = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    omgeving.update(env or {})
    return subprocess.run([sys.executable, "-m", "macros", *args, "check"], cwd=PROJECT, env=omgeving,
                          capture_output=True, text=True)


def test_echte_gegevens_zijn_in_orde():
    uit = check()
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert uit.stdout.startswith("Gegevens in orde: 55 afspraken in 1 jaar (2024), 0 waarschuwingen")


def test_fouten_een_regel_per_probleem_exit_1_geen_traceback(data):
    pad = data / "2024/betaalbaarheid.yaml"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst.replace("[corporaties]", "[corporaties, woonbrog]", 1)
                   .replace("titel:", "tietel:", 1), encoding="utf-8")
    (data / "themas.yaml").write_text("themas: [\n", encoding="utf-8")
    uit = check("--data", str(data))
    assert uit.returncode == 1
    assert "Traceback" not in uit.stdout + uit.stderr
    meldingen = uit.stdout.splitlines()[:-1]
    assert all(REGEL.match(r) for r in meldingen), meldingen
    assert any("onbekende partij of groep 'woonbrog'; bedoelde u 'woonborg'?" in r for r in meldingen)
    assert any("onbekend veld 'tietel'; bedoelde u 'titel'?" in r for r in meldingen)
    assert any(r.startswith("data/themas.yaml:2:1: ") for r in meldingen)
    assert uit.stdout.splitlines()[-1].endswith("Niets is gebouwd of gepubliceerd.")


def test_github_annotaties(data):
    pad = data / "2024/leefbaarheid.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("[gezamenlijk]", "[gezamelijk]", 1), encoding="utf-8")
    uit = check("--data", str(data), env={"GITHUB_ACTIONS": "true"})
    assert uit.returncode == 1
    (annotatie,) = [r for r in uit.stdout.splitlines() if r.startswith("::")]
    assert re.fullmatch(r"::error file=data/2024/leefbaarheid\.yaml,line=\d+,col=\d+::afspraken\[1\]"
                        r"\.verantwoordelijk\[1\]: onbekende partij of groep 'gezamelijk'; bedoelde u 'gezamenlijk'\?",
                        annotatie)
    assert "::" not in check("--data", str(data)).stdout  # only in GitHub Actions


def test_alleen_waarschuwingen_geeft_exit_0(data):
    pad = data / "2024/leefbaarheid.yaml"
    tekst = pad.read_text(encoding="utf-8")
    begin, eind = tekst.index("  - nummer: 45\n"), tekst.index("  - nummer: 46\n")
    pad.write_text(tekst[:begin] + tekst[eind:], encoding="utf-8")
    uit = check("--data", str(data))
    assert uit.returncode == 0
    assert "waarschuwing: afspraak 45 ontbreekt" in uit.stdout
    assert "1 waarschuwing" in uit.stdout.splitlines()[-1]
    github = check("--data", str(data), env={"GITHUB_ACTIONS": "true"})
    assert github.returncode == 0
    assert any(r.startswith("::warning file=data/2024/leefbaarheid.yaml,line=") for r in github.stdout.splitlines())
