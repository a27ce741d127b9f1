"""`python -m macros voortgang-import BESTAND.csv`: append progress entries from a CSV.

The rows (columns in voortgang_csv.py) become YAML text at the bottom of
data/<jaar>/voortgang.yaml: what stands above it, comments and all, is never rewritten
(only `voortgang: []` becomes `voortgang:`). The new text is checked first on a copy of
the data folder with the very check of `make check` (`laad`); only when it passes are the
real files written. A problem in the new text is named by its CSV row and column.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..gegevens.laden import VOORTGANG, laad
from ..gegevens.meldingen import FOUT, zichtbaar
from ..gegevens.yamlbestand import lees as lees_yaml
from .voortgang_csv import BRON, REGEL, WAARDE, CsvFout, Invoer, KOLOMMEN, lees_bestand

SCHEMAREGEL = "# yaml-language-server: $schema=../schema/voortgang.schema.json\n"
_LEEG = re.compile(r"^voortgang:[ \t]*\[\][ \t]*(#.*)?$", re.M)
_ITEM = re.compile(r"^voortgang:[ \t]*(?:#.*)?\n(?:[ \t]*(?:#.*)?\n)*([ \t]*)- ", re.M)
_YAML_WOORDEN = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


@dataclass
class Jaarbestand:
    """One year's voortgang.yaml: the text there now and the text to append."""
    jaar: int
    pad: Path
    oud: str | None  # None: the file does not exist yet
    kop: str = ""  # the text the new entries follow (the old text, perhaps with `voortgang:`)
    nieuw: list[str] = field(default_factory=list)  # the appended lines
    herkomst: dict[int, tuple[int, str | None]] = field(default_factory=dict)  # line -> CSV row, column
    nummers: list[int] = field(default_factory=list)

    @property
    def tekst(self) -> str:
        return self.kop + "".join(r + "\n" for r in self.nieuw)


def importeer(csvpad: Path, datamap: Path) -> tuple[int, list[str]]:
    """Append the CSV's entries to the data. Returns the exit code and the lines to print."""
    try:
        invoer, naam = lees_bestand(Path(csvpad))
    except CsvFout as fout:
        return 1, [*fout.regels, "Niets geïmporteerd: los eerst deze fouten op."]
    datamap = Path(datamap)
    bestanden, fouten = _bestanden(invoer, datamap, naam)
    if fouten:
        return 1, [*fouten, "Niets geïmporteerd: los eerst deze fouten op."]
    meldingen = _controleer(datamap, bestanden, naam, invoer)
    if any(m.startswith("fout:") for m in meldingen):
        return 1, [m.removeprefix("fout:") for m in meldingen] + ["Niets geïmporteerd: los eerst deze fouten op."]
    geschreven: list[str] = []
    for b in bestanden.values():
        try:
            _schrijf(b.pad, b.tekst)
        except OSError as fout:
            return 1, [f"{datamap.name}/{b.jaar}/{VOORTGANG} kan niet geschreven worden ({fout.strerror or fout}); "
                       + (f"wel aangevuld: {', '.join(geschreven)}" if geschreven else "niets geïmporteerd")]
        geschreven.append(f"{datamap.name}/{b.jaar}/{VOORTGANG}")
    regels = [m.removeprefix("waarschuwing:") for m in meldingen]
    for b in bestanden.values():
        n = len(b.nummers)
        regels.append(f"{n} {'regel' if n == 1 else 'regels'} toegevoegd aan {datamap.name}/{b.jaar}/{VOORTGANG} "
                      f"(nummer {', '.join(map(str, b.nummers))}).")
    regels.append("Bekijk ze met 'make serve' en stel de wijziging voor in een pull request.")
    return 0, regels


