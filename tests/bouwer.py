"""Model objects built in code, for unit tests that need no YAML.

Every argument has a plain default, so a test names only what it is about:

    m = model(jaren=[jaar(2030, themas=[thema("wonen", [afspraak(1), afspraak(2)])])])

Names are fictional. Nothing is validated here: build what the loader would accept.
"""
from __future__ import annotations

from macros.gegevens.model import (Afspraak, Gemeente, Groep, Jaar, Model, Ondertekenaar, Ondertekening,
                          Partij, Plaats, Rol, Rollen, Thema, ThemaInJaar, Uitvoerder, leden)
from macros.gegevens.toerekening import toerekening

PARTIJEN = (
    Partij("gemeente-testdorp", "Gemeente Testdorp", "Gemeente Testdorp", "gemeente"),
    Partij("woonbouw", "Woonbouw", "Stichting Woonbouw", "woningcorporatie"),
    Partij("huurders-woonbouw", "Huurders Woonbouw", "Vereniging Huurders Woonbouw",
           "huurdersorganisatie", vertegenwoordigt_huurders_van=("woonbouw",)),
)
GROEPEN = (Groep("allen", "Alle partijen", tuple(p.id for p in PARTIJEN)),)


def afspraak(nummer: int, jaar: int = 2030, thema: str = "wonen", *,
             verantwoordelijk: tuple[str, ...] = ("woonbouw",), uitvoerders=(), **velden) -> Afspraak:
    """A commitment; `uitvoerders` as Uitvoerder objects (see `uitvoerder`)."""
    alle, groepen = {p.id: p for p in PARTIJEN}, {g.id: g for g in GROEPEN}
    return Afspraak(jaar=jaar, thema=thema, nummer=nummer,
                    titel=velden.pop("titel", f"Afspraak {nummer} van {jaar}"),
                    tekst=velden.pop("tekst", f"Fictieve tekst van afspraak {nummer}."),
                    verantwoordelijk=tuple(verantwoordelijk), partijen=leden(verantwoordelijk, alle, groepen),
                    uitvoerders=tuple(uitvoerders),
                    toegerekend=toerekening(tuple(verantwoordelijk), tuple(uitvoerders), alle, groepen), **velden)


def uitvoerder(*wie: str, woorden: str = "Fictieve", **velden) -> Uitvoerder:
    return Uitvoerder(wie=wie, woorden=woorden, **velden)


def thema(id_: str, afspraken=(), jaar: int = 2030, **velden) -> ThemaInJaar:
    return ThemaInJaar(jaar=jaar, thema=id_, afspraken=tuple(afspraken), **velden)


def jaar(nummer: int = 2030, themas=(), ondertekend: bool = True, **velden) -> Jaar:
    ondertekening = Ondertekening(
        datum=f"{nummer - 1}-12-01", plaats="Testdorp", geldig_vanaf=f"{nummer}-01-01",
        ondertekenaars=tuple(Ondertekenaar(p.id, f"N. {p.naam}", "testfunctie") for p in PARTIJEN),
    ) if ondertekend else None
    rollen = Rollen("Fictieve rollen.", (Rol("Alle partijen", ("allen",), "Fictieve rol."),))
    return Jaar(jaar=nummer, titel=velden.pop("titel", f"Prestatieafspraken {nummer}"),
                inleiding=velden.pop("inleiding", "Fictieve inleiding."), grondslagen=(),
                rollen=rollen, themas=tuple(themas), ondertekening=ondertekening, **velden)


def model(jaren=(), themas: tuple[str, ...] | None = None, plaatsen=(), gemeente: str = "Testdorp",
          **velden) -> Model:
    """A model of the given years; its themes are `themas` or those the years use."""
    ids = themas or tuple(dict.fromkeys(t.thema for j in jaren for t in j.themas))
    return Model(
        gemeente=Gemeente(gemeente),
        partijen=velden.pop("partijen", {p.id: p for p in PARTIJEN}),
        groepen=velden.pop("groepen", {g.id: g for g in GROEPEN}),
        themas={t: Thema(t, t.replace("-", " ").capitalize()) for t in ids},
        plaatsen={p.id: p for p in plaatsen},
        documenten=velden.pop("documenten", {}),
        begrippen=velden.pop("begrippen", {}),
        jaren={j.jaar: j for j in sorted(jaren, key=lambda j: j.jaar)},
    )


def plaats(id_: str, soort: str = "dorp", ligt_in: str | None = None) -> Plaats:
    return Plaats(id_, id_.replace("-", " ").title(), soort, ligt_in)
