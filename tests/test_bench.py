"""The pure parts of `make bench` (bench/): budgets, growth, the floor's settings, the
search-index check, the report, the web server. The benchmark itself is too slow for
the test suite; `make bench` runs it."""
from __future__ import annotations

import copy
import gzip
import json
import urllib.error
import urllib.request

import pytest
import yaml

from bench import begroting, bewerken, meten
from bench.bouwen import BenchFout, buiten_nav_patronen, synthetische_data
from bench.meet import verslag, voorbeeld_afspraak, voorbeeld_thema
from bench.webserver import serveer
from bouwer import afspraak, jaar, model, thema
from conftest import maak_gegevens
from macros.gegevens.laden import laad
from macros.paginas.adressen import afspraak_url

METING = {
    "gemeten": "2026-01-01T00:00:00+00:00",
    "machine": {"processors": 2, "python": "3.11.7"},
    "instellingen": {"jaren": 20, "afspraken_per_jaar": 80, "zaad": 1, "keer": 3},
    "gevallen": {naam: {"bouwtijd_s": tijd, "bouwtijden_s": [tijd] * 3, "paginas": 1887, "site_bytes": 40_000_000,
                        "afspraakpagina_bytes": 15_000, "themapagina_bytes": 38_000, "zoekindex_bytes": 2_000_000,
                        "zoekindex_gzip_bytes": gz, "piekgeheugen_bytes": 150_000_000}
                 for naam, tijd, gz in (("echt", 2.0, 24_000), ("synth", 19.0, 244_000), ("vloer", 16.0, 244_000))},
    "verhouding_synth_vloer": 1.19,
    "voorbeelden": {"echt": {"afspraak": "2024-1", "thema": "beschikbaarheid"},
                    "synth": {"afspraak": "2024-3", "thema": "beschikbaarheid"},
                    "vloer": {"afspraak": "2024-3", "thema": "beschikbaarheid"}},
    "jaren": {"1": {"bouwtijd_s": 1.9, "paginas": 101, "afspraakpagina_bytes": 14_700, "themapagina_bytes": 37_000,
                    "zoekindex_bytes": 124_000},
              "10": {"bouwtijd_s": 9.0, "paginas": 947, "afspraakpagina_bytes": 15_100, "themapagina_bytes": 37_800,
                     "zoekindex_bytes": 1_017_000},
              "20": {"bouwtijd_s": 19.0, "paginas": 1887, "afspraakpagina_bytes": 15_100, "themapagina_bytes": 37_800,
                     "zoekindex_bytes": 1_993_000}},
    "zoekindex_dubbel": [],
    "lighthouse": {p: {"performance": 99, "accessibility": 100, "best-practices": 100, "seo": 100, "url": u}
                   for p, u in (("home", "/"), ("overzicht", "/2024/afspraken/"), ("afspraak", "/2024/afspraken/1/"))},
    "redactie": {"pagina": "2024/afspraken/1/", "bestand": "data/2024/beschikbaarheid.yaml",
                 "seconden": [2.1, 2.3, 1.9], "mediaan_seconden": 2.1},
    "duur_seconden": 290.0,
}


def budgetten(meting: dict) -> dict[str, dict]:
    return {b["naam"]: b for b in (x.als_dict() for x in begroting.budgetten(meting))}


def test_alle_budgetten_gehaald_in_de_vorm_van_results_json():
    uitslag = budgetten(METING)
    assert all(set(b) == {"naam", "waarde", "grens", "gehaald"} for b in uitslag.values())
    assert all(b["gehaald"] for b in uitslag.values()), [n for n, b in uitslag.items() if not b["gehaald"]]
    assert uitslag["bouwtijd synthetische site / vloer"] == {
        "naam": "bouwtijd synthetische site / vloer", "waarde": 1.19, "grens": 1.3, "gehaald": True}
    assert uitslag["afspraakpagina 2024-3: 20 jaar / 1 jaar"]["waarde"] == round(15_100 / 14_700, 3)
    assert len([n for n in uitslag if n.startswith("Lighthouse ")]) == 3 * 4
    json.dumps(list(uitslag.values()))  # results.json holds them as they are


