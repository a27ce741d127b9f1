"""Synthetic data for the benchmark and the tests: `python -m macros synth`.

Writes a complete data folder (the shared files, `schema/`, one folder per year)
that looks like the real data in size and shape but is fictional: parties, places
and signatories have made-up names ("Gemeente Voorbeeld", "Woonstichting Proef"),
every year is titled "Synthetische prestatieafspraken <jaar>" and every file says
in its second line that it is synthetic. It is never published: the generator
writes only into the new or empty folder it is given, never into the example data.

How it imitates the example data (the real `data/`, or `--data`):

- Text comes from a word-level Markov chain over the real signed texts (titles from
  one over the real titles), with real party and place names replaced by the
  fictional ones and years shifted to the synthetic year. Each text gets the length
  of a real text of the same kind, so lengths follow the real distribution.
- Every synthetic commitment copies the shape of a random real commitment of the
  same theme: who is responsible (and so its sub-heading), the number of paragraphs,
  targets, places, documents, relations and notes, and whether it has a deadline.
- The example year is the latest signed one (a year being prepared is not signed and
  holds copied texts and placeholders), or the latest year when none is signed; the
  synthetic years are signed as it is.
- Themes keep their ids. Each synthetic theme mirrors its real counterpart (goal,
  context, notes, tables of the same size); commitments are spread over the themes
  in the real proportions (a theme without commitments stays empty) and numbered
  1..M per year in theme order, like the signed document.
- Shared files mirror the real ones: parties of the same kinds and groups, a
  tenants' organisation per corporation, places, documents and the glossary (whose
  terms therefore occur in the generated text).

Lineage: from the second year on, one commitment per theme continues the same
chain every year (chains over all years), and every other commitment continues an
unclaimed commitment of the same theme in the year before with chance
VOORTZET_KANS (chains of a few years). `gerelateerd` stays within a year.

Determinism: the same seed, counts and example data give byte-identical output.
Each year is drawn from its own random stream (seed, year) and depends only on the
year before it; the shared files do not depend on the number of years. So the
first K years of a `--jaren 20` run are byte-identical to a `--jaren K` run with the
same seed; the later years only add successors (commitments whose
`voortzetting_van` points back into the first K years).
"""
from __future__ import annotations

import random
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..gegevens.controles import NOG_INVULLEN
from ..gegevens.laden import GegevensFout, laad_of_stop
from ..gegevens.tekstregels import alineas, als_tekst
from ..gegevens.model import Afspraak, Cel, Model, Ondertekening, ThemaInJaar, afspraak_id

VOORBEELD = Path(__file__).resolve().parents[2] / "data"  # the real data, imitated by default
ZAAD = 1  # the default seed
EERSTE_JAAR = 2024
LAATSTE_JAAR = 2100  # the schema's last year
VOORTZET_KANS = 0.6  # chance that a commitment continues one of the year before
ZELFDE_THEMA_KANS = 0.7  # chance that a related commitment is of the same theme
KOPREGEL = ("SYNTHETISCH, gemaakt door 'python -m macros synth' (zaad {zaad}). "
            "Geen echte afspraken: nooit publiceren.")

# Fictional names, per kind. Counted on when the example has more of a kind.
FICTIEVE_GEMEENTE = "Voorbeeld"  # as the municipality's party: "Gemeente Voorbeeld"
FICTIEVE_PARTIJEN = {
    "gemeente": [("Gemeente Voorbeeld", "Gemeente Voorbeeld")],
    "woningcorporatie": [("Woonstichting Proef", "Woonstichting Proef"),
                         ("Fictief Wonen", "Woningcorporatie Fictief Wonen")],
    "huurdersorganisatie": [("HV Proefhuurders", "Huurdersvereniging Proefhuurders"),
                            ("Huurdersbelang Fictief", "Stichting Huurdersbelang Fictief")],
}
FICTIEVE_PLAATSEN = {
    "stad": ["Proefstad", "Oefenburg"],
    "dorp": ["Proefwolde", "Oefenveen", "Voorbeeldorp", "Testerhuizen", "Fictiemond", "Verzinlo"],
    "kern": ["Kern Proefhoek", "Kern Oefenhuizen"],
    "deelgebied": ["Deelgebied P", "Deelgebied Q", "Deelgebied R", "Deelgebied S"],
    "wijk": ["Wijk Proeftuin", "Wijk Oefenhof"],
    "buurt": ["Buurt Testhof", "Buurt Nepakker"],
    "straat": ["Voorbeeldstraat", "Proeflaan"],
}
INITIALEN = "ABCDEGHJKLMPRSTW"
ACHTERNAMEN = ["Voorbeeldman", "Proefsma", "Testerink", "Oefenga", "Fictiema", "Verzinga", "Nepstra"]
AANHEF = ["de heer", "mevrouw"]
AMBTSTERMIJN = 4  # years a signatory stays in office

