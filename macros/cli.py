"""`python -m macros <command>`: the command line behind the make targets."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import yaml

from . import export
from .laden import laad
from .meldingen import FOUT

PROJECT = Path(__file__).resolve().parent.parent


class _MkdocsLader(yaml.SafeLoader):
    """Reads mkdocs.yml like MkDocs does for `!ENV [NAME, default]`, the only tag it uses."""


def _env(lader: yaml.SafeLoader, knoop: yaml.Node):
    namen = lader.construct_sequence(knoop) if isinstance(knoop, yaml.SequenceNode) else [lader.construct_scalar(knoop)]
    *variabelen, standaard = namen if len(namen) > 1 else (*namen, None)
    return next((os.environ[v] for v in variabelen if v in os.environ), standaard)


_MkdocsLader.add_constructor("!ENV", _env)


def _site_url(mkdocs_yml: Path) -> str:
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_MkdocsLader)
    return config["site_url"]


def _meld(resultaat) -> None:
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for m in resultaat.meldingen:
        print(m.als_regel())
        if github:
            print(m.als_github())


def check(args) -> int:
    begin = time.perf_counter()
    resultaat = laad(args.data)
    _meld(resultaat)
    n_fout = sum(m.niveau == FOUT for m in resultaat.meldingen)
    n_waarsch = len(resultaat.meldingen) - n_fout
    duur = time.perf_counter() - begin
    if n_fout:
        print(f"{n_fout} {'fout' if n_fout == 1 else 'fouten'}, {n_waarsch} "
              f"{'waarschuwing' if n_waarsch == 1 else 'waarschuwingen'}. Niets is gebouwd of gepubliceerd.")
        return 1
    model = resultaat.model
    jaren = ", ".join(str(j) for j in model.jaren)
    print(f"Gegevens in orde: {len(model.afspraken)} afspraken in {len(model.jaren)} "
          f"{'jaar' if len(model.jaren) == 1 else 'jaren'} ({jaren}), {n_waarsch} "
          f"{'waarschuwing' if n_waarsch == 1 else 'waarschuwingen'}; gecontroleerd in {duur:.2f} s.")
    return 0


def export_(args) -> int:
    resultaat = laad(args.data)
    if resultaat.model is None:
        _meld(resultaat)
        print("Niets geëxporteerd: los eerst de fouten op.")
        return 1
    site_url = args.site_url or _site_url(args.mkdocs)
    schema = args.data / "schema" / export.SCHEMA_BESTAND
    for pad in export.schrijf(resultaat.model, args.map, site_url, schema):
        print(pad)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros",
                                     description="Gegevens van de prestatieafspraken controleren en exporteren.")
    parser.add_argument("--data", type=Path, default=PROJECT / "data", help="de map met gegevens (standaard: data/)")
    sub = parser.add_subparsers(dest="opdracht", required=True)
    sub.add_parser("check", help="controleer alle gegevens; elke fout als pad:regel:kolom: veld: melding")
    p = sub.add_parser("export", help="schrijf <MAP>/<jaar>/afspraken.json en .csv")
    p.add_argument("map", type=Path)
    p.add_argument("--site-url", help="adres van de site (standaard: site_url uit mkdocs.yml)")
    p.add_argument("--mkdocs", type=Path, default=PROJECT / "mkdocs.yml", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    return {"check": check, "export": export_}[args.opdracht](args)


if __name__ == "__main__":
    sys.exit(main())
