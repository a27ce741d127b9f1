"""Checks of one commitment: who its text names as doing it, and the shape of its targets.

Who: every party or group in `uitvoerders` exists, its words are the commitment's own,
and words without a subject (`volgens: tussenkop`) name only the sub-heading's parties.
A text that names some parties of a group heading, without `uitvoerders`, is worth a look:
the whole group would get the commitment (a warning).

Targets: a part (`deel_van`) names a total of the same commitment, in the same unit, that
is not itself a part; totals have distinct ids; exact parts do not add up to more than
their exact total.

Run on parsed files like the other checks (controles.py), so every access is defensive.
"""
from __future__ import annotations

import re
from typing import Callable

from .controlehulp import dicts, lijst, onbekend, onbekende
from .meldingen import WAARSCHUWING, Melding
from .tekstregels import vouw
from .yamlbestand import Bestand

PARTIJ_OF_GROEP = "onbekende partij of groep"


def uitvoerders(b: Bestand, pad: tuple, a: dict, bekend: list[str],
                leden: Callable[[list], set[str] | None], namen: dict[str, str]) -> list[Melding]:
    """`bekend`: party and group ids; `leden(ids)`: the parties behind ids, None when one is
    unknown; `namen`: party id -> its short name."""
    meldingen: list[Melding] = []
    tekst = a.get("tekst")
    verantwoordelijk = [v for v in lijst(a.get("verantwoordelijk")) if isinstance(v, str)]
    kop = leden(verantwoordelijk)
    for k, u in dicts(a.get("uitvoerders")):
        plek = pad + ("uitvoerders", k)
        for m, wie in enumerate(lijst(u.get("wie"))):
            meldingen += onbekende(b, plek + ("wie", m), wie, bekend, PARTIJ_OF_GROEP)
        woorden = u.get("woorden")
        if isinstance(woorden, str) and isinstance(tekst, str) and vouw(woorden) not in vouw(tekst):
            meldingen.append(b.melding(plek + ("woorden",), woorden_niet_in_tekst()))
        if u.get("volgens") == "tussenkop" and kop is not None:
            for m, wie in enumerate(lijst(u.get("wie"))):
                achter = leden([wie]) if isinstance(wie, str) else None
                if achter is not None and not achter <= kop:
                    meldingen.append(b.melding(plek + ("wie", m), niet_onder_de_kop(wie, verantwoordelijk)))
    if "uitvoerders" not in a and kop is not None and isinstance(tekst, str):
        if genoemd := deel_van_de_kop_genoemd(tekst, kop, namen):
            meldingen.append(b.melding(pad + ("verantwoordelijk",),
                                       tekst_noemt_partij([namen[p] for p in genoemd]), WAARSCHUWING))
    return meldingen


def deel_van_de_kop_genoemd(tekst: str, kop: set[str], namen: dict[str, str]) -> dict[str, str]:
    """The parties of a sub-heading of several whose name the text uses, when it names some
    but not all of them (naming all excludes none): party id -> the words as in the text."""
    genoemd = {}
    for p, naam in namen.items():
        if p in kop and (gevonden := re.search(rf"(?<!\w){re.escape(naam)}(?!\w)", tekst, flags=re.IGNORECASE)):
            genoemd[p] = gevonden.group(0)
    return genoemd if len(kop) > 1 and len(genoemd) < len(kop) else {}


def woorden_niet_in_tekst() -> str:
    return "deze woorden staan niet in de tekst van de afspraak; neem ze letterlijk uit 'tekst' over"


def niet_onder_de_kop(wie: str, verantwoordelijk: list[str]) -> str:
    kop = ", ".join(verantwoordelijk) if verantwoordelijk else "niemand"
    return (f"'{wie}' valt niet onder de tussenkop van deze afspraak (verantwoordelijk: {kop}); "
            "met 'volgens: tussenkop' noemt u alleen partijen van de tussenkop")


def tekst_noemt_partij(namen: list[str]) -> str:
    wie = " en ".join(filter(None, (", ".join(namen[:-1]), namen[-1])))
    return (f"de tekst noemt {wie}, de tussenkop een groep: zeg met 'uitvoerders' wie het volgens de "
            "tekst doet, anders krijgt elke partij van de groep deze afspraak")


def doelen(b: Bestand, pad: tuple, a: dict) -> list[Melding]:
    meldingen: list[Melding] = []
    items = dict(dicts(a.get("doelen")))
    totalen: dict[str, int] = {}  # id -> index of its target
    for j, d in items.items():
        id_ = d.get("id")
        if not isinstance(id_, str):
            continue
        if id_ in totalen:
            meldingen.append(b.melding(pad + ("doelen", j, "id"), dubbel_id(id_, totalen[id_] + 1)))
        else:
            totalen[id_] = j
    for j, d in items.items():
        naar = d.get("deel_van")
        if not isinstance(naar, str):
            continue
        plek = pad + ("doelen", j, "deel_van")
        if naar not in totalen:
            meldingen.append(b.melding(plek, onbekend_totaal(naar, list(totalen))))
            continue
        totaal = items[totalen[naar]]
        if totaal.get("deel_van") is not None:
            meldingen.append(b.melding(plek, deel_van_een_deel(naar)))
        elif isinstance(d.get("eenheid"), str) and isinstance(totaal.get("eenheid"), str) \
                and d["eenheid"] != totaal["eenheid"]:
            meldingen.append(b.melding(plek, andere_eenheid(d["eenheid"], naar, totaal["eenheid"])))
    for naar, j in totalen.items():
        totaal = items[j]
        delen = [d for d in items.values() if d.get("deel_van") == naar and d is not totaal]
        aantallen = [d.get("aantal") for d in delen if d.get("grens") is None]
        if (delen and totaal.get("grens") is None and _getal(totaal.get("aantal"))
                and all(_getal(x) for x in aantallen) and sum(aantallen) > totaal["aantal"]):
            meldingen.append(b.melding(pad + ("doelen", j, "aantal"),
                                       delen_meer_dan_totaal(naar, sum(aantallen), totaal["aantal"])))
    return meldingen


def _getal(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _tal(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def dubbel_id(id_: str, eerder: int) -> str:
    return f"het id '{id_}' staat al bij doelen[{eerder}] van deze afspraak; geef elk totaal een eigen id"


def onbekend_totaal(naar: str, bekend: list[str]) -> str:
    if not bekend:
        return (f"geen doel van deze afspraak heeft 'id: {naar}'; geef het totaal waar dit getal een deel "
                "van is dat id")
    return onbekend("onbekend totaal", naar, bekend) + " (een 'id' van een doel van deze afspraak)"


def deel_van_een_deel(naar: str) -> str:
    return f"'{naar}' is zelf een deel van een ander doel; een deel hoort bij een totaal"


def andere_eenheid(eenheid: str, naar: str, van_totaal: str) -> str:
    return (f"een deel telt in dezelfde eenheid als zijn totaal: hier '{eenheid}', bij '{naar}' "
            f"'{van_totaal}'")


def delen_meer_dan_totaal(naar: str, som: float, totaal: float) -> str:
    return (f"de delen van '{naar}' tellen op tot {_tal(som)}, meer dan het totaal {_tal(totaal)}; "
            "is een van die getallen zelf een totaal?")
