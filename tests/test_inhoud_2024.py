"""Named content tests: facts of the signed 2024 agreement, checked against its source.

These pin the content of one document, the 2024 agreement in data/2024/ with its source
text in data/2024/bron/. They are skipped when the data has no such year (another
municipality, or a site that no longer publishes 2024). They pin ids, numbers and dates,
never a display name or an editorial title, so renaming a party or a village, or a
better title, does not turn them red. What holds for every year with a source is in
test_inhoud_bron.py.
"""
import pytest
from bs4 import BeautifulSoup

from conftest import DATA
from macros.gegevens.model import GAT, KOP, NIET, ONZEKER, TEKST

BRONMAP = DATA / "2024" / "bron"
pytestmark = pytest.mark.skipif(not (BRONMAP / "herstellingen.yaml").is_file(),
                                reason="de gegevens hebben geen jaar 2024 met bron")


@pytest.fixture(scope="module")
def jaar(echt):
    return echt.jaren[2024]


def test_afspraken_1_tot_en_met_55(jaar):
    assert [a.nummer for a in jaar.afspraken] == list(range(1, 56))


def test_alleen_afspraak_15_staat_zonder_tussenkop(jaar):
    assert [a.nummer for a in jaar.afspraken if a.kop is None] == [15]


def test_groepen_zijn_uitgeschreven(echt, jaar):
    a18 = echt.afspraak("2024-18")
    assert a18.verantwoordelijk == ("corporaties",)
    assert set(a18.partijen) == {"woonborg", "de-volmacht"}
    assert set(echt.afspraak("2024-1").partijen) == set(echt.partijen)


def test_getallen_als_gestructureerde_doelen(echt):
    (d32,) = echt.afspraak("2024-32").doelen
    assert (d32.aantal, d32.eenheid, d32.jaar) == (76, "woningen", 2024) and "label A" in d32.wat
    per_jaar = {d.jaar: d.aantal for d in echt.afspraak("2024-33").doelen if "projectmatig" in d.wat}
    assert per_jaar == {2025: 11, 2026: 16, 2028: 10}
    # 'Woonborg heeft 37 woningen met afgemeld E- F- of G-label' is a count, not a target (issue 12)
    assert all(d.aantal != 37 for d in echt.afspraak("2024-33").doelen)
    assert {(d.aantal, d.grens) for d in echt.afspraak("2024-8").doelen} == {(3, "maximaal")}


def test_termijnen(echt):
    assert (echt.afspraak("2024-27").termijn.tekst, echt.afspraak("2024-27").termijn.jaar) == ("uiterlijk 2028", 2028)
    t1 = echt.afspraak("2024-1").termijn
    assert (t1.jaar, t1.kwartaal) == (2024, 1)


def test_elke_afspraak_die_een_moment_noemt_heeft_een_termijn(jaar):
    """'Verkoopt in 2024', 'Voor 2024', 'in Q1': the page says when, never 'Geen termijn genoemd'.
    (The check warns for any year; these are the numbers of the signed 2024 text.)"""
    met_termijn = [a.nummer for a in jaar.afspraken if a.termijn]
    assert met_termijn == [1, 7, 8, 9, 10, 17, 22, 27, 30, 31, 32, 33, 34, 40, 43, 49, 51]
    # where the moment is not for the whole commitment, the page says what it is for
    assert [a.nummer for a in jaar.afspraken if a.termijn and a.termijn.waarvoor] == [17, 22, 40, 43, 49, 51]
    assert jaar.afspraken[42].termijn.kwartaal == 1  # 43: the scope is set in Q1, not the experiment


def test_plaatsen(echt):
    assert echt.afspraak("2024-30").plaatsen == ("gieten",)
    assert "grolloo" in echt.afspraak("2024-51").plaatsen
    assert "eext" in echt.afspraak("2024-10").plaatsen


@pytest.mark.parametrize("paar", [(3, 13), (4, 50), (27, 31), (27, 33), (18, 24), (18, 42)])
def test_samenhang_uit_de_tekst(echt, paar):
    a, b = (f"2024-{n}" for n in paar)
    relaties = {(x.id, r.afspraak): r.reden for x in echt.afspraken for r in x.gerelateerd}
    reden = relaties.get((a, b)) or relaties.get((b, a))
    assert reden and len(reden.splitlines()) == 1


def test_spoedzoekers_zonder_afspraken_maar_eerlijk(jaar):
    (thema,) = [t for t in jaar.themas if t.thema == "huisvesting-spoedzoekers"]
    assert thema.afspraken == () and thema.doel is None
    assert any("inleiding" in o for o in thema.opmerkingen)


