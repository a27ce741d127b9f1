"""`python -m macros wijzigingen BASE`: compare the data with a git version, print the summary."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from ...gegevens.laden import GegevensFout, laad_of_stop
from ...gegevens.model import Model
from .git import GitFout, data_op_versie
from .markdown import code, md, met_aantal
from .vergelijken import LEEG, vergelijk
from .verslag import als_markdown, fouten_als_markdown


def _oude_gegevens(oude_map: Path | None, versie: str, mapnaam: str) -> tuple[Model, tuple[str, ...]]:
    """The model at the earlier version, and what the reader must know first about it.

    Without usable data there, everything is compared with nothing (all new), and the
    summary says why at the top.
    """
    if oude_map is None:
        return LEEG, (f"In {code(versie)} is er nog geen map {code(mapnaam + '/')} met gegevens: "
                      "alles hieronder is nieuw.",)
    try:
        return laad_of_stop(oude_map), ()
    except GegevensFout as fout:
        return LEEG, (f"De gegevens in {code(versie)} hebben {met_aantal(len(fout.fouten), 'fout', 'fouten')} "
                      "en zijn daarom niet te lezen: alles hieronder staat als nieuw. De fouten daar:",
                      "\n".join(["```text", *fout.regels, "```"]))
    except Exception as fout:  # noqa: BLE001 - an old version may predate the current format
        return LEEG, (f"De gegevens in {code(versie)} zijn niet te lezen met deze versie van de code "
                      f"({md(type(fout).__name__)}): alles hieronder staat als nieuw.",)


def draai(datamap: Path, versie: str, uit: Path | None = None) -> int:
    """`python -m macros wijzigingen BASE`: 0 when compared, 1 when the data has errors or a
    progress entry of BASE was changed or removed, 2 when there is nothing to compare (no repository, unknown version)."""
    if not Path(datamap).is_dir():
        print(f"De map met gegevens bestaat niet: {datamap}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tijdelijk:
        try:
            oude_map = data_op_versie(datamap, versie, Path(tijdelijk))
        except GitFout as fout:
            print(fout, file=sys.stderr)
            return 2
        try:
            nu = laad_of_stop(datamap)
        except GegevensFout as fout:
            return _schrijf(fouten_als_markdown(fout), uit, afloop=1)
        oud, vooraf = _oude_gegevens(oude_map, versie, Path(datamap).name)
    overzicht = vergelijk(oud, nu)
    # a changed or removed progress entry is an error in the data, as the check's errors are
    return _schrijf(als_markdown(overzicht, versie, vooraf), uit, afloop=1 if overzicht.problemen else 0)


def _schrijf(tekst: str, uit: Path | None, afloop: int) -> int:
    """Print the summary or write it to `uit`; returns `afloop` (the exit code), or 2 when it cannot be written."""
    if uit is None:
        sys.stdout.write(tekst)
        return afloop
    try:
        Path(uit).write_text(tekst, encoding="utf-8")
    except OSError as fout:
        print(f"Kan niet schrijven naar {uit}: {fout.strerror or fout}", file=sys.stderr)
        return 2
    return afloop
