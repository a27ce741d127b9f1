"""Checks across files: every id points at something that exists.

These run on the parsed files (not the model), because the model is only built
when everything is valid, and because positions come from the files. Data that
failed its schema may have any shape here, so every access is defensive: a
wrong shape is already reported by the schema check.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Iterator

from . import bronteksten, voortgangcontroles, wie_en_doelen
from .controlehulp import OPSOMMEN_TOT, onbekend  # noqa: F401 (the guide quotes them from here)
from .controlehulp import dicts as _dicts, lijst as _lijst, onbekende as _onbekend, veld as _veld
from .gelezen import Gelezen, Jaarmap
from .meldingen import WAARSCHUWING, Melding
from .tekstcontroles import markeringen, teksten, termijn
from .schemas import suggestie
from .yamlbestand import Bestand

_SCHEMA_REGEL = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)")

# What 'make nieuw-jaar' leaves for an editor in a new year's files: the comment above each
# text copied from the year before, and the start of a placeholder for a required text that
# could not be copied. Both stay warnings until the editor has dealt with them.
OVERGENOMEN = "Overgenomen uit"
NOG_INVULLEN = "NOG INVULLEN"
_OVERGENOMEN_REGEL = re.compile(rf"^(\s*)#\s*{OVERGENOMEN} ([0-9]{{4}})\b")
_SLEUTEL = re.compile(r"^\s*(?:- )?([A-Za-z_]+):")


def schema_verwijzing(bestand: Bestand, soort: str) -> list[Melding]:
    """Warn when the first line does not point the editor's YAML plugin at the schema."""
    gevonden = _SCHEMA_REGEL.match(bestand.eerste_regel)
    verwacht = f"{soort}.schema.json"
    if gevonden and gevonden.group(1).rsplit("/", 1)[-1] == verwacht:
        return []
    return [Melding(bestand.toonpad, 1, 1, "",
                    f"eerste regel hoort '# yaml-language-server: $schema=…/schema/{verwacht}' te zijn, "
                    "zodat uw editor het formaat kent", WAARSCHUWING)]


class _Alles(list):
    """The ids of a file that could not be read: unknown, so every id counts as known.
    Its own message names the cause; references to it are not reported as well."""

    def __contains__(self, _) -> bool:
        return True

    def __add__(self, ander):
        return self


