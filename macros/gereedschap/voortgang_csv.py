"""Progress entries as a CSV in "long" form: the one column definition, written and read.

The open data (`/<jaar>/voortgang.csv`) and the import (`python -m macros voortgang-import`)
use the same columns, so an exported file imports as it is and gives the same entries.
One row per entry × source × realised value: rows with the same `nummer` (or, without a
number, the rows after a row with `afspraak`) form one entry. The first row carries the
entry's fields; each row may add one source (`bron_*`) and/or one realised value.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..gegevens.controlehulp import onbekend
from ..gegevens.meldingen import zichtbaar
from ..gegevens.schemas import suggestie
from ..gegevens.voortgang import STATUSSEN, Voortgang
from ..paginas.handleiding import velden_van_bestand

REGEL, BRON, WAARDE = "regel", "bronnen", "gerealiseerd"  # the part of an entry a column fills


@dataclass(frozen=True)
class Kolom:
    naam: str  # the CSV column
    deel: str  # REGEL, BRON or WAARDE
    veld: str  # the key in voortgang.yaml
    soort: str = "tekst"  # "tekst", "geheel" (whole number), "getal" (number), "ja" (yes or empty)


KOLOMMEN: tuple[Kolom, ...] = (
    Kolom("nummer", REGEL, "nummer", "geheel"),
    Kolom("afspraak", REGEL, "afspraak"),
    Kolom("peildatum", REGEL, "peildatum"),
    Kolom("vastgelegd", REGEL, "vastgelegd"),
    Kolom("status", REGEL, "status"),
    Kolom("toelichting", REGEL, "toelichting"),
    Kolom("reden", REGEL, "reden"),
    Kolom("opvolger", REGEL, "opvolger"),
    Kolom("corrigeert", REGEL, "corrigeert", "geheel"),
    Kolom("beoordeeld_door", REGEL, "beoordeeld_door"),
    Kolom("bron_titel", BRON, "titel"),
    Kolom("bron_soort", BRON, "soort"),
    Kolom("bron_url", BRON, "url"),
    Kolom("bron_document", BRON, "document"),
    Kolom("bron_datum", BRON, "datum"),
    Kolom("bron_pagina", BRON, "pagina", "geheel"),
    Kolom("doel", WAARDE, "doel", "geheel"),
    Kolom("aantal", WAARDE, "aantal", "getal"),
    Kolom("eenheid", WAARDE, "eenheid"),
    Kolom("datum", WAARDE, "datum"),
    Kolom("methode", WAARDE, "methode"),
    Kolom("voorlopig", WAARDE, "voorlopig", "ja"),
    Kolom("bron", WAARDE, "bron", "geheel"),
)
PER_NAAM = {k.naam: k for k in KOLOMMEN}
# The columns a file must have: the entry's required fields (voortgang.schema.json).
VERPLICHT = ("afspraak", "peildatum", "vastgelegd", "status", "toelichting", "beoordeeld_door")
JA, NEE = ("ja", "true", "waar", "1"), ("", "nee", "false", "onwaar", "0")
MAX_BYTES = 1_000_000  # the YAML it becomes may not be larger either (yamlbestand.MAX_BYTES)
FORMULE = ("=", "+", "-", "@", "\t", "\r")  # as export.FORMULE: what a spreadsheet runs


def veilig(cel: str) -> str:
    """A cell a spreadsheet shows as text: one that starts like a formula (also behind
    apostrophes) gets one apostrophe more, which `terug` takes off again: exact both ways."""
    return "'" + cel if cel.lstrip("'").startswith(FORMULE) and cel else cel


def terug(cel: str) -> str:
    """The cell as written before `veilig`: only that apostrophe comes off."""
    return cel[1:] if cel.startswith("'") and cel.lstrip("'").startswith(FORMULE) else cel


@dataclass(frozen=True)
class Uitleg:
    kolom: Kolom
    uitleg: str  # the field's description in voortgang.schema.json
    verplicht: bool  # a new entry leaves it empty only where the schema allows
    keuzes: tuple[str, ...] = ()


def uitleg(schemamap: Path) -> tuple[Uitleg, ...]:
    """Every column with the description of its field in the schema, for the editors' guide
    and the open data page: the columns come from KOLOMMEN, their meaning from the schema."""
    regel = next(v for v in velden_van_bestand(schemamap, "voortgang.schema.json") if v.naam == "voortgang")
    per_deel = {REGEL: regel.delen, **{d.naam: d.delen for d in regel.delen if d.delen}}
    uit = []
    for k in KOLOMMEN:
        veld = next(v for v in per_deel[k.deel] if v.naam == k.veld)
        verplicht = veld.verplicht and k.naam != "nummer"  # the import numbers entries itself
        uit.append(Uitleg(k, veld.uitleg, verplicht, veld.keuzes))
    return tuple(uit)


# --- writing --------------------------------------------------------------------------------

def _cel(waarde) -> str:
    if waarde is None or waarde is False:
        return ""
    if waarde is True:
        return "ja"
    return veilig(str(waarde))


def schrijf(regels: Iterable[Voortgang]) -> str:
    """The entries in long form, every column of KOLOMMEN; `nummer` on every row."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, lineterminator="\n")
    schrijver.writerow([k.naam for k in KOLOMMEN])
    for r in regels:
        for i in range(max(1, len(r.bronnen), len(r.gerealiseerd))):
            delen = {REGEL: r if i == 0 else None,
                     BRON: r.bronnen[i] if i < len(r.bronnen) else None,
                     WAARDE: r.gerealiseerd[i] if i < len(r.gerealiseerd) else None}
            schrijver.writerow([_cel(r.nummer) if k.naam == "nummer" else
                                _cel(getattr(delen[k.deel], k.veld)) if delen[k.deel] is not None else ""
                                for k in KOLOMMEN])
    return uit.getvalue()


