"""The change summary as Markdown: who should review, then what readers will see change."""
from __future__ import annotations

import re

from ...gegevens.laden import GegevensFout
from .markdown import code, md, met_aantal
from .overzicht import Onderdeel, Overzicht, Veld

KOP = "## Wijzigingen in de gegevens"
PROBLEMEN = "### Problemen met de voortgang"
MEEKIJKEN = "### Wie moet meekijken"


def _onderdeel_regel(o: Onderdeel) -> str:
    regel = f"**{o.naam}**" + (f" ({code(o.pad)})" if o.pad else "")
    return regel + (f": {o.uitleg}" if o.uitleg else "")


def _veld_regels(v: Veld) -> list[str]:
    if v.blok:
        return [f"- **{v.label}**:", "", *(f"  > {r}".rstrip() for r in v.blok.split("\n")), ""]
    if len(v.regels) == 1:
        return [f"- **{v.label}**: {v.regels[0]}"]
    return [f"- **{v.label}**:", *(f"  - {r}" for r in v.regels)]


def als_markdown(overzicht: Overzicht, versie: str, vooraf: tuple[str, ...] = ()) -> str:
    """The summary for reviewers: who should review, and what readers of the site will see change."""
    regels = [KOP, ""]
    for tekst in vooraf:
        regels += [tekst, ""]
    if overzicht.problemen:  # first: they must be put right before anything is merged
        regels += [PROBLEMEN, "", "Voortgang wordt alleen aangevuld: een regel die er al stond, blijft zoals hij "
                   "was. Zet deze regels terug zoals ze in " + code(versie) + " staan:", "",
                   *(f"- {p}" for p in overzicht.problemen), ""]
    if not overzicht.hoofdstukken:
        regels.append(f"Geen wijzigingen in de gegevens ten opzichte van {code(versie)}.")
        return "\n".join(regels) + "\n"
    regels += [f"Vergeleken met {code(versie)}: dit zien lezers van de site anders. "
               "<del>Doorgestreept</del> is weggehaald, <ins>onderstreept</ins> is erbij gekomen.", ""]
    regels += [MEEKIJKEN, "", "Deze partijen gaat de wijziging aan. Vraag hun goedkeuring:", "",
               *(f"- {md(naam)}" for naam in overzicht.meekijken), ""]
    for h in overzicht.hoofdstukken:
        regels += [f"### {h.kop}", ""]
        for tekst in h.tekst:
            regels += [tekst, ""]
        for s in h.secties:
            regels += [f"#### {s.kop}", ""]
            for titel, lijst in (("Nieuw", s.nieuw), ("Weg", s.weg)):
                if lijst:
                    regels += [f"{titel}:", "", *(f"- {_onderdeel_regel(o)}" for o in lijst), ""]
            if s.gewijzigd:
                regels += ["Gewijzigd:", ""]
            for o in s.gewijzigd:
                regels += [_onderdeel_regel(o), ""]
                for v in o.velden:
                    regels += _veld_regels(v)
                regels.append("")
            if s.meeveranderd:
                regels += [s.tekst, "", *(f"- {_onderdeel_regel(o)}" for o in s.meeveranderd), ""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(regels)).rstrip("\n") + "\n"


def fouten_als_markdown(fout: GegevensFout) -> str:
    """The errors in the data, one per line, as `make check` prints them."""
    n = len(fout.fouten)
    return "\n".join([
        KOP, "",
        f"De gegevens in deze versie hebben {met_aantal(n, 'fout', 'fouten')}. Los die eerst op; daarna "
        "staat hier wat er voor lezers verandert. `make check` geeft dezelfde meldingen.", "",
        "```text", *fout.regels, "```", ""])