def _bestanden(invoer: list[Invoer], datamap: Path, naam: str) -> tuple[dict[int, Jaarbestand], list[str]]:
    """Per year the file and the text to append; numbers checked or given."""
    jaren = sorted(int(p.name) for p in datamap.iterdir() if re.fullmatch(r"[0-9]{4}", p.name) and p.is_dir()) \
        if datamap.is_dir() else []
    bestanden: dict[int, Jaarbestand] = {}
    fouten: list[str] = []
    for i in invoer:
        if i.jaar not in jaren:
            fouten.append(f"{naam}:{i.rij}: kolom afspraak: er is geen jaar {i.jaar} in {datamap.name}/"
                          + (f"; bekend zijn: {', '.join(map(str, jaren))}" if jaren else ""))
            continue
        pad = datamap / str(i.jaar) / VOORTGANG
        if pad.parent.is_symlink() or pad.is_symlink() or (pad.exists() and not pad.is_file()):
            fouten.append(f"{naam}:{i.rij}: {datamap.name}/{i.jaar}/{VOORTGANG} is geen gewoon bestand; "
                          "er kan niets aan toegevoegd worden")
            continue
        try:
            b = bestanden.get(i.jaar) or _jaarbestand(i.jaar, pad)
        except ValueError as fout:
            fouten.append(f"{naam}:{i.rij}: {datamap.name}/{i.jaar}/{VOORTGANG}: {fout}")
            continue
        bestanden[i.jaar] = b
        volgend = (b.nummers[-1] if b.nummers else _hoogste(b)) + 1
        gegeven = i.velden.get("nummer")
        if gegeven is not None and gegeven != volgend:
            fouten.append(f"{naam}:{i.rij}: kolom nummer: {gegeven} is niet het volgende vrije nummer in "
                          f"{datamap.name}/{i.jaar}/{VOORTGANG}; dat is {volgend} (of laat de kolom leeg)")
            continue
        b.nummers.append(volgend)
        velden = {"nummer": volgend, **{k: v for k, v in i.velden.items() if k != "nummer"}}
        _voeg_toe(b, velden, i)
    return bestanden, fouten


def _jaarbestand(jaar: int, pad: Path) -> Jaarbestand:
    if not pad.exists():
        return Jaarbestand(jaar, pad, None, kop=f"{SCHEMAREGEL}jaar: {jaar}\nvoortgang:\n")
    try:
        oud = pad.read_bytes().decode("utf-8")
    except OSError as fout:
        raise ValueError(f"het bestand kan niet gelezen worden ({fout.strerror or fout})") from None
    except UnicodeDecodeError:
        raise ValueError("het bestand is geen UTF-8; 'make check' zegt waar, los dat eerst op") from None
    kop = oud if oud.endswith("\n") or not oud else oud + "\n"
    leeg = _LEEG.search(kop)
    if leeg:  # the one change above the new text: an empty list becomes a list that follows
        kop = kop[:leeg.start()] + "voortgang:" + (f"  {leeg.group(1)}" if leeg.group(1) else "") + kop[leeg.end():]
    return Jaarbestand(jaar, pad, oud, kop)


def _hoogste(b: Jaarbestand) -> int:
    """The highest entry number in the file now (0: none). A file that cannot be read counts
    as empty: the check of the new text says what is wrong with it."""
    if not b.oud:
        return 0
    bestand, _ = lees_yaml(b.pad, str(b.pad))
    regels = bestand.data.get("voortgang") if bestand is not None and isinstance(bestand.data, dict) else None
    return max((r["nummer"] for r in regels or [] if isinstance(r, dict) and type(r.get("nummer")) is int), default=0)


def _inspringing(b: Jaarbestand) -> str:
    gevonden = _ITEM.search(b.kop)
    return gevonden.group(1) if gevonden else "  "


def yaml_waarde(waarde) -> str:
    """A value as YAML: text double-quoted with every control character escaped (one line,
    read back exactly), a plain word only where YAML cannot read it as something else."""
    if waarde is True:
        return "true"
    if isinstance(waarde, (int, float)):
        return repr(waarde)
    if re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", waarde) and waarde not in _YAML_WOORDEN:
        return waarde
    return "\"" + "".join(_teken(c) for c in waarde) + "\""


