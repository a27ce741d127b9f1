"""`python -m macros <command>`: the command line behind the make targets.

Each command imports what it needs when it runs, so `check` loads neither the pages
(Jinja) nor MkDocs, and `--help` loads nothing of the data layer.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from . import synth  # its defaults, for the help text: the package itself holds only those
from ..gegevens.meldingen import FOUT, zichtbaar

PROJECT = Path(__file__).resolve().parents[2]
GEEN_JAAR = "Er is nog geen jaar: maak er een met make nieuw-jaar JAAR=<jaar>."


def _meld(meldingen) -> None:
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for m in meldingen:
        print(m.als_regel())
        if github:
            print(m.als_github())


def check(args) -> int:
    from ..gegevens.laden import laad

    begin = time.perf_counter()
    resultaat = laad(args.data)
    _meld(resultaat.meldingen)
    n_fout = sum(m.niveau == FOUT for m in resultaat.meldingen)
    n_waarsch = len(resultaat.meldingen) - n_fout
    duur = time.perf_counter() - begin
    if n_fout:
        print(f"{n_fout} {'fout' if n_fout == 1 else 'fouten'}, {n_waarsch} "
              f"{'waarschuwing' if n_waarsch == 1 else 'waarschuwingen'}. Niets is gebouwd of gepubliceerd.")
        return 1
    model = resultaat.model
    if not model.jaren:
        # A warning, not an error: a municipality that starts has valid shared files, and the
        # site builds without a year; 'nieuw-jaar' makes the first one.
        print(GEEN_JAAR)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(f"::warning::{GEEN_JAAR}")
        print(f"De gedeelde gegevens zijn in orde, {n_waarsch} "
              f"{'waarschuwing' if n_waarsch == 1 else 'waarschuwingen'}; gecontroleerd in {duur:.2f} s.")
        return 0
    jaren = ", ".join(str(j) for j in model.jaren)
    print(f"Gegevens in orde: {len(model.afspraken)} afspraken in {len(model.jaren)} "
          f"{'jaar' if len(model.jaren) == 1 else 'jaren'} ({jaren}), {n_waarsch} "
          f"{'waarschuwing' if n_waarsch == 1 else 'waarschuwingen'}; gecontroleerd in {duur:.2f} s.")
    return 0


def export_(args) -> int:
    from ..gegevens.laden import GegevensFout, laad_of_stop
    from . import export
    from .siteadres import lees_site_url

    try:
        model = laad_of_stop(args.data)
    except GegevensFout as fout:
        _meld(fout.meldingen)
        print("Niets geëxporteerd: los eerst de fouten op.")
        return 1
    site_url = args.site_url or lees_site_url(args.mkdocs)
    schema = args.data / "schema" / export.SCHEMA_BESTAND
    try:
        paden = export.schrijf(model, args.map, site_url, schema)
    except OSError as fout:
        print(f"Niets (volledig) geëxporteerd: {zichtbaar(str(fout.filename or args.map))} kan niet geschreven "
              f"worden ({fout.strerror or fout}). Kies een map waarin u mag schrijven.", file=sys.stderr)
        return 1
    for pad in paden:
        print(pad)
    return 0


def nieuw_jaar_(args) -> int:
    from ..gegevens.controles import NOG_INVULLEN, OVERGENOMEN
    from . import nieuw_jaar

    try:
        gemaakt = nieuw_jaar.maak(args.data, args.jaar)
    except nieuw_jaar.Weigering as w:
        for regel in w.regels:
            print(regel)
        print(w.tekst)
        return 1
    jaar, van = gemaakt.jaar, gemaakt.van
    print(f"Jaar {jaar} gemaakt {f'uit {van}' if van else 'als eerste jaar'}. Nieuwe bestanden:")
    for pad in gemaakt.bestanden:
        print(f"  {pad}")
    stappen = [f"Zet de afspraken van {jaar} in de themabestanden, met de nummers uit het ondertekende "
               "document. Onderaan elk bestand staat een voorbeeld."]
    if van:
        stappen.append(f"Controleer elke tekst onder '# {OVERGENOMEN} {van}': pas hem aan aan het "
                       f"document van {jaar}, of haal hem weg. Haal daarna die opmerking weg.")
        if gemaakt.noemt_vorig_jaar:
            stappen[-1] += f"\n     Deze overgenomen teksten noemen nog {van}:" + "".join(
                f"\n       {n.bestand}:{n.regel}: {n.veld}" for n in gemaakt.noemt_vorig_jaar)
    if gemaakt.in_te_vullen:
        stappen.append(f"Vervang elke tekst die met '{NOG_INVULLEN}' begint door de tekst uit het "
                       f"document van {jaar} ({gemaakt.in_te_vullen} in totaal).")
    stappen.append(f"Na de ondertekening: vul 'ondertekening' in {args.data.name}/{jaar}/jaarschijf.yaml in. "
                   "Tot dan staat op de site dat de jaarschijf nog niet ondertekend is.")
    stappen.append("Controleer met 'make check' (die wijst met bestand en regel aan wat nog open staat) en "
                   "bekijk het resultaat met 'make serve'.")
    print("Wat nu:")
    for i, stap in enumerate(stappen, start=1):
        print(f"  {i}. {stap}")
    return 0


def synth_(args) -> int:
    from .synth.opdracht import maak

    begin = time.perf_counter()
    try:
        paden = maak(args.map, args.jaren, args.afspraken, args.zaad, args.data, args.lange_geschiedenis_behalve)
    except synth.SynthFout as fout:
        print(f"Niets geschreven: {fout}.", file=sys.stderr)
        return 1
    print(f"Synthetische gegevens in {args.map}: {args.jaren} {'jaar' if args.jaren == 1 else 'jaren'}, "
          f"{args.jaren * args.afspraken} afspraken, {len(paden)} bestanden; "
          f"gemaakt in {time.perf_counter() - begin:.2f} s. Alleen voor tests en metingen: nooit publiceren.")
    return 0


def wijzigingen_(args) -> int:
    from .wijzigingen.opdracht import draai

    return draai(args.data, args.versie, args.uit)


def voortgang_import_(args) -> int:
    from .voortgang_import import importeer

    code, regels = importeer(args.bestand, args.data)
    for regel in regels:
        print(regel)
    return code


def _geheel_getal(tekst: str) -> int:
    try:
        return int(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{tekst}' is geen geheel getal") from None


class _Parser(argparse.ArgumentParser):
    """argparse with its mistakes said in Dutch, like every other message of the project."""

    def error(self, message: str):
        keuze = message.split("invalid choice: ", 1)
        if len(keuze) == 2:
            message = f"onbekende opdracht {keuze[1].split(' (choose from', 1)[0]}; kies uit: " + \
                ", ".join(OPDRACHTEN)
        elif message.startswith("the following arguments are required: "):
            message = "dit ontbreekt: " + message.removeprefix("the following arguments are required: ")
        elif message.startswith("unrecognized arguments: "):
            message = "onbekend: " + message.removeprefix("unrecognized arguments: ")
        elif message.startswith("argument "):
            message = "bij " + message.removeprefix("argument ")
        self.exit(2, f"{self.prog}: {zichtbaar(message)}\n")


OPDRACHTEN = ("check", "export", "nieuw-jaar", "synth", "wijzigingen", "voortgang-import")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m macros",
                                     description="Gegevens van de prestatieafspraken controleren en exporteren.")
    parser.add_argument("--data", type=Path, default=PROJECT / "data", help="de map met gegevens (standaard: data/)")
    sub = parser.add_subparsers(dest="opdracht", required=True)
    sub.add_parser("check", help="controleer alle gegevens; elke fout als pad:regel:kolom: veld: melding")
    p = sub.add_parser("export", help="schrijf <MAP>/<jaar>/afspraken.json en .csv, en voortgang.json en .csv")
    p.add_argument("map", type=Path)
    p.add_argument("--site-url", help="adres van de site (standaard: site_url uit mkdocs.yml)")
    p.add_argument("--mkdocs", type=Path, default=PROJECT / "mkdocs.yml", help=argparse.SUPPRESS)
    p = sub.add_parser("nieuw-jaar", help="maak data/<JAAR>/ uit het nieuwste jaar, klaar om in te vullen")
    p.add_argument("jaar", metavar="JAAR", help="het nieuwe jaar, bijvoorbeeld 2025")
    p = sub.add_parser("synth", help="maak synthetische gegevens naar het voorbeeld van --data "
                       "(alleen voor tests en metingen, nooit publiceren)")
    p.add_argument("map", type=Path, metavar="MAP", help="een nieuwe of lege map")
    p.add_argument("--jaren", type=_geheel_getal, required=True, help=f"aantal jaren, vanaf {synth.EERSTE_JAAR}")
    p.add_argument("--afspraken", type=_geheel_getal, required=True, help="aantal afspraken per jaar")
    p.add_argument("--zaad", type=_geheel_getal, default=synth.ZAAD,
                   help=f"startwaarde van het toeval; dezelfde geeft dezelfde bestanden (standaard: {synth.ZAAD})")
    p.add_argument("--lange-geschiedenis-behalve", metavar="AFSPRAAK",
                   help="geef elke afspraak met voortgang behalve deze (bijvoorbeeld 2024-1) een lange geschiedenis "
                   "(voor de meting: een pagina hangt niet af van de geschiedenis van andere afspraken)")
    p = sub.add_parser("wijzigingen", help="wat verandert er voor lezers ten opzichte van git-versie BASE "
                       "(Markdown, voor wie een pull request beoordeelt)")
    p.add_argument("versie", metavar="BASE", help="branch, tag of commit, bijvoorbeeld origin/main")
    p.add_argument("--uit", type=Path, metavar="BESTAND", help="schrijf naar dit bestand in plaats van naar het scherm")
    p = sub.add_parser("voortgang-import", help="voeg de voortgang uit een CSV-bestand (kolommen als in "
                       "<jaar>/voortgang.csv) onderaan data/<jaar>/voortgang.yaml toe, als de controle slaagt")
    p.add_argument("bestand", type=Path, metavar="BESTAND", help="het CSV-bestand (UTF-8, met ; of , ertussen)")
    args = parser.parse_args(argv)
    return {"check": check, "export": export_, "nieuw-jaar": nieuw_jaar_, "synth": synth_,
            "wijzigingen": wijzigingen_, "voortgang-import": voortgang_import_}[args.opdracht](args)


if __name__ == "__main__":
    sys.exit(main())
