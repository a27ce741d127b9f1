"""MkDocs glue: load the model once per build, add the generated pages, register macros.

Wiring only. Generated page sources hold ids, never data text; text reaches a page
through the templates (weergave.py), escaped.
"""
from __future__ import annotations

import json
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from . import export, paginas
from .laden import laad
from .model import Model
from .weergave import Site, Weergave

MODEL = "prestatieafspraken_model"  # attribute of the macros plugin that holds the model

# The front matter per page type. Aggregate pages repeat commitment text, so they stay
# out of the search index: a search then finds the commitment's own page once.
ZONDER_INHOUDSOPGAVE = "hide: [toc]\n"  # generated headings are HTML: the table of contents stays empty
VOORWERK = {
    paginas.OVERZICHT: "hide: [toc]\nsearch:\n  exclude: true\n",
    paginas.VOLLEDIGE_TEKST: "hide: [toc]\nsearch:\n  exclude: true\n",
}


def laad_of_stop(datamap: Path) -> Model:
    resultaat = laad(datamap)
    if resultaat.model is None:
        regels = "\n".join(m.als_regel() for m in resultaat.fouten)
        raise PluginError(f"De gegevens bevatten fouten; er is niets gebouwd.\n{regels}")
    return resultaat.model


def exportschema_pad(project: Path) -> Path:
    return project / "data" / "schema" / export.SCHEMA_BESTAND


def define_env(env) -> None:
    project = Path(env.project_dir)
    model = laad_of_stop(project / "data")
    setattr(env, MODEL, model)  # the hook (haak.py) builds the page list from this same model
    schema = json.loads(exportschema_pad(project).read_text(encoding="utf-8"))
    weergave = Weergave(model, Site(env.conf.site_name, env.conf.site_url or "", schema))

    @env.macro
    def pagina(soort: str, jaar: int, sleutel: str) -> Markup:
        """A generated page; its source is this one call with ids (see bron())."""
        return weergave.pagina(soort, jaar, sleutel, env.page.url)

    @env.macro
    def startpagina() -> Markup:
        return weergave.render("start.html", env.page.url)

    @env.macro
    def begrippenlijst() -> Markup:
        return weergave.render("begrippen.html", env.page.url)

    @env.macro
    def open_data_velden() -> Markup:
        return weergave.render("open-data-velden.html", env.page.url, velden=weergave.schema_velden())

    @env.macro
    def open_data_bestanden() -> Markup:
        return weergave.render("open-data-bestanden.html", env.page.url)


def model_van(config) -> Model:
    # mkdocs-macros runs define_env in its on_config, before any hook event below
    return getattr(config.plugins["macros"], MODEL)


def bron(pagina: paginas.Pagina) -> str:
    """The Markdown source of a generated page: front matter and one macro call with ids."""
    voorwerk = VOORWERK.get(pagina.soort, ZONDER_INHOUDSOPGAVE)
    return (f"---\n{voorwerk}---\n"
            f'{{{{ pagina("{pagina.soort}", {pagina.jaar}, "{pagina.sleutel}") }}}}\n')


def voeg_jaren_toe_aan_nav(config) -> None:
    """Years go right after the home page; the fixed pages come from mkdocs.yml."""
    jaren = _veilig(paginas.navigatie(model_van(config)))
    config.nav = config.nav[:1] + jaren + config.nav[1:]


def _veilig(nav):
    """Navigation titles as inert text.

    The theme writes them into the HTML as they are, so they are escaped; and
    mkdocs-macros renders a page title that looks like Jinja, so braces become
    character references.
    """
    if isinstance(nav, list):
        return [_veilig(x) for x in nav]
    if isinstance(nav, dict):
        return {str(escape(k)).replace("{", "&#123;").replace("}", "&#125;"): _veilig(v)
                for k, v in nav.items()}
    return nav


def voeg_paginas_toe(files: Files, config) -> Files:
    """The generated pages and the open data files, in memory (nothing is written to docs/)."""
    model = model_van(config)
    for pagina in paginas.paginas(model):
        niveau = InclusionLevel.UNDEFINED if pagina.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, pagina.bron, content=bron(pagina), inclusion=niveau))
    adres = config.site_url or ""
    for jaar in model.jaren.values():
        files.append(File.generated(config, paginas.export_url(jaar.jaar, "json"),
                                    content=export.jaar_json(jaar, adres)))
        # BOM so that spreadsheet programs read the accents right
        files.append(File.generated(config, paginas.export_url(jaar.jaar, "csv"),
                                    content=export.jaar_csv(jaar, adres).encode("utf-8-sig")))
    schema = exportschema_pad(Path(config.config_file_path).parent)
    files.append(File.generated(config, export.SCHEMA_PAD, content=schema.read_bytes()))
    return files
