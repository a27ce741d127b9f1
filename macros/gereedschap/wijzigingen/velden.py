"""Two versions of one thing, field by field: what changed, as readers see it."""
from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import fields, is_dataclass
from typing import Any

from ...gegevens.model import (Afspraak, Begrip, Document, Groep, Jaar, Ondertekenaar, Partij, Plaats, Rol, Tabel, Thema,
                               ThemaInJaar)
from ...gegevens.tekstregels import ALINEASCHEIDING as ALINEA
from ...paginas.opmaak import cel, veldnaam
from .markdown import aanhalen, md
from .overzicht import Paar, Veld
from .tonen import DATUMS, VERWIJZINGEN, als_geheel, toon
from .woordverschil import woordverschil

# Items of a list that keep their identity when they change: (key field, field naming it).
SLEUTELS = {Tabel: ("id", "titel"), Ondertekenaar: ("partij", "partij"), Rol: ("kop", "kop")}

# Fields in the order the site shows them, where that differs from the model's order.
VOLGORDE = {Jaar: ("titel", "motto", "inleiding", "delen", "focus", "grondslagen", "rollen",
                   "ondertekening")}

# Fields that are not compared where they occur: keys, and what is reported elsewhere
# (a commitment's expanded parties and who it is attributed to follow from
# `verantwoordelijk`, `uitvoerders` and the groups).
OVERSLAAN = {
    Afspraak: {"jaar", "nummer", "partijen", "toegerekend"},
    ThemaInJaar: {"jaar", "thema", "afspraken"},
    Jaar: {"jaar", "themas", "voortgang"},  # progress: voortgang.py
    Tabel: {"id"},
    Ondertekenaar: {"partij"},
    Partij: {"id"}, Groep: {"id"}, Thema: {"id"}, Plaats: {"id"}, Document: {"id"}, Begrip: {"id"},
}

KORT = 100  # characters: longer text is shown as a quote, with context around each change
CONTEXT = 10  # words kept on either side of a change in a long text


def was_wordt(veld: str, a: Any, b: Any, paar: Paar) -> str:
    if a is None or a == ():
        return f"nieuw: {aanhalen(toon(veld, b, paar.nieuw))}"
    if b is None or b == ():
        return f"weggehaald (was {aanhalen(toon(veld, a, paar.oud))})"
    return f"was {aanhalen(toon(veld, a, paar.oud))}, wordt {aanhalen(toon(veld, b, paar.nieuw))}"


def velden(a: Any, b: Any, paar: Paar, voorvoegsel: str = "") -> list[Veld]:
    """Every field that differs between two versions of one thing, in field order."""
    overslaan = OVERSLAAN.get(type(b), set())
    eerst = VOLGORDE.get(type(b), ())
    namen = sorted((f.name for f in fields(b)), key=lambda n: eerst.index(n) if n in eerst else len(eerst))
    lijst: list[Veld] = []
    for naam in namen:
        x, y = getattr(a, naam), getattr(b, naam)
        if naam in overslaan or x == y:
            continue
        label = voorvoegsel + (veldnaam(naam).lower() if voorvoegsel else veldnaam(naam))
        if naam == "rijen" and isinstance(b, Tabel):
            lijst.append(Veld(label, tuple(_rijen(a, b, paar))))
        else:
            lijst += veld(naam, x, y, paar, label)
    return lijst


def _is_tekst(naam: str, a: Any, b: Any) -> bool:
    """Text compared word by word: both versions text, or one long text added or removed."""
    if naam in VERWIJZINGEN or naam in DATUMS or not {type(a), type(b)} <= {str, type(None)}:
        return False
    return (a is not None and b is not None) or len(a or b) > KORT


def veld(naam: str, a: Any, b: Any, paar: Paar, label: str) -> list[Veld]:
    """How one field changed; the parts of a changed part each get their own line."""
    if _is_tekst(naam, a, b):
        a, b = a or "", b or ""
        if len(a) > KORT or len(b) > KORT or ALINEA in a + b:
            return [Veld(label, blok=woordverschil(a, b, CONTEXT))]
        return [Veld(label, (woordverschil(a, b),))]
    if isinstance(a, tuple) and isinstance(b, tuple):
        if sleutel := _sleutel(a + b):
            return _per_sleutel(naam, a, b, sleutel, paar, label)
        return [Veld(label, tuple(_lijst(naam, a, b, paar)))]
    if is_dataclass(a) and type(a) is type(b):
        return _geheel(naam, a, b, paar, label)
    return [Veld(label, (was_wordt(naam, a, b, paar),))]


