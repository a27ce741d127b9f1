"""The presentation rules (macros/paginas/opmaak.py): one place for how a value reads."""
from macros.gegevens.model import Cel, Doel, Document, Termijn
from macros.paginas.opmaak import cel, datum, documentnaam, doeltekst, getal, hoeveelheid, termijntekst, veldnaam

DOEL = Doel(wat="sociale huurwoningen", aantal=1250, eenheid="woningen", grens="minimaal", jaar=2030)


def test_datum_en_getal_zoals_een_nederlandse_lezer_ze_schrijft():
    assert datum("2023-12-07") == "7 december 2023"
    assert getal(1250) == "1.250" and getal(71.0) == "71" and getal(2.5) == "2,5"


def test_een_doel_op_de_site_en_in_de_samenvatting():
    assert hoeveelheid(DOEL) == "minimaal 1.250 woningen"
    assert doeltekst(DOEL) == "minimaal 1.250 woningen: sociale huurwoningen (in 2030)"
    assert doeltekst(DOEL, "Beekdorp") == "minimaal 1.250 woningen: sociale huurwoningen (in 2030), Beekdorp"
    anders = Doel(wat="ontruimingen", aantal=2.5, eenheid="procent", jaar=2030, wanneer="eind 2030")
    assert doeltekst(anders) == "2,5 procent: ontruimingen (eind 2030)"


def test_een_doel_in_de_open_data_houdt_zijn_eigen_vorm():
    """The CSV is published: numbers as machines read them, no year or place."""
    assert doeltekst(DOEL, getal=str, met_jaar=False) == "minimaal 1250 woningen: sociale huurwoningen"
    assert doeltekst(Doel("x", 2.5, "procent", wanneer="in 2031"), getal=str, met_jaar=False) == \
        "2.5 procent: x (in 2031)"


def test_een_cel_zoals_de_tabel_hem_toont():
    assert cel(Cel(None)) == "–"
    assert cel(Cel(1250)) == "1.250"
    assert cel(Cel("Beekdorp")) == "Beekdorp"
    assert cel(Cel(12.5, True, "slecht leesbaar")) == "12,5 (onzeker)"


def test_veldnamen_zoals_de_site_ze_noemt():
    assert veldnaam("verantwoordelijk") == "Partijen van de tussenkop"
    assert veldnaam("uitvoerders") == "Wie doet het volgens de tekst"
    assert veldnaam("doel") == "Wat we willen bereiken"
    assert veldnaam("iets_nieuws") == "Iets nieuws"


def test_een_deel_leest_als_waarvan_zonder_te_herhalen_wat_het_totaal_zegt():
    totaal = Doel("nieuwe woningen", 43, "woningen", jaar=2024, wanneer="in 2024", id="nieuw")
    c = Doel("nieuwe woningen", 23, "woningen", jaar=2024, wanneer="in 2024", plaats="c", deel_van="nieuw")
    later = Doel("nieuwe woningen", 10, "woningen", jaar=2025, deel_van="nieuw")
    ander = Doel("huurwoningen", 5, "woningen", deel_van="nieuw", grens="maximaal")
    assert doeltekst(c, "Deelgebied C", totaal=totaal) == "waarvan 23 woningen, Deelgebied C"
    assert doeltekst(later, totaal=totaal) == "waarvan 10 woningen (in 2025)"
    assert doeltekst(ander, totaal=totaal) == "waarvan maximaal 5 woningen: huurwoningen"
    assert doeltekst(c, "Deelgebied C", getal=str, met_jaar=False, totaal=totaal) == "waarvan 23 woningen, Deelgebied C"


def test_een_document_met_wie_het_maakt_maar_nooit_twee_keer():
    assert documentnaam(Document("p", "Woonplan", "beleid", van="Gemeente X")) == "Woonplan (Gemeente X)"
    assert documentnaam(Document("p", "Plan van aanpak (Woonkring)", "plan", van="Woonkring")) == \
        "Plan van aanpak (Woonkring)"
    assert documentnaam(Document("p", "Woonplan", "beleid")) == "Woonplan"


def test_een_termijn_en_waar_hij_voor_geldt():
    assert termijntekst(Termijn("in 2030", 2030)) == "in 2030"
    assert termijntekst(Termijn("in Q1", 2030, 1, "bouwgrond zoeken")) == "in Q1 (bouwgrond zoeken)"


def test_doelnaam_noemt_een_deel_en_zijn_plaats_een_keer():
    from macros.gegevens.model import Doel
    from macros.paginas.opmaak import doelnaam
    deel = Doel("nieuwe huurwoningen in Beekdorp", 12, "woningen", plaats="beekdorp", deel_van="nieuwbouw")
    assert doelnaam(deel, "Beekdorp") == "waarvan nieuwe huurwoningen in Beekdorp"
    assert doelnaam(Doel("sociale huur", 23, "woningen", plaats="c"), "Deelgebied C") == "sociale huur, Deelgebied C"
    assert doelnaam(Doel("labels", 5, "labels")) == "labels"
