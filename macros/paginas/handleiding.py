"""The editors' guide (/bijdragen/): its examples, field list and error table, from the data.

Everything the guide shows of the format comes from the JSON Schema (the one definition
of the format) and from the data files as editors find them, so it cannot go stale:
- `Voorbeeld`: a real commitment as it stands in its file, and where.
- `velden`: every field of a commitment, with its explanation, closed lists and an
  example from the data.
- `fouten`: mistakes made in that real commitment, each with the message the check
  gives. The tests make every mistake in a copy of the data and compare the messages.
- `voortgangfouten`: the same for progress entries: the common mistakes, each a whole
  entry about a real commitment, to add at the bottom of its year's voortgang.yaml.
Plain Python, no MkDocs.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

from ..gegevens.controles import gat, onbekend
from ..gegevens import voortgangcontroles as voortgang
from ..gegevens.laden import themabestand
from ..gegevens.model import Afspraak, Jaar, Model
from .voorbeelden import zoals_in_het_bestand

THEMASCHEMA = "thema.schema.json"


# --- the example commitment in its file -----------------------------------------------------

@dataclass(frozen=True)
class Voorbeeld:
    afspraak: Afspraak
    jaar: Jaar
    bestand: str  # relative to the data folder, e.g. 2030/woningbouw.yaml
    tekst: str  # the whole file
    blok: str  # the commitment's lines as they stand in the file

    @property
    def regel(self) -> int:
        """The file's line (1-based) where the commitment starts."""
        return self.tekst[:self.tekst.index(self.blok)].count("\n") + 1

    @property
    def index(self) -> int:
        """The commitment's place in its file's list (1-based), as messages name it; the
        model keeps a theme's commitments in file order."""
        thema = next(t for t in self.jaar.themas if t.thema == self.afspraak.thema)
        return [a.nummer for a in thema.afspraken].index(self.afspraak.nummer) + 1


def voorbeeld(datamap: Path, model: Model, afspraak: Afspraak | None) -> Voorbeeld | None:
    if afspraak is None:
        return None
    bestand = themabestand(afspraak.jaar, afspraak.thema)
    tekst = (datamap / bestand).read_text(encoding="utf-8")
    blok = zoals_in_het_bestand(tekst, afspraak.nummer)
    return Voorbeeld(afspraak, model.jaren[afspraak.jaar], bestand, tekst, blok) if blok else None


# --- the fields of a commitment -------------------------------------------------------------

@dataclass(frozen=True)
class Veld:
    naam: str
    uitleg: str
    verplicht: bool
    keuzes: tuple[str, ...] = ()  # a closed list: only these values
    delen: tuple["Veld", ...] = ()  # the fields of an item (doelen, gerelateerd) or object (termijn)
    voorbeeld: str | None = None  # YAML as in a data file, from the newest commitment that has it


class _Schemas:
    """The JSON Schemas of data/schema/, with their `$ref`s followed."""

    def __init__(self, map_: Path):
        self.map = map_
        self.bestanden: dict[str, dict] = {}

    def lees(self, naam: str) -> dict:
        if naam not in self.bestanden:
            self.bestanden[naam] = json.loads((self.map / naam).read_text(encoding="utf-8"))
        return self.bestanden[naam]

    def volg(self, deel: dict, bestand: str) -> tuple[dict, str]:
        """`deel` with its $ref resolved (descriptions of `deel` itself win)."""
        while "$ref" in deel:
            ref_bestand, _, pad = deel["$ref"].partition("#")
            bestand = ref_bestand or bestand
            verwezen = self.lees(bestand)
            for stap in filter(None, pad.split("/")):
                verwezen = verwezen[stap]
            deel = {**verwezen, **{k: v for k, v in deel.items() if k != "$ref"}}
        return deel, bestand


