"""The budget "a commitment page stays independent of the length of other commitments'
histories": the same commitment's page in two synthetic sites of one year that differ only
in the other commitments' progress. The second site is made with
`python -m macros synth --lange-geschiedenis-behalve <id>`: every other commitment gets
twelve more entries, at the bottom of the progress file, so that the measured commitment's
own entries keep their numbers. Its page must not grow by a single byte.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from macros.gegevens.laden import laad
from macros.paginas.adressen import afspraak_url

from .bouwen import BenchFout, bouw, kopieer_project, synthetische_data
from .meten import html_bytes

GRENS = 1.0  # page bytes with long histories elsewhere / without: not one byte more


def meet(werk: Path, afspraken: int, zaad: int) -> dict:
    print("Geschiedenis: een afspraakpagina met lange geschiedenissen van de andere afspraken", flush=True)
    gewoon = synthetische_data(werk / "data-geschiedenis-gewoon", 1, afspraken, zaad)
    model = laad(gewoon).model
    if model is None:
        raise BenchFout(f"de synthetische gegevens in {gewoon} bevatten fouten")
    afspraak = model.jaren[min(model.jaren)].afspraken[0].id
    lang = synthetische_data(werk / "data-geschiedenis-lang", 1, afspraken, zaad,
                             extra=("--lange-geschiedenis-behalve", afspraak))
    uit: dict = {"afspraak": afspraak, "jaren": 1, "afspraken_per_jaar": afspraken}
    for naam, data in (("gewoon", gewoon), ("lang", lang)):
        print(f"  bouwen: synthetisch, 1 × {afspraken}, geschiedenis {naam}", flush=True)
        project = kopieer_project(werk / f"geschiedenis-{naam}", data)
        site = werk / f"site-geschiedenis-{naam}"
        bouw(project, site)
        m = laad(data).model
        uit[naam] = {"afspraakpagina_bytes": html_bytes(site, afspraak_url(afspraak)),
                     "voortgang_regels": sum(len(j.voortgang) for j in m.jaren.values()),
                     "eigen_regels": len(m.verloop(afspraak).regels)}
        shutil.rmtree(site)
    uit["verhouding"] = round(uit["lang"]["afspraakpagina_bytes"] / uit["gewoon"]["afspraakpagina_bytes"], 3)
    return uit


def verslag(g: dict) -> str:
    return (f"Afspraakpagina {g['afspraak']} (1 × {g['afspraken_per_jaar']}): {g['gewoon']['afspraakpagina_bytes']} "
            f"bytes; met {g['lang']['voortgang_regels']} in plaats van {g['gewoon']['voortgang_regels']} "
            f"voortgangsregels bij de andere afspraken: {g['lang']['afspraakpagina_bytes']} bytes "
            f"(verhouding {g['verhouding']}).")
