"""`make bench` (python -m bench.meet): measure the site against the budgets of issue 5.

Three cases, each built three times (interleaved, so a busy moment on the machine
hits all three alike; the median counts):

- echt: the real site, from data/;
- synth: a synthetic site of 20 years (python -m macros synth), the same project code;
- vloer: the peer floor: plain MkDocs Material building the synthetic site's pages as
  they are after macros rendering (captured by bench/vastleggen.py), without macros,
  hook or theme overrides, commitment pages outside the navigation.

Also built once: the synthetic site with 1 and 10 years (the same first years), to
show that a page does not grow with the years and the search index grows linearly.
Then Lighthouse on the real site, and the editors' loop (bench/bewerken.py).

Prints a report, writes bench/results.json, leaves the sites in bench/sites/{echt,
synth,vloer}, and exits 1 when a budget is not met (2 when the measurement failed).
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
from pathlib import Path

from macros.gegevens.laden import laad
from macros.gegevens.model import Model
from macros.paginas.adressen import afspraak_url, overzicht_url, thema_url

from . import begroting, bewerken, lighthouse, meten
from .bouwen import PROJECT, BenchFout, bouw, kopieer_project, leg_vast, maak_vloer, synthetische_data
from .webserver import serveer

BENCH = Path(__file__).resolve().parent
SITES = BENCH / "sites"
RESULTATEN = BENCH / "results.json"
GEVALLEN = ("echt", "synth", "vloer")
KOPPEN = {"echt": "echte site", "synth": "synthetisch", "vloer": "vloer"}


def model_van(data: Path) -> Model:
    resultaat = laad(data)
    if resultaat.model is None:
        raise BenchFout(f"de gegevens in {data} bevatten fouten:\n"
                        + "\n".join(m.als_regel() for m in resultaat.fouten))
    return resultaat.model


def voorbeeld_afspraak(model: Model) -> str:
    """The first year's commitment that later years continue (the first one when none is).

    It exists in a 1-year site too, and in the 20-year site its page links to its
    successor: the page that would grow if a page listed the years.
    """
    eerste = model.jaren[min(model.jaren)]
    met_opvolger = [a for a in eerste.afspraken if model.opvolgers(a.id)]
    return (met_opvolger or list(eerste.afspraken))[0].id


def voorbeeld_thema(model: Model, jaar: int) -> str:
    return next(t.thema for t in model.jaren[jaar].themas if t.afspraken)


def bouw_drie_keer(projecten: dict[str, Path], keer: int) -> dict[str, list]:
    """Each case `keer` times, in turns; the last build of each stays in bench/sites/."""
    bouwen: dict[str, list] = {naam: [] for naam in projecten}
    for ronde in range(1, keer + 1):
        for naam, project in projecten.items():
            print(f"  bouwen: {KOPPEN[naam]}, {ronde} van {keer}", flush=True)
            bouwen[naam].append(bouw(project, SITES / naam))
    return bouwen


def meet(afspraken: int, jaren: int, zaad: int, keer: int, lighthouse_keer: int) -> dict:
    begin = time.perf_counter()
    chromium = lighthouse.vind_chromium()
    lighthouse.controleer_lighthouse()
    shutil.rmtree(SITES, ignore_errors=True)
    SITES.mkdir(parents=True)
    aantallen = sorted({1, jaren // 2, jaren})
    with tempfile.TemporaryDirectory(prefix="bench-") as tijdelijk:
        werk = Path(tijdelijk)
        print(f"Synthetische gegevens: {', '.join(map(str, aantallen))} jaar, {afspraken} afspraken per jaar",
              flush=True)
        data = {n: synthetische_data(werk / f"data-{n}", n, afspraken, zaad) for n in aantallen}
        synth = {n: kopieer_project(werk / f"synth-{n}", data[n]) for n in aantallen}
        print("Vloer: de pagina's van de synthetische site vastleggen", flush=True)
        vloer = maak_vloer(leg_vast(synth[jaren], werk / "vastgelegd"), werk / "vloer")

        print("Bouwen (elke keer mkdocs build --strict)", flush=True)
        bouwen = bouw_drie_keer({"echt": PROJECT, "synth": synth[jaren], "vloer": vloer}, keer)
        extra = {}
        for n in aantallen[:-1]:
            print(f"  bouwen: synthetisch met {n} jaar", flush=True)
            extra[n] = bouw(synth[n], werk / f"site-{n}")

        echt, model = model_van(PROJECT / "data"), model_van(data[jaren])
        nieuwste = bewerken.nieuwste_met_afspraken(echt).jaar
        eerste_echt = echt.jaren[nieuwste].afspraken[0].id
        voorbeelden = {
            "echt": {"afspraak": eerste_echt, "thema": voorbeeld_thema(echt, nieuwste)},
            "synth": {"afspraak": voorbeeld_afspraak(model), "thema": voorbeeld_thema(model, min(model.jaren))},
        }
        voorbeelden["vloer"] = voorbeelden["synth"]

        def gewicht(site: Path, geval: str) -> dict:
            v = voorbeelden[geval]
            jaar = int(v["afspraak"].split("-")[0])
            return meten.weeg(site, afspraak_url(v["afspraak"]), thema_url(jaar, v["thema"])).als_dict()

        gevallen = {}
        for naam in GEVALLEN:
            tijden = [round(b.seconden, 2) for b in bouwen[naam]]
            gevallen[naam] = {"bouwtijd_s": round(statistics.median(tijden), 2), "bouwtijden_s": tijden,
                              **gewicht(SITES / naam, naam),
                              "piekgeheugen_bytes": max(b.geheugen for b in bouwen[naam])}
        _controleer_vloer(gevallen)
        per_jaren = {str(n): {"bouwtijd_s": round(extra[n].seconden, 2), **gewicht(werk / f"site-{n}", "synth")}
                     for n in aantallen[:-1]}
        per_jaren[str(jaren)] = {"bouwtijd_s": gevallen["synth"]["bouwtijd_s"], **gewicht(SITES / "synth", "synth")}

    print("Zoekindex: elke afspraak één keer?", flush=True)
    dubbel = meten.dubbel_in_index(SITES / "echt", echt)

    print("Lighthouse (mobiel) op de echte site", flush=True)
    adressen = {"home": "", "overzicht": overzicht_url(nieuwste), "afspraak": afspraak_url(eerste_echt)}
    with serveer(SITES / "echt") as adres:
        scores = lighthouse.meet({naam: adres + pad for naam, pad in adressen.items()}, chromium, lighthouse_keer)
    for naam, pad in adressen.items():
        scores[naam]["url"] = "/" + pad

    print("Redactie: van opslaan tot herladen pagina (make serve)", flush=True)
    redactie = bewerken.meet(chromium)

    meting = {
        "gemeten": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"processors": _processors(), "python": platform.python_version()},
        "instellingen": {"jaren": jaren, "afspraken_per_jaar": afspraken, "zaad": zaad, "keer": keer},
        "gevallen": gevallen,
        "verhouding_synth_vloer": round(gevallen["synth"]["bouwtijd_s"] / gevallen["vloer"]["bouwtijd_s"], 2),
        "voorbeelden": voorbeelden,
        "jaren": per_jaren,
        "zoekindex_dubbel": dubbel,
        "lighthouse": scores,
        "redactie": redactie,
    }
    meting["duur_seconden"] = round(time.perf_counter() - begin, 1)
    meting["budgets"] = [b.als_dict() for b in begroting.budgetten(meting)]
    return meting


def _controleer_vloer(gevallen: dict) -> None:
    """The floor must build the very pages of the synthetic site, or the ratio means nothing."""
    synth, vloer = gevallen["synth"], gevallen["vloer"]
    if vloer["paginas"] != synth["paginas"] or abs(vloer["zoekindex_bytes"] / synth["zoekindex_bytes"] - 1) > 0.01:
        raise BenchFout(f"de vloer bouwt niet dezelfde pagina's als de synthetische site: {vloer['paginas']} "
                        f"tegen {synth['paginas']} pagina's, zoekindex {vloer['zoekindex_bytes']} tegen "
                        f"{synth['zoekindex_bytes']} bytes")


def _processors() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


# --- the report ---------------------------------------------------------------------------------

def _getal(waarde: float, decimalen: int = 1) -> str:
    return f"{waarde:,.{decimalen}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _kb(n: int) -> str:
    return _getal(n / 1000) + " kB"


def _tabel(koppen: list[str], rijen: list[list[str]]) -> str:
    breedtes = [max(len(r[i]) for r in [koppen, *rijen]) for i in range(len(koppen))]
    regel = lambda r: "  ".join(c.ljust(b) if i == 0 else c.rjust(b) for i, (c, b) in enumerate(zip(r, breedtes)))  # noqa: E731
    return "\n".join([regel(koppen), regel(["-" * b for b in breedtes]), *map(regel, rijen)])


def verslag(meting: dict) -> str:
    g = meting["gevallen"]
    rijen = [
        ("bouwtijd (mediaan van 3)", lambda c: _getal(c["bouwtijd_s"], 2) + " s"),
        ("pagina's", lambda c: str(c["paginas"])),
        ("hele site", lambda c: _getal(c["site_bytes"] / 1e6) + " MB"),
        ("afspraakpagina (HTML)", lambda c: _kb(c["afspraakpagina_bytes"])),
        ("themapagina (HTML)", lambda c: _kb(c["themapagina_bytes"])),
        ("search_index.json", lambda c: _kb(c["zoekindex_bytes"])),
        ("search_index.json gzip", lambda c: _kb(c["zoekindex_gzip_bytes"])),
        ("piekgeheugen", lambda c: _getal(c["piekgeheugen_bytes"] / 1e6, 0) + " MB"),
    ]
    delen = [_tabel([""] + [KOPPEN[n] for n in GEVALLEN], [[k] + [f(g[n]) for n in GEVALLEN] for k, f in rijen])]
    v = meting["voorbeelden"]
    delen.append(f"Voorbeeldpagina's: echt {v['echt']['afspraak']} en thema {v['echt']['thema']}; "
                 f"synthetisch en vloer {v['synth']['afspraak']} en thema {v['synth']['thema']} "
                 f"({min(meting['jaren'], key=int)}e jaar).")
    delen.append(f"Bouwtijd synthetisch / vloer: {_getal(meting['verhouding_synth_vloer'], 2)}")

    jaren = sorted(meting["jaren"], key=int)
    delen.append(_tabel(["synthetisch, jaren"] + jaren, [
        ["bouwtijd"] + [_getal(meting["jaren"][n]["bouwtijd_s"], 2) + " s" for n in jaren],
        ["pagina's"] + [str(meting["jaren"][n]["paginas"]) for n in jaren],
        ["afspraakpagina"] + [_kb(meting["jaren"][n]["afspraakpagina_bytes"]) for n in jaren],
        ["themapagina"] + [_kb(meting["jaren"][n]["themapagina_bytes"]) for n in jaren],
        ["search_index.json"] + [_kb(meting["jaren"][n]["zoekindex_bytes"]) for n in jaren],
    ]))
    groei = begroting.groei_per_jaar({int(n): meting["jaren"][n]["zoekindex_bytes"] for n in jaren})
    delen.append("Zoekindex groeit per jaar met: " + ", ".join(_kb(round(x)) for x in groei))
    if meting["zoekindex_dubbel"]:
        delen.append("Niet precies één keer in de zoekindex (afspraak: ook op):\n  "
                     + "\n  ".join(meting["zoekindex_dubbel"]))

    lh = meting["lighthouse"]
    delen.append(_tabel(["Lighthouse (mobiel)"] + [begroting.CATEGORIE_NAMEN[c] for c in begroting.LIGHTHOUSE],
                        [[f"{p} ({s['url']})"] + [str(s[c]) for c in begroting.LIGHTHOUSE] for p, s in lh.items()]))
    r = meting["redactie"]
    delen.append(f"Redactie: opslaan van {r['bestand']} tot herladen {r['pagina']} in make serve: "
                 f"{' / '.join(_getal(s, 2) for s in r['seconden'])} s (mediaan {_getal(r['mediaan_seconden'], 2)} s)")

    budgetregels = [[b["naam"], _getal(b["waarde"], 3).rstrip("0").rstrip(","), _getal(b["grens"], 3).rstrip("0").rstrip(","),
                     "gehaald" if b["gehaald"] else "NIET GEHAALD"] for b in meting["budgets"]]
    delen.append(_tabel(["budget", "waarde", "grens", ""], budgetregels))
    delen.append(f"Duur: {_getal(meting['duur_seconden'])} s op {meting['machine']['processors']} processors.")
    return "\n\n".join(delen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.meet", description=__doc__.split("\n")[0])
    parser.add_argument("--jaren", type=int, default=20, help="jaren van de synthetische site (20)")
    parser.add_argument("--afspraken", type=int, default=80, help="afspraken per jaar (80)")
    parser.add_argument("--zaad", type=int, default=1, help="zaad van de synthetische gegevens (1)")
    parser.add_argument("--keer", type=int, default=3, help="bouwen per geval; de mediaan telt (3)")
    parser.add_argument("--lighthouse-keer", type=int, default=3, help="Lighthouse per pagina (3)")
    args = parser.parse_args(argv)
    if args.jaren < 3:
        parser.error("--jaren moet minstens 3 zijn: de groei van de zoekindex wordt op 3 punten gemeten")
    try:
        meting = meet(args.afspraken, args.jaren, args.zaad, args.keer, args.lighthouse_keer)
    except BenchFout as fout:
        print(f"make bench: {fout}", file=sys.stderr)
        return 2
    RESULTATEN.write_text(json.dumps(meting, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print("\n" + verslag(meting))
    print(f"\nGeschreven: {RESULTATEN.relative_to(PROJECT)}; sites in {SITES.relative_to(PROJECT)}/")
    return 0 if all(b["gehaald"] for b in meting["budgets"]) else 1


if __name__ == "__main__":
    sys.exit(main())
