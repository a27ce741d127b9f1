"""The rules a progress file (data/<jaar>/voortgang.yaml) must keep, as the project states them
(issue 14), checked here on a loaded model: for data that this project generates or shows as
an example (synthetic progress, the guide's examples), so that they hold even where the
loader's own checks do not (yet) look. Returns what breaks a rule, in plain words; [] is good.
"""
from __future__ import annotations

from datetime import date

from macros.gegevens.model import Model
from macros.gegevens.voortgang import NOG_NIET, PER_ID, REDACTIE


def overtredingen(model: Model, vandaag: date | None = None) -> list[str]:
    vandaag = (vandaag or date.today()).isoformat()
    uit: list[str] = []
    for jaar in model.jaren.values():
        vorige_vastgelegd = ""
        eerder: dict[int, str] = {}  # number -> commitment, of the entries above
        for i, r in enumerate(jaar.voortgang, start=1):
            waar = f"{jaar.jaar} regel {r.nummer}"
            a = model.afspraak(r.afspraak) if r.afspraak in {x.id for x in jaar.afspraken} else None
            if r.nummer != i:
                uit.append(f"{waar}: nummer {r.nummer}, verwacht {i}")
            if a is None:
                uit.append(f"{waar}: afspraak {r.afspraak} niet van {jaar.jaar}")
            if r.vastgelegd < r.peildatum:
                uit.append(f"{waar}: vastgelegd voor de peildatum")
            datums = [r.peildatum, r.vastgelegd, *(b.datum for b in r.bronnen), *(g.datum for g in r.gerealiseerd)]
            if max(datums) > vandaag:
                uit.append(f"{waar}: datum na vandaag")
            if r.vastgelegd < vorige_vastgelegd:
                uit.append(f"{waar}: vastgelegd eerder dan de regel erboven")
            vorige_vastgelegd = r.vastgelegd
            if PER_ID[r.status].reden_nodig and not r.reden:
                uit.append(f"{waar}: reden ontbreekt")
            if r.status != NOG_NIET and not r.bronnen:
                uit.append(f"{waar}: bron ontbreekt")
            if (r.opvolger is not None) != (r.status == "doorgeschoven"):
                uit.append(f"{waar}: opvolger hoort alleen (en altijd) bij doorgeschoven")
            if r.opvolger and (r.opvolger not in {x.id for x in model.afspraken}
                               or model.afspraak(r.opvolger).jaar <= jaar.jaar):
                uit.append(f"{waar}: opvolger {r.opvolger} bestaat niet in een later jaar")
            if r.status == "vervallen" and not any(b.soort == "besluit" for b in r.bronnen):
                uit.append(f"{waar}: vervallen zonder besluit")
            if r.beoordeeld_door != REDACTIE and r.beoordeeld_door not in model.partijen \
                    and r.beoordeeld_door not in model.groepen:
                uit.append(f"{waar}: onbekend wie beoordeelde: {r.beoordeeld_door}")
            if r.corrigeert is not None and eerder.get(r.corrigeert) != r.afspraak:
                uit.append(f"{waar}: corrigeert geen eerdere regel van dezelfde afspraak")
            for g in r.gerealiseerd:
                if a is None:
                    continue
                if not 1 <= g.doel <= len(a.doelen) or a.doelen[g.doel - 1].eenheid != g.eenheid:
                    uit.append(f"{waar}: doel {g.doel} bestaat niet met eenheid {g.eenheid}")
                if g.eenheid == "labels" and not g.methode:
                    uit.append(f"{waar}: labels zonder methode")
                if not 1 <= g.bron <= len(r.bronnen):
                    uit.append(f"{waar}: bron {g.bron} van een aantal bestaat niet")
            if r.status == "deels-gerealiseerd" and a is not None and a.doelen and not r.gerealiseerd:
                uit.append(f"{waar}: deels gerealiseerd zonder aantal")
            uit += _delen(waar, a, r) if a is not None else []
            eerder[r.nummer] = r.afspraak
    return uit


def _delen(waar: str, a, r) -> list[str]:
    """A part (per place) never realised more than its total, in the same entry."""
    waarden = {g.doel: g.aantal for g in r.gerealiseerd}
    plek = {d.id: i for i, d in enumerate(a.doelen, start=1) if d.id}
    uit = []
    for i, d in enumerate(a.doelen, start=1):
        totaal = plek.get(d.deel_van)
        if i in waarden and totaal in waarden and waarden[i] > waarden[totaal]:
            uit.append(f"{waar}: deel {i} meer dan zijn totaal {totaal}")
    return uit
