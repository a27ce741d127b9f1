"""Start a new year: `data/<jaar>/` from the latest year, ready for editing.

What describes the partnership (title, motto, introduction, bases, roles, each
theme's goal and context) is copied, each block under a comment that says it was
copied and must be checked. What belongs to the signed document of the latest
year is not copied: commitments, tables, editorial notes about that source, the
signing and the source folder. The new year gets an empty progress file (voortgang.yaml). The new year is unsigned until an editor fills in
`ondertekening`, and the site says so.

A text with a gap (`[…]`, model.GAT) or a `[sic]` (model.SIC) is not copied. The mark
says that words are missing from the latest year's source, or that its document reads
oddly there, and the note that explains it is about that source, so it stays behind too. Dropping the marker would leave a broken sentence
that reads as signed text; keeping it would say the new document has the same gap.
An optional text with a gap is left out (a comment says so); a required one (the
introduction, the roles) becomes a placeholder starting with 'NOG INVULLEN'.

Without any year (a municipality that starts) the new year is a skeleton: the
schema's required texts are such placeholders, never invented content; `grondslagen`
is empty; the roles have one entry per party (its name as heading); every theme
gets a file with `afspraken: []`. `make check` reports each placeholder, and each
'# Overgenomen uit' comment, as a warning with its file and line until an editor
has dealt with it: a year in preparation is valid, and the site says it is unsigned.

The files are written as text (jaarbestand.Tekstbestand), so the comments survive.
"""
from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..gegevens.controles import NOG_INVULLEN
from ..gegevens.laden import JAARSCHIJF, VOORTGANG, GegevensFout, laad, laad_of_stop
from ..gegevens.model import Afspraak, Jaar, Model, ThemaInJaar
from ..paginas.opmaak import veldnaam
from .jaarbestand import Noemt, Tekstbestand, heeft_gat, kop, niet_overgenomen, scalar

_VIER_CIJFERS = re.compile(r"[0-9]{4}")  # matched in full


class Weigering(Exception):
    """The new year was not made; `regels` are the problems that stopped it."""

    def __init__(self, tekst: str, regels: tuple[str, ...] = ()):
        super().__init__(tekst)
        self.tekst = tekst
        self.regels = regels


@dataclass
class NieuwJaar:
    jaar: int
    van: int | None  # None: the first year, a skeleton
    bestanden: list[str]
    noemt_vorig_jaar: list[Noemt]
    in_te_vullen: int  # placeholders ('NOG INVULLEN') written

# --- the two kinds of file ----------------------------------------------------------------

def nieuwe_titel(titel: str, vorig: int, jaar: int) -> str:
    """Last year's title with the year changed; without a year in it, a plain title."""
    if re.search(rf"\b{vorig}\b", titel):
        return re.sub(rf"\b{vorig}\b", str(jaar), titel)
    return eerste_titel(jaar)


def eerste_titel(jaar: int) -> str:
    return f"Prestatieafspraken {jaar}"


def _herkomst(vorig: Jaar | None) -> str:
    return f"uit {vorig.jaar}" if vorig else "als eerste jaar"


def jaarschijf(vorig: Jaar | None, jaar: int, model: Model) -> Tekstbestand:
    b = Tekstbestand(f"{jaar}/{JAARSCHIJF}", vorig and vorig.jaar, jaar)
    kop(b, "jaarschijf")
    b.opmerking(f"Het jaar {jaar}: inleiding, rollen en ondertekening. Gemaakt met 'make nieuw-jaar' "
                f"{_herkomst(vorig)}.")
    b.veld("jaar", jaar)
    b.opmerking("De titel van dit jaar; pas aan als het document anders heet.")
    b.veld("titel", nieuwe_titel(vorig.titel, vorig.jaar, jaar) if vorig else eerste_titel(jaar))
    if vorig is None or any(heeft_gat(t) for t in (vorig.inleiding, *_rolteksten(vorig))):
        b.opmerking(f"Een tekst die met '{NOG_INVULLEN}' begint, is verplicht: vervang hem door de tekst uit het")
        b.opmerking(f"document van {jaar}. Tot dan noemt 'make check' hem met bestand en regel.")
    if vorig:
        _uit_vorig_jaar(b, vorig)
    else:
        b.invullen("inleiding", "de inleiding")
        b.opmerking("Heeft het document een motto? Zet het dan hier, bijvoorbeeld: motto: <het motto>")
        b.opmerking("De documenten waarop de afspraken gebaseerd zijn, als ids uit data/documenten.yaml:")
        b.opmerking("grondslagen:")
        b.opmerking("  - document: <id>")
        b.opmerking("    zoals_genoemd: <de woorden waarmee het document het noemt>")
        b.regel("grondslagen: []")
    _rollen(b, vorig, model)
    _ondertekening(b, vorig, jaar, model)
    return b


def _rolteksten(vorig: Jaar) -> list[str]:
    r = vorig.rollen
    return [r.inleiding, *(x.kop for x in r.per_partij), *(x.tekst for x in r.per_partij)]


