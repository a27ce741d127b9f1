"""Built pages without the indentation of the theme's templates.

Material's templates leave every page full of blank lines and indentation (about a
fifth of a page's bytes). A browser shows a run of whitespace between tags as one
space, so a run that holds a line break becomes one line break: the page looks and
reads the same. Elements whose whitespace is content keep it as it is.
"""
from __future__ import annotations

import re

# Whitespace is content inside these (and in scripts, a line break can end a statement).
_BEWAAR = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
_SPATIES = " \t\r\f"  # what HTML counts as whitespace; a no-break space is text


def zonder_inspringing(html: str) -> str:
    """`html` with every run of whitespace that contains a line break made one line break."""
    delen = _BEWAAR.split(html)
    # split() with two groups gives: text, whole kept element, its tag name, text, ...
    return "".join(deel if i % 3 else _vouw(deel) for i, deel in enumerate(delen) if i % 3 != 2)


def _vouw(tekst: str) -> str:
    # String methods, not a regular expression: this runs over every byte of every page.
    regels = tekst.split("\n")
    if len(regels) == 1:
        return tekst
    midden = filter(None, (r.strip(_SPATIES) for r in regels[1:-1]))
    return "\n".join([regels[0].rstrip(_SPATIES), *midden, regels[-1].lstrip(_SPATIES)])
