"""Whatever an editor breaks, the check answers with positions, never with a traceback.

Random damage to the fixture set een-jaar, and to the live data: this holds for any data.
"""
import random

import pytest

from conftest import regels

MUTATIES = {
    "regel weg": lambda regels_, k, r: regels_[:k] + regels_[k + 1:],
    "regel afgekapt": lambda regels_, k, r: regels_[:k] + [regels_[k][: r.randrange(len(regels_[k]) + 1)]] + regels_[k + 1:],
    "dieper ingesprongen": lambda regels_, k, r: regels_[:k] + ["   " + regels_[k]] + regels_[k + 1:],
    "dubbele punt weg": lambda regels_, k, r: regels_[:k] + [regels_[k].replace(":", "", 1)] + regels_[k + 1:],
    "rommel erachter": lambda regels_, k, r: regels_[:k] + [regels_[k] + r.choice(
        [" {", " [", " &a", " *b", " !!python/object:os.system", ": x", " - 1", " ? ", " null"])] + regels_[k + 1:],
}


@pytest.fixture(params=["een-jaar", "live"])
def datamap(request, gegevens):
    """A copy of the fixture set een-jaar, or of the live data/."""
    return gegevens("een-jaar") if request.param == "een-jaar" else request.getfixturevalue("data")


@pytest.mark.parametrize("zaad", range(20))
def test_willekeurige_schade_geeft_meldingen_met_plek(datamap, zaad):
    r = random.Random(zaad)
    bestanden = sorted(datamap.rglob("*.yaml"))
    pad = r.choice(bestanden)
    inhoud = pad.read_text(encoding="utf-8").split("\n")
    naam, mutatie = r.choice(sorted(MUTATIES.items()))
    nieuw = mutatie(inhoud, r.randrange(1, len(inhoud)), r)
    pad.write_text("\n".join(nieuw), encoding="utf-8")
    for regel in regels(datamap, alleen_fouten=False):  # must not raise
        bestand, nummer, kolom, _ = regel.split(":", 3)
        assert (datamap.parent / bestand).exists(), regel
        assert 1 <= int(nummer) and 1 <= int(kolom), regel
