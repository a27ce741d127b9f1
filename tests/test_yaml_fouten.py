"""YAML mistakes an editor can make: each one a clear line, never a traceback.

Runs on a copy of the fixture set een-jaar (Lindeveld, 2030); PAD is its theme without
commitments, which the tests overwrite.
"""
from conftest import KOP, PAD, regels, schrijf, schrijf_thema


def test_syntaxfout_dubbele_punt_in_tekst(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, """\
        jaar: 2030
        thema: tijdelijk-wonen
        afspraken:
          - nummer: 6
            titel: Rondrit: samen kijken
        """)
    assert regels(data, PAD) == [
        f"{PAD}:6:19: onverwachte dubbele punt; zet tekst met ': ' tussen aanhalingstekens"]


def test_tab_voor_inspringing(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, "jaar: 2030\nthema: tijdelijk-wonen\nafspraken:\n\t- nummer: 6\n")
    assert regels(data, PAD) == [f"{PAD}:5:1: tab gebruikt om in te springen; gebruik spaties"]


def test_dubbel_veld_is_een_fout(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, """\
        jaar: 2030
        thema: tijdelijk-wonen
        afspraken:
          - nummer: 6
            titel: Rondrit
            tekst: Eerste tekst.
            verantwoordelijk: [samen]
            tekst: Tweede tekst.
        """)
    assert regels(data, PAD) == [
        f"{PAD}:9:5: tekst: veld 'tekst' staat er twee keer (ook op regel 7)"]


def test_leeg_bestand(gegevens):
    data = gegevens("een-jaar")
    schrijf(data.parent / PAD, "# alleen commentaar\n\n")
    assert regels(data, PAD) == [f"{PAD}:1:1: het bestand is leeg"]


def test_geen_utf8(gegevens):
    data = gegevens("een-jaar")
    (data.parent / PAD).write_bytes(
        KOP.encode() + "jaar: 2030\nthema: tijdelijk-wonen\nafspraken: []\ndoel: Caf\u00e9\n".encode("latin-1"))
    assert regels(data, PAD) == [
        f"{PAD}:5:10: het bestand is geen UTF-8 (byte 0xe9); sla het op als UTF-8"]


def test_verkeerd_type(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, """\
        jaar: "2030"
        thema: tijdelijk-wonen
        afspraken:
          - nummer: zes
            titel: Rondrit
            tekst: Tekst.
            verantwoordelijk: samen
        """)
    assert regels(data, PAD) == [
        f"{PAD}:2:7: jaar: verwacht een geheel getal, maar er staat de tekst '2030'",
        f"{PAD}:5:13: afspraken[1].nummer: verwacht een geheel getal, maar er staat de tekst 'zes'",
        f"{PAD}:8:23: afspraken[1].verantwoordelijk: verwacht een lijst, maar er staat de tekst 'samen'",
    ]


def test_alle_fouten_in_een_keer(gegevens):
    """Problems in several files are all reported, sorted by file and line."""
    data = gegevens("een-jaar")
    schrijf(data.parent / PAD, "")
    ander = "data/2030/huur-en-woonlasten.yaml"
    schrijf(data.parent / ander, KOP + "jaar: 2030\nthema: huur-en-woonlasten\nafspraken: [\n")
    uit = regels(data)
    assert {PAD, ander} <= {r.split(":")[0] for r in uit}
    assert uit == sorted(uit, key=lambda r: (r.split(":")[0], int(r.split(":")[1])))
