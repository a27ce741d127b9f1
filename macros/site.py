"""MkDocs glue: load the model once per build and expose it to pages as macros.

Wiring only. Text from the data reaches a page through templates with
autoescaping, never as Jinja source of the page.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from mkdocs.exceptions import PluginError

from .laden import laad
from .tekst import alineas

TEMPLATES = Path(__file__).parent / "templates"


def _templates() -> Environment:
    omgeving = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                           undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    omgeving.filters["alineas"] = alineas
    return omgeving


def laad_of_stop(datamap: Path):
    resultaat = laad(datamap)
    if resultaat.model is None:
        regels = "\n".join(m.als_regel() for m in resultaat.fouten)
        raise PluginError(f"De gegevens bevatten fouten; er is niets gebouwd.\n{regels}")
    return resultaat.model


def define_env(env) -> None:
    model = laad_of_stop(Path(env.project_dir) / "data")
    templates = _templates()

    def render(naam: str, **context) -> Markup:
        return Markup(templates.get_template(naam).render(model=model, **context))

    @env.macro
    def overzicht() -> Markup:
        """Every year with its themes and commitments (the site until the full site lands)."""
        return render("overzicht.html", jaren=list(reversed(model.jaren.values())))