def _uit_vorig_jaar(b: Tekstbestand, vorig: Jaar) -> None:
    """Motto, introduction, focus (offered only), parts and bases of the year before."""
    jaar = b.jaar
    if vorig.motto:
        _los(b, "motto", vorig.motto)
    _los(b, "inleiding", vorig.inleiding, verplicht="de inleiding")
    if vorig.focus:
        # The focus is a choice made for one year: copied as data, last year's themes would
        # be marked as this year's focus. So it is offered commented out.
        focus = Tekstbestand(b.naam, vorig.jaar, jaar)
        focus.regel("focus:")
        focus.veld("tekst", "" if heeft_gat(vorig.focus.tekst) else vorig.focus.tekst, 2)
        focus.veld("themas", vorig.focus.themas, 2)
        b.opmerking(f"De focus van {vorig.jaar} staat hieronder. Heeft {jaar} ook een focus? Haal dan bij de regels")
        b.opmerking(f"hieronder '# ' weg en pas tekst en thema's aan aan het document van {jaar}.")
        for regel in focus.regels:
            b.opmerking(regel)
    if vorig.delen:
        delen = (vorig.delen.tekst, *vorig.delen.onderdelen)
        if any(heeft_gat(t) for t in delen):
            b.opmerking(niet_overgenomen("delen", vorig.jaar, jaar))
        else:
            b.overgenomen("delen", *delen)
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
                b.kopie("zoals_genoemd", g.zoals_genoemd, 4)
    else:
        b.regel("grondslagen: []")


def _los(b: Tekstbestand, sleutel: str, tekst: str, verplicht: str | None = None) -> None:
    """A copied top-level text under its comment; with a gap, see Tekstbestand.kopie."""
    if not heeft_gat(tekst):
        b.overgenomen(sleutel, tekst)
    b.kopie(sleutel, tekst, verplicht=verplicht)


def _rollen(b: Tekstbestand, vorig: Jaar | None, model: Model) -> None:
    if vorig is None:
        b.opmerking("De rollen van de partijen. Hieronder één rol per partij uit data/partijen.yaml: pas koppen")
        b.opmerking("en partijen (ook groepen) aan aan het document, en vul de teksten in.")
        b.regel("rollen:")
        b.invullen("inleiding", "de inleiding op de rollen", 2)
        b.regel("  per_partij:")
        for p in model.partijen.values():
            b.veld("kop", p.naam, 4, streep=True)
            b.veld("partijen", [p.id], 6)
            b.invullen("tekst", f"de rol van {p.naam}", 6)
        return
    r = vorig.rollen
    b.overgenomen("rollen", *_rolteksten(vorig), r.toelichting, r.kop_per_partij)
    b.regel("rollen:")
    b.kopie("inleiding", r.inleiding, 2, verplicht="de inleiding op de rollen")
    if r.kop_per_partij:
        b.kopie("kop_per_partij", r.kop_per_partij, 2)
    if r.toelichting:
        b.kopie("toelichting", r.toelichting, 2)
    b.regel("  per_partij:")
    for rol in r.per_partij:
        b.kopie("kop", rol.kop, 4, streep=True, verplicht="de tussenkop van deze rol")
        b.veld("partijen", rol.partijen, 6)
        b.kopie("tekst", rol.tekst, 6, verplicht="de tekst van deze rol")


def _ondertekening(b: Tekstbestand, vorig: Jaar | None, jaar: int, model: Model) -> None:
    ondertekenaars = ([o.partij for o in vorig.ondertekening.ondertekenaars]
                      if vorig and vorig.ondertekening else list(model.partijen))
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


def themabestand(thema: str, oud: ThemaInJaar | None, vorig: Jaar | None, jaar: int, model: Model) -> Tekstbestand:
    """The theme's file; `oud` is its version in `vorig`, the year before (None for a skeleton)."""
    naam = model.themas[thema].naam
    b = Tekstbestand(f"{jaar}/{thema}.yaml", vorig and vorig.jaar, jaar)
    kop(b, "thema")
    b.opmerking(f"Het jaar {jaar}, thema {naam}. Gemaakt met 'make nieuw-jaar' {_herkomst(vorig)}.")
    b.veld("jaar", jaar)
    b.veld("thema", thema)
    for veld in ("doel", "actualiteit"):
        wat = f"'{veldnaam(veld)}'"
        tekst = getattr(oud, veld) if oud else None
        if tekst:
            _los(b, veld, tekst)
        elif vorig:
            b.opmerking(f"{vorig.jaar} had geen {veld} ({wat}). Staat het in het document van {jaar}, "
                        f"zet het dan hier: {veld}: |")
        else:
            b.opmerking(f"Staat {wat} in het document van {jaar}, zet het dan hier: {veld}: |")
    b.regel()
    b.opmerking(f"De afspraken van {jaar}, met de nummers en in de volgorde van het ondertekende document.")
    b.regel("afspraken: []")
    _voorbeeld(b, thema, jaar, model)
    return b


