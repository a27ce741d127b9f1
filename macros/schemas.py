"""Checking a data file against its JSON Schema, with messages in Dutch.

The schemas in data/schema/ are the one definition of the format: editors get
completion from them in their editor, and this module applies the same files.
"""
from __future__ import annotations

import difflib
import json
from functools import cached_property
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .meldingen import Melding
from .yamlbestand import Bestand

_TYPEN = {
    "string": "tekst", "integer": "een geheel getal", "number": "een getal",
    "boolean": "ja of nee (true/false)", "array": "een lijst", "object": "velden (veld: waarde)",
    "null": "leeg (null)",
}


def _typenaam(waarde: object) -> str:
    if waarde is None:
        return "niets"
    if isinstance(waarde, bool):
        return "ja/nee"
    if isinstance(waarde, int):
        return f"het getal {waarde}"
    if isinstance(waarde, float):
        return f"het getal {waarde}"
    if isinstance(waarde, str):
        return f"de tekst '{_kort(waarde)}'"
    if isinstance(waarde, list):
        return "een lijst"
    return "velden"


def _waarde(waarde: object) -> str:
    """A value as a message names it: 'stuks' for text, 5 for a number, else its kind."""
    if isinstance(waarde, str):
        return f"'{_kort(waarde)}'"
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        return str(waarde)
    return _typenaam(waarde)


def _kort(tekst: str, lengte: int = 40) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def suggestie(waarde: str, mogelijk: list[str]) -> str:
    """'; bedoelde u 'x'?' when one known value is close, else nothing."""
    dichtbij = difflib.get_close_matches(waarde, mogelijk, n=1, cutoff=0.6)
    return f"; bedoelde u '{dichtbij[0]}'?" if dichtbij else ""


class Schemas:
    """All schemas of data/schema/, loaded once."""

    def __init__(self, map_: Path):
        self.map = map_
        self._bronnen = {p.name: json.loads(p.read_text(encoding="utf-8"))
                         for p in sorted(map_.glob("*.schema.json"))}
        self._register = Registry().with_resources(
            (naam, Resource.from_contents(inhoud, default_specification=DRAFT202012))
            for naam, inhoud in self._bronnen.items())

    @cached_property
    def _validators(self) -> dict[str, Draft202012Validator]:
        return {naam: Draft202012Validator(inhoud, registry=self._register)
                for naam, inhoud in self._bronnen.items()}

    def controleer(self, soort: str, bestand: Bestand) -> list[Melding]:
        validator = self._validators[f"{soort}.schema.json"]
        meldingen = []
        for fout in validator.iter_errors(bestand.data):
            meldingen += _vertaal(fout, bestand)
        return meldingen


def _zelfde_soort(waarde: object, schema: dict) -> bool:
    soorten = schema.get("type", [])
    soorten = soorten if isinstance(soorten, list) else [soorten]
    return (isinstance(waarde, dict) and "object" in soorten) or (isinstance(waarde, list) and "array" in soorten)


def _vertaal(fout: ValidationError, bestand: Bestand) -> list[Melding]:
    """One jsonschema error as one or more Dutch messages at the right position."""
    pad = tuple(fout.absolute_path)
    soort = fout.validator
    if soort == "additionalProperties":
        toegestaan = sorted(fout.schema.get("properties", {}))
        onbekend = [k for k in fout.instance if k not in toegestaan]
        return [bestand.melding(pad + (k,), f"onbekend veld '{k}'{suggestie(str(k), toegestaan)}",
                                sleutel=True) for k in onbekend]
    if soort == "required":
        veld = fout.message.split("'")[1]
        return [bestand.melding(pad, f"verplicht veld '{veld}' ontbreekt")]
    if soort == "type":
        verwacht = fout.validator_value
        verwacht = verwacht if isinstance(verwacht, list) else [verwacht]
        namen = " of ".join(_TYPEN[t] for t in verwacht)
        return [bestand.melding(pad, f"verwacht {namen}, maar er staat {_typenaam(fout.instance)}")]
    if soort == "enum":
        opties = [str(o) for o in fout.validator_value]
        return [bestand.melding(pad, f"{_waarde(fout.instance)} is geen geldige waarde; kies uit: "
                                f"{', '.join(opties)}{suggestie(str(fout.instance), opties)}")]
    if soort == "const":
        return [bestand.melding(pad, f"hier hoort precies {json.dumps(fout.validator_value)}")]
    if soort == "pattern":
        uitleg = fout.schema.get("x-melding", f"voldoet niet aan het patroon {fout.validator_value}")
        return [bestand.melding(pad, f"{_waarde(fout.instance)} is geen geldige waarde: {uitleg}")]
    if soort == "minLength":
        return [bestand.melding(pad, "mag niet leeg zijn")]
    if soort == "minItems":
        return [bestand.melding(pad, f"hier hoort minstens {fout.validator_value} item in de lijst")]
    if soort == "uniqueItems":
        return [bestand.melding(pad, "een waarde staat dubbel in deze lijst")]
    if soort == "minimum":
        return [bestand.melding(pad, f"moet minstens {fout.validator_value} zijn")]
    if soort == "maximum":
        return [bestand.melding(pad, f"mag hoogstens {fout.validator_value} zijn")]
    if soort in ("anyOf", "oneOf"):
        # When one alternative has the instance's type (an object for an object), the
        # problem is inside it: report that, e.g. a misspelled key in a table cell.
        passend = [f for f in fout.context if f.validator != "type" and
                   _zelfde_soort(fout.instance, fout.schema[soort][f.schema_path[0]])]
        if passend:
            return [m for f in passend for m in _vertaal(f, bestand)]
        # Otherwise the schema's description says what fits; it is written for editors.
        uitleg = fout.schema.get("description", "de waarde past bij geen van de toegestane vormen")
        return [bestand.melding(pad, f"ongeldige waarde: {uitleg[0].lower()}{uitleg[1:]}")]
    return [bestand.melding(pad, fout.message)]
