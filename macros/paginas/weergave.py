"""Rendering pages from the model with the templates in macros/templates/.

No MkDocs import: the glue (site.py) passes the current page's URL and the site's
name and address. One template per page type, loaded by name; Python passes data.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import handleiding, inhoud, adressen as paginas, voorbeelden
from ..gegevens.laden import jaarschijfbestand, themabestand
from ..gegevens import tekstregels
from ..gegevens.model import Model
from .adressen import permanent_adres, relatief
from .opmaak import cel, datum, doeltekst, getal, hoeveelheid, veldnaam
from .tekst import Termen, alineas, kop, zin

TEMPLATES = Path(__file__).parent / "templates"


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


class Weergave:
    def __init__(self, model: Model, site: Site):
        self.model = model
        self.site = site
        self.termen = Termen(model.begrippen)
        self.templates = Environment(
            loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
            undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.templates.filters.update(alineas=alineas, zin=zin, kop=kop, datum=datum, getal=getal,
                                      doeltekst=doeltekst, hoeveelheid=hoeveelheid, cel=cel,
                                      alinealijst=tekstregels.alineas)
        self.voorbeeld = voorbeelden.voorbeelden(model, date.today().year)
        self._gids: Gids | None = None
        self.templates.globals.update(inhoud=inhoud, url=paginas, model=model, site=site,
                                      permanent_adres=lambda a: permanent_adres(site.adres, a.id),
                                      vast=voorbeelden, vb=self.voorbeeld, schema_velden=self.schema_velden,
                                      themabestand=themabestand, jaarschijfbestand=jaarschijfbestand,
                                      gids=self.gids, velden_van_bestand=self.velden_van_bestand,
                                      veldnaam=veldnaam)

    def render(self, template: str, huidige_url: str, **context) -> Markup:
        """A template for the page at `huidige_url`; links in it are relative to that page."""
        return Markup(self.templates.get_template(template).render(
            naar=lambda doel: relatief(huidige_url, doel),
            uitleg=self.termen.uitleg(),
            **context))

    def pagina(self, soort: str, jaar: int, sleutel: str, huidige_url: str) -> Markup:
        """A generated page (year, theme, party, commitment, overview, full text)."""
        context = {"jaar": self.model.jaren[jaar], "jaarlinks": self.jaarlinks(soort, jaar, sleutel)}
        if soort == paginas.AFSPRAAK:
            context["afspraak"] = self.model.afspraak(sleutel)
        elif soort == paginas.THEMA:
            context["thema"] = next(t for t in context["jaar"].themas if t.thema == sleutel)
        elif soort == paginas.PARTIJ:
            context["partij"] = self.model.partijen[sleutel]
        return self.render(f"{soort}.html", huidige_url, **context)

    def jaarlinks(self, soort: str, huidig: int, sleutel: str) -> list[tuple[int, str]]:
        """The same page in the years of the switcher (the year page where it does not
        exist), newest first; see inhoud.jaarvenster. None on a commitment page."""
        if soort == paginas.AFSPRAAK:
            return []
        links = []
        for jaar in inhoud.jaarvenster(tuple(self.model.jaren), huidig):
            j = self.model.jaren[jaar]
            if soort == paginas.THEMA and any(t.thema == sleutel for t in j.themas):
                doel = paginas.thema_url(jaar, sleutel)
            elif soort == paginas.PARTIJ:
                doel = paginas.partij_url(jaar, sleutel)
            elif soort == paginas.OVERZICHT:
                doel = paginas.overzicht_url(jaar)
            elif soort == paginas.VOLLEDIGE_TEKST:
                doel = paginas.volledige_tekst_url(jaar)
            else:
                doel = paginas.jaar_url(jaar)
            links.append((jaar, doel))
        return links

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
                    handleiding.velden(datamap / "schema", handleiding.blokken(datamap, self.model)))

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
