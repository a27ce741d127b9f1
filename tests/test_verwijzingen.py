"""Checks across files: ids must exist, numbers must be unique, years must agree.

Runs on a copy of the fixture set een-jaar (Lindeveld, 2030: commitments 2030-1..5);
PAD is its theme without commitments, which the tests overwrite.
"""
from conftest import BEKEND, PAD, regels, schrijf_thema, vervang


def afspraak(**velden) -> str:
    """PAD's theme file with one commitment (2030-6, the next free number), fields overridable."""
    standaard = {"nummer": "6", "titel": "Rondrit", "tekst": "Tekst.", "verantwoordelijk": "[samen]"}
    standaard.update(velden)
    regels_ = "".join(f"    {k}: {v}\n" for k, v in standaard.items())
    return "jaar: 2030\nthema: tijdelijk-wonen\nafspraken:\n  - " + regels_.lstrip()


def test_onbekende_partij_met_suggestie(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(verantwoordelijk="[woonkrnig]"))
    assert regels(data, PAD) == [
        f"{PAD}:8:24: afspraken[1].verantwoordelijk[1]: onbekende partij of groep 'woonkrnig'; "
        f"{BEKEND['partij of groep']}; bedoelde u 'woonkring'?"]


def test_onbekende_groep(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(verantwoordelijk="[verhuurder-en-huurder]"))
    assert regels(data, PAD) == [
        f"{PAD}:8:24: afspraken[1].verantwoordelijk[1]: onbekende partij of groep 'verhuurder-en-huurder'; "
        f"{BEKEND['partij of groep']}; bedoelde u 'verhuurder-en-huurders'?"]


def test_onbekende_plaats_en_document(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(plaatsen="[beekdrop]", documenten="[woonplan-lindevel]"))
    assert regels(data, PAD) == [
        f"{PAD}:9:16: afspraken[1].plaatsen[1]: onbekende plaats 'beekdrop'; {BEKEND['plaats']}; "
        "bedoelde u 'beekdorp'?",
        f"{PAD}:10:18: afspraken[1].documenten[1]: onbekend document 'woonplan-lindevel'; "
        f"{BEKEND['document']}; bedoelde u 'woonplan-lindeveld'?",
    ]


def test_onbekende_plaats_zonder_gelijkenis_noemt_de_bekende(gegevens):
    """Without a close match, the message lists what fits (a short list only)."""
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(plaatsen="[zzz]"))
    assert regels(data, PAD) == [
        f"{PAD}:9:16: afspraken[1].plaatsen[1]: onbekende plaats 'zzz'; {BEKEND['plaats']}"]


def test_dubbel_nummer_in_een_jaar(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(nummer="1"))
    assert regels(data) == [
        "data/2030/woningbouw.yaml:9:13: afspraken[1].nummer: afspraak 1 bestaat al in dit jaar "
        f"({PAD}:5); een nummer komt één keer voor"]


def test_gerelateerde_afspraak_bestaat_niet(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data,
                  afspraak(gerelateerd='\n      - afspraak: "2030-55"\n        reden: Hangt samen.'))
    assert regels(data, PAD) == [
        f"{PAD}:10:19: afspraken[1].gerelateerd[1].afspraak: onbekende afspraak '2030-55'; "
        "bekend zijn: 2030-1, 2030-2, 2030-3, 2030-4, 2030-5, 2030-6; bedoelde u '2030-5'?"]


def test_voortzetting_van_bestaat_niet_of_niet_eerder(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(voortzetting_van='"2029-6"'))
    assert regels(data, PAD) == [
        f"{PAD}:9:23: afspraken[1].voortzetting_van: onbekende afspraak '2029-6'; "
        "bekend zijn: 2030-1, 2030-2, 2030-3, 2030-4, 2030-5, 2030-6; bedoelde u '2030-6'?"]
    schrijf_thema(data, afspraak(voortzetting_van='"2030-1"'))
    assert regels(data, PAD) == [
        f"{PAD}:9:23: afspraken[1].voortzetting_van: '2030-1' is niet uit een eerder jaar dan 2030"]


def test_jaar_in_bestand_past_niet_bij_map(gegevens):
    data = gegevens("een-jaar")
    vervang(data, PAD, "jaar: 2030", "jaar: 2031")
    assert regels(data, PAD) == [
        f"{PAD}:3:7: jaar: dit bestand staat in de map 2030, maar noemt jaar 2031"]


def test_themabestand_voor_onbekend_thema(gegevens):
    data = gegevens("een-jaar")
    (data.parent / PAD).rename(data / "2030/tijdelijk-wonn.yaml")
    assert regels(data, "data/2030/tijdelijk-wonn.yaml") == [
        "data/2030/tijdelijk-wonn.yaml:4:8: thema: bestand voor een onbekend thema 'tijdelijk-wonn'; bekende "
        "thema's staan in data/themas.yaml; bedoelde u 'tijdelijk-wonen'?"]


def test_gat_in_nummering_is_een_waarschuwing(gegevens):
    data = gegevens("een-jaar")
    pad = data / "2030/huur-en-woonlasten.yaml"
    tekst = pad.read_text(encoding="utf-8")
    begin, eind = tekst.index("  - nummer: 4\n"), tekst.index("  - nummer: 5\n")
    pad.write_text(tekst[:begin] + tekst[eind:], encoding="utf-8")
    assert regels(data) == []
    assert regels(data, alleen_fouten=False) == [
        "data/2030/huur-en-woonlasten.yaml:7:13: afspraken[1].nummer: waarschuwing: afspraak 4 ontbreekt in "
        "dit jaar (de nummering springt van 3 naar 5)"]


