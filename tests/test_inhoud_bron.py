"""Content tests: every year encoded from a source text is faithful to it.

For each year with a source text in data/<jaar>/bron/ (and for the fictional year of the
fixture set een-jaar): every signed text is in the source, with only the listed repairs,
and nothing of the source was left out. A year without a source has nothing to compare;
it is skipped, never failed.
"""
from __future__ import annotations

import re

import pytest

from conftest import DATA, maak_gegevens
from macros.gegevens import bronteksten as bron
from macros.gegevens.laden import laad
from macros.gegevens.model import Jaar, Model, heeft_markering

# Labels of a source's structure: not content, so not stored as text.
KOPPEN = ["Rollen en verantwoordelijkheden per partij", "Rollen en verantwoordelijkheden", "Inleiding",
          "Onze actualiteit", "Wat we gaan doen", "Wat we willen bereiken:", "Ondertekening", "‘", "’", ":"]


def _jaren_met_bron() -> list:
    resultaat = laad(DATA)
    jaren = [pytest.param(("live", j.jaar), id=f"live-{j.jaar}")
             for j in (resultaat.model.jaren.values() if resultaat.model else ()) if j.bron]
    return jaren + [pytest.param(("een-jaar", 2030), id="een-jaar-2030")]


@pytest.fixture(scope="module", params=_jaren_met_bron())
def jaar_en_bron(request, tmp_path_factory) -> tuple[Model, Jaar, str]:
    set_, jaar = request.param
    datamap = DATA if set_ == "live" else maak_gegevens(set_, tmp_path_factory.mktemp(set_))
    model = laad(datamap).model
    j = model.jaren[jaar]
    return model, j, bron.herstelde_bron(datamap / str(jaar) / "bron")


def teksten(jaar: Jaar) -> list[tuple[str, str]]:
    """Every signed text of the year, table captions included."""
    return list(bron.ondertekende_teksten(jaar)) + [
        (f"tabel {t.id} bijschrift", t.bijschrift) for th in jaar.themas for t in th.tabellen if t.bijschrift]


def test_elke_ondertekende_tekst_staat_letterlijk_in_de_bron(jaar_en_bron):
    """Nothing paraphrased or lost: only the listed repairs, and […] where words are missing."""
    _, jaar, herstelde_bron = jaar_en_bron
    afwijkend = [waar for waar, tekst in teksten(jaar) if bron.zonder_gaten(tekst) not in herstelde_bron]
    assert afwijkend == []


def test_elke_genummerde_afspraak_van_de_bron_begint_een_tekst(jaar_en_bron):
    """Every commitment starts in the source with its number: none was skipped or renumbered."""
    _, jaar, herstelde_bron = jaar_en_bron
    for a in jaar.afspraken:
        eerste_woorden = " ".join(bron.zonder_gaten(a.tekst).split()[:5])
        assert f"{a.nummer}. {eerste_woorden}" in herstelde_bron, a.nummer


def test_niets_van_de_bron_is_weggelaten(jaar_en_bron):
    """What no signed text covers is only headings, numbers, and table text quoted in the tables' notes."""
    model, jaar, herstelde_bron = jaar_en_bron
    gedekt = [False] * len(herstelde_bron)
    for _, tekst in teksten(jaar):
        tekst = bron.zonder_gaten(tekst)
        begin = herstelde_bron.find(tekst)
        while begin != -1:
            gedekt[begin:begin + len(tekst)] = [True] * len(tekst)
            begin = herstelde_bron.find(tekst, begin + 1)
    rest = "".join(c if not g else "\n" for c, g in zip(herstelde_bron, gedekt))
    for kop in KOPPEN + [t.naam for t in model.themas.values()]:
        rest = rest.replace(kop, " ")
    rest = re.sub(r"(?<!\S)[0-9]{1,2}\.(?!\S)", " ", rest)  # the numbers of commitments and parts
    tabellen = bron.vouw(" ".join(" ".join(t.opmerkingen + t.kolommen) + " " + " ".join(
        str(c.waarde) for rij in t.rijen for c in rij) for th in jaar.themas for t in th.tabellen))
    weggelaten = [woord for woord in rest.split() if woord not in tabellen]
    assert weggelaten == []


