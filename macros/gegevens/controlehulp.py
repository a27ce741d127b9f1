"""Small tools the checks across files share: defensive access to parsed data, and the
message for an unknown id.

Data that failed its schema may have any shape when the checks run, so every access
here tolerates a wrong one: the schema check has already reported it.
"""
from __future__ import annotations

from typing import Iterator

from .meldingen import Melding
from .schemas import suggestie
from .yamlbestand import Bestand

OPSOMMEN_TOT = 20  # a list of known ids longer than this is not spelled out in a message


def lijst(waarde) -> list:
    return waarde if isinstance(waarde, list) else []


def dicts(waarde) -> Iterator[tuple[int, dict]]:
    for i, item in enumerate(lijst(waarde)):
        if isinstance(item, dict):
            yield i, item


def veld(data, *sleutels):
    for sleutel in sleutels:
        if not isinstance(data, dict):
            return None
        data = data.get(sleutel)
    return data


def onbekende(bestand: Bestand, pad: tuple, waarde, bekend: list[str], wat: str) -> list[Melding]:
    """`wat` says it in Dutch with the right article form: 'onbekende partij', 'onbekend document'.

    A short list of the known ids follows, so an editor sees what fits; a close match
    comes last, as the likely fix."""
    if not isinstance(waarde, str) or waarde in bekend:
        return []
    return [bestand.melding(pad, onbekend(wat, waarde, bekend))]


def onbekend(wat: str, waarde: str, bekend: list[str]) -> str:
    """'onbekende plaats 'x'; bekend zijn: a, b; bedoelde u 'a'?' (the guide quotes it)."""
    opgesomd = f"; bekend zijn: {', '.join(bekend)}" if 0 < len(bekend) <= OPSOMMEN_TOT else ""
    return f"{wat} '{waarde}'{opgesomd}{suggestie(waarde, bekend)}"
