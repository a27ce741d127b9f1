"""The parts of `make bench` (bench/): budgets, growth, the floor (its capture, settings and
hook, and one small floor built byte for byte), the byte comparison, the serve command
from the Makefile, the search-index check, the report, the web server. The benchmark
itself is too slow for the test suite; `make bench` runs it."""
from __future__ import annotations

import copy
import gzip
import importlib.util
import json
import shutil
import sys
import urllib.error
import urllib.request
from types import SimpleNamespace

import markdown
import pytest
import yaml
from markupsafe import Markup

from bench import begroting, bewerken, meten, vastleggen
from bench.bouwen import (PROJECT, WITRUIMTE, BenchFout, bouw, buiten_nav_patronen, controleer_zelfde_bytes,
                          kopieer_project, leg_vast, maak_vloer, markdown_cpu, synthetische_data, verschillen,
                          vloer_config)
from bench.meet import verslag, voorbeeld_afspraak, voorbeeld_thema
from bench.webserver import serveer
from bouwer import afspraak, jaar, model, thema
from conftest import maak_gegevens
from macros.gegevens.laden import laad
from macros.paginas.adressen import afspraak_url


def _geval(cpu: float, gz: int, paginas: int = 1887) -> dict:
    return {"cpu_s": cpu, "cpu_s_per_ronde": [cpu] * 5, "wand_s": cpu * 1.1, "wand_s_per_ronde": [cpu * 1.1] * 5,
            "piekgeheugen_bytes": 150_000_000, "paginas": paginas, "site_bytes": 40_000_000,
            "afspraakpagina_bytes": 15_000, "themapagina_bytes": 38_000, "zoekdata_bytes": 2_000_000,
            "zoekdata_gzip_bytes": gz}


