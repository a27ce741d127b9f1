"""Checks on the words of a year's texts, on the parsed files like controles.py.

A mark of the source ([…], [sic]) comes with a note that says what the document has
there; a commitment whose text names a moment ('in 2024', 'Q1') has a deadline, or the
page would say none was named.
"""
from __future__ import annotations

import re
from typing import Iterator

from .meldingen import WAARSCHUWING, Melding
from .model import MARKERINGEN
from .yamlbestand import Bestand

# A moment in a commitment's text: a year after a word of time ('in 2024', 'voor 2027',
# 'uiterlijk 2028', 't/m 2028') or a quarter ('Q1'). Such a text has a deadline to show.
MOMENT = re.compile(r"\b(?:in|voor|tot|uiterlijk|t/m|vanaf|eind)\s+(?:Q[1-4]\s+)?(?:19|20)[0-9]{2}\b|\bQ[1-4]\b",
                    re.IGNORECASE)


def teksten(data, pad: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text in a file's data, with its path."""
    if isinstance(data, str):
        yield pad, data
    elif isinstance(data, dict):
        for sleutel, waarde in data.items():
            yield from teksten(waarde, pad + (sleutel,))
    elif isinstance(data, list):
        for i, waarde in enumerate(data):
            yield from teksten(waarde, pad + (i,))


def _op(data, pad: tuple):
    """The part of `data` at `pad` (keys and list positions), or None."""
    for stap in pad:
        if isinstance(data, dict) and isinstance(stap, str):
            data = data.get(stap)
        elif isinstance(data, list) and isinstance(stap, int) and stap < len(data):
            data = data[stap]
        else:
            return None
    return data


def markeringen(b: Bestand) -> list[Melding]:
    """A mark of the source ([…] or [sic]) is explained by a note of the object around it:
    the commitment, the table, the theme, the signing or the year."""
    meldingen = []
    for pad, tekst in teksten(b.data):
        if "opmerkingen" in pad or pad[-1:] == ("opmerking",):
            continue
        for markering in (m for m in MARKERINGEN if m in tekst):
            rondom = (_op(b.data, pad[:n]) for n in range(len(pad) - 1, -1, -1))
            if not any(isinstance(r, dict) and (isinstance(r.get("opmerkingen"), list) and r["opmerkingen"] or r.get("opmerking")) for r in rondom):
                meldingen.append(b.melding(pad, zonder_uitleg(markering)))
    return meldingen


def zonder_uitleg(markering: str) -> str:
    """The error for a mark of the source without a note that explains it."""
    return (f"de tekst heeft {markering}, maar geen opmerking die zegt wat daar in het document staat; "
            "zet die in 'opmerkingen' (van de afspraak, het thema of het jaar)")


def termijn(b: Bestand, pad: tuple, afspraak: dict) -> list[Melding]:
    """A warning when the commitment at `pad` names a moment in its text but has no deadline."""
    tekst = afspraak.get("tekst")
    if isinstance(tekst, str) and "termijn" not in afspraak and (moment := MOMENT.search(tekst)):
        return [b.melding(pad + ("tekst",), zonder_termijn(moment.group(0)), WAARSCHUWING)]
    return []


def zonder_termijn(moment: str) -> str:
    """The warning for a text that names a moment without a deadline in the data."""
    return (f"de tekst noemt een moment ('{moment}'), maar de afspraak heeft geen 'termijn'; "
            "vul die in, zodat de site bij 'Wanneer' niet 'Geen termijn genoemd' zegt")
