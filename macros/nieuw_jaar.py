"""Start a new year: `data/<jaar>/` from the latest year, ready for editing.

What describes the partnership (title, motto, introduction, bases, roles, each
theme's goal and context) is copied, each block under a comment that says it was
copied and must be checked. What belongs to the signed document of the latest
year is not copied: commitments, tables, editorial notes about that source, the
signing and the source folder. The new year is unsigned until an editor fills in
`ondertekening`, and the site says so.

Files are written as text, not dumped, so the comments survive; every value is
written in a form that `yaml.safe_load` reads back unchanged.
"""
from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .laden import JAARSCHIJF, laad
from .model import Afspraak, Jaar, Model, ThemaInJaar

LANG = 100  # texts longer than this, or with more than one line, become literal blocks
_VIER_CIJFERS = re.compile(r"^[0-9]{4}$")


class Weigering(Exception):
    """The new year was not made; `regels` are the problems that stopped it."""

    def __init__(self, tekst: str, regels: tuple[str, ...] = ()):
        super().__init__(tekst)
        self.tekst = tekst
        self.regels = regels


@dataclass(frozen=True)
class Noemt:
    """A copied text that still names the previous year: where it is, for the editor."""
    bestand: str
    regel: int
    veld: str


@dataclass
class NieuwJaar:
    jaar: int
    van: int
    bestanden: list[str]
    noemt_vorig_jaar: list[Noemt]


# --- writing YAML as text -----------------------------------------------------------------

def _leest_terug(tekst: str, waarde) -> bool:
    try:
        return yaml.safe_load(f"x: {tekst}") == {"x": waarde}
    except yaml.YAMLError:
        return False


def scalar(waarde: str) -> str:
    """One line of text as a YAML scalar: plain where that reads back the same, else quoted."""
    for vorm in (waarde, json.dumps(waarde, ensure_ascii=False), json.dumps(waarde)):
        if _leest_terug(vorm, waarde):
            return vorm
    raise ValueError(f"kan {waarde!r} niet als YAML schrijven")  # json.dumps always reads back


@dataclass
class _Bestand:
    """A YAML file under construction, line by line; remembers copied texts that name a year."""
    naam: str
    vorig_jaar: int
    regels: list[str] = field(default_factory=list)
    noemt: list[Noemt] = field(default_factory=list)

    def regel(self, tekst: str = "") -> None:
        self.regels.append(tekst)

    def opmerking(self, tekst: str, inspringing: int = 0) -> None:
        self.regels.append(" " * inspringing + "# " + tekst if tekst else " " * inspringing + "#")

    def overgenomen(self, veld: str, *teksten: str | None) -> None:
        """The comment above a copied block, with a warning when its text names the old year."""
        zin = f"Overgenomen uit {self.vorig_jaar}: controleer en pas aan."
        if any(t and re.search(rf"\b{self.vorig_jaar}\b", t) for t in teksten):
            zin += f" Let op: de tekst noemt {self.vorig_jaar}."
            self.noemt.append(Noemt(self.naam, len(self.regels) + 1, veld))  # the comment's line
        self.opmerking(zin)

    def veld(self, sleutel: str, waarde, inspringing: int = 0, streep: bool = False) -> None:
        """`sleutel: waarde`; with `streep` as the first key of a list item (`- sleutel: …`)."""
        begin = " " * inspringing + ("- " if streep else "") + f"{sleutel}:"
        if isinstance(waarde, (tuple, list)):  # ids only: always plain
            self.regel(f"{begin} [{', '.join(waarde)}]")
        elif isinstance(waarde, int):
            self.regel(f"{begin} {waarde}")
        else:
            self._tekst(begin, waarde, inspringing + 2 + (2 if streep else 0))

    def item(self, waarde: str, inspringing: int) -> None:
        """A list item that is text."""
        self._tekst(" " * inspringing + "-", waarde, inspringing + 2)

    def _tekst(self, begin: str, waarde: str, binnen: int) -> None:
        """Long or multi-line text as a literal block, like the hand-written files; the
        model's text never starts a line with a space, so no indentation indicator is needed."""
        if "\n" in waarde or len(waarde) > LANG:
            self.regel(f"{begin} |")
            self.regels += [" " * binnen + r if r else "" for r in waarde.split("\n")]
        else:
            self.regel(f"{begin} {scalar(waarde)}")

    def tekst(self) -> str:
        return "\n".join(self.regels) + "\n"