def _voorbeeld(b: Tekstbestand, thema: str, jaar: int, model: Model) -> None:
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
    titel = scalar(oud.titel) if oud and not heeft_gat(oud.titel) else ""
    b.opmerking(f"    titel: {titel}".rstrip() + "   # een korte titel van de redactie")
    if oud and oud.kop and not heeft_gat(oud.kop):
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


def voortgangbestand(jaar: int) -> Tekstbestand:
    """The year's progress file, empty: progress is recorded apart from the signed text,
    one dated entry at a time, newest at the bottom (/bijdragen/ says how)."""
    b = Tekstbestand(f"{jaar}/{VOORTGANG}", None, jaar)
    kop(b, "voortgang")
    b.opmerking(f"Wat er van de afspraken van {jaar} terechtkomt: gedateerde regels, de nieuwste onderaan.")
    b.opmerking("Nog niets vastgelegd. Verander nooit een regel; hoe u voortgang vastlegt staat op /bijdragen/.")
    b.veld("jaar", jaar)
    b.regel("voortgang: []")
    return b


# --- the command --------------------------------------------------------------------------

def _jaar(tekst: str, schemamap: Path) -> int:
    if not _VIER_CIJFERS.fullmatch(tekst.strip()):
        raise Weigering(f"'{tekst}' is geen jaar; geef het jaar met vier cijfers, bijvoorbeeld 2025.")
    jaar = int(tekst)
    grenzen = json.loads((schemamap / "gemeenschappelijk.schema.json").read_text(encoding="utf-8"))["$defs"]["jaar"]
    if not grenzen["minimum"] <= jaar <= grenzen["maximum"]:
        raise Weigering(f"{jaar} kan niet: een jaar ligt tussen {grenzen['minimum']} en {grenzen['maximum']}.")
    return jaar


def maak(datamap: Path, jaar_tekst: str) -> NieuwJaar:
    """Create `datamap/<jaar>/` from the latest year (without one: a skeleton), or raise
    Weigering having written nothing."""
    datamap = Path(datamap)
    toonpad = f"{datamap.name}/{jaar_tekst.strip()}"
    jaar = _jaar(jaar_tekst, datamap / "schema")
    jaarmap = datamap / str(jaar)
    if jaarmap.exists():
        raise Weigering(f"{toonpad} bestaat al; er is niets overschreven.")
    try:
        model = laad_of_stop(datamap)
    except GegevensFout as fout:
        raise Weigering(f"De gegevens in {datamap.name}/ bevatten fouten; los die eerst op. Er is niets gemaakt.",
                        tuple(fout.regels)) from None
    vorig = model.laatste_jaar  # None: the first year, a skeleton
    if vorig and jaar < vorig.jaar:
        # A year is made from the year before it: copying later texts back would date them
        # wrongly, and a commitment can only continue one from an earlier year.
        raise Weigering(f"{jaar} ligt voor het nieuwste jaar ({vorig.jaar}). 'nieuw-jaar' neemt het nieuwste "
                        f"jaar over in een later jaar; een eerder jaar maakt u met de hand. Er is niets gemaakt.")

    themas = [(t.thema, t) for t in vorig.themas] if vorig else [(t, None) for t in model.themas]
    bestanden = [jaarschijf(vorig, jaar, model)] + [themabestand(t, oud, vorig, jaar, model) for t, oud in themas]
    bestanden.append(voortgangbestand(jaar))
    _schrijf(datamap, jaarmap, bestanden)
    return NieuwJaar(jaar, vorig and vorig.jaar, [f"{datamap.name}/{b.naam}" for b in bestanden],
                     [Noemt(f"{datamap.name}/{n.bestand}", n.regel, n.veld) for b in bestanden for n in b.noemt],
                     sum(b.in_te_vullen for b in bestanden))


def _schrijf(datamap: Path, jaarmap: Path, bestanden: list[Tekstbestand]) -> None:
    """All files appear at once (written in a hidden folder, then renamed), and must pass the checks."""
    tijdelijk = Path(tempfile.mkdtemp(prefix=f".nieuw-{jaarmap.name}-", dir=datamap))  # hidden: laad skips it
    try:
        for b in bestanden:
            (tijdelijk / Path(b.naam).name).write_text(b.tekst(), encoding="utf-8")
        tijdelijk.rename(jaarmap)
    finally:
        shutil.rmtree(tijdelijk, ignore_errors=True)
    fouten = laad(datamap).fouten
    if fouten:  # a bug in this module, never the editor's doing: leave nothing half-made behind
        shutil.rmtree(jaarmap)
        raise Weigering(f"De nieuwe map {datamap.name}/{jaarmap.name} bleek fouten te bevatten en is weer "
                        "verwijderd. Dit is een fout in 'nieuw-jaar'; meld het alstublieft.",
                        tuple(m.als_regel() for m in fouten))