def velden(schemamap: Path, jaren: list[list[str]]) -> tuple[Veld, ...]:
    """Every field of a commitment, in the schema's order, each with an example from
    `jaren` (see `blokken`)."""
    schemas = _Schemas(schemamap)
    afspraak, bestand = schemas.volg({"$ref": "#/$defs/afspraak"}, THEMASCHEMA)
    return tuple(replace(v, voorbeeld=_voorbeeld(v.naam, jaren))
                 for v in _velden(schemas, afspraak, bestand))


def velden_van_bestand(schemamap: Path, schema: str) -> tuple[Veld, ...]:
    """The top-level fields of a data file (e.g. jaarschijf.schema.json), without examples."""
    schemas = _Schemas(schemamap)
    return _velden(schemas, schemas.lees(schema), schema)


def _velden(schemas: _Schemas, object_: dict, bestand: str) -> tuple[Veld, ...]:
    uit = []
    for naam, deel in object_["properties"].items():
        deel, waar = schemas.volg(deel, bestand)
        items, items_waar = schemas.volg(deel["items"], waar) if deel.get("type") == "array" else ({}, waar)
        binnen = items if items.get("type") == "object" else deel if deel.get("type") == "object" else None
        uit.append(Veld(
            naam=naam,
            uitleg=deel.get("description") or items.get("description", ""),
            verplicht=naam in object_.get("required", ()),
            keuzes=tuple(deel.get("enum", ())),
            delen=_velden(schemas, binnen, items_waar if binnen is items else waar) if binnen else (),
        ))
    return tuple(uit)


def _voorbeeld(naam: str, jaren: list[list[str]]) -> str | None:
    """The field's lines as they stand in a file: the shortest of the newest year that uses it."""
    for blokken in jaren:
        gevonden = [v for b in blokken if (v := veld_in_blok(b, naam)) and not v.endswith(": []")]
        if gevonden:
            return min(gevonden, key=len)
    return None


def veld_in_blok(blok: str, naam: str) -> str | None:
    """A field's lines in a commitment's lines, without the item's indentation."""
    regels = blok.split("\n")
    for i, regel in enumerate(regels):
        if re.match(rf"(  - |    ){re.escape(naam)}:", regel):
            einde = next((j for j in range(i + 1, len(regels)) if regels[j].strip()
                          and len(regels[j]) - len(regels[j].lstrip()) <= 4), len(regels))
            return "\n".join(r[4:] for r in regels[i:einde]).rstrip()
    return None


def blokken(datamap: Path, model: Model) -> list[list[str]]:
    """Per year, newest first, every commitment's lines as they stand in its file."""
    uit = []
    for jaar in sorted(model.jaren, reverse=True):
        van_jaar = []
        for thema in model.jaren[jaar].themas:
            tekst = (datamap / themabestand(jaar, thema.thema)).read_text(encoding="utf-8")
            van_jaar += [b for a in thema.afspraken if (b := zoals_in_het_bestand(tekst, a.nummer))]
        uit.append(van_jaar)
    return uit


# --- the error table ------------------------------------------------------------------------

@dataclass(frozen=True)
class Fout:
    melding: str  # what the check says after 'bestand:regel:kolom: veld: '
    wat_u_doet: str  # plain Dutch; `code` in backticks
    maak: Callable[[str], str]  # the mistake, made in the example's file text


def _in_blok(vb: Voorbeeld, wijzig: Callable[[str], str]) -> Callable[[str], str]:
    return lambda tekst: tekst.replace(vb.blok, wijzig(vb.blok), 1)


def _eerste(patroon: str, vervanging: str) -> Callable[[str], str]:
    return lambda blok: re.sub(patroon, vervanging, blok, count=1, flags=re.M)


def tikfout(id_: str) -> str:
    """'corporaties' as an editor might mistype it: two letters swapped."""
    return id_[:1] + id_[2] + id_[1] + id_[3:] if len(id_) > 3 and id_[1] != id_[2] else id_ + "x"


