"""Open data: per year all commitments as JSON and CSV (format in DESIGN.md)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Callable

from ..gegevens.model import TUSSENKOP, Afspraak, Doel, Jaar, Model, Uitvoerder
from ..gegevens.voortgang import Verloop, Voortgang
from ..paginas.adressen import export_url, permanent_adres, voortgang_export_url, volledig_adres
from ..paginas.opmaak import doeltekst, termijntekst
from . import voortgang_csv

LICENTIE = "CC0-1.0"
SCHEMA_BESTAND = "afspraken-export.schema.json"  # in data/schema/
SCHEMA_PAD = f"open-data/{SCHEMA_BESTAND}"  # where the site publishes it
VELDEN = ("id", "jaar", "nummer", "titel", "tekst", "thema", "kop", "verantwoordelijk", "partijen",
          "plaatsen", "doelen", "termijn", "gerelateerd", "documenten", "voortzetting_van", "url",
          "uitvoerders", "toerekening", "status", "laatst_beoordeeld", "gerealiseerd")
CSV_EXTRA = ("gemeente",)  # a CSV row stands alone: it names the municipality itself


def _doel(d: Doel) -> dict:
    return {"wat": d.wat, "aantal": d.aantal, "eenheid": d.eenheid, "grens": d.grens,
            "jaar": d.jaar, "wanneer": d.wanneer, "plaats": d.plaats,
            "id": d.id, "deel_van": d.deel_van, "opmerking": d.opmerking}


def _uitvoerder(u: Uitvoerder) -> dict:
    return {"wie": list(u.wie), "woorden": u.woorden, "volgens": u.volgens, "onzeker": u.onzeker,
            "opmerking": u.opmerking}


def verlopen(jaar: Jaar) -> dict[str, Verloop]:
    """The history of each commitment of `jaar` that has one (its entries are in its year's file)."""
    per: dict[str, list[Voortgang]] = {}
    for r in jaar.voortgang:
        per.setdefault(r.afspraak, []).append(r)
    return {k: Verloop(tuple(v)) for k, v in per.items()}


def _voortgang(verloop: Verloop) -> dict:
    """The current status, the day of the entry that says it, and per target the latest
    realised value that stands (see Verloop)."""
    return {
        "status": verloop.status.id,
        "laatst_beoordeeld": verloop.stand.peildatum if verloop.stand else None,
        "gerealiseerd": [{"doel": doel, "aantal": w.aantal, "eenheid": w.eenheid, "datum": w.datum,
                          "voorlopig": w.voorlopig, "methode": w.methode}
                         for doel, (_, w) in sorted(verloop.gerealiseerd().items())],
    }


def als_dict(afspraak: Afspraak, site_url: str, verloop: Verloop | None = None) -> dict:
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
        "uitvoerders": [_uitvoerder(u) for u in afspraak.uitvoerders],
        "toerekening": [{"partij": t.partij, "grond": t.grond} for t in afspraak.toegerekend],
        **_voortgang(verloop or Verloop()),
    }


