"""The Makefile passes values from the command line as data, never as commands.

`make nieuw-jaar JAAR=...`, `make wijzigingen BASE=...` and `make export DIR=...` take a
value from whoever runs them; in CI BASE comes from the pull request. A value with shell
syntax or make syntax in it must reach the program as that text and run nothing.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT, projectkopie

AANVALLEN = [
    "x'; touch {f}; echo '",  # ends a single-quoted shell word
    'x"; touch {f}; echo "',  # ends a double-quoted shell word
    "$(touch {f})",  # shell command substitution
    "`touch {f}`",
    "$(shell touch {f})",  # make's own function, expanded if make reads the value
]


@pytest.mark.parametrize("doel, variabele", [("nieuw-jaar", "JAAR"), ("wijzigingen", "BASE"), ("export", "DIR")])
@pytest.mark.parametrize("aanval", AANVALLEN)
def test_een_waarde_voert_niets_uit(doel, variabele, aanval, tmp_path):
    teken = tmp_path / "uitgevoerd"
    waarde = aanval.format(f=teken)
    # -n: print the commands instead of running them (make still expands its own functions)
    uit = subprocess.run(["make", "-n", "-C", str(PROJECT), doel, f"{variabele}={waarde}"],
                         capture_output=True, text=True)
    assert not teken.exists(), f"{variabele}={waarde!r} voerde een opdracht uit"
    opdracht = next(r for r in uit.stdout.splitlines() if f"-m macros {doel}" in r)
    assert waarde not in opdracht and f'"${variabele}"' in opdracht.replace("${DIR:-export}", "$DIR")


def test_een_mislukte_bouw_laat_de_vorige_site_staan(tmp_path):
    """`make build` puts a site in site/ only when the whole build succeeded."""
    project = projectkopie(tmp_path / "project", "een-jaar")
    venv = Path(sys.executable).parent.parent  # the environment running the tests: no new install
    vorige = project / "site"
    vorige.mkdir()
    (vorige / "vorige.txt").write_text("de site van de vorige geslaagde bouw", encoding="utf-8")
    thema = project / "data/2030/woningbouw.yaml"
    goed = thema.read_text(encoding="utf-8")
    thema.write_text(goed.replace("verantwoordelijk: [woonkring]", "verantwoordelijk: [woonkrng]", 1),
                     encoding="utf-8")

    def bouw() -> subprocess.CompletedProcess:
        # -o: never remake (delete and reinstall) the test's own environment
        return subprocess.run(["make", "-s", "-C", str(project), "-o", f"{venv}/.installed", "build",
                               f"VENV={venv}"], capture_output=True, text=True)

    assert bouw().returncode != 0
    assert [p.name for p in vorige.iterdir()] == ["vorige.txt"]
    thema.write_text(goed, encoding="utf-8")
    assert bouw().returncode == 0, "de bouw met goede gegevens moet slagen"
    assert (vorige / "index.html").is_file() and not (vorige / "vorige.txt").exists()
    assert not (project / "site.nieuw").exists()
