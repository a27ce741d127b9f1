"""Load the data folder: find the files, read, validate, check, build the model.

`laad` is the one entry point used by `make check`, the site build, the exports
and the tests. It collects every problem before it answers, and returns a model
only when there are no errors. `laad_of_stop` is the same for whoever needs a model
and can only stop without one (the build, the tools).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from . import controles
from .gelezen import Gelezen, Jaarmap
from .meldingen import FOUT, Melding, fouten, gesorteerd
from .model import (Afspraak, Begrip, Cel, Delen, Doel, Document, Focus, Gemeente, Grondslag, Groep, Jaar,
                    Model, Ondertekenaar, Ondertekening, Partij, Plaats, Relatie, Rol, Rollen,
                    Tabel, Termijn, Thema, ThemaInJaar, Uitvoerder, leden, maak)
from .schemas import Schemas, suggestie
from .toerekening import toerekening
from .voortgang import Bron, Gerealiseerd, Voortgang
from .yamlbestand import Bestand, lees

# Files shared by all years, and the schema each follows.
GEDEELD = {
    "gemeente.yaml": "gemeente",
    "partijen.yaml": "partijen",
    "themas.yaml": "themas",
    "plaatsen.yaml": "plaatsen",
    "documenten.yaml": "documenten",
    "begrippen.yaml": "begrippen",
}
JAARSCHIJF = "jaarschijf.yaml"
BRONMAP = "bron"
HERSTELLINGEN = "herstellingen.yaml"
VOORTGANG = "voortgang.yaml"
KOPPELING = "een koppeling (symlink) is hier niet toegestaan; zet het bestand of de map zelf hier neer"
_JAARMAP = re.compile(r"[0-9]{4}")  # matched in full: "2024\n" is not a year


def themabestand(jaar: int, thema: str) -> str:
    """A theme's file in a year, relative to the data folder: the check holds files to this name."""
    return f"{jaar}/{thema}.yaml"


def jaarschijfbestand(jaar: int) -> str:
    return f"{jaar}/{JAARSCHIJF}"


@dataclass
class Resultaat:
    model: Model | None
    meldingen: list[Melding]

    @property
    def fouten(self) -> list[Melding]:
        return fouten(self.meldingen)


class GegevensFout(Exception):
    """The data has errors, so there is no model. Carries every message of the check
    (`meldingen`, warnings too); its text is a heading and one line per error."""

    KOP = "De gegevens bevatten fouten; los die eerst op."

    def __init__(self, meldingen: list[Melding], kop: str = KOP):
        self.meldingen = meldingen
        self.kop = kop
        super().__init__("\n".join([kop, *self.regels]))

    @property
    def fouten(self) -> list[Melding]:
        return fouten(self.meldingen)

    @property
    def regels(self) -> list[str]:
        """Each error as `make check` prints it."""
        return [m.als_regel() for m in self.fouten]


def laad_of_stop(datamap: Path, schemamap: Path | None = None, *, kop: str = GegevensFout.KOP,
                 als: Callable[[str], Exception] | None = None, geheugen: Leesgeheugen | None = None) -> Model:
    """The model of a valid data folder, or stop: the one "load or fail".

    Raises GegevensFout (heading `kop`, then the errors); with `als`, raises `als(text)` with
    that same text instead (e.g. MkDocs' PluginError), the GegevensFout as its cause.
    `geheugen`: see Leesgeheugen.
    """
    resultaat = laad(datamap, schemamap, geheugen)
    if resultaat.model is not None:
        return resultaat.model
    fout = GegevensFout(resultaat.meldingen, kop)
    if als is None:
        raise fout
    raise als(str(fout)) from fout




