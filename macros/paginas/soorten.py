"""The page types of a year, in one table: plain Python, no MkDocs.

Per type: its public address, its template, its front matter, its place in the
navigation and the function that gives its template the data it shows. The page
list, the navigation, the year switcher and the build all read this table; adding
a page type is one entry here and one template in templates/.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from ..gegevens.model import NIET, ONZEKER, Jaar, Model
from . import (adressen, grafiek, inhoud, plaatsinhoud, realisatie, tellingen, toetsbaarheid, voortgangsinhoud,
               wijzigingslog)

# Aggregate pages repeat commitment text, so they stay out of the search index: a
# search then finds the commitment's own page once. Generated headings are HTML, so
# the table of contents would be empty: it is hidden.
ZONDER_INHOUDSOPGAVE = {"hide": ["toc"]}
NIET_ZOEKEN = {"hide": ["toc"], "search": {"exclude": True}}


@dataclass(frozen=True)
class Soort:
    naam: str  # the template is `<naam>.html`
    url: Callable[[int, str], str]  # (year, key) -> site-relative address
    sleutels: Callable[[Model, Jaar], Iterable[str]]  # the keys of its pages in a year
    context: Callable[[Model, Jaar, str], dict]  # what its template shows, besides the year
    voorwerk: Mapping  # its front matter
    nav: str | None  # its entry in the year's navigation ("" = the year's own page)
    navgroep: str | None = None  # or: the sub-section that lists its pages, one entry per key
    navtitel: Callable[[Model, str], str] | None = None  # the entry of a key in its sub-section
    in_andere_jaren: bool = True  # the year switcher offers the same page in other years

    @property
    def template(self) -> str:
        return f"{self.naam}.html"


def _het_jaar(model: Model, jaar: Jaar) -> tuple[str, ...]:
    return ("",)  # one page per year; its key is empty


# --- what each type's template shows; templates lay it out and never query the model ---

def _stand(model: Model, afspraken) -> dict:
    """How far these commitments are: the tally of their statuses and its chart."""
    telling = tellingen.telling(model, afspraken)
    return {"telling": telling, "grafiek": grafiek.staafgrafiek(telling)}


def _jaarpagina(model: Model, jaar: Jaar, sleutel: str) -> dict:
    return {"kerncijfers": inhoud.kerncijfers(jaar),
            "aantal_per_partij": {p: inhoud.aantal_van_partij(jaar, p) for p in model.partijen},
            **_stand(model, jaar.afspraken), "doelrijen": realisatie.van_afspraken(model, jaar.afspraken),
            "vorig_jaar": tellingen.vorig_jaar(model, jaar)}


def _overzicht(model: Model, jaar: Jaar, sleutel: str) -> dict:
    # the filters of every year in the switcher: its links keep the reader's filters
    jaren = {jaar.jaar, *inhoud.jaarvenster(tuple(model.jaren), jaar.jaar)}
    return {"filterkeuzes": {j: inhoud.filterkeuzes(model, model.jaren[j]) for j in jaren},
            "plaatsfilter": {a.id: inhoud.plaatsfilter(model, a) for a in jaar.afspraken},
            "status_van": voortgangsinhoud.statussen_van(model, jaar)}


def _themapagina(model: Model, jaar: Jaar, sleutel: str) -> dict:
    thema = next(t for t in jaar.themas if t.thema == sleutel)
    afspraken = sorted(thema.afspraken, key=lambda a: a.nummer)
    return {"thema": thema, "indeling": inhoud.indeling(thema),
            "genoemd_in": None if thema.in_bron else inhoud.genoemd_in(jaar, model.themas[sleutel].naam),
            **_stand(model, afspraken), "doelrijen": realisatie.van_afspraken(model, afspraken)}


def _partijpagina(model: Model, jaar: Jaar, sleutel: str) -> dict:
    vertegenwoordigt, vertegenwoordigd_door = inhoud.vertegenwoordiging(model, sleutel)
    per_thema = inhoud.van_partij(model, jaar, sleutel)
    return {"partij": model.partijen[sleutel], "per_thema": per_thema,
            **_stand(model, (a for _, eigen in per_thema for a in eigen)),
            "totaal": inhoud.aantal_van_partij(jaar, sleutel), "vertegenwoordigt": vertegenwoordigt,
            "niet": inhoud.met_grond(jaar, sleutel, NIET), "misschien": inhoud.met_grond(jaar, sleutel, ONZEKER),
            "vertegenwoordigd_door": vertegenwoordigd_door, "ondertekenaar": inhoud.ondertekenaar_van(jaar, sleutel),
            "groepen": inhoud.groepen_van(model, sleutel), "rollen": inhoud.rollen_van(model, jaar, sleutel)}


def _volledige_tekst(model: Model, jaar: Jaar, sleutel: str) -> dict:
    return {"indelingen": {t.thema: inhoud.indeling(t) for t in jaar.themas}, "zonder_kop": inhoud.ZONDER_KOP,
            "inleiding": inhoud.inleiding_zoals_ondertekend(jaar)}


def _toetsbaarheid(model: Model, jaar: Jaar, sleutel: str) -> dict:
    return {"samenvatting": toetsbaarheid.van_jaar(jaar)}


def _afspraakpagina(model: Model, jaar: Jaar, sleutel: str) -> dict:
    a = model.afspraak(sleutel)
    vorige, volgende = inhoud.buren(jaar, a)
    return {"afspraak": a, "vorige": vorige, "volgende": volgende,
            "andere_jaren": inhoud.in_andere_jaren(model, a), "genoemd_bij": model.genoemd_bij(a.id),
            "gerelateerd": tuple((model.afspraak(r.afspraak), r.reden) for r in a.gerelateerd),
            "stand": voortgangsinhoud.stand(model, a)}


JAAR = Soort("jaar", lambda j, s: adressen.jaar_url(j), _het_jaar, _jaarpagina, ZONDER_INHOUDSOPGAVE, nav="")
OVERZICHT = Soort("overzicht", lambda j, s: adressen.overzicht_url(j), _het_jaar, _overzicht, NIET_ZOEKEN,
                  nav="Alle afspraken")
THEMA = Soort("thema", adressen.thema_url, lambda m, j: (t.thema for t in j.themas), _themapagina,
              ZONDER_INHOUDSOPGAVE, nav=None, navgroep="Thema's", navtitel=lambda m, s: m.themas[s].naam)
PARTIJ = Soort("partij", adressen.partij_url, lambda m, j: iter(m.partijen), _partijpagina,
               ZONDER_INHOUDSOPGAVE, nav=None, navgroep="Partijen", navtitel=lambda m, s: m.partijen[s].naam)
VOLLEDIGE_TEKST = Soort("volledige-tekst", lambda j, s: adressen.volledige_tekst_url(j), _het_jaar,
                        _volledige_tekst, NIET_ZOEKEN, nav="Volledige tekst")
# How testable each commitment is; it repeats titles, so it stays out of the search index.
TOETSBAARHEID = Soort("toetsbaarheid", lambda j, s: adressen.toetsbaarheid_url(j), _het_jaar, _toetsbaarheid,
                      NIET_ZOEKEN, nav="Toetsbaarheid")
# Place pages stay out of the navigation too (a year may name many places); the year page
# lists them. They repeat commitments, but only their titles: the search has a short entry
# of its own for each (zoekindex.py).
PLAATS = Soort("plaats", adressen.plaats_url, lambda m, j: plaatsinhoud.plaatsen_van_jaar(m, j),
               plaatsinhoud.context, ZONDER_INHOUDSOPGAVE, nav=None)
# Commitment pages stay out of the navigation: the theme renders the navigation into
# every page, and 80 entries a year made every page of the site heavy (DESIGN.md).
AFSPRAAK = Soort("afspraak", lambda j, s: adressen.afspraak_url(s), lambda m, j: (a.id for a in j.afspraken),
                 _afspraakpagina, ZONDER_INHOUDSOPGAVE, nav=None, in_andere_jaren=False)


def _wijzigingen(model: Model, jaar: Jaar, sleutel: str) -> dict:
    return {"wijzigingen": wijzigingslog.van_jaar(model, jaar.jaar)}


# The change log of a year's progress (wijzigingslog.py): it repeats titles, so it stays
# out of the search; the site-wide log is the fixed page docs/wijzigingen.md.
WIJZIGINGEN = Soort("wijzigingen", lambda j, s: adressen.wijzigingen_url(j), _het_jaar, _wijzigingen, NIET_ZOEKEN,
                    nav="Wijzigingen")

# In reading order: the order of each year's pages and of its navigation.
SOORTEN: tuple[Soort, ...] = (JAAR, OVERZICHT, THEMA, PARTIJ, PLAATS, VOLLEDIGE_TEKST, TOETSBAARHEID, AFSPRAAK,
                             WIJZIGINGEN)
PER_NAAM = {s.naam: s for s in SOORTEN}


@dataclass(frozen=True)
class Pagina:
    soort: Soort
    jaar: int
    sleutel: str  # the theme, party or commitment id the page is about; "" for a year's own pages

    @property
    def url(self) -> str:
        return self.soort.url(self.jaar, self.sleutel)

    @property
    def bestandsnaam(self) -> str:
        """The file name MkDocs knows the page by (its `src_uri`)."""
        return adressen.bestandsnaam(self.url)

    @property
    def in_nav(self) -> bool:
        return self.soort.nav is not None or self.soort.navgroep is not None

    @property
    def voorwerk(self) -> dict:
        """The page's front matter; `jaar` tells the navigation which year's section to show."""
        return {**self.soort.voorwerk, "jaar": self.jaar}


def paginas(model: Model) -> tuple[Pagina, ...]:
    """Every generated page, newest year first, each year in reading order."""
    return tuple(Pagina(soort, jaar, sleutel)
                 for jaar in sorted(model.jaren, reverse=True)
                 for soort in SOORTEN
                 for sleutel in soort.sleutels(model, model.jaren[jaar]))


def context(model: Model, pagina: Pagina) -> dict:
    """What the page's template gets: its year, the year switcher and its own data."""
    jaar = model.jaren[pagina.jaar]
    return {"jaar": jaar, "jaarlinks": jaarlinks(model, pagina),
            **pagina.soort.context(model, jaar, pagina.sleutel)}


