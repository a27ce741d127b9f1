"""What changes for readers between two versions of the data: the summary for reviewers.

`vergelijk` compares two models (as `laad` returns them) and `als_markdown` writes the
result as Dutch Markdown, for a pull request's job summary and for a terminal.
`data_op_versie` gets the data folder as it was at a git version; `draai` is the
command behind `python -m macros wijzigingen BASE`. Plain Python, no MkDocs.

The comparison is on the model, not on YAML text: reformatting a file changes nothing
for readers and shows nothing here. Fields are compared generically, so a field added
to the model later is reported without a change here (under its own name until it gets
a label in opmaak.VELDNAMEN).

A page can also change without its own data changing: a commitment's page links to the
commitments that continue it or name it, so a new year lists, under each earlier year,
the pages that get such a link. The municipality's name is the site's name, on every page.
"""
from __future__ import annotations

import difflib
import io
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

from ..gegevens.laden import GegevensFout, laad_of_stop
from ..gegevens.model import (Afspraak, Begrip, Cel, Doel, Document, Gemeente, Grondslag, Groep, Jaar, Model,
                    Ondertekenaar, Ondertekening, Partij, Plaats, Relatie, Rol, Tabel, Termijn, Thema,
                    ThemaInJaar, GAT)
from ..gegevens.tekstregels import ALINEASCHEIDING as ALINEA, normaal
from ..paginas.adressen import afspraak_url, jaar_url, thema_url
from ..paginas.opmaak import cel, datum, doeltekst, getal, veldnaam

LEEG = Model(gemeente=Gemeente(""), partijen={}, groepen={}, themas={}, plaatsen={}, documenten={}, begrippen={}, jaren={})

# Fields that hold ids: shown by the name of what they point to.
VERWIJZINGEN = {
    "verantwoordelijk": "partij", "partijen": "partij", "leden": "partij", "partij": "partij",
    "vertegenwoordigt_huurders_van": "partij", "plaatsen": "plaats", "ligt_in": "plaats",
    "documenten": "document", "document": "document", "thema": "thema", "themas": "thema",
    "zie_ook": "begrip", "voortzetting_van": "afspraak", "afspraak": "afspraak",
}
DATUMS = {"datum", "geldig_vanaf", "vastgesteld"}

# Items of a list that keep their identity when they change: (key field, field naming it).
SLEUTELS = {Tabel: ("id", "titel"), Ondertekenaar: ("partij", "partij"), Rol: ("kop", "kop")}

# Fields in the order the site shows them, where that differs from the model's order.
VOLGORDE = {Jaar: ("titel", "motto", "inleiding", "delen", "focus", "grondslagen", "rollen",
                   "ondertekening")}

# Fields that are not compared where they occur: keys, and what is reported elsewhere
# (a commitment's expanded parties follow from `verantwoordelijk` and the groups).
OVERSLAAN = {
    Afspraak: {"jaar", "nummer", "partijen"},
    ThemaInJaar: {"jaar", "thema", "afspraken"},
    Jaar: {"jaar", "themas"},
    Tabel: {"id"},
    Ondertekenaar: {"partij"},
    Partij: {"id"}, Groep: {"id"}, Thema: {"id"}, Plaats: {"id"}, Document: {"id"}, Begrip: {"id"},
}

KORT = 100  # characters: longer text is shown as a quote, with context around each change
CONTEXT = 10  # words kept on either side of a change in a long text


class GitFout(Exception):
    """A problem with git or the version asked for; the message is for the user."""


# --- Markdown -----------------------------------------------------------------------------

_MD_TEKENS = re.compile(r"([\\`*_~|])")
_GAT_OF_HAAK = re.compile(re.escape(GAT) + r"|\[|\]")
# What makes a line a heading, list item or rule; only text that starts a line needs it escaped.
_REGELBEGIN = re.compile(r"(?m)^([#+-]|\d+[.)](?=\s|$))")


def md(tekst: str) -> str:
    """Data text as inline Markdown that shows exactly that text, on GitHub and in a terminal.

    HTML is neutralised (GitHub renders inline HTML); `[…]`, the mark for missing
    words, stays as it is.
    """
    tekst = re.sub(r"&(?=#?\w+;)", "&amp;", tekst).replace("<", "&lt;").replace(">", "&gt;")
    tekst = _MD_TEKENS.sub(r"\\\1", tekst)
    return _GAT_OF_HAAK.sub(lambda m: m.group(0) if m.group(0) == GAT else "\\" + m.group(0), tekst)


def code(tekst: str) -> str:
    return "`" + tekst.replace("`", "'") + "`"