class Leesgeheugen:
    """Files read and checked against their schema, kept between the builds of one
    `make serve`: a file is read again only when it changed on disk, and every file
    again when the schemas changed. The checks across files always run anew."""

    def __init__(self) -> None:
        self._schemas: tuple = ()
        self._bestanden: dict[tuple[str, str], tuple[tuple, Bestand | None, list[Melding]]] = {}
        self._jaren: dict[int, tuple[tuple, Jaar]] = {}
        self._controles: dict[int, tuple] = {}

    @staticmethod
    def stempel(pad: Path) -> tuple:
        s = pad.stat()
        return (s.st_mtime_ns, s.st_ctime_ns, s.st_size, s.st_ino)

    def schemas(self, schemamap: Path) -> None:
        stempel = tuple((p.name, self.stempel(p)) for p in sorted(schemamap.glob("*.json"))) \
            if schemamap.is_dir() else ()
        if stempel != self._schemas:
            self._schemas, self._bestanden, self._jaren, self._controles = stempel, {}, {}, {}

    def jaar(self, jaarmap: Jaarmap, gedeeld: list[Bestand | None], maak) -> Jaar:
        """A year's model, made anew only when one of its files or the shared files changed
        (files read again are new objects; unchanged ones are the very same)."""
        bronnen = (jaarmap.jaarschijf, jaarmap.herstellingen, jaarmap.voortgang, *jaarmap.themas, *gedeeld)
        bewaard = self._jaren.get(jaarmap.jaar)
        if bewaard is None or not _dezelfde(bewaard[0], bronnen):
            bewaard = self._jaren[jaarmap.jaar] = (bronnen, maak())
        return bewaard[1]

    def controles(self, jaarmap: Jaarmap, afdruk: tuple, bereken) -> list[Melding]:
        """A year's checks across files, run anew only when its files, its source text,
        the known ids or the day of the check changed (all but the files are in `afdruk`)."""
        bronnen = (jaarmap.jaarschijf, jaarmap.herstellingen, jaarmap.voortgang, *jaarmap.themas)
        bronmap = jaarmap.map / BRONMAP
        afdruk = (afdruk, tuple((p.name, self.stempel(p)) for p in sorted(bronmap.iterdir()) if p.is_file())
                  if bronmap.is_dir() else ())
        bewaard = self._controles.get(jaarmap.jaar)
        if (bewaard is None or bewaard[1] != afdruk or not _dezelfde(bewaard[0], bronnen)
                or bewaard[2] != jaarmap.onleesbaar):
            bewaard = self._controles[jaarmap.jaar] = (bronnen, afdruk, jaarmap.onleesbaar, bereken())
        return list(bewaard[3])

    def lees(self, pad: Path, soort: str, lezer) -> tuple[Bestand | None, list[Melding]]:
        sleutel, stempel = (str(pad), soort), self.stempel(pad)
        bewaard = self._bestanden.get(sleutel)
        if bewaard is None or bewaard[0] != stempel:
            bewaard = self._bestanden[sleutel] = (stempel, *lezer(pad, soort))
        return bewaard[1], list(bewaard[2])


def _dezelfde(bewaard: tuple, nu: tuple) -> bool:
    """The very same file objects: a file read again is a new object."""
    return len(bewaard) == len(nu) and all(a is b for a, b in zip(bewaard, nu))


