"""How text is kept: the one rule for whitespace and the one for paragraphs.

The model stores every text with its paragraphs apart by one blank line and each
paragraph on one line (`normaal`). Whatever reads or writes text (the pages, the
change summary, the source check, the synthetic data) splits and joins paragraphs
and folds whitespace with these functions, so they all agree.
"""
from __future__ import annotations

import re
from typing import Iterable

ALINEASCHEIDING = "\n\n"  # between two paragraphs in the model: one blank line
_LEGE_REGEL = re.compile(r"\n\s*\n")  # between two paragraphs as editors write them in YAML


def vouw(tekst: str) -> str:
    """Every run of whitespace (spaces, line ends, paragraph breaks) as one space."""
    return " ".join(tekst.split())


def alineas(tekst: str) -> list[str]:
    """A text of the model as its paragraphs."""
    return tekst.split(ALINEASCHEIDING)


def als_tekst(alineas_: Iterable[str]) -> str:
    """Paragraphs joined as the model keeps them."""
    return ALINEASCHEIDING.join(alineas_)


def normaal(tekst: str) -> str:
    """Text as stored in the model: paragraphs split by one blank line, each on one line.

    Editors may wrap lines in YAML as they like; readers and exports get the same text.
    """
    return als_tekst(a for a in (vouw(x) for x in _LEGE_REGEL.split(tekst)) if a)
