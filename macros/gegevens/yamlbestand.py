"""Reading one YAML data file with positions, strictly.

PyYAML alone accepts duplicate keys silently, turns dates into date objects and
reports problems in English with a traceback. Here every problem becomes a
Melding with path, line and column (1-based), and positions of values stay
available for later checks through `Bestand.plek`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .meldingen import Melding, veldnaam


class _Lader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text, so the schema checks their form."""


class _SnelleLader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same with libyaml's parser, about ten times faster; used when a file parses."""


_Lader.yaml_implicit_resolvers = _SnelleLader.yaml_implicit_resolvers = {
    teken: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for teken, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _ontleed(tekst: str):
    """The node tree and its loader. libyaml's parser first; on a syntax error the
    pure-Python parser reads it again, because its messages are the ones translated."""
    snel = _SnelleLader(tekst)
    try:
        return snel.get_single_node(), snel
    except yaml.YAMLError:
        snel.dispose()
    lader = _Lader(tekst)
    try:
        return lader.get_single_node(), lader
    except yaml.YAMLError:
        lader.dispose()
        raise

# Frequent PyYAML problems, said in plain Dutch. Unknown ones are passed on as they are.
_SYNTAX = {
    "mapping values are not allowed here":
        "onverwachte dubbele punt; zet tekst met ': ' tussen aanhalingstekens",
    "could not find expected ':'":
        "hier wordt 'veld: waarde' verwacht; ontbreekt een dubbele punt of klopt de inspringing niet?",
    "found unexpected end of stream":
        "het bestand houdt op midden in een waarde; is een aanhalingsteken niet gesloten?",
    "did not find expected key":
        "de inspringing klopt niet: hier wordt een veld op hetzelfde niveau als de regels erboven verwacht",
    "did not find expected '-' indicator":
        "de inspringing klopt niet: hier wordt een nieuw lijstitem ('- ') verwacht",
    "found character '\\t' that cannot start any token":
        "tab gevonden; gebruik spaties",
    "found undefined alias":
        "onbekende verwijzing met '*'; zet tekst die met * begint tussen aanhalingstekens",
    "expected <block end>, but found '<block sequence start>'":
        "de inspringing klopt niet: dit lijstitem staat verder in of uit dan de rest",
    "expected <block end>, but found '<block mapping start>'":
        "de inspringing klopt niet: dit veld staat verder in dan de velden erboven",
    "expected <block end>, but found '<scalar>'":
        "de inspringing klopt niet of er staat tekst na een afgesloten waarde",
    "found unknown escape character":
        "onbekend teken na '\\' in tekst tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens",
    "found unhashable key":
        "een veldnaam kan geen lijst of groep velden zijn; begint de regel met '?' of '[' of '{'?",
    "found character '":  # after the tab above: any other character that cannot start a value
        "een waarde kan niet met dit teken beginnen (zoals @ of `); zet de tekst tussen aanhalingstekens",
}


@dataclass
class Bestand:
    """A parsed data file: its content and the node tree that knows positions."""

    pad: Path
    toonpad: str  # path as shown to editors, relative to the project
    data: Any
    wortel: Node
    tekst: str  # as read: the checks that look at comments read its lines

    @property
    def eerste_regel(self) -> str:
        return self.tekst.split("\n", 1)[0]

    def plek(self, pad: tuple, sleutel: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at `pad`, or of its key.

        Walks as far as the path exists, so a missing field points at the
        mapping that should hold it.
        """
        knoop = self.wortel
        for i, deel in enumerate(pad):
            laatste = i == len(pad) - 1
            if isinstance(knoop, MappingNode) and isinstance(deel, str):
                gevonden = next(((k, v) for k, v in knoop.value if k.value == deel), None)
                if gevonden is None:
                    break
                if laatste and sleutel:
                    knoop = gevonden[0]
                    break
                knoop = gevonden[1]
            elif isinstance(knoop, SequenceNode) and isinstance(deel, int) and deel < len(knoop.value):
                knoop = knoop.value[deel]
            else:
                break
        return knoop.start_mark.line + 1, knoop.start_mark.column + 1

    def melding(self, pad: tuple, tekst: str, niveau: str = "fout", sleutel: bool = False) -> Melding:
        regel, kolom = self.plek(pad, sleutel=sleutel)
        return Melding(self.toonpad, regel, kolom, veldnaam(pad), tekst, niveau)


# Bounds that real data never comes near (the largest file is about 25 kB and 8 levels deep).
MAX_BYTES = 1_000_000
MAX_DIEPTE = 40
TOEGESTANE_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map")}


def lees(pad: Path, toonpad: str) -> tuple[Bestand | None, list[Melding]]:
    """Parse one file. Returns the file, or None with the reasons it cannot be read."""
    try:
        if pad.stat().st_size > MAX_BYTES:
            return None, [Melding(toonpad, 1, 1, "", f"het bestand is groter dan {MAX_BYTES // 1_000_000} MB; "
                                  "zo groot is een gegevensbestand nooit")]
        ruw = pad.read_bytes()
    except OSError as fout:
        return None, [Melding(toonpad, 1, 1, "", f"het bestand kan niet gelezen worden ({fout.strerror or fout})")]
    try:
        tekst = ruw.decode("utf-8")
    except UnicodeDecodeError as fout:
        regel = ruw[: fout.start].count(b"\n") + 1
        kolom = fout.start - (ruw.rfind(b"\n", 0, fout.start) + 1) + 1
        byte = ruw[fout.start : fout.start + 1].hex()
        return None, [Melding(toonpad, regel, kolom, "",
                              f"het bestand is geen UTF-8 (byte 0x{byte}); sla het op als UTF-8")]
    if tekst.startswith("\ufeff"):
        tekst = tekst[1:]

    tabs = _tabs(tekst, toonpad)
    if tabs:
        return None, tabs

    lader = None
    try:
        wortel, lader = _ontleed(tekst)
        if wortel is None:
            return None, [Melding(toonpad, 1, 1, "", "het bestand is leeg")]
        vorm = _vorm(wortel, toonpad)
        if vorm:
            return None, vorm
        # Reported, but reading goes on so the rest of the file is checked too.
        dubbel = _dubbele_sleutels(wortel, toonpad)
        data = lader.construct_document(wortel)
    except yaml.MarkedYAMLError as fout:
        return None, [_syntaxfout(fout, toonpad)]
    except yaml.reader.ReaderError as fout:  # a character YAML does not allow, by position in the text
        regel = tekst[:fout.position].count("\n") + 1
        kolom = fout.position - (tekst.rfind("\n", 0, fout.position) + 1) + 1
        teken = fout.character if isinstance(fout.character, int) else ord(fout.character)
        return None, [Melding(toonpad, regel, kolom, "", f"het teken U+{teken:04X} mag niet in een "
                              "gegevensbestand staan; verwijder het")]
    except yaml.YAMLError as fout:  # errors without a position
        return None, [Melding(toonpad, 1, 1, "", f"het bestand is geen geldige YAML ({fout})")]
    except RecursionError:
        return None, [Melding(toonpad, 1, 1, "", f"het bestand is dieper genest dan {MAX_DIEPTE} niveaus")]
    except ValueError:  # e.g. an integer of more than 4,300 digits
        return None, [Melding(toonpad, 1, 1, "", "een waarde kan niet gelezen worden; staat er een getal "
                              "met duizenden cijfers?")]
    finally:
        if lader is not None:
            lader.dispose()
    return Bestand(pad, toonpad, data, wortel, tekst), dubbel


def _tabs(tekst: str, toonpad: str) -> list[Melding]:
    """YAML forbids tabs for indentation; say so per line instead of a parser error."""
    meldingen = []
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        inspringing = regel[: len(regel) - len(regel.lstrip(" \t"))]
        if "\t" in inspringing:
            meldingen.append(Melding(toonpad, nummer, inspringing.index("\t") + 1, "",
                                     "tab gebruikt om in te springen; gebruik spaties"))
    return meldingen


def _vorm(wortel: Node, toonpad: str) -> list[Melding]:
    """What the format never needs, refused before anything is built from it: a value
    repeated by reference (& and *: an 'alias bomb' of a few lines expands to billions of
    values), nesting deeper than MAX_DIEPTE, and tags such as !!binary or !!python.

    One pass over the nodes, each visited once, so it is fast on any input."""
    meldingen: list[Melding] = []
    gezien: set[int] = set()
    stapel: list[tuple[Node, int]] = [(wortel, 1)]
    while stapel:
        knoop, diepte = stapel.pop()
        regel, kolom = knoop.start_mark.line + 1, knoop.start_mark.column + 1
        if id(knoop) in gezien:
            meldingen.append(Melding(toonpad, regel, kolom, "", "deze waarde wordt elders herhaald met een "
                                     "verwijzing (& en *); schrijf de waarde overal zelf uit"))
            continue
        gezien.add(id(knoop))
        if diepte > MAX_DIEPTE:
            return [Melding(toonpad, regel, kolom, "", f"het bestand is dieper genest dan {MAX_DIEPTE} niveaus")]
        if knoop.tag not in TOEGESTANE_TAGS:
            meldingen.append(Melding(toonpad, regel, kolom, "", f"de tag '{knoop.tag.removeprefix('tag:yaml.org,2002:')}' "
                                     "(met !) hoort niet in de gegevens; schrijf de waarde als gewone tekst"))
        if isinstance(knoop, MappingNode):
            stapel += [(k, diepte + 1) for paar in knoop.value for k in paar]
        elif isinstance(knoop, SequenceNode):
            stapel += [(k, diepte + 1) for k in knoop.value]
    return sorted(set(meldingen))


def _dubbele_sleutels(knoop: Node, toonpad: str) -> list[Melding]:
    meldingen = []
    if isinstance(knoop, MappingNode):
        gezien: dict[str, int] = {}
        for sleutel, waarde in knoop.value:
            if isinstance(sleutel, ScalarNode):
                if sleutel.value in gezien:
                    meldingen.append(Melding(
                        toonpad, sleutel.start_mark.line + 1, sleutel.start_mark.column + 1,
                        sleutel.value,
                        f"veld '{sleutel.value}' staat er twee keer (ook op regel {gezien[sleutel.value]})"))
                else:
                    gezien[sleutel.value] = sleutel.start_mark.line + 1
            meldingen += _dubbele_sleutels(waarde, toonpad)
    elif isinstance(knoop, SequenceNode):
        for item in knoop.value:
            meldingen += _dubbele_sleutels(item, toonpad)
    return meldingen


def _syntaxfout(fout: yaml.MarkedYAMLError, toonpad: str) -> Melding:
    mark = fout.problem_mark or fout.context_mark
    probleem = (fout.problem or fout.context or "onbekend probleem").strip()
    uitleg = next((nl for en, nl in _SYNTAX.items() if probleem.startswith(en)), None)
    tekst = uitleg or f"de YAML klopt hier niet ({probleem})"
    regel, kolom = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Melding(toonpad, regel, kolom, "", tekst)