def laad(datamap: Path, schemamap: Path | None = None, geheugen: Leesgeheugen | None = None, *,
         vandaag: date | None = None) -> Resultaat:
    """Read, check and model the data folder; `geheugen` keeps what was read for the next call.
    `vandaag`: the day of the check (default today); no date of progress may lie after it."""
    datamap = Path(datamap).resolve()
    toonpad = _toonpad_voor(datamap)
    if not datamap.is_dir():
        return Resultaat(None, [Melding(toonpad(datamap), 1, 1, "", "hier hoort de map met gegevens; "
                                        "die is er niet" if not datamap.exists() else "dit is geen map")])
    schemas, problemen = Schemas.lees(schemamap or datamap / "schema", toonpad)
    if problemen:  # without the format nothing can be checked: say only this
        return Resultaat(None, problemen)
    meldingen: list[Melding] = []

    def lees_en_controleer(pad: Path, soort: str) -> tuple[Bestand | None, list[Melding]]:
        bestand, problemen = lees(pad, toonpad(pad))
        if bestand is not None:
            problemen = [*problemen, *schemas.controleer(soort, bestand),
                         *controles.schema_verwijzing(bestand, soort)]
        return bestand, problemen

    if geheugen is not None:
        geheugen.schemas(schemamap or datamap / "schema")

    def lees_met_schema(pad: Path, soort: str) -> Bestand | None:
        if geheugen is None:
            bestand, problemen = lees_en_controleer(pad, soort)
        else:
            bestand, problemen = geheugen.lees(pad, soort, lees_en_controleer)
        meldingen.extend(problemen)
        return bestand

    def koppeling(pad: Path) -> bool:
        """A symbolic link is refused, never followed: it could point outside the
        repository (its content would then be printed or published) or nowhere."""
        if pad.is_symlink():
            meldingen.append(Melding(toonpad(pad), 1, 1, "", KOPPELING))
            return True
        return False

    gelezen = Gelezen()
    for naam, soort in GEDEELD.items():
        pad = datamap / naam
        if koppeling(pad):
            continue
        if not pad.is_file():
            meldingen.append(Melding(toonpad(pad), 1, 1, "", "bestand ontbreekt"))
        elif (bestand := lees_met_schema(pad, soort)) is not None:
            gelezen.gedeeld[naam] = bestand

    for pad in sorted(datamap.iterdir()):
        if pad.name not in GEDEELD and not pad.name.startswith(".") and koppeling(pad):
            continue
        if pad.is_file() and pad.name not in GEDEELD and not pad.name.startswith("."):
            meldingen.append(Melding(toonpad(pad), 1, 1, "", "onbekend bestand in data/; "
                                     f"verwacht: {', '.join(GEDEELD)}{suggestie(pad.name, list(GEDEELD))}"))
        elif pad.is_dir() and pad.name != "schema" and not pad.name.startswith("."):
            if not _JAARMAP.fullmatch(pad.name):
                meldingen.append(Melding(toonpad(pad), 1, 1, "",
                                         "onbekende map in data/; een jaarmap heet naar het jaar, met vier cijfers"))
                continue
            gelezen.jaren.append(_lees_jaarmap(pad, lees_met_schema, koppeling, meldingen, toonpad))

    meldingen.extend(controles.alles(gelezen, geheugen.controles if geheugen is not None else None,
                                     vandaag or date.today()))
    meldingen = gesorteerd(meldingen)
    if any(m.niveau == FOUT for m in meldingen):
        return Resultaat(None, meldingen)
    return Resultaat(maak_model(gelezen, geheugen), meldingen)


def _lees_jaarmap(map_: Path, lees_met_schema, koppeling, meldingen: list[Melding], toonpad) -> Jaarmap:
    jaarmap = Jaarmap(int(map_.name), map_)
    if not (map_ / JAARSCHIJF).is_file() and not (map_ / JAARSCHIJF).is_symlink():
        meldingen.append(Melding(toonpad(map_ / JAARSCHIJF), 1, 1, "",
                                 "bestand ontbreekt; elk jaar heeft een jaarschijf.yaml"))
    for pad in sorted(map_.iterdir()):
        if pad.name.startswith(".") or koppeling(pad):
            continue
        if pad.is_dir():
            if pad.name == BRONMAP:
                herstellingen = pad / HERSTELLINGEN
                if not koppeling(herstellingen) and herstellingen.is_file():
                    jaarmap.herstellingen = lees_met_schema(herstellingen, "herstellingen")
            else:
                meldingen.append(Melding(toonpad(pad), 1, 1, "", "onbekende map; alleen bron/ hoort in een jaarmap"))
        elif pad.suffix == ".yml":
            meldingen.append(Melding(toonpad(pad), 1, 1, "", "gebruik de extensie .yaml"))
        elif pad.suffix != ".yaml":
            meldingen.append(Melding(toonpad(pad), 1, 1, "", "onbekend bestand; een jaarmap bevat alleen .yaml-bestanden en bron/"))
        elif pad.name == JAARSCHIJF:
            jaarmap.jaarschijf = lees_met_schema(pad, "jaarschijf")
        elif pad.name == VOORTGANG:
            jaarmap.voortgang = lees_met_schema(pad, "voortgang")
        elif (bestand := lees_met_schema(pad, "thema")) is not None:
            jaarmap.themas.append(bestand)
        else:
            jaarmap.onleesbaar = True
    return jaarmap


def _toonpad_voor(datamap: Path):
    """Paths as editors see them: relative to the project (the folder holding data/)."""
    basis = datamap.parent

    def toonpad(pad: Path) -> str:
        # absolute, not resolved: a link is named where it is, never where it points
        try:
            return Path(os.path.abspath(pad)).relative_to(basis).as_posix()
        except ValueError:
            return pad.as_posix()
    return toonpad


