"""`python -m macros synth`: check the arguments and the target folder, generate, write."""
from __future__ import annotations

import shutil
from pathlib import Path

from ...gegevens.laden import GegevensFout, laad_of_stop
from ...gegevens.model import Model
from . import EERSTE_JAAR, LAATSTE_JAAR, ZAAD, SynthFout
from .jaren import GemaaktJaar, Maker
from .voortgang import Voortgangmaker

VOORBEELD = Path(__file__).resolve().parents[3] / "data"  # the real data, imitated by default


def maak(uitvoermap: Path, jaren: int, afspraken: int, zaad: int = ZAAD,
         voorbeeld: Path | None = None, lang_behalve: str | None = None) -> list[Path]:
    """Check the arguments and the target folder, generate, write; the written files."""
    voorbeeldmap = Path(voorbeeld or VOORBEELD).resolve()
    uitvoermap = Path(uitvoermap)
    _controleer_uitvoermap(uitvoermap, voorbeeldmap)
    _controleer_aantallen(jaren, afspraken)
    try:
        model = laad_of_stop(voorbeeldmap)
    except GegevensFout:
        raise SynthFout(f"de voorbeeldgegevens in {voorbeeldmap} bevatten fouten; los die eerst op "
                        "(python -m macros check)") from None
    bestanden = genereer(model, jaren, afspraken, zaad, lang_behalve)
    return schrijf(uitvoermap, bestanden, voorbeeldmap / "schema")


def genereer(voorbeeld: Model, jaren: int, afspraken: int, zaad: int = ZAAD,
             lang_behalve: str | None = None) -> dict[str, str]:
    """Every data file (path relative to the folder -> YAML text), schema/ not included.
    `lang_behalve`: give every commitment but this one a long history (the benchmark)."""
    _controleer_aantallen(jaren, afspraken)
    if not voorbeeld.afspraken:
        raise SynthFout("de voorbeeldgegevens bevatten geen afspraken om na te maken")
    maker = Maker(voorbeeld, zaad)
    bestanden = maker.gedeeld()
    gemaakt: list[GemaaktJaar] = []
    vorig: GemaaktJaar | None = None
    for jaar in range(EERSTE_JAAR, EERSTE_JAAR + jaren):
        vorig = maker.jaar(jaar, afspraken, vorig)
        bestanden.update(vorig.bestanden)
        gemaakt.append(vorig)
    ids = {f"{j.jaar}-{a.nummer}" for j in gemaakt for lijst in j.per_thema.values() for a in lijst}
    if lang_behalve is not None and lang_behalve not in ids:
        raise SynthFout(f"--lange-geschiedenis-behalve: afspraak '{lang_behalve}' wordt niet gemaakt")
    voortgang = Voortgangmaker(maker)
    for i, j in enumerate(gemaakt):  # a year's progress names successors in the next year
        naam, data = voortgang.bestand(j, gemaakt[i + 1] if i + 1 < len(gemaakt) else None, lang_behalve)
        bestanden[naam] = maker._yaml("voortgang", data, "../")
    return bestanden


def schrijf(uitvoermap: Path, bestanden: dict[str, str], schemamap: Path) -> list[Path]:
    """Write the files and a copy of the schemas into `uitvoermap` (a new or empty folder)."""
    geschreven = []
    uitvoermap.mkdir(parents=True, exist_ok=True)
    for schema in sorted(schemamap.glob("*.json")):
        (uitvoermap / "schema").mkdir(exist_ok=True)
        geschreven.append(Path(shutil.copyfile(schema, uitvoermap / "schema" / schema.name)))
    for naam, tekst in bestanden.items():
        pad = uitvoermap / naam
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(tekst, encoding="utf-8")
        geschreven.append(pad)
    return geschreven


def _controleer_aantallen(jaren: int, afspraken: int) -> None:
    meeste = LAATSTE_JAAR - EERSTE_JAAR + 1
    if jaren < 1:
        raise SynthFout(f"--jaren moet 1 of meer zijn, niet {jaren}")
    if jaren > meeste:
        raise SynthFout(f"--jaren mag hoogstens {meeste} zijn: de jaren beginnen bij {EERSTE_JAAR} "
                        f"en het schema kent geen jaar na {LAATSTE_JAAR}")
    if afspraken < 1:
        raise SynthFout(f"--afspraken moet 1 of meer zijn, niet {afspraken}")


def _controleer_uitvoermap(uitvoermap: Path, voorbeeldmap: Path) -> None:
    volledig = uitvoermap.resolve()
    if volledig == voorbeeldmap or voorbeeldmap in volledig.parents:
        raise SynthFout(f"de map {uitvoermap} ligt in de echte gegevens ({voorbeeldmap}); synthetische gegevens "
                        "horen daar nooit. Kies een map erbuiten.")
    if uitvoermap.exists() and not uitvoermap.is_dir():
        raise SynthFout(f"{uitvoermap} is een bestand; geef een nieuwe of lege map")
    if uitvoermap.is_dir() and any(uitvoermap.iterdir()):
        raise SynthFout(f"de map {uitvoermap} is niet leeg; geef een nieuwe of lege map")