class _Ids:
    """The known ids of the shared files, for lookups with suggestions."""

    def __init__(self, gelezen: Gelezen):
        g = gelezen.gedeeld

        def ids(bestand: str, lijst: str) -> list[str]:
            b = g.get(bestand)
            if b is None:
                return _Alles()
            return [x["id"] for _, x in _dicts(_veld(b.data, lijst)) if isinstance(x.get("id"), str)]

        self.partijen = ids("partijen.yaml", "partijen")
        self.groepen = ids("partijen.yaml", "groepen")
        partijbestand = g["partijen.yaml"].data if "partijen.yaml" in g else None
        self.namen = {p["id"]: p["naam"] for _, p in _dicts(_veld(partijbestand, "partijen"))
                      if isinstance(p.get("id"), str) and isinstance(p.get("naam"), str)}
        self.groepsleden = {x["id"]: [lid for lid in _lijst(x.get("leden")) if isinstance(lid, str)]
                            for _, x in _dicts(_veld(partijbestand, "groepen")) if isinstance(x.get("id"), str)}
        self.themas = ids("themas.yaml", "themas")
        self.plaatsen = ids("plaatsen.yaml", "plaatsen")
        self.documenten = ids("documenten.yaml", "documenten")
        self.begrippen = ids("begrippen.yaml", "begrippen")
        self.afspraken: set[str] = set()
        self.voortzetting: dict[str, str] = {}  # commitment id -> the id its voortzetting_van names
        # Years whose commitments are not all known (a file or a number could not be read):
        # a reference into them is not reported, so one mistake gives one message.
        self.onvolledig: set[int] = set()
        for jaarmap in gelezen.jaren:
            if jaarmap.onleesbaar:
                self.onvolledig.add(jaarmap.jaar)
            for b in jaarmap.themas:
                for _, a in _dicts(_veld(b.data, "afspraken")):
                    if isinstance(a.get("nummer"), int) and not isinstance(a.get("nummer"), bool):
                        self.afspraken.add(f"{jaarmap.jaar}-{a['nummer']}")
                        if isinstance(a.get("voortzetting_van"), str):
                            self.voortzetting[f"{jaarmap.jaar}-{a['nummer']}"] = a["voortzetting_van"]
                    else:
                        self.onvolledig.add(jaarmap.jaar)

    def leden(self, ids: list) -> set[str] | None:
        """The parties behind party and group ids; None when one is not known."""
        gevonden: set[str] = set()
        for id_ in ids:
            if id_ in self.groepsleden:
                gevonden.update(self.groepsleden[id_])
            elif isinstance(id_, str) and id_ in self.namen:
                gevonden.add(id_)
            else:
                return None
        return gevonden

    def afdruk(self) -> tuple:
        """Everything a year's checks look up here, as a value to compare: the ids, and the
        parties' names and the groups' members (who the text names, wie_en_doelen.py)."""
        return (tuple(self.partijen), tuple(self.groepen), tuple(self.themas), tuple(self.plaatsen),
                tuple(self.documenten), tuple(self.begrippen), frozenset(self.afspraken),
                frozenset(self.onvolledig), tuple(self.namen.items()),
                tuple((g, tuple(leden)) for g, leden in self.groepsleden.items()),
                tuple(sorted(self.voortzetting.items())))

    def misschien(self, afspraak_id) -> bool:
        """True when the commitment may exist in a year whose commitments are not all known."""
        jaar = afspraak_id.split("-")[0] if isinstance(afspraak_id, str) else ""
        return jaar.isdigit() and int(jaar) in self.onvolledig


def alles(gelezen: Gelezen, onthoud=None, vandaag: date | None = None) -> list[Melding]:
    """Every check across files. `onthoud(jaarmap, afdruk, bereken)` may keep a year's
    messages (make serve): they depend only on its files, on the known ids and on the day
    of the check (`vandaag`, no date of progress may lie after it), together `afdruk`."""
    vandaag = vandaag or date.today()
    ids = _Ids(gelezen)
    meldingen = _gedeeld(gelezen, ids)
    afdruk = (ids.afdruk(), vandaag)
    for jaarmap in gelezen.jaren:
        if onthoud is None:
            meldingen += _jaar(jaarmap, ids, vandaag)
        else:
            meldingen += onthoud(jaarmap, afdruk, lambda j=jaarmap: _jaar(j, ids, vandaag))
    return meldingen


def _uniek(bestand: Bestand, lijst: str, gezien: dict[str, str]) -> list[Melding]:
    meldingen = []
    for i, item in _dicts(_veld(bestand.data, lijst)):
        id_ = item.get("id")
        if not isinstance(id_, str):
            continue
        if id_ in gezien:
            meldingen.append(bestand.melding((lijst, i, "id"), f"id '{id_}' bestaat al ({gezien[id_]})"))
        else:
            gezien[id_] = f"{bestand.toonpad}:{bestand.plek((lijst, i, 'id'))[0]}"
    return meldingen