# A part of a name that is also used alone ("Volmacht" for "De Volmacht").
_VOORVOEGSELS = ("Gemeente ", "De ", "de ", "Het ", "het ")
# Words a title does not end on.
_LOSSE_WOORDEN = {"en", "of", "van", "de", "het", "een", "in", "op", "met", "voor", "naar", "aan",
                  "om", "te", "bij", "tot", "door", "over", "uit", "die", "dat", "als", "zijn", "is"}
_JAARTAL = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_AFSPRAAK_NUMMER = re.compile(r"(?i)(afspraak )\d+")


class SynthFout(Exception):
    """Bad arguments or target folder; the message is Dutch and says what to do."""


def maak(doel: Path, jaren: int, afspraken: int, zaad: int = ZAAD,
         voorbeeld: Path | None = None) -> list[Path]:
    """Check the arguments and the target folder, generate, write; the written files."""
    bron = Path(voorbeeld or VOORBEELD).resolve()
    doel = Path(doel)
    _controleer_doel(doel, bron)
    _controleer_aantallen(jaren, afspraken)
    try:
        model = laad_of_stop(bron)
    except GegevensFout:
        raise SynthFout(f"de voorbeeldgegevens in {bron} bevatten fouten; los die eerst op "
                        "(python -m macros check)") from None
    bestanden = genereer(model, jaren, afspraken, zaad)
    return schrijf(doel, bestanden, bron / "schema")


def genereer(voorbeeld: Model, jaren: int, afspraken: int, zaad: int = ZAAD) -> dict[str, str]:
    """Every data file (path relative to the folder -> YAML text), schema/ not included."""
    _controleer_aantallen(jaren, afspraken)
    if not voorbeeld.afspraken:
        raise SynthFout("de voorbeeldgegevens bevatten geen afspraken om na te maken")
    maker = _Maker(voorbeeld, zaad)
    bestanden = maker.gedeeld()
    vorig: _Jaar | None = None
    for jaar in range(EERSTE_JAAR, EERSTE_JAAR + jaren):
        vorig = maker.jaar(jaar, afspraken, vorig)
        bestanden.update(vorig.bestanden)
    return bestanden


def schrijf(doel: Path, bestanden: dict[str, str], schemamap: Path) -> list[Path]:
    """Write the files and a copy of the schemas into `doel` (new or empty)."""
    geschreven = []
    doel.mkdir(parents=True, exist_ok=True)
    for schema in sorted(schemamap.glob("*.json")):
        (doel / "schema").mkdir(exist_ok=True)
        geschreven.append(Path(shutil.copyfile(schema, doel / "schema" / schema.name)))
    for naam, tekst in bestanden.items():
        pad = doel / naam
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(tekst, encoding="utf-8")
        geschreven.append(pad)
    return geschreven


def _controleer_aantallen(jaren: int, afspraken: int) -> None:
    meeste = LAATSTE_JAAR - EERSTE_JAAR + 1
    if jaren < 1:
        raise SynthFout(f"--jaren moet 1 of meer zijn, niet {jaren}")
    if jaren > meeste:
        raise SynthFout(f"--jaren mag hoogstens {meeste} zijn: de jaren beginnen bij {EERSTE_JAAR} "
                        f"en het schema kent geen jaar na {LAATSTE_JAAR}")
    if afspraken < 1:
        raise SynthFout(f"--afspraken moet 1 of meer zijn, niet {afspraken}")


