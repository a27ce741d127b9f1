"""Checks of a year's progress entries (data/<jaar>/voortgang.yaml) that the schema cannot express.

Each entry is about a commitment of its own year; entries are appended with the next
number and are never edited (a later entry corrects an earlier one); dates lie in the
past and in the order recorded; a status carries what it needs (a reason, a successor, a
source, a decision, a realised value); realised values fit the commitment's targets.

Run on parsed files like the other checks (controles.py), so every access is defensive:
data that failed its schema may have any shape, and is reported there. Every message
text has its own function, so the editors' guide can quote it. Plain Python, no MkDocs.
"""
from __future__ import annotations

from datetime import date

from .controlehulp import dicts, lijst, onbekend, onbekende, veld
from .gelezen import Jaarmap
from .meldingen import WAARSCHUWING, Melding
from .voortgang import NOG_NIET, PER_ID, REDACTIE
from .yamlbestand import Bestand

DOORGESCHOVEN = "doorgeschoven"
VERVALLEN = "vervallen"
DEELS = "deels-gerealiseerd"
BESLUIT = "besluit"
LABELS = "labels"  # energy labels: how they were counted matters (NTA 8800 or older)


def _getal(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _geheel(x) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _tal(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def _datum(x) -> date | None:
    """A date as the schema writes it; None for anything else (the schema reports that)."""
    if not isinstance(x, str):
        return None
    try:
        return date.fromisoformat(x)
    except ValueError:
        return None


def _volgorde(afspraak_id: str) -> tuple:
    jaar, _, nummer = afspraak_id.partition("-")
    return (jaar, int(nummer)) if nummer.isdigit() else (jaar, 0)


def doelen_van(jaarmap: Jaarmap) -> dict[str, list]:
    """Per commitment of the year (id): its `doelen` as in the file (items may be of any shape)."""
    uit: dict[str, list] = {}
    for b in jaarmap.themas:
        for _, a in dicts(veld(b.data, "afspraken")):
            if _geheel(a.get("nummer")):
                uit[f"{jaarmap.jaar}-{a['nummer']}"] = lijst(a.get("doelen"))
    return uit


def controleer(b: Bestand, jaarmap: Jaarmap, ids, vandaag: date) -> list[Melding]:
    """Every check of the year's progress file `b`. `ids` is controles._Ids: the known ids,
    and `voortzetting` (commitment id -> the id its `voortzetting_van` names)."""
    jaar = jaarmap.jaar
    doelen = doelen_van(jaarmap)
    eigen = sorted((a for a in ids.afspraken if a.startswith(f"{jaar}-")), key=_volgorde)
    regels = list(dicts(veld(b.data, "voortgang")))
    meldingen = _nummers(b, regels)
    meldingen += _data(b, regels, vandaag)
    per_nummer = {r["nummer"]: (i, r) for i, r in reversed(regels) if _geheel(r.get("nummer"))}
    gecorrigeerd: dict[int, int] = {}  # number of a corrected entry -> number of the first that corrects it
    for i, r in regels:
        pad = ("voortgang", i)
        afspraak = r.get("afspraak")
        if isinstance(afspraak, str) and afspraak not in eigen and jaar not in ids.onvolledig:
            meldingen.append(b.melding(pad + ("afspraak",), niet_van_dit_jaar(afspraak, jaar)
                                       if afspraak in ids.afspraken else onbekende_afspraak(afspraak, jaar, eigen)))
        meldingen += onbekende(b, pad + ("beoordeeld_door",), r.get("beoordeeld_door"),
                               ids.partijen + ids.groepen + [REDACTIE], "onbekende partij of groep")
        for j, bron in dicts(r.get("bronnen")):
            meldingen += onbekende(b, pad + ("bronnen", j, "document"), bron.get("document"), ids.documenten,
                                   "onbekend document")
        meldingen += _status(b, pad, r, jaar, ids, doelen.get(afspraak) if afspraak in eigen else None)
        meldingen += _corrigeert(b, pad, r, per_nummer, gecorrigeerd)
        if isinstance(afspraak, str) and afspraak in doelen:
            meldingen += _gerealiseerd(b, pad, r, afspraak, doelen[afspraak])
    return meldingen


# --- numbers: unique, ascending, without gaps ---------------------------------------------------

def _nummers(b: Bestand, regels: list[tuple[int, dict]]) -> list[Melding]:
    meldingen: list[Melding] = []
    gezien: dict[int, int] = {}  # number -> index of its first entry
    hoogste = 0
    for i, r in regels:
        nummer = r.get("nummer")
        if not _geheel(nummer) or nummer < 1:
            continue
        pad = ("voortgang", i, "nummer")
        if nummer in gezien:
            eerder = b.plek(("voortgang", gezien[nummer], "nummer"))[0]
            meldingen.append(b.melding(pad, nummer_bestaat_al(nummer, f"{b.toonpad}:{eerder}", hoogste + 1)))
            continue
        gezien[nummer] = i
        if nummer < hoogste:
            meldingen.append(b.melding(pad, nummer_niet_oplopend(nummer, hoogste)))
        elif nummer > hoogste + 1:
            meldingen.append(b.melding(pad, nummer_springt(hoogste, nummer), WAARSCHUWING))
        hoogste = max(hoogste, nummer)
    return meldingen


def nummer_bestaat_al(nummer: int, waar: str, volgend: int) -> str:
    return (f"regel {nummer} bestaat al ({waar}); een nieuwe regel krijgt het volgende nummer, "
            f"hier {volgend}")


def nummer_niet_oplopend(nummer: int, hoogste: int) -> str:
    return (f"regel {nummer} staat onder regel {hoogste}; een nieuwe regel komt onderaan met het "
            f"volgende nummer, hier {hoogste + 1}")


def nummer_springt(vorig: int, volgend: int) -> str:
    wat = f"regel {vorig + 1} ontbreekt" if volgend - vorig == 2 else f"regels {vorig + 1} t/m {volgend - 1} ontbreken"
    return (f"{wat} (de nummering springt van {vorig} naar {volgend}); haal nooit een regel weg, "
            "maar corrigeer hem met een nieuwe regel")


# --- dates ----------------------------------------------------------------------------------------

def _data(b: Bestand, regels: list[tuple[int, dict]], vandaag: date) -> list[Melding]:
    meldingen: list[Melding] = []
    boven: tuple[int, date] | None = None  # the entry above: its number and when it was recorded
    for i, r in regels:
        pad = ("voortgang", i)
        peildatum, vastgelegd = _datum(r.get("peildatum")), _datum(r.get("vastgelegd"))
        plekken = [(pad + ("peildatum",), peildatum), (pad + ("vastgelegd",), vastgelegd)]
        plekken += [(pad + ("bronnen", j, "datum"), _datum(x.get("datum"))) for j, x in dicts(r.get("bronnen"))]
        plekken += [(pad + ("gerealiseerd", j, "datum"), _datum(x.get("datum")))
                    for j, x in dicts(r.get("gerealiseerd"))]
        for plek, dag in plekken:
            if dag is not None and dag > vandaag:
                meldingen.append(b.melding(plek, na_vandaag(dag, vandaag)))
        if peildatum and vastgelegd and vastgelegd < peildatum:
            meldingen.append(b.melding(pad + ("vastgelegd",), voor_de_peildatum(vastgelegd, peildatum)))
        if vastgelegd:
            if boven and vastgelegd < boven[1]:
                meldingen.append(b.melding(pad + ("vastgelegd",), eerder_dan_erboven(vastgelegd, *boven)))
            boven = (r.get("nummer") if _geheel(r.get("nummer")) else 0, vastgelegd)
    return meldingen


def na_vandaag(dag: date, vandaag: date) -> str:
    return (f"{dag.isoformat()} ligt na vandaag ({vandaag.isoformat()}); voortgang gaat over wat al "
            "gebeurd is: vul een datum in die al geweest is")


def voor_de_peildatum(vastgelegd: date, peildatum: date) -> str:
    return (f"vastgelegd op {vastgelegd.isoformat()}, vóór de peildatum {peildatum.isoformat()}; de stand "
            "van een dag legt u op of na die dag vast")


def eerder_dan_erboven(vastgelegd: date, nummer: int, boven: date) -> str:
    return (f"vastgelegd op {vastgelegd.isoformat()}, eerder dan regel {nummer} erboven "
            f"({boven.isoformat()}); een nieuwe regel komt onderaan, met de dag waarop u hem vastlegt")


# --- what a status needs --------------------------------------------------------------------------

def _status(b: Bestand, pad: tuple, r: dict, jaar: int, ids, doelen: list | None) -> list[Melding]:
    status = PER_ID.get(r["status"]) if isinstance(r.get("status"), str) else None
    if status is None:
        return []
    meldingen: list[Melding] = []
    if status.reden_nodig and not r.get("reden"):
        meldingen.append(b.melding(pad + ("reden",), reden_ontbreekt(status.id)))
    opvolger = r.get("opvolger")
    if status.id == DOORGESCHOVEN and opvolger is None:
        meldingen.append(b.melding(pad + ("opvolger",), opvolger_ontbreekt(jaar)))
    elif status.id != DOORGESCHOVEN and opvolger is not None:
        meldingen.append(b.melding(pad + ("opvolger",), opvolger_niet_nodig(status.id), sleutel=True))
    elif isinstance(opvolger, str):
        meldingen += _opvolger(b, pad + ("opvolger",), opvolger, r.get("afspraak"), jaar, ids)
    bronnen = list(dicts(r.get("bronnen")))
    if status.id == VERVALLEN and not any(x.get("soort") == BESLUIT for _, x in bronnen):
        meldingen.append(b.melding(pad + ("bronnen",), besluit_ontbreekt()))
    elif status.id != NOG_NIET and not lijst(r.get("bronnen")):
        meldingen.append(b.melding(pad + ("bronnen",), bron_ontbreekt(status.id)))
    if status.id == DEELS and doelen and not lijst(r.get("gerealiseerd")):
        meldingen.append(b.melding(pad + ("gerealiseerd",), aantal_ontbreekt(len(doelen))))
    return meldingen


def _opvolger(b: Bestand, pad: tuple, opvolger: str, afspraak, jaar: int, ids) -> list[Melding]:
    if opvolger not in ids.afspraken:
        if ids.misschien(opvolger):
            return []
        later = sorted((a for a in ids.afspraken if _volgorde(a)[0] > str(jaar)), key=_volgorde)
        return [b.melding(pad, onbekend("onbekende afspraak", opvolger, later))]
    if _volgorde(opvolger)[0] <= str(jaar):
        return [b.melding(pad, opvolger_niet_later(opvolger, jaar))]
    if isinstance(afspraak, str) and ids.voortzetting.get(opvolger) != afspraak:
        return [b.melding(pad, opvolger_zet_niet_voort(opvolger, afspraak), WAARSCHUWING)]
    return []


def reden_ontbreekt(status: str) -> str:
    return f"bij status '{status}' is 'reden' verplicht: zeg in gewone woorden waarom"


def opvolger_ontbreekt(jaar: int) -> str:
    return (f"bij status '{DOORGESCHOVEN}' is 'opvolger' verplicht: de afspraak van een jaar na {jaar} "
            "die dit voortzet, als <jaar>-<nummer>")


def opvolger_niet_nodig(status: str) -> str:
    return (f"'opvolger' hoort alleen bij status '{DOORGESCHOVEN}', hier staat '{status}'; haal het weg "
            "of kies die status")


def opvolger_niet_later(opvolger: str, jaar: int) -> str:
    return f"'{opvolger}' is niet uit een later jaar dan {jaar}; de opvolger zet deze afspraak later voort"


def opvolger_zet_niet_voort(opvolger: str, afspraak: str) -> str:
    return (f"afspraak {opvolger} heeft niet 'voortzetting_van: \"{afspraak}\"'; zet dat bij {opvolger}, "
            "of noem de afspraak die dit wel voortzet")


def besluit_ontbreekt() -> str:
    return (f"bij status '{VERVALLEN}' is minstens één bron een besluit ('soort: {BESLUIT}'): het stuk "
            "waarin de partijen besloten dat de afspraak niet meer geldt")


def bron_ontbreekt(status: str) -> str:
    return f"bij status '{status}' is minstens één bron verplicht: zeg onder 'bronnen' waar het staat"


def aantal_ontbreekt(aantal_doelen: int) -> str:
    wat = "één doel" if aantal_doelen == 1 else f"{aantal_doelen} doelen"
    return (f"bij status '{DEELS}' hoort onder 'gerealiseerd' wat er bereikt is; deze afspraak heeft "
            f"{wat}")


# --- corrections ---------------------------------------------------------------------------------

def _corrigeert(b: Bestand, pad: tuple, r: dict, per_nummer: dict, gecorrigeerd: dict) -> list[Melding]:
    doel, nummer = r.get("corrigeert"), r.get("nummer")
    if not _geheel(doel) or not _geheel(nummer):
        return []
    plek = pad + ("corrigeert",)
    if doel == nummer:
        return [b.melding(plek, corrigeert_zichzelf())]
    if doel > nummer or doel not in per_nummer:
        return [b.melding(plek, corrigeert_geen_eerdere(doel, nummer))]
    ander = per_nummer[doel][1].get("afspraak")
    if isinstance(ander, str) and isinstance(r.get("afspraak"), str) and ander != r["afspraak"]:
        return [b.melding(plek, corrigeert_andere_afspraak(doel, ander, r["afspraak"]))]
    if doel in gecorrigeerd:
        return [b.melding(plek, al_gecorrigeerd(doel, gecorrigeerd[doel]))]
    gecorrigeerd[doel] = nummer
    return []


def corrigeert_zichzelf() -> str:
    return "een regel corrigeert zichzelf niet; noem het nummer van de eerdere regel die niet klopt"


def corrigeert_geen_eerdere(doel: int, nummer: int) -> str:
    return (f"er staat geen regel {doel} boven deze regel ({nummer}); 'corrigeert' noemt het nummer van "
            "een eerdere regel")


def corrigeert_andere_afspraak(doel: int, ander: str, afspraak: str) -> str:
    return (f"regel {doel} gaat over afspraak {ander}, deze regel over {afspraak}; een correctie gaat "
            "over dezelfde afspraak")


def al_gecorrigeerd(doel: int, door: int) -> str:
    return (f"regel {doel} is al gecorrigeerd door regel {door}; klopt die ook niet, corrigeer dan "
            f"regel {door}")


# --- realised values against the commitment's targets ------------------------------------------------

def _gerealiseerd(b: Bestand, pad: tuple, r: dict, afspraak: str, doelen: list) -> list[Melding]:
    meldingen: list[Melding] = []
    aantal_bronnen = len(lijst(r.get("bronnen")))
    per_doel: dict[int, int] = {}  # target (from 1) -> index of its realised value
    for k, w in dicts(r.get("gerealiseerd")):
        plek = pad + ("gerealiseerd", k)
        nr = w.get("doel")
        eenheid = w.get("eenheid")
        if _geheel(w.get("bron")) and w["bron"] > aantal_bronnen:
            meldingen.append(b.melding(plek + ("bron",), geen_bron(w["bron"], aantal_bronnen)))
        if eenheid == LABELS and not w.get("methode"):
            meldingen.append(b.melding(plek + ("methode",), methode_ontbreekt()))
        if not _geheel(nr):
            continue
        if not 1 <= nr <= len(doelen):
            meldingen.append(b.melding(plek + ("doel",), geen_doel(nr, afspraak, doelen)))
            continue
        if nr in per_doel:
            meldingen.append(b.melding(plek + ("doel",), doel_al_genoemd(nr, per_doel[nr] + 1)))
            continue
        per_doel[nr] = k
        verwacht = veld(doelen[nr - 1], "eenheid")
        if isinstance(eenheid, str) and isinstance(verwacht, str) and eenheid != verwacht:
            meldingen.append(b.melding(plek + ("eenheid",), andere_eenheid(nr, verwacht, eenheid)))
    meldingen += _delen(b, pad, r, doelen, per_doel)
    return meldingen


def _delen(b: Bestand, pad: tuple, r: dict, doelen: list, per_doel: dict[int, int]) -> list[Melding]:
    """Realised values of the parts of a total add up to no more than that of the total."""
    waarden = lijst(r.get("gerealiseerd"))
    aantal = {nr: waarden[k].get("aantal") for nr, k in per_doel.items() if _getal(waarden[k].get("aantal"))}
    meldingen = []
    for nr, d in enumerate(doelen, start=1):
        id_ = veld(d, "id")
        if not isinstance(id_, str) or nr not in aantal or veld(d, "deel_van") is not None:
            continue
        delen = [aantal[m] for m, x in enumerate(doelen, start=1) if m != nr and veld(x, "deel_van") == id_
                 and m in aantal]
        if delen and sum(delen) > aantal[nr]:
            meldingen.append(b.melding(pad + ("gerealiseerd", per_doel[nr], "aantal"),
                                       delen_meer_dan_totaal(nr, sum(delen), aantal[nr])))
    return meldingen


def doelen_kort(doelen: list) -> str:
    """'1: nieuwe huurwoningen (20 woningen), 2: …': a commitment's targets, by their number."""
    delen = []
    for nr, d in enumerate(doelen, start=1):
        wat = veld(d, "wat") if isinstance(veld(d, "wat"), str) else "?"
        aantal, eenheid = veld(d, "aantal"), veld(d, "eenheid")
        hoeveel = f" ({_tal(aantal)} {eenheid})" if _getal(aantal) and isinstance(eenheid, str) else ""
        delen.append(f"{nr}: {wat}{hoeveel}")
    return ", ".join(delen)


def geen_doel(nr: int, afspraak: str, doelen: list) -> str:
    if not doelen:
        return (f"deze afspraak heeft geen doelen, dus geen doel {nr}; zeg in 'toelichting' wat er bereikt "
                "is en laat 'gerealiseerd' weg")
    if len(doelen) == 1:
        return f"afspraak {afspraak} heeft één doel, geen doel {nr}; het enige doel is {doelen_kort(doelen)}"
    return f"afspraak {afspraak} heeft {len(doelen)} doelen, geen doel {nr}; kies uit {doelen_kort(doelen)}"


def doel_al_genoemd(nr: int, eerder: int) -> str:
    return f"doel {nr} staat al bij gerealiseerd[{eerder}] van deze regel; noem elk doel één keer"


def andere_eenheid(nr: int, verwacht: str, eenheid: str) -> str:
    return (f"doel {nr} telt in '{verwacht}', hier staat '{eenheid}'; gebruik de eenheid van het doel, of "
            "noem het juiste doel")


def geen_bron(bron: int, aantal: int) -> str:
    wat = "geen bronnen" if aantal == 0 else "één bron" if aantal == 1 else f"{aantal} bronnen"
    return f"deze regel heeft {wat}, geen bron {bron}; 'bron' is het nummer van een bron onder 'bronnen'"


def methode_ontbreekt() -> str:
    return "bij energielabels is 'methode' verplicht: zeg hoe de labels bepaald zijn, bijvoorbeeld 'NTA 8800'"


def delen_meer_dan_totaal(nr: int, som: float, totaal: float) -> str:
    return (f"de delen van doel {nr} tellen op tot {_tal(som)}, meer dan de {_tal(totaal)} van doel {nr} "
            "zelf; klopt een van die aantallen niet?")


def onbekende_afspraak(afspraak: str, jaar: int, eigen: list[str]) -> str:
    if not eigen:
        return f"onbekende afspraak '{afspraak}'; {jaar} heeft (nog) geen afspraken"
    return onbekend("onbekende afspraak", afspraak, eigen)


def niet_van_dit_jaar(afspraak: str, jaar: int) -> str:
    ander = afspraak.split("-")[0]
    return (f"afspraak {afspraak} is niet van {jaar}; voortgang van een afspraak staat in de voortgang.yaml "
            f"van haar eigen jaar (data/{ander}/voortgang.yaml)")
