"""Turning data text into safe HTML."""
from __future__ import annotations

from markupsafe import Markup, escape

from .model import GAT


def alineas(tekst: str | None) -> Markup:
    """Paragraphs (split on blank lines) as escaped <p> elements; gaps marked for readers."""
    if not tekst:
        return Markup("")
    delen = []
    for alinea in tekst.split("\n\n"):  # the model keeps paragraphs apart by one blank line
        html = escape(alinea)
        html = html.replace(escape(GAT), Markup(
            '<span class="gat" title="Hier ontbreken woorden in de bron">[…]</span>'))
        delen.append(Markup("<p>") + html + Markup("</p>"))
    return Markup("\n").join(delen)
