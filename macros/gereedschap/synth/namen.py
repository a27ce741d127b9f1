"""Fictional names for the synthetic data, and years moved to the synthetic year."""
from __future__ import annotations

import re
import unicodedata

from . import LAATSTE_JAAR

# Fictional names, per kind. Counted on when the example has more of a kind.
FICTIEVE_GEMEENTE = "Voorbeeld"  # as the municipality's party: "Gemeente Voorbeeld"
FICTIEVE_PARTIJEN = {
    "gemeente": [("Gemeente Voorbeeld", "Gemeente Voorbeeld")],
    "woningcorporatie": [("Woonstichting Proef", "Woonstichting Proef"),
                         ("Fictief Wonen", "Woningcorporatie Fictief Wonen")],
    "huurdersorganisatie": [("HV Proefhuurders", "Huurdersvereniging Proefhuurders"),
                            ("Huurdersbelang Fictief", "Stichting Huurdersbelang Fictief")],
}
FICTIEVE_PLAATSEN = {
    "stad": ["Proefstad", "Oefenburg"],
    "dorp": ["Proefwolde", "Oefenveen", "Voorbeeldorp", "Testerhuizen", "Fictiemond", "Verzinlo"],
    "kern": ["Kern Proefhoek", "Kern Oefenhuizen"],
    "deelgebied": ["Deelgebied P", "Deelgebied Q", "Deelgebied R", "Deelgebied S"],
    "wijk": ["Wijk Proeftuin", "Wijk Oefenhof"],
    "buurt": ["Buurt Testhof", "Buurt Nepakker"],
    "straat": ["Voorbeeldstraat", "Proeflaan"],
}
INITIALEN = "ABCDEGHJKLMPRSTW"
ACHTERNAMEN = ["Voorbeeldman", "Proefsma", "Testerink", "Oefenga", "Fictiema", "Verzinga", "Nepstra"]
AANHEF = ["de heer", "mevrouw"]
AMBTSTERMIJN = 4  # years a signatory stays in office

# A part of a name that is also used alone ("Volmacht" for "De Volmacht").
_VOORVOEGSELS = ("Gemeente ", "De ", "de ", "Het ", "het ")
# Words a title does not end on.
_JAARTAL = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def id_van(naam: str) -> str:
    """An id (lower case, digits, hyphens) from a name."""
    ascii_ = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "x"


def uniek(id_: str, gezien: set[str]) -> str:
    kandidaat, n = id_, 2
    while kandidaat in gezien:
        kandidaat, n = f"{id_}-{n}", n + 1
    gezien.add(kandidaat)
    return kandidaat


def genummerd(pool: list, i: int):
    """Item i of a name pool; past its end the names get a number (' 2', ' 3', ...)."""
    naam = pool[i % len(pool)]
    if i < len(pool):
        return naam
    achtervoegsel = f" {i // len(pool) + 1}"
    return tuple(n + achtervoegsel for n in naam) if isinstance(naam, tuple) else naam + achtervoegsel


class Namen:
    """Real names -> fictional ones, in every text taken from the example data."""

    def __init__(self, paren: list[tuple[str, str, bool]]):
        """`paren`: (real, fictional, case-sensitive). Longer names win over their parts."""
        self._precies: dict[str, str] = {}
        self._klein: dict[str, str] = {}
        delen = []
        for echt, fictief, hoofdlettergevoelig in sorted(paren, key=lambda p: -len(p[0])):
            if not echt or echt in self._precies or echt.lower() in self._klein:
                continue
            self._precies[echt] = fictief
            if hoofdlettergevoelig:
                delen.append(re.escape(echt))
            else:
                self._klein[echt.lower()] = fictief
                delen.append(f"(?i:{re.escape(echt)})")
        self.patroon = re.compile(r"(?<!\w)(?:" + "|".join(delen) + r")(?!\w)") if delen else None

    def vervang(self, tekst: str) -> str:
        if self.patroon is None:
            return tekst
        return self.patroon.sub(lambda m: self._precies.get(m.group(0)) or self._klein[m.group(0).lower()], tekst)


def naamparen(echt: str, fictief: str) -> list[tuple[str, str, bool]]:
    """A name, its short form without prefix (case-sensitive) and its compact forms ('aaenhunze')."""
    paren = [(echt, fictief, False)]
    kort_echt, kort_fictief = _kort(echt), _kort(fictief)
    if kort_echt != echt:
        paren.append((kort_echt, kort_fictief, True))
    for e, f in ((echt, fictief), (kort_echt, kort_fictief)):
        compact = "".join(e.split()).lower()
        if compact != e.lower():
            paren.append((compact, "".join(f.split()).lower(), False))
    return paren


def _kort(naam: str) -> str:
    for voorvoegsel in _VOORVOEGSELS:
        if naam.startswith(voorvoegsel) and len(naam) > len(voorvoegsel):
            return naam[len(voorvoegsel):]
    return naam


def verschuif(tekst: str, jaren: int) -> str:
    """Years in a text moved by `jaren` (2024 -> 2031), never past the schema's last year."""
    if not jaren:
        return tekst
    return _JAARTAL.sub(lambda m: str(min(LAATSTE_JAAR, int(m.group(1)) + jaren)), tekst)
