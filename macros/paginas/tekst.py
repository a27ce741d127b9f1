"""Turning data text into safe HTML: escaped paragraphs, gaps and explained terms marked."""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..gegevens import tekstregels
from ..gegevens.model import GAT, SIC, Begrip

# How a page shows the marks of the data (model.GAT, model.SIC): the words a reader sees,
# and a longer explanation on hover. /toegankelijkheid/ and /over/ explain both in words.
ZICHTBAAR = {GAT: "[…]", SIC: "[zo in het document]"}
UITLEG = {GAT: "Hier is de tekst van het document niet te lezen",
          SIC: "Zo staat het in het document zelf, ook al lijkt er iets te ontbreken of niet te kloppen"}
MARKERING_HTML = {
    GAT: Markup('<span class="gat" title="{}">{}</span>').format(UITLEG[GAT], ZICHTBAAR[GAT]),
    SIC: Markup('<span class="pa-sic" title="{}">{}</span>').format(UITLEG[SIC], ZICHTBAAR[SIC]),
}
_MARKERING = re.compile("(" + "|".join(map(re.escape, MARKERING_HTML)) + ")")


def zoals_getoond(tekst: str) -> str:
    """The text as a reader sees it on a page, marks in their visible form."""
    return _MARKERING.sub(lambda m: ZICHTBAAR[m.group(0)], tekst)


class Termen:
    """Every form of every glossary term as one pattern: built once per build."""

    def __init__(self, begrippen: dict[str, Begrip]):
        self.begrip: dict[str, str] = {}  # lower-cased form -> term id
        for b in begrippen.values():
            for vorm in (b.term, *b.vormen):
                self.begrip.setdefault(vorm.lower(), b.id)
        vormen = sorted(self.begrip, key=len, reverse=True)  # longest form wins
        self.patroon = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, vormen)) + r")(?!\w)",
                                  re.IGNORECASE) if vormen else None

    def uitleg(self) -> Woordenuitleg:
        """A fresh marker for one page."""
        return Woordenuitleg(self)


class Woordenuitleg:
    """Links the first occurrence of each glossary term on one page to its explanation.

    One instance per rendered page: it remembers which terms it linked, so the page
    can list exactly those at the bottom (readable by keyboard, screen reader and in
    print, not only on hover).
    """

    def __init__(self, termen: Termen):
        self._termen = termen
        self.gebruikt: list[str] = []  # term ids in order of first occurrence

    def markeer(self, tekst: str) -> Markup:
        if self._termen.patroon is None:
            return escape(tekst)
        delen, begin = [], 0
        for treffer in self._termen.patroon.finditer(tekst):
            id_ = self._termen.begrip[treffer.group(1).lower()]
            if id_ in self.gebruikt:
                continue
            self.gebruikt.append(id_)
            delen += [escape(tekst[begin:treffer.start()]),
                      Markup('<a class="pa-begrip" href="#begrip-{}">{}</a>').format(id_, treffer.group(1))]
            begin = treffer.end()
        delen.append(escape(tekst[begin:]))
        return Markup("").join(delen)


def zin(tekst: str | None, uitleg: Woordenuitleg | None = None) -> Markup:
    """One line of text, escaped, marks shown ([…], [sic]), terms linked when `uitleg` is given."""
    if not tekst:
        return Markup("")
    return Markup("").join(MARKERING_HTML[s] if s in MARKERING_HTML else uitleg.markeer(s) if uitleg else escape(s)
                           for s in _MARKERING.split(tekst))


def alineas(tekst: str | None, uitleg: Woordenuitleg | None = None) -> Markup:
    """Paragraphs (split on blank lines) as escaped <p> elements."""
    if not tekst:
        return Markup("")
    return Markup("\n").join(Markup("<p>{}</p>").format(zin(a, uitleg)) for a in tekstregels.alineas(tekst))


MARKDOWN_TEKENS = re.compile(r"([\\`*_\[\]{}#!|~])")


def kop(tekst: str) -> Markup:
    """Text for a Markdown heading line: Markdown syntax neutralised, then HTML-escaped.

    The page title comes from this heading (MkDocs reads the first h1), so it must
    stay plain text whatever an editor types.
    """
    return escape(MARKDOWN_TEKENS.sub(r"\\\1", tekstregels.vouw(tekst)))