def test_onbekende_partij_in_groep_en_ondertekening(gegevens):
    data = gegevens("een-jaar")
    vervang(data, "data/partijen.yaml", "leden: [woonkring, huurdersraad-woonkring]",
            "leden: [woonkring, huurdersraad]")
    vervang(data, "data/2030/jaarschijf.yaml", "- partij: woonkring", "- partij: woonkrng")
    assert regels(data) == [
        "data/2030/jaarschijf.yaml:39:15: ondertekening.ondertekenaars[2].partij: onbekende partij 'woonkrng'; "
        f"{BEKEND['partij']}; bedoelde u 'woonkring'?",
        "data/partijen.yaml:23:24: groepen[2].leden[2]: onbekende partij 'huurdersraad'; "
        f"{BEKEND['partij']}; bedoelde u 'huurdersraad-woonkring'?",
    ]


def test_verantwoordelijk_leeg_zonder_uitleg(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(verantwoordelijk="[]"))
    assert regels(data, PAD) == [
        f"{PAD}:8:23: afspraken[1].verantwoordelijk: geen verantwoordelijke partij: leg in 'opmerkingen' uit waarom"]


def test_verouderde_herstelling(gegevens):
    data = gegevens("een-jaar")
    pad = "data/2030/bron/herstellingen.yaml"
    vervang(data, pad, 'van: "nul ontruimlngen"', 'van: "nul ontruimlngen meer"')
    assert regels(data, pad) == [
        f"{pad}:5:10: herstellingen[1].van: deze tekst staat niet (meer) in de bron; klopt de herstelling nog?"]


def test_onbekend_bestand_en_ontbrekende_jaarschijf(gegevens):
    data = gegevens("een-jaar")
    (data / "partijen.yml").write_text("partijen: []\n", encoding="utf-8")
    (data / "2030/jaarschijf.yaml").unlink()
    uit = regels(data)
    assert "data/2030/jaarschijf.yaml:1:1: bestand ontbreekt; elk jaar heeft een jaarschijf.yaml" in uit
    assert any(r.startswith("data/partijen.yml:1:1: onbekend bestand in data/") and
               r.endswith("bedoelde u 'partijen.yaml'?") for r in uit)


def test_tekst_met_een_moment_zonder_termijn_is_een_waarschuwing(gegevens):
    """A text that names a moment ('in 2030', 'Q2') shows a deadline; without one, the page
    would say 'Geen termijn genoemd'."""
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(tekst="Verkoopt in 2030 hoogstens 3 woningen."))
    assert regels(data, PAD) == []
    assert regels(data, PAD, alleen_fouten=False) == [
        f"{PAD}:7:12: afspraken[1].tekst: waarschuwing: de tekst noemt een moment ('in 2030'), maar de "
        "afspraak heeft geen 'termijn'; vul die in, zodat de site bij 'Wanneer' niet 'Geen termijn genoemd' zegt"]
    schrijf_thema(data, afspraak(tekst="Partijen spreken af in Q2 wie het doet."))
    assert [r.split("noemt een moment ")[1][:6] for r in regels(data, PAD, alleen_fouten=False)] == ["('Q2')"]
    schrijf_thema(data, afspraak(tekst="Verkoopt in 2030 hoogstens 3 woningen.",
                                 termijn="\n      tekst: in 2030\n      jaar: 2030"))
    assert regels(data, PAD, alleen_fouten=False) == []
    schrijf_thema(data, afspraak(tekst="De peildatum is 1 januari 2022, het onderzoek van 2023."))
    assert regels(data, PAD, alleen_fouten=False) == []  # a date or a year alone is no deadline


def test_markering_van_de_bron_zonder_opmerking(gegevens):
    """[…] and [sic] always come with a note that says what the document has there."""
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(tekst='"Woonkring bouwt [sic] woningen en […]."'))
    assert regels(data, PAD) == [
        f"{PAD}:7:12: afspraken[1].tekst: de tekst heeft [sic], maar geen opmerking die zegt wat daar in het document "
        "staat; zet die in 'opmerkingen' (van de afspraak, het thema of het jaar)",
        f"{PAD}:7:12: afspraken[1].tekst: de tekst heeft […], maar geen opmerking die zegt wat daar in het document "
        "staat; zet die in 'opmerkingen' (van de afspraak, het thema of het jaar)"]
    schrijf_thema(data, afspraak(tekst='"Woonkring bouwt [sic] woningen."',
                                 opmerkingen='\n      - Zo staat het in het document.'))
    assert regels(data, PAD) == []


def test_kolom_van_de_redactie_staat_niet_in_de_tabel(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, "jaar: 2030\nthema: tijdelijk-wonen\nafspraken: []\ntabellen:\n  - id: proef\n"
                        "    titel: Proef\n    kolommen: [Dorp, Aantal]\n    kolommen_van_de_redactie: [Dropr]\n"
                        "    rijen:\n      - [Beekdorp, 3]\n")
    assert regels(data, PAD) == [
        f"{PAD}:9:32: tabellen[1].kolommen_van_de_redactie[1]: 'Dropr' staat niet in 'kolommen' van deze tabel; "
        "bedoelde u 'Dorp'?"]
