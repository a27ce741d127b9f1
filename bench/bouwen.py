"""Project copies, timed builds, and the fair floor: plain MkDocs + Material building the same files.

Every build is a separate `mkdocs build --strict` process (never -q: with it a strict
build exits 0 on warnings). What counts is its CPU time, user + sys, as the kernel
reports it for the process when it ends (os.wait4, `rusage`): on a busy machine the wall
time (also kept, for information) grows with whatever else runs, the CPU time much less.
Its peak memory is the maximum resident set size from the same report.
"""
from __future__ import annotations

import gzip
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
BENCH = Path(__file__).resolve().parent
VASTLEGGEN = BENCH / "vastleggen.py"
VLOERHAAK = BENCH / "vloerhaak.py"
# The project's own post-processing of built pages, which the floor must do too to write
# the same bytes (bench/vloerhaak.py imports it from its folder).
WITRUIMTE = Path("macros") / "lijm" / "witruimte.py"
# What a project copy leaves out: environments, build output, caches, the bench itself.
NIET_KOPIEREN = (".venv", ".git", "site", "bench", "export", "node_modules", "__pycache__", ".pytest_cache")
OMGEVING = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's banner is not about this site


class BenchFout(Exception):
    """Something the benchmark needs is missing or broke; the message is Dutch."""


@dataclass(frozen=True)
class Bouw:
    cpu: float  # seconds of CPU time, user + sys, of the build process
    seconden: float  # wall time, for information
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
    return Bouw(verbruik.ru_utime + verbruik.ru_stime, seconden,
                verbruik.ru_maxrss * 1024)  # Linux reports kilobytes


def synthetische_data(doel: Path, jaren: int, afspraken: int, zaad: int, voorbeeld: Path | None = None,
                      extra: tuple[str, ...] = ()) -> Path:
    """A synthetic data folder from the project's generator (`python -m macros synth`), after
    the example of `voorbeeld` (a data folder; by default the project's data/); `extra`: more
    options of `synth`."""
    opdracht = [sys.executable, "-m", "macros", *(["--data", str(voorbeeld)] if voorbeeld else []), "synth",
                "--jaren", str(jaren), "--afspraken", str(afspraken), "--zaad", str(zaad), *extra, str(doel)]
    uit = subprocess.run(opdracht, cwd=PROJECT, capture_output=True, text=True, env=OMGEVING)
    if uit.returncode != 0:
        raise BenchFout(f"synthetische gegevens maken mislukt:\n{uit.stdout}{uit.stderr}")
    return doel


# --- the peer floor ---------------------------------------------------------------------------

def leg_vast(project: Path, doel: Path) -> Path:
    """Build `project` once with bench/vastleggen.py as an extra hook; its pages land in `doel`."""
    haken = lees_config(project).get("hooks", [])
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


def vloer_config(project_config: dict, instellingen: dict, buiten_nav: list[str], paginas: list[str]) -> dict:
    """The floor's mkdocs.yml from the project's: the same theme (and custom_dir), Markdown,
    CSS, JavaScript, validation and search settings (today: none, the site has its own
    search data, captured as files); no macros, no project hook, no watch.

    The navigation is the project's as its hook made it; the floor's own hook
    (bench/vloerhaak.py) marks the years in it as the project's hook does.
    """
    config = {k: v for k, v in project_config.items()
              if k not in ("INHERIT", "hooks", "watch", "plugins", "nav", "not_in_nav", "docs_dir", "site_dir")}
    if "plugins" in project_config:  # without the key MkDocs adds its search plugin by itself
        config["plugins"] = [p for p in project_config["plugins"] if _plugin_naam(p).rpartition("/")[2] == "search"]
    config.update({
        "site_name": instellingen["site_name"],
        "site_description": instellingen["site_description"],
        "site_url": instellingen["site_url"],
        "extra": instellingen.get("extra", project_config.get("extra", {})),
        "docs_dir": "docs",
        "nav": instellingen["nav"],
        "not_in_nav": "\n".join(buiten_nav_patronen(buiten_nav, paginas)),
        "hooks": [VLOERHAAK.name],
    })
    return config


def _plugin_naam(plugin) -> str:
    return plugin if isinstance(plugin, str) else next(iter(plugin))


def lees_config(project: Path) -> dict:
    """The project's mkdocs.yml as MkDocs reads it (INHERIT and !ENV resolved), not validated."""
    from mkdocs.utils.yaml import yaml_load

    with open(project / "mkdocs.yml", "rb") as f:
        return yaml_load(f)