@pytest.mark.parametrize("pad, waarde, naam", [
    (("verhouding_synth_vloer",), 1.31, "bouwtijd synthetische site / vloer"),
    (("jaren", "20", "afspraakpagina_bytes"), 15_500, "afspraakpagina 2024-3: 20 jaar / 1 jaar"),
    (("gevallen", "echt", "zoekindex_gzip_bytes"), 150_001, "zoekindex echte site, gzip (bytes)"),
    (("zoekindex_dubbel",), ["2024-18: 2024/themas/betaalbaarheid/"],
     "zoekindex echte site: afspraken niet precies één keer gevonden"),
    (("lighthouse", "overzicht", "performance"), 94, "Lighthouse overzicht: prestaties"),
    (("lighthouse", "home", "seo"), 99, "Lighthouse home: vindbaarheid (SEO)"),
    (("duur_seconden",), 601.0, "duur van de meting (s)"),
])
def test_een_overschreden_grens_is_niet_gehaald(pad, waarde, naam):
    meting = copy.deepcopy(METING)
    plek = meting
    for sleutel in pad[:-1]:
        plek = plek[sleutel]
    plek[pad[-1]] = waarde
    uitslag = budgetten(meting)
    assert [n for n, b in uitslag.items() if not b["gehaald"]] == [naam]


def test_zoekindex_die_met_het_kwadraat_groeit_is_niet_lineair():
    assert begroting.groei_per_jaar({1: 100, 10: 1000, 20: 2000}) == [100, 100]
    assert begroting.afwijking_van_lineair({1: 100, 10: 1000, 20: 2000}) == 0
    kwadratisch = {n: 100 * n * n for n in (1, 10, 20)}  # every page listing every year
    assert begroting.afwijking_van_lineair(kwadratisch) > begroting.LINEAIR
    meting = copy.deepcopy(METING)
    for n, j in meting["jaren"].items():
        j["zoekindex_bytes"] = kwadratisch[int(n)]
    assert not budgetten(meting)["zoekindex: afwijking van lineaire groei per jaar"]["gehaald"]


def test_vloer_zet_mappen_met_alleen_afspraken_buiten_het_menu():
    paginas = ["index.md", "2024/index.md", "2024/afspraken.md", "2024/afspraken/1.md", "2024/afspraken/2.md",
               "2025/afspraken/1.md", "2025/afspraken/extra.md"]
    buiten = ["2024/afspraken/1.md", "2024/afspraken/2.md", "2025/afspraken/1.md"]
    assert buiten_nav_patronen(buiten, paginas) == ["/2024/afspraken/*.md", "/2025/afspraken/1.md"]


def test_dubbel_in_index_vindt_afspraaktekst_op_een_overzichtspagina(tmp_path, een_jaar):
    a, b = een_jaar.afspraken[:2]
    docs = [{"location": afspraak_url(x.id), "title": x.titel, "text": meten.kenmerk(x.tekst)}
            for x in een_jaar.afspraken]
    (tmp_path / "search").mkdir()
    index = tmp_path / meten.ZOEKINDEX
    index.write_text(json.dumps({"docs": docs}), encoding="utf-8")
    assert meten.dubbel_in_index(tmp_path, een_jaar) == []
    overzicht = f"{a.jaar}/themas/x/"
    docs.append({"location": f"{overzicht}#afspraken", "title": "x", "text": "Wat we doen " + meten.kenmerk(a.tekst)})
    docs.remove(next(d for d in docs if d["location"] == afspraak_url(b.id)))
    index.write_text(json.dumps({"docs": docs}), encoding="utf-8")
    assert meten.dubbel_in_index(tmp_path, een_jaar) == [f"{a.id}: {overzicht}", f"{b.id}: niet gevonden"]