def maak_model(gelezen: Gelezen, geheugen: Leesgeheugen | None = None) -> Model:
    """Build the model from files that passed every check."""
    d = {naam: b.data for naam, b in gelezen.gedeeld.items()}
    partijen = {p["id"]: maak(Partij, p) for p in d["partijen.yaml"]["partijen"]}
    groepen = {g["id"]: maak(Groep, g) for g in d["partijen.yaml"].get("groepen", [])}
    themas = {t["id"]: maak(Thema, t) for t in d["themas.yaml"]["themas"]}
    return Model(
        gemeente=maak(Gemeente, d["gemeente.yaml"]),
        partijen=partijen,
        groepen=groepen,
        themas=themas,
        plaatsen={p["id"]: maak(Plaats, p) for p in d["plaatsen.yaml"]["plaatsen"]},
        documenten={x["id"]: maak(Document, x) for x in d["documenten.yaml"]["documenten"]},
        begrippen={b["id"]: maak(Begrip, b) for b in d["begrippen.yaml"]["begrippen"]},
        jaren={j.jaar: _maak_jaar(j, partijen, groepen, list(themas)) if geheugen is None
               else geheugen.jaar(j, [gelezen.gedeeld.get("partijen.yaml"), gelezen.gedeeld.get("themas.yaml")],
                                  lambda j=j: _maak_jaar(j, partijen, groepen, list(themas)))
               for j in sorted(gelezen.jaren, key=lambda j: j.jaar)},
    )


def _maak_jaar(jaarmap: Jaarmap, partijen, groepen, thema_volgorde: list[str]) -> Jaar:
    j = jaarmap.jaarschijf.data
    per_thema = {b.data["thema"]: _maak_thema(jaarmap.jaar, b.data, partijen, groepen)
                 for b in jaarmap.themas}
    r = j["rollen"]
    o = j.get("ondertekening")
    return maak(
        Jaar, j,
        themas=tuple(per_thema[t] for t in thema_volgorde if t in per_thema),
        grondslagen=tuple(maak(Grondslag, g) for g in j["grondslagen"]),
        focus=maak(Focus, j["focus"]) if "focus" in j else None,
        delen=maak(Delen, j["delen"]) if "delen" in j else None,
        rollen=maak(Rollen, r, per_partij=tuple(maak(Rol, x) for x in r["per_partij"])),
        ondertekening=maak(Ondertekening, o, ondertekenaars=tuple(
            maak(Ondertekenaar, x) for x in o["ondertekenaars"])) if o else None,
        bron=jaarmap.herstellingen.data["bron"] if jaarmap.herstellingen else None,
        voortgang=tuple(_voortgang(jaarmap.jaar, r) for r in jaarmap.voortgang.data["voortgang"])
        if jaarmap.voortgang else (),
    )


def _voortgang(jaar: int, r: dict) -> Voortgang:
    return maak(Voortgang, r, jaar=jaar, bronnen=tuple(maak(Bron, b) for b in r.get("bronnen", [])),
                gerealiseerd=tuple(maak(Gerealiseerd, w, datum=w.get("datum", r["peildatum"]))
                                   for w in r.get("gerealiseerd", [])))


def _maak_thema(jaar: int, t: dict, partijen, groepen) -> ThemaInJaar:
    def afspraak(a: dict) -> Afspraak:
        verantwoordelijk = tuple(a["verantwoordelijk"])
        uitvoerders = tuple(maak(Uitvoerder, x) for x in a.get("uitvoerders", []))
        return maak(Afspraak, a, jaar=jaar, thema=t["thema"],
                    partijen=leden(verantwoordelijk, partijen, groepen),
                    uitvoerders=uitvoerders,
                    toegerekend=toerekening(verantwoordelijk, uitvoerders, partijen, groepen),
                    doelen=tuple(maak(Doel, x) for x in a.get("doelen", [])),
                    termijn=maak(Termijn, a["termijn"]) if a.get("termijn") else None,
                    gerelateerd=tuple(maak(Relatie, x) for x in a.get("gerelateerd", [])))
    afspraken = tuple(afspraak(a) for a in t["afspraken"])
    tabellen = tuple(
        maak(Tabel, x, rijen=tuple(tuple(_cel(c) for c in rij) for rij in x["rijen"]))
        for x in t.get("tabellen", []))
    return maak(ThemaInJaar, t, afspraken=afspraken, tabellen=tabellen)


def _cel(waarde) -> Cel:
    if isinstance(waarde, dict):
        return Cel(waarde["waarde"], True, waarde["opmerking"])
    return Cel(waarde)