def _kop(b: _Bestand, soort: str) -> None:
    b.regel(f"# yaml-language-server: $schema=../schema/{soort}.schema.json")


# --- the two kinds of file ----------------------------------------------------------------

def nieuwe_titel(titel: str, vorig: int, jaar: int) -> str:
    """Last year's title with the year changed; without a year in it, a plain title."""
    if re.search(rf"\b{vorig}\b", titel):
        return re.sub(rf"\b{vorig}\b", str(jaar), titel)
    return f"Prestatieafspraken {jaar}"


def jaarschijf(vorig: Jaar, jaar: int, model: Model) -> _Bestand:
    b = _Bestand(f"{jaar}/{JAARSCHIJF}", vorig.jaar)
    _kop(b, "jaarschijf")
    b.opmerking(f"Het jaar {jaar}: inleiding, rollen en ondertekening. Gemaakt met 'make nieuw-jaar' "
                f"uit {vorig.jaar}.")
    b.veld("jaar", jaar)
    b.opmerking("De titel van dit jaar; pas aan als het document anders heet.")
    b.veld("titel", nieuwe_titel(vorig.titel, vorig.jaar, jaar))
    if vorig.motto:
        b.overgenomen("motto", vorig.motto)
        b.veld("motto", vorig.motto)
    b.overgenomen("inleiding", vorig.inleiding)
    b.veld("inleiding", vorig.inleiding)
    if vorig.focus:
        # The focus is a choice made for one year: copied as data, last year's themes would
        # be marked as this year's focus. So it is offered commented out.
        focus = _Bestand(b.naam, vorig.jaar)
        focus.regel("focus:")
        focus.veld("tekst", vorig.focus.tekst, 2)
        focus.veld("themas", vorig.focus.themas, 2)
        b.opmerking(f"De focus van {vorig.jaar} staat hieronder. Heeft {jaar} ook een focus? Haal dan bij de regels")
        b.opmerking(f"hieronder '# ' weg en pas tekst en thema's aan aan het document van {jaar}.")
        for regel in focus.regels:
            b.opmerking(regel)
    if vorig.delen:
        b.overgenomen("delen", vorig.delen.tekst, *vorig.delen.onderdelen)
        b.regel("delen:")
        b.veld("tekst", vorig.delen.tekst, 2)
        b.regel("  onderdelen:")
        for onderdeel in vorig.delen.onderdelen:
            b.item(onderdeel, 4)
    b.overgenomen("grondslagen", *(g.zoals_genoemd for g in vorig.grondslagen))
    if vorig.grondslagen:
        b.regel("grondslagen:")
        for g in vorig.grondslagen:
            b.veld("document", g.document, 2, streep=True)
            if g.zoals_genoemd:
                b.veld("zoals_genoemd", g.zoals_genoemd, 4)
    else:
        b.regel("grondslagen: []")
    r = vorig.rollen
    b.overgenomen("rollen", r.inleiding, r.toelichting, *(x.tekst for x in r.per_partij))
    b.regel("rollen:")
    b.veld("inleiding", r.inleiding, 2)
    if r.toelichting:
        b.veld("toelichting", r.toelichting, 2)
    b.regel("  per_partij:")
    for rol in r.per_partij:
        b.veld("kop", rol.kop, 4, streep=True)
        b.veld("partijen", rol.partijen, 6)
        b.veld("tekst", rol.tekst, 6)
    _ondertekening(b, vorig, jaar, model)
    return b