def aanhalen(tekst: str) -> str:
    return f"‘{tekst}’"


# --- Word diff ----------------------------------------------------------------------------

_WOORD_OF_ALINEA = re.compile(rf"{ALINEA}|\S+")  # the model keeps words apart by one space


def _woorden(tekst: str) -> list[str]:
    return _WOORD_OF_ALINEA.findall(normaal(tekst))


def _aaneen(stukken: list[str]) -> str:
    """Words and marked stretches joined by spaces; no space around a paragraph break."""
    return re.sub(rf" ?{ALINEA} ?", ALINEA, " ".join(stukken))


def _markeer(tag: str, woorden: list[str]) -> str:
    """Words wrapped in <del> or <ins>; a tag never spans two paragraphs."""
    alineas = " ".join(woorden).split(ALINEA)
    return ALINEA.join(f"<{tag}>{md(a.strip())}</{tag}>" if a.strip() else "" for a in alineas)


def woordverschil(oud: str, nieuw: str, context: int | None = None) -> str:
    """`nieuw` as Markdown, with the words that differ from `oud` marked <del> and <ins>.

    With `context`, an unchanged stretch keeps that many words next to each change and
    the rest becomes "…".
    """
    a, b = _woorden(oud), _woorden(nieuw)
    codes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    stukken = []
    for i, (soort, i1, i2, j1, j2) in enumerate(codes):
        if soort == "equal":
            stukken.append(md(_aaneen(_ingekort(b[j1:j2], context, i == 0, i == len(codes) - 1))))
        else:
            stukken.append(_aaneen([_markeer("del", a[i1:i2]) if i2 > i1 else "",
                                    _markeer("ins", b[j1:j2]) if j2 > j1 else ""]).strip(" "))
    return _REGELBEGIN.sub(_escape_regelbegin, _aaneen(stukken).strip())


def _escape_regelbegin(m: re.Match) -> str:
    teken = m.group(0)
    return teken[:-1] + "\\" + teken[-1]  # "\-", "\#", "1\."


def _ingekort(woorden: list[str], context: int | None, begin: bool, eind: bool) -> list[str]:
    if context is None:
        return woorden
    voor = [] if begin else woorden[:context]
    na = [] if eind else woorden[len(woorden) - context:]
    if len(voor) + len(na) + 1 >= len(woorden):
        return woorden
    return voor + ["…"] + na


# --- Showing values -----------------------------------------------------------------------

def _afspraaknaam(id_: str, model: Model) -> str:
    jaar, nummer = id_.split("-")
    try:
        return f"afspraak {nummer} ({jaar}): {model.afspraak(id_).titel}"
    except KeyError:  # a commitment in another version only
        return f"afspraak {nummer} ({jaar})"


def _naam(soort: str, id_: str, model: Model) -> str:
    """The name readers see for an id, from the version it belongs to; the id when unknown."""
    if soort == "afspraak":
        return _afspraaknaam(id_, model)
    if soort == "partij":
        ding = model.partijen.get(id_) or model.groepen.get(id_)
    else:
        ding = {"plaats": model.plaatsen, "document": model.documenten, "thema": model.themas,
                "begrip": model.begrippen}[soort].get(id_)
    for naamveld in ("naam", "titel", "term"):
        if hasattr(ding, naamveld):
            return getattr(ding, naamveld)
    return id_


def _als_geheel(ding: Any, model: Model) -> str | None:
    """How the site shows a thing that is one value to a reader (a target, a deadline…);
    None for things whose parts are shown apart."""
    if isinstance(ding, Doel):
        return doeltekst(ding, _naam("plaats", ding.plaats, model) if ding.plaats else None)
    if isinstance(ding, Termijn):
        return ding.tekst  # its year and quarter, when they change alone, are shown apart
    if isinstance(ding, Relatie):
        return f"{_afspraaknaam(ding.afspraak, model)}. {ding.reden}"
    if isinstance(ding, Grondslag):
        return _naam("document", ding.document, model)
    if isinstance(ding, Cel):
        return cel(ding)
    if isinstance(ding, Rol):
        return ding.kop
    if isinstance(ding, Ondertekenaar):
        return f"{_naam('partij', ding.partij, model)}: {ding.naam}, {ding.functie}"
    if isinstance(ding, Tabel):
        return ding.titel
    return None