def _teken(c: str) -> str:
    if c in "\"\\":
        return "\\" + c
    if c.isprintable() or c == " ":
        return c
    return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(c) or (f"\\u{ord(c):04x}" if ord(c) < 0x10000
                                                             else f"\\U{ord(c):08x}")


def _voeg_toe(b: Jaarbestand, velden: dict, invoer: Invoer) -> None:
    """The entry as YAML lines, each line remembered with the CSV row and column it came from."""
    insp = _inspringing(b)
    eerste = len(b.kop.splitlines())  # the lines above the appended text

    def regel(tekst: str, herkomst: tuple[int, str | None]) -> None:
        b.nieuw.append(tekst)
        b.herkomst[eerste + len(b.nieuw)] = herkomst

    begin = (invoer.rij, None)
    voorvoegsel = insp + "- "
    for k in [k for k in KOLOMMEN if k.deel == REGEL]:
        if k.veld in velden:
            regel(f"{voorvoegsel}{k.veld}: {yaml_waarde(velden[k.veld])}", invoer.herkomst.get((k.veld,), begin))
            voorvoegsel = insp + "  "
    for deel in (BRON, WAARDE):
        if deel not in velden:
            continue
        regel(f"{insp}  {deel}:", begin)
        for n, item in enumerate(velden[deel]):
            if deel == WAARDE and item.get("datum") == velden.get("peildatum"):
                item = {k: v for k, v in item.items() if k != "datum"}  # the entry's day: said once
            voor = f"{insp}    - "
            for veld, waarde in item.items():
                regel(f"{voor}{veld}: {yaml_waarde(waarde)}",
                      invoer.herkomst.get((deel, n, veld), invoer.herkomst.get((deel, n), begin)))
                voor = f"{insp}      "


def _controleer(datamap: Path, bestanden: dict[int, Jaarbestand], naam: str, invoer: list[Invoer]) -> list[str]:
    """`laad` on a copy of the data folder with the new text. Returns the messages to print,
    each prefixed 'fout:' or 'waarschuwing:': in the new text by CSV row and column, the
    others as `make check` prints them (warnings elsewhere are not this import's)."""
    with tempfile.TemporaryDirectory(prefix="voortgang-import-") as tmp:
        kopie = Path(tmp) / datamap.name
        shutil.copytree(datamap, kopie, symlinks=True)
        for b in bestanden.values():
            doel = kopie / str(b.jaar) / VOORTGANG
            doel.write_text(b.tekst, encoding="utf-8")
        resultaat = laad(kopie)
    per_pad = {f"{datamap.name}/{b.jaar}/{VOORTGANG}": b for b in bestanden.values()}
    uit = []
    for m in resultaat.meldingen:
        b = per_pad.get(m.pad)
        herkomst = b.herkomst.get(m.regel) if b else None
        if herkomst:
            rij, kolom = herkomst
            uit.append(f"{m.niveau}:" + zichtbaar(f"{naam}:{rij}: {f'kolom {kolom}: ' if kolom else ''}"
                                                  f"{'waarschuwing: ' if m.niveau != FOUT else ''}{m.tekst}"))
        elif m.niveau == FOUT:
            uit.append(f"{FOUT}:" + m.als_regel())
    if not any(m.niveau == FOUT for m in resultaat.meldingen):
        bekend = {a.id for a in resultaat.model.afspraken}
        uit += [f"{FOUT}:{naam}:{i.rij}: kolom afspraak: onbekende afspraak '{i.velden['afspraak']}'"
                for i in invoer if i.velden["afspraak"] not in bekend]
    return uit


def _schrijf(pad: Path, tekst: str) -> None:
    """Write beside the file, then put it in place: a reader never sees half a file."""
    tijdelijk = pad.with_name(f".{pad.name}.import")
    tijdelijk.write_text(tekst, encoding="utf-8")
    os.replace(tijdelijk, pad)