def _ondertekening(b: _Bestand, vorig: Jaar, jaar: int, model: Model) -> None:
    ondertekenaars = ([o.partij for o in vorig.ondertekening.ondertekenaars]
                      if vorig.ondertekening else list(model.partijen))
    b.regel()
    b.opmerking(f"Nog niet ondertekend: zolang 'ondertekening' ontbreekt, zegt de site dat {jaar} nog niet")
    b.opmerking("ondertekend is. Na de ondertekening: haal bij de regels hieronder '# ' weg en vul alles in")
    b.opmerking("zoals het in het ondertekende document staat. Alle velden staan in")
    b.opmerking("data/schema/jaarschijf.schema.json.")
    b.opmerking("ondertekening:")
    b.opmerking("  datum: \"JJJJ-MM-DD\"          # de dag van de ondertekening")
    b.opmerking("  plaats:                      # waar het document is ondertekend")
    b.opmerking("  geldig_vanaf: \"JJJJ-MM-DD\"   # vanaf wanneer de afspraken gelden")
    b.opmerking("  ondertekenaars:              # wie namens elke partij tekent")
    for partij in ondertekenaars:
        b.opmerking(f"    - partij: {partij}")
        b.opmerking("      naam:                    # de naam zoals in het document, bijvoorbeeld 'J. Jansen'")
        b.opmerking("      functie:                 # bijvoorbeeld 'wethouder' of 'voorzitter'")


def _voorbeeld_afspraak(model: Model, thema: str) -> Afspraak | None:
    """The commitment the example continues: of the same theme, from the most recent year that
    has one (a year may have none yet), preferably one with a responsible party."""
    for jaar in reversed(model.jaren.values()):
        kandidaten = [a for a in jaar.afspraken if a.thema == thema]
        if kandidaten:
            return next((a for a in kandidaten if a.verantwoordelijk), kandidaten[0])
    return None


def themabestand(thema: ThemaInJaar, vorig: Jaar, jaar: int, model: Model) -> _Bestand:
    naam = model.themas[thema.thema].naam
    b = _Bestand(f"{jaar}/{thema.thema}.yaml", vorig.jaar)
    _kop(b, "thema")
    b.opmerking(f"Het jaar {jaar}, thema {naam}. Gemaakt met 'make nieuw-jaar' uit {vorig.jaar}.")
    b.veld("jaar", jaar)
    b.veld("thema", thema.thema)
    for veld, tekst, wat in (("doel", thema.doel, "'Wat we willen bereiken'"),
                             ("actualiteit", thema.actualiteit, "'Onze actualiteit'")):
        if tekst:
            b.overgenomen(veld, tekst)
            b.veld(veld, tekst)
        else:
            b.opmerking(f"{vorig.jaar} had geen {veld} ({wat}). Staat het in het document van {jaar}, "
                        f"zet het dan hier: {veld}: |")
    b.regel()
    b.opmerking(f"De afspraken van {jaar}, met de nummers en in de volgorde van het ondertekende document.")
    b.regel("afspraken: []")
    _voorbeeld(b, thema.thema, jaar, model)
    return b


def _voorbeeld(b: _Bestand, thema: str, jaar: int, model: Model) -> None:
    oud = _voorbeeld_afspraak(model, thema)
    ander = model.afspraken[-1] if model.afspraken else None  # any id, to show the form
    if oud:
        b.opmerking(f"Voorbeeld: een afspraak die afspraak {oud.id} uit {oud.jaar} voortzet. Gebruik het zo:")
    else:
        b.opmerking("Voorbeeld van een afspraak. Gebruik het zo:")
    b.opmerking("vervang hierboven 'afspraken: []' door 'afspraken:' en haal bij de regels hieronder '# ' weg.")
    b.opmerking("Alle velden (ook plaatsen, doelen, termijn, documenten, gerelateerd en opmerkingen) staan in")
    b.opmerking("data/schema/thema.schema.json; hoe u een wijziging voorstelt staat op /bijdragen/ van de site.")
    b.opmerking(f"  - nummer:            # het nummer in het ondertekende document van {jaar}; nooit hernummeren")
    titel = scalar(oud.titel) if oud else ""
    b.opmerking(f"    titel: {titel}".rstrip() + "   # een korte titel van de redactie")
    if oud and oud.kop:
        b.opmerking(f"    kop: {scalar(oud.kop)}   # de tussenkop boven de afspraak, zoals in het document")
    else:
        b.opmerking("    kop:               # de tussenkop boven de afspraak, zoals in het document")
    ids = ", ".join(oud.verantwoordelijk) if oud else ""
    b.opmerking(f"    verantwoordelijk: [{ids}]   # ids van partijen of groepen uit data/partijen.yaml")
    if oud:
        b.opmerking(f"    voortzetting_van: \"{oud.id}\"   # de afspraak uit een eerder jaar die deze voortzet;"
                    " weglaten bij een nieuwe afspraak")
    elif ander:
        b.opmerking(f"    voortzetting_van:   # de afspraak uit een eerder jaar die deze voortzet, bijvoorbeeld"
                    f" \"{ander.id}\"; weglaten bij een nieuwe afspraak")
    b.opmerking(f"    tekst: |           # de tekst zoals ondertekend in {jaar}, letterlijk, op de regels"
                " hieronder")


