"""Progress entries (data/<jaar>/voortgang.yaml): every check the schema cannot express.

Runs on a copy of the fixture set gevolgd (Lindeveld, 2021 and 2022). The tests replace
2021's progress file by the entries they write: line 1 is the schema line, line 2 `jaar`,
line 3 `voortgang:`, and the first entry starts on line 4. What matters of 2021:
- 2021-1 has three targets: a total of 20 new homes (id nieuwbouw) and its parts in
  Beekdorp (12) and Heidezand (8); 2021-4 one target in energy labels; 2021-2 none;
- 2021 has commitments 1 to 10; 2022-1 continues 2021-4, 2022-2 continues 2021-1.
"""
from __future__ import annotations

import shutil
from datetime import date

import pytest

from conftest import DATA, GEGEVENSSETS, maak_gegevens, regels, schrijf
from macros.gegevens import voortgangcontroles as controle
from macros.gegevens.laden import Leesgeheugen, laad

PAD = "data/2021/voortgang.yaml"
KOP = "# yaml-language-server: $schema=../schema/voortgang.schema.json\n"
AFSPRAKEN_2021 = ", ".join(f"2021-{n}" for n in range(1, 11))
BRON = '      - {titel: Bericht, soort: bericht, datum: "2021-07-01"}\n'


def regel(nummer: int = 1, afspraak: str = "2021-2", status: str = "loopt", extra: str = "",
          peildatum: str = "2021-06-30", vastgelegd: str = "2021-07-15", bronnen: str = BRON) -> str:
    """One entry: `  - nummer:` on its first line, then afspraak (+1), peildatum (+2),
    vastgelegd (+3), status (+4), toelichting (+5), beoordeeld_door (+6), `bronnen` (+7) with
    its sources (+8 on), then `extra` (lines at the entry's level)."""
    return (f"  - nummer: {nummer}\n"
            f'    afspraak: "{afspraak}"\n'
            f'    peildatum: "{peildatum}"\n'
            f'    vastgelegd: "{vastgelegd}"\n'
            f"    status: {status}\n"
            "    toelichting: Zo staat het ervoor.\n"
            "    beoordeeld_door: woonkring\n"
            + (f"    bronnen:\n{bronnen}" if bronnen else "")
            + extra)


def schrijf_voortgang(datamap, *regels_: str, jaar: int = 2021) -> None:
    schrijf(datamap / str(jaar) / "voortgang.yaml", f"jaar: {jaar}\nvoortgang:\n" + "".join(regels_), kop=KOP)


def uit(datamap, alleen_fouten: bool = True) -> list[str]:
    return regels(datamap, PAD, alleen_fouten)


@pytest.fixture
def kopie(gegevens):
    return gegevens("gevolgd")


# --- clean data --------------------------------------------------------------------------------

@pytest.mark.parametrize("naam", [*GEGEVENSSETS, "live"])
def test_de_testgegevens_en_de_echte_gegevens_hebben_geen_meldingen_over_voortgang(naam, tmp_path):
    datamap = DATA if naam == "live" else maak_gegevens(naam, tmp_path)
    assert [r for r in regels(datamap, alleen_fouten=False) if "/voortgang.yaml:" in r] == []


def test_een_goede_regel_geeft_geen_melding(kopie):
    schrijf_voortgang(kopie, regel(), regel(2, vastgelegd="2021-07-16"))
    assert uit(kopie, alleen_fouten=False) == []


# --- 1. the year and the commitment -----------------------------------------------------------

def test_jaar_is_dat_van_de_map(kopie):
    schrijf(kopie / "2021/voortgang.yaml", "jaar: 2022\nvoortgang:\n" + regel(), kop=KOP)
    assert uit(kopie) == [f"{PAD}:2:7: jaar: dit bestand staat in de map 2021, maar noemt jaar 2022"]