def _gedeeld(gelezen: Gelezen, ids: _Ids) -> list[Melding]:
    g = gelezen.gedeeld
    meldingen: list[Melding] = []
    if b := g.get("partijen.yaml"):
        partij_of_groep: dict[str, str] = {}  # one namespace: both appear in 'verantwoordelijk'
        meldingen += _uniek(b, "partijen", partij_of_groep) + _uniek(b, "groepen", partij_of_groep)
        for i, groep in _dicts(_veld(b.data, "groepen")):
            for j, lid in enumerate(_lijst(groep.get("leden"))):
                meldingen += _onbekend(b, ("groepen", i, "leden", j), lid, ids.partijen, "onbekende partij")
        for i, partij in _dicts(_veld(b.data, "partijen")):
            for j, p in enumerate(_lijst(partij.get("vertegenwoordigt_huurders_van"))):
                meldingen += _onbekend(b, ("partijen", i, "vertegenwoordigt_huurders_van", j), p,
                                       ids.partijen, "onbekende partij")
    for naam, lijst in (("themas.yaml", "themas"), ("plaatsen.yaml", "plaatsen"),
                        ("documenten.yaml", "documenten"), ("begrippen.yaml", "begrippen")):
        if b := g.get(naam):
            meldingen += _uniek(b, lijst, {})
    if b := g.get("plaatsen.yaml"):
        for i, p in _dicts(_veld(b.data, "plaatsen")):
            meldingen += _onbekend(b, ("plaatsen", i, "ligt_in"), p.get("ligt_in"), ids.plaatsen, "onbekende plaats")
    if b := g.get("begrippen.yaml"):
        for i, begrip in _dicts(_veld(b.data, "begrippen")):
            for j, z in enumerate(_lijst(begrip.get("zie_ook"))):
                meldingen += _onbekend(b, ("begrippen", i, "zie_ook", j), z, ids.begrippen, "onbekend begrip")
    return meldingen


def _juist_jaar(bestand: Bestand, jaar: int) -> list[Melding]:
    waarde = _veld(bestand.data, "jaar")
    if isinstance(waarde, int) and waarde != jaar:
        return [bestand.melding(("jaar",), f"dit bestand staat in de map {jaar}, maar noemt jaar {waarde}")]
    return []


def _jaar(jaarmap: Jaarmap, ids: _Ids, vandaag: date) -> list[Melding]:
    meldingen: list[Melding] = []
    partij_of_groep = ids.partijen + ids.groepen
    if b := jaarmap.jaarschijf:
        meldingen += _juist_jaar(b, jaarmap.jaar)
        for i, t in enumerate(_lijst(_veld(b.data, "focus", "themas"))):
            meldingen += _onbekend(b, ("focus", "themas", i), t, ids.themas, "onbekend thema")
        for i, g in _dicts(_veld(b.data, "grondslagen")):
            meldingen += _onbekend(b, ("grondslagen", i, "document"), g.get("document"), ids.documenten, "onbekend document")
        for i, rol in _dicts(_veld(b.data, "rollen", "per_partij")):
            for j, p in enumerate(_lijst(rol.get("partijen"))):
                meldingen += _onbekend(b, ("rollen", "per_partij", i, "partijen", j), p,
                                       partij_of_groep, "onbekende partij of groep")
        for i, o in _dicts(_veld(b.data, "ondertekening", "ondertekenaars")):
            meldingen += _onbekend(b, ("ondertekening", "ondertekenaars", i, "partij"), o.get("partij"),
                                   ids.partijen, "onbekende partij")

    for b in filter(None, [jaarmap.jaarschijf, *jaarmap.themas]):
        meldingen += _na_te_kijken(b, jaarmap.jaar)
        meldingen += markeringen(b)

    nummers: dict[int, tuple[Bestand, tuple]] = {}
    for b in jaarmap.themas:
        meldingen += _juist_jaar(b, jaarmap.jaar)
        meldingen += _themabestand(b, jaarmap.jaar, ids, nummers)
    if jaarmap.jaar not in ids.onvolledig:  # a gap there may be the unreadable part
        meldingen += _gaten(nummers)
    if jaarmap.herstellingen:
        meldingen += _herstellingen(jaarmap.herstellingen)
    if b := jaarmap.voortgang:
        meldingen += _juist_jaar(b, jaarmap.jaar)
        meldingen += voortgangcontroles.controleer(b, jaarmap, ids, vandaag)
    return meldingen