def _controleer_doel(doel: Path, bron: Path) -> None:
    volledig = doel.resolve()
    if volledig == bron or bron in volledig.parents:
        raise SynthFout(f"de map {doel} ligt in de echte gegevens ({bron}); synthetische gegevens "
                        "horen daar nooit. Kies een map erbuiten.")
    if doel.exists() and not doel.is_dir():
        raise SynthFout(f"{doel} is een bestand; geef een nieuwe of lege map")
    if doel.is_dir() and any(doel.iterdir()):
        raise SynthFout(f"de map {doel} is niet leeg; geef een nieuwe of lege map")


# --- names -------------------------------------------------------------------------

def id_van(naam: str) -> str:
    """An id (lower case, digits, hyphens) from a name."""
    ascii_ = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "x"


def _uniek(id_: str, gezien: set[str]) -> str:
    kandidaat, n = id_, 2
    while kandidaat in gezien:
        kandidaat, n = f"{id_}-{n}", n + 1
    gezien.add(kandidaat)
    return kandidaat


def _genummerd(pool: list, i: int):
    """Item i of a name pool; past its end the names get a number (' 2', ' 3', ...)."""
    naam = pool[i % len(pool)]
    if i < len(pool):
        return naam
    achtervoegsel = f" {i // len(pool) + 1}"
    return tuple(n + achtervoegsel for n in naam) if isinstance(naam, tuple) else naam + achtervoegsel


class Namen:
    """Real names -> fictional ones, in every text taken from the example data."""

    def __init__(self, paren: list[tuple[str, str, bool]]):
        """`paren`: (real, fictional, case-sensitive). Longer names win over their parts."""
        self._precies: dict[str, str] = {}
        self._klein: dict[str, str] = {}
        delen = []
        for echt, fictief, hoofdlettergevoelig in sorted(paren, key=lambda p: -len(p[0])):
            if not echt or echt in self._precies or echt.lower() in self._klein:
                continue
            self._precies[echt] = fictief
            if hoofdlettergevoelig:
                delen.append(re.escape(echt))
            else:
                self._klein[echt.lower()] = fictief
                delen.append(f"(?i:{re.escape(echt)})")
        self.patroon = re.compile(r"(?<!\w)(?:" + "|".join(delen) + r")(?!\w)") if delen else None

    def vervang(self, tekst: str) -> str:
        if self.patroon is None:
            return tekst
        return self.patroon.sub(lambda m: self._precies.get(m.group(0)) or self._klein[m.group(0).lower()], tekst)


def _naamparen(echt: str, fictief: str) -> list[tuple[str, str, bool]]:
    """A name, its short form without prefix (case-sensitive) and its compact forms ('aaenhunze')."""
    paren = [(echt, fictief, False)]
    kort_echt, kort_fictief = _kort(echt), _kort(fictief)
    if kort_echt != echt:
        paren.append((kort_echt, kort_fictief, True))
    for e, f in ((echt, fictief), (kort_echt, kort_fictief)):
        compact = "".join(e.split()).lower()
        if compact != e.lower():
            paren.append((compact, "".join(f.split()).lower(), False))
    return paren


def _kort(naam: str) -> str:
    for voorvoegsel in _VOORVOEGSELS:
        if naam.startswith(voorvoegsel) and len(naam) > len(voorvoegsel):
            return naam[len(voorvoegsel):]
    return naam


def verschuif(tekst: str, jaren: int) -> str:
    """Years in a text moved by `jaren` (2024 -> 2031), never past the schema's last year."""
    if not jaren:
        return tekst
    return _JAARTAL.sub(lambda m: str(min(LAATSTE_JAAR, int(m.group(1)) + jaren)), tekst)


# --- text ----------------------------------------------------------------------------

def _zinseinde(woord: str) -> bool:
    return woord.rstrip("”’\")").endswith((".", "!", "?"))


def _sluit(woord: str) -> str:
    return woord if _zinseinde(woord) else woord.rstrip(",;:–-") + "."


