"""A text diff by words, as Markdown: what was taken out <del>, what came in <ins>."""
from __future__ import annotations

import difflib
import re

from ...gegevens.tekstregels import ALINEASCHEIDING as ALINEA, alineas, als_tekst, normaal
from .markdown import md

# What makes a line a heading, list item or rule; only text that starts a line needs it escaped.
_REGELBEGIN = re.compile(r"(?m)^([#+-]|\d+[.)](?=\s|$))")
_WOORD_OF_ALINEA = re.compile(rf"{ALINEA}|\S+")  # the model keeps words apart by one space


def _woorden(tekst: str) -> list[str]:
    return _WOORD_OF_ALINEA.findall(normaal(tekst))


def _aaneen(stukken: list[str]) -> str:
    """Words and marked stretches joined by spaces; no space around a paragraph break."""
    return re.sub(rf" ?{ALINEA} ?", ALINEA, " ".join(stukken))


def _markeer(tag: str, woorden: list[str]) -> str:
    """Words wrapped in <del> or <ins>; a tag never spans two paragraphs."""
    return als_tekst(f"<{tag}>{md(a.strip())}</{tag}>" if a.strip() else "" for a in alineas(" ".join(woorden)))


def woordverschil(oud: str, nieuw: str, context: int | None = None) -> str:
    """`nieuw` as Markdown, with the words that differ from `oud` marked <del> and <ins>.

    With `context`, an unchanged stretch keeps that many words next to each change and
    the rest becomes "…".
    """
    a, b = _woorden(oud), _woorden(nieuw)
    codes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    stukken = []
    for i, (soort, i1, i2, j1, j2) in enumerate(codes):
        if soort == "equal":
            stukken.append(md(_aaneen(_ingekort(b[j1:j2], context, i == 0, i == len(codes) - 1))))
        else:
            stukken.append(_aaneen([_markeer("del", a[i1:i2]) if i2 > i1 else "",
                                    _markeer("ins", b[j1:j2]) if j2 > j1 else ""]).strip(" "))
    return _REGELBEGIN.sub(_escape_regelbegin, _aaneen(stukken).strip())


def _escape_regelbegin(m: re.Match) -> str:
    teken = m.group(0)
    return teken[:-1] + "\\" + teken[-1]  # "\-", "\#", "1\."


def _ingekort(woorden: list[str], context: int | None, begin: bool, eind: bool) -> list[str]:
    if context is None:
        return woorden
    voor = [] if begin else woorden[:context]
    na = [] if eind else woorden[len(woorden) - context:]
    if len(voor) + len(na) + 1 >= len(woorden):
        return woorden
    return voor + ["…"] + na
