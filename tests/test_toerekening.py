"""Who a commitment is attributed to, and how its targets are shaped: the rules of the model.

Unit tests on model objects built in code (tests/bouwer.py: the group `allen` is the
municipality, Woonbouw and its tenants' organisation).
"""
from bouwer import afspraak, uitvoerder
from macros.gegevens.model import KOP, NIET, ONZEKER, TEKST, TUSSENKOP, Doel, Totaal, per_totaal

GEMEENTE, CORPORATIE, HUURDERS = "gemeente-testdorp", "woonbouw", "huurders-woonbouw"


def gronden(a) -> dict[str, str]:
    return {t.partij: t.grond for t in a.toegerekend}


def test_zonder_uitvoerders_volgt_alles_de_tussenkop():
    a = afspraak(1, verantwoordelijk=("allen",))
    assert gronden(a) == {GEMEENTE: KOP, CORPORATIE: KOP, HUURDERS: KOP}
    assert a.eigen_partijen == (GEMEENTE, CORPORATIE, HUURDERS)


def test_de_tekst_noemt_een_partij_van_de_groep_de_rest_niet():
    """The case of a group heading over a text that names one party: the others never get it."""
    a = afspraak(1, verantwoordelijk=("allen",), uitvoerders=(uitvoerder(HUURDERS),))
    assert gronden(a) == {GEMEENTE: NIET, CORPORATIE: NIET, HUURDERS: TEKST}
    assert a.eigen_partijen == (HUURDERS,)
    assert a.partijen == (GEMEENTE, CORPORATIE, HUURDERS)  # the sub-heading itself is kept


def test_een_partij_buiten_de_kop_die_de_tekst_noemt():
    a = afspraak(1, verantwoordelijk=(GEMEENTE,),
                 uitvoerders=(uitvoerder(GEMEENTE, volgens=TUSSENKOP), uitvoerder(HUURDERS)))
    assert gronden(a) == {GEMEENTE: KOP, HUURDERS: TEKST}


def test_onzeker_alleen_waar_niets_zekers_de_partij_noemt():
    a = afspraak(1, verantwoordelijk=(GEMEENTE,),
                 uitvoerders=(uitvoerder(GEMEENTE, volgens=TUSSENKOP),
                              uitvoerder("allen", onzeker=True, opmerking="'we'")))
    assert gronden(a) == {GEMEENTE: KOP, CORPORATIE: ONZEKER, HUURDERS: ONZEKER}
    assert a.eigen_partijen == (GEMEENTE,)


def test_tekst_gaat_voor_tussenkop_en_volgorde_is_die_van_de_partijen():
    a = afspraak(1, verantwoordelijk=("allen",),
                 uitvoerders=(uitvoerder(HUURDERS), uitvoerder("allen", volgens=TUSSENKOP)))
    assert list(gronden(a).items()) == [(GEMEENTE, KOP), (CORPORATIE, KOP), (HUURDERS, TEKST)]


def test_totalen_en_hun_delen():
    totaal = Doel("nieuw", 43, "woningen", id="nieuw")
    sloop = Doel("sloop", 12, "woningen", id="sloop")
    c = Doel("nieuw", 23, "woningen", deel_van="nieuw", plaats="c")
    d2 = Doel("sloop", 12, "woningen", deel_van="sloop", plaats="d2")
    los = Doel("los", 3, "woningen")
    assert per_totaal((totaal, sloop, c, d2, los)) == (Totaal(totaal, (c,)), Totaal(sloop, (d2,)), Totaal(los))
    assert afspraak(1, doelen=(totaal, c)).totalen == (Totaal(totaal, (c,)),)
