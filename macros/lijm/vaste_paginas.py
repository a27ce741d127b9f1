"""The macros of the hand-written pages in docs/ (mkdocs-macros' `define_env`).

mkdocs-macros renders only the hand-written pages; generated pages are rendered by
the build (bouw.py) and tell mkdocs-macros to leave them alone. The fixed pages take
every name, number and example from the data. Text from the data reaches them only
escaped: through these macros, or through the templates that `blok` renders
(autoescaped). Never put a data value into a page with {{ ... }} directly: it would
be read as Markdown and HTML.
"""
from __future__ import annotations

from markupsafe import Markup, escape

from ..gereedschap import voortgang_csv
from ..paginas import voorbeelden, wijzigingslog
from . import bouw


def define_env(env) -> None:
    # The hook started the build in its on_config, before this plugin's (haak.py).
    b = bouw.huidige()
    model, weergave = b.model, b.weergave

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
        """A part of a fixed page, rendered from macros/paginas/templates/<naam>.html."""
        return weergave.render(f"{naam}.html", env.page.url, **waarden)

    @env.macro
    def voortgang_kolommen() -> tuple[voortgang_csv.Uitleg, ...]:
        """The columns of voortgang.csv and of the import, explained from the schema."""
        return voortgang_csv.uitleg(b.datamap / "schema")

    @env.macro
    def wijzigingen() -> Markup:
        """The site-wide change log (docs/wijzigingen.md): the newest changes of all years."""
        alle = wijzigingslog.alle(model)
        return weergave.render("wijzigingen-site.html", env.page.url, wijzigingen=alle[:wijzigingslog.RECENT],
                               totaal=len(alle), per_jaar=wijzigingslog.per_jaar(model))