def voorbeeldregel(vb: Voorbeeld, model: Model) -> tuple[str, Fout] | None:
    """The guide's first example: the full line for a mistyped party or group, or None
    when the example commitment names none."""
    if not vb.afspraak.verantwoordelijk:
        return None
    id_ = vb.afspraak.verantwoordelijk[0]
    bekend = list(model.partijen) + list(model.groepen)
    fout_id = tikfout(id_)
    while fout_id in bekend:
        fout_id += "x"
    lijn = re.search(r"^ +verantwoordelijk: \[(.*)\]$", vb.blok, flags=re.M)
    if lijn is None:
        return None
    fout = Fout(onbekend("onbekende partij of groep", fout_id, bekend),
                "Een tikfout in een korte naam. Gebruik de naam uit `data/partijen.yaml`.",
                _in_blok(vb, lambda b: b.replace(lijn.group(0), lijn.group(0).replace(id_, fout_id, 1), 1)))
    regel = vb.regel + vb.blok[:lijn.start()].count("\n")
    kolom = lijn.group(0).index(id_) + 1
    return f"data/{vb.bestand}:{regel}:{kolom}: afspraken[{vb.index}].verantwoordelijk[1]: {fout.melding}", fout


def fouten(vb: Voorbeeld, model: Model) -> tuple[Fout, ...]:
    """The mistakes the guide explains, each made in the example commitment."""
    a = vb.afspraak
    nummers = sorted(x.nummer for x in model.jaren[a.jaar].afspraken)
    hoogste = max([n for n in nummers if n != a.nummer], default=0)
    ids = sorted(x.id for x in model.afspraken)
    fout_id = next((x for x in ids if x != a.id), a.id) + "0"
    while fout_id in ids:
        fout_id += "0"
    eerste_regel = vb.regel + vb.blok[:vb.blok.index(f"nummer: {a.nummer}")].count("\n")
    tabel = [x for x in (voorbeeldregel(vb, model),) if x]
    return tuple([f for _, f in tabel] + [
        Fout("onbekend veld 'titell'; bedoelde u 'titel'?",
             "Een veld met een tikfout, of een veld dat niet bestaat.",
             _in_blok(vb, _eerste(r"^(  - |    )titel:", r"\1titell:"))),
        Fout("verplicht veld 'titel' ontbreekt", "Elke afspraak heeft dit veld nodig.",
             _in_blok(vb, _eerste(r"^(  - |    )titel:", r"\1titell:"))),
        Fout(f"afspraak {a.nummer} bestaat al in dit jaar (data/{vb.bestand}:{eerste_regel}); "
             "een nummer komt één keer voor",
             "Twee afspraken hebben hetzelfde nummer. De melding noemt waar het andere staat.",
             _in_blok(vb, lambda b: b + "\n" + b)),
        Fout(onbekend("onbekende afspraak", fout_id, ids),
             "Een verwijzing naar een afspraak die niet bestaat. Een afspraak heet `jaar-nummer`.",
             _in_blok(vb, lambda b: b + f'\n    voortzetting_van: "{fout_id}"' if "voortzetting_van:" not in b
                      else re.sub(r'voortzetting_van: .*', f'voortzetting_van: "{fout_id}"', b, count=1))),
        Fout("onverwachte dubbele punt; zet tekst met ': ' tussen aanhalingstekens",
             "Zie de regels voor YAML hierboven.",
             _in_blok(vb, _eerste(r"^(  - |    )titel: ", r"\1titel: Let op: "))),
        Fout("de inspringing klopt niet: dit veld staat verder in dan de velden erboven",
             "Zet het veld precies onder de andere velden van de afspraak, met spaties.",
             _in_blok(vb, _eerste(r"^    (\w)", r"   \1"))),
        Fout("waarschuwing: " + gat(hoogste, max(nummers) + 2),
             "Controleer of er een afspraak mist. Staat het zo in de bron, dan is het goed.",
             _in_blok(vb, _eerste(rf"^(  - |    )nummer: {a.nummer}$", rf"\g<1>nummer: {max(nummers) + 2}"))),
    ])


# --- the error table for progress -------------------------------------------------------------

