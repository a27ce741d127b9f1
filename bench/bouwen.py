"""Project copies, timed builds, and the peer floor: plain Material building the same pages.

Every build is a separate `mkdocs build --strict` process (never -q: with it a strict
build exits 0 on warnings), timed from start to exit; its peak memory is the maximum
resident set size that the kernel reports for it (os.wait4).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

PROJECT = Path(__file__).resolve().parent.parent
VASTLEGGEN = Path(__file__).resolve().parent / "vastleggen.py"
# What a project copy leaves out: environments, build output, caches, the bench itself.
NIET_KOPIEREN = (".venv", ".git", "site", "bench", "export", "node_modules", "__pycache__", ".pytest_cache")
OMGEVING = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's banner is not about this site


class BenchFout(Exception):
    """Something the benchmark needs is missing or broke; the message is Dutch."""


@dataclass(frozen=True)
class Bouw:
    seconden: float
    geheugen: int  # peak resident memory of the build process, bytes


def kopieer_project(doel: Path, data: Path | None = None) -> Path:
    """A throw-away copy of the project, with `data` as its data folder when given."""
    negeer = [*NIET_KOPIEREN, "data"] if data else NIET_KOPIEREN
    shutil.copytree(PROJECT, doel, ignore=shutil.ignore_patterns(*negeer))
    if data:
        shutil.copytree(data, doel / "data")
    return doel


def bouw(project: Path, site: Path, config: str = "mkdocs.yml", omgeving: dict | None = None) -> Bouw:
    """One strict build of `project` into `site`; stops the benchmark on any warning."""
    opdracht = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                "--config-file", str(project / config), "--site-dir", str(site)]
    with tempfile.TemporaryFile() as log:
        begin = time.perf_counter()
        proces = subprocess.Popen(opdracht, cwd=project, stdout=log, stderr=subprocess.STDOUT,
                                  env={**OMGEVING, **(omgeving or {})})
        _, status, verbruik = os.wait4(proces.pid, 0)
        seconden = time.perf_counter() - begin
        proces.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        uitvoer = log.read().decode("utf-8", "replace")
    if proces.returncode != 0 or "WARNING" in uitvoer:
        raise BenchFout(f"bouwen van {project} mislukt (code {proces.returncode}):\n{uitvoer[-4000:]}")
    return Bouw(seconden, verbruik.ru_maxrss * 1024)  # Linux reports kilobytes


def synthetische_data(doel: Path, jaren: int, afspraken: int, zaad: int, voorbeeld: Path | None = None) -> Path:
    """A synthetic data folder from the project's generator (`python -m macros synth`), after
    the example of `voorbeeld` (a data folder; by default the project's data/)."""
    opdracht = [sys.executable, "-m", "macros", *(["--data", str(voorbeeld)] if voorbeeld else []), "synth",
                "--jaren", str(jaren), "--afspraken", str(afspraken), "--zaad", str(zaad), str(doel)]
    uit = subprocess.run(opdracht, cwd=PROJECT, capture_output=True, text=True, env=OMGEVING)
    if uit.returncode != 0:
        raise BenchFout(f"synthetische gegevens maken mislukt:\n{uit.stdout}{uit.stderr}")
    return doel


# --- the peer floor ---------------------------------------------------------------------------

def leg_vast(project: Path, doel: Path) -> Path:
    """Build `project` once with bench/vastleggen.py as an extra hook; its pages land in `doel`."""
    from mkdocs.utils.yaml import yaml_load  # resolves INHERIT and !ENV as MkDocs does

    with open(project / "mkdocs.yml", "rb") as f:
        haken = yaml_load(f).get("hooks", [])
    config = project / "bench-vastleggen.yml"
    # JSON is YAML: no quoting to get wrong
    config.write_text(json.dumps({"INHERIT": "mkdocs.yml", "hooks": [*haken, str(VASTLEGGEN)]}),
                      encoding="utf-8")
    with tempfile.TemporaryDirectory() as site:
        bouw(project, Path(site), config.name, {"BENCH_VASTLEGGEN": str(doel)})
    return doel


def buiten_nav_patronen(buiten_nav: list[str], paginas: list[str]) -> list[str]:
    """`not_in_nav` lines for the pages left out of the navigation.

    A folder all of whose pages are left out becomes one pattern, so MkDocs matches a
    few patterns per page instead of one per commitment.
    """
    per_map: dict[str, list[str]] = {}
    for pad in paginas:
        per_map.setdefault(str(PurePosixPath(pad).parent), []).append(pad)
    uit = set(buiten_nav)
    patronen = []
    for map_, inhoud in sorted(per_map.items()):
        weg = [p for p in inhoud if p in uit]
        if weg and len(weg) == len(inhoud):
            patronen.append(f"/{map_}/*.md" if map_ != "." else "/*.md")
        else:
            patronen += [f"/{p}" for p in weg]
    return patronen


def maak_vloer(vastgelegd: Path, doel: Path) -> Path:
    """A plain MkDocs Material project of the captured pages: no macros, no hook, no overrides."""
    instellingen = json.loads((vastgelegd / "instellingen.json").read_text(encoding="utf-8"))
    buiten_nav = json.loads((vastgelegd / "buiten-nav.json").read_text(encoding="utf-8"))
    shutil.copytree(vastgelegd / "docs", doel / "docs")
    paginas = sorted(p.relative_to(doel / "docs").as_posix() for p in (doel / "docs").rglob("*.md"))
    config = {
        "site_name": instellingen["site_name"],
        "site_description": instellingen["site_description"],
        "site_url": instellingen["site_url"],
        "docs_dir": "docs",
        "strict": True,
        "theme": instellingen["theme"],
        "extra": instellingen["extra"],
        "extra_css": instellingen["extra_css"],
        "extra_javascript": instellingen["extra_javascript"],
        "plugins": [{"search": instellingen["search"]}],
        "nav": instellingen["nav"],
        "not_in_nav": "\n".join(buiten_nav_patronen(buiten_nav, paginas)),
    }
    (doel / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    return doel