def maak_vloer(project: Path, vastgelegd: Path, doel: Path) -> Path:
    """Plain MkDocs + Material building the captured pages of `project`: the project's
    overrides (custom_dir), and bench/vloerhaak.py as its only hook."""
    project_config = lees_config(project)
    instellingen = json.loads((vastgelegd / "instellingen.json").read_text(encoding="utf-8"))
    buiten_nav = json.loads((vastgelegd / "buiten-nav.json").read_text(encoding="utf-8"))
    shutil.copytree(vastgelegd / "docs", doel / "docs")
    paginas = sorted(p.relative_to(doel / "docs").as_posix() for p in (doel / "docs").rglob("*.md"))
    config = vloer_config(project_config, instellingen, buiten_nav, paginas)
    thema = config.get("theme")
    if isinstance(thema, dict) and thema.get("custom_dir"):
        shutil.copytree(project / thema["custom_dir"], doel / thema["custom_dir"])
    if not (project / WITRUIMTE).is_file():
        raise BenchFout(f"{WITRUIMTE} ontbreekt: pas de vloer (bench/vloerhaak.py) aan aan wat het project "
                        "nu met gebouwde pagina's doet")
    shutil.copy2(project / WITRUIMTE, doel / WITRUIMTE.name)
    shutil.copy2(VLOERHAAK, doel / VLOERHAAK.name)
    shutil.copy2(vastgelegd / "vloerhaak.json", doel / "vloerhaak.json")
    # JSON is YAML: no quoting to get wrong
    (doel / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    return doel


def markdown_cpu(project_config: dict, vastgelegd: Path) -> dict:
    """CPU seconds that Python-Markdown (MkDocs' extensions and the project's) takes in this
    process for every captured page: as the floor gets it, and as the project gave it to
    Markdown. For information: the floor passes a generated page's body through Markdown
    as raw HTML; the project puts it back after Markdown."""
    import markdown
    from mkdocs.utils.meta import get_data

    extensies, instellingen = ["toc", "tables", "fenced_code"], {}
    for e in project_config.get("markdown_extensions") or []:
        naam = e if isinstance(e, str) else next(iter(e))
        if isinstance(e, dict) and e[naam]:
            instellingen[naam] = e[naam]
        if naam not in extensies:
            extensies.append(naam)
    uit = {}
    for soort, map_ in (("vloer_s", vastgelegd / "docs"), ("project_s", vastgelegd / "markdown")):
        teksten = [get_data(p.read_text(encoding="utf-8"))[0] for p in sorted(map_.rglob("*.md"))]
        begin = time.process_time()
        for tekst in teksten:
            markdown.Markdown(extensions=extensies, extension_configs=instellingen).convert(tekst)
        uit[soort] = round(time.process_time() - begin, 3)
    return uit


# --- the same bytes -----------------------------------------------------------------------

def _inhoud(pad: Path) -> bytes:
    """A built file's bytes; a gzip file's unpacked (its header holds the time it was written)."""
    data = pad.read_bytes()
    return gzip.decompress(data) if pad.suffix == ".gz" else data


def verschillen(a: Path, b: Path) -> list[str]:
    """Every file that is not the same in the built sites `a` and `b` (relative paths, sorted),
    with what differs: only in one of them, or other bytes."""
    bestanden = [{p.relative_to(map_).as_posix() for p in map_.rglob("*") if p.is_file()} for map_ in (a, b)]
    uit = [f"{pad} (alleen in {a.name})" for pad in sorted(bestanden[0] - bestanden[1])]
    uit += [f"{pad} (alleen in {b.name})" for pad in sorted(bestanden[1] - bestanden[0])]
    uit += [f"{pad} (andere inhoud)" for pad in sorted(bestanden[0] & bestanden[1]) if _inhoud(a / pad) != _inhoud(b / pad)]
    return sorted(uit)


def controleer_zelfde_bytes(synth: Path, vloer: Path, hoeveel: int = 10) -> int:
    """Stop the benchmark unless the floor built byte for byte the synthetic site's files:
    every page, the search index, the sitemap, assets and open data. Returns the number
    of pages (HTML files) of each."""
    anders = verschillen(synth, vloer)
    if anders:
        raise BenchFout(f"de vloer bouwt niet dezelfde site als de synthetische site: {len(anders)} "
                        f"bestanden verschillen, de verhouding zou niets betekenen. De eerste:\n  "
                        + "\n  ".join(anders[:hoeveel]))
    return sum(1 for p in synth.rglob("*.html"))
