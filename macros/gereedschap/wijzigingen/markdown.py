"""Data text as Markdown that shows exactly that text, and the summary's small words."""
from __future__ import annotations

import re

from ...gegevens.model import GAT

_MD_TEKENS = re.compile(r"([\\`*_~|])")
_GAT_OF_HAAK = re.compile(re.escape(GAT) + r"|\[|\]")


def md(tekst: str) -> str:
    """Data text as inline Markdown that shows exactly that text, on GitHub and in a terminal.

    HTML is neutralised (GitHub renders inline HTML); `[…]`, the mark for missing
    words, stays as it is.
    """
    tekst = re.sub(r"&(?=#?\w+;)", "&amp;", tekst).replace("<", "&lt;").replace(">", "&gt;")
    tekst = _MD_TEKENS.sub(r"\\\1", tekst)
    return _GAT_OF_HAAK.sub(lambda m: m.group(0) if m.group(0) == GAT else "\\" + m.group(0), tekst)


def code(tekst: str) -> str:
    return "`" + tekst.replace("`", "'") + "`"


def aanhalen(tekst: str) -> str:
    return f"‘{tekst}’"


def met_aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    return f"{n} {enkelvoud if n == 1 else meervoud}"