def _na_te_kijken(b: Bestand, jaar: int) -> list[Melding]:
    """Warnings for what 'make nieuw-jaar' left to check or fill in.

    The comments are not in the parsed data, so the file's lines are looked at; the
    field named is the one on the next line that is not a comment.
    """
    meldingen = []
    regels = b.tekst.split("\n")
    for i, regel in enumerate(regels):
        if treffer := _OVERGENOMEN_REGEL.match(regel):
            volgend = next((r for r in regels[i + 1:] if r.strip() and not r.lstrip().startswith("#")), "")
            veld = _SLEUTEL.match(volgend)
            meldingen.append(Melding(
                b.toonpad, i + 1, len(treffer.group(1)) + 1, veld.group(1) if veld else "",
                f"overgenomen uit {treffer.group(2)}, nog niet nagekeken: vergelijk met het document "
                f"van {jaar} en haal dan deze opmerking weg",
                WAARSCHUWING))
    for pad, tekst in teksten(b.data):
        if tekst.startswith(NOG_INVULLEN):
            meldingen.append(b.melding(pad, f"nog niet ingevuld: vervang deze tekst door die uit het "
                                       f"document van {jaar}", WAARSCHUWING))
    return meldingen


def _themabestand(b: Bestand, jaar: int, ids: _Ids, nummers: dict) -> list[Melding]:
    meldingen: list[Melding] = []
    stam = b.pad.stem
    thema = _veld(b.data, "thema")
    if stam not in ids.themas:
        meldingen.append(b.melding(("thema",), f"bestand voor een onbekend thema '{stam}'; "
                                   f"bekende thema's staan in data/themas.yaml{suggestie(stam, ids.themas)}"))
    elif isinstance(thema, str) and thema != stam:
        meldingen.append(b.melding(("thema",), f"het thema heet '{thema}', maar het bestand '{stam}.yaml'; "
                                   "maak ze gelijk"))

    eigen_nummers = set()
    for i, a in _dicts(_veld(b.data, "afspraken")):
        pad = ("afspraken", i)
        nummer = a.get("nummer")
        if isinstance(nummer, int):
            eigen_nummers.add(nummer)
            if nummer in nummers:
                ander, ander_pad = nummers[nummer]
                regel = ander.plek(ander_pad)[0]
                meldingen.append(b.melding(pad + ("nummer",), f"afspraak {nummer} bestaat al in dit jaar "
                                           f"({ander.toonpad}:{regel}); een nummer komt één keer voor"))
            else:
                nummers[nummer] = (b, pad + ("nummer",))
        for j, v in enumerate(_lijst(a.get("verantwoordelijk"))):
            meldingen += _onbekend(b, pad + ("verantwoordelijk", j), v, ids.partijen + ids.groepen,
                                   "onbekende partij of groep")
        if a.get("verantwoordelijk") == [] and not a.get("opmerkingen"):
            meldingen.append(b.melding(pad + ("verantwoordelijk",),
                                       "geen verantwoordelijke partij: leg in 'opmerkingen' uit waarom"))
        meldingen += wie_en_doelen.uitvoerders(b, pad, a, ids.partijen + ids.groepen, ids.leden, ids.namen)
        meldingen += wie_en_doelen.doelen(b, pad, a)
        for j, p in enumerate(_lijst(a.get("plaatsen"))):
            meldingen += _onbekend(b, pad + ("plaatsen", j), p, ids.plaatsen, "onbekende plaats")
        meldingen += termijn(b, pad, a)
        for j, d in _dicts(a.get("doelen")):
            meldingen += _onbekend(b, pad + ("doelen", j, "plaats"), d.get("plaats"), ids.plaatsen, "onbekende plaats")
        for j, d in enumerate(_lijst(a.get("documenten"))):
            meldingen += _onbekend(b, pad + ("documenten", j), d, ids.documenten, "onbekend document")
        eigen = f"{jaar}-{nummer}"
        for j, r in _dicts(a.get("gerelateerd")):
            verwezen = r.get("afspraak")
            if verwezen == eigen:
                meldingen.append(b.melding(pad + ("gerelateerd", j, "afspraak"),
                                           "een afspraak kan niet naar zichzelf verwijzen"))
            elif not ids.misschien(verwezen):
                meldingen += _onbekend(b, pad + ("gerelateerd", j, "afspraak"), verwezen,
                                       sorted(ids.afspraken), "onbekende afspraak")
        vorige = a.get("voortzetting_van")
        if isinstance(vorige, str):
            if vorige not in ids.afspraken:
                if not ids.misschien(vorige):
                    meldingen += _onbekend(b, pad + ("voortzetting_van",), vorige, sorted(ids.afspraken),
                                           "onbekende afspraak")
            elif int(vorige.split("-")[0]) >= jaar:
                meldingen.append(b.melding(pad + ("voortzetting_van",),
                                           f"'{vorige}' is niet uit een eerder jaar dan {jaar}"))

    for i, t in _dicts(_veld(b.data, "tabellen")):
        na = t.get("na_afspraak")
        if isinstance(na, int) and na not in eigen_nummers and jaar not in ids.onvolledig:
            meldingen.append(b.melding(("tabellen", i, "na_afspraak"),
                                       f"afspraak {na} staat niet in dit bestand"))
        kolommen = _lijst(t.get("kolommen"))
        for j, kop in enumerate(_lijst(t.get("kolommen_van_de_redactie"))):
            if isinstance(kop, str) and kop not in kolommen:
                meldingen.append(b.melding(("tabellen", i, "kolommen_van_de_redactie", j),
                                           f"'{kop}' staat niet in 'kolommen' van deze tabel"
                                           f"{suggestie(kop, [k for k in kolommen if isinstance(k, str)])}"))
        for j, rij in enumerate(_lijst(t.get("rijen"))):
            if isinstance(rij, list) and kolommen and len(rij) != len(kolommen):
                meldingen.append(b.melding(("tabellen", i, "rijen", j),
                                           f"de rij heeft {len(rij)} cellen, de tabel {len(kolommen)} kolommen"))
    return meldingen