def test_voorbeeldpaginas_uit_het_nieuwste_jaar_met_afspraken():
    """`make nieuw-jaar` leaves a latest year without commitments and unsigned: the benchmark
    measures and edits pages of the latest year that has commitments."""
    m = model(jaren=[jaar(2030, themas=[thema("leeg"), thema("wonen", [afspraak(1), afspraak(2)])]),
                     jaar(2031, themas=[thema("leeg", jaar=2031), thema("wonen", jaar=2031)], ondertekend=False)])
    assert bewerken.nieuwste_met_afspraken(m).jaar == 2030
    assert (voorbeeld_afspraak(m), voorbeeld_thema(m, 2030)) == ("2030-1", "wonen")
    with pytest.raises(BenchFout, match="nog geen afspraken"):
        bewerken.nieuwste_met_afspraken(model(jaren=[jaar(2030, themas=[thema("leeg")])]))


def test_synthetische_gegevens_naar_een_voorbeeld_met_een_onondertekend_nieuwste_jaar(tmp_path):
    voorbeeld = maak_gegevens("twee-jaren", tmp_path / "voorbeeld")
    assert laad(voorbeeld).model.laatste_jaar.ondertekening is None
    doel = synthetische_data(tmp_path / "synth", 2, 5, 1, voorbeeld)
    resultaat = laad(doel)
    assert resultaat.meldingen == [] and len(resultaat.model.afspraken) == 2 * 5


def test_verslag_noemt_elk_budget_en_de_verhouding():
    meting = copy.deepcopy(METING)
    meting["budgets"] = [b.als_dict() for b in begroting.budgetten(meting)]
    meting["budgets"][0]["gehaald"] = False
    tekst = verslag(meting)
    assert "Bouwtijd synthetisch / vloer: 1,19" in tekst
    assert "NIET GEHAALD" in tekst.split("\n")[[i for i, r in enumerate(tekst.split("\n"))
                                                  if r.startswith("bouwtijd synthetische site / vloer")][0]]
    assert all(b["naam"] in tekst for b in meting["budgets"])
    assert "2,10 s" in tekst  # the editors' loop, Dutch decimals


def test_webserver_geeft_gzip_en_een_404_zoals_een_statische_host(tmp_path):
    (tmp_path / "map").mkdir()
    (tmp_path / "map/index.html").write_text("<p>hallo</p>" * 50, encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>niet gevonden</p>", encoding="utf-8")
    (tmp_path.parent / "geheim.txt").write_text("buiten de site", encoding="utf-8")
    with serveer(tmp_path) as adres:
        verzoek = urllib.request.Request(adres + "map/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(verzoek) as antwoord:
            assert antwoord.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(antwoord.read()).decode() == "<p>hallo</p>" * 50
        with urllib.request.urlopen(adres + "map/") as antwoord:  # a client without gzip
            assert antwoord.headers["Content-Encoding"] is None and antwoord.read().startswith(b"<p>hallo")
        for pad in ("bestaat-niet/", "%2e%2e/geheim.txt"):
            with pytest.raises(urllib.error.HTTPError) as fout:
                urllib.request.urlopen(adres + pad)
            assert fout.value.code == 404 and fout.value.read() == b"<p>niet gevonden</p>"


def test_redactiemeting_wijzigt_alleen_de_titel(tmp_path):
    bestand = tmp_path / "thema.yaml"
    bestand.write_text("afspraken:\n  - nummer: 1\n    titel: \"Oud: met dubbele punt\"\n    tekst: Blijft.\n"
                       "  - nummer: 2\n    titel: 'Andere'\n", encoding="utf-8")
    assert bewerken.titelregel(bestand, "Andere") == 5
    regel = bewerken.titelregel(bestand, "Oud: met dubbele punt")
    bewerken.zet_titel(bestand, regel, 'Nieuw: "aangehaald" (bewerkt 1)')
    data = yaml.safe_load(bestand.read_text(encoding="utf-8"))
    assert data["afspraken"][0] == {"nummer": 1, "titel": 'Nieuw: "aangehaald" (bewerkt 1)', "tekst": "Blijft."}
    assert data["afspraken"][1]["titel"] == "Andere"
