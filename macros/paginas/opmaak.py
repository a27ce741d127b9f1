"""Presentation rules: how a date, a number, a target, a table cell and a field's name read.

One place for each rule, used by the templates (as filters and globals, registered in
weergave.py), the open data (export.py) and the change summary (wijzigingen/), so a
reader sees a value the same way everywhere. Plain text, no Jinja, no MkDocs: the
templates escape what these return.
"""
from __future__ import annotations

from datetime import date
from typing import Callable

from ..gegevens.model import Cel, Document, Doel, Termijn

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")
LEEG = "–"  # a table cell without a value
ONZEKER = " (onzeker)"  # after a value that could not be read with certainty


def datum(iso: str) -> str:
    """'2023-12-07' as '7 december 2023'."""
    d = date.fromisoformat(iso)
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def getal(waarde: float) -> str:
    """A number as Dutch readers write it: 1.250 and 2,5."""
    if waarde == int(waarde):
        return f"{int(waarde):,}".replace(",", ".")
    return f"{waarde:,}".replace(",", " ").replace(".", ",").replace(" ", ".")


def hoeveelheid(d: Doel, getal: Callable[[float], str] = getal) -> str:
    """How much a target asks for: 'ten minste 1.250 woningen' (bound, number, unit)."""
    return f"{d.grens + ' ' if d.grens else ''}{getal(d.aantal)} {d.eenheid}"


WAARVAN = "waarvan "  # starts a part of the total before it: never a number on top of it


def doeltekst(d: Doel, plaatsnaam: str | None = None, *, getal: Callable[[float], str] = getal,
              met_jaar: bool = True, totaal: Doel | None = None) -> str:
    """A target in one line: 'ten minste 1.250 woningen: sociale huur (in 2030), Beekdorp'.

    A part of a total (`totaal`) reads 'waarvan 23 woningen, Deelgebied C': what and when
    only where they differ from the total's. The site, the open data and the change summary
    show it so. The CSV writes the number as Python does (`getal=str`: 1250 and 2.5, for
    machines) and leaves out a year that only `jaar` gives (`met_jaar=False`).
    """
    wat = d.wat if totaal is None or d.wat != totaal.wat else None
    tekst = (WAARVAN if totaal is not None else "") + hoeveelheid(d, getal) + (f": {wat}" if wat else "")
    wanneer = _wanneer(d, met_jaar)
    if wanneer and (totaal is None or wanneer != _wanneer(totaal, met_jaar)):
        tekst += f" ({wanneer})"
    return f"{tekst}, {plaatsnaam}" if plaatsnaam else tekst


def doelnaam(d: Doel, plaatsnaam: str | None = None) -> str:
    """What a target is about, as a table row or a line names it: 'waarvan …' before a part
    of a total, then its place unless its words already say it."""
    tekst = (WAARVAN if d.deel_van else "") + d.wat
    return f"{tekst}, {plaatsnaam}" if plaatsnaam and plaatsnaam not in d.wat else tekst


def _wanneer(d: Doel, met_jaar: bool) -> str | None:
    return d.wanneer or (f"in {d.jaar}" if met_jaar and d.jaar else None)


def termijntekst(t: Termijn) -> str:
    """A deadline in the source's words, and what it is for when that is not the whole
    commitment: 'in Q1 2024 (omvang en tijdsduur bepalen)'."""
    return f"{t.tekst} ({t.waarvoor})" if t.waarvoor else t.tekst


def documentnaam(d: Document) -> str:
    """A document as a reader finds it named: its title, and who makes it when the title does
    not say so already ('Woonplan (Gemeente X)', never 'Plan (X) (X)')."""
    if d.van and d.van not in d.titel:
        return f"{d.titel} ({d.van})"
    return d.titel


def celwaarde(c: Cel) -> str:
    """A table cell's value: its text, a number as `getal` writes it, '–' when empty."""
    if c.waarde is None:
        return LEEG
    return c.waarde if isinstance(c.waarde, str) else getal(c.waarde)


def cel(c: Cel) -> str:
    """A table cell as one text: its value, marked when unsure ('12,5 (onzeker)')."""
    return celwaarde(c) + ONZEKER if c.onzeker else celwaarde(c)


# Field name (as in the model and the YAML) -> the label a reader knows from the site.
VELDNAMEN = {
    "titel": "Titel", "tekst": "Tekst", "kop": "Tussenkop", "thema": "Thema",
    "verantwoordelijk": "Partijen van de tussenkop", "uitvoerders": "Wie doet het volgens de tekst",
    "plaatsen": "Waar", "doelen": "Doel in cijfers", "deel_van": "Deel van", "volgens": "Volgens",
    "termijn": "Wanneer", "documenten": "Beleidsstukken", "gerelateerd": "Hangt samen met",
    "voortzetting_van": "Zet voort", "opmerkingen": "Noot van de redactie",
    "doel": "Wat we willen bereiken", "actualiteit": "Onze actualiteit", "tabellen": "Tabel",
    "bijschrift": "Bijschrift", "kolommen": "Kolommen", "rijen": "Rijen",
    "na_afspraak": "Staat na afspraak", "motto": "Motto", "inleiding": "Inleiding",
    "focus": "Focus", "themas": "Thema's", "delen": "Delen", "onderdelen": "Onderdelen",
    "grondslagen": "Waar de afspraken op gebaseerd zijn", "rollen": "Rollen",
    "toelichting": "Toelichting", "per_partij": "Rol", "partijen": "Partijen",
    "ondertekening": "Ondertekening", "datum": "Datum", "plaats": "Plaats",
    "geldig_vanaf": "Geldig vanaf", "ondertekenaars": "Ondertekenaar", "partij": "Partij",
    "naam": "Naam", "functie": "Functie", "aanhef": "Aanhef", "slottekst": "Slottekst",
    "volledige_naam": "Volledige naam", "soort": "Soort",
    "vertegenwoordigt_huurders_van": "Komt op voor de huurders van", "leden": "Leden",
    "ligt_in": "Ligt in", "van": "Van", "vastgesteld": "Vastgesteld op", "url": "Adres",
    "term": "Begrip", "uitleg": "Uitleg", "vormen": "Andere vormen", "zie_ook": "Zie ook",
    "zoals_genoemd": "Zoals genoemd", "wat": "Wat", "aantal": "Aantal", "eenheid": "Eenheid",
    "grens": "Grens", "jaar": "Jaar", "wanneer": "Wanneer", "kwartaal": "Kwartaal",
    "waarde": "Waarde", "onzeker": "Onzeker", "opmerking": "Opmerking", "reden": "Reden",
    "afspraak": "Afspraak", "document": "Beleidsstuk",
    "titelblad": "Plek van titel en motto", "kop_per_partij": "Kop boven de rollen per partij",
    "ontbrekende_koppen": "Koppen die het document niet heeft",
    "kolommen_van_de_redactie": "Kolomkoppen van de redactie", "waarvoor": "Waarvoor",
}


def veldnaam(veld: str) -> str:
    """A field's label as the site shows it; a field without one by its own name ('ligt_in': 'Ligt in')."""
    return VELDNAMEN.get(veld, veld.replace("_", " ").capitalize())
