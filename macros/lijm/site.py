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

from ..gereedschap import export

from ..paginas import adressen as paginas, voorbeelden
from ..gegevens.laden import jaarschijfbestand, laad, themabestand
from ..gegevens.model import Model
from ..paginas.weergave import Site, Weergave

MODEL = "prestatieafspraken_model"  # attribute of the macros plugin that holds the model
WEERGAVE = "prestatieafspraken_weergave"  # ... and the renderer of the generated pages

# The front matter per page type. Aggregate pages repeat commitment text, so they stay
# out of the search index: a search then finds the commitment's own page once.
GEGENEREERD = "gegenereerd"  # front matter key of a generated page: what it shows
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


def noem_de_site(config, model: Model) -> None:
    """The site's name and description from data/gemeente.yaml, the one place that names
    the municipality. The theme writes config.site_name into the HTML unescaped in places,
    so it gets escaped text (Markup: the places that do escape do not escape it twice)."""
    naam = model.gemeente.naam
    config["site_name"] = Markup(escape(model.gemeente.sitenaam))
    config["site_description"] = Markup(escape(
        f"De prestatieafspraken over wonen in {naam}, per jaar, doorzoekbaar en te citeren."))


def exportschema_pad(project: Path) -> Path:
    return project / "data" / "schema" / export.SCHEMA_BESTAND


def define_env(env) -> None:
    project = Path(env.project_dir)
    model = laad_of_stop(project / "data")
    noem_de_site(env.conf, model)
    setattr(env, MODEL, model)  # the hook (haak.py) builds the page list from this same model
    schema = json.loads(exportschema_pad(project).read_text(encoding="utf-8"))
    weergave = Weergave(model, Site(env.conf.site_name, env.conf.site_url or "", schema, project / "data"))
    setattr(env, WEERGAVE, weergave)  # the hook renders the generated pages with it (vul_pagina)

    # The fixed pages in docs/ take every name, number and example from the data. Text
    # from the data reaches them only escaped: through these macros, or through the
    # templates that `blok` renders (autoescaped). Never put a data value into a page
    # with {{ ... }} directly: it would be read as Markdown and HTML.
    @env.macro
    def gemeente() -> Markup:
        return escape(model.gemeente.naam)

    @env.macro
    def sitenaam() -> Markup:
        return escape(model.gemeente.sitenaam)

    @env.macro
    def wie() -> Markup:
        """Who makes the agreements, by kind: 'de gemeente, de woningcorporaties en ...'."""
        return escape(voorbeelden.soorten(model))

    @env.macro
    def voorbeeld() -> voorbeelden.Voorbeelden:
        """Examples for the fixed pages: use only their ids and numbers in Markdown."""
        return weergave.voorbeeld

    @env.macro
    def blok(naam: str, **waarden) -> Markup:
        """A part of a fixed page, rendered from macros/templates/<naam>.html."""
        return weergave.render(f"{naam}.html", env.page.url, **waarden)


def model_van(config) -> Model:
    # mkdocs-macros runs define_env in its on_config, before any hook event below
    return getattr(config.plugins["macros"], MODEL)


def bron(pagina: paginas.Pagina) -> str:
    """The source of a generated page: front matter only, with the ids the page is about.

    The hook renders the page from these ids (vul_pagina). mkdocs-macros leaves it alone
    (`render_macros: false`): compiling each of thousands of one-line sources as a Jinja
    template cost more than rendering the page. Data text is never Jinja source either
    way; it reaches the page through the templates, escaped. The year also tells the
    navigation which year's section to show (overrides/partials/nav.html).
    """
    voorwerk = VOORWERK.get(pagina.soort, ZONDER_INHOUDSOPGAVE)
    ids = json.dumps({"soort": pagina.soort, "sleutel": pagina.sleutel})  # JSON is YAML
    return f"---\n{voorwerk}jaar: {pagina.jaar}\nrender_macros: false\n{GEGENEREERD}: {ids}\n---\n"


def vul_pagina(markdown: str, page, config) -> str:
    """The Markdown of a generated page, rendered from the ids in its front matter.

    Other pages pass through as they are (mkdocs-macros has rendered them already); only a
    front-matter title is made inert text (defence in depth: hand-written pages are trusted).
    """
    ids = page.meta.get(GEGENEREERD)
    if not ids:
        if isinstance(page.meta.get("title"), str):  # the theme writes a front-matter title raw
            page.meta["title"] = _inert(page.meta["title"])
        return markdown
    weergave: Weergave = getattr(config.plugins["macros"], WEERGAVE)
    # plain str: Markup would escape whatever a later plugin or hook adds to it
    return str(weergave.pagina(ids["soort"], page.meta["jaar"], ids["sleutel"], page.url))


def voeg_jaren_toe_aan_nav(config) -> None:
    """Years go right after the home page; the fixed pages come from mkdocs.yml. Their titles
    are trusted, but are made inert text like the data's (defence in depth)."""
    jaren = paginas.navigatie(model_van(config))
    config.nav = _veilig(config.nav[:1] + jaren + config.nav[1:])


def markeer_jaren_in_nav(nav, config) -> None:
    """Mark each year's section of the navigation for overrides/partials/nav.html.

    The theme renders the navigation into every page; that template shows only the
    newest year and the page's own year (`jaar` in a generated page's front matter),
    so a page does not grow with the number of years. `pa_jaar` is a section's year,
    `pa_nieuwste` marks the newest year's section.
    """
    model = model_van(config)
    jaarpagina = {paginas.bron(paginas.jaar_url(jaar)): jaar for jaar in model.jaren}
    nieuwste = max(model.jaren, default=None)
    for item in nav.items:
        eerste = item.children[0] if item.is_section and item.children else None
        if eerste is not None and eerste.is_page and eerste.file.src_uri in jaarpagina:
            item.pa_jaar = jaarpagina[eerste.file.src_uri]
            item.pa_nieuwste = item.pa_jaar == nieuwste


def _veilig(nav):
    """Navigation titles as inert text.

    The theme writes them into the HTML as they are, so they are escaped; and
    mkdocs-macros renders a page title that looks like Jinja, so braces become
    character references.
    """
    if isinstance(nav, list):
        return [_veilig(x) for x in nav]
    if isinstance(nav, dict):
        return {_inert(k): _veilig(v) for k, v in nav.items()}
    return nav


def _inert(titel: str) -> str:
    """A title the theme writes into the HTML as it is: escaped, braces as references."""
    return str(escape(titel)).replace("{", "&#123;").replace("}", "&#125;")


def voeg_paginas_toe(files: Files, config) -> Files:
    """The generated pages and the open data files, in memory (nothing is written to docs/)."""
    model = model_van(config)
    for pagina in paginas.paginas(model):
        niveau = InclusionLevel.UNDEFINED if pagina.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, pagina.bron, content=bron(pagina), inclusion=niveau))
    adres = config.site_url or ""
    for jaar in model.jaren.values():
        files.append(File.generated(config, paginas.export_url(jaar.jaar, "json"),
                                    content=export.jaar_json(model.gemeente.naam, jaar, adres)))
        # BOM so that spreadsheet programs read the accents right
        files.append(File.generated(config, paginas.export_url(jaar.jaar, "csv"),
                                    content=export.jaar_csv(model.gemeente.naam, jaar, adres).encode("utf-8-sig")))
    schema = exportschema_pad(Path(config.config_file_path).parent)
    files.append(File.generated(config, export.SCHEMA_PAD, content=schema.read_bytes()))
    return files
