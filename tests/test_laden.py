"""The one "load or fail" (laden.laad_of_stop): a model, or one exception with every error."""
from __future__ import annotations

import pytest

from conftest import vervang
from macros.gegevens.laden import GegevensFout, laad, laad_of_stop


def test_geldige_gegevens_geven_het_model(gegevens):
    datamap = gegevens("een-jaar")
    assert laad_of_stop(datamap) == laad(datamap).model


def test_fouten_stoppen_met_elke_foutregel(gegevens):
    datamap = gegevens("een-jaar")
    vervang(datamap, "data/2030/woningbouw.yaml", "verantwoordelijk: [woonkring]", "verantwoordelijk: [woonkrnig]")
    verwacht = [m.als_regel() for m in laad(datamap).fouten]
    with pytest.raises(GegevensFout) as stop:
        laad_of_stop(datamap)
    assert stop.value.regels == verwacht and len(verwacht) == 1
    assert str(stop.value) == "\n".join([GegevensFout.KOP, *verwacht])


def test_een_eigen_kop_en_een_eigen_soort_fout(gegevens):
    """As the build raises MkDocs' PluginError: the same text, the errors kept as its cause."""
    datamap = gegevens("een-jaar")
    vervang(datamap, "data/2030/woningbouw.yaml", "verantwoordelijk: [woonkring]", "verantwoordelijk: [woonkrnig]")

    class EigenFout(Exception):
        pass

    with pytest.raises(EigenFout) as stop:
        laad_of_stop(datamap, kop="Er is niets gebouwd.", als=EigenFout)
    assert str(stop.value).startswith("Er is niets gebouwd.\ndata/2030/woningbouw.yaml:")
    assert isinstance(stop.value.__cause__, GegevensFout)