# --- the command --------------------------------------------------------------------------

def _jaar(tekst: str, schemamap: Path) -> int:
    if not _VIER_CIJFERS.match(tekst.strip()):
        raise Weigering(f"'{tekst}' is geen jaar; geef het jaar met vier cijfers, bijvoorbeeld 2025.")
    jaar = int(tekst)
    grenzen = json.loads((schemamap / "gemeenschappelijk.schema.json").read_text(encoding="utf-8"))["$defs"]["jaar"]
    if not grenzen["minimum"] <= jaar <= grenzen["maximum"]:
        raise Weigering(f"{jaar} kan niet: een jaar ligt tussen {grenzen['minimum']} en {grenzen['maximum']}.")
    return jaar


def maak(datamap: Path, jaar_tekst: str) -> NieuwJaar:
    """Create `datamap/<jaar>/` from the latest year, or raise Weigering having written nothing."""
    datamap = Path(datamap)
    weergave = f"{datamap.name}/{jaar_tekst.strip()}"
    jaar = _jaar(jaar_tekst, datamap / "schema")
    doel = datamap / str(jaar)
    if doel.exists():
        raise Weigering(f"{weergave} bestaat al; er is niets overschreven.")
    resultaat = laad(datamap)
    if resultaat.model is None:
        raise Weigering(f"De gegevens in {datamap.name}/ bevatten fouten; los die eerst op. Er is niets gemaakt.",
                        tuple(m.als_regel() for m in resultaat.fouten))
    model = resultaat.model
    vorig = model.laatste_jaar
    if vorig is None:
        raise Weigering(f"Er is nog geen jaar in {datamap.name}/ om van over te nemen. Maak het eerste jaar "
                        "met de hand; zie /bijdragen/ van de site.")
    if jaar < vorig.jaar:
        # A year is made from the year before it: copying later texts back would date them
        # wrongly, and a commitment can only continue one from an earlier year.
        raise Weigering(f"{jaar} ligt voor het nieuwste jaar ({vorig.jaar}). 'nieuw-jaar' neemt het nieuwste "
                        f"jaar over in een later jaar; een eerder jaar maakt u met de hand. Er is niets gemaakt.")

    bestanden = [jaarschijf(vorig, jaar, model)] + [themabestand(t, vorig, jaar, model) for t in vorig.themas]
    _schrijf(datamap, doel, bestanden)
    return NieuwJaar(jaar, vorig.jaar, [f"{datamap.name}/{b.naam}" for b in bestanden],
                     [Noemt(f"{datamap.name}/{n.bestand}", n.regel, n.veld) for b in bestanden for n in b.noemt])


def _schrijf(datamap: Path, doel: Path, bestanden: list[_Bestand]) -> None:
    """All files appear at once (written in a hidden folder, then renamed), and must pass the checks."""
    tijdelijk = Path(tempfile.mkdtemp(prefix=f".nieuw-{doel.name}-", dir=datamap))  # hidden: laad skips it
    try:
        for b in bestanden:
            (tijdelijk / Path(b.naam).name).write_text(b.tekst(), encoding="utf-8")
        tijdelijk.rename(doel)
    finally:
        shutil.rmtree(tijdelijk, ignore_errors=True)
    fouten = laad(datamap).fouten
    if fouten:  # a bug in this module, never the editor's doing: leave nothing half-made behind
        shutil.rmtree(doel)
        raise Weigering(f"De nieuwe map {datamap.name}/{doel.name} bleek fouten te bevatten en is weer "
                        "verwijderd. Dit is een fout in 'nieuw-jaar'; meld het alstublieft.",
                        tuple(m.als_regel() for m in fouten))
