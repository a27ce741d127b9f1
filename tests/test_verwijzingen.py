"""Checks across files: ids must exist, numbers must be unique, years must agree."""
from conftest import PAD, regels, schrijf_thema


def afspraak(**velden) -> str:
    """A theme file for leefbaarheid with one commitment (40), fields overridable."""
    standaard = {"nummer": "40", "titel": "Rondrit", "tekst": "Tekst.", "verantwoordelijk": "[gezamenlijk]"}
    standaard.update(velden)
    regels_ = "".join(f"    {k}: {v}\n" for k, v in standaard.items())
    return "jaar: 2024\nthema: leefbaarheid\nafspraken:\n  - " + regels_.lstrip()


def test_onbekende_partij_met_suggestie(data):
    schrijf_thema(data, afspraak(verantwoordelijk="[woonbrog]"))
    assert f"{PAD}:8:24: afspraken[1].verantwoordelijk[1]: onbekende partij of groep 'woonbrog'; " \
           "bedoelde u 'woonborg'?" in regels(data, PAD)


def test_onbekende_groep(data):
    schrijf_thema(data, afspraak(verantwoordelijk="[corporatie]"))
    assert f"{PAD}:8:24: afspraken[1].verantwoordelijk[1]: onbekende partij of groep 'corporatie'; " \
           "bedoelde u 'corporaties'?" in regels(data, PAD)


def test_onbekende_plaats_en_document(data):
    schrijf_thema(data, afspraak(plaatsen="[giethen]", documenten="[woningswet]"))
    assert regels(data, PAD) == [
        f"{PAD}:9:16: afspraken[1].plaatsen[1]: onbekende plaats 'giethen'; bedoelde u 'gieten'?",
        f"{PAD}:10:18: afspraken[1].documenten[1]: onbekend document 'woningswet'; bedoelde u 'woningwet'?",
    ]


def test_dubbel_nummer_in_een_jaar(data):
    schrijf_thema(data, afspraak(nummer="18"))
    uit = regels(data)
    dubbel = [r for r in uit if "bestaat al" in r]
    assert len(dubbel) == 1
    assert dubbel[0].startswith("data/2024/") and "afspraak 18 bestaat al in dit jaar (data/2024/" in dubbel[0]


def test_gerelateerde_afspraak_bestaat_niet(data):
    schrijf_thema(data,
                  afspraak(gerelateerd='\n      - afspraak: "2024-99"\n        reden: Hangt samen.'))
    assert regels(data, PAD) == [
        f"{PAD}:10:19: afspraken[1].gerelateerd[1].afspraak: onbekende afspraak '2024-99'; "
        "bedoelde u '2024-9'?"]


def test_voortzetting_van_bestaat_niet_of_niet_eerder(data):
    schrijf_thema(data, afspraak(voortzetting_van='"2023-40"'))
    assert regels(data, PAD) == [
        f"{PAD}:9:23: afspraken[1].voortzetting_van: onbekende afspraak '2023-40'; bedoelde u '2024-40'?"]
    schrijf_thema(data, afspraak(voortzetting_van='"2024-18"', nummer="40"))
    assert regels(data, PAD) == [
        f"{PAD}:9:23: afspraken[1].voortzetting_van: '2024-18' is niet uit een eerder jaar dan 2024"]


def test_jaar_in_bestand_past_niet_bij_map(data):
    pad = data / "2024/leefbaarheid.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("jaar: 2024", "jaar: 2025", 1), encoding="utf-8")
    assert regels(data, PAD) == [
        f"{PAD}:3:7: jaar: dit bestand staat in de map 2024, maar noemt jaar 2025"]


def test_themabestand_voor_onbekend_thema(data):
    bron = (data / "2024/leefbaarheid.yaml").read_text(encoding="utf-8")
    (data / "2024/leefbaarheid.yaml").unlink()
    (data / "2024/leefbaarhijd.yaml").write_text(bron, encoding="utf-8")
    assert regels(data, "data/2024/leefbaarhijd.yaml") == [
        "data/2024/leefbaarhijd.yaml:4:8: thema: bestand voor een onbekend thema 'leefbaarhijd'; bekende thema's "
        "staan in data/themas.yaml; bedoelde u 'leefbaarheid'?"]


def test_gat_in_nummering_is_een_waarschuwing(data):
    pad = data / "2024/leefbaarheid.yaml"
    tekst = pad.read_text(encoding="utf-8")
    begin, eind = tekst.index("  - nummer: 45\n"), tekst.index("  - nummer: 46\n")
    pad.write_text(tekst[:begin] + tekst[eind:], encoding="utf-8")
    regelnr = tekst[:begin].count("\n") + 1
    assert regels(data) == []
    assert regels(data, alleen_fouten=False) == [
        f"{PAD}:{regelnr}:13: afspraken[6].nummer: waarschuwing: afspraak 45 ontbreekt in dit jaar "
        "(de nummering springt van 44 naar 46)"]


def test_onbekende_partij_in_groep_en_ondertekening(data):
    pad = data / "partijen.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("leden: [woonborg, de-volmacht]",
                                                           "leden: [woonborg, volmacht]"), encoding="utf-8")
    uit = regels(data, "data/partijen.yaml")
    assert len(uit) == 1 and uit[0].endswith("onbekende partij 'volmacht'; bedoelde u 'de-volmacht'?")


def test_verantwoordelijk_leeg_zonder_uitleg(data):
    schrijf_thema(data, afspraak(verantwoordelijk="[]"))
    assert regels(data, PAD) == [
        f"{PAD}:8:23: afspraken[1].verantwoordelijk: geen verantwoordelijke partij: leg in 'opmerkingen' uit waarom"]


def test_verouderde_herstelling(data):
    pad = data / "2024/bron/herstellingen.yaml"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst.replace('van: "vanuit het 0GGZ netwerk"', 'van: "vanuit het 0GGZ netwerkje"'),
                   encoding="utf-8")
    (regel,) = regels(data, "data/2024/bron/herstellingen.yaml")
    assert regel.endswith("van: deze tekst staat niet (meer) in de bron; klopt de herstelling nog?")


def test_onbekend_bestand_en_ontbrekende_jaarschijf(data):
    (data / "partijen.yml").write_text("partijen: []\n", encoding="utf-8")
    (data / "2024/jaarschijf.yaml").unlink()
    uit = regels(data)
    assert "data/2024/jaarschijf.yaml:1:1: bestand ontbreekt; elk jaar heeft een jaarschijf.yaml" in uit
    assert any(r.startswith("data/partijen.yml:1:1: onbekend bestand in data/") and
               r.endswith("bedoelde u 'partijen.yaml'?") for r in uit)
