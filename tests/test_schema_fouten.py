"""The format (data/schema/) is enforced, with messages an editor understands.

Runs on a copy of the fixture set een-jaar (Lindeveld, 2030); PAD is its theme without
commitments, which the tests overwrite.
"""
from conftest import BEKEND, KOP, PAD, regels, schrijf_thema, vervang


def test_typfout_in_veldnaam_met_suggestie(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, """\
        jaar: 2030
        thema: tijdelijk-wonen
        afspraken:
          - nummer: 6
            titel: Rondrit
            tekts: Partijen gaan jaarlijks op rondrit.
            verantwoordelijk: [samen]
        """)
    assert regels(data, PAD) == [
        f"{PAD}:5:5: afspraken[1]: verplicht veld 'tekst' ontbreekt",
        f"{PAD}:7:5: afspraken[1].tekts: onbekend veld 'tekts'; bedoelde u 'tekst'?",
    ]


def test_onbekende_eenheid_met_keuzes(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, """\
        jaar: 2030
        thema: tijdelijk-wonen
        afspraken:
          - nummer: 6
            titel: Rondrit
            tekst: Tekst.
            verantwoordelijk: [samen]
            doelen:
              - wat: rondritten
                aantal: 1
                eenheid: woning
        """)
    (regel,) = regels(data, PAD)
    assert regel.startswith(f"{PAD}:12:18: afspraken[1].doelen[1].eenheid: 'woning' is geen geldige waarde; "
                            "kies uit: woningen, procent")
    assert regel.endswith("bedoelde u 'woningen'?")


def test_id_met_hoofdletters(gegevens):
    data = gegevens("een-jaar")
    pad = "data/2030/woningbouw.yaml"
    vervang(data, pad, "verantwoordelijk: [samen]", "verantwoordelijk: [Samen]")
    assert regels(data, pad) == [
        f"{pad}:49:24: afspraken[3].verantwoordelijk[1]: 'Samen' is geen geldige waarde: een id bestaat "
        "uit kleine letters, cijfers en streepjes, bijvoorbeeld 'mijn-partij'",
        f"{pad}:49:24: afspraken[3].verantwoordelijk[1]: onbekende partij of groep 'Samen'; "
        f"{BEKEND['partij of groep']}; bedoelde u 'samen'?",
    ]


def test_datum_in_verkeerde_vorm(gegevens):
    data = gegevens("een-jaar")
    pad = "data/2030/jaarschijf.yaml"
    vervang(data, pad, 'datum: "2029-12-10"', "datum: 10-12-2029")
    assert regels(data, pad) == [
        f"{pad}:31:10: ondertekening.datum: '10-12-2029' is geen geldige waarde: schrijf een datum als "
        "JJJJ-MM-DD, bijvoorbeeld 2023-12-31 voor 31 december 2023"]


def schrijf_tabelcel(data, cel: str) -> None:
    """A theme file with one table of one column; `cel` is the YAML of its first row (line 10)."""
    rij = "".join("      " + regel + "\n" for regel in cel.splitlines())
    schrijf_thema(data, "jaar: 2030\nthema: tijdelijk-wonen\nafspraken: []\ntabellen:\n  - id: proef\n"
                        "    titel: Proef\n    kolommen: [A]\n    rijen:\n" + rij)


def test_onzekere_cel_zonder_opmerking(gegevens):
    data = gegevens("een-jaar")
    schrijf_tabelcel(data, '- - waarde: 3\n    onzeker: true\n')
    assert regels(data, PAD) == [f"{PAD}:10:11: tabellen[1].rijen[1][1]: verplicht veld 'opmerking' ontbreekt"]


def test_cel_van_verkeerde_soort(gegevens):
    data = gegevens("een-jaar")
    schrijf_tabelcel(data, '- - [1, 2]\n')
    (regel,) = regels(data, PAD)
    assert regel.startswith(f"{PAD}:10:11: tabellen[1].rijen[1][1]: ongeldige waarde: een cel: een getal of tekst")


def test_schemaverwijzing_ontbreekt_is_een_waarschuwing(gegevens):
    data = gegevens("een-jaar")
    vervang(data, PAD, KOP, "")
    assert regels(data, PAD) == []
    assert regels(data, PAD, alleen_fouten=False) == [
        f"{PAD}:1:1: waarschuwing: eerste regel hoort '# yaml-language-server: $schema=…/schema/thema.schema.json' "
        "te zijn, zodat uw editor het formaat kent"]


def test_typfout_in_onzekere_cel(gegevens):
    data = gegevens("een-jaar")
    schrijf_tabelcel(data, '- - waarde: 3\n    onzeker: true\n    opmerkng: Slecht leesbaar.\n')
    assert regels(data, PAD) == [
        f"{PAD}:10:11: tabellen[1].rijen[1][1]: verplicht veld 'opmerking' ontbreekt",
        f"{PAD}:12:11: tabellen[1].rijen[1][1].opmerkng: onbekend veld 'opmerkng'; bedoelde u 'opmerking'?",
    ]
