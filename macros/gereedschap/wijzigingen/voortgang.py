"""Progress in the change summary: the entries appended to data/<jaar>/voortgang.yaml, and
entries that were changed or removed, which the format forbids (append only)."""
from __future__ import annotations

from ...gegevens.model import Jaar, Model
from ...paginas import adressen, wijzigingslog
from ...paginas.opmaak import datum
from .markdown import code, md
from .overzicht import Onderdeel, Sectie


def _partijen(a) -> frozenset[str] | None:
    return frozenset(t.partij for t in a.toegerekend) if a.toegerekend else None


def nieuwe_regels(oud: Jaar | None, nieuw: Jaar, model: Model) -> Sectie:
    """The entries of `nieuw` that `oud` does not have (by number), in the order recorded:
    'regel 3: loopt → vertraagd (peildatum …)', with the link to the entry on its
    commitment's page; a correction says which entry it corrects."""
    bekend = {r.nummer for r in oud.voortgang} if oud else set()
    per_nummer = {w.regel.nummer: w for w in wijzigingslog.van_jaar(model, nieuw.jaar)}
    onderdelen = []
    for regel in nieuw.voortgang:
        w = per_nummer.get(regel.nummer)
        if regel.nummer in bekend or w is None:
            continue
        uitleg = (f"regel {regel.nummer}: {md(w.van.naam)} → {md(w.naar.naam)} "
                  f"(peildatum {datum(regel.peildatum)})")
        if regel.corrigeert is not None:
            uitleg += f"; corrigeert regel {regel.corrigeert}"
        naam = md(f"Nieuwe voortgang: afspraak {w.afspraak.nummer}: {w.afspraak.titel}")
        onderdelen.append(Onderdeel(naam, "/" + adressen.voortgang_url(regel), uitleg, meekijken=_partijen(w.afspraak)))
    return Sectie("Voortgang", nieuw=tuple(onderdelen))


def problemen(oud: Jaar, nieuw: Jaar) -> tuple[str, ...]:
    """Entries of `oud` changed or removed in `nieuw` (Markdown). Progress is appended,
    never edited: a reader or feed that saw an entry must be able to trust it."""
    nu = {r.nummer: r for r in nieuw.voortgang}
    uit = []
    for regel in oud.voortgang:
        n = regel.nummer
        correctie = f"een correctie is een nieuwe regel met {code(f'corrigeert: {n}')}"
        if n not in nu:
            uit.append(f"{nieuw.jaar}: regel {n} is weggehaald; een regel blijft staan, {correctie}.")
        elif nu[n] != regel:
            uit.append(f"{nieuw.jaar}: regel {n} is veranderd; {correctie}.")
    return tuple(uit)