def test_een_gat_heeft_altijd_een_opmerking(jaar_en_bron):
    """Where the source cannot be read ([…]) or reads oddly ([sic]), an editor's note says what is there."""
    _, jaar, _ = jaar_en_bron
    for thema in jaar.themas:
        if heeft_markering((thema.doel or "") + (thema.actualiteit or "")):
            assert thema.opmerkingen, thema.thema
        for a in thema.afspraken:
            if heeft_markering(a.tekst):
                assert a.opmerkingen, a.id
    if heeft_markering(jaar.inleiding):
        assert jaar.opmerkingen
    if jaar.ondertekening and heeft_markering(jaar.ondertekening.slottekst):
        assert jaar.ondertekening.opmerkingen


def test_zonder_tussenkop_staat_er_uitleg_bij(jaar_en_bron):
    """A commitment printed before any sub-heading has no stated party: a note says so."""
    _, jaar, _ = jaar_en_bron
    for a in jaar.afspraken:
        if a.kop is None:
            assert a.verantwoordelijk == () and a.opmerkingen, a.id


def test_onzekere_cellen_hebben_uitleg(jaar_en_bron):
    """A number that could not be read with certainty is never guessed silently."""
    _, jaar, _ = jaar_en_bron
    for tabel in (t for th in jaar.themas for t in th.tabellen):
        assert all(c.opmerking for rij in tabel.rijen for c in rij if c.onzeker), tabel.id


# --- the full-text page: the signed document, whole, in its order, nothing else -----------------

# What the full-text page adds to the document, each marked (macros/paginas/redactie.py): the
# page's own introduction and year switcher, the editors' marks, headings and labels, the
# glossary. Table cells are read approximately from the source and checked in the tables' tests.
REDACTIE_OP_DE_PAGINA = ".pa-meta, .pa-redactie, .pa-jaarkiezer, .pa-begrippen-op-pagina, .pa-sr-only, .gat, .pa-sic"
GEMARKEERD = ".pa-redactie-label"


def stukken(soep) -> list[str]:
    """The page's text blocks in reading order, without what the site adds: headings,
    paragraphs, list items and table captions. A block holding a mark of the editors
    (a heading or caption the document does not have) is left out; it must be marked."""
    artikel = soep.select_one("article.md-content__inner")
    for element in artikel.select(REDACTIE_OP_DE_PAGINA):
        element.decompose()
    uit = []
    for blok in artikel.find_all(["h2", "h3", "h4", "p", "li", "caption"]):
        if blok.select_one(GEMARKEERD):
            continue
        if tekst := bron.vouw(blok.get_text()):
            uit.append(tekst)
    return uit


@pytest.fixture(scope="module")
def volledige_tekst(jaar_en_bron, request):
    """The built full-text page of the year (the live site, or the fixture set's)."""
    from bs4 import BeautifulSoup
    _, jaar, _ = jaar_en_bron
    site = request.getfixturevalue("site" if jaar.jaar != 2030 else "site_een_jaar")
    return BeautifulSoup((site / str(jaar.jaar) / "volledige-tekst" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")


def test_volledige_tekst_is_het_document_in_zijn_volgorde(jaar_en_bron, volledige_tekst):
    """Every block of the full text is in the source, after the block before it: nothing is
    moved (the motto), invented (a section or heading the document lacks), or added unmarked."""
    _, _, herstelde_bron = jaar_en_bron
    plek = 0
    for stuk in stukken(volledige_tekst):
        # the numbers of commitments stand before their text, as in the document ('7. Realiseert')
        gevonden = herstelde_bron.find(stuk, plek)
        assert gevonden != -1, f"niet in de bron, of niet op deze plek: {stuk[:80]!r}"
        plek = gevonden + len(stuk)


def test_volledige_tekst_is_heel(jaar_en_bron, volledige_tekst):
    """Every signed text of the year is on the full-text page, whole."""
    _, jaar, _ = jaar_en_bron
    pagina = " ".join(stukken(volledige_tekst))
    ontbreekt = [waar for waar, tekst in teksten(jaar) if bron.zonder_gaten(tekst) not in pagina]
    assert ontbreekt == []


def test_een_kop_van_de_redactie_is_gemarkeerd(jaar_en_bron, volledige_tekst):
    """A heading the source does not have (say, a theme's name) says so, in words."""
    _, jaar, herstelde_bron = jaar_en_bron
    for kop in volledige_tekst.select("article h2, article h3, article h4"):
        if kop.select_one(GEMARKEERD) is None and not kop.find_parent(class_="pa-begrippen-op-pagina"):
            assert bron.vouw(kop.get_text()) in herstelde_bron, kop.get_text()