def _gaten(nummers: dict[int, tuple[Bestand, tuple]]) -> list[Melding]:
    """Numbers are those of the signed document; a gap is allowed but worth a look."""
    meldingen = []
    gesorteerd = sorted(nummers)
    for vorig, volgend in zip([0] + gesorteerd, gesorteerd):
        if volgend - vorig > 1:
            b, pad = nummers[volgend]
            meldingen.append(b.melding(pad, gat(vorig, volgend), WAARSCHUWING))
    return meldingen


def gat(vorig: int, volgend: int) -> str:
    """The warning for a gap in the numbering between two numbers (the guide quotes it)."""
    if volgend - vorig == 2:
        wat = f"afspraak {vorig + 1} ontbreekt"
    else:
        wat = f"afspraken {vorig + 1} t/m {volgend - 1} ontbreken"
    return f"{wat} in dit jaar (de nummering springt van {vorig} naar {volgend})"


def _herstellingen(b: Bestand) -> list[Melding]:
    naam = _veld(b.data, "bron")
    if not isinstance(naam, str):
        return []
    bronpad = b.pad.parent / naam
    if bronpad.is_symlink():
        return [b.melding(("bron",), f"'{naam}' is een koppeling (symlink); zet het bronbestand zelf in deze map")]
    if not bronpad.is_file():
        return [b.melding(("bron",), f"het bronbestand '{naam}' staat niet in deze map")]
    geldig = [(i, h["van"], h["naar"]) for i, h in _dicts(_veld(b.data, "herstellingen"))
              if isinstance(h.get("van"), str) and isinstance(h.get("naar"), str)]
    try:
        brontekst = bronpad.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [b.melding(("bron",), f"het bronbestand '{naam}' is geen UTF-8-tekst; sla het op als UTF-8")]
    _, niet_gevonden = bronteksten.herstel(brontekst, [(van, naar) for _, van, naar in geldig])
    return [b.melding(("herstellingen", geldig[j][0], "van"),
                      "deze tekst staat niet (meer) in de bron; klopt de herstelling nog?") for j in niet_gevonden]
