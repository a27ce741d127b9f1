"""Who does it (`uitvoerders`) and the shape of targets (`id`, `deel_van`): every message.

Runs on a copy of the fixture set een-jaar (Lindeveld, 2030: commitments 2030-1..5; the
group `verhuurder-en-huurders` is Woonkring and Huurdersraad Woonkring); PAD is its theme
without commitments, which the tests overwrite with commitment 2030-6.
"""
from conftest import BEKEND, PAD, regels, schrijf_thema, vervang
from macros.gegevens import wie_en_doelen as controle
from macros.gegevens.laden import Leesgeheugen, laad


def afspraak(velden: str, tekst: str = "De huurdersraad bezoekt alle huurders in De Akkers.",
             verantwoordelijk: str = "[verhuurder-en-huurders]") -> str:
    """PAD with commitment 2030-6; `velden` are YAML lines at the commitment's level (line 9 on)."""
    return ("jaar: 2030\nthema: tijdelijk-wonen\nafspraken:\n  - nummer: 6\n    titel: Bezoek\n"
            f"    kop: Woonkring en de huurdersraad\n    verantwoordelijk: {verantwoordelijk}\n"
            f"    tekst: {tekst}\n{velden}")


# --- uitvoerders --------------------------------------------------------------------------

def test_goed_ingevuld_geeft_geen_melding(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(
        "    uitvoerders:\n"
        "      - wie: [huurdersraad-woonkring]\n"
        "        woorden: De huurdersraad bezoekt\n"))
    assert regels(data, PAD, alleen_fouten=False) == []


def test_onbekende_uitvoerder_met_suggestie(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(
        "    uitvoerders:\n"
        "      - wie: [huurdersraad-woonkrin]\n"
        "        woorden: De huurdersraad bezoekt\n"))
    assert regels(data, PAD) == [
        f"{PAD}:11:15: afspraken[1].uitvoerders[1].wie[1]: onbekende partij of groep 'huurdersraad-woonkrin'; "
        f"{BEKEND['partij of groep']}; bedoelde u 'huurdersraad-woonkring'?"]


def test_woorden_die_niet_in_de_tekst_staan(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(
        "    uitvoerders:\n"
        "      - wie: [huurdersraad-woonkring]\n"
        "        woorden: De huurdersraad bezoekt alle huurders in Beekdorp\n"))
    assert regels(data, PAD) == [
        f"{PAD}:12:18: afspraken[1].uitvoerders[1].woorden: {controle.woorden_niet_in_tekst()}"]
    assert controle.woorden_niet_in_tekst() == (
        "deze woorden staan niet in de tekst van de afspraak; neem ze letterlijk uit 'tekst' over")


def test_woorden_over_een_regeleinde_tellen_als_een_spatie(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(
        "    uitvoerders:\n"
        "      - wie: [huurdersraad-woonkring]\n"
        "        woorden: De huurdersraad\n          bezoekt\n"))
    assert regels(data, PAD) == []


def test_volgens_tussenkop_met_een_partij_buiten_de_kop(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(
        "    uitvoerders:\n"
        "      - wie: [gemeente-lindeveld]\n"
        "        woorden: Bezoekt alle huurders\n"
        "        volgens: tussenkop\n", tekst="Bezoekt alle huurders in De Akkers."))
    assert regels(data, PAD) == [
        f"{PAD}:11:15: afspraken[1].uitvoerders[1].wie[1]: 'gemeente-lindeveld' valt niet onder de tussenkop "
        "van deze afspraak (verantwoordelijk: verhuurder-en-huurders); met 'volgens: tussenkop' noemt u alleen "
        "partijen van de tussenkop"]


def test_volgens_tussenkop_zonder_tussenkop(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(
        "    opmerkingen: [Geen tussenkop in de bron.]\n"
        "    uitvoerders:\n"
        "      - wie: [samen]\n"
        "        woorden: Bezoekt\n"
        "        volgens: tussenkop\n", tekst="Bezoekt alle huurders.", verantwoordelijk="[]"))
    assert regels(data, PAD) == [
        f"{PAD}:12:15: afspraken[1].uitvoerders[1].wie[1]: 'samen' valt niet onder de tussenkop van deze "
        "afspraak (verantwoordelijk: niemand); met 'volgens: tussenkop' noemt u alleen partijen van de tussenkop"]


