"""What the synthetic data takes from the example once, and the shared files it writes."""
from __future__ import annotations

import random

import yaml

from ...gegevens.controles import NOG_INVULLEN
from ...gegevens.model import Model, ThemaInJaar
from .ketting import Ketting
from .namen import (FICTIEVE_GEMEENTE, FICTIEVE_PARTIJEN, FICTIEVE_PLAATSEN, Namen, genummerd, id_van,
                    naamparen, uniek)

KOPREGEL = ("SYNTHETISCH, gemaakt door 'python -m macros synth' (zaad {zaad}). "
            "Geen echte afspraken: nooit publiceren.")


class Gedeeld:
    """Everything taken from the example once, and the shared files; `jaren.Maker` adds the years."""

    def __init__(self, voorbeeld: Model, zaad: int):
        self.vb = voorbeeld
        self.zaad = zaad
        self.rng = random.Random(f"{zaad}-gedeeld")
        # The example year: the latest signed one. A year being prepared (as 'make nieuw-jaar'
        # starts it) is unsigned and has no commitments yet; without any signed year, the latest.
        ondertekend = [j.jaar for j in voorbeeld.jaren.values() if j.ondertekening]
        self.vb_jaar = max(ondertekend or voorbeeld.jaren)
        self._fictieve_partijen()
        # fictional party id -> its short name, and group id -> its fictional members
        self.partijnamen = {id_: naam for id_, (naam, _) in self.partijen.items()}
        self.groepsleden = {g.id: [self.partij_id[x] for x in g.leden] for g in voorbeeld.groepen.values()}
        self._fictieve_plaatsen()
        self._paren += naamparen(voorbeeld.gemeente.naam, FICTIEVE_GEMEENTE)
        self.namen = Namen(self._paren)
        self._documenten()
        self._begrippen()
        self.alle = sorted(voorbeeld.afspraken, key=lambda a: (a.jaar, a.nummer))
        self.per_thema = {t: [a for a in self.alle if a.thema == t] for t in voorbeeld.themas}
        # Each theme as the example year (or the latest year before it) has it; a theme that
        # only a later year has, as that year has it.
        self.voorbeeld_thema: dict[str, ThemaInJaar] = {}
        for j in voorbeeld.jaren.values():
            for t in j.themas:
                if j.jaar <= self.vb_jaar or t.thema not in self.voorbeeld_thema:
                    self.voorbeeld_thema[t.thema] = t
        # The order of sub-headings in the signed text: none first, then as first seen.
        self.rang: dict[tuple[str, ...], int] = {}
        for a in self.alle:
            self.rang.setdefault(a.verantwoordelijk, len(self.rang))
        v = self.namen.vervang
        self.teksten = Ketting([v(a.tekst) for a in self.alle], 2)
        self.titels = Ketting([v(a.titel) for a in self.alle], 1)
        self.algemeen = Ketting([v(t) for t in self._ondertekende_teksten()], 2)
        self.redenen = [v(r.reden) for a in self.alle for r in a.gerelateerd] or ["Beide gaan over hetzelfde."]

    def _ondertekende_teksten(self) -> list[str]:
        teksten = [a.tekst for a in self.alle]
        for j in self.vb.jaren.values():
            teksten += [j.inleiding, j.rollen.inleiding, j.rollen.toelichting or ""]
            teksten += [r.tekst for r in j.rollen.per_partij]
            teksten += [x for t in j.themas for x in (t.doel, t.actualiteit) if x]
        # a year being prepared holds placeholders ('make nieuw-jaar'), not text to imitate
        return [t for t in teksten if t and not t.startswith(NOG_INVULLEN)]

    def _fictieve_partijen(self) -> None:
        self.partij_id: dict[str, str] = {}
        self.partijen: dict[str, tuple[str, str]] = {}  # fictional id -> (naam, volledige naam)
        self._paren: list[tuple[str, str, bool]] = []
        per_soort: dict[str, int] = {}
        gezien: set[str] = set()
        for p in self.vb.partijen.values():
            i = per_soort[p.soort] = per_soort.get(p.soort, -1) + 1
            naam, volledig = genummerd(FICTIEVE_PARTIJEN[p.soort], i)
            id_ = uniek(id_van(naam), gezien)
            self.partij_id[p.id] = id_
            self.partijen[id_] = (naam, volledig)
            self._paren += naamparen(p.volledige_naam, volledig) + naamparen(p.naam, naam)

    def _fictieve_plaatsen(self) -> None:
        self.plaats_id: dict[str, str] = {}
        per_soort: dict[str, int] = {}
        gezien: set[str] = set()
        self.plaatsnamen: dict[str, str] = {}
        for p in self.vb.plaatsen.values():
            i = per_soort[p.soort] = per_soort.get(p.soort, -1) + 1
            naam = genummerd(FICTIEVE_PLAATSEN[p.soort], i)
            id_ = uniek(id_van(naam), gezien)
            self.plaats_id[p.id] = id_
            self.plaatsnamen[id_] = naam
            self._paren += naamparen(p.naam, naam)

    def _documenten(self) -> None:
        self.document_id: dict[str, str] = {}
        gezien: set[str] = set()
        for d in self.vb.documenten.values():
            self.document_id[d.id] = uniek(id_van(self.namen.vervang(d.titel)), gezien)

    def _begrippen(self) -> None:
        self.begrip_id: dict[str, str] = {}
        gezien: set[str] = set()
        for b in self.vb.begrippen.values():
            self.begrip_id[b.id] = uniek(id_van(self.namen.vervang(b.term)), gezien)

    # --- shared files ------------------------------------------------------------

    def gedeeld(self) -> dict[str, str]:
        v = self.namen.vervang
        vb = self.vb
        partijen = []
        for p in vb.partijen.values():
            id_ = self.partij_id[p.id]
            naam, volledig = self.partijen[id_]
            partij = {"id": id_, "naam": naam, "volledige_naam": volledig, "soort": p.soort}
            if p.vertegenwoordigt_huurders_van:
                partij["vertegenwoordigt_huurders_van"] = [self.partij_id[x] for x in p.vertegenwoordigt_huurders_van]
            met(partij, "opmerkingen", [v(o) for o in p.opmerkingen])
            partijen.append(partij)
        groepen = [{"id": g.id, "naam": v(g.naam), "leden": [self.partij_id[x] for x in g.leden]}
                   for g in vb.groepen.values()]
        plaatsen = []
        for p in vb.plaatsen.values():
            id_ = self.plaats_id[p.id]
            plaats = {"id": id_, "naam": self.plaatsnamen[id_], "soort": p.soort}
            if p.ligt_in:
                plaats["ligt_in"] = self.plaats_id[p.ligt_in]
            met(plaats, "opmerkingen", [v(o) for o in p.opmerkingen])
            plaatsen.append(plaats)
        documenten = []
        for d in vb.documenten.values():
            id_ = self.document_id[d.id]
            document = {"id": id_, "titel": v(d.titel), "soort": d.soort}
            if d.van:
                document["van"] = v(d.van)
            if d.vastgesteld:
                document["vastgesteld"] = d.vastgesteld
            if d.url:
                document["url"] = f"https://www.example.org/{id_}"  # reserved for examples: leads nowhere real
            met(document, "opmerkingen", [v(o) for o in d.opmerkingen])
            documenten.append(document)
        begrippen = []
        for b in vb.begrippen.values():
            begrip = {"id": self.begrip_id[b.id], "term": v(b.term)}
            met(begrip, "vormen", list(dict.fromkeys(v(x) for x in b.vormen if v(x) != v(b.term))))
            begrip["uitleg"] = v(b.uitleg)
            met(begrip, "zie_ook", [self.begrip_id[x] for x in b.zie_ook])
            begrippen.append(begrip)
        themas = [{"id": t.id, "naam": t.naam} for t in vb.themas.values()]
        return {
            "gemeente.yaml": self._yaml("gemeente", {"naam": FICTIEVE_GEMEENTE}),
            "partijen.yaml": self._yaml("partijen", {"partijen": partijen, "groepen": groepen}),
            "themas.yaml": self._yaml("themas", {"themas": themas}),
            "plaatsen.yaml": self._yaml("plaatsen", {"plaatsen": plaatsen}),
            "documenten.yaml": self._yaml("documenten", {"documenten": documenten}),
            "begrippen.yaml": self._yaml("begrippen", {"begrippen": begrippen}),
        }

    def _yaml(self, soort: str, data: dict, map_: str = "") -> str:
        kop = (f"# yaml-language-server: $schema={map_}schema/{soort}.schema.json\n"
               f"# {KOPREGEL.format(zaad=self.zaad)}\n")
        return kop + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def met(data: dict, sleutel: str, lijst: list) -> None:
    """Optional lists are left out when empty, as editors write them."""
    if lijst:
        data[sleutel] = lijst



# libyaml's emitter when PyYAML has it (the pinned wheels do): writing YAML is most of the time
_Basis = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_Basis):
    """Multi-paragraph text as a block (|), as editors write it; no anchors or aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


def _tekst(dumper, tekst: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", tekst, style="|" if "\n" in tekst else None)


_Dumper.add_representer(str, _tekst)