# --- reading --------------------------------------------------------------------------------

@dataclass
class Invoer:
    """One entry read from the CSV, in the shape of voortgang.yaml."""
    rij: int  # the CSV row (the header is row 1) where it starts
    velden: dict = field(default_factory=dict)  # YAML keys in the file's order
    herkomst: dict = field(default_factory=dict)  # (key,) or (list, i, key) -> (row, column)

    @property
    def jaar(self) -> int:
        return int(self.velden["afspraak"].split("-")[0])


class CsvFout(Exception):
    """Problems with the CSV itself: each a line `file:row: kolom x: melding`."""

    def __init__(self, regels: list[str]):
        self.regels = regels
        super().__init__("\n".join(regels))


def lees_bestand(pad: Path) -> tuple[list[Invoer], str]:
    """The entries of a CSV file and its name as messages show it; CsvFout when it cannot
    be read: not there, too large, not UTF-8, empty, or rows that do not fit."""
    naam = zichtbaar(str(pad))
    try:
        if not pad.is_file():
            raise CsvFout([f"{naam}: {'dit is geen bestand' if pad.exists() else 'bestand bestaat niet'}"])
        with pad.open("rb") as f:
            ruw = f.read(MAX_BYTES + 1)
    except OSError as fout:
        raise CsvFout([f"{naam}: het bestand kan niet gelezen worden ({fout.strerror or fout})"]) from None
    if len(ruw) > MAX_BYTES:
        raise CsvFout([f"{naam}: het bestand is groter dan {MAX_BYTES // 1_000_000} MB; importeer het in delen"])
    try:
        tekst = ruw.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        rij = ruw[:fout.start].count(b"\n") + 1
        raise CsvFout([f"{naam}:{rij}: het bestand is geen UTF-8 (byte 0x{ruw[fout.start:fout.start + 1].hex()}); "
                       "sla het op als 'CSV UTF-8'"]) from None
    return lees(tekst, naam), naam


def scheidingsteken(kopregel: str) -> str:
    """`;` (Dutch spreadsheets) or `,`: whichever the header uses; no column name has either."""
    return ";" if kopregel.count(";") > kopregel.count(",") else ","


def lees(tekst: str, naam: str) -> list[Invoer]:
    """The entries of a CSV text (see the module); CsvFout with every problem found."""
    if not tekst.strip():
        raise CsvFout([f"{naam}: het bestand is leeg; de eerste rij noemt de kolommen"])
    try:
        rijen = list(csv.reader(io.StringIO(tekst, newline=""),
                                delimiter=scheidingsteken(tekst.split("\n", 1)[0]), strict=True))
    except csv.Error as fout:
        raise CsvFout([f"{naam}: de CSV klopt niet ({zichtbaar(str(fout))}); sla het bestand opnieuw op als CSV"]) \
            from None
    kop = [zichtbaar(c.strip().lstrip("\ufeff")) for c in rijen[0]]
    fouten = _kopfouten(kop, naam)
    if fouten:
        raise CsvFout(fouten)
    invoer: list[Invoer] = []
    for nummer, rij in enumerate(rijen[1:], start=2):
        if not any(c.strip() for c in rij):
            continue  # spreadsheets leave empty rows at the end
        if len(rij) > len(kop):
            fouten.append(f"{naam}:{nummer}: deze rij heeft {len(rij)} cellen, de kop {len(kop)} kolommen")
            continue
        cellen = {k: terug(c) for k, c in zip(kop, rij) if c.strip()}
        _rij(invoer, nummer, cellen, naam, fouten)
    if not invoer and not fouten:
        fouten.append(f"{naam}: er staan geen regels in het bestand, alleen de kop")
    if fouten:
        raise CsvFout(fouten)
    return invoer


