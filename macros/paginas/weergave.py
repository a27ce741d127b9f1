"""Rendering pages from the model with the templates in macros/paginas/templates/.

No MkDocs import: the glue (macros/lijm/bouw.py) passes the site's name and address;
each page's address comes from the page table (soorten.py). One template per page type, loaded by name; Python passes data.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import adressen, handleiding, inhoud, realisatie, redactie, soorten, voorbeelden
from . import plaatsinhoud, toetsbaarheid, voortgangvoorbeelden
from ..gegevens.laden import jaarschijfbestand, themabestand
from ..gegevens import tekstregels
from ..gegevens.model import Model
from ..gegevens.voortgang import STATUSSEN
from .opmaak import cel, celwaarde, datum, documentnaam, doelnaam, doeltekst, getal, hoeveelheid, termijntekst, veldnaam
from .tekst import GAT, SIC, ZICHTBAAR, Termen, alineas, kop, zin

TEMPLATES = Path(__file__).parent / "templates"


@functools.cache
def templates() -> Environment:
    """The templates, compiled once per process (under `make serve`, once per version of
    the code: a change imports the package anew). Jinja reloads a template that changed."""
    omgeving = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    omgeving.filters.update(alineas=alineas, zin=zin, kop=kop, datum=datum, getal=getal,
                            doeltekst=doeltekst, doelnaam=doelnaam, hoeveelheid=hoeveelheid, cel=cel, celwaarde=celwaarde, documentnaam=documentnaam,
                            termijntekst=termijntekst,
                            alinealijst=tekstregels.alineas)
    return omgeving


@dataclass(frozen=True)
class Site:
    naam: str  # site_name: the citation starts with it
    adres: str  # site_url: permanent addresses in citations and exports
    exportschema: dict  # the JSON Schema of the open data, described on /open-data/
    datamap: Path  # the data folder: the editors' guide shows its files


@dataclass(frozen=True)
class Gids:
    """What the editors' guide (/bijdragen/) shows of the data and the format."""
    voorbeeld: handleiding.Voorbeeld | None
    regel: str | None  # a full line of the check's output, for the example commitment
    fouten: tuple[handleiding.Fout, ...]
    velden: tuple[handleiding.Veld, ...]
    voortgangfouten: handleiding.Voortgangfouten | None = None  # the common mistakes in progress


class Weergave:
    def __init__(self, model: Model, site: Site):
        self.model = model
        self.site = site
        self.termen = Termen(model.begrippen)
        self.templates = templates()
        self.voorbeeld = voorbeelden.voorbeelden(model, date.today().year)
        self._gids: Gids | None = None
        # passed with every render, not set on the shared environment
        self.globals = dict(inhoud=inhoud, url=adressen, model=model, site=site,
                            permanent_adres=lambda a: adressen.permanent_adres(site.adres, a.id),
                            vast=voorbeelden, vb=self.voorbeeld, schema_velden=self.schema_velden,
                            themabestand=themabestand, jaarschijfbestand=jaarschijfbestand,
                            gids=self.gids, velden_van_bestand=self.velden_van_bestand,
                            veldnaam=veldnaam, redactietabel=redactie, statussen=STATUSSEN, realisatie=realisatie, zichtbaar={"gat": ZICHTBAAR[GAT], "sic": ZICHTBAAR[SIC]})
        self.globals["toetsbaarheid"] = toetsbaarheid  # per commitment and per year (toetsbaarheid.py)
        self.globals["plaatsinhoud"] = plaatsinhoud  # the places of a year, for the year page's list
        # the guide's progress examples (/bijdragen/), made when that page asks for them
        self.globals["voortgangvoorbeelden"] = lambda: voortgangvoorbeelden.voorbeelden(model, date.today())

    def render(self, template: str, huidige_url: str, **context) -> Markup:
        """A template for the page at `huidige_url`; links in it are relative to that page."""
        return Markup(self.templates.get_template(template).render(
            **self.globals,
            naar=lambda doel: adressen.relatief(huidige_url, doel),
            uitleg=self.termen.uitleg(),
            **context))

    def pagina(self, pagina: soorten.Pagina) -> Markup:
        """A generated page: a Markdown title line, then HTML (see soorten.py for the types)."""
        return self.render(pagina.soort.template, pagina.url, **soorten.context(self.model, pagina))

    def gids(self) -> Gids:
        """Worked out once, for the one page that shows it."""
        if self._gids is None:
            self._gids = self._maak_gids(self.site.datamap)
        return self._gids

    def _maak_gids(self, datamap: Path) -> Gids:
        vb = handleiding.voorbeeld(datamap, self.model, self.voorbeeld.afspraak)
        regel = handleiding.voorbeeldregel(vb, self.model) if vb else None
        return Gids(vb, regel[0] if regel else None,
                    handleiding.fouten(vb, self.model) if vb else (),
                    handleiding.velden(datamap / "schema", handleiding.blokken(datamap, self.model)),
                    handleiding.voortgangfouten(vb, self.model) if vb else None)

    def velden_van_bestand(self, schema: str) -> tuple[handleiding.Veld, ...]:
        """The fields of a kind of data file, from its JSON Schema, for the guide."""
        return handleiding.velden_van_bestand(self.site.datamap / "schema", schema)

    def schema_velden(self) -> list[tuple[str, str, str]]:
        """(field, type, description) of a commitment in the export, from its JSON Schema."""
        afspraak = self.site.exportschema["properties"]["afspraken"]["items"]["properties"]
        return [(naam, _soort(v), v.get("description", "")) for naam, v in afspraak.items()]


def _soort(eigenschap: dict) -> str:
    soort = eigenschap.get("type", "")
    return " of ".join(soort) if isinstance(soort, list) else soort
