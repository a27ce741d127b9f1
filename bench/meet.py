"""`make bench` (python -m bench.meet): measure the site against the budgets of issues 5, 13 and 14.

Rounds: three cases, each built `--keer` times (at least 5), interleaved (echt, synth, vloer,
echt, ...), so that a busy moment hits them alike; the median of each case's CPU time (user +
sys of the build process) counts. echt: the real site, from data/;

- synth: a synthetic site of 20 years × 80 commitments (python -m macros synth), same code;
- vloer: the fair floor: plain MkDocs + Material, the project's overrides/ and a tiny hook
  (bench/vloerhaak.py), building the synthetic site's pages as captured from a project build
  (bench/vastleggen.py). After the first round every file of the two sites is compared byte
  for byte: the floor must build the very same site.

Scale: the synthetic site built once more with 1 × 80, 40 × 80 and 20 × 200 (years × commitments):
CPU time, ms per page, peak memory, the search index a phone downloads. A commitment page with and
without long histories of the other commitments (bench/geschiedenis.py). Then Lighthouse on the real
site, and the editors' loop at 1 and 20 years (bench/bewerken.py). Prints a report, writes results.json,
leaves the sites in bench/sites/{echt,synth,vloer}; exits 1 when a budget is not met, 2 on failure.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path

from macros.gegevens.laden import laad
from macros.gegevens.model import Model
from macros.paginas.adressen import afspraak_url, overzicht_url, thema_url

from . import begroting, bewerken, geschiedenis, lighthouse, meten
from . import zoeken as zoekmeting
from .bouwen import (PROJECT, BenchFout, bouw, controleer_zelfde_bytes, kopieer_project, lees_config, leg_vast,
                     maak_vloer, markdown_cpu, synthetische_data)
from .webserver import serveer

BENCH = Path(__file__).resolve().parent
SITES = BENCH / "sites"
RESULTATEN = BENCH / "results.json"
GEVALLEN = ("echt", "synth", "vloer")
KOPPEN = {"echt": "echte site", "synth": "synthetisch", "vloer": "vloer"}
MINSTE_KEER = 5  # issue 13: the median of at least 5 interleaved rounds
ONDERDELEN = ("schaal", "lighthouse", "redactie", "zoeken")  # what --zonder can leave out


def model_van(data: Path) -> Model:
    resultaat = laad(data)
    if resultaat.model is None:
        raise BenchFout(f"de gegevens in {data} bevatten fouten:\n"
                        + "\n".join(m.als_regel() for m in resultaat.fouten))
    return resultaat.model


def voorbeeld_afspraak(model: Model) -> str:
    """The first year's commitment that later years continue (the first one when none is).

    It exists in a 1-year site too, and in the many-year site its page links to its
    successor: the page that would grow if a page listed the years.
    """
    eerste = model.jaren[min(model.jaren)]
    met_opvolger = [a for a in eerste.afspraken if model.opvolgers(a.id)]
    return (met_opvolger or list(eerste.afspraken))[0].id


def voorbeeld_thema(model: Model, jaar: int) -> str:
    return next(t.thema for t in model.jaren[jaar].themas if t.afspraken)


def voorbeelden_van(model: Model, afspraak: str, jaar: int) -> dict:
    """The example pages measured: a commitment, and a theme with commitments in `jaar`."""
    return {"afspraak": afspraak, "thema": voorbeeld_thema(model, jaar), "thema_jaar": jaar}


def gewicht(site: Path, voorbeeld: dict) -> dict:
    return meten.weeg(site, afspraak_url(voorbeeld["afspraak"]),
                      thema_url(voorbeeld["thema_jaar"], voorbeeld["thema"])).als_dict()


def schaalnaam(jaren: int, afspraken: int) -> str:
    return f"{jaren}x{afspraken}"


def mediaan(waarden: list[float], decimalen: int = 3) -> float:
    return round(statistics.median(waarden), decimalen)


def rondes(projecten: dict[str, Path], keer: int, na_eerste=None) -> dict[str, list]:
    """Each case `keer` times, in turns; the last build of each stays in bench/sites/.
    `na_eerste` runs after the first round (the byte check)."""
    bouwen: dict[str, list] = {naam: [] for naam in projecten}
    for ronde in range(1, keer + 1):
        for naam, project in projecten.items():
            print(f"  bouwen: {KOPPEN[naam]}, ronde {ronde} van {keer}", flush=True)
            bouwen[naam].append(bouw(project, SITES / naam))
        if ronde == 1 and na_eerste:
            na_eerste()
    return bouwen


def geval(bouwen: list, gewicht: dict) -> dict:
    return {"cpu_s": mediaan([b.cpu for b in bouwen]), "cpu_s_per_ronde": [round(b.cpu, 3) for b in bouwen],
            "wand_s": mediaan([b.seconden for b in bouwen]),
            "wand_s_per_ronde": [round(b.seconden, 3) for b in bouwen],
            "piekgeheugen_bytes": max(b.geheugen for b in bouwen), **gewicht}


def schaalregel(jaren: int, afspraken: int, cpu: float, wand: float, geheugen: int, gewicht: dict) -> dict:
    return {"jaren": jaren, "afspraken_per_jaar": afspraken, "cpu_s": round(cpu, 3), "wand_s": round(wand, 3),
            "ms_per_pagina": round(1000 * cpu / gewicht["paginas"], 2), "piekgeheugen_bytes": geheugen, **gewicht}


def meet(afspraken: int, jaren: int, schaal_afspraken: int, zaad: int, keer: int, lighthouse_keer: int,
         redactie_keer: int, zonder: set[str]) -> dict:
    begin = time.perf_counter()
    chromium = lighthouse.vind_chromium() if {"lighthouse", "redactie", "zoeken"} - zonder else None
    if "lighthouse" not in zonder:
        lighthouse.controleer_lighthouse()
    shutil.rmtree(SITES, ignore_errors=True)
    SITES.mkdir(parents=True)
    # (years, commitments per year) of the synthetic sites; the first is the one of the rounds
    maten = [(jaren, afspraken)]
    if "schaal" not in zonder:
        maten += [(1, afspraken), (2 * jaren, afspraken), (jaren, schaal_afspraken)]
    elif {"redactie", "zoeken"} - zonder:
        maten.append((1, afspraken))
    # search on a phone at 1, half and all of the rounds' years (issue 15: 1, 10 and 20)
    zoekjaren = sorted({1, max(1, jaren // 2), jaren}) if "zoeken" not in zonder else []
    maten += [(j, afspraken) for j in zoekjaren if (j, afspraken) not in maten]
    with tempfile.TemporaryDirectory(prefix="bench-") as tijdelijk:
        werk = Path(tijdelijk)
        print("Synthetische gegevens (jaren × afspraken per jaar): "
              + ", ".join(f"{j} × {a}" for j, a in maten), flush=True)
        data = {(j, a): synthetische_data(werk / f"data-{schaalnaam(j, a)}", j, a, zaad) for j, a in maten}
        synth = kopieer_project(werk / "synth", data[maten[0]])
        print("Vloer: de pagina's van de synthetische site vastleggen", flush=True)
        vastgelegd = leg_vast(synth, werk / "vastgelegd")
        vloer = maak_vloer(synth, vastgelegd, werk / "vloer")
        markdown = markdown_cpu(lees_config(synth), vastgelegd)

        zelfde = {}

        def controleer():
            print("  vergelijken: synthetisch en vloer, elk bestand", flush=True)
            zelfde["paginas"] = controleer_zelfde_bytes(SITES / "synth", SITES / "vloer")
            zelfde["bestanden"] = sum(1 for p in (SITES / "synth").rglob("*") if p.is_file())

        print("Bouwen (elke keer mkdocs build --strict, CPU-tijd van het proces)", flush=True)
        bouwen = rondes({"echt": PROJECT, "synth": synth, "vloer": vloer}, keer, controleer)

        echt = model_van(PROJECT / "data")
        nieuwste = bewerken.nieuwste_met_afspraken(echt).jaar
        eerste_echt = echt.jaren[nieuwste].afspraken[0].id
        # The synthetic sites with as many commitments per year share their first years: the
        # example comes from the one with the most years, so that it has a successor there.
        meeste = max((m for m in maten if m[1] == afspraken), key=lambda m: m[0])
        voorbeelden = {"echt": voorbeelden_van(echt, eerste_echt, nieuwste),
                       "synth": voorbeelden_van(model := model_van(data[meeste]), voorbeeld_afspraak(model),
                                                min(model.jaren))}
        voorbeelden["vloer"] = voorbeelden["synth"]

        gevallen = {naam: geval(bouwen[naam], gewicht(SITES / naam, voorbeelden[naam])) for naam in GEVALLEN}
        per_ronde = [round(s.cpu / v.cpu, 3) for s, v in zip(bouwen["synth"], bouwen["vloer"])]

        s = gevallen["synth"]
        schaal = {schaalnaam(*maten[0]): schaalregel(*maten[0], s["cpu_s"], s["wand_s"], s["piekgeheugen_bytes"],
                                                     gewicht(SITES / "synth", voorbeelden["synth"]))}
        zoeken = {}

        def zoek_op(site: Path, j: int) -> None:
            if j in zoekjaren:
                print(f"  zoeken op een telefoon: {j} jaar", flush=True)
                zoeken[str(j)] = zoekmeting.meet(site, model_van(data[(j, afspraken)]), chromium)

        zoek_op(SITES / "synth", jaren)
        for j, a in maten[1:]:
            if "schaal" in zonder and (j not in zoekjaren or a != afspraken):
                continue
            print(f"  bouwen: synthetisch, {j} × {a}", flush=True)
            project = kopieer_project(werk / f"synth-{schaalnaam(j, a)}", data[(j, a)])
            site = werk / f"site-{schaalnaam(j, a)}"
            b = bouw(project, site)
            if a == afspraken:
                zoek_op(site, j)
                v = voorbeelden["synth"]
            else:
                model = model_van(data[(j, a)])
                v = voorbeelden_van(model, voorbeeld_afspraak(model), min(model.jaren))
            schaal[schaalnaam(j, a)] = schaalregel(j, a, b.cpu, b.seconden, b.geheugen, gewicht(site, v))
            shutil.rmtree(site)

        lange = geschiedenis.meet(werk, afspraken, zaad)
        print("Zoekindex: elke afspraak één keer?", flush=True)
        dubbel = meten.dubbel_in_index(SITES / "echt", echt)

        scores = None
        if "lighthouse" not in zonder:
            print("Lighthouse (mobiel) op de echte site", flush=True)
            adressen = {"home": "", "overzicht": overzicht_url(nieuwste), "afspraak": afspraak_url(eerste_echt)}
            with serveer(SITES / "echt") as adres:
                scores = lighthouse.meet({naam: adres + pad for naam, pad in adressen.items()}, chromium,
                                         lighthouse_keer)
            for naam, pad in adressen.items():
                scores[naam]["url"] = "/" + pad

        redactie = None
        if "redactie" not in zonder:
            redactie = {}
            for j in sorted({1, jaren}):
                print(f"Redactie: van opslaan tot de gewijzigde pagina, {j} jaar (make serve)", flush=True)
                project = kopieer_project(werk / f"redactie-{j}", data[(j, afspraken)])
                redactie[str(j)] = bewerken.meet_project(project, chromium, redactie_keer)

    meting = {
        "gemeten": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": _machine(),
        "instellingen": {"jaren": jaren, "afspraken_per_jaar": afspraken, "schaal_afspraken_per_jaar": schaal_afspraken,
                         "zaad": zaad, "keer": keer, "lighthouse_keer": lighthouse_keer,
                         "redactie_keer": redactie_keer, "zonder": sorted(zonder)},
        "gevallen": gevallen,
        "verhouding_synth_vloer": round(gevallen["synth"]["cpu_s"] / gevallen["vloer"]["cpu_s"], 3),
        "verhouding_per_ronde": per_ronde,
        "verhouding_wand": round(gevallen["synth"]["wand_s"] / gevallen["vloer"]["wand_s"], 3),
        "zelfde_bytes": zelfde,
        "markdown_cpu": markdown,
        # information, an estimate: the ratio if the floor's Markdown cost what the project's does
        "verhouding_zelfde_markdown_schatting": round(
            gevallen["synth"]["cpu_s"] / (gevallen["vloer"]["cpu_s"] - markdown["vloer_s"] + markdown["project_s"]), 3),
        "voorbeelden": voorbeelden,
        "schaal": schaal,
        "geschiedenis": lange,
        "zoekindex_dubbel": dubbel,
        "lighthouse": scores,
        "redactie": redactie,
        "zoeken": zoeken or None,
    }
    meting["duur_seconden"] = round(time.perf_counter() - begin, 1)
    meting["budgets"] = [b.als_dict() for b in begroting.budgetten(meting)]
    return meting


def _processors() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def _machine() -> dict:
    model = ""
    try:
        model = next((r.split(":", 1)[1].strip() for r in Path("/proc/cpuinfo").read_text().splitlines()
                      if r.startswith("model name")), "")
    except OSError:
        pass
    return {"processors": _processors(), "processor": model, "python": platform.python_version(),
            "systeem": platform.platform(), "mkdocs": version("mkdocs"), "mkdocs-material": version("mkdocs-material"),
            "belasting_bij_einde": [round(x, 2) for x in os.getloadavg()]}


# --- the report ---------------------------------------------------------------------------------

def _getal(waarde: float, decimalen: int = 1) -> str:
    return f"{waarde:,.{decimalen}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _kb(n: int) -> str:
    return _getal(n / 1000) + " kB"


def _mb(n: int) -> str:
    return _getal(n / 1e6, 0) + " MB"


def _s(waarde: float) -> str:
    return _getal(waarde, 2) + " s"


def _tabel(koppen: list[str], rijen: list[list[str]]) -> str:
    breedtes = [max(len(r[i]) for r in [koppen, *rijen]) for i in range(len(koppen))]
    regel = lambda r: "  ".join(c.ljust(b) if i == 0 else c.rjust(b) for i, (c, b) in enumerate(zip(r, breedtes)))  # noqa: E731
    return "\n".join([regel(koppen), regel(["-" * b for b in breedtes]), *map(regel, rijen)])


def verslag(meting: dict) -> str:
    g, inst = meting["gevallen"], meting["instellingen"]
    rijen = [
        (f"CPU-tijd (mediaan van {inst['keer']})", lambda c: _s(c["cpu_s"])),
        ("wandtijd (mediaan, ter info)", lambda c: _s(c["wand_s"])),
        ("pagina's", lambda c: str(c["paginas"])),
        ("hele site", lambda c: _getal(c["site_bytes"] / 1e6) + " MB"),
        ("afspraakpagina (HTML)", lambda c: _kb(c["afspraakpagina_bytes"])),
        ("themapagina (HTML)", lambda c: _kb(c["themapagina_bytes"])),
        ("zoekdata per zoekopdracht", lambda c: _kb(c["zoekdata_bytes"])),
        ("zoekdata per zoekopdracht, gzip", lambda c: _kb(c["zoekdata_gzip_bytes"])),
        ("piekgeheugen", lambda c: _mb(c["piekgeheugen_bytes"])),
    ]
    delen = [_tabel([""] + [KOPPEN[n] for n in GEVALLEN], [[k] + [f(g[n]) for n in GEVALLEN] for k, f in rijen])]
    z = meting["zelfde_bytes"]
    delen.append(f"Vloer en synthetische site: alle {z['bestanden']} bestanden ({z['paginas']} pagina's) "
                 "byte voor byte gelijk.")
    delen.append(f"CPU-tijd synthetisch / vloer: {_getal(meting['verhouding_synth_vloer'], 2)} (per ronde "
                 + ", ".join(_getal(x, 2) for x in meting["verhouding_per_ronde"])
                 + f"; wandtijd {_getal(meting['verhouding_wand'], 2)})")
    m = meting["markdown_cpu"]
    delen.append(f"Markdown over dezelfde pagina's (ter info, in één proces): vloer {_s(m['vloer_s'])}, project "
                 f"{_s(m['project_s'])} CPU-tijd. De vloer haalt de HTML van elke gegenereerde pagina als ruwe HTML "
                 "door Markdown; het project zet die na Markdown terug. Kostte Markdown de vloer evenveel als het "
                 f"project, dan was de verhouding ongeveer {_getal(meting['verhouding_zelfde_markdown_schatting'], 2)} "
                 "(een schatting, geen budget).")
    if inst["keer"] < MINSTE_KEER:
        delen.append(f"Let op: {inst['keer']} {'ronde' if inst['keer'] == 1 else 'rondes'}, minder dan {MINSTE_KEER}: een snelle meting, "
                     "niet de meting van de budgetten.")
    v = meting["voorbeelden"]
    delen.append(f"Voorbeeldpagina's: echt {v['echt']['afspraak']} en thema {v['echt']['thema']}; "
                 f"synthetisch en vloer {v['synth']['afspraak']} en thema {v['synth']['thema']} (eerste jaar).")

    schaal = meting["schaal"]
    namen = sorted(schaal, key=lambda n: (schaal[n]["afspraken_per_jaar"], schaal[n]["jaren"]))
    delen.append(_tabel(["synthetisch, jaren × afspraken"] + [n.replace("x", " × ") for n in namen], [
        ["pagina's"] + [str(schaal[n]["paginas"]) for n in namen],
        ["CPU-tijd"] + [_s(schaal[n]["cpu_s"]) for n in namen],
        ["ms per pagina (CPU)"] + [_getal(schaal[n]["ms_per_pagina"]) for n in namen],
        ["piekgeheugen"] + [_mb(schaal[n]["piekgeheugen_bytes"]) for n in namen],
        ["afspraakpagina"] + [_kb(schaal[n]["afspraakpagina_bytes"]) for n in namen],
        ["themapagina"] + [_kb(schaal[n]["themapagina_bytes"]) for n in namen],
        ["zoekdata per zoekopdracht"] + [_kb(schaal[n]["zoekdata_bytes"]) for n in namen],
        ["zoekdata per zoekopdracht, gzip"] + [_kb(schaal[n]["zoekdata_gzip_bytes"]) for n in namen],
        ["zoekdata van alle jaren"] + [_kb(schaal[n]["zoekdata_alle_jaren_bytes"]) for n in namen],
    ]))
    if meting.get("geschiedenis"):
        delen.append(geschiedenis.verslag(meting["geschiedenis"]))
    if meting.get("zoeken"):
        z = meting["zoeken"]
        delen.append(_tabel(
            ["Zoeken op een telefoon (CPU 4× trager, 1,6 Mbit/s, 150 ms)", "eerste resultaat (mediaan)",
             "gedownload (gzip)", "woord"],
            [[f"telefoon, {n} jaar", _s(x["mediaan_seconden"]), _kb(x["zoekdata_bytes"]), x["woord"]]
             for n, x in sorted(z.items(), key=lambda i: int(i[0]))]))
    if meting["zoekindex_dubbel"]:
        delen.append("Niet precies één keer in de zoekdata (afspraak: ook op):\n  "
                     + "\n  ".join(meting["zoekindex_dubbel"]))

    if meting["lighthouse"]:
        lh = meting["lighthouse"]
        delen.append(_tabel(["Lighthouse (mobiel)"] + [begroting.CATEGORIE_NAMEN[c] for c in begroting.LIGHTHOUSE],
                            [[f"{p} ({s['url']})"] + [str(s[c]) for c in begroting.LIGHTHOUSE] for p, s in lh.items()]))
    if meting["redactie"]:
        r = meting["redactie"]
        delen.append(_tabel(
            ["Redactie: opslaan tot gewijzigde pagina", "via HTTP (mediaan)", "in Chromium (mediaan)", "keer"],
            [[f"{n} jaar: {x['pagina']}", _s(x["http_mediaan_s"]), _s(x["browser_mediaan_s"]), str(len(x["http_s"]))]
             for n, x in sorted(r.items(), key=lambda i: int(i[0]))]))
        delen.append(f"Opdracht (make serve): {next(iter(r.values()))['opdracht']}")

    budgetregels = [[b["naam"], _getal(b["waarde"], 3).rstrip("0").rstrip(","),
                     _getal(b["grens"], 3).rstrip("0").rstrip(","),
                     "gehaald" if b["gehaald"] else "NIET GEHAALD"] for b in meting["budgets"]]
    delen.append(_tabel(["budget", "waarde", "grens", ""], budgetregels))
    if inst["zonder"]:
        delen.append(f"Overgeslagen: {', '.join(inst['zonder'])} (hun budgetten ontbreken).")
    delen.append(f"Duur: {_getal(meting['duur_seconden'])} s op {meting['machine']['processors']} processors.")
    return "\n\n".join(delen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.meet", description=__doc__.split("\n")[0])
    parser.add_argument("--jaren", type=int, default=20, help="jaren van de synthetische site (20)")
    parser.add_argument("--afspraken", type=int, default=80, help="afspraken per jaar (80)")
    parser.add_argument("--schaal-afspraken", type=int, default=200,
                        help="afspraken per jaar van de grote schaalmeting (200)")
    parser.add_argument("--zaad", type=int, default=1, help="zaad van de synthetische gegevens (1)")
    parser.add_argument("--keer", type=int, default=MINSTE_KEER,
                        help=f"rondes bouwen; de mediaan telt ({MINSTE_KEER}, minder alleen om snel te proberen)")
    parser.add_argument("--lighthouse-keer", type=int, default=3, help="Lighthouse per pagina (3)")
    parser.add_argument("--redactie-keer", type=int, default=5, help="wijzigingen per redactiemeting (5)")
    parser.add_argument("--zonder", action="append", choices=ONDERDELEN, default=[],
                        help="een onderdeel overslaan, om snel te proberen (herhaalbaar)")
    args = parser.parse_args(argv)
    if args.jaren < 2:
        parser.error("--jaren moet minstens 2 zijn: de groei van de zoekindex wordt gemeten bij 1, N en 2N jaar")
    if min(args.keer, args.lighthouse_keer, args.redactie_keer) < 1:
        parser.error("--keer, --lighthouse-keer en --redactie-keer moeten minstens 1 zijn")
    try:
        meting = meet(args.afspraken, args.jaren, args.schaal_afspraken, args.zaad, args.keer,
                      args.lighthouse_keer, args.redactie_keer, set(args.zonder))
    except BenchFout as fout:
        print(f"make bench: {fout}", file=sys.stderr)
        return 2
    RESULTATEN.write_text(json.dumps(meting, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print("\n" + verslag(meting))
    print(f"\nGeschreven: {RESULTATEN.relative_to(PROJECT)}; sites in {SITES.relative_to(PROJECT)}/")
    return 0 if all(b["gehaald"] for b in meting["budgets"]) else 1


if __name__ == "__main__":
    sys.exit(main())