def toon(veld: str, waarde: Any, model: Model) -> str:
    """A value as readers see it, as Markdown."""
    if waarde is None or waarde == ():
        return "niets"
    if isinstance(waarde, tuple):
        return ", ".join(toon(veld, w, model) for w in waarde)
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float) or veld == "aantal":
        return getal(waarde)
    if isinstance(waarde, str) and veld in VERWIJZINGEN:
        return md(_naam(VERWIJZINGEN[veld], waarde, model))
    if isinstance(waarde, str) and veld in DATUMS:
        try:
            return datum(waarde)
        except ValueError:
            return md(waarde)
    if isinstance(waarde, Ondertekening):  # signed or not yet: the rest shows on the year page
        return f"ondertekend op {toon('datum', waarde.datum, model)} in {md(waarde.plaats)}"
    if is_dataclass(waarde):
        geheel = _als_geheel(waarde, model)
        if geheel is not None:
            return md(geheel)
        return "; ".join(f"{veldnaam(f.name)}: {toon(f.name, getattr(waarde, f.name), model)}"
                         for f in fields(waarde) if getattr(waarde, f.name) not in (None, (), ""))
    return md(str(waarde))


# --- Comparing things ---------------------------------------------------------------------

@dataclass(frozen=True)
class Veld:
    """One changed field, ready to print: lines after its label, or a text diff as a quote."""
    label: str
    regels: tuple[str, ...] = ()
    blok: str = ""

    def als_regel(self) -> str:
        return f"{self.label}: " + ("; ".join(self.regels) or self.blok.replace(ALINEA, " ¶ "))


@dataclass(frozen=True)
class Onderdeel:
    """One thing that is new, gone or changed: a commitment, a theme, a party…"""
    naam: str  # Markdown
    pad: str | None = None  # its page on the site
    uitleg: str = ""  # Markdown, after the name
    velden: tuple[Veld, ...] = ()
    # The parties who should review this change; None: all of them (text they signed
    # together, or data every year uses).
    meekijken: frozenset[str] | None = None


@dataclass(frozen=True)
class Sectie:
    kop: str
    nieuw: tuple[Onderdeel, ...] = ()
    weg: tuple[Onderdeel, ...] = ()
    gewijzigd: tuple[Onderdeel, ...] = ()
    # Pages that change because of other things (a link to a new commitment), after `tekst`.
    meeveranderd: tuple[Onderdeel, ...] = ()
    tekst: str = ""

    @property
    def onderdelen(self) -> tuple[Onderdeel, ...]:
        return (*self.nieuw, *self.weg, *self.gewijzigd, *self.meeveranderd)

    def __bool__(self) -> bool:
        return bool(self.onderdelen)


@dataclass(frozen=True)
class Hoofdstuk:
    kop: str
    tekst: tuple[str, ...] = ()  # Markdown paragraphs under the heading
    secties: tuple[Sectie, ...] = ()
    iedereen: bool = False  # all parties should review (a year added or removed)

    @property
    def onderdelen(self) -> tuple[Onderdeel, ...]:
        return tuple(o for s in self.secties for o in s.onderdelen)


@dataclass(frozen=True)
class Overzicht:
    """Everything that changes, and who should review it (party names, in party order)."""
    hoofdstukken: tuple[Hoofdstuk, ...]
    meekijken: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Paar:
    """The two models, so that each id is named from the version it belongs to."""
    oud: Model
    nieuw: Model


def _was_wordt(veld: str, a: Any, b: Any, paar: _Paar) -> str:
    if a is None or a == ():
        return f"nieuw: {aanhalen(toon(veld, b, paar.nieuw))}"
    if b is None or b == ():
        return f"weggehaald (was {aanhalen(toon(veld, a, paar.oud))})"
    return f"was {aanhalen(toon(veld, a, paar.oud))}, wordt {aanhalen(toon(veld, b, paar.nieuw))}"


def velden(a: Any, b: Any, paar: _Paar, voorvoegsel: str = "") -> list[Veld]:
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


def veld(naam: str, a: Any, b: Any, paar: _Paar, label: str) -> list[Veld]:
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
    return [Veld(label, (_was_wordt(naam, a, b, paar),))]


def _geheel(naam: str, a: Any, b: Any, paar: _Paar, label: str) -> list[Veld]:
    """Two versions of one thing: word by word as the site shows it (a target, a deadline),
    or part by part when the site shows its parts apart or the change is in a hidden part."""
    oud, nieuw = _als_geheel(a, paar.oud), _als_geheel(b, paar.nieuw)
    if oud is None or oud == nieuw:
        return velden(a, b, paar, label + ", ")
    return [Veld(label, (woordverschil(oud, nieuw),))]