def _kopfouten(kop: list[str], naam: str) -> list[str]:
    fouten = []
    for i, k in enumerate(kop):
        if k not in PER_NAAM:
            fouten.append(f"{naam}:1: onbekende kolom '{k}'{suggestie(k, list(PER_NAAM))}; bekend zijn: "
                          + ", ".join(PER_NAAM))
        elif k in kop[:i]:
            fouten.append(f"{naam}:1: de kolom '{k}' staat er twee keer")
    ontbreekt = [k for k in VERPLICHT if k not in kop]
    if ontbreekt:
        fouten.append(f"{naam}:1: {'deze kolom ontbreekt' if len(ontbreekt) == 1 else 'deze kolommen ontbreken'}: "
                      + ", ".join(ontbreekt))
    return fouten


def _waarde(kolom: Kolom, tekst: str):
    """The cell as the YAML value, or a message why it cannot be one."""
    if kolom.soort == "tekst":
        if kolom.naam == "status" and tekst.strip() not in {s.id for s in STATUSSEN}:
            raise ValueError(onbekend("onbekende status", zichtbaar(tekst.strip()), [s.id for s in STATUSSEN]))
        # ids, dates and addresses have no spaces around them; a text keeps what it has
        return tekst.strip() if kolom.naam in _KORT else tekst
    kaal = tekst.strip()
    if kolom.soort == "geheel":
        if not re.fullmatch(r"[0-9]{1,9}", kaal):
            raise ValueError(f"'{zichtbaar(kaal)}' is geen geheel getal")
        return int(kaal)
    if kolom.soort == "getal":
        if not re.fullmatch(r"[0-9]{1,12}([.,][0-9]{1,6})?", kaal):
            raise ValueError(f"'{zichtbaar(kaal)}' is geen getal (schrijf bijvoorbeeld 12 of 2.5)")
        return int(kaal) if kaal.isdigit() else float(kaal.replace(",", "."))
    if kaal.lower() in JA:
        return True
    if kaal.lower() in NEE:
        return None
    raise ValueError(f"'{zichtbaar(kaal)}' is geen ja of nee (laat de cel leeg voor nee)")


_KORT = {"nummer", "afspraak", "peildatum", "vastgelegd", "opvolger", "beoordeeld_door", "bron_soort", "bron_url",
         "bron_document", "bron_datum", "eenheid", "datum"}


def _rij(invoer: list[Invoer], rij: int, cellen: dict[str, str], naam: str, fouten: list[str]) -> None:
    """Read one row into the entries: a new entry, or a source and/or value of the last one."""
    waarden: dict[str, object] = {}
    for k, tekst in cellen.items():
        try:
            waarde = _waarde(PER_NAAM[k], tekst)
        except ValueError as fout:
            fouten.append(f"{naam}:{rij}: kolom {k}: {fout}")
            continue
        if waarde is not None:
            waarden[k] = waarde
    huidige = invoer[-1] if invoer else None
    nieuw = huidige is None or ("nummer" in waarden and waarden["nummer"] != huidige.velden.get("nummer")) \
        or ("nummer" not in waarden and "afspraak" in waarden)
    if nieuw:
        if "afspraak" not in waarden:
            if "afspraak" not in cellen:
                fouten.append(f"{naam}:{rij}: kolom afspraak: een nieuwe regel noemt de afspraak")
            return
        if not re.fullmatch(r"[0-9]{4}-[1-9][0-9]*", str(waarden["afspraak"])):
            fouten.append(f"{naam}:{rij}: kolom afspraak: schrijf een afspraak als <jaar>-<nummer>, "
                          f"bijvoorbeeld 2024-18, niet '{zichtbaar(str(waarden['afspraak']))}'")
            return
        huidige = Invoer(rij)
        invoer.append(huidige)
        for k in KOLOMMEN:
            if k.deel == REGEL and k.naam in waarden:
                huidige.velden[k.veld] = waarden[k.naam]
                huidige.herkomst[(k.veld,)] = (rij, k.naam)
    else:
        for k in KOLOMMEN:  # a repeated value (filled down in a spreadsheet) is fine; another is not
            if k.deel == REGEL and k.naam in waarden and waarden[k.naam] != huidige.velden.get(k.veld):
                fouten.append(f"{naam}:{rij}: kolom {k.naam}: deze rij hoort bij de regel van rij {huidige.rij}; "
                              "zet de velden van een regel alleen in zijn eerste rij")
    for deel in (BRON, WAARDE):
        velden = {k.veld: waarden[k.naam] for k in KOLOMMEN if k.deel == deel and k.naam in waarden}
        if velden and deel == WAARDE and "bron" not in velden and any(PER_NAAM[k].deel == BRON for k in waarden):
            velden["bron"] = len(huidige.velden[BRON])  # without `bron`: the source on the same row
        if velden:
            lijst = huidige.velden.setdefault(deel, [])
            for k in KOLOMMEN:
                if k.deel == deel and k.naam in waarden:
                    huidige.herkomst[(deel, len(lijst), k.veld)] = (rij, k.naam)
            huidige.herkomst[(deel, len(lijst))] = (rij, None)
            lijst.append(velden)