def _schaal(jaren: int, afspraken: int, paginas: int, cpu: float, pagina: int, index: int) -> dict:
    return {"jaren": jaren, "afspraken_per_jaar": afspraken, "cpu_s": cpu, "wand_s": cpu, "paginas": paginas,
            "ms_per_pagina": round(1000 * cpu / paginas, 2), "piekgeheugen_bytes": 100_000_000,
            "site_bytes": 1000 * paginas, "afspraakpagina_bytes": pagina, "themapagina_bytes": 37_000,
            "zoekdata_bytes": index, "zoekdata_gzip_bytes": index // 4, "zoekdata_alle_jaren_bytes": index * jaren}


def _redactie(jaren: int, http: float) -> dict:
    return {"jaren": jaren, "pagina": f"{2023 + jaren}/afspraken/1/", "bestand": "data/2024/beschikbaarheid.yaml",
            "opdracht": "python -m mkdocs serve --strict --dev-addr 127.0.0.1:5000",
            "http_s": [http] * 5, "http_mediaan_s": http, "browser_s": [http + 0.4] * 5,
            "browser_mediaan_s": http + 0.4}


METING = {
    "gemeten": "2026-01-01T00:00:00+00:00",
    "machine": {"processors": 2, "python": "3.11.7"},
    "instellingen": {"jaren": 20, "afspraken_per_jaar": 80, "schaal_afspraken_per_jaar": 200, "zaad": 1, "keer": 5,
                     "lighthouse_keer": 3, "redactie_keer": 5, "zonder": []},
    "gevallen": {"echt": _geval(1.2, 24_000, 76), "synth": _geval(14.0, 244_000), "vloer": _geval(14.5, 244_000)},
    "verhouding_synth_vloer": 0.966,
    "verhouding_per_ronde": [0.95, 0.97, 0.96, 0.99, 0.97],
    "verhouding_wand": 0.98,
    "zelfde_bytes": {"paginas": 1887, "bestanden": 1990},
    "markdown_cpu": {"vloer_s": 3.2, "project_s": 0.5},
    "verhouding_zelfde_markdown_schatting": 1.184,
    "voorbeelden": {"echt": {"afspraak": "2024-1", "thema": "beschikbaarheid", "thema_jaar": 2024},
                    "synth": {"afspraak": "2024-3", "thema": "beschikbaarheid", "thema_jaar": 2024},
                    "vloer": {"afspraak": "2024-3", "thema": "beschikbaarheid", "thema_jaar": 2024}},
    "schaal": {"1x80": _schaal(1, 80, 101, 1.2, 14_700, 95_000),
               "20x80": _schaal(20, 80, 1887, 14.0, 15_100, 98_000),
               "40x80": _schaal(40, 80, 3767, 28.5, 15_100, 101_000),
               "20x200": _schaal(20, 200, 4287, 33.0, 15_000, 230_000)},
    "geschiedenis": {"afspraak": "2024-1", "jaren": 1, "afspraken_per_jaar": 80, "verhouding": 1.0,
                     "gewoon": {"afspraakpagina_bytes": 16_000, "voortgang_regels": 200, "eigen_regels": 3},
                     "lang": {"afspraakpagina_bytes": 16_000, "voortgang_regels": 1150, "eigen_regels": 3}},
    "zoekindex_dubbel": [],
    "lighthouse": {p: {"performance": 99, "accessibility": 100, "best-practices": 100, "seo": 100, "url": u}
                   for p, u in (("home", "/"), ("overzicht", "/2024/afspraken/"), ("afspraak", "/2024/afspraken/1/"))},
    "redactie": {"1": _redactie(1, 0.6), "20": _redactie(20, 0.9)},
    "zoeken": {str(n): {"woord": "woningen", "seconden": [0.6] * 3, "mediaan_seconden": 0.6, "zoekdata_bytes": 26_000}
               for n in (1, 10, 20)},
    "duur_seconden": 520.0,
}


BOUWEN = "bouwen: CPU-tijd synthetische site / vloer (mediaan)"
REDACTIE = "redactie, {} jaar: opslaan tot gewijzigde pagina via HTTP (s, mediaan)"
ZOEKEN = "zoeken op een telefoon, {} jaar: eerste resultaat (s, mediaan)"
ZOEKDATA = "zoekdata per zoekopdracht, echte site, gzip (bytes)"
DUBBEL = "zoekdata echte site: afspraken niet precies één keer gevonden"
GESCHIEDENIS = "afspraakpagina 2024-1: lange geschiedenis van de andere afspraken / gewoon"


def budgetten(meting: dict) -> dict[str, dict]:
    return {b["naam"]: b for b in (x.als_dict() for x in begroting.budgetten(meting))}


def test_alle_budgetten_gehaald_in_de_vorm_van_results_json():
    uitslag = budgetten(METING)
    assert all(set(b) == {"naam", "waarde", "grens", "gehaald"} for b in uitslag.values())
    assert all(b["gehaald"] for b in uitslag.values()), [n for n, b in uitslag.items() if not b["gehaald"]]
    assert uitslag[BOUWEN] == {"naam": BOUWEN, "waarde": 0.966, "grens": 1.0, "gehaald": True}
    assert uitslag[GESCHIEDENIS] == {"naam": GESCHIEDENIS, "waarde": 1.0, "grens": 1.0, "gehaald": True}
    # the page-growth budget compares the most years with 1 year, at 80 commitments a year (not 20 x 200)
    assert uitslag["afspraakpagina 2024-3: 40 jaar / 1 jaar"]["waarde"] == round(15_100 / 14_700, 3)
    assert len([n for n in uitslag if n.startswith("Lighthouse ")]) == 3 * 4
    assert [n for n in uitslag if n.startswith("redactie")] == [REDACTIE.format(1), REDACTIE.format(20)]
    assert uitslag[REDACTIE.format(20)]["grens"] == 1.5
    assert [n for n in uitslag if n.startswith("zoeken op")] == [ZOEKEN.format(n) for n in (1, 10, 20)]
    assert uitslag[ZOEKEN.format(20)]["grens"] == 1.5
    assert uitslag["zoekdata per zoekopdracht, gzip: 40 jaar / 1 jaar"]["waarde"] == round(25_250 / 23_750, 3)
    json.dumps(list(uitslag.values()))  # results.json holds them as they are


@pytest.mark.parametrize("pad, waarde, naam", [
    (("verhouding_synth_vloer",), 1.01, BOUWEN),
    (("schaal", "40x80", "afspraakpagina_bytes"), 15_500, "afspraakpagina 2024-3: 40 jaar / 1 jaar"),
    (("redactie", "20", "http_mediaan_s"), 1.51, REDACTIE.format(20)),
    (("redactie", "1", "http_mediaan_s"), 1.6, REDACTIE.format(1)),
    (("gevallen", "echt", "zoekdata_gzip_bytes"), 150_001, ZOEKDATA),
    (("zoekindex_dubbel",), ["2024-18: 2024/themas/betaalbaarheid/"], DUBBEL),
    (("zoeken", "20", "mediaan_seconden"), 1.6, ZOEKEN.format(20)),
    (("zoeken", "1", "mediaan_seconden"), 1.51, ZOEKEN.format(1)),
    (("lighthouse", "overzicht", "performance"), 94, "Lighthouse overzicht: prestaties"),
    (("lighthouse", "home", "seo"), 99, "Lighthouse home: vindbaarheid (SEO)"),
    (("duur_seconden",), 601.0, "duur van de meting (s)"),
    (("geschiedenis", "verhouding"), 1.001, GESCHIEDENIS),
])
def test_een_overschreden_grens_is_niet_gehaald(pad, waarde, naam):
    meting = copy.deepcopy(METING)
    plek = meting
    for sleutel in pad[:-1]:
        plek = plek[sleutel]
    plek[pad[-1]] = waarde
    uitslag = budgetten(meting)
    assert [n for n, b in uitslag.items() if not b["gehaald"]] == [naam]


def test_zoekdata_die_met_de_jaren_groeit_haalt_het_niet():
    """What one search downloads may not grow with the years: a page of one year loading
    every year's index is caught."""
    meting = copy.deepcopy(METING)
    assert begroting.zoekpunten(meting) == {1: 23_750, 20: 24_500, 40: 25_250}  # not 20 x 200
    for s in meting["schaal"].values():
        s["zoekdata_gzip_bytes"] = 23_750 * s["jaren"]
    assert not budgetten(meting)["zoekdata per zoekopdracht, gzip: 40 jaar / 1 jaar"]["gehaald"]


def test_overgeslagen_onderdelen_hebben_geen_budget():
    meting = copy.deepcopy(METING)
    meting.update(lighthouse=None, redactie=None, zoeken=None, schaal={"20x80": meting["schaal"]["20x80"]})
    meting["instellingen"]["zonder"] = ["lighthouse", "redactie", "schaal", "zoeken"]
    namen = list(budgetten(meting))
    assert namen == [BOUWEN, GESCHIEDENIS, ZOEKDATA, DUBBEL, "duur van de meting (s)"]
    assert "Overgeslagen: lighthouse, redactie, schaal, zoeken" in verslag({**meting, "budgets": list(budgetten(meting).values())})


def test_vloer_zet_mappen_met_alleen_afspraken_buiten_het_menu():
    paginas = ["index.md", "2024/index.md", "2024/afspraken.md", "2024/afspraken/1.md", "2024/afspraken/2.md",
               "2025/afspraken/1.md", "2025/afspraken/extra.md"]
    buiten = ["2024/afspraken/1.md", "2024/afspraken/2.md", "2025/afspraken/1.md"]
    assert buiten_nav_patronen(buiten, paginas) == ["/2024/afspraken/*.md", "/2025/afspraken/1.md"]


def test_dubbel_in_index_vindt_afspraaktekst_op_een_overzichtspagina(tmp_path, een_jaar):
    a, b = een_jaar.afspraken[:2]
    jaar = a.jaar
    docs = [{"u": afspraak_url(x.id), "t": x.titel, "x": meten.kenmerk(x.tekst)} for x in een_jaar.afspraken]
    (tmp_path / "zoeken").mkdir()
    (tmp_path / "zoeken/site.json").write_text("[]", encoding="utf-8")
    index = tmp_path / f"zoeken/{jaar}.json"
    index.write_text(json.dumps(docs), encoding="utf-8")
    assert meten.dubbel_in_index(tmp_path, een_jaar) == []
    overzicht = f"{jaar}/themas/x/"
    docs.append({"u": f"{overzicht}#afspraken", "t": "x", "x": "Wat we doen " + meten.kenmerk(a.tekst)})
    docs.remove(next(d for d in docs if d["u"] == afspraak_url(b.id)))
    index.write_text(json.dumps(docs), encoding="utf-8")
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


def test_verslag_noemt_elk_budget_de_verhouding_en_de_schaal():
    meting = copy.deepcopy(METING)
    meting["budgets"] = [b.als_dict() for b in begroting.budgetten(meting)]
    meting["budgets"][0]["gehaald"] = False
    tekst = verslag(meting)
    regels = tekst.split("\n")
    assert "CPU-tijd synthetisch / vloer: 0,97 (per ronde 0,95, 0,97, 0,96, 0,99, 0,97; wandtijd 0,98)" in tekst
    assert "alle 1990 bestanden (1887 pagina's) byte voor byte gelijk" in tekst
    assert "vloer 3,20 s, project 0,50 s CPU-tijd" in tekst and "verhouding ongeveer 1,18" in tekst
    assert "NIET GEHAALD" in next(r for r in regels if r.startswith(BOUWEN))
    assert all(b["naam"] in tekst for b in meting["budgets"])
    kop = next(r for r in regels if r.startswith("synthetisch, jaren × afspraken"))
    assert kop.index("1 × 80") < kop.index("20 × 80") < kop.index("40 × 80") < kop.index("20 × 200")
    assert "7,6" in next(r for r in regels if r.startswith("ms per pagina"))  # 28,5 s / 3767 pages
    assert "0,90 s" in next(r for r in regels if r.startswith("20 jaar"))  # the editors' loop, Dutch decimals
    assert "Let op" not in tekst
    meting["instellingen"]["keer"] = 3
    assert "Let op: 3 rondes, minder dan 5" in verslag(meting)


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


# --- the serve command ------------------------------------------------------------------------

MAKEFILE = """STAMP := $(VENV)/.installed

serve: $(STAMP)
\t{opdracht}

# comment
build: $(STAMP)
\trm -rf site.nieuw
"""


@pytest.mark.parametrize("opdracht, verwacht", [
    ("$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000",
     ["-m", "mkdocs", "serve", "--strict", "--dev-addr", "127.0.0.1:4321"]),
    ("@$(BIN)/python -m macros serve --dev-addr=127.0.0.1:8000",
     ["-m", "macros", "serve", "--dev-addr=127.0.0.1:4321"]),
    ("$(BIN)/mkdocs serve -a 127.0.0.1:8000 \\\n\t\t--strict", ["-m", "mkdocs", "serve", "-a", "127.0.0.1:4321", "--strict"]),
])
def test_serve_opdracht_uit_de_makefile(tmp_path, opdracht, verwacht):
    makefile = tmp_path / "Makefile"
    makefile.write_text(MAKEFILE.format(opdracht=opdracht), encoding="utf-8")
    assert bewerken.serve_opdracht("127.0.0.1:4321", makefile) == [sys.executable, *verwacht]


@pytest.mark.parametrize("opdracht, melding", [
    ("$(BIN)/mkdocs serve --strict", "zet geen adres"),
    ("$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --config-file $(CONFIG)", "variabelen"),
    ("mkdocs serve --dev-addr 127.0.0.1:8000", "begint niet met"),
    ("$(BIN)/mkdocs build\n\t$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000", "2 opdrachten"),
])
def test_serve_opdracht_die_de_meting_niet_kent_stopt_haar(tmp_path, opdracht, melding):
    makefile = tmp_path / "Makefile"
    makefile.write_text(MAKEFILE.format(opdracht=opdracht), encoding="utf-8")
    with pytest.raises(BenchFout, match=melding):
        bewerken.serve_opdracht("127.0.0.1:4321", makefile)


def test_serve_opdracht_van_het_project():
    """The bench can read what `make serve` runs in this very Makefile."""
    opdracht = bewerken.serve_opdracht("127.0.0.1:4321")
    assert opdracht[0] == sys.executable and "127.0.0.1:4321" in " ".join(opdracht)
    assert not any("$" in w for w in opdracht)


# --- the floor: capture, settings, hook, the same bytes ------------------------------------------

MARKDOWN = dict(extensions=["toc", "tables", "fenced_code"])  # MkDocs' own Markdown extensions
LICHAAM = """<div class="pa-pagina">
<p class="pa-meta">Thema <a href="../x/">X &amp; Y</a>.</p>

<h2>Wat is afgesproken</h2>
<table class="pa-feiten">
<tr><th scope="row">Jaar</th><td>2030</td></tr>
</table>
<pre>een

twee *niet* nadruk</pre>
<ul>
<li>_geen_ Markdown</li>
</ul>
</div>"""


def test_vastgelegde_pagina_geeft_dezelfde_html():
    """A page whose title went through Markdown and whose body a hook added after it: the
    captured source makes plain Markdown write the very same HTML (raw HTML is passed through)."""
    bron = "# Afspraak 3 (2030): Huur & meer\n"
    van_markdown = markdown.markdown(bron, **MARKDOWN)
    assert van_markdown.startswith('<h1 id="afspraak-3-2030-huur-meer">')
    inhoud = van_markdown + "\n" + LICHAAM
    assert markdown.markdown(vastleggen.bron_voor(bron, van_markdown, inhoud, "x.md"), **MARKDOWN) == inhoud
    # a page entirely from Markdown is captured as it is
    assert vastleggen.bron_voor(bron, van_markdown, van_markdown, "x.md") == bron
    for anders in ("<p>Ervoor</p>\n" + van_markdown, van_markdown + LICHAAM):
        with pytest.raises(vastleggen.VastleggenFout, match="x.md"):
            vastleggen.bron_voor(bron, van_markdown, anders, "x.md")


def test_voorwerk_van_de_metagegevens_als_gewone_yaml():
    meta = {"title": Markup("A &amp; B"), "hide": ["toc"], "jaar": 2030, "search": {"exclude": True}}
    tekst = vastleggen.voorwerk(meta)
    assert tekst.startswith("---\n") and tekst.endswith("---\n")
    assert yaml.safe_load(tekst.strip("-\n")) == {"title": "A &amp; B", "hide": ["toc"], "jaar": 2030,
                                                   "search": {"exclude": True}}
    assert vastleggen.voorwerk({}) == ""


def test_vloer_heeft_alleen_zoeken_thema_en_de_eigen_haak():
    project = {"site_name": "P", "theme": {"name": "material", "custom_dir": "overrides", "features": ["a"]},
               "hooks": ["macros/lijm/haak.py"], "watch": ["data"], "nav": [{"Home": "index.md"}],
               "plugins": [{"search": {"lang": "nl"}}, {"macros": {"module_name": "macros"}}],
               "extra_css": ["x.css"], "markdown_extensions": ["toc"], "validation": {"links": {"not_found": "warn"}}}
    vastgelegd = {"site_name": "Prestatieafspraken Lindeveld", "site_description": "D", "site_url": "http://h/",
                  "nav": [{"Home": "index.md"}, {"2030": ["2030/index.md"]}]}
    config = vloer_config(project, vastgelegd, ["2030/afspraken/1.md"], ["index.md", "2030/index.md",
                                                                         "2030/afspraken/1.md"])
    assert config["plugins"] == [{"search": {"lang": "nl"}}]
    assert config["hooks"] == ["vloerhaak.py"] and "watch" not in config
    assert config["theme"] == project["theme"] and config["extra_css"] == ["x.css"]
    assert config["markdown_extensions"] == ["toc"] and config["validation"] == project["validation"]
    assert config["nav"] == vastgelegd["nav"] and config["site_name"] == "Prestatieafspraken Lindeveld"
    assert config["not_in_nav"] == "/2030/afspraken/*.md"
    assert "plugins" not in vloer_config({k: v for k, v in project.items() if k != "plugins"}, vastgelegd, [], [])


def _sectie(*kinderen, **merken):
    return SimpleNamespace(children=list(kinderen), **merken)


def test_vloerhaak_zet_de_merken_van_het_menu_terug(tmp_path):
    nav = SimpleNamespace(items=[SimpleNamespace(), _sectie(SimpleNamespace(), pa_jaar=2031, pa_nieuwste=True),
                                 _sectie(_sectie(pa_diep=1), pa_jaar=2030, pa_nieuwste=False)])
    merken = vastleggen.merken(nav.items)
    assert merken == {"1": {"pa_jaar": 2031, "pa_nieuwste": True}, "2": {"pa_jaar": 2030, "pa_nieuwste": False},
                      "2/0": {"pa_diep": 1}}
    shutil.copy2(PROJECT / "bench" / "vloerhaak.py", tmp_path)
    shutil.copy2(PROJECT / WITRUIMTE, tmp_path)
    (tmp_path / "vloerhaak.json").write_text(json.dumps({"merken": merken, "volgorde": []}), encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        spec = importlib.util.spec_from_file_location("vloerhaak_proef", tmp_path / "vloerhaak.py")
        haak = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(haak)
    finally:
        sys.path.remove(str(tmp_path))
    leeg = SimpleNamespace(items=[SimpleNamespace(), _sectie(SimpleNamespace()), _sectie(_sectie())])
    haak.on_nav(leeg, None, None)
    assert vastleggen.merken(leeg.items) == merken


def test_verschillen_per_bestand(tmp_path):
    a, b = tmp_path / "synth", tmp_path / "vloer"
    for map_, index, extra, tijd in ((a, b"<p>a</p>", "x.html", 1), (b, b"<p>b</p>", "y.html", 2)):
        (map_ / "zoeken").mkdir(parents=True)
        (map_ / "index.html").write_bytes(index)
        (map_ / extra).write_bytes(b"")
        (map_ / "zoeken/site.json").write_bytes(b"[]")
        (map_ / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset/>", mtime=tijd))
    assert verschillen(a, b) == ["index.html (andere inhoud)", "x.html (alleen in synth)", "y.html (alleen in vloer)"]
    with pytest.raises(BenchFout, match="3 bestanden verschillen") as fout:
        controleer_zelfde_bytes(a, b, hoeveel=1)
    assert "index.html (andere inhoud)" in str(fout.value) and "x.html (alleen" not in str(fout.value)
    (b / "index.html").write_bytes(b"<p>a</p>")
    (b / "x.html").write_bytes(b"")
    (b / "y.html").unlink()
    assert controleer_zelfde_bytes(a, b) == 2


def test_vloer_bouwt_dezelfde_site_byte_voor_byte(tmp_path):
    """Capture a small project (two years; a site name with characters that HTML escapes),
    build its floor, and compare every file: what `make bench` checks at 20 years."""
    data = maak_gegevens("twee-jaren", tmp_path / "gegevens")
    gemeente = data / "gemeente.yaml"
    gemeente.write_text(gemeente.read_text(encoding="utf-8").replace("Lindeveld", "Linde & 's-Veld"),
                        encoding="utf-8")
    project = kopieer_project(tmp_path / "project", data)
    vloer = maak_vloer(project, leg_vast(project, tmp_path / "vastgelegd"), tmp_path / "vloer")
    assert not (vloer / "macros").exists() and (vloer / "overrides" / "partials" / "nav.html").is_file()
    bouw(project, tmp_path / "site-project")
    bouw(vloer, tmp_path / "site-vloer")
    assert verschillen(tmp_path / "site-project", tmp_path / "site-vloer") == []
    # the project puts a generated page's body back after Markdown; the floor passes it through Markdown
    pagina = "2031/afspraken/1.md"
    assert "<h2" not in (tmp_path / "vastgelegd" / "markdown" / pagina).read_text(encoding="utf-8")
    assert "<h2" in (vloer / "docs" / pagina).read_text(encoding="utf-8")
    assert set(markdown_cpu({"markdown_extensions": [{"toc": {"permalink": False}}]}, tmp_path / "vastgelegd")) == {
        "vloer_s", "project_s"}
    assert "Linde &amp; &#39;s-Veld" in (tmp_path / "site-vloer" / "index.html").read_text(encoding="utf-8")


def test_vloer_bouwt_dezelfde_site_met_voortgang(tmp_path):
    """The same with progress (the set gevolgd: every status, corrections, realised values):
    whatever pages show progress, the floor builds them byte for byte."""
    data = maak_gegevens("gevolgd", tmp_path / "gegevens")
    assert any(j.voortgang for j in laad(data).model.jaren.values())
    project = kopieer_project(tmp_path / "project", data)
    vloer = maak_vloer(project, leg_vast(project, tmp_path / "vastgelegd"), tmp_path / "vloer")
    bouw(project, tmp_path / "site-project")
    bouw(vloer, tmp_path / "site-vloer")
    assert verschillen(tmp_path / "site-project", tmp_path / "site-vloer") == []


def test_geschiedenis_meet_dezelfde_pagina_met_en_zonder_lange_geschiedenissen(tmp_path, monkeypatch):
    """bench/geschiedenis.py on a small example (gevolgd, 1 year of 12): the two data folders
    differ only in the other commitments' progress, and the measured page does not grow."""
    from bench import geschiedenis

    def klein(doel, jaren, afspraken, zaad, voorbeeld=None, extra=()):
        return synthetische_data(doel, jaren, afspraken, zaad, maak_gegevens("gevolgd", tmp_path / doel.name), extra)

    monkeypatch.setattr(geschiedenis, "synthetische_data", klein)
    uitslag = geschiedenis.meet(tmp_path / "werk", 12, 1)
    assert uitslag["gewoon"]["eigen_regels"] == uitslag["lang"]["eigen_regels"] >= 1
    assert uitslag["lang"]["voortgang_regels"] >= uitslag["gewoon"]["voortgang_regels"] + 11 * 9
    assert uitslag["verhouding"] == 1.0, uitslag
    assert begroting.budgetten({**METING, "geschiedenis": uitslag})[1].gehaald
    assert "verhouding 1.0" in geschiedenis.verslag(uitslag)