def test_onzeker_zonder_opmerking(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(
        "    uitvoerders:\n"
        "      - wie: [samen]\n"
        "        woorden: De huurdersraad bezoekt\n"
        "        onzeker: true\n"))
    assert regels(data, PAD) == [f"{PAD}:11:9: afspraken[1].uitvoerders[1]: verplicht veld 'opmerking' ontbreekt"]


def test_volgens_met_een_onbekende_waarde(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(
        "    uitvoerders:\n"
        "      - wie: [huurdersraad-woonkring]\n"
        "        woorden: De huurdersraad bezoekt\n"
        "        volgens: kop\n"))
    assert regels(data, PAD) == [
        f"{PAD}:13:18: afspraken[1].uitvoerders[1].volgens: 'kop' is geen geldige waarde; kies uit: tekst, "
        "tussenkop"]


def test_tekst_noemt_een_partij_van_de_groep_is_een_waarschuwing(gegevens):
    """Without `uitvoerders`, both parties of the group would get a visit only one makes."""
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak("", tekst="Woonkring bezoekt alle huurders in De Akkers."))
    assert regels(data, PAD) == []
    assert regels(data, PAD, alleen_fouten=False) == [
        f"{PAD}:8:23: afspraken[1].verantwoordelijk: waarschuwing: {controle.tekst_noemt_partij(['Woonkring'])}"]
    assert controle.tekst_noemt_partij(["Woonkring"]) == (
        "de tekst noemt Woonkring, de tussenkop een groep: zeg met 'uitvoerders' wie het volgens de tekst "
        "doet, anders krijgt elke partij van de groep deze afspraak")


def test_tekst_die_alle_partijen_van_de_groep_noemt_sluit_niemand_uit(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak("", tekst="Woonkring en Huurdersraad Woonkring bezoeken de huurders."))
    assert regels(data, PAD, alleen_fouten=False) == []


# --- targets: totals and parts ----------------------------------------------------------------

def doelen(*regels_: str) -> str:
    """`doelen:` of the commitment; each item one line in flow style (line 11 is the first)."""
    return "    doelen:\n" + "".join(f"      - {{{r}}}\n" for r in regels_)


TOTAAL = "id: bouw, wat: woningen, aantal: 30, eenheid: woningen"


def test_totaal_met_delen_per_plaats_is_goed(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(doelen(
        TOTAAL,
        "deel_van: bouw, wat: woningen, aantal: 20, eenheid: woningen, plaats: beekdorp",
        "deel_van: bouw, wat: woningen, aantal: 10, eenheid: woningen, plaats: heidezand"),
        tekst="Woonkring en Huurdersraad Woonkring bouwen 30 woningen, 20 in Beekdorp en 10 in Heidezand."))
    assert regels(data, PAD, alleen_fouten=False) == []


def test_deel_van_een_onbekend_totaal(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(doelen(TOTAAL, "deel_van: bouwen, wat: woningen, aantal: 20, eenheid: woningen")))
    assert regels(data, PAD) == [
        f"{PAD}:12:20: afspraken[1].doelen[2].deel_van: onbekend totaal 'bouwen'; bekend zijn: bouw; "
        "bedoelde u 'bouw'? (een 'id' van een doel van deze afspraak)"]


def test_deel_zonder_totaal_met_een_id(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(doelen("wat: woningen, aantal: 30, eenheid: woningen",
                                        "deel_van: bouw, wat: woningen, aantal: 20, eenheid: woningen")))
    assert regels(data, PAD) == [
        f"{PAD}:12:20: afspraken[1].doelen[2].deel_van: geen doel van deze afspraak heeft 'id: bouw'; geef het "
        "totaal waar dit getal een deel van is dat id"]


