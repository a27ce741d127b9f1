"""The editors' guide on progress (/bijdragen/, "Voortgang vastleggen"): one example entry per
status of voortgang.STATUSSEN, and a correction, each as YAML the way it goes into
data/<jaar>/voortgang.yaml.

The examples are made here, in one place, from the data: real commitments of a year that lies
in the past (a progress date may not lie after today), their real targets and units, a real
party or group as assessor, and sources with generic, clearly made-up titles ("Evaluatie
prestatieafspraken 2024"); they claim nothing about what really happened. Where the data has
no commitment that a later year continues, the `doorgeschoven` example names an illustrative
successor and says so. tests/test_voortgang_gids.py adds every example to a copy of the data
and loads it with the real loader and checks. Plain Python, no MkDocs.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..gegevens.model import Afspraak, Jaar, Model
from ..gegevens.voortgang import PER_ID, REDACTIE, Status

# When to use each status, and what it requires besides a source (one line each, plain Dutch).
WANNEER = {
    "nog-niet-beoordeeld": "Gebruik dit als u vastlegt dat er nog niets bekend is, bijvoorbeeld omdat de "
                           "evaluatie er niets over zegt. Een bron mag weg.",
    "niet-gestart": "Gebruik dit als er nog niet aan de afspraak begonnen is.",
    "loopt": "Gebruik dit als er aan gewerkt wordt, volgens plan. Tussenstanden zet u onder gerealiseerd, met "
             "voorlopig: true.",
    "vertraagd": "Gebruik dit als het werk loopt, maar later klaar is dan afgesproken. Een reden is verplicht.",
    "stilgelegd": "Gebruik dit als het werk stilligt. Een reden is verplicht.",
    "gerealiseerd": "Gebruik dit als het afgesproken resultaat bereikt is. Zet bij een afspraak met doelen wat "
                    "er bereikt is.",
    "deels-gerealiseerd": "Gebruik dit als een deel bereikt is. Heeft de afspraak doelen, dan is een aantal "
                          "onder gerealiseerd verplicht.",
    "niet-gerealiseerd": "Gebruik dit als het resultaat niet bereikt is. Een reden is verplicht.",
    "doorgeschoven": "Gebruik dit als het werk verdergaat in een afspraak van een later jaar. Noem die afspraak"
                     " onder opvolger.",
    "vervallen": "Gebruik dit als de partijen besloten hebben dat de afspraak niet meer geldt. Minstens één "
                 "bron is dat besluit (soort: besluit).",
    "niet-toetsbaar": "Gebruik dit als de afspraak niet zegt wat er bereikt moet zijn, zodat niemand kan zeggen"
                      " of het gelukt is.",
}


@dataclass(frozen=True)
class Voorbeeld:
    status: Status | None  # None: the correction
    wanneer: str
    afspraak: Afspraak
    regels: tuple[dict, ...]  # the entries, as in the file (a correction shows two)
    illustratief: str | None = None  # an id in the example that is made up, not in the data

    @property
    def yaml(self) -> str:
        return "\n".join(als_yaml(r) for r in self.regels)


def _jaar(model: Model, vandaag: date) -> Jaar | None:
    """The newest year with commitments whose spring after has passed (the year-end verdict
    is recorded then), one that a later year continues if there is one; else the oldest
    year with commitments."""
    met = [j for j in model.jaren.values() if j.afspraken]
    verleden = [j for j in met if date(j.jaar + 1, 6, 15) <= vandaag]
    voortgezet = [j for j in verleden if any(model.opvolgers(a.id) for a in j.afspraken)]
    return (voortgezet or verleden or met[:1] or [None])[-1 if voortgezet or verleden else 0]


def voorbeelden(model: Model, vandaag: date) -> tuple[Voorbeeld, ...]:
    jaar = _jaar(model, vandaag)
    if jaar is None:
        return ()
    y = jaar.jaar
    # recorded after the file's last entry and never after today
    vastgelegd = max([min(date(y + 1, 6, 15), vandaag - timedelta(days=1))]
                     + [date.fromisoformat(r.vastgelegd) for r in jaar.voortgang])
    eind = min(date(y, 12, 31), vastgelegd).isoformat()
    onderweg = min(date(y, 9, 30), vastgelegd).isoformat()
    vast = vastgelegd.isoformat()
    nummer = max((r.nummer for r in jaar.voortgang), default=0) + 1
    afspraken = list(jaar.afspraken)
    gewoon = afspraken[0]
    met_doelen = next((a for a in afspraken if any(d.deel_van and d.plaats for d in a.doelen)), None) \
        or next((a for a in afspraken if a.doelen), gewoon)
    labels = next((a for a in afspraken if any(d.eenheid == "labels" for d in a.doelen)), met_doelen)
    zonder_doelen = next((a for a in afspraken if not a.doelen), gewoon)
    voortgezet = next(((a, o[0].id) for a in afspraken if (o := model.opvolgers(a.id))), None)
    samen = next((g.id for g in model.groepen.values() if set(g.leden) == set(model.partijen)), REDACTIE)

    def corporatie(a: Afspraak) -> str:
        corporaties = [p for p in model.partijen.values() if p.soort == "woningcorporatie"]
        return next((p.id for p in corporaties if p.id in a.partijen), corporaties[0].id if corporaties else REDACTIE)

    verslag = {"titel": f"Volkshuisvestingsverslag {y} van de corporatie", "soort": "volkshuisvestingsverslag",
               "url": f"https://www.example.org/volkshuisvestingsverslag-{y}.pdf", "datum": vast, "pagina": 12}
    evaluatie = {"titel": f"Evaluatie prestatieafspraken {y}", "soort": "evaluatie", "datum": vast, "pagina": 4}
    bericht = {"titel": f"Voortgangsbericht {y} van de corporatie", "soort": "monitor", "datum": onderweg}

    def regel(a: Afspraak, status: str, toelichting: str, peil: str = eind, **rest) -> dict:
        uit = {"nummer": nummer, "afspraak": a.id, "peildatum": peil, "vastgelegd": vast, "status": status,
               "toelichting": toelichting}
        uit.update({k: v for k, v in rest.items() if k not in ("beoordeeld_door", "bronnen", "gerealiseerd")})
        uit["beoordeeld_door"] = rest.get("beoordeeld_door", REDACTIE)
        for k in ("bronnen", "gerealiseerd"):
            if rest.get(k):
                uit[k] = rest[k]
        return uit

    def getoond(a: Afspraak) -> list[int]:
        """The targets an example shows: a total with its parts per place, else the first two."""
        for i, d in enumerate(a.doelen, start=1):
            delen = [j for j, x in enumerate(a.doelen, start=1) if d.id and x.deel_van == d.id and x.plaats]
            if delen:
                return [i, *delen]
        return list(range(1, min(2, len(a.doelen)) + 1))

    def bereikt(a: Afspraak, aandeel: float, voorlopig: bool = False) -> list[dict]:
        """Per target, in its unit; a part per place its total's share, never more."""
        uit, per_id = [], {}
        for positie, d in enumerate(a.doelen, start=1):
            if positie not in getoond(a):
                continue
            totaal = next((x for x in a.doelen if x.id and x.id == d.deel_van), None)
            aantal = int(d.aantal * aandeel)
            if totaal is not None and totaal.id in per_id and totaal.aantal:
                aantal = int(per_id[totaal.id] * d.aantal // totaal.aantal)
            if d.id:
                per_id[d.id] = aantal
            waarde = {"doel": positie, "aantal": aantal, "eenheid": d.eenheid}
            if d.eenheid == "labels":
                waarde["methode"] = "NTA 8800"
            if voorlopig:
                waarde["voorlopig"] = True
            uit.append(waarde)
        return uit

    corp = corporatie(met_doelen)
    lijst: list[tuple[str, Afspraak, list[dict], str | None]] = [
        ("nog-niet-beoordeeld", gewoon, [regel(gewoon, "nog-niet-beoordeeld",
                                               f"De evaluatie van {y} zegt niets over deze afspraak.")], None),
        ("niet-gestart", gewoon, [regel(gewoon, "niet-gestart", "Er is nog niet aan begonnen.", onderweg,
                                        beoordeeld_door=corporatie(gewoon), bronnen=[bericht])], None),
        ("loopt", labels, [regel(labels, "loopt", "Het werk loopt volgens plan.", onderweg,
                                 beoordeeld_door=corporatie(labels), bronnen=[bericht],
                                 gerealiseerd=bereikt(labels, 0.5, voorlopig=True))], None),
        ("vertraagd", gewoon, [regel(gewoon, "vertraagd", "Het werk loopt, maar is later klaar dan afgesproken.",
                                     onderweg, reden="De vergunning kwam later dan verwacht.",
                                     beoordeeld_door=corporatie(gewoon), bronnen=[bericht])], None),
        ("stilgelegd", gewoon, [regel(gewoon, "stilgelegd", "Het werk ligt stil.", onderweg,
                                      reden="De partijen wachten op een besluit over het geld.",
                                      beoordeeld_door=corporatie(gewoon), bronnen=[bericht])], None),
        ("gerealiseerd", met_doelen, [regel(met_doelen, "gerealiseerd", "Het afgesproken resultaat is bereikt.",
                                            beoordeeld_door=corp, bronnen=[verslag],
                                            gerealiseerd=bereikt(met_doelen, 1.0))], None),
        ("deels-gerealiseerd", met_doelen, [regel(met_doelen, "deels-gerealiseerd",
                                                  "Een deel van het afgesproken resultaat is bereikt.",
                                                  beoordeeld_door=corp, bronnen=[verslag],
                                                  gerealiseerd=bereikt(met_doelen, 0.6))], None),
        ("niet-gerealiseerd", gewoon, [regel(gewoon, "niet-gerealiseerd", "Het afgesproken resultaat is niet bereikt.",
                                             reden="Het werk bleek duurder dan gedacht.", beoordeeld_door=samen,
                                             bronnen=[evaluatie])], None),
    ]
    if voortgezet:
        a, opvolger = voortgezet
        lijst.append(("doorgeschoven", a, [regel(a, "doorgeschoven", f"Niet klaar in {y}. Afspraak {opvolger} zet "
                                                 "het voort.", opvolger=opvolger, beoordeeld_door=samen,
                                                 bronnen=[evaluatie])], None))
    else:
        opvolger = f"{y + 1}-{gewoon.nummer}"
        lijst.append(("doorgeschoven", gewoon, [regel(gewoon, "doorgeschoven", f"Niet klaar in {y}. Afspraak "
                                                      f"{opvolger} zet het voort.", opvolger=opvolger,
                                                      beoordeeld_door=samen, bronnen=[evaluatie])], opvolger))
    besluit = {"titel": "Besluitenlijst bestuurlijk overleg", "soort": "besluit", "datum": onderweg, "pagina": 2}
    lijst += [
        ("vervallen", gewoon, [regel(gewoon, "vervallen", "De partijen hebben besloten dat deze afspraak niet meer "
                                     "geldt.", beoordeeld_door=samen, bronnen=[besluit])], None),
        ("niet-toetsbaar", zonder_doelen, [regel(zonder_doelen, "niet-toetsbaar", "De afspraak zegt niet wat er "
                                                 "bereikt moet zijn.", bronnen=[evaluatie])], None),
    ]
    uit = [Voorbeeld(PER_ID[s], WANNEER[s], a, tuple(r), ill) for s, a, r, ill in lijst]
    # a correction: a new entry that names the one it replaces, never an edited entry
    fout = regel(met_doelen, "deels-gerealiseerd", "Een deel van het afgesproken resultaat is bereikt.",
                 beoordeeld_door=corp, bronnen=[verslag], gerealiseerd=bereikt(met_doelen, 0.5))
    goed = dict(regel(met_doelen, "deels-gerealiseerd", f"Het aantal in regel {nummer} was te laag; "
                      "dit is het goede aantal.", beoordeeld_door=corp, bronnen=[verslag],
                      gerealiseerd=bereikt(met_doelen, 0.6)), nummer=nummer + 1)
    goed = {**{k: goed[k] for k in ("nummer", "afspraak", "peildatum", "vastgelegd", "status", "toelichting")},
            "corrigeert": nummer, **{k: v for k, v in goed.items() if k in ("beoordeeld_door", "bronnen",
                                                                          "gerealiseerd")}}
    uit.append(Voorbeeld(None, "Een fout in een eerdere regel herstelt u met een nieuwe regel met corrigeert: het "
                         "nummer van de regel die niet klopte.", met_doelen, (fout, goed)))
    return tuple(uit)


_DATUM_OF_ID = re.compile(r"[0-9]{4}-[0-9-]+")


def _scalar(waarde) -> str:
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, (int, float)):
        return str(waarde)
    if _DATUM_OF_ID.fullmatch(waarde) or ": " in waarde or waarde[:1] in "\"'[{&*!|>%@`#-?,":
        return json.dumps(waarde, ensure_ascii=False)
    return waarde


def als_yaml(regel: dict) -> str:
    """One entry as a list item of `voortgang:`, written the way the hand-made files are."""
    regels = []
    for i, (sleutel, waarde) in enumerate(regel.items()):
        begin = "  - " if i == 0 else "    "
        if isinstance(waarde, list):
            regels.append(f"{begin}{sleutel}:")
            for item in waarde:
                for j, (k, v) in enumerate(item.items()):
                    regels.append(f"{'      - ' if j == 0 else '        '}{k}: {_scalar(v)}")
        else:
            regels.append(f"{begin}{sleutel}: {_scalar(waarde)}")
    return "\n".join(regels)