def test_onbekende_afspraak(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-11"))
    assert uit(kopie) == [
        f"{PAD}:5:15: voortgang[1].afspraak: onbekende afspraak '2021-11'; bekend zijn: {AFSPRAKEN_2021}; "
        "bedoelde u '2021-1'?"]


def test_afspraak_van_een_ander_jaar(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2022-1"))
    assert uit(kopie) == [
        f"{PAD}:5:15: voortgang[1].afspraak: afspraak 2022-1 is niet van 2021; voortgang van een afspraak "
        "staat in de voortgang.yaml van haar eigen jaar (data/2022/voortgang.yaml)"]


# --- 2. numbers ----------------------------------------------------------------------------------

def test_een_nummer_komt_een_keer_voor(kopie):
    schrijf_voortgang(kopie, regel(1), regel(1, vastgelegd="2021-07-16"))
    assert uit(kopie) == [
        f"{PAD}:13:13: voortgang[2].nummer: regel 1 bestaat al ({PAD}:4); een nieuwe regel krijgt het "
        "volgende nummer, hier 2"]


def test_een_nieuwe_regel_komt_onderaan(kopie):
    schrijf_voortgang(kopie, regel(1), regel(3, vastgelegd="2021-07-16"), regel(2, vastgelegd="2021-07-17"))
    assert uit(kopie, alleen_fouten=False) == [
        f"{PAD}:13:13: voortgang[2].nummer: waarschuwing: regel 2 ontbreekt (de nummering springt van 1 naar "
        "3); haal nooit een regel weg, maar corrigeer hem met een nieuwe regel",
        f"{PAD}:22:13: voortgang[3].nummer: regel 2 staat onder regel 3; een nieuwe regel komt onderaan met "
        "het volgende nummer, hier 4"]


def test_een_gat_in_de_nummering_is_een_waarschuwing(kopie):
    schrijf_voortgang(kopie, regel(1), regel(5, vastgelegd="2021-07-16"))
    assert uit(kopie) == []
    assert uit(kopie, alleen_fouten=False) == [
        f"{PAD}:13:13: voortgang[2].nummer: waarschuwing: regels 2 t/m 4 ontbreken (de nummering springt "
        "van 1 naar 5); haal nooit een regel weg, maar corrigeer hem met een nieuwe regel"]


# --- 3. dates ------------------------------------------------------------------------------------

def test_vastgelegd_voor_de_peildatum(kopie):
    schrijf_voortgang(kopie, regel(peildatum="2021-12-31", vastgelegd="2021-07-15"))
    assert uit(kopie) == [
        f"{PAD}:7:17: voortgang[1].vastgelegd: vastgelegd op 2021-07-15, vóór de peildatum 2021-12-31; de "
        "stand van een dag legt u op of na die dag vast"]


def test_vastgelegd_eerder_dan_de_regel_erboven(kopie):
    schrijf_voortgang(kopie, regel(1, vastgelegd="2021-08-01"), regel(2, vastgelegd="2021-07-15"))
    assert uit(kopie) == [
        f"{PAD}:16:17: voortgang[2].vastgelegd: vastgelegd op 2021-07-15, eerder dan regel 1 erboven "
        "(2021-08-01); een nieuwe regel komt onderaan, met de dag waarop u hem vastlegt"]


def test_geen_datum_na_de_dag_van_de_controle(kopie):
    """The day of the check is given (`vandaag`), so the test holds on any day."""
    schrijf_voortgang(kopie, regel(
        afspraak="2021-1", peildatum="2021-07-01", vastgelegd="2021-07-02",
        bronnen='      - {titel: Bericht, datum: "2021-07-03"}\n',
        extra="    gerealiseerd:\n      - {doel: 1, aantal: 6, eenheid: woningen, datum: \"2021-07-04\"}\n"))
    assert [m.als_regel() for m in laad(kopie, vandaag=date(2021, 7, 4)).meldingen if m.pad == PAD] == []
    meldingen = [m.als_regel() for m in laad(kopie, vandaag=date(2021, 6, 30)).meldingen if m.pad == PAD]
    na = "ligt na vandaag (2021-06-30); voortgang gaat over wat al gebeurd is: vul een datum in die al geweest is"
    assert meldingen == [
        f"{PAD}:6:16: voortgang[1].peildatum: 2021-07-01 {na}",
        f"{PAD}:7:17: voortgang[1].vastgelegd: 2021-07-02 {na}",
        f"{PAD}:12:33: voortgang[1].bronnen[1].datum: 2021-07-03 {na}",
        f"{PAD}:14:56: voortgang[1].gerealiseerd[1].datum: 2021-07-04 {na}"]


def test_zonder_vandaag_telt_de_dag_van_vandaag(kopie):
    morgen = date.fromordinal(date.today().toordinal() + 1).isoformat()
    schrijf_voortgang(kopie, regel(peildatum="2021-06-30", vastgelegd=morgen))
    assert uit(kopie) == [f"{PAD}:7:17: voortgang[1].vastgelegd: "
                         + controle.na_vandaag(date.fromisoformat(morgen), date.today())]


def test_het_geheugen_rekent_opnieuw_als_de_dag_verandert(kopie):
    """make serve keeps a year's checks; on another day a date may have passed."""
    schrijf_voortgang(kopie, regel(peildatum="2021-12-31", vastgelegd="2022-07-10"))
    geheugen = Leesgeheugen()
    eerst = laad(kopie, geheugen=geheugen, vandaag=date(2022, 7, 9))
    assert [m.als_regel() for m in eerst.meldingen] == [
        f"{PAD}:7:17: voortgang[1].vastgelegd: {controle.na_vandaag(date(2022, 7, 10), date(2022, 7, 9))}"]
    assert eerst.model is None
    later = laad(kopie, geheugen=geheugen, vandaag=date(2022, 7, 10))
    assert later.meldingen == [] and later.model is not None
    weer = laad(kopie, geheugen=geheugen, vandaag=date(2022, 7, 9))
    assert weer.meldingen == eerst.meldingen


# --- 4. what a status needs --------------------------------------------------------------------

@pytest.mark.parametrize("status", ["vertraagd", "stilgelegd", "niet-gerealiseerd"])
def test_reden_verplicht(kopie, status):
    schrijf_voortgang(kopie, regel(status=status))
    assert uit(kopie) == [f"{PAD}:4:5: voortgang[1].reden: bij status '{status}' is 'reden' verplicht: zeg in "
                         "gewone woorden waarom"]


def test_met_reden_is_het_goed(kopie):
    schrijf_voortgang(kopie, regel(status="vertraagd", extra="    reden: De aannemer had geen tijd.\n"))
    assert uit(kopie, alleen_fouten=False) == []


def test_doorgeschoven_zonder_opvolger(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-4", status="doorgeschoven"))
    assert uit(kopie) == [
        f"{PAD}:4:5: voortgang[1].opvolger: bij status 'doorgeschoven' is 'opvolger' verplicht: de afspraak "
        "van een jaar na 2021 die dit voortzet, als <jaar>-<nummer>"]


def test_doorgeschoven_met_de_juiste_opvolger(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-4", status="doorgeschoven", extra='    opvolger: "2022-1"\n'))
    assert uit(kopie, alleen_fouten=False) == []


def test_opvolger_bij_een_andere_status(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-4", extra='    opvolger: "2022-1"\n'))
    assert uit(kopie) == [
        f"{PAD}:13:5: voortgang[1].opvolger: 'opvolger' hoort alleen bij status 'doorgeschoven', hier staat "
        "'loopt'; haal het weg of kies die status"]


def test_onbekende_opvolger(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-4", status="doorgeschoven", extra='    opvolger: "2022-4"\n'))
    assert uit(kopie) == [
        f"{PAD}:13:15: voortgang[1].opvolger: onbekende afspraak '2022-4'; bekend zijn: 2022-1, 2022-2, "
        "2022-3; bedoelde u '2022-3'?"]


def test_opvolger_uit_hetzelfde_jaar(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-4", status="doorgeschoven", extra='    opvolger: "2021-5"\n'))
    assert uit(kopie) == [
        f"{PAD}:13:15: voortgang[1].opvolger: '2021-5' is niet uit een later jaar dan 2021; de opvolger zet "
        "deze afspraak later voort"]


def test_opvolger_die_iets_anders_voortzet_is_een_waarschuwing(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-4", status="doorgeschoven", extra='    opvolger: "2022-2"\n'))
    assert uit(kopie) == []
    assert uit(kopie, alleen_fouten=False) == [
        f"{PAD}:13:15: voortgang[1].opvolger: waarschuwing: afspraak 2022-2 heeft niet 'voortzetting_van: "
        "\"2021-4\"'; zet dat bij 2022-2, of noem de afspraak die dit wel voortzet"]


def test_de_waarschuwing_verdwijnt_als_de_opvolger_verandert(kopie):
    """The cached checks of 2021 depend on a commitment of 2022: a change there counts."""
    schrijf_voortgang(kopie, regel(afspraak="2021-4", status="doorgeschoven", extra='    opvolger: "2022-2"\n'))
    geheugen = Leesgeheugen()
    assert len(laad(kopie, geheugen=geheugen).meldingen) == 1
    bestand = kopie / "2022/woningbouw.yaml"
    tekst = bestand.read_text(encoding="utf-8")
    bestand.write_text(tekst.replace('voortzetting_van: "2021-1"', 'voortzetting_van: "2021-4"'), encoding="utf-8")
    assert laad(kopie, geheugen=geheugen).meldingen == []


def test_vervallen_zonder_besluit(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-3", status="vervallen"))
    assert uit(kopie) == [
        f"{PAD}:12:7: voortgang[1].bronnen: bij status 'vervallen' is minstens één bron een besluit "
        "('soort: besluit'): het stuk waarin de partijen besloten dat de afspraak niet meer geldt"]


def test_vervallen_met_een_besluit(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-3", status="vervallen",
                                  bronnen=BRON + '      - {titel: Besluit, soort: besluit, datum: "2021-06-01"}\n'))
    assert uit(kopie, alleen_fouten=False) == []


@pytest.mark.parametrize("status", ["loopt", "gerealiseerd", "niet-toetsbaar"])
def test_een_beoordeling_heeft_een_bron(kopie, status):
    schrijf_voortgang(kopie, regel(status=status, bronnen=""))
    assert uit(kopie) == [f"{PAD}:4:5: voortgang[1].bronnen: bij status '{status}' is minstens één bron "
                         "verplicht: zeg onder 'bronnen' waar het staat"]


def test_nog_niet_beoordeeld_zonder_bron_is_goed(kopie):
    schrijf_voortgang(kopie, regel(status="nog-niet-beoordeeld", bronnen=""))
    assert uit(kopie, alleen_fouten=False) == []


def test_deels_gerealiseerd_zonder_aantal(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-1", status="deels-gerealiseerd"))
    assert uit(kopie) == [
        f"{PAD}:4:5: voortgang[1].gerealiseerd: bij status 'deels-gerealiseerd' hoort onder 'gerealiseerd' "
        "wat er bereikt is; deze afspraak heeft 3 doelen"]


def test_deels_gerealiseerd_zonder_doelen_heeft_geen_aantal_nodig(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-2", status="deels-gerealiseerd"))
    assert uit(kopie, alleen_fouten=False) == []


# --- 5. corrections --------------------------------------------------------------------------------

def test_corrigeert_zichzelf(kopie):
    schrijf_voortgang(kopie, regel(1, extra="    corrigeert: 1\n"))
    assert uit(kopie) == [f"{PAD}:13:17: voortgang[1].corrigeert: een regel corrigeert zichzelf niet; noem het "
                         "nummer van de eerdere regel die niet klopt"]


def test_corrigeert_een_latere_regel(kopie):
    schrijf_voortgang(kopie, regel(1, extra="    corrigeert: 2\n"), regel(2, vastgelegd="2021-07-16"))
    assert uit(kopie) == [f"{PAD}:13:17: voortgang[1].corrigeert: er staat geen regel 2 boven deze regel (1); "
                         "'corrigeert' noemt het nummer van een eerdere regel"]


def test_corrigeert_een_regel_over_een_andere_afspraak(kopie):
    schrijf_voortgang(kopie, regel(1), regel(2, afspraak="2021-3", vastgelegd="2021-07-16",
                                            extra="    corrigeert: 1\n"))
    assert uit(kopie) == [f"{PAD}:22:17: voortgang[2].corrigeert: regel 1 gaat over afspraak 2021-2, deze regel "
                         "over 2021-3; een correctie gaat over dezelfde afspraak"]


def test_een_regel_wordt_een_keer_gecorrigeerd(kopie):
    schrijf_voortgang(kopie, regel(1), regel(2, vastgelegd="2021-07-16", extra="    corrigeert: 1\n"),
                      regel(3, vastgelegd="2021-07-17", extra="    corrigeert: 1\n"))
    assert uit(kopie) == [f"{PAD}:32:17: voortgang[3].corrigeert: regel 1 is al gecorrigeerd door regel 2; klopt "
                         "die ook niet, corrigeer dan regel 2"]


def test_een_correctie_corrigeren_is_goed(kopie):
    schrijf_voortgang(kopie, regel(1), regel(2, vastgelegd="2021-07-16", extra="    corrigeert: 1\n"),
                      regel(3, vastgelegd="2021-07-17", extra="    corrigeert: 2\n"))
    assert uit(kopie, alleen_fouten=False) == []


# --- 6. who assessed it -----------------------------------------------------------------------------

def test_onbekend_wie_het_beoordeelde(kopie):
    schrijf_voortgang(kopie, regel().replace("beoordeeld_door: woonkring", "beoordeeld_door: redactei"))
    assert uit(kopie) == [
        f"{PAD}:10:22: voortgang[1].beoordeeld_door: onbekende partij of groep 'redactei'; bekend zijn: "
        "gemeente-lindeveld, woonkring, huurdersraad-woonkring, samen, verhuurder-en-huurders, redactie; "
        "bedoelde u 'redactie'?"]


# --- 7. sources ---------------------------------------------------------------------------------------

def test_onbekend_document(kopie):
    schrijf_voortgang(kopie, regel(bronnen='      - {titel: Evaluatie, document: evaluatie-2012, datum: "2021-07-01"}\n'))
    assert uit(kopie) == [
        f"{PAD}:12:38: voortgang[1].bronnen[1].document: onbekend document 'evaluatie-2012'; bekend zijn: "
        "woonplan-lindeveld, meerjarenafspraken, evaluatie-2021; bedoelde u 'evaluatie-2021'?"]


def test_een_bron_zonder_adres_en_zonder_document_is_goed(kopie):
    schrijf_voortgang(kopie, regel(bronnen='      - {titel: Verslag op papier, datum: "2021-07-01"}\n'))
    assert uit(kopie, alleen_fouten=False) == []


# --- 8. realised values ---------------------------------------------------------------------------------

def gerealiseerd(*waarden: str) -> str:
    """`gerealiseerd:` on line 13 of the first entry, each value one line from 14 on."""
    return "    gerealiseerd:\n" + "".join(f"      - {{{w}}}\n" for w in waarden)


def test_een_doel_dat_niet_bestaat(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-1", extra=gerealiseerd("doel: 4, aantal: 6, eenheid: woningen")))
    assert uit(kopie) == [
        f"{PAD}:14:16: voortgang[1].gerealiseerd[1].doel: afspraak 2021-1 heeft 3 doelen, geen doel 4; kies uit "
        "1: nieuwe huurwoningen (20 woningen), 2: nieuwe huurwoningen in Beekdorp (12 woningen), 3: nieuwe "
        "huurwoningen in Heidezand (8 woningen)"]


def test_een_aantal_bij_een_afspraak_zonder_doelen(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-2", extra=gerealiseerd("doel: 1, aantal: 6, eenheid: woningen")))
    assert uit(kopie) == [
        f"{PAD}:14:16: voortgang[1].gerealiseerd[1].doel: deze afspraak heeft geen doelen, dus geen doel 1; zeg "
        "in 'toelichting' wat er bereikt is en laat 'gerealiseerd' weg"]


def test_een_andere_eenheid_dan_het_doel(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-1", extra=gerealiseerd("doel: 1, aantal: 6, eenheid: procent")))
    assert uit(kopie) == [
        f"{PAD}:14:39: voortgang[1].gerealiseerd[1].eenheid: doel 1 telt in 'woningen', hier staat 'procent'; "
        "gebruik de eenheid van het doel, of noem het juiste doel"]


def test_een_bron_die_de_regel_niet_heeft(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-1",
                                  extra=gerealiseerd("doel: 1, aantal: 6, eenheid: woningen, bron: 2")))
    assert uit(kopie) == [
        f"{PAD}:14:55: voortgang[1].gerealiseerd[1].bron: deze regel heeft één bron, geen bron 2; 'bron' is het "
        "nummer van een bron onder 'bronnen'"]


def test_energielabels_zonder_methode(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-4", extra=gerealiseerd("doel: 1, aantal: 6, eenheid: labels")))
    assert uit(kopie) == [
        f"{PAD}:14:9: voortgang[1].gerealiseerd[1].methode: bij energielabels is 'methode' verplicht: zeg hoe "
        "de labels bepaald zijn, bijvoorbeeld 'NTA 8800'"]


def test_energielabels_met_methode(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-4", extra=gerealiseerd(
        "doel: 1, aantal: 6, eenheid: labels, methode: NTA 8800")))
    assert uit(kopie, alleen_fouten=False) == []


def test_een_doel_twee_keer_in_een_regel(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-1", extra=gerealiseerd(
        "doel: 1, aantal: 6, eenheid: woningen", "doel: 1, aantal: 7, eenheid: woningen")))
    assert uit(kopie) == [
        f"{PAD}:15:16: voortgang[1].gerealiseerd[2].doel: doel 1 staat al bij gerealiseerd[1] van deze regel; "
        "noem elk doel één keer"]


def test_delen_tellen_op_tot_meer_dan_het_totaal(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-1", extra=gerealiseerd(
        "doel: 1, aantal: 10, eenheid: woningen", "doel: 2, aantal: 8, eenheid: woningen",
        "doel: 3, aantal: 4, eenheid: woningen")))
    assert uit(kopie) == [
        f"{PAD}:14:27: voortgang[1].gerealiseerd[1].aantal: de delen van doel 1 tellen op tot 12, meer dan de 10 "
        "van doel 1 zelf; klopt een van die aantallen niet?"]


def test_delen_zonder_totaal_of_binnen_het_totaal_zijn_goed(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-1", extra=gerealiseerd(
        "doel: 2, aantal: 12, eenheid: woningen", "doel: 3, aantal: 9, eenheid: woningen")),
        regel(2, afspraak="2021-1", vastgelegd="2021-07-16", extra=gerealiseerd(
            "doel: 1, aantal: 21, eenheid: woningen", "doel: 2, aantal: 12, eenheid: woningen",
            "doel: 3, aantal: 9, eenheid: woningen")))
    assert uit(kopie, alleen_fouten=False) == []


# --- 9. a year without commitments ---------------------------------------------------------------------

def jaar_zonder_afspraken(kopie) -> None:
    shutil.copytree(kopie / "2022", kopie / "2023", ignore=shutil.ignore_patterns("woningbouw.yaml",
                                                                               "huur-en-woonlasten.yaml"))
    jaarschijf = kopie / "2023/jaarschijf.yaml"
    jaarschijf.write_text(jaarschijf.read_text(encoding="utf-8").replace("2022", "2023"), encoding="utf-8")


def test_een_lege_voortgang_in_een_jaar_zonder_afspraken(kopie):
    jaar_zonder_afspraken(kopie)
    schrijf(kopie / "2023/voortgang.yaml", "jaar: 2023\nvoortgang: []\n", kop=KOP)
    resultaat = laad(kopie)
    assert resultaat.meldingen == [] and resultaat.model.jaren[2023].voortgang == ()


def test_voortgang_in_een_jaar_zonder_afspraken(kopie):
    jaar_zonder_afspraken(kopie)
    schrijf_voortgang(kopie, regel(afspraak="2023-1"), jaar=2023)
    assert regels(kopie, "data/2023/voortgang.yaml") == [
        "data/2023/voortgang.yaml:5:15: voortgang[1].afspraak: onbekende afspraak '2023-1'; 2023 heeft (nog) "
        "geen afspraken"]


# --- any shape: a message from the schema, never a crash ------------------------------------------------

@pytest.mark.parametrize("inhoud", [
    "voortgang: tekst\n",
    "voortgang: [1, [2], null]\n",
    "voortgang:\n  - {nummer: een, afspraak: 7, peildatum: 2021, vastgelegd: [x], status: {a: 1}, "
    "corrigeert: ja, opvolger: 3, bronnen: x, gerealiseerd: [1, {doel: x, eenheid: 3, bron: x}]}\n",
    "voortgang:\n  - {nummer: [1], afspraak: ['2021-1'], peildatum: {}, vastgelegd: null, status: [loopt], "
    "opvolger: ['2022-1'], corrigeert: [1], beoordeeld_door: {a: b}, bronnen: [{document: [x], soort: [b]}], "
    "gerealiseerd: [{doel: [1], eenheid: [labels], aantal: [1], bron: [2]}]}\n",
    "voortgang:\n  - {nummer: 1, afspraak: '2021-1', peildatum: '2021-02-30', vastgelegd: '2021-13-01', "
    "status: deels-gerealiseerd, bronnen: [x], gerealiseerd: [{doel: 0, aantal: -1, eenheid: woningen}]}\n",
])
def test_elke_vorm_geeft_meldingen_en_geen_crash(kopie, inhoud):
    schrijf(kopie / "2021/voortgang.yaml", "jaar: 2021\n" + inhoud, kop=KOP)
    resultaat = laad(kopie)
    assert resultaat.model is None and resultaat.fouten
    assert all(m.pad == PAD for m in resultaat.fouten)


def test_een_doel_dat_niet_bestaat_bij_een_afspraak_met_een_doel(kopie):
    schrijf_voortgang(kopie, regel(afspraak="2021-4", extra=gerealiseerd(
        "doel: 2, aantal: 6, eenheid: labels, methode: NTA 8800")))
    assert uit(kopie) == [
        f"{PAD}:14:16: voortgang[1].gerealiseerd[1].doel: afspraak 2021-4 heeft één doel, geen doel 2; het "
        "enige doel is 1: woningen naar label B (50 labels)"]