@dataclass(frozen=True)
class Voortgangfout:
    melding: str  # what the check says after 'bestand:regel:kolom: veld: '
    wat_u_doet: str  # plain Dutch; `code` in backticks
    regel: str  # a whole entry with this mistake, as lines to add at the bottom of voortgang.yaml


@dataclass(frozen=True)
class Voortgangfouten:
    afspraak: Afspraak  # the real commitment the entries are about
    goed: str  # the same entry without a mistake: the check says nothing about it
    fouten: tuple[Voortgangfout, ...]


def voortgangfouten(vb: Voorbeeld, model: Model, vandaag: date | None = None) -> Voortgangfouten:
    """The most common mistakes in a progress entry, each made in an entry about the example
    commitment (or one of its year with targets, so that the mistakes with targets can be shown)."""
    a = vb.afspraak if vb.afspraak.doelen else next(
        (x for x in model.jaren[vb.afspraak.jaar].afspraken if x.doelen), vb.afspraak)
    jaar = model.jaren[a.jaar]
    vandaag = vandaag or date.today()
    peil = min(date(a.jaar, 12, 31), vandaag)  # the day it describes: never after the check
    vastgelegd = max([peil.isoformat(), *(r.vastgelegd for r in jaar.voortgang)])
    nummer = max((r.nummer for r in jaar.voortgang), default=0) + 1

    def regel(status: str = "loopt", vastgelegd: str = vastgelegd, bron: bool = True,
              gerealiseerd: str = "", reden: bool = False) -> str:
        return (f"  - nummer: {nummer}\n    afspraak: \"{a.id}\"\n    peildatum: \"{peil.isoformat()}\"\n"
                f"    vastgelegd: \"{vastgelegd}\"\n    status: {status}\n"
                "    toelichting: Zo staat het ervoor.\n"
                + ("    reden: Zo is het gegaan.\n" if reden else "")
                + "    beoordeeld_door: redactie\n"
                + (f"    bronnen:\n      - {{titel: Bericht, soort: bericht, datum: \"{peil.isoformat()}\"}}\n"
                   if bron else "")
                + (f"    gerealiseerd:\n      - {{{gerealiseerd}}}\n" if gerealiseerd else ""))

    doelen = [asdict(d) for d in a.doelen]
    fouten = [
        Voortgangfout(voortgang.reden_ontbreekt("vertraagd"),
                      "Bij `vertraagd`, `stilgelegd` en `niet-gerealiseerd` zegt u in `reden` waarom.",
                      regel("vertraagd")),
        Voortgangfout(voortgang.bron_ontbreekt("loopt"),
                      "Zet onder `bronnen` het stuk waar het in staat, met titel en datum.",
                      regel(bron=False)),
        Voortgangfout(voortgang.geen_doel(len(doelen) + 1, a.id, doelen),
                      "`doel` is de plaats van het doel onder `doelen` van de afspraak: 1 is het eerste.",
                      regel(gerealiseerd=f"doel: {len(doelen) + 1}, aantal: 1, eenheid: woningen")),
    ]
    if doelen:
        eenheid = doelen[0]["eenheid"]
        ander = "procent" if eenheid != "procent" else "woningen"
        fouten.append(Voortgangfout(
            voortgang.andere_eenheid(1, eenheid, ander),
            "Gebruik de eenheid van het doel. Is die anders, dan noemt u waarschijnlijk het verkeerde doel.",
            regel(gerealiseerd=f"doel: 1, aantal: 1, eenheid: {ander}")))
    eerder = peil - timedelta(days=1)
    fouten.append(Voortgangfout(
        voortgang.voor_de_peildatum(eerder, peil),
        "De `peildatum` is de dag waarover de regel gaat; `vastgelegd` de dag waarop u hem schrijft. "
        "Die ligt nooit vóór de peildatum.",
        regel(vastgelegd=eerder.isoformat())))
    return Voortgangfouten(a, regel(), tuple(fouten))
