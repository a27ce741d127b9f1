"""A value as readers of the site see it, as Markdown: names for ids, dates and numbers in Dutch."""
from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

from ...gegevens.model import (TUSSENKOP, Cel, Doel, Grondslag, Model, Ondertekenaar, Ondertekening, Relatie, Rol,
                               Tabel, Termijn, Uitvoerder)
from ...paginas.opmaak import WAARVAN, cel, datum, doeltekst, getal, termijntekst, veldnaam
from .markdown import md

# Fields that hold ids: shown by the name of what they point to.
VERWIJZINGEN = {
    "verantwoordelijk": "partij", "partijen": "partij", "leden": "partij", "partij": "partij",
    "vertegenwoordigt_huurders_van": "partij", "plaatsen": "plaats", "ligt_in": "plaats",
    "documenten": "document", "document": "document", "thema": "thema", "themas": "thema",
    "zie_ook": "begrip", "voortzetting_van": "afspraak", "afspraak": "afspraak", "wie": "partij",
}
DATUMS = {"datum", "geldig_vanaf", "vastgesteld"}


def afspraaknaam(id_: str, model: Model) -> str:
    jaar, nummer = id_.split("-")
    try:
        return f"afspraak {nummer} ({jaar}): {model.afspraak(id_).titel}"
    except KeyError:  # a commitment in another version only
        return f"afspraak {nummer} ({jaar})"


def naam_van(soort: str, id_: str, model: Model) -> str:
    """The name readers see for an id, from the version it belongs to; the id when unknown."""
    if soort == "afspraak":
        return afspraaknaam(id_, model)
    if soort == "partij":
        ding = model.partijen.get(id_) or model.groepen.get(id_)
    else:
        ding = {"plaats": model.plaatsen, "document": model.documenten, "thema": model.themas,
                "begrip": model.begrippen}[soort].get(id_)
    for naamveld in ("naam", "titel", "term"):
        if hasattr(ding, naamveld):
            return getattr(ding, naamveld)
    return id_


def als_geheel(ding: Any, model: Model) -> str | None:
    """How the site shows a thing that is one value to a reader (a target, a deadline…);
    None for things whose parts are shown apart."""
    if isinstance(ding, Doel):  # a part says which total it is a part of, a total its key
        tekst = doeltekst(ding, naam_van("plaats", ding.plaats, model) if ding.plaats else None)
        if ding.deel_van:
            tekst = f"{WAARVAN}{tekst} (deel van ‘{ding.deel_van}’)"
        elif ding.id:
            tekst += f" (totaal ‘{ding.id}’)"
        return tekst + (f" (noot: {ding.opmerking})" if ding.opmerking else "")
    if isinstance(ding, Uitvoerder):
        wie = ", ".join(naam_van("partij", w, model) for w in ding.wie)
        return (f"{'niet zeker: ' if ding.onzeker else ''}{wie}"
                f"{', volgens de tussenkop' if ding.volgens == TUSSENKOP else ''}: ‘{ding.woorden}’"
                + (f" (noot: {ding.opmerking})" if ding.opmerking else ""))
    if isinstance(ding, Termijn):
        return termijntekst(ding)  # its year and quarter, when they change alone, are shown apart
    if isinstance(ding, Relatie):
        return f"{afspraaknaam(ding.afspraak, model)}. {ding.reden}"
    if isinstance(ding, Grondslag):
        return naam_van("document", ding.document, model)
    if isinstance(ding, Cel):
        return cel(ding)
    if isinstance(ding, Rol):
        return ding.kop
    if isinstance(ding, Ondertekenaar):
        return f"{naam_van('partij', ding.partij, model)}: {ding.naam}, {ding.functie}"
    if isinstance(ding, Tabel):
        return ding.titel
    return None


def toon(veld: str, waarde: Any, model: Model) -> str:
    """A value as readers see it, as Markdown."""
    if waarde is None or waarde == ():
        return "niets"
    if isinstance(waarde, tuple):
        return ", ".join(toon(veld, w, model) for w in waarde)
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float) or veld == "aantal":
        return getal(waarde)
    if isinstance(waarde, str) and veld in VERWIJZINGEN:
        return md(naam_van(VERWIJZINGEN[veld], waarde, model))
    if isinstance(waarde, str) and veld in DATUMS:
        try:
            return datum(waarde)
        except ValueError:
            return md(waarde)
    if isinstance(waarde, Ondertekening):  # signed or not yet: the rest shows on the year page
        return f"ondertekend op {toon('datum', waarde.datum, model)} in {md(waarde.plaats)}"
    if is_dataclass(waarde):
        geheel = als_geheel(waarde, model)
        if geheel is not None:
            return md(geheel)
        return "; ".join(f"{veldnaam(f.name)}: {toon(f.name, getattr(waarde, f.name), model)}"
                         for f in fields(waarde) if getattr(waarde, f.name) not in (None, (), ""))
    return md(str(waarde))