class Ketting:
    """A word-level Markov chain over example texts: Dutch-looking text of a chosen length."""

    def __init__(self, teksten: list[str], orde: int):
        self.volgende: dict[tuple[str, ...], list[str | None]] = {}
        self.begin: list[tuple[str, ...]] = []
        for tekst in teksten:
            for alinea in alineas(tekst):
                woorden = alinea.split()
                for i in range(len(woorden) - orde + 1):
                    staat = tuple(woorden[i:i + orde])
                    if i == 0 or _zinseinde(woorden[i - 1]):
                        self.begin.append(staat)
                    self.volgende.setdefault(staat, []).append(woorden[i + orde] if i + orde < len(woorden) else None)
        if not self.begin:
            raise SynthFout("de voorbeeldgegevens bevatten te weinig tekst om na te maken")

    def _woorden(self, rng: random.Random):
        """An endless stream of words; a new sentence starts where a text ended."""
        while True:
            staat = rng.choice(self.begin)
            yield from staat
            while (volgend := rng.choice(self.volgende[staat])) is not None:
                yield volgend
                staat = staat[1:] + (volgend,)
            yield None  # end of a text: the caller closes the sentence

    def tekst(self, rng: random.Random, lengte: int) -> str:
        """About `lengte` characters, ending at a sentence end where one is near."""
        woorden: list[str] = []
        n = 0  # characters so far
        laatste_einde = (0, 0)  # (characters, words) at the last sentence end
        for woord in self._woorden(rng):
            if woord is None:
                woorden[-1] = _sluit(woorden[-1])
                laatste_einde = (n, len(woorden))
                if n >= 0.85 * lengte:
                    break
                continue
            n += len(woord) + (1 if woorden else 0)
            woorden.append(woord)
            if _zinseinde(woord):
                laatste_einde = (n, len(woorden))
                if n >= 0.85 * lengte:
                    break
            if n >= 1.15 * lengte:
                if laatste_einde[0] >= 0.6 * lengte:
                    del woorden[laatste_einde[1]:]
                else:
                    woorden[-1] = _sluit(woorden[-1])
                break
        return " ".join(woorden)

    def titel(self, rng: random.Random, lengte: int) -> str:
        """A heading of about `lengte` characters: no sentence end, no dangling small word."""
        woorden: list[str] = []
        n = 0
        for woord in self._woorden(rng):
            if n >= lengte or (woord is None and n >= 0.7 * lengte):
                break
            if woord is None:  # a short real title ended: go on with the start of another
                continue
            n += len(woord) + (1 if woorden else 0)
            woorden.append(woord)
        while len(woorden) > 1 and woorden[-1].lower().strip(",;:.") in _LOSSE_WOORDEN:
            woorden.pop()
        titel = " ".join(woorden).rstrip(",;:.–- ")
        titel += ")" * (titel.count("(") - titel.count(")"))  # a cut-off title still closes its brackets
        return titel[:1].upper() + titel[1:]


# --- generation --------------------------------------------------------------------

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
class _Jaar:
    jaar: int
    per_thema: dict[str, list[_Gemaakt]]
    bestanden: dict[str, str]


