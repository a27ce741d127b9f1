"""Open data: per year all commitments as JSON and CSV (format in DESIGN.md)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..gegevens.model import Afspraak, Doel, Jaar, Model
from ..paginas.adressen import export_url, permanent_adres, volledig_adres
from ..paginas.opmaak import doeltekst, termijntekst

LICENTIE = "CC0-1.0"
SCHEMA_BESTAND = "afspraken-export.schema.json"  # in data/schema/
SCHEMA_PAD = f"open-data/{SCHEMA_BESTAND}"  # where the site publishes it
VELDEN = ("id", "jaar", "nummer", "titel", "tekst", "thema", "kop", "verantwoordelijk", "partijen",
          "plaatsen", "doelen", "termijn", "gerelateerd", "documenten", "voortzetting_van", "url")
CSV_EXTRA = ("gemeente",)  # a CSV row stands alone: it names the municipality itself


def _doel(d: Doel) -> dict:
    return {"wat": d.wat, "aantal": d.aantal, "eenheid": d.eenheid, "grens": d.grens,
            "jaar": d.jaar, "wanneer": d.wanneer, "plaats": d.plaats}


def als_dict(afspraak: Afspraak, site_url: str) -> dict:
    t = afspraak.termijn
    return {
        "id": afspraak.id,
        "jaar": afspraak.jaar,
        "nummer": afspraak.nummer,
        "titel": afspraak.titel,
        "tekst": afspraak.tekst,
        "thema": afspraak.thema,
        "kop": afspraak.kop,
        "verantwoordelijk": list(afspraak.verantwoordelijk),
        "partijen": sorted(afspraak.partijen),
        "plaatsen": list(afspraak.plaatsen),
        "doelen": [_doel(d) for d in afspraak.doelen],
        "termijn": {"tekst": t.tekst, "jaar": t.jaar, "kwartaal": t.kwartaal, "waarvoor": t.waarvoor} if t else None,
        "gerelateerd": [r.afspraak for r in afspraak.gerelateerd],
        "documenten": list(afspraak.documenten),
        "voortzetting_van": afspraak.voortzetting_van,
        "url": permanent_adres(site_url, afspraak.id),
    }


def jaar_json(gemeente: str, jaar: Jaar, site_url: str) -> str:
    inhoud = {
        "gemeente": gemeente,
        "jaar": jaar.jaar,
        "titel": jaar.titel,
        "licentie": LICENTIE,
        "schema": volledig_adres(site_url, SCHEMA_PAD),
        "afspraken": [als_dict(a, site_url) for a in jaar.afspraken],
    }
    # strict JSON: a number that is not finite has no JSON form (the check refuses it first)
    return json.dumps(inhoud, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


FORMULE = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet read a cell as a formula


def onschadelijk(cel: str) -> str:
    """A cell a spreadsheet shows as text, never runs: one that starts like a formula gets
    a leading apostrophe (OWASP, CSV injection)."""
    return "'" + cel if cel.startswith(FORMULE) else cel


def _csv_waarde(veld: str, waarde, afspraak: Afspraak) -> str:
    if waarde is None:
        return ""
    if veld == "doelen":  # the number as machines read it (2.5), without year or place
        return "; ".join(doeltekst(d, getal=str, met_jaar=False) for d in afspraak.doelen)
    if veld == "termijn":  # as the site shows it
        return termijntekst(afspraak.termijn)
    if isinstance(waarde, list):
        return ";".join(waarde)
    return str(waarde)


def jaar_csv(gemeente: str, jaar: Jaar, site_url: str) -> str:
    """One row per commitment: the fields of the JSON, then the municipality (CSV_EXTRA)."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, lineterminator="\n")
    schrijver.writerow(VELDEN + CSV_EXTRA)
    for a in jaar.afspraken:
        rij = als_dict(a, site_url)
        schrijver.writerow([onschadelijk(c) for c in [_csv_waarde(v, rij[v], a) for v in VELDEN] + [gemeente]])
    return uit.getvalue()


def open_data_bestanden(model: Model, site_url: str, schema: Path, jaren: set[int] | None = None) -> dict[str, bytes]:
    """Every open-data file of `model`, by its path relative to the site (or an export folder):
    the JSON Schema the files name (SCHEMA_PAD), then per year `<jaar>/afspraken.json` and
    `<jaar>/afspraken.csv`. The one layout, for the site build and `make export` alike.

    `schema` is the schema file (data/schema/SCHEMA_BESTAND), published as it is. The CSV
    starts with a byte order mark, so that spreadsheet programs read the accents right.
    With `jaren`, only those years' files (and the schema): `make serve` keeps the others.
    """
    bestanden = {SCHEMA_PAD: Path(schema).read_bytes()}
    for jaar in model.jaren.values():
        if jaren is not None and jaar.jaar not in jaren:
            continue
        bestanden[export_url(jaar.jaar, "json")] = jaar_json(model.gemeente.naam, jaar, site_url).encode("utf-8")
        bestanden[export_url(jaar.jaar, "csv")] = jaar_csv(model.gemeente.naam, jaar, site_url).encode("utf-8-sig")
    return bestanden


def schrijf(model: Model, uitvoermap: Path, site_url: str, schema: Path) -> list[Path]:
    """Write the open-data files (open_data_bestanden) into `uitvoermap`; returns the paths written."""
    geschreven = []
    for pad, inhoud in open_data_bestanden(model, site_url, schema).items():
        bestand = Path(uitvoermap) / pad
        bestand.parent.mkdir(parents=True, exist_ok=True)
        bestand.write_bytes(inhoud)
        geschreven.append(bestand)
    return geschreven