def _geheel(naam: str, a: Any, b: Any, paar: Paar, label: str) -> list[Veld]:
    """Two versions of one thing: word by word as the site shows it (a target, a deadline),
    or part by part when the site shows its parts apart or the change is in a hidden part."""
    oud, nieuw = als_geheel(a, paar.oud), als_geheel(b, paar.nieuw)
    if oud is None or oud == nieuw:
        return velden(a, b, paar, label + ", ")
    return [Veld(label, (woordverschil(oud, nieuw),))]


def _lijst(naam: str, a: tuple, b: tuple, paar: Paar) -> list[str]:
    """What was added to, removed from or changed in a list; replaced items paired in order."""
    if Counter(a) == Counter(b):
        return [f"andere volgorde: {toon(naam, b, paar.nieuw)} (was {toon(naam, a, paar.oud)})"]
    regels: list[str] = []
    for soort, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if soort == "equal":
            continue
        paren = min(i2 - i1, j2 - j1) if soort == "replace" else 0
        for x, y in zip(a[i1:i1 + paren], b[j1:j1 + paren]):
            if _is_tekst(naam, x, y):
                regels.append(woordverschil(x, y, CONTEXT).replace(ALINEA, " ¶ "))
            elif is_dataclass(x) and type(x) is type(y):
                oud, nieuw = als_geheel(x, paar.oud), als_geheel(y, paar.nieuw)
                if oud is not None and oud != nieuw:
                    regels.append(woordverschil(oud, nieuw))
                else:
                    regels += [v.als_regel() for v in velden(x, y, paar, aanhalen(toon(naam, x, paar.oud)) + ", ")]
            else:
                regels.append(was_wordt(naam, x, y, paar))
        regels += [f"eraf: {aanhalen(toon(naam, x, paar.oud))}" for x in a[i1 + paren:i2]]
        regels += [f"erbij: {aanhalen(toon(naam, y, paar.nieuw))}" for y in b[j1 + paren:j2]]
    return regels


def _sleutel(items: tuple) -> tuple[str, str] | None:
    """For list items that keep their identity when they change (a table): the field that
    identifies them and the field that names them."""
    soorten = {type(x) for x in items}
    return SLEUTELS.get(soorten.pop()) if len(soorten) == 1 else None


def _per_sleutel(naam: str, a: tuple, b: tuple, sleutels: tuple[str, str], paar: Paar,
                 label: str) -> list[Veld]:
    sleutel, naamveld = sleutels
    oud = {getattr(x, sleutel): x for x in a}
    nieuw = {getattr(x, sleutel): x for x in b}
    if len(oud) < len(a) or len(nieuw) < len(b):  # a key used twice: compare as a plain list
        return [Veld(label, tuple(_lijst(naam, a, b, paar)))]
    lijst: list[Veld] = []
    for k, y in nieuw.items():
        if k not in oud:
            lijst.append(Veld(label, (f"erbij: {aanhalen(toon(naam, y, paar.nieuw))}",)))
        elif oud[k] != y:
            lijst += velden(oud[k], y, paar, f"{label} {aanhalen(toon(naamveld, getattr(y, naamveld), paar.nieuw))}, ")
    lijst += [Veld(label, (f"eraf: {aanhalen(toon(naam, x, paar.oud))}",)) for k, x in oud.items() if k not in nieuw]
    if not lijst:  # the same items in another order
        lijst.append(Veld(label, tuple(_lijst(naam, a, b, paar))))
    return lijst


def _rijen(oud: Tabel, nieuw: Tabel, paar: Paar) -> list[str]:
    """A table's rows: cell by cell when rows and columns stayed, else rows added and removed."""
    a, b = oud.rijen, nieuw.rijen
    if len(a) == len(b) and all(len(x) == len(y) == len(nieuw.kolommen) for x, y in zip(a, b)):
        return [f"rij {r + 1} ({md(cel(y[0]))}), kolom {aanhalen(md(nieuw.kolommen[k]))}: "
                + "; ".join(v.als_regel().removeprefix("cel: ") for v in veld("cel", cx, cy, paar, "cel"))
                for r, (x, y) in enumerate(zip(a, b)) for k, (cx, cy) in enumerate(zip(x, y)) if cx != cy]
    return _lijst("rij", tuple("; ".join(map(cel, rij)) for rij in a),
                  tuple("; ".join(map(cel, rij)) for rij in b), paar)
