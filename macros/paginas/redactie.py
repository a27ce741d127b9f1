"""What on a page is signed text and what is the editors': one table, one rule.

The templates mark every editorial part with its entry here (the macros `redactie`,
`redactielabel` and `redactie_op_pagina` in onderdelen.html), and /over/ lists the same
entries per page type (over-redactie.html). A test holds the two together: every entry
is used by a template, every page type is one of soorten.py. Plain Python, no MkDocs.
"""
from __future__ import annotations

from dataclasses import dataclass

from .opmaak import VELDNAMEN

# The page types of soorten.py, as /over/ names them, in reading order.
PAGINAS = {
    "jaar": "De pagina van een jaar",
    "overzicht": "Alle afspraken van een jaar",
    "thema": "De pagina van een thema",
    "partij": "De pagina van een partij",
    "plaats": "De pagina van een plaats",
    "volledige-tekst": "De volledige tekst",
    "toetsbaarheid": "Hoe toetsbaar de afspraken van een jaar zijn",
    "afspraak": "De pagina van een afspraak",
    "wijzigingen": "De wijzigingen in de voortgang van een jaar",
}
ALLE = tuple(PAGINAS)


@dataclass(frozen=True)
class Deel:
    """A part of a page that is not signed text."""
    sleutel: str
    naam: str  # as a sentence names it: "‘In het kort’"
    uitleg: str  # what it is and where it comes from, for /over/
    paginas: tuple[str, ...]  # the page types that show it
    markering: str | None = None  # the words at the part on the page, if it has its own mark


REDACTIE: tuple[Deel, ...] = (
    Deel("titel", "de titels van de afspraken",
         "Het document geeft elke afspraak alleen een nummer. De redactie geeft haar een korte titel, zodat u "
         "haar snel herkent. De titel zegt niet meer dan de tekst.",
         ("jaar", "thema", "partij", "plaats", "overzicht", "toetsbaarheid", "afspraak", "wijzigingen"),
         "De titel boven deze pagina is van de redactie."),
    Deel("verantwoordelijk", "wie verantwoordelijk is en waar het over gaat",
         "Welke partij een afspraak uitvoert en welke plaatsen ze noemt. De redactie leidt dat af uit de "
         "tussenkop boven de afspraak en uit de tekst. Daarop zijn ook de aantallen per partij en de filters "
         "gebaseerd.",
         ("jaar", "thema", "partij", "plaats", "overzicht", "afspraak")),
    Deel("in-het-kort", "‘In het kort’",
         "Een samenvatting van één afspraak: thema, wie, waar, doel in cijfers, wanneer en beleidsstukken. "
         "Bij verschil geldt de ondertekende tekst.",
         ("afspraak",),
         "Een samenvatting van de tekst hierboven. Bij verschil geldt de ondertekende tekst."),
    Deel("samenhang", "‘Hangt samen met’",
         "Welke afspraken met elkaar te maken hebben, en waarom. Het document zegt dat zelf niet.",
         ("afspraak",),
         "Welke afspraken samenhangen en waarom, zegt het document zelf niet."),
    Deel("kerncijfers", "‘Kerncijfers’",
         "De getallen uit de teksten van de afspraken van een jaar, in één tabel. Bij verschil geldt de tekst "
         "van de afspraak.",
         ("jaar",),
         "De getallen uit de teksten van de afspraken, in één tabel. Bij verschil geldt de tekst van de afspraak."),
    Deel("koppen", "koppen die het document niet heeft",
         "In de volledige tekst staat de naam van een thema als kop, ook waar het document die kop niet heeft. "
         "Zo'n kop is gemarkeerd.",
         ("volledige-tekst",),
         "(kop van de redactie)"),
    Deel("tabellen", "titels en kolomkoppen van tabellen die het document niet heeft, en ‘onzeker’ bij een getal",
         "Een tabel uit het document staat op de site zoals hij te lezen is. Heeft hij in het document geen "
         "bijschrift of kolomkop, dan is die van de redactie en gemarkeerd. Een getal dat niet zeker te lezen "
         "is, heet ‘onzeker’, met de reden erbij op de pagina van het thema.",
         ("thema", "volledige-tekst"),
         "(van de redactie)"),
    Deel("tekens", "de tekens […] en [zo in het document]",
         "[…] staat waar de tekst van het document niet te lezen is. [zo in het document] staat waar het "
         "document zelf een fout heeft of er een woord lijkt te ontbreken. De tekst zelf verandert de redactie "
         "niet.",
         ALLE),
    Deel("begrippen", "de uitleg van moeilijke woorden",
         "Algemene uitleg in gewone taal, onderaan een pagina en op de pagina Begrippen. Die uitleg hoort niet "
         "bij de afspraken.",
         ALLE,
         "Deze uitleg hoort niet bij de afspraken."),
    Deel("noten", "de noten van de redactie",
         f"Met het kopje ‘{VELDNAMEN['opmerkingen']}’: wat er opvalt aan de bron, zoals een plek die niet te "
         "lezen is of een tegenstrijdigheid, en welke keuze de redactie daarbij maakte.",
         ("jaar", "thema", "partij", "plaats", "afspraak"),
         VELDNAMEN["opmerkingen"]),
    Deel("toetsbaarheid", "‘Toetsbaar?’: of een afspraak een aantal, een termijn en één partij noemt",
         "Of de tekst van een afspraak een aantal noemt, een termijn en één partij die het doet. De redactie "
         "leidt dat af uit de gegevens: de doelen in cijfers, de termijn en wie het doet, zoals de redactie die "
         "uit de tekst haalt. Het is geen oordeel over de partijen. Het helpt om volgend jaar scherpere "
         "afspraken te maken.",
         ("jaar", "toetsbaarheid", "afspraak"),
         "Afgeleid door de redactie uit de gegevens van de afspraken. Dit is geen oordeel over de partijen."),
    Deel("voortgang", "de stand van zaken: hoe ver een afspraak is en wat er bereikt is",
         "Hoe ver een afspraak is, wat er van haar doelen bereikt is, wie dat beoordeelde en waar het staat. De "
         "redactie legt het vast uit verslagen, evaluaties en besluiten, met de bron erbij. Een fout wordt "
         "niet weggepoetst: een verbetering is een nieuwe regel, en de oude blijft zichtbaar.",
         ("jaar", "overzicht", "thema", "partij", "plaats", "afspraak", "wijzigingen"),
         "Geen ondertekende tekst: de redactie legt dit vast uit de genoemde bronnen."),
)
PER_SLEUTEL = {d.sleutel: d for d in REDACTIE}

