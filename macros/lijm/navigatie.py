"""The years in the site's navigation: added from the page table, marked for the theme."""
from __future__ import annotations

from markupsafe import escape

from ..paginas import adressen


def met_jaren(nav: list, jaren: list[dict]) -> list:
    """Years go right after the home page; the fixed pages come from mkdocs.yml. Their titles
    are trusted, but are made inert text like the data's (defence in depth)."""
    return _veilig(nav[:1] + jaren + nav[1:])


def markeer_jaren(nav, jaren: list[int]) -> None:
    """Mark each year's section of the navigation for overrides/partials/nav.html.

    The theme renders the navigation into every page; that template shows only the
    newest year and the page's own year (`jaar` in a generated page's front matter),
    so a page does not grow with the number of years. `pa_jaar` is a section's year,
    `pa_nieuwste` marks the newest year's section.
    """
    jaarpagina = {adressen.bestandsnaam(adressen.jaar_url(jaar)): jaar for jaar in jaren}
    nieuwste = max(jaren, default=None)
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
        return {inert(k): _veilig(v) for k, v in nav.items()}
    return nav


def inert(titel: str) -> str:
    """A title the theme writes into the HTML as it is: escaped, braces as references."""
    return str(escape(titel)).replace("{", "&#123;").replace("}", "&#125;")