def _lijst(naam: str, a: tuple, b: tuple, paar: _Paar) -> list[str]:
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
                oud, nieuw = _als_geheel(x, paar.oud), _als_geheel(y, paar.nieuw)
                if oud is not None and oud != nieuw:
                    regels.append(woordverschil(oud, nieuw))
                else:
                    regels += [v.als_regel() for v in velden(x, y, paar, aanhalen(toon(naam, x, paar.oud)) + ", ")]
            else:
                regels.append(_was_wordt(naam, x, y, paar))
        regels += [f"eraf: {aanhalen(toon(naam, x, paar.oud))}" for x in a[i1 + paren:i2]]
        regels += [f"erbij: {aanhalen(toon(naam, y, paar.nieuw))}" for y in b[j1 + paren:j2]]
    return regels


def _sleutel(items: tuple) -> tuple[str, str] | None:
    """For list items that keep their identity when they change (a table): the field that
    identifies them and the field that names them."""
    soorten = {type(x) for x in items}
    return SLEUTELS.get(soorten.pop()) if len(soorten) == 1 else None


def _per_sleutel(naam: str, a: tuple, b: tuple, sleutels: tuple[str, str], paar: _Paar,
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


def _rijen(oud: Tabel, nieuw: Tabel, paar: _Paar) -> list[str]:
    """A table's rows: cell by cell when rows and columns stayed, else rows added and removed."""
    a, b = oud.rijen, nieuw.rijen
    if len(a) == len(b) and all(len(x) == len(y) == len(nieuw.kolommen) for x, y in zip(a, b)):
        return [f"rij {r + 1} ({md(cel(y[0]))}), kolom {aanhalen(md(nieuw.kolommen[k]))}: "
                + "; ".join(v.als_regel().removeprefix("cel: ") for v in veld("cel", cx, cy, paar, "cel"))
                for r, (x, y) in enumerate(zip(a, b)) for k, (cx, cy) in enumerate(zip(x, y)) if cx != cy]
    return _lijst("rij", tuple("; ".join(map(cel, rij)) for rij in a),
                  tuple("; ".join(map(cel, rij)) for rij in b), paar)


# --- Comparing models ---------------------------------------------------------------------

def _naam_afspraak(a: Afspraak) -> str:
    return md(f"Afspraak {a.nummer} ({a.jaar}): {a.titel}")


def _pad(url: str) -> str:
    return "/" + url


def _partijen(*afspraken: Afspraak) -> frozenset[str] | None:
    """The parties responsible for these commitments; None (all) when one names nobody."""
    if any(not a.partijen for a in afspraken):
        return None
    return frozenset(p for a in afspraken for p in a.partijen)


def _nieuwe_afspraak(a: Afspraak, model: Model) -> Onderdeel:
    wie = toon("verantwoordelijk", a.verantwoordelijk, model) if a.verantwoordelijk else "niet genoemd"
    return Onderdeel(_naam_afspraak(a), _pad(afspraak_url(a.id)),
                     f"thema {md(model.themas[a.thema].naam)}; wie doet het: {wie}", meekijken=_partijen(a))


def _afspraken(oud: Jaar, nieuw: Jaar, paar: _Paar) -> Sectie:
    a = {x.nummer: x for x in oud.afspraken}
    b = {x.nummer: x for x in nieuw.afspraken}
    return Sectie(
        "Afspraken",
        nieuw=tuple(_nieuwe_afspraak(b[n], paar.nieuw) for n in b if n not in a),
        weg=tuple(Onderdeel(_naam_afspraak(a[n]), uitleg=f"de pagina {code(_pad(afspraak_url(a[n].id)))} "
                            "verdwijnt", meekijken=_partijen(a[n])) for n in a if n not in b),
        gewijzigd=tuple(Onderdeel(_naam_afspraak(b[n]), _pad(afspraak_url(b[n].id)), velden=tuple(v),
                                  meekijken=_partijen(a[n], b[n]))
                        for n in b if n in a and (v := velden(a[n], b[n], paar))),
    )


def _themas_in_jaar(oud: Jaar, nieuw: Jaar, paar: _Paar) -> Sectie:
    a = {t.thema: t for t in oud.themas}
    b = {t.thema: t for t in nieuw.themas}

    def onderdeel(t: ThemaInJaar, model: Model, **rest) -> Onderdeel:
        return Onderdeel(md(model.themas[t.thema].naam), _pad(thema_url(t.jaar, t.thema)), **rest)
    return Sectie(
        f"Thema's in {nieuw.jaar}",
        nieuw=tuple(onderdeel(b[t], paar.nieuw, uitleg="" if b[t].afspraken else "nog zonder afspraken")
                    for t in b if t not in a),
        weg=tuple(onderdeel(a[t], paar.oud, uitleg="de themapagina verdwijnt") for t in a if t not in b),
        gewijzigd=tuple(onderdeel(b[t], paar.nieuw, velden=tuple(v))
                        for t in b if t in a and (v := velden(a[t], b[t], paar))),
    )


# What a commitment's page shows of the commitments that point at it: the heading it is
# under on the page, the ids of those commitments, the ids the commitment itself names
# under that heading (a link the page has either way), and how one relates (still / no longer).
TERUGVERWIJZINGEN = (
    ("In andere jaren", lambda model, a: [x.id for x in model.opvolgers(a.id)],
     lambda a: [a.voortzetting_van], "die deze afspraak voortzet", "die deze afspraak voortzette"),
    ("Hangt samen met", lambda model, a: [x.id for x in model.genoemd_bij(a.id)],
     lambda a: [r.afspraak for r in a.gerelateerd],
     "die naar deze afspraak verwijst", "die naar deze afspraak verwees"),
)


def _andere_links(oud: Afspraak, nieuw: Afspraak, paar: _Paar) -> str:
    """The links to other commitments that appear on or vanish from a commitment's page
    because those commitments point at it (a new year continuing it); "" when none do.
    What the commitment itself names is one of its own fields, reported as such."""
    delen = []
    for kop, van_anderen, eigen, nu, toen in TERUGVERWIJZINGEN:
        a, b = van_anderen(paar.oud, oud), van_anderen(paar.nieuw, nieuw)
        op_a, op_b = {*a, *eigen(oud)}, {*b, *eigen(nieuw)}  # every link under the heading
        delen += [f"bij {aanhalen(kop)} komt een link naar {aanhalen(md(_afspraaknaam(i, paar.nieuw)))}, {nu}"
                  for i in b if i not in op_a]
        delen += [f"bij {aanhalen(kop)} verdwijnt de link naar {aanhalen(md(_afspraaknaam(i, paar.oud)))}, {toen}"
                  for i in a if i not in op_b]
    return "; ".join(delen)


def _meeveranderd(oud: Jaar, nieuw: Jaar, paar: _Paar) -> Sectie:
    a = {x.nummer: x for x in oud.afspraken}
    return Sectie(
        "Pagina's die meeveranderen",
        tekst="Op de pagina van deze afspraken komt een link naar een andere afspraak bij, of verdwijnt er "
              "een, omdat die andere afspraak nieuw is, weg is of is gewijzigd:",
        meeveranderd=tuple(Onderdeel(_naam_afspraak(x), _pad(afspraak_url(x.id)), uitleg, meekijken=_partijen(x))
                           for x in nieuw.afspraken
                           if x.nummer in a and (uitleg := _andere_links(a[x.nummer], x, paar))),
    )


def _jaarschijf(oud: Jaar, nieuw: Jaar, paar: _Paar) -> Sectie:
    v = tuple(velden(oud, nieuw, paar))
    return Sectie("Het jaar zelf: inleiding, rollen, ondertekening",
                  gewijzigd=(Onderdeel(md(nieuw.titel), _pad(jaar_url(nieuw.jaar)), velden=v),) if v else ())


def _aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def _jaar(oud: Jaar, nieuw: Jaar, paar: _Paar) -> Hoofdstuk | None:
    afspraken = _afspraken(oud, nieuw, paar)
    secties = tuple(s for s in (afspraken, _themas_in_jaar(oud, nieuw, paar), _jaarschijf(oud, nieuw, paar),
                                _meeveranderd(oud, nieuw, paar)) if s)
    if not secties:
        return None
    telling = ", ".join(f"{len(lijst)} {wat}" for wat, lijst in (
        ("nieuw", afspraken.nieuw), ("weg", afspraken.weg), ("gewijzigd", afspraken.gewijzigd)) if lijst)
    return Hoofdstuk(str(nieuw.jaar), (f"Afspraken: {telling}.",) if telling else (), secties)


def _namen(namen: list[str]) -> str:
    """'A', 'A en B', 'A, B en C'."""
    return " en ".join(filter(None, (", ".join(namen[:-1]), namen[-1])))


def _inhoud(j: Jaar, model: Model) -> str:
    """What a year holds, in words: its commitments and the themes that have them. A theme
    without commitments (as `make nieuw-jaar` makes them) is not content, only a page to fill."""
    if not j.afspraken:
        return "Er staan nog geen afspraken in."
    leeg = [md(model.themas[t.thema].naam) for t in j.themas if not t.afspraken]
    tekst = (f"Het heeft {_aantal(len(j.afspraken), 'afspraak', 'afspraken')} in "
             f"{_aantal(len(j.themas) - len(leeg), 'thema', 'thema’s')}.")
    if leeg:
        tekst += (f" Het thema {leeg[0]} heeft" if len(leeg) == 1 else f" De thema’s {_namen(leeg)} hebben")
        tekst += " nog geen afspraken."
    return tekst


def _nieuw_jaar(j: Jaar, model: Model) -> Hoofdstuk:
    tekst = " ".join([f"Nieuw jaar op de site: {md(j.titel)} ({code(_pad(jaar_url(j.jaar)))}).",
                      _inhoud(j, model), *([] if j.ondertekening else ["Het is nog niet ondertekend."])])
    afspraken = Sectie("Afspraken", nieuw=tuple(_nieuwe_afspraak(a, model) for a in j.afspraken))
    return Hoofdstuk(f"{j.jaar} (nieuw)", (tekst,), (afspraken,) if afspraken else (), iedereen=True)


def _jaar_weg(j: Jaar) -> Hoofdstuk:
    wat = f"met {_aantal(len(j.afspraken), 'afspraak', 'afspraken')}" if j.afspraken else "nog zonder afspraken"
    return Hoofdstuk(f"{j.jaar} (weg)", (
        f"Dit jaar verdwijnt van de site: {md(j.titel)}, {wat}. Alle pagina's onder "
        f"{code(_pad(jaar_url(j.jaar)))} verdwijnen.",), iedereen=True)


# Shared data: (section heading, model attribute, the field that names each thing).
GEDEELD = (
    ("Thema's", "themas", "naam"),
    ("Partijen", "partijen", "naam"),
    ("Groepen van partijen", "groepen", "naam"),
    ("Plaatsen", "plaatsen", "naam"),
    ("Beleidsstukken", "documenten", "titel"),
    ("Begrippen", "begrippen", "term"),
)


def _gemeente(paar: _Paar) -> Sectie:
    """The municipality: its name is in the site's name, on every page (everyone reviews)."""
    a, b = paar.oud.gemeente, paar.nieuw.gemeente
    if a == b:
        return Sectie("Gemeente")
    if not a.naam:  # compared with nothing
        return Sectie("Gemeente", nieuw=(Onderdeel(md(b.naam), uitleg=f"de site heet {aanhalen(md(b.sitenaam))}"),))
    site = (Veld("Naam van de site, op elke pagina", (_was_wordt("sitenaam", a.sitenaam, b.sitenaam, paar),)),)
    return Sectie("Gemeente", gewijzigd=(Onderdeel(md(b.naam), velden=(
        *velden(a, b, paar), *(site if a.sitenaam != b.sitenaam else ()))),))


def _gedeeld(paar: _Paar) -> Hoofdstuk | None:
    secties = [_gemeente(paar)]
    for kop, attribuut, naamveld in GEDEELD:
        a, b = getattr(paar.oud, attribuut), getattr(paar.nieuw, attribuut)
        # a party's own data is for that party to review; the rest concerns everyone
        wie = (lambda k: frozenset({k})) if attribuut == "partijen" else (lambda k: None)
        secties.append(Sectie(
            kop,
            nieuw=tuple(Onderdeel(md(getattr(b[k], naamveld)), meekijken=wie(k)) for k in b if k not in a),
            weg=tuple(Onderdeel(md(getattr(a[k], naamveld)), meekijken=wie(k)) for k in a if k not in b),
            gewijzigd=tuple(Onderdeel(md(getattr(b[k], naamveld)), velden=tuple(v), meekijken=wie(k))
                            for k in b if k in a and (v := velden(a[k], b[k], paar))),
        ))
    secties = [s for s in secties if s]
    return Hoofdstuk("Voor alle jaren", secties=tuple(secties)) if secties else None


def vergelijk(oud: Model, nieuw: Model) -> Overzicht:
    """What changes for readers from `oud` to `nieuw`: newest year first, then shared data."""
    paar = _Paar(oud, nieuw)
    hoofdstukken: list[Hoofdstuk | None] = []
    for jaar in sorted(set(oud.jaren) | set(nieuw.jaren), reverse=True):
        if jaar not in oud.jaren:
            hoofdstukken.append(_nieuw_jaar(nieuw.jaren[jaar], nieuw))
        elif jaar not in nieuw.jaren:
            hoofdstukken.append(_jaar_weg(oud.jaren[jaar]))
        else:
            hoofdstukken.append(_jaar(oud.jaren[jaar], nieuw.jaren[jaar], paar))
    hoofdstukken.append(_gedeeld(paar))
    gevonden = tuple(h for h in hoofdstukken if h)
    return Overzicht(gevonden, _meekijken(gevonden, paar))


def _meekijken(hoofdstukken: tuple[Hoofdstuk, ...], paar: _Paar) -> tuple[str, ...]:
    """The names of the parties who should review, in the order of partijen.yaml."""
    if not hoofdstukken:
        return ()
    onderdelen = [o for h in hoofdstukken for o in h.onderdelen]
    if any(h.iedereen for h in hoofdstukken) or any(o.meekijken is None for o in onderdelen):
        ids = set(paar.nieuw.partijen)
    else:
        ids = set().union(*(o.meekijken for o in onderdelen))
    volgorde = [*paar.nieuw.partijen, *(p for p in paar.oud.partijen if p not in paar.nieuw.partijen)]
    return tuple(_naam("partij", p, paar.nieuw if p in paar.nieuw.partijen else paar.oud)
                 for p in volgorde if p in ids)


# --- Markdown output ----------------------------------------------------------------------

KOP = "## Wijzigingen in de gegevens"
MEEKIJKEN = "### Wie moet meekijken"


def _onderdeel_regel(o: Onderdeel) -> str:
    regel = f"**{o.naam}**" + (f" ({code(o.pad)})" if o.pad else "")
    return regel + (f": {o.uitleg}" if o.uitleg else "")


def _veld_regels(v: Veld) -> list[str]:
    if v.blok:
        return [f"- **{v.label}**:", "", *(f"  > {r}".rstrip() for r in v.blok.split("\n")), ""]
    if len(v.regels) == 1:
        return [f"- **{v.label}**: {v.regels[0]}"]
    return [f"- **{v.label}**:", *(f"  - {r}" for r in v.regels)]


def als_markdown(overzicht: Overzicht, versie: str, vooraf: tuple[str, ...] = ()) -> str:
    """The summary for reviewers: who should review, and what readers of the site will see change."""
    regels = [KOP, ""]
    for tekst in vooraf:
        regels += [tekst, ""]
    if not overzicht.hoofdstukken:
        regels.append(f"Geen wijzigingen in de gegevens ten opzichte van {code(versie)}.")
        return "\n".join(regels) + "\n"
    regels += [f"Vergeleken met {code(versie)}: dit zien lezers van de site anders. "
               "<del>Doorgestreept</del> is weggehaald, <ins>onderstreept</ins> is erbij gekomen.", ""]
    regels += [MEEKIJKEN, "", "Deze partijen gaat de wijziging aan. Vraag hun goedkeuring:", "",
               *(f"- {md(naam)}" for naam in overzicht.meekijken), ""]
    for h in overzicht.hoofdstukken:
        regels += [f"### {h.kop}", ""]
        for tekst in h.tekst:
            regels += [tekst, ""]
        for s in h.secties:
            regels += [f"#### {s.kop}", ""]
            for titel, lijst in (("Nieuw", s.nieuw), ("Weg", s.weg)):
                if lijst:
                    regels += [f"{titel}:", "", *(f"- {_onderdeel_regel(o)}" for o in lijst), ""]
            if s.gewijzigd:
                regels += ["Gewijzigd:", ""]
            for o in s.gewijzigd:
                regels += [_onderdeel_regel(o), ""]
                for v in o.velden:
                    regels += _veld_regels(v)
                regels.append("")
            if s.meeveranderd:
                regels += [s.tekst, "", *(f"- {_onderdeel_regel(o)}" for o in s.meeveranderd), ""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(regels)).rstrip("\n") + "\n"


def fouten_als_markdown(fout: GegevensFout) -> str:
    """The errors in the data, one per line, as `make check` prints them."""
    n = len(fout.fouten)
    return "\n".join([
        KOP, "",
        f"De gegevens in deze versie hebben {_aantal(n, 'fout', 'fouten')}. Los die eerst op; daarna "
        "staat hier wat er voor lezers verandert. `make check` geeft dezelfde meldingen.", "",
        "```text", *fout.regels, "```", ""])


# --- Git ----------------------------------------------------------------------------------

def _git(map_: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "-C", str(map_), *args], capture_output=True)
    except FileNotFoundError:
        raise GitFout("Het programma git is niet gevonden. Installeer git om te vergelijken.") from None