def jaar_json(gemeente: str, jaar: Jaar, site_url: str) -> str:
    inhoud = {
        "gemeente": gemeente,
        "jaar": jaar.jaar,
        "titel": jaar.titel,
        "licentie": LICENTIE,
        "schema": volledig_adres(site_url, SCHEMA_PAD),
        "afspraken": [als_dict(a, site_url, v.get(a.id)) for v in (verlopen(jaar),) for a in jaar.afspraken],
    }
    # strict JSON: a number that is not finite has no JSON form (the check refuses it first)
    return json.dumps(inhoud, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


FORMULE = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet read a cell as a formula


def onschadelijk(cel: str) -> str:
    """A cell a spreadsheet shows as text, never runs: one that starts like a formula gets
    a leading apostrophe (OWASP, CSV injection)."""
    return "'" + cel if cel.startswith(FORMULE) else cel


def csv_doelen(afspraak: Afspraak, plaatsnaam: Callable[[str], str]) -> str:
    """The targets as one cell: each total, then its parts as 'waarvan …' with their place;
    the number as machines read it (2.5), without a year that only `jaar` gives."""
    def een(d: Doel, totaal: Doel | None = None) -> str:
        return doeltekst(d, plaatsnaam(d.plaats) if d.plaats else None, getal=str, met_jaar=False, totaal=totaal)
    return "; ".join(x for t in afspraak.totalen for x in (een(t.doel), *(een(d, t.doel) for d in t.delen)))


def _csv_waarde(veld: str, waarde, afspraak: Afspraak, plaatsnaam: Callable[[str], str]) -> str:
    if waarde is None:
        return ""
    if veld == "doelen":
        return csv_doelen(afspraak, plaatsnaam)
    if veld == "termijn":  # as the site shows it
        return termijntekst(afspraak.termijn)
    if veld == "uitvoerders":  # who the text names: ids, with the basis where it is not the text
        return ";".join(f"{i}{' (tussenkop)' if u.volgens == TUSSENKOP else ''}{' (niet zeker)' if u.onzeker else ''}"
                        for u in afspraak.uitvoerders for i in u.wie)
    if veld == "toerekening":
        return ";".join(f"{t['partij']}:{t['grond']}" for t in waarde)
    if veld == "gerealiseerd":  # 'doel 1: 16 woningen op 2021-12-31 (NTA 8800, voorlopig)'
        return "; ".join(f"doel {w['doel']}: {w['aantal']} {w['eenheid']} op {w['datum']}"
                         + (f" ({', '.join(x for x in (w['methode'], 'voorlopig' if w['voorlopig'] else None) if x)})"
                            if w["methode"] or w["voorlopig"] else "") for w in waarde)
    if isinstance(waarde, list):
        return ";".join(waarde)
    return str(waarde)


def jaar_csv(gemeente: str, jaar: Jaar, site_url: str, plaatsnaam: Callable[[str], str] = str) -> str:
    """One row per commitment: the fields of the JSON, then the municipality (CSV_EXTRA).
    `plaatsnaam`: a place's name from its id, for the readable targets."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, lineterminator="\n")
    schrijver.writerow(VELDEN + CSV_EXTRA)
    per = verlopen(jaar)
    for a in jaar.afspraken:
        rij = als_dict(a, site_url, per.get(a.id))
        schrijver.writerow([onschadelijk(c) for c in [_csv_waarde(v, rij[v], a, plaatsnaam) for v in VELDEN]
                            + [gemeente]])
    return uit.getvalue()


def open_data_bestanden(model: Model, site_url: str, schema: Path, jaren: set[int] | None = None) -> dict[str, bytes]:
    """Every open-data file of `model`, by its path relative to the site (or an export folder):
    the JSON Schema the files name (SCHEMA_PAD), then per year `<jaar>/afspraken.json`,
    `<jaar>/afspraken.csv`, `<jaar>/voortgang.json` and `<jaar>/voortgang.csv` (the progress
    entries; the CSV in the columns the import reads). The one layout, for the site build
    and `make export` alike.

    `schema` is the schema file (data/schema/SCHEMA_BESTAND), published as it is. The CSV
    starts with a byte order mark, so that spreadsheet programs read the accents right.
    With `jaren`, only those years' files (and the schema): `make serve` keeps the others.
    """
    bestanden = {SCHEMA_PAD: Path(schema).read_bytes()}
    for jaar in model.jaren.values():
        if jaren is not None and jaar.jaar not in jaren:
            continue
        bestanden[export_url(jaar.jaar, "json")] = jaar_json(model.gemeente.naam, jaar, site_url).encode("utf-8")
        bestanden[export_url(jaar.jaar, "csv")] = jaar_csv(
            model.gemeente.naam, jaar, site_url, lambda p: model.plaatsen[p].naam).encode("utf-8-sig")
        bestanden[voortgang_export_url(jaar.jaar, "json")] = voortgang_json(
            model.gemeente.naam, jaar, site_url).encode("utf-8")
        bestanden[voortgang_export_url(jaar.jaar, "csv")] = voortgang_csv.schrijf(jaar.voortgang).encode("utf-8-sig")
    return bestanden


def _regel(r: Voortgang) -> dict:
    """An entry with every field of voortgang.yaml (absent ones null), and its id."""
    return {"id": r.id, "nummer": r.nummer, "afspraak": r.afspraak, "peildatum": r.peildatum,
            "vastgelegd": r.vastgelegd, "status": r.status, "toelichting": r.toelichting, "reden": r.reden,
            "opvolger": r.opvolger, "corrigeert": r.corrigeert, "beoordeeld_door": r.beoordeeld_door,
            "bronnen": [{"titel": b.titel, "soort": b.soort, "url": b.url, "document": b.document, "datum": b.datum,
                         "pagina": b.pagina} for b in r.bronnen],
            "gerealiseerd": [{"doel": w.doel, "aantal": w.aantal, "eenheid": w.eenheid, "datum": w.datum,
                              "methode": w.methode, "voorlopig": w.voorlopig, "bron": w.bron} for w in r.gerealiseerd]}


def voortgang_json(gemeente: str, jaar: Jaar, site_url: str) -> str:
    """`/<jaar>/voortgang.json`: the year's progress entries in the order recorded, as in
    data/<jaar>/voortgang.yaml (a realised value's `datum` filled in from the entry)."""
    inhoud = {"gemeente": gemeente, "jaar": jaar.jaar, "licentie": LICENTIE,
              "voortgang": [_regel(r) for r in jaar.voortgang]}
    return json.dumps(inhoud, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def schrijf(model: Model, uitvoermap: Path, site_url: str, schema: Path) -> list[Path]:
    """Write the open-data files (open_data_bestanden) into `uitvoermap`; returns the paths written."""
    geschreven = []
    for pad, inhoud in open_data_bestanden(model, site_url, schema).items():
        bestand = Path(uitvoermap) / pad
        bestand.parent.mkdir(parents=True, exist_ok=True)
        bestand.write_bytes(inhoud)
        geschreven.append(bestand)
    return geschreven
