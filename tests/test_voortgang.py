"""The progress of commitments in the model: vocabulary, current status, corrections."""
from __future__ import annotations

import json

from conftest import SCHEMA

from macros.gegevens.voortgang import NOG_NIET, PER_ID, STATUSSEN


def test_de_woordenlijst_van_het_schema_is_die_van_de_code():
    schema = json.loads((SCHEMA / "voortgang.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["regel"]["properties"]["status"]["enum"] == [s.id for s in STATUSSEN]


def test_een_afspraak_zonder_regels_is_nog_niet_beoordeeld(gevolgd):
    verloop = gevolgd.verloop("2021-10")
    assert verloop.regels == () and verloop.stand is None and verloop.status.id == NOG_NIET


def test_de_stand_is_de_laatste_regel_die_niet_gecorrigeerd_is(gevolgd):
    verloop = gevolgd.verloop("2021-1")
    assert [r.nummer for r in verloop.regels] == [1, 7, 8]
    assert verloop.gecorrigeerd == {7: verloop.regels[2]}
    assert [r.nummer for r in verloop.geldig] == [1, 8]
    assert verloop.stand.nummer == 8 and verloop.status is PER_ID["deels-gerealiseerd"]


def test_gerealiseerd_per_doel_komt_uit_de_geldende_regels(gevolgd):
    waarden = {doel: (r.nummer, w.aantal) for doel, (r, w) in gevolgd.verloop("2021-1").gerealiseerd().items()}
    assert waarden == {1: (8, 16), 2: (8, 12), 3: (8, 4)}


def test_elke_status_komt_in_de_testgegevens_voor(gevolgd):
    gebruikt = {r.status for j in gevolgd.jaren.values() for r in j.voortgang}
    assert gebruikt == set(PER_ID)


def test_realisatie_per_doel_met_delen_onder_het_totaal(gevolgd):
    from macros.paginas.realisatie import realisaties
    rijen = realisaties(gevolgd, gevolgd.afspraak("2021-1"))
    assert [(r.positie, r.totaal is not None, r.waarde.aantal, r.regel.nummer) for r in rijen] == [
        (1, False, 16, 8), (2, True, 12, 8), (3, True, 4, 8)]
    assert rijen[0].bron.titel.startswith("Volkshuisvestingsverslag")
    assert [r.waarde for r in realisaties(gevolgd, gevolgd.afspraak("2022-2"))] == [None]
