"""Whatever an editor breaks, the check answers with positions, never with a traceback.

Random damage to the fixture set een-jaar, and to the live data: this holds for any data.
Lines, YAML structure, characters (control, direction, invisible) and raw bytes. The
number of rounds is FUZZ_RONDES (default 20 per data set); a longer run once:
`FUZZ_RONDES=1000 .venv/bin/python -m pytest tests/test_robuust.py -q -n auto`.
"""
import os
import random

import pytest

from conftest import regels

MUTATIES = {
    "regel weg": lambda regels_, k, r: regels_[:k] + regels_[k + 1:],
    "regel afgekapt": lambda regels_, k, r: regels_[:k] + [regels_[k][: r.randrange(len(regels_[k]) + 1)]] + regels_[k + 1:],
    "dieper ingesprongen": lambda regels_, k, r: regels_[:k] + ["   " + regels_[k]] + regels_[k + 1:],
    "dubbele punt weg": lambda regels_, k, r: regels_[:k] + [regels_[k].replace(":", "", 1)] + regels_[k + 1:],
    "rommel erachter": lambda regels_, k, r: regels_[:k] + [regels_[k] + r.choice(
        [" {", " [", " &a", " *b", " !!python/object:os.system", ": x", " - 1", " ? ", " null", " .inf",
         " 1.0", " 9999999999999999999999", ' "\\u202e"', " !!binary aGE=", " ? [a]"])] + regels_[k + 1:],
    "teken erin": lambda regels_, k, r: regels_[:k] + [_erin(regels_[k], r.choice(
        ["\u202e", "\u2066", "\u200b", "\x00", "\x1b[31m", "\ufeff", "\t", "\r", "\x85", "\ud7ff", "€"]), r)]
        + regels_[k + 1:],
}
BYTES = [b"\xff", b"\xc3", b"\xe2\x80", b"\x00", b"\xef\xbb\xbf"]


def _erin(regel: str, teken: str, r: random.Random) -> str:
    plek = r.randrange(len(regel) + 1)
    return regel[:plek] + teken + regel[plek:]


@pytest.fixture(params=["een-jaar", "live"])
def datamap(request, gegevens):
    """A copy of the fixture set een-jaar, or of the live data/."""
    return gegevens("een-jaar") if request.param == "een-jaar" else request.getfixturevalue("data")


@pytest.mark.parametrize("zaad", range(int(os.environ.get("FUZZ_RONDES", 20))))
def test_willekeurige_schade_geeft_meldingen_met_plek(datamap, zaad):
    r = random.Random(zaad)
    bestanden = sorted(datamap.rglob("*.yaml"))
    pad = r.choice(bestanden)
    if r.random() < 0.15:  # raw bytes: not UTF-8, a NUL, a second byte-order mark
        ruw = pad.read_bytes()
        plek = r.randrange(len(ruw) + 1)
        pad.write_bytes(ruw[:plek] + r.choice(BYTES) + ruw[plek:])
    else:
        inhoud = pad.read_text(encoding="utf-8").split("\n")
        naam, mutatie = r.choice(sorted(MUTATIES.items()))
        nieuw = mutatie(inhoud, r.randrange(1, len(inhoud)), r)
        pad.write_text("\n".join(nieuw), encoding="utf-8")
    for regel in regels(datamap, alleen_fouten=False):  # must not raise
        assert regel.isprintable(), regel  # no raw control character reaches a log
        bestand, nummer, kolom, _ = regel.split(":", 3)
        assert (datamap.parent / bestand).exists(), regel
        assert 1 <= int(nummer) and 1 <= int(kolom), regel
