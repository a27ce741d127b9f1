"""The layers of macros/, read from the source (issue 13).

- the data layer (macros/gegevens) imports no MkDocs, Jinja or MarkupSafe, and nothing else of macros/;
- the pages (macros/paginas) import no MkDocs, no glue (macros/lijm) and no tools (macros/gereedschap);
- the tools import no glue;
- no import cycles among the modules of macros/, imports inside functions included;
- every module stays small enough to read (about 400 lines);
- `python -m macros check` loads neither Jinja nor MkDocs.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT, maak_gegevens

MACROS = PROJECT / "macros"
REGELS = 400  # at most, per module: "about 400 lines"
# Modules allowed a little more, each with its reason. Prefer splitting.
LANGER_TOEGESTAAN: dict[str, int] = {}
SJABLOONTALEN = {"mkdocs", "jinja2", "markupsafe"}


def modulenaam(pad: Path) -> str:
    delen = pad.relative_to(PROJECT).with_suffix("").parts
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


MODULES = {modulenaam(p): p for p in sorted(MACROS.rglob("*.py"))}


def _basis(module: str, pad: Path, niveau: int) -> str:
    """The package a relative import (`from ..x import y`, `niveau` dots) starts from."""
    pakket = module if pad.name == "__init__.py" else module.rpartition(".")[0]
    for _ in range(niveau - 1):
        pakket = pakket.rpartition(".")[0]
    return pakket


def imports(module: str) -> set[str]:
    """Every module `module` imports, anywhere in its source (also inside functions and
    `if TYPE_CHECKING:`): `from a import b` counts as a.b when that is a module of macros/."""
    pad = MODULES[module]
    gevonden: set[str] = set()
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"), str(pad))):
        if isinstance(knoop, ast.Import):
            gevonden.update(a.name for a in knoop.names)
        elif isinstance(knoop, ast.ImportFrom):
            van = knoop.module or ""
            if knoop.level:
                basis = _basis(module, pad, knoop.level)
                van = f"{basis}.{van}" if van else basis
            for a in knoop.names:
                gevonden.add(f"{van}.{a.name}" if f"{van}.{a.name}" in MODULES else van)
    return gevonden


def _binnen(module: str, pakket: str) -> bool:
    return module == pakket or module.startswith(pakket + ".")


def laag(pakket: str) -> list[str]:
    return [m for m in MODULES if _binnen(m, pakket)]


def overtredingen(pakket: str, verboden: set[str]) -> list[str]:
    return sorted(f"{m} importeert {i}" for m in laag(pakket) for i in imports(m)
                  if any(_binnen(i, v) for v in verboden))


def test_de_modules_zijn_gevonden():
    assert {"macros.gegevens.laden", "macros.paginas.weergave", "macros.lijm.bouw", "macros.gereedschap.cli"} \
        <= set(MODULES)


def test_de_gegevenslaag_kent_geen_mkdocs_jinja_of_andere_lagen():
    andere = {"macros.paginas", "macros.lijm", "macros.gereedschap"}
    assert overtredingen("macros.gegevens", SJABLOONTALEN | andere) == []
    # nor the package root, which reaches the glue
    assert [m for m in laag("macros.gegevens") if "macros" in imports(m)] == []


def test_de_paginas_kennen_geen_mkdocs_lijm_of_gereedschap():
    assert overtredingen("macros.paginas", {"mkdocs", "macros.lijm", "macros.gereedschap"}) == []


def test_het_gereedschap_kent_geen_lijm():
    assert overtredingen("macros.gereedschap", {"macros.lijm"}) == []


def _cycli() -> list[list[str]]:
    """Every import cycle among the modules of macros/, each once (Tarjan's strongly
    connected components; a module that imports itself counts too)."""
    graaf = {m: sorted(i for i in imports(m) if i in MODULES) for m in MODULES}
    index: dict[str, int] = {}
    laagste: dict[str, int] = {}
    stapel: list[str] = []
    op_stapel: set[str] = set()
    cycli: list[list[str]] = []

    def bezoek(m: str) -> None:
        index[m] = laagste[m] = len(index)
        stapel.append(m)
        op_stapel.add(m)
        for n in graaf[m]:
            if n not in index:
                bezoek(n)
                laagste[m] = min(laagste[m], laagste[n])
            elif n in op_stapel:
                laagste[m] = min(laagste[m], index[n])
        if laagste[m] == index[m]:
            groep = []
            while True:
                n = stapel.pop()
                op_stapel.discard(n)
                groep.append(n)
                if n == m:
                    break
            if len(groep) > 1 or m in graaf[m]:
                cycli.append(sorted(groep))

    for m in graaf:
        if m not in index:
            bezoek(m)
    return cycli


def test_geen_cirkel_van_imports():
    assert _cycli() == []


def test_een_cirkel_wordt_gezien(monkeypatch):
    """The detector itself: a made-up cycle between two modules is found."""
    echt = imports

    def met_cirkel(module: str) -> set[str]:
        extra = {"macros.gegevens.laden"} if module == "macros.gegevens.controles" else set()
        return echt(module) | extra
    monkeypatch.setitem(globals(), "imports", met_cirkel)
    assert any({"macros.gegevens.laden", "macros.gegevens.controles"} <= set(c) for c in _cycli())


@pytest.mark.parametrize("module", sorted(MODULES))
def test_elke_module_is_hoogstens_ongeveer_400_regels(module):
    pad = MODULES[module]
    regels = len(pad.read_text(encoding="utf-8").splitlines())
    grens = LANGER_TOEGESTAAN.get(pad.relative_to(PROJECT).as_posix(), REGELS)
    assert regels <= grens, (f"{pad.relative_to(PROJECT)} heeft {regels} regels; een module blijft rond de "
                             f"{REGELS} regels: splits hem naar wat hij doet")


def test_de_uitzonderingen_bestaan_nog():
    """An exception for a file that is gone or short again is removed from the list."""
    for naam, grens in LANGER_TOEGESTAAN.items():
        pad = PROJECT / naam
        assert pad.is_file() and len(pad.read_text(encoding="utf-8").splitlines()) > REGELS, naam


GELADEN = """
import runpy, sys
sys.argv = ["python -m macros", *sys.argv[1:]]
try:
    runpy.run_module("macros", run_name="__main__")
except SystemExit as stop:
    code = stop.code
print(code, sorted({m.split(".")[0] for m in sys.modules} & {"jinja2", "markupsafe", "mkdocs"}))
"""


@pytest.mark.parametrize("opdracht", [["check"], ["--help"], ["check", "--help"]])
def test_check_laadt_geen_jinja_of_mkdocs(tmp_path, opdracht):
    """`make check` runs on every pull request and in the editors' loop: it loads the data
    layer only, not the pages (Jinja, MarkupSafe) nor MkDocs."""
    datamap = maak_gegevens("een-jaar", tmp_path)
    uit = subprocess.run([sys.executable, "-c", GELADEN, "--data", str(datamap), *opdracht], cwd=PROJECT,
                         capture_output=True, text=True)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.splitlines()[-1] == "0 []", uit.stdout