def test_alle_themas_van_het_jaar_in_volgorde(echt, jaar):
    assert [t.thema for t in jaar.themas] == list(echt.themas)


def test_doel_ontbreekt_waar_de_bron_het_niet_geeft(jaar):
    doelen = {t.thema: t.doel for t in jaar.themas}
    assert doelen["beschikbaarheid"] is None and doelen["duurzaamheid"] is None
    assert doelen["wonen-en-zorg"] is None
    assert doelen["leefbaarheid"].startswith("Onze huurders wonen veilig")
    assert f"Daarbij {GAT} we naar b" in doelen["betaalbaarheid"]


def test_jaarschijf(jaar, echt):
    o = jaar.ondertekening
    assert (o.datum, o.geldig_vanaf) == ("2023-12-07", "2024-01-01")
    assert [x.partij for x in o.ondertekenaars] == [
        "gemeente-aa-en-hunze", "woonborg", "ah-woon", "de-volmacht", "de-deelmacht"]
    assert [x.naam for x in o.ondertekenaars] == ["I. Berghuis", "E. Borstlap", "J. Emmens", "J. Boekholt", "W. Hoving"]
    assert any("prestatieafspraken 2023" in n for n in o.opmerkingen)
    # the four the introduction's first paragraph names as bases, and nothing else
    assert [g.document for g in jaar.grondslagen] == [
        "woonvisie-2020-plus", "addendum-woonvisie-2020-plus", "kaderafspraken", "landelijke-kaders-en-richtlijnen"]
    assert echt.documenten["woonvisie-2020-plus"].vastgesteld is None  # the source does not say what was done then
    assert any("2023-2031" in n and "2023-2026" in n for n in echt.documenten["kaderafspraken"].opmerkingen)
    assert jaar.focus.themas == ("beschikbaarheid", "duurzaamheid", "betaalbaarheid")
    assert len(jaar.delen.onderdelen) == 3
    assert {p for r in jaar.rollen.per_partij for p in r.partijen} == {
        "corporaties", "huurdersorganisaties", "gemeente-aa-en-hunze"}


def test_tabellen_met_onzekere_cellen(jaar):
    tabellen = {t.id: t for th in jaar.themas for t in th.tabellen}
    assert set(tabellen) == {"voorraadontwikkeling", "huurprijsgrenzen"}
    for tabel in tabellen.values():
        assert any(c.onzeker for rij in tabel.rijen for c in rij), tabel.id
    assert tabellen["voorraadontwikkeling"].bijschrift.startswith("Tabel 1:")


BEGRIPPEN = ["streefhuur", "mutatie", "liberalisatiegrens", "aftoppingsgrens", "kwaliteitskortingsgrens",
             "energielabel", "flexwonen", "spoedzoekers", "OGGZ", "AVE-model", "Thuiskompas", "beschermd wonen",
             "levensloopbestendig", "urgentieverordening", "energiearmoede", "jaarschijf", "huurtoeslag",
             "nationale prestatieafspraken"]


def test_begrippenlijst(echt):
    assert len(echt.begrippen) >= 25
    termen = {b.term.lower() for b in echt.begrippen.values()}
    assert [t for t in BEGRIPPEN if t.lower() not in termen] == []
    for b in echt.begrippen.values():
        zinnen = [z for z in b.uitleg.replace("!", ".").replace("?", ".").split(". ") if z.strip()]
        assert 1 <= len(zinnen) <= 3, b.id


def gronden(echt, nummer: int) -> dict[str, str]:
    return {t.partij: t.grond for t in echt.afspraak(f"2024-{nummer}").toegerekend}


def test_wie_de_tekst_noemt_onder_een_groepskop(echt):
    """Issue 12: the sub-heading names a group, the text one party (or fewer than the group)."""
    assert echt.afspraak("2024-47").verantwoordelijk == ("huurdersorganisaties",)
    assert gronden(echt, 47) == {"ah-woon": TEKST, "de-deelmacht": NIET}
    assert gronden(echt, 1) == {"gemeente-aa-en-hunze": TEKST, "woonborg": TEKST, "de-volmacht": TEKST,
                                "ah-woon": NIET, "de-deelmacht": NIET}
    # 40: all parties go on the tour (text), De Volmacht organises it in 2024
    assert set(gronden(echt, 40).values()) == {TEKST}
    assert any(u.wie == ("de-volmacht",) for u in echt.afspraak("2024-40").uitvoerders)


