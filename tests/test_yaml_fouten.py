"""YAML mistakes an editor can make: each one a clear line, never a traceback."""
from conftest import KOP, PAD, regels, schrijf, schrijf_thema


def test_syntaxfout_dubbele_punt_in_tekst(data):
    schrijf_thema(data, """\
        jaar: 2024
        thema: leefbaarheid
        afspraken:
          - nummer: 40
            titel: Rondrit: samen kijken
        """)
    assert regels(data, PAD) == [
        f"{PAD}:6:19: onverwachte dubbele punt; zet tekst met ': ' tussen aanhalingstekens"]


def test_tab_voor_inspringing(data):
    schrijf_thema(data, "jaar: 2024\nthema: leefbaarheid\nafspraken:\n\t- nummer: 40\n")
    assert regels(data, PAD) == [f"{PAD}:5:1: tab gebruikt om in te springen; gebruik spaties"]


def test_dubbel_veld_is_een_fout(data):
    schrijf_thema(data, """\
        jaar: 2024
        thema: leefbaarheid
        afspraken:
          - nummer: 40
            titel: Rondrit
            tekst: Eerste tekst.
            verantwoordelijk: [gezamenlijk]
            tekst: Tweede tekst.
        """)
    assert regels(data, PAD) == [
        f"{PAD}:9:5: tekst: veld 'tekst' staat er twee keer (ook op regel 7)"]


def test_leeg_bestand(data):
    schrijf(data / "2024/leefbaarheid.yaml", "# alleen commentaar\n\n")
    assert regels(data, PAD) == [f"{PAD}:1:1: het bestand is leeg"]


def test_geen_utf8(data):
    (data / "2024/leefbaarheid.yaml").write_bytes(
        KOP.encode() + "jaar: 2024\nthema: leefbaarheid\nafspraken: []\ndoel: Caf\u00e9\n".encode("latin-1"))
    assert regels(data, PAD) == [
        f"{PAD}:5:10: het bestand is geen UTF-8 (byte 0xe9); sla het op als UTF-8"]


def test_verkeerd_type(data):
    schrijf_thema(data, """\
        jaar: "2024"
        thema: leefbaarheid
        afspraken:
          - nummer: veertig
            titel: Rondrit
            tekst: Tekst.
            verantwoordelijk: gezamenlijk
        """)
    assert regels(data, PAD) == [
        f"{PAD}:2:7: jaar: verwacht een geheel getal, maar er staat de tekst '2024'",
        f"{PAD}:5:13: afspraken[1].nummer: verwacht een geheel getal, maar er staat de tekst 'veertig'",
        f"{PAD}:8:23: afspraken[1].verantwoordelijk: verwacht een lijst, maar er staat de tekst 'gezamenlijk'",
    ]


def test_alle_fouten_in_een_keer(data):
    """Problems in several files are all reported, sorted by file and line."""
    schrijf(data / "2024/leefbaarheid.yaml", "")
    schrijf(data / "2024/wonen-en-zorg.yaml", KOP + "jaar: 2024\nthema: wonen-en-zorg\nafspraken: [\n")
    bestanden = {r.split(":")[0] for r in regels(data)}
    assert {PAD, "data/2024/wonen-en-zorg.yaml"} <= bestanden
