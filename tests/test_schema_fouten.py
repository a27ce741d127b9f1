"""The format (data/schema/) is enforced, with messages an editor understands."""
from conftest import PAD, regels, schrijf_thema


def test_typfout_in_veldnaam_met_suggestie(data):
    schrijf_thema(data, """\
        jaar: 2024
        thema: leefbaarheid
        afspraken:
          - nummer: 40
            titel: Rondrit
            tekts: Partijen gaan jaarlijks op rondrit.
            verantwoordelijk: [gezamenlijk]
        """)
    assert regels(data, PAD) == [
        f"{PAD}:5:5: afspraken[1]: verplicht veld 'tekst' ontbreekt",
        f"{PAD}:7:5: afspraken[1].tekts: onbekend veld 'tekts'; bedoelde u 'tekst'?",
    ]


def test_onbekende_eenheid_met_keuzes(data):
    schrijf_thema(data, """\
        jaar: 2024
        thema: leefbaarheid
        afspraken:
          - nummer: 40
            titel: Rondrit
            tekst: Tekst.
            verantwoordelijk: [gezamenlijk]
            doelen:
              - wat: rondritten
                aantal: 1
                eenheid: woning
        """)
    (regel,) = regels(data, PAD)
    assert regel.startswith(f"{PAD}:12:18: afspraken[1].doelen[1].eenheid: ongeldige waarde de tekst 'woning'; "
                            "kies uit: woningen, procent")
    assert regel.endswith("bedoelde u 'woningen'?")


def test_id_met_hoofdletters(data):
    pad = data / "2024/leefbaarheid.yaml"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst.replace("[gezamenlijk]", "[Gezamenlijk]", 1), encoding="utf-8")
    regel = tekst[: tekst.index("[gezamenlijk]")].count("\n") + 1
    kolom = tekst.splitlines()[regel - 1].index("[gezamenlijk]") + 2
    assert regels(data, PAD) == [
        f"{PAD}:{regel}:{kolom}: afspraken[1].verantwoordelijk[1]: onbekende partij of groep 'Gezamenlijk'; "
        "bedoelde u 'gezamenlijk'?",
        f"{PAD}:{regel}:{kolom}: afspraken[1].verantwoordelijk[1]: ongeldige waarde de tekst 'Gezamenlijk': een id bestaat "
        "uit kleine letters, cijfers en streepjes, bijvoorbeeld 'de-volmacht'",
    ]


def test_datum_in_verkeerde_vorm(data):
    pad = data / "2024/jaarschijf.yaml"
    tekst = pad.read_text(encoding="utf-8")
    assert 'datum: "2023-12-07"' in tekst
    pad.write_text(tekst.replace('datum: "2023-12-07"', "datum: 7-12-2023"), encoding="utf-8")
    regelnr = tekst.splitlines().index(next(r for r in tekst.splitlines() if 'datum: "2023-12-07"' in r)) + 1
    (regel,) = regels(data, "data/2024/jaarschijf.yaml")
    assert regel == (f"data/2024/jaarschijf.yaml:{regelnr}:10: ondertekening.datum: ongeldige waarde de tekst "
                     "'7-12-2023': schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2023-12-07")


def schrijf_tabelcel(data, cel: str) -> None:
    """A theme file with one table of one column; `cel` is the YAML of its first row (line 10)."""
    rij = "".join("      " + regel + "\n" for regel in cel.splitlines())
    schrijf_thema(data, "jaar: 2024\nthema: leefbaarheid\nafspraken: []\ntabellen:\n  - id: proef\n"
                        "    titel: Proef\n    kolommen: [A]\n    rijen:\n" + rij)


def test_onzekere_cel_zonder_opmerking(data):
    schrijf_tabelcel(data, '- - waarde: 3\n    onzeker: true\n')
    assert regels(data, PAD) == [f"{PAD}:10:11: tabellen[1].rijen[1][1]: verplicht veld 'opmerking' ontbreekt"]


def test_cel_van_verkeerde_soort(data):
    schrijf_tabelcel(data, '- - [1, 2]\n')
    (regel,) = regels(data, PAD)
    assert regel.startswith(f"{PAD}:10:11: tabellen[1].rijen[1][1]: ongeldige waarde: een cel: een getal of tekst")


def test_schemaverwijzing_ontbreekt_is_een_waarschuwing(data):
    pad = data / "2024/leefbaarheid.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    assert regels(data, PAD) == []
    assert regels(data, PAD, alleen_fouten=False) == [
        f"{PAD}:1:1: waarschuwing: eerste regel hoort '# yaml-language-server: $schema=…/schema/thema.schema.json' "
        "te zijn, zodat uw editor het formaat kent"]


def test_typfout_in_onzekere_cel(data):
    schrijf_tabelcel(data, '- - waarde: 3\n    onzeker: true\n    opmerkng: Slecht leesbaar.\n')
    assert regels(data, PAD) == [
        f"{PAD}:10:11: tabellen[1].rijen[1][1]: verplicht veld 'opmerking' ontbreekt",
        f"{PAD}:12:11: tabellen[1].rijen[1][1].opmerkng: onbekend veld 'opmerkng'; bedoelde u 'opmerking'?",
    ]