def test_twee_totalen_met_hetzelfde_id(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(doelen(TOTAAL, "id: bouw, wat: gesloopt, aantal: 5, eenheid: woningen")))
    assert regels(data, PAD) == [
        f"{PAD}:12:14: afspraken[1].doelen[2].id: het id 'bouw' staat al bij doelen[1] van deze afspraak; "
        "geef elk totaal een eigen id"]


def test_deel_van_een_deel(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(doelen(
        TOTAAL,
        "id: beek, deel_van: bouw, wat: woningen, aantal: 20, eenheid: woningen",
        "deel_van: beek, wat: woningen, aantal: 5, eenheid: woningen")))
    assert regels(data, PAD) == [
        f"{PAD}:13:20: afspraken[1].doelen[3].deel_van: 'beek' is zelf een deel van een ander doel; een deel "
        "hoort bij een totaal"]


def test_deel_van_zichzelf(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(doelen("id: bouw, deel_van: bouw, wat: woningen, aantal: 30, eenheid: woningen")))
    assert regels(data, PAD) == [
        f"{PAD}:11:30: afspraken[1].doelen[1].deel_van: 'bouw' is zelf een deel van een ander doel; een deel "
        "hoort bij een totaal"]


def test_deel_in_een_andere_eenheid(gegevens):
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(doelen(TOTAAL, "deel_van: bouw, wat: woningen, aantal: 20, eenheid: procent")))
    assert regels(data, PAD) == [
        f"{PAD}:12:20: afspraken[1].doelen[2].deel_van: een deel telt in dezelfde eenheid als zijn totaal: "
        "hier 'procent', bij 'bouw' 'woningen'"]


def test_delen_meer_dan_het_totaal(gegevens):
    """Parts stored as totals (or a total typed as a part) add up to more than the total."""
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(doelen(
        TOTAAL,
        "deel_van: bouw, wat: woningen, aantal: 20, eenheid: woningen",
        "deel_van: bouw, wat: woningen, aantal: 30, eenheid: woningen")))
    assert regels(data, PAD) == [
        f"{PAD}:11:43: afspraken[1].doelen[1].aantal: de delen van 'bouw' tellen op tot 50, meer dan het "
        "totaal 30; is een van die getallen zelf een totaal?"]


def test_delen_met_een_grens_of_een_totaal_met_een_grens_mogen_meer(gegevens):
    """'ten minste 30, waarvan ...' and 'maximaal 5 van ...' bound, they do not add up."""
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak(doelen(
        TOTAAL + ", grens: minimaal",
        "deel_van: bouw, wat: woningen, aantal: 20, eenheid: woningen",
        "deel_van: bouw, wat: woningen, aantal: 30, eenheid: woningen")))
    assert regels(data, PAD) == []
    schrijf_thema(data, afspraak(doelen(
        TOTAAL,
        "deel_van: bouw, wat: woningen, aantal: 20, eenheid: woningen, grens: maximaal",
        "deel_van: bouw, wat: woningen, aantal: 30, eenheid: woningen, grens: maximaal")))
    assert regels(data, PAD) == []


def test_onder_make_serve_telt_een_nieuwe_naam_van_een_partij_mee(gegevens):
    """`make serve` keeps a year's checks while its files and what they look up stay the same;
    a party's name is looked up (the warning above), so renaming it checks the year again."""
    data = gegevens("een-jaar")
    schrijf_thema(data, afspraak("", tekst="Woonkring bezoekt alle huurders in De Akkers."))
    geheugen = Leesgeheugen()
    assert [m.veld for m in laad(data, geheugen=geheugen).meldingen] == ["afspraken[1].verantwoordelijk"]
    vervang(data, "data/partijen.yaml", "    naam: Woonkring\n", "    naam: Woonring\n")
    assert laad(data, geheugen=geheugen).meldingen == []
    vervang(data, "data/partijen.yaml", "    naam: Woonring\n", "    naam: Woonkring\n")
    assert len(laad(data, geheugen=geheugen).meldingen) == 1
    vervang(data, "data/partijen.yaml", "leden: [woonkring, huurdersraad-woonkring]", "leden: [woonkring]")
    assert laad(data, geheugen=geheugen).meldingen == []  # the text names the group's only party