def test_partijen_die_de_tekst_buiten_de_tussenkop_noemt(echt):
    assert gronden(echt, 44) == {"de-volmacht": TEKST, "de-deelmacht": TEKST}
    assert gronden(echt, 55) == {"gemeente-aa-en-hunze": KOP, "ah-woon": TEKST, "de-deelmacht": TEKST}
    assert gronden(echt, 13) == dict.fromkeys(("gemeente-aa-en-hunze", "woonborg", "de-volmacht", "ah-woon",
                                               "de-deelmacht"), TEKST)


def test_waar_de_tekst_niet_eenduidig_is_staat_het_erbij(echt):
    """'we' and 'Partijen' that may mean all parties: uncertain, with the editors' reason."""
    for nummer, kop in ((42, ("woonborg", "de-volmacht")), (43, ("woonborg", "de-volmacht")),
                        (48, ("gemeente-aa-en-hunze",))):
        g = gronden(echt, nummer)
        assert all(g[p] == KOP for p in kop) and {g[p] for p in g if p not in kop} == {ONZEKER}, nummer
        assert all(u.opmerking for u in echt.afspraak(f"2024-{nummer}").uitvoerders if u.onzeker)


def totalen(echt, nummer: int) -> list[tuple[float, list[tuple[float, str | None]]]]:
    return [(t.doel.aantal, [(d.aantal, d.plaats) for d in t.delen]) for t in echt.afspraak(f"2024-{nummer}").totalen]


def test_totalen_en_delen_per_plaats(echt):
    """Issue 12: 7 is 43 new homes and 12 demolished, with their places; not 86 and 24."""
    assert totalen(echt, 7) == [(43, [(23, "deelgebied-c"), (6, "grolloo"), (14, "deelgebied-d1")]),
                                (12, [(12, "deelgebied-d2")])]
    assert totalen(echt, 51)[0] == (107, [(37, None)])
    (afgesproken,) = totalen(echt, 50)
    assert afgesproken == (20, [(5, None)])


def test_doelen_zonder_jaar_dat_de_tekst_niet_noemt(echt):
    """Issue 12: 'de afgesproken 20%' (50) is not a 2024 target; 4 and 54 name no year either."""
    for nummer in (4, 50, 54):
        assert all(d.jaar is None for d in echt.afspraak(f"2024-{nummer}").doelen), nummer


def test_landelijke_prestatieafspraken_zijn_niet_de_lokale(echt, site):
    """'landelijke prestatieafspraken' (17) is explained as the national agreements, not as
    the local term 'prestatieafspraken' it contains (ids only)."""
    begrip = next(b.id for b in echt.begrippen.values() if "landelijke prestatieafspraken" in b.vormen)
    assert begrip != "prestatieafspraken"
    for url in ("2024/afspraken/17/", "2024/themas/betaalbaarheid/"):
        soep = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        links = {a.get_text().lower(): a["href"] for a in soep.select("a.pa-begrip")}
        assert links["landelijke prestatieafspraken"] == f"#begrip-{begrip}", url
        assert "#begrip-prestatieafspraken" not in links.values(), url


def test_de_volledige_tekst_volgt_de_koppen_van_de_bron(jaar):
    """Title and motto after the roles; no theme heading above Beschikbaarheid, Duurzaamheid
    and Wonen en zorg, and no 'Wat we gaan doen' in Wonen en zorg; huisvesting spoedzoekers
    only named in the introduction (ids only)."""
    assert jaar.titelblad == "na-rollen"
    assert jaar.rollen.kop_per_partij
    assert {t.thema: t.ontbrekende_koppen for t in jaar.themas if t.ontbrekende_koppen} == {
        "beschikbaarheid": ("thema",), "duurzaamheid": ("thema",), "wonen-en-zorg": ("thema", "afspraken")}
    assert [t.thema for t in jaar.themas if not t.in_bron] == ["huisvesting-spoedzoekers"]


def test_markeringen_van_de_bron(jaar):
    """[…] where the extraction lost words (Betaalbaarheid's goal); [sic] where the signed text
    itself reads so (introduction, signing, Beschikbaarheid's context, 51)."""
    from macros.gegevens.bronteksten import ondertekende_teksten
    from macros.gegevens.model import SIC
    assert [waar for waar, t in ondertekende_teksten(jaar) if GAT in t] == ["betaalbaarheid doel"]
    assert [waar for waar, t in ondertekende_teksten(jaar) if SIC in t] == [
        "inleiding", "ondertekening slottekst", "beschikbaarheid actualiteit", "afspraak 51"]
