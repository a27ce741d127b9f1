"""Checking a data file against its JSON Schema, with messages in Dutch.

The schemas in data/schema/ are the one definition of the format: editors get
completion from them in their editor, and this module applies the same files.
"""
from __future__ import annotations

import difflib
import json
import math
import re
from datetime import date
from functools import cache, cached_property
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from . import tekstregels
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
        return f"het getal {waarde}" if math.isfinite(waarde) else f"'{waarde}' (geen gewoon getal)"
    if isinstance(waarde, str):
        return f"de tekst '{_kort(waarde)}'"
    if isinstance(waarde, list):
        return "een lijst"
    return "velden"


def _waarde(waarde: object) -> str:
    """A value as a message names it: 'stuks' for text, 5 for a number, else its kind."""
    if isinstance(waarde, str):
        return f"'{_kort(waarde, vouw=False)}'"
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        return str(waarde)
    return _typenaam(waarde)


def _kort(tekst: str, lengte: int = 40, vouw: bool = True) -> str:
    """At most `lengte` characters; `vouw` folds whitespace, which a message about the
    value itself must not do ('heidezand\\n' must show its newline)."""
    tekst = tekstregels.vouw(tekst) if vouw else tekst
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def suggestie(waarde: str, mogelijk: list[str]) -> str:
    """'; bedoelde u 'x'?' when one known value is close, else nothing."""
    dichtbij = difflib.get_close_matches(waarde, mogelijk, n=1, cutoff=0.6)
    return f"; bedoelde u '{dichtbij[0]}'?" if dichtbij else ""


@cache
def _tot_het_eind(patroon: str) -> re.Pattern:
    """A schema pattern as Python must read it: JSON Schema's `$` is the end of the text,
    Python's `$` also matches before a final newline ('woonborg\\n' would pass)."""
    if patroon.endswith("$") and not patroon.endswith("\\$"):
        patroon = patroon[:-1] + r"\Z"
    return re.compile(patroon)


def _patroon(validator, patroon, waarde, schema):
    if validator.is_type(waarde, "string") and not _tot_het_eind(patroon).search(waarde):
        yield ValidationError(f"{waarde!r} does not match {patroon!r}")


def _datum(waarde: object) -> bool:
    """A date that exists: 2023-02-30 has the right form, but no such day."""
    if not isinstance(waarde, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", waarde):
        return True  # the form is the pattern's to judge: one message per mistake
    try:
        date.fromisoformat(waarde)
    except ValueError:
        return False
    return True


# The format as data means it, stricter than JSON Schema's defaults: an integer is written
# as one (40.0 is not a commitment's number), a number is finite (.inf and .nan are not),
# a date exists.
_SOORTEN = Draft202012Validator.TYPE_CHECKER.redefine_many({
    "integer": lambda _, x: isinstance(x, int) and not isinstance(x, bool),
    "number": lambda _, x: isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x),
})
_FORMATEN = FormatChecker(formats=())
_FORMATEN.checks("date")(_datum)
Validator = validators.extend(Draft202012Validator, {"pattern": _patroon}, type_checker=_SOORTEN)


class Schemas:
    """All schemas of data/schema/, loaded once (`Schemas.lees`)."""

    NODIG = ("gemeenschappelijk", "gemeente", "partijen", "themas", "plaatsen", "documenten", "begrippen",
             "jaarschijf", "thema", "herstellingen", "voortgang")

    @classmethod
    def lees(cls, map_: Path, toonpad) -> tuple[Schemas | None, list[Melding]]:
        """The schemas, or why they cannot be used: a missing, unreadable or broken file."""
        meldingen, bronnen = [], {}
        for soort in cls.NODIG:
            pad = map_ / f"{soort}.schema.json"
            try:
                bronnen[pad.name] = json.loads(pad.read_text(encoding="utf-8"))
            except FileNotFoundError:
                meldingen.append(Melding(toonpad(pad), 1, 1, "", "het schema ontbreekt; zet het terug uit git"))
            except (OSError, UnicodeDecodeError) as fout:
                meldingen.append(Melding(toonpad(pad), 1, 1, "", f"het schema kan niet gelezen worden ({fout})"))
            except json.JSONDecodeError as fout:
                meldingen.append(Melding(toonpad(pad), fout.lineno, fout.colno, "",
                                         f"het schema is geen geldige JSON ({fout.msg})"))
        return (None, meldingen) if meldingen else (cls(map_, bronnen), [])

    def __init__(self, map_: Path, bronnen: dict[str, dict]):
        self.map = map_
        self._bronnen = bronnen
        self._register = Registry().with_resources(
            (naam, Resource.from_contents(inhoud, default_specification=DRAFT202012))
            for naam, inhoud in self._bronnen.items())

    @cached_property
    def _validators(self) -> dict[str, Draft202012Validator]:
        return {naam: Validator(inhoud, registry=self._register, format_checker=_FORMATEN)
                for naam, inhoud in self._bronnen.items()}

    def controleer(self, soort: str, bestand: Bestand) -> list[Melding]:
        validator: Validator = self._validators[f"{soort}.schema.json"]
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
    if soort == "format":
        return [bestand.melding(pad, f"{_waarde(fout.instance)} is geen bestaande datum")]
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
