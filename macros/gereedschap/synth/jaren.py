"""The synthetic years, one at a time, each from its own random stream."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from ...gegevens.tekstcontroles import MOMENT
from ...gegevens.model import Afspraak, Cel, Ondertekening, ThemaInJaar, afspraak_id
from ...gegevens.tekstregels import alineas, als_tekst
from ...gegevens.wie_en_doelen import deel_van_de_kop_genoemd
from . import LAATSTE_JAAR
from .gedeeld import Gedeeld, met
from .namen import AANHEF, ACHTERNAMEN, AMBTSTERMIJN, FICTIEVE_PLAATSEN, INITIALEN, verschuif

VOORTZET_KANS = 0.6  # chance that a commitment continues one of the year before
ZELFDE_THEMA_KANS = 0.7  # chance that a related commitment is of the same theme
_AFSPRAAK_NUMMER = re.compile(r"(?i)(afspraak )\d+")


@dataclass
class _Gemaakt:
    """A synthetic commitment while its year is being made."""
    thema: str
    rol: Afspraak  # real commitment whose responsible parties and sub-heading it takes
    vorm: Afspraak  # real commitment whose shape it copies
    anker: bool  # continues the theme's chain over all years
    data: dict = field(default_factory=dict)  # the YAML of the commitment, without its number
    vorige: str | None = None  # id of the commitment it continues
    titel: str | None = None  # the title taken over from that one, if any
    nummer: int = 0

    @property
    def verantwoordelijk(self) -> tuple[str, ...]:
        return self.rol.verantwoordelijk


@dataclass
class GemaaktJaar:
    jaar: int
    per_thema: dict[str, list[_Gemaakt]]
    bestanden: dict[str, str]


class Maker(Gedeeld):
    """The shared files (Gedeeld), then one year at a time."""

    def jaar(self, jaar: int, afspraken: int, vorig: GemaaktJaar | None) -> GemaaktJaar:
        rng = random.Random(f"{self.zaad}-{jaar}")
        verschil = jaar - self.vb_jaar
        per_thema: dict[str, list[_Gemaakt]] = {}
        nummer = 0
        for thema, aantal in self._verdeling(afspraken).items():
            lijst = self._afspraken(rng, jaar, verschil, thema, aantal, vorig.per_thema[thema] if vorig else [])
            for a in lijst:
                nummer += 1
                a.nummer = nummer
            per_thema[thema] = lijst
        alle = [a for lijst in per_thema.values() for a in lijst]
        for a in alle:
            self._gerelateerd(rng, jaar, a, alle, per_thema[a.thema])
        jaarschijf = self._jaarschijf(rng, jaar, verschil, per_thema)
        bestanden = {f"{jaar}/jaarschijf.yaml": self._yaml("jaarschijf", jaarschijf, "../")}
        for thema, lijst in per_thema.items():
            data = self._thema(rng, jaar, verschil, thema, lijst)
            bestanden[f"{jaar}/{thema}.yaml"] = self._yaml("thema", data, "../")
        return GemaaktJaar(jaar, per_thema, bestanden)

    def _verdeling(self, afspraken: int) -> dict[str, int]:
        """Commitments per theme in the real proportions (largest remainder), theme order."""
        tellingen = {t: len(self.per_thema[t]) for t in self.vb.themas}
        totaal = sum(tellingen.values())
        quota = {t: afspraken * n / totaal for t, n in tellingen.items()}
        aantallen = {t: int(q) for t, q in quota.items()}
        rest = afspraken - sum(aantallen.values())
        for t in sorted(quota, key=lambda t: -(quota[t] - aantallen[t]))[:rest]:
            aantallen[t] += 1
        return aantallen

    def _afspraken(self, rng: random.Random, jaar: int, verschil: int, thema: str, aantal: int,
                   vorige: list[_Gemaakt]) -> list[_Gemaakt]:
        voorbeelden = self.per_thema[thema] or self.alle
        anker = next((a for a in vorige if a.anker), None)
        vrij = [a for a in vorige if not a.anker]
        lijst: list[_Gemaakt] = []
        for i in range(aantal):
            voorganger = None
            if i == 0:
                voorganger = anker
            elif vrij and rng.random() < VOORTZET_KANS:
                voorganger = vrij.pop(rng.randrange(len(vrij)))
            vorm = rng.choice(voorbeelden)
            rol = voorganger.rol if voorganger else rng.choice(voorbeelden)
            a = _Gemaakt(thema, rol, vorm, anker=i == 0)
            if voorganger:
                a.vorige = afspraak_id(jaar - 1, voorganger.nummer)
                if rng.random() < 0.5:  # half keep their title, with the year moved on
                    a.titel = verschuif(voorganger.data["titel"], 1)
            lijst.append(a)
        koppen: dict[tuple[str, ...], str | None] = {}  # one sub-heading per responsible party
        for a in lijst:
            koppen.setdefault(a.verantwoordelijk, a.rol.kop)
        lijst.sort(key=lambda a: -1 if koppen[a.verantwoordelijk] is None else self.rang[a.verantwoordelijk])
        for a in lijst:
            a.data = self._afspraak(rng, verschil, a, koppen[a.verantwoordelijk])
        return lijst

    def _afspraak(self, rng: random.Random, verschil: int, a: _Gemaakt, kop: str | None) -> dict:
        v = self.namen.vervang
        vorm = a.vorm
        delen = [self.teksten.tekst(rng, _rond(rng, len(x))) for x in alineas(vorm.tekst)]
        data: dict = {
            "titel": a.titel or verschuif(self.titels.titel(rng, _rond(rng, len(vorm.titel))), verschil),
            "kop": v(kop) if kop else None,
            "verantwoordelijk": [self.partij_id.get(x, x) for x in a.verantwoordelijk],
            "tekst": verschuif(als_tekst(delen), verschil),
        }
        if not data["kop"]:
            del data["kop"]
        met(data, "uitvoerders", self._uitvoerders(rng, vorm, data))
        plaatsen = list(self.plaatsnamen)
        met(data, "plaatsen", rng.sample(plaatsen, min(len(vorm.plaatsen), len(plaatsen))))
        met(data, "doelen", self._doelen(rng, verschil, vorm.doelen))
        if vorm.termijn:
            t = vorm.termijn
            data["termijn"] = {"tekst": verschuif(t.tekst, verschil), "jaar": _jaar(t.jaar + verschil)}
            if t.kwartaal:
                data["termijn"]["kwartaal"] = t.kwartaal
            if t.waarvoor:
                data["termijn"]["waarvoor"] = self.titels.titel(rng, _rond(rng, len(t.waarvoor)))
        elif moment := MOMENT.search(data["tekst"]):  # made-up words may name one: the check wants a deadline
            jaartal = re.search(r"[0-9]{4}", moment.group(0))
            data["termijn"] = {"tekst": moment.group(0),
                               "jaar": _jaar(int(jaartal.group(0)) if jaartal else self.vb_jaar + verschil)}
        documenten = list(self.document_id.values())
        met(data, "documenten", rng.sample(documenten, min(len(vorm.documenten), len(documenten))))
        data["gerelateerd"] = len(vorm.gerelateerd)  # filled in when the whole year is known
        if a.vorige:
            data["voortzetting_van"] = a.vorige
        # an empty 'verantwoordelijk' needs the note that explains it: the role's own
        opmerkingen = a.rol.opmerkingen if not a.verantwoordelijk else vorm.opmerkingen
        met(data, "opmerkingen", [verschuif(v(o), verschil) for o in opmerkingen])
        return data

    def _uitvoerders(self, rng: random.Random, vorm: Afspraak, data: dict) -> list[dict]:
        """Who the text names, as the example's commitment has them; and always where the text
        names some parties of a group sub-heading (the check asks for them there)."""
        tekst, kop = data["tekst"], data["verantwoordelijk"]
        leden = {lid for k in kop for lid in self.groepsleden.get(k, [k])}
        genoemd = deel_van_de_kop_genoemd(tekst, leden, self.partijnamen)
        if not genoemd and not vorm.uitvoerders:
            return []
        woorden = tekst.split()
        begin = " ".join(woorden[:min(4, len(woorden))])
        if genoemd:
            lijst = [{"wie": list(genoemd), "woorden": next(iter(genoemd.values()))}]
        elif kop:
            lijst = [{"wie": kop, "woorden": begin, "volgens": "tussenkop"}]
        else:
            lijst = [{"wie": [rng.choice(list(self.partijnamen))], "woorden": begin}]
        for u in vorm.uitvoerders:
            if u.onzeker:  # what the text leaves open, as the example says it
                lijst.append({"wie": [rng.choice([*self.groepsleden, *self.partijnamen])], "woorden": begin,
                              "onzeker": True, "opmerking": self.namen.vervang(u.opmerking or "")
                              or "Niet zeker."})
        return lijst

    def _doelen(self, rng: random.Random, verschil: int, doelen) -> list[dict]:
        """The targets, a total and its parts kept as such: each part scaled with its total
        and rounded down, so that the parts never add up to more than the total."""
        nieuw = [self._doel(rng, verschil, d) for d in doelen]
        totalen = {d.id: (d, x) for d, x in zip(doelen, nieuw) if d.id}
        for d, x in zip(doelen, nieuw):
            if d.id:
                x["id"] = d.id
            if d.deel_van in totalen:
                oud, totaal = totalen[d.deel_van]
                x["aantal"] = int(d.aantal * totaal["aantal"] // oud.aantal) if oud.aantal else 0
                x["deel_van"] = d.deel_van
            if d.opmerking:
                x["opmerking"] = self.namen.vervang(d.opmerking)
        return nieuw

    def _doel(self, rng: random.Random, verschil: int, d) -> dict:
        aantal = d.aantal if d.aantal == 0 else max(1, round(d.aantal * rng.uniform(0.6, 1.4)))
        if d.eenheid == "procent":
            aantal = min(100, aantal)
        doel = {"wat": verschuif(self.namen.vervang(d.wat), verschil), "aantal": aantal, "eenheid": d.eenheid}
        if d.grens:
            doel["grens"] = d.grens
        if d.jaar:
            doel["jaar"] = _jaar(d.jaar + verschil)
        if d.wanneer:
            doel["wanneer"] = verschuif(d.wanneer, verschil)
        if d.plaats:
            doel["plaats"] = rng.choice(list(self.plaatsnamen))
        return doel

    def _gerelateerd(self, rng: random.Random, jaar: int, a: _Gemaakt, alle: list[_Gemaakt],
                     zelfde_thema: list[_Gemaakt]) -> None:
        aantal = a.data.pop("gerelateerd")
        gekozen: list[_Gemaakt] = []
        for _ in range(aantal):
            pool = zelfde_thema if rng.random() < ZELFDE_THEMA_KANS else alle
            kandidaten = [b for b in pool if b is not a and b not in gekozen] or \
                [b for b in alle if b is not a and b not in gekozen]
            if kandidaten:
                gekozen.append(rng.choice(kandidaten))
        # a real reason, its "afspraak 7" pointing at the chosen commitment
        relaties = [{"afspraak": afspraak_id(jaar, b.nummer),
                     "reden": _AFSPRAAK_NUMMER.sub(lambda m, b=b: f"{m.group(1)}{b.nummer}", rng.choice(self.redenen))}
                    for b in sorted(gekozen, key=lambda b: b.nummer)]
        # 'gerelateerd' keeps its place before 'voortzetting_van' and 'opmerkingen'
        rest = {k: a.data.pop(k) for k in ("voortzetting_van", "opmerkingen") if k in a.data}
        met(a.data, "gerelateerd", relaties)
        a.data.update(rest)

    def _thema(self, rng: random.Random, jaar: int, verschil: int, thema: str, lijst: list[_Gemaakt]) -> dict:
        v = self.namen.vervang
        echt = self.voorbeeld_thema.get(thema)
        data: dict = {"jaar": jaar, "thema": thema}
        if echt and echt.doel:
            data["doel"] = self._alineas(rng, echt.doel, verschil)
        if echt and echt.actualiteit:
            data["actualiteit"] = self._alineas(rng, echt.actualiteit, verschil)
        if echt:
            met(data, "opmerkingen", [verschuif(v(o), verschil) for o in echt.opmerkingen])
        data["afspraken"] = [{"nummer": a.nummer, **a.data} for a in lijst]
        if echt and echt.tabellen:
            data["tabellen"] = [self._tabel(rng, verschil, t, echt, lijst) for t in echt.tabellen]
        return data

    def _tabel(self, rng: random.Random, verschil: int, t, echt: ThemaInJaar, lijst: list[_Gemaakt]) -> dict:
        v = self.namen.vervang
        tabel: dict = {"id": t.id, "titel": verschuif(v(t.titel), verschil)}
        if t.bijschrift:
            tabel["bijschrift"] = verschuif(v(t.bijschrift), verschil)
        nummers = sorted(a.nummer for a in echt.afspraken)
        if t.na_afspraak in nummers and lijst:
            # the same relative place among the theme's commitments
            plek = nummers.index(t.na_afspraak) * len(lijst) // len(nummers)
            tabel["na_afspraak"] = sorted(a.nummer for a in lijst)[plek]
        tabel["kolommen"] = [verschuif(v(k), verschil) for k in t.kolommen]
        tabel["rijen"] = [[self._cel(rng, verschil, c, eerste=j == 0) for j, c in enumerate(rij)] for rij in t.rijen]
        met(tabel, "opmerkingen", [verschuif(v(o), verschil) for o in t.opmerkingen])
        return tabel

    def _cel(self, rng: random.Random, verschil: int, cel: Cel, eerste: bool):
        waarde = cel.waarde
        if isinstance(waarde, (int, float)) and not isinstance(waarde, bool) and not eerste:
            waarde = round(waarde * rng.uniform(0.6, 1.4))
        elif isinstance(waarde, str):
            waarde = verschuif(self.namen.vervang(waarde), verschil)
        if cel.onzeker:
            opmerking = verschuif(self.namen.vervang(cel.opmerking), verschil)
            return {"waarde": waarde, "onzeker": True, "opmerking": opmerking}
        return waarde

    def _alineas(self, rng: random.Random, voorbeeld: str, verschil: int) -> str:
        """Text with as many paragraphs as `voorbeeld`, each about as long."""
        return verschuif(als_tekst(self.algemeen.tekst(rng, _rond(rng, len(x))) for x in alineas(voorbeeld)),
                         verschil)

    def _jaarschijf(self, rng: random.Random, jaar: int, verschil: int, per_thema: dict[str, list[_Gemaakt]]) -> dict:
        v = self.namen.vervang
        echt = self.vb.jaren[self.vb_jaar]
        data: dict = {"jaar": jaar, "titel": f"Synthetische prestatieafspraken {jaar}"}
        if echt.motto:
            data["motto"] = v(echt.motto)
        data["inleiding"] = self._alineas(rng, echt.inleiding, verschil)
        gevuld = [t for t, lijst in per_thema.items() if lijst]
        if echt.focus and gevuld:
            themas = rng.sample(gevuld, min(len(echt.focus.themas), len(gevuld)))
            namen = [self.vb.themas[t].naam.lower() for t in themas]
            opsomming = namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]
            data["focus"] = {"tekst": f"In {jaar} ligt de focus op de volgende onderwerpen: {opsomming}.",
                             "themas": themas}
        if echt.delen:
            data["delen"] = {"tekst": verschuif(v(echt.delen.tekst), verschil),
                             "onderdelen": [verschuif(v(x), verschil) for x in echt.delen.onderdelen]}
        data["grondslagen"] = []
        for g in echt.grondslagen:
            grondslag = {"document": self.document_id[g.document]}
            if g.zoals_genoemd:
                grondslag["zoals_genoemd"] = v(g.zoals_genoemd)
            data["grondslagen"].append(grondslag)
        r = echt.rollen
        rollen: dict = {"inleiding": self._alineas(rng, r.inleiding, verschil)}
        if r.toelichting:
            rollen["toelichting"] = self._alineas(rng, r.toelichting, verschil)
        rollen["per_partij"] = [{"kop": v(x.kop), "partijen": [self.partij_id.get(p, p) for p in x.partijen],
                                 "tekst": self._alineas(rng, x.tekst, verschil)} for x in r.per_partij]
        data["rollen"] = rollen
        if echt.ondertekening:  # an example without any signed year makes unsigned years
            data["ondertekening"] = self._ondertekening(rng, jaar, echt.ondertekening)
        return data

    def _ondertekening(self, rng: random.Random, jaar: int, o: Ondertekening) -> dict:
        # signed in the first village, as the real agreement is signed in the seat of the municipality
        plaats = next((self.plaatsnamen[self.plaats_id[p.id]] for p in self.vb.plaatsen.values()
                       if p.soort == "dorp"), FICTIEVE_PLAATSEN["dorp"][0])
        dag = rng.randint(1, 20)
        data: dict = {}
        if o.inleiding:
            data["inleiding"] = self.namen.vervang(o.inleiding)
        data.update({"datum": f"{jaar - 1}-12-{dag:02d}", "plaats": plaats, "geldig_vanaf": f"{jaar}-01-01"})
        ondertekenaars = []
        for x in o.ondertekenaars:
            id_ = self.partij_id[x.partij]
            naam, volledig = self.partijen[id_]
            # the same person for a term of office: chosen by the term, not by the year before
            persoon = random.Random(f"{self.zaad}-{id_}-{jaar // AMBTSTERMIJN}")
            aanhef = persoon.choice(AANHEF)
            wie = f"{persoon.choice(INITIALEN)}. {persoon.choice(ACHTERNAMEN)}"
            ondertekenaar = {"partij": id_, "aanhef": aanhef, "naam": wie, "functie": x.functie}
            if x.toelichting:
                ondertekenaar["toelichting"] = self.namen.vervang(x.toelichting)
            ondertekenaar["tekst"] = (f"{volledig}, rechtsgeldig vertegenwoordigd door {x.functie} {aanhef} {wie}, "
                                      f"hierna te noemen: ‘{naam}’.")
            ondertekenaars.append(ondertekenaar)
        data["ondertekenaars"] = ondertekenaars
        namen = [self.partijen[self.partij_id[x.partij]][0] for x in o.ondertekenaars]
        opsomming = namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]
        data["slottekst"] = (f"{opsomming} gezamenlijk ook te noemen: ‘partijen’ of aangeduid als ‘we’.\n\n"
                             f"Deze prestatieafspraken {jaar} zijn geldig vanaf 1 januari {jaar} na ondertekening "
                             f"door alle partijen. Deze overeenkomst kan alleen met instemming van alle partijen "
                             f"worden ontbonden.\n\nOndertekend op {dag}-12-{jaar - 1} te {plaats}.")
        return data


def _rond(rng: random.Random, lengte: int) -> int:
    """A length near a real one, so lengths follow the real distribution without copying it."""
    return max(1, round(lengte * rng.uniform(0.8, 1.2)))


def _jaar(jaar: int) -> int:
    return min(LAATSTE_JAAR, jaar)
