"""Synthetic progress (data/<jaar>/voortgang.yaml) for the synthetic years.

Every date lies on or before PEILGRENS, a fixed day in the past: the check refuses a date
after today, and a fixed day keeps the output the same on every day it is made. The
synthetic years start in EERSTE_JAAR, so most of them lie after PEILGRENS: they get an
empty progress file (`voortgang: []`), as a year does before anything is known. A year that
began before PEILGRENS gets what could be known by then: entries during the year
(quarterly, monthly for a few long histories), the year-end verdict recorded in the spring
after (from a corporation's volkshuisvestingsverslag or the joint evaluation) when that
spring lies before PEILGRENS, and now and then a correction of an entry.

A commitment continued in the next year (its `voortzetting_van`) is `doorgeschoven` half
the time, naming that successor; the next year must therefore be known. Without it (the
last year of a run) such a commitment gets the status it would otherwise have had. So the
last year's progress file of a short run can differ from the same year in a longer run, in
those entries only; every other file is the same (see `jaren`).

Each commitment draws from its own random stream (seed, year, number), so that one
commitment's history never shifts another's. `lang_behalve` (the benchmark) gives every
other commitment of a year with progress twelve more entries, recorded on PEILGRENS
at the bottom of the file, so that the spared commitment's entries keep their numbers.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from ...gegevens.model import afspraak_id
from . import PEILGRENS
from .gedeeld import Gedeeld

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")
NIET_BEOORDEELD_KANS = 0.12  # commitments nobody has assessed yet
LANG_KANS = 0.05  # commitments with a monthly history
CORRECTIE_KANS = 0.06  # a year-end verdict corrected later
DOORGESCHOVEN_KANS = 0.5  # a continued commitment is carried on (not finished first)
LANGE_GESCHIEDENIS = 12  # extra entries per commitment with `lang_behalve`

EINDE = {"gerealiseerd": 35, "deels-gerealiseerd": 22, "niet-gerealiseerd": 8, "niet-toetsbaar": 5,
         "vervallen": 4, "nog-niet-beoordeeld": 3}
ONDERWEG = {"loopt": 65, "vertraagd": 25, "stilgelegd": 10}
TOELICHTING = {
    "nog-niet-beoordeeld": "De evaluatie van {jaar} zegt niets over deze afspraak.",
    "niet-gestart": "Het werk is nog niet begonnen.",
    "loopt": "Het werk loopt volgens plan.",
    "vertraagd": "Het werk loopt, maar het is later klaar dan afgesproken.",
    "stilgelegd": "Het werk ligt stil.",
    "gerealiseerd": "Het afgesproken resultaat is bereikt.",
    "deels-gerealiseerd": "Een deel van het afgesproken resultaat is bereikt.",
    "niet-gerealiseerd": "Het afgesproken resultaat is niet bereikt.",
    "doorgeschoven": "Niet klaar in {jaar}. Afspraak {opvolger} van {volgend} zet het voort.",
    "vervallen": "De partijen hebben besloten dat deze afspraak niet meer geldt.",
    "niet-toetsbaar": "De afspraak zegt niet wat er bereikt moet zijn.",
}
REDENEN = {
    "vertraagd": ("Er waren te weinig mensen om het werk te doen.", "De vergunning kwam later dan verwacht.",
                  "De materialen werden later geleverd."),
    "stilgelegd": ("De partijen wachten op een besluit over het geld.", "De grond is nog niet beschikbaar.",
                   "De bewoners willen eerst meer uitleg."),
    "niet-gerealiseerd": ("Het werk bleek duurder dan gedacht.", "Er kwamen minder aanvragen dan verwacht.",
                          "Er was te weinig tijd."),
}


def _dag(tekst: str) -> date:
    return date.fromisoformat(tekst)


GRENS = _dag(PEILGRENS)


def _maandeinde(jaar: int, maand: int) -> date:
    return (date(jaar + 1, 1, 1) if maand == 12 else date(jaar, maand + 1, 1)) - timedelta(days=1)


def _kies(rng: random.Random, gewichten: dict[str, int]) -> str:
    return rng.choices(list(gewichten), weights=list(gewichten.values()))[0]


class Voortgangmaker:
    def __init__(self, maker: Gedeeld):
        self.m = maker
        soort = {maker.partij_id[p.id]: p.soort for p in maker.vb.partijen.values()}
        self.corporaties = [i for i, s in soort.items() if s == "woningcorporatie"] or list(soort)
        alle = set(maker.partijen)
        # who assesses in the joint evaluation: the group of all parties, else the editors
        self.samen = next((g for g, leden in maker.groepsleden.items() if set(leden) == alle), "redactie")

    def bestand(self, jaar, volgend, lang_behalve: str | None = None) -> tuple[str, dict]:
        """(path, data) of the year's progress file; `jaar`/`volgend` are jaren.GemaaktJaar
        (`volgend` None: no next year in this run)."""
        opvolgers = {}
        if volgend:
            opvolgers = {a.vorige: afspraak_id(volgend.jaar, a.nummer)
                         for lijst in volgend.per_thema.values() for a in lijst if a.vorige}
        afspraken = sorted((a for lijst in jaar.per_thema.values() for a in lijst), key=lambda a: a.nummer)
        regels: list[dict] = []
        if date(jaar.jaar, 1, 1) <= GRENS:
            for a in afspraken:
                regels += self._verloop(jaar.jaar, a, opvolgers.get(afspraak_id(jaar.jaar, a.nummer)))
        # down the file in the order recorded (the sort keeps a commitment's own order)
        regels.sort(key=lambda r: r["vastgelegd"])
        for nummer, r in enumerate(regels, start=1):
            r["nummer"] = nummer
        if lang_behalve and date(jaar.jaar, 1, 1) <= GRENS:
            for a in afspraken:
                if afspraak_id(jaar.jaar, a.nummer) != lang_behalve:
                    regels += self._lang(jaar.jaar, a, len(regels) + 1)
        return f"{jaar.jaar}/voortgang.yaml", {"jaar": jaar.jaar, "voortgang": [self._als_yaml(r) for r in regels]}

    # --- one commitment's history ------------------------------------------------------------

    def _verloop(self, jaar: int, a, opvolger: str | None) -> list[dict]:
        rng = random.Random(f"{self.m.zaad}-{jaar}-voortgang-{a.nummer}")
        if a.nummer != 1 and rng.random() < NIET_BEOORDEELD_KANS:  # the first always has one: the bench measures it
            return []
        if rng.random() < LANG_KANS:
            peildata = [_maandeinde(jaar, m) for m in range(1, 12)]
        else:
            peildata = sorted(rng.sample([_maandeinde(jaar, m) for m in (3, 6, 9)], rng.randint(0, 3)))
        doelen = a.data.get("doelen", [])
        regels = []
        status = "niet-gestart" if rng.random() < 0.25 else "loopt"
        for i, peil in enumerate(peildata):
            if i:
                status = _kies(rng, ONDERWEG)
            aandeel = (i + 1) / (len(peildata) + 1) * rng.uniform(0.6, 1.0)
            waarden = rng.random() < 0.4 and status != "niet-gestart"
            regels.append(self._regel(rng, jaar, a, peil, peil + timedelta(days=rng.randint(3, 25)), status,
                                      self._tussenbron(rng, jaar, peil),
                                      self._waarden(doelen, aandeel, voorlopig=True) if waarden else []))
        # the year-end verdict, recorded in the spring after
        status = _kies(rng, EINDE)
        if status == "deels-gerealiseerd" and not doelen:
            status = "gerealiseerd"
        if status == "niet-toetsbaar" and doelen:
            status = "deels-gerealiseerd"
        doorschuiven = rng.random() < DOORGESCHOVEN_KANS
        if opvolger and doorschuiven:
            status = "doorgeschoven"
        peil = date(jaar, 12, 31)
        vastgelegd = date(jaar + 1, 4, 20) + timedelta(days=rng.randint(0, 70))
        bron = self._eindbron(rng, jaar, vastgelegd, status, peil)
        aandeel = {"gerealiseerd": 1.0, "niet-gerealiseerd": rng.uniform(0.0, 0.3)}.get(status, rng.uniform(0.3, 0.9))
        met_waarden = bool(doelen) and status not in ("nog-niet-beoordeeld", "vervallen", "niet-toetsbaar")
        # now and then the first report had the numbers wrong, and a later entry corrects them
        fout = rng.random() < CORRECTIE_KANS and met_waarden and status != "gerealiseerd"
        waarden = self._waarden(doelen, min(1.0, aandeel + 0.1) if fout else aandeel) if met_waarden else []
        eind = self._regel(rng, jaar, a, peil, vastgelegd, status, bron, waarden, opvolger)
        regels.append(eind)
        if fout:
            herstel = dict(eind, vastgelegd=(vastgelegd + timedelta(days=rng.randint(10, 60))).isoformat(),
                           corrigeert=eind, gerealiseerd=self._waarden(doelen, aandeel))
            herstel["toelichting"] = "Herstelt regel {corrigeert}: de aantallen in het eerste verslag klopten niet."
            regels.append(herstel)
        return [r for r in regels if _dag(r["vastgelegd"]) <= GRENS]

    def _regel(self, rng, jaar, a, peil: date, vastgelegd: date, status: str, bron: dict | None,
               waarden: list[dict], opvolger: str | None = None) -> dict:
        volgend = int(opvolger.split("-")[0]) if opvolger else None
        regel = {"afspraak": afspraak_id(jaar, a.nummer), "peildatum": peil.isoformat(),
                 "vastgelegd": vastgelegd.isoformat(), "status": status,
                 "toelichting": TOELICHTING[status].format(jaar=jaar, opvolger=opvolger, volgend=volgend)}
        if status in REDENEN:
            regel["reden"] = rng.choice(REDENEN[status])
        if status == "doorgeschoven":
            regel["opvolger"] = opvolger
        kop = a.data["verantwoordelijk"]
        regel["beoordeeld_door"] = (bron or {}).get("_door") or (kop[0] if kop else "redactie")
        if bron and status != "nog-niet-beoordeeld":
            regel["bronnen"] = [{k: v for k, v in bron.items() if k != "_door"}]
        if waarden:
            regel["gerealiseerd"] = waarden
        return regel

    def _lang(self, jaar: int, a, nummer: int) -> list[dict]:
        """Monthly entries recorded late, on PEILGRENS, at the bottom of the file."""
        uit = []
        for maand in range(1, LANGE_GESCHIEDENIS + 1):
            peil = date(jaar, maand, 15)
            if peil > GRENS:
                break
            uit.append({"nummer": nummer + len(uit), "afspraak": afspraak_id(jaar, a.nummer),
                        "peildatum": peil.isoformat(), "vastgelegd": PEILGRENS, "status": "loopt",
                        "toelichting": f"Zo stond het werk half {MAANDEN[maand - 1]}.", "beoordeeld_door": "redactie",
                        "bronnen": [{"titel": f"Maandoverzicht {MAANDEN[maand - 1]} {jaar}", "soort": "monitor",
                                     "datum": peil.isoformat()}]})
        return uit

    # --- sources and numbers ---------------------------------------------------------------

    def _corporatie(self, rng) -> tuple[str, str]:
        id_ = rng.choice(self.corporaties)
        return id_, self.m.partijen[id_][0]

    def _tussenbron(self, rng, jaar: int, peil: date) -> dict:
        id_, naam = self._corporatie(rng)
        kwartaal = (peil.month - 1) // 3 + 1
        return {"titel": f"Voortgangsbericht {MAANDEN[peil.month - 1]} {jaar} van {naam}", "soort": "monitor",
                "datum": (peil + timedelta(days=2)).isoformat(), "pagina": rng.randint(1, 4) + kwartaal, "_door": id_}

    def _eindbron(self, rng, jaar: int, vastgelegd: date, status: str, peil: date) -> dict:
        datum = (vastgelegd - timedelta(days=rng.randint(1, 14))).isoformat()
        if status == "vervallen":
            besluit = peil - timedelta(days=rng.randint(20, 150))
            return {"titel": f"Besluitenlijst bestuurlijk overleg {besluit.day} {MAANDEN[besluit.month - 1]} {jaar}",
                    "soort": "besluit", "datum": besluit.isoformat(), "pagina": rng.randint(1, 3), "_door": self.samen}
        if rng.random() < 0.5:
            id_, naam = self._corporatie(rng)
            return {"titel": f"Volkshuisvestingsverslag {jaar} van {naam}", "soort": "volkshuisvestingsverslag",
                    "url": f"https://www.example.org/{id_}/volkshuisvestingsverslag-{jaar}.pdf", "datum": datum,
                    "pagina": rng.randint(3, 60), "_door": id_}
        return {"titel": f"Evaluatie prestatieafspraken {jaar}", "soort": "evaluatie", "datum": datum,
                "pagina": rng.randint(2, 30), "_door": self.samen}

    def _waarden(self, doelen: list[dict], aandeel: float, voorlopig: bool = False) -> list[dict]:
        """A realised value per target, in its unit; a part (per place) its total's share, so
        parts never add up to more than their total."""
        gehaald: dict[str, int] = {}
        uit = []
        for positie, d in enumerate(doelen, start=1):
            if d.get("deel_van") in gehaald:
                totaal = next(x for x in doelen if x.get("id") == d["deel_van"])
                aantal = gehaald[d["deel_van"]] * d["aantal"] // totaal["aantal"] if totaal["aantal"] else 0
            else:
                aantal = int(d["aantal"] * aandeel)
            if d.get("id"):
                gehaald[d["id"]] = aantal
            waarde = {"doel": positie, "aantal": aantal, "eenheid": d["eenheid"]}
            if d["eenheid"] == "labels":
                waarde["methode"] = "NTA 8800"
            if voorlopig:
                waarde["voorlopig"] = True
            uit.append(waarde)
        return uit

    def _als_yaml(self, r: dict) -> dict:
        """The schema's order of fields; a correction names the entry it corrects by number."""
        if isinstance(r.get("corrigeert"), dict):
            r["toelichting"] = r["toelichting"].format(corrigeert=r["corrigeert"]["nummer"])
            r["corrigeert"] = r["corrigeert"]["nummer"]
        volgorde = ("nummer", "afspraak", "peildatum", "vastgelegd", "status", "toelichting", "reden", "opvolger",
                    "corrigeert", "beoordeeld_door", "bronnen", "gerealiseerd")
        return {k: r[k] for k in volgorde if k in r}
