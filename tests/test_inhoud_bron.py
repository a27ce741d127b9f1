"""Content tests: every year encoded from a source text is faithful to it.

For each year with a source text in data/<jaar>/bron/ (and for the fictional year of the
fixture set een-jaar): every signed text is in the source, with only the listed repairs,
and nothing of the source was left out. A year without a source has nothing to compare;
it is skipped, never failed.
"""
from __future__ import annotations

import re

import pytest

from conftest import DATA, maak_gegevens
from macros.gegevens import bronteksten as bron
from macros.gegevens.laden import laad
from macros.gegevens.model import Jaar, Model, heeft_markering

# Labels of a source's structure: not content, so not stored as text.
KOPPEN = ["Rollen en verantwoordelijkheden per partij", "Rollen en verantwoordelijkheden", "Inleiding",
          "Onze actualiteit", "Wat we gaan doen", "Wat we willen bereiken:", "Ondertekening", "‘", "’", ":"]


def _jaren_met_bron() -> list:
    resultaat = laad(DATA)
    jaren = [pytest.param(("live", j.jaar), id=f"live-{j.jaar}")
             for j in (resultaat.model.jaren.values() if resultaat.model else ()) if j.bron]
    return jaren + [pytest.param(("een-jaar", 2030), id="een-jaar-2030")]


@pytest.fixture(scope="module", params=_jaren_met_bron())
def jaar_en_bron(request, tmp_path_factory) -> tuple[Model, Jaar, str]:
    set_, jaar = request.param
    datamap = DATA if set_ == "live" else maak_gegevens(set_, tmp_path_factory.mktemp(set_))
    model = laad(datamap).model
    j = model.jaren[jaar]
    return model, j, bron.herstelde_bron(datamap / str(jaar) / "bron")


def teksten(jaar: Jaar) -> list[tuple[str, str]]:
    """Every signed text of the year, table captions included."""
    return list(bron.ondertekende_teksten(jaar)) + [
        (f"tabel {t.id} bijschrift", t.bijschrift) for th in jaar.themas for t in th.tabellen if t.bijschrift]


def test_elke_ondertekende_tekst_staat_letterlijk_in_de_bron(jaar_en_bron):
    """Nothing paraphrased or lost: only the listed repairs, and […] where words are missing."""
    _, jaar, herstelde_bron = jaar_en_bron
    afwijkend = [waar for waar, tekst in teksten(jaar) if bron.zonder_gaten(tekst) not in herstelde_bron]
    assert afwijkend == []


def test_elke_genummerde_afspraak_van_de_bron_begint_een_tekst(jaar_en_bron):
    """Every commitment starts in the source with its number: none was skipped or renumbered."""
    _, jaar, herstelde_bron = jaar_en_bron
    for a in jaar.afspraken:
        eerste_woorden = " ".join(bron.zonder_gaten(a.tekst).split()[:5])
        assert f"{a.nummer}. {eerste_woorden}" in herstelde_bron, a.nummer


def test_niets_van_de_bron_is_weggelaten(jaar_en_bron):
    """What no signed text covers is only headings, numbers, and table text quoted in the tables' notes."""
    model, jaar, herstelde_bron = jaar_en_bron
    gedekt = [False] * len(herstelde_bron)
    for _, tekst in teksten(jaar):
        tekst = bron.zonder_gaten(tekst)
        begin = herstelde_bron.find(tekst)
        while begin != -1:
            gedekt[begin:begin + len(tekst)] = [True] * len(tekst)
            begin = herstelde_bron.find(tekst, begin + 1)
    rest = "".join(c if not g else "\n" for c, g in zip(herstelde_bron, gedekt))
    for kop in KOPPEN + [t.naam for t in model.themas.values()]:
        rest = rest.replace(kop, " ")
    rest = re.sub(r"(?<!\S)[0-9]{1,2}\.(?!\S)", " ", rest)  # the numbers of commitments and parts
    tabellen = bron.vouw(" ".join(" ".join(t.opmerkingen + t.kolommen) + " " + " ".join(
        str(c.waarde) for rij in t.rijen for c in rij) for th in jaar.themas for t in th.tabellen))
    weggelaten = [woord for woord in rest.split() if woord not in tabellen]
    assert weggelaten == []


def test_een_gat_heeft_altijd_een_opmerking(jaar_en_bron):
    """Where the source cannot be read ([…]) or reads oddly ([sic]), an editor's note says what is there."""
    _, jaar, _ = jaar_en_bron
    for thema in jaar.themas:
        if heeft_markering((thema.doel or "") + (thema.actualiteit or "")):
            assert thema.opmerkingen, thema.thema
        for a in thema.afspraken:
            if heeft_markering(a.tekst):
                assert a.opmerkingen, a.id
    if heeft_markering(jaar.inleiding):
        assert jaar.opmerkingen
    if jaar.ondertekening and heeft_markering(jaar.ondertekening.slottekst):
        assert jaar.ondertekening.opmerkingen


def test_zonder_tussenkop_staat_er_uitleg_bij(jaar_en_bron):
    """A commitment printed before any sub-heading has no stated party: a note says so."""
    _, jaar, _ = jaar_en_bron
    for a in jaar.afspraken:
        if a.kop is None:
            assert a.verantwoordelijk == () and a.opmerkingen, a.id


def test_onzekere_cellen_hebben_uitleg(jaar_en_bron):
    """A number that could not be read with certainty is never guessed silently."""
    _, jaar, _ = jaar_en_bron
    for tabel in (t for th in jaar.themas for t in th.tabellen):
        assert all(c.opmerking for rij in tabel.rijen for c in rij if c.onzeker), tabel.id