def _git_zegt(uit: subprocess.CompletedProcess) -> str:
    tekst = uit.stderr.decode("utf-8", "replace").strip().splitlines()
    return f"\n(git zegt: {tekst[0]})" if tekst else ""


def data_op_versie(datamap: Path, versie: str, doel: Path) -> Path | None:
    """Write the data folder as it is at git version `versie` into `doel`.

    The repository is the one that holds `datamap`. Returns the folder written, or None
    when the data folder did not exist at that version. Raises GitFout when there is no
    repository or `versie` is unknown.
    """
    datamap = Path(datamap).resolve()
    map_ = datamap if datamap.is_dir() else datamap.parent
    top = _git(map_, "rev-parse", "--show-toplevel")
    if top.returncode:
        raise GitFout(f"De map {datamap} hoort niet bij een git-repository, dus er is niets om mee "
                      f"te vergelijken.{_git_zegt(top)}")
    repo = Path(top.stdout.decode().strip()).resolve()
    # a version that looks like an option never reaches git as one
    commit = None if versie.startswith("-") else _git(repo, "rev-parse", "--verify", "--quiet", f"{versie}^{{commit}}")
    if commit is None or commit.returncode:
        raise GitFout(f"Onbekende versie '{versie}': dat is geen branch, tag of commit in {repo}. "
                      "Haal hem eerst op (bijvoorbeeld met git fetch origin main) of kies een andere.")
    sha = commit.stdout.decode().strip()
    if not datamap.is_relative_to(repo):  # reached through a link from outside the repository
        raise GitFout(f"De map {datamap} ligt niet in de git-repository {repo}.")
    pad = datamap.relative_to(repo).as_posix()
    if _git(repo, "cat-file", "-e", f"{sha}:{'' if pad == '.' else pad}").returncode:
        return None
    archief = _git(repo, "archive", "--format=tar", sha, *([] if pad == "." else [pad]))
    if archief.returncode:
        raise GitFout(f"De gegevens van versie '{versie}' zijn niet uit git te halen.{_git_zegt(archief)}")
    with tarfile.open(fileobj=io.BytesIO(archief.stdout)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4+: no links or paths outside `doel`
            tar.extractall(doel, filter="data")
        else:
            tar.extractall(doel)
    return Path(doel) / pad


def _oude_gegevens(oude_map: Path | None, versie: str, mapnaam: str) -> tuple[Model, tuple[str, ...]]:
    """The model at the earlier version, and what the reader must know first about it.

    Without usable data there, everything is compared with nothing (all new), and the
    summary says why at the top.
    """
    if oude_map is None:
        return LEEG, (f"In {code(versie)} is er nog geen map {code(mapnaam + '/')} met gegevens: "
                      "alles hieronder is nieuw.",)
    try:
        return laad_of_stop(oude_map), ()
    except GegevensFout as fout:
        return LEEG, (f"De gegevens in {code(versie)} hebben {_aantal(len(fout.fouten), 'fout', 'fouten')} "
                      "en zijn daarom niet te lezen: alles hieronder staat als nieuw. De fouten daar:",
                      "\n".join(["```text", *fout.regels, "```"]))
    except Exception as fout:  # noqa: BLE001 - an old version may predate the current format
        return LEEG, (f"De gegevens in {code(versie)} zijn niet te lezen met deze versie van de code "
                      f"({md(type(fout).__name__)}): alles hieronder staat als nieuw.",)


def draai(datamap: Path, versie: str, uit: Path | None = None) -> int:
    """`python -m macros wijzigingen BASE`: 0 when compared, 1 when the data has errors,
    2 when there is nothing to compare (no repository, unknown version)."""
    if not Path(datamap).is_dir():
        print(f"De map met gegevens bestaat niet: {datamap}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tijdelijk:
        try:
            oude_map = data_op_versie(datamap, versie, Path(tijdelijk))
        except GitFout as fout:
            print(fout, file=sys.stderr)
            return 2
        try:
            nu = laad_of_stop(datamap)
        except GegevensFout as fout:
            return _schrijf(fouten_als_markdown(fout), uit, afloop=1)
        oud, vooraf = _oude_gegevens(oude_map, versie, Path(datamap).name)
    return _schrijf(als_markdown(vergelijk(oud, nu), versie, vooraf), uit, afloop=0)


def _schrijf(tekst: str, uit: Path | None, afloop: int) -> int:
    """Print the summary or write it to `uit`; returns `afloop` (the exit code), or 2 when it cannot be written."""
    if uit is None:
        sys.stdout.write(tekst)
        return afloop
    try:
        Path(uit).write_text(tekst, encoding="utf-8")
    except OSError as fout:
        print(f"Kan niet schrijven naar {uit}: {fout.strerror or fout}", file=sys.stderr)
        return 2
    return afloop