# What each page type shows of the signed document: everything on it that is not above.
ONDERTEKEND: dict[str, tuple[str, ...]] = {
    "jaar": ("de titel en het motto", "de inleiding", "de zin over de focus", "de rollen en verantwoordelijkheden",
             "de stukken waarop de afspraken gebaseerd zijn, in de woorden van het document",
             "wie ondertekende, wanneer en waar"),
    "overzicht": ("het nummer van elke afspraak",),
    "thema": ("‘Wat we willen bereiken’ en ‘Onze actualiteit’", "de tussenkoppen", "de tekst van elke afspraak",
              "het bijschrift van een tabel en de getallen, zoals ze te lezen zijn"),
    "partij": ("de tekst over de rol van de partij", "de tekst van elke afspraak", "wie voor de partij ondertekende"),
    "plaats": ("het nummer van elke afspraak",),
    "volledige-tekst": ("alle tekst van het document, in dezelfde volgorde, met de koppen die het document heeft",),
    "toetsbaarheid": ("het nummer van elke afspraak",),
    "afspraak": ("de tekst onder ‘Wat is afgesproken’", "het nummer", "de tussenkop waaronder de afspraak staat"),
    "wijzigingen": ("het nummer van elke afspraak", "de doelen: wat is afgesproken"),
}


def deel(sleutel: str) -> Deel:
    return PER_SLEUTEL[sleutel]


def op_pagina(soort: str) -> tuple[Deel, ...]:
    """The editorial parts a page type shows, in the table's order."""
    return tuple(d for d in REDACTIE if soort in d.paginas)