def jaarlinks(model: Model, pagina: Pagina) -> list[tuple[int, str]]:
    """The same page in the years of the switcher (the year's own page where it does not
    exist), newest first; see inhoud.jaarvenster. Empty where the type has no switcher."""
    soort = pagina.soort
    if not soort.in_andere_jaren:
        return []
    links = []
    for jaar in inhoud.jaarvenster(tuple(model.jaren), pagina.jaar):
        bestaat = pagina.sleutel in set(soort.sleutels(model, model.jaren[jaar]))
        links.append((jaar, soort.url(jaar, pagina.sleutel) if bestaat else JAAR.url(jaar, "")))
    return links


def navigatie(model: Model) -> list[dict]:
    """The navigation entries of all years (newest first) in MkDocs' `nav` shape.

    Titles are plain text from the data; the caller escapes them, because the theme
    writes navigation titles into the HTML unescaped.
    """
    secties = []
    for jaar in sorted(model.jaren, reverse=True):
        j = model.jaren[jaar]
        items: list = []
        for soort in SOORTEN:
            if soort.navgroep:
                items.append({soort.navgroep: [{soort.navtitel(model, s): adressen.bestandsnaam(soort.url(jaar, s))}
                                               for s in soort.sleutels(model, j)]})
            elif soort.nav == "":
                items.append(adressen.bestandsnaam(soort.url(jaar, "")))
            elif soort.nav:
                items.append({soort.nav: adressen.bestandsnaam(soort.url(jaar, ""))})
        secties.append({str(jaar): items})
    return secties
