"""The source text a year was encoded from, and the repairs made to it.

Lets tests prove that every signed text in the data is the source text, with
only the listed repairs: fold whitespace, apply repairs in order, drop gap
markers, and every text must then appear in the source.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import yaml

from .model import MARKERINGEN, Jaar
from .tekstregels import vouw


def zonder_gaten(tekst: str) -> str:
    """The text as the source has it: without the marks […] and [sic] (model.MARKERINGEN)."""
    for markering in MARKERINGEN:
        tekst = tekst.replace(markering, " ")
    return vouw(tekst)


def herstel(brontekst: str, herstellingen: list[tuple[str, str]]) -> tuple[str, list[int]]:
    """Fold the source, apply (van, naar) repairs in order.

    Returns the repaired text and the positions of repairs whose `van` is not in it.
    """
    tekst = vouw(brontekst)
    niet_gevonden = []
    for i, (van, naar) in enumerate(herstellingen):
        if vouw(van) in tekst:
            tekst = tekst.replace(vouw(van), vouw(naar), 1)
        else:
            niet_gevonden.append(i)
    return tekst, niet_gevonden


def herstelde_bron(bronmap: Path) -> str:
    """The folded source text of a year with the repairs of herstellingen.yaml applied."""
    herstellingen = yaml.safe_load((bronmap / "herstellingen.yaml").read_text(encoding="utf-8"))
    brontekst = (bronmap / herstellingen["bron"]).read_text(encoding="utf-8")
    paren = [(h["van"], h["naar"]) for h in herstellingen["herstellingen"]]
    return herstel(brontekst, paren)[0]


def ondertekende_teksten(jaar: Jaar) -> Iterator[tuple[str, str]]:
    """(where, text) for every text of a year that is signed text, not editorial."""
    yield "titel", jaar.titel
    if jaar.motto:
        yield "motto", jaar.motto
    yield "inleiding", jaar.inleiding
    if jaar.focus:
        yield "focus", jaar.focus.tekst
    if jaar.delen:
        yield "delen", jaar.delen.tekst
        for i, onderdeel in enumerate(jaar.delen.onderdelen, 1):
            yield f"delen {i}", onderdeel
    yield "rollen", jaar.rollen.inleiding
    if jaar.rollen.kop_per_partij:
        yield "rollen kop per partij", jaar.rollen.kop_per_partij
    if jaar.rollen.toelichting:
        yield "rollen toelichting", jaar.rollen.toelichting
    for rol in jaar.rollen.per_partij:
        yield f"rol {rol.kop} kop", rol.kop
        yield f"rol {rol.kop}", rol.tekst
    if o := jaar.ondertekening:
        for naam, tekst in (("ondertekening inleiding", o.inleiding), ("ondertekening slottekst", o.slottekst)):
            if tekst:
                yield naam, tekst
        for x in o.ondertekenaars:
            if x.tekst:
                yield f"ondertekenaar {x.partij}", x.tekst
    for thema in jaar.themas:
        if thema.doel:
            yield f"{thema.thema} doel", thema.doel
        if thema.actualiteit:
            yield f"{thema.thema} actualiteit", thema.actualiteit
        for a in thema.afspraken:
            yield f"afspraak {a.nummer}", a.tekst
            if a.kop:
                yield f"afspraak {a.nummer} kop", a.kop