class _Maker:
    """Everything taken from the example once; then the shared files and one year at a time."""

    def __init__(self, voorbeeld: Model, zaad: int):
        self.vb = voorbeeld
        self.zaad = zaad
        self.rng = random.Random(f"{zaad}-gedeeld")
        # The example year: the latest signed one. A year being prepared (as 'make nieuw-jaar'
        # starts it) is unsigned and has no commitments yet; without any signed year, the latest.
        ondertekend = [j.jaar for j in voorbeeld.jaren.values() if j.ondertekening]
        self.vb_jaar = max(ondertekend or voorbeeld.jaren)
        self._fictieve_partijen()
        self._fictieve_plaatsen()
        self._paren += _naamparen(voorbeeld.gemeente.naam, FICTIEVE_GEMEENTE)
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
            naam, volledig = _genummerd(FICTIEVE_PARTIJEN[p.soort], i)
            id_ = _uniek(id_van(naam), gezien)
            self.partij_id[p.id] = id_
            self.partijen[id_] = (naam, volledig)
            self._paren += _naamparen(p.volledige_naam, volledig) + _naamparen(p.naam, naam)

    def _fictieve_plaatsen(self) -> None:
        self.plaats_id: dict[str, str] = {}
        per_soort: dict[str, int] = {}
        gezien: set[str] = set()
        self.plaatsnamen: dict[str, str] = {}
        for p in self.vb.plaatsen.values():
            i = per_soort[p.soort] = per_soort.get(p.soort, -1) + 1
            naam = _genummerd(FICTIEVE_PLAATSEN[p.soort], i)
            id_ = _uniek(id_van(naam), gezien)
            self.plaats_id[p.id] = id_
            self.plaatsnamen[id_] = naam
            self._paren += _naamparen(p.naam, naam)

    def _documenten(self) -> None:
        self.document_id: dict[str, str] = {}
        gezien: set[str] = set()
        for d in self.vb.documenten.values():
            self.document_id[d.id] = _uniek(id_van(self.namen.vervang(d.titel)), gezien)

    def _begrippen(self) -> None:
        self.begrip_id: dict[str, str] = {}
        gezien: set[str] = set()
        for b in self.vb.begrippen.values():
            self.begrip_id[b.id] = _uniek(id_van(self.namen.vervang(b.term)), gezien)

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
            _met(partij, "opmerkingen", [v(o) for o in p.opmerkingen])
            partijen.append(partij)
        groepen = [{"id": g.id, "naam": v(g.naam), "leden": [self.partij_id[x] for x in g.leden]}
                   for g in vb.groepen.values()]
        plaatsen = []
        for p in vb.plaatsen.values():
            id_ = self.plaats_id[p.id]
            plaats = {"id": id_, "naam": self.plaatsnamen[id_], "soort": p.soort}
            if p.ligt_in:
                plaats["ligt_in"] = self.plaats_id[p.ligt_in]
            _met(plaats, "opmerkingen", [v(o) for o in p.opmerkingen])
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
            _met(document, "opmerkingen", [v(o) for o in d.opmerkingen])
            documenten.append(document)
        begrippen = []
        for b in vb.begrippen.values():
            begrip = {"id": self.begrip_id[b.id], "term": v(b.term)}
            _met(begrip, "vormen", list(dict.fromkeys(v(x) for x in b.vormen if v(x) != v(b.term))))
            begrip["uitleg"] = v(b.uitleg)
            _met(begrip, "zie_ook", [self.begrip_id[x] for x in b.zie_ook])
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

    # --- one year ----------------------------------------------------------------

    def jaar(self, jaar: int, afspraken: int, vorig: _Jaar | None) -> _Jaar:
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
        return _Jaar(jaar, per_thema, bestanden)

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
        plaatsen = list(self.plaatsnamen)
        _met(data, "plaatsen", rng.sample(plaatsen, min(len(vorm.plaatsen), len(plaatsen))))
        _met(data, "doelen", [self._doel(rng, verschil, d) for d in vorm.doelen])
        if vorm.termijn:
            t = vorm.termijn
            data["termijn"] = {"tekst": verschuif(t.tekst, verschil), "jaar": _jaar(t.jaar + verschil)}
            if t.kwartaal:
                data["termijn"]["kwartaal"] = t.kwartaal
        documenten = list(self.document_id.values())
        _met(data, "documenten", rng.sample(documenten, min(len(vorm.documenten), len(documenten))))
        data["gerelateerd"] = len(vorm.gerelateerd)  # filled in when the whole year is known
        if a.vorige:
            data["voortzetting_van"] = a.vorige
        # an empty 'verantwoordelijk' needs the note that explains it: the role's own
        opmerkingen = a.rol.opmerkingen if not a.verantwoordelijk else vorm.opmerkingen
        _met(data, "opmerkingen", [verschuif(v(o), verschil) for o in opmerkingen])
        return data

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
        _met(a.data, "gerelateerd", relaties)
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
            _met(data, "opmerkingen", [verschuif(v(o), verschil) for o in echt.opmerkingen])
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
        _met(tabel, "opmerkingen", [verschuif(v(o), verschil) for o in t.opmerkingen])
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


def _met(data: dict, sleutel: str, lijst: list) -> None:
    """Optional lists are left out when empty, as editors write them."""
    if lijst:
        data[sleutel] = lijst


def _rond(rng: random.Random, lengte: int) -> int:
    """A length near a real one, so lengths follow the real distribution without copying it."""
    return max(1, round(lengte * rng.uniform(0.8, 1.2)))


def _jaar(jaar: int) -> int:
    return min(LAATSTE_JAAR, jaar)


# libyaml's emitter when PyYAML has it (the pinned wheels do): writing YAML is most of the time
_Basis = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_Basis):
    """Multi-paragraph text as a block (|), as editors write it; no anchors or aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


def _tekst(dumper, tekst: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", tekst, style="|" if "\n" in tekst else None)


_Dumper.add_representer(str, _tekst)
