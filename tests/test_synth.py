"""`python -m macros synth`: fictional data of real size and shape, for the benchmark and tests.

The example is a fixture set (`--data`): twee-jaren, whose latest year is not signed, as
after `make nieuw-jaar`."""
import re
import shutil
import statistics
import subprocess
import sys

import pytest
import yaml

from conftest import PROJECT, SCHEMA, bouw_zonder_waarschuwing, maak_gegevens, projectkopie
from macros.gereedschap.synth import EERSTE_JAAR, PEILGRENS
from macros.gereedschap.synth.namen import FICTIEVE_GEMEENTE
from macros.gereedschap.synth.opdracht import genereer, schrijf
from macros.gereedschap.cli import main
from macros.gegevens.laden import laad
from macros.paginas.tekst import Termen
from macros.gegevens.voortgang import STATUSSEN

JAREN, AFSPRAKEN = 3, 12
EERSTE = EERSTE_JAAR
VOORBEELD = "twee-jaren"


@pytest.fixture(scope="module")
def voorbeeldmap(tmp_path_factory):
    return maak_gegevens(VOORBEELD, tmp_path_factory.mktemp("voorbeeld"))


@pytest.fixture(scope="module")
def voorbeeld(voorbeeldmap):
    return laad(voorbeeldmap).model


def maak(voorbeeldmap, doel, jaren: int = JAREN, afspraken: int = AFSPRAKEN, *extra: str) -> int:
    return main(["--data", str(voorbeeldmap), "synth", "--jaren", str(jaren), "--afspraken", str(afspraken),
                 *extra, str(doel)])


def geldig(map_):
    resultaat = laad(map_)
    assert resultaat.meldingen == [], "\n".join(m.als_regel() for m in resultaat.meldingen)
    return resultaat.model


@pytest.fixture(scope="module")
def map_(tmp_path_factory, voorbeeldmap):
    """A small synthetic data folder, made once through the command line as the benchmark does."""
    doel = tmp_path_factory.mktemp("synth") / "data"
    uit = subprocess.run([sys.executable, "-m", "macros", "--data", str(voorbeeldmap), "synth", "--jaren",
                          str(JAREN), "--afspraken", str(AFSPRAKEN), str(doel)],
                         cwd=PROJECT, capture_output=True, text=True)
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert uit.stdout.startswith(f"Synthetische gegevens in {doel}: {JAREN} jaren, {JAREN * AFSPRAKEN} afspraken, ")
    return doel


@pytest.fixture(scope="module")
def model(map_):
    return geldig(map_)


def bestanden(map_):
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in sorted(map_.rglob("*")) if p.is_file()}


def test_een_volledige_map_zonder_fouten_of_waarschuwingen(map_, model, voorbeeldmap, voorbeeld):
    gedeeld = [p.name for p in voorbeeldmap.glob("*.yaml")]  # the shared files, as the example has them
    assert sorted(p.name for p in map_.iterdir()) == sorted([*(str(EERSTE + i) for i in range(JAREN)), "schema",
                                                             *gedeeld])
    assert bestanden(map_ / "schema") == bestanden(SCHEMA)
    assert list(model.jaren) == [EERSTE + i for i in range(JAREN)]
    aandeel = {t: sum(a.thema == t for a in voorbeeld.afspraken) / len(voorbeeld.afspraken) for t in voorbeeld.themas}
    for jaar in model.jaren.values():
        assert "ynthetisch" in jaar.titel
        # numbered 1..M in theme order, like the signed document
        nummers = [a.nummer for t in jaar.themas for a in t.afspraken]
        assert nummers == list(range(1, AFSPRAKEN + 1))
        # every theme of the example, spread in its proportions (a theme without commitments stays empty)
        aantallen = {t.thema: len(t.afspraken) for t in jaar.themas}
        assert list(aantallen) == list(voorbeeld.themas)
        for thema, n in aantallen.items():
            assert abs(n - AFSPRAKEN * aandeel[thema]) < 1, thema


def test_zelfde_zaad_geeft_dezelfde_bestanden(voorbeeldmap, voorbeeld, map_, tmp_path):
    assert maak(voorbeeldmap, tmp_path / "nog een") == 0
    assert bestanden(tmp_path / "nog een") == bestanden(map_)
    assert genereer(voorbeeld, 2, 10, zaad=7) != genereer(voorbeeld, 2, 10, zaad=8)


def test_eerste_jaren_van_een_lange_run_zijn_een_korte_run(voorbeeld):
    """The benchmark compares a commitment page of a 1-year and a 20-year site. Only the
    progress of the short run's last year may differ: there, a commitment the next year
    continues can be `doorgeschoven` (naming its successor) only when that year exists."""
    kort = genereer(voorbeeld, 2, 15)
    lang = genereer(voorbeeld, 5, 15)
    laatste = f"{EERSTE + 1}/voortgang.yaml"
    assert {naam: lang[naam] for naam in kort if naam != laatste} == {k: v for k, v in kort.items() if k != laatste}
    assert {naam.split("/")[0] for naam in set(lang) - set(kort)} == {str(EERSTE + i) for i in (2, 3, 4)}
    k, l_ = (yaml.safe_load(x[laatste])["voortgang"] for x in (kort, lang))
    sleutel = ("nummer", "afspraak", "peildatum", "vastgelegd")
    assert [[r[x] for x in sleutel] for r in k] == [[r[x] for x in sleutel] for r in l_]
    anders = [(a, b) for a, b in zip(k, l_) if a != b]
    assert anders, "the longer run carries something on into the next year"
    for a, b in anders:
        assert b["status"] == "doorgeschoven" and b["opvolger"].startswith(f"{EERSTE + 2}-")
        assert a["status"] != "doorgeschoven" and "opvolger" not in a


def test_voortzettingen_vormen_ketens_over_de_jaren(voorbeeldmap, tmp_path):
    doel = tmp_path / "data"
    assert maak(voorbeeldmap, doel, 8, 20) == 0
    model = laad(doel).model
    latere = [a for a in model.afspraken if a.jaar > EERSTE]
    voortgezet = [a for a in latere if a.voortzetting_van]
    assert 0.4 < len(voortgezet) / len(latere) < 0.9
    opvolgers = [a.voortzetting_van for a in voortgezet]
    assert len(opvolgers) == len(set(opvolgers))  # a commitment is continued at most once
    for a in voortgezet:
        vorige = model.afspraak(a.voortzetting_van)
        assert (vorige.jaar, vorige.thema, vorige.partijen) == (a.jaar - 1, a.thema, a.partijen)

    def lengte(a):
        return 1 + lengte(model.afspraak(a.voortzetting_van)) if a.voortzetting_van else 1

    lengtes = [lengte(a) for a in model.afspraken if a.id not in opvolgers]  # each chain, by its last link
    gevulde_themas = sum(bool(t.afspraken) for t in model.laatste_jaar.themas)
    assert lengtes.count(8) >= gevulde_themas  # a chain over all years in every theme
    assert len(set(lengtes)) >= 5  # and shorter ones


def test_gerelateerd_binnen_hetzelfde_jaar(model):
    relaties = [(a, r.afspraak) for a in model.afspraken for r in a.gerelateerd]
    assert len(relaties) >= 5
    for a, doel in relaties:
        assert doel != a.id and model.afspraak(doel).jaar == a.jaar


def test_tekstlengtes_zoals_in_het_voorbeeld(voorbeeld, model):
    def mediaan(afspraken, veld):
        return statistics.median(len(getattr(a, veld)) for a in afspraken)

    for veld in ("tekst", "titel"):
        verhouding = mediaan(model.afspraken, veld) / mediaan(voorbeeld.afspraken, veld)
        assert 2 / 3 < verhouding < 3 / 2, veld
    langste = max(len(a.tekst) for a in voorbeeld.afspraken)
    assert all(20 < len(a.tekst) < 1.5 * langste for a in model.afspraken)


def test_alle_soorten_inhoud(voorbeeld, model):
    afspraken = model.afspraken
    for veld in ("doelen", "termijn", "plaatsen", "documenten", "opmerkingen", "voortzetting_van"):
        assert any(getattr(a, veld) for a in afspraken), veld
    themas = [t for j in model.jaren.values() for t in j.themas]
    assert any(t.tabellen for t in themas) and any(t.doel for t in themas) and any(t.actualiteit for t in themas)
    huurders = [p for p in model.partijen.values() if p.vertegenwoordigt_huurders_van]
    assert huurders and all(p.soort == "huurdersorganisatie" for p in huurders)
    ondertekend = [j for j in voorbeeld.jaren.values() if j.ondertekening][-1]
    for jaar in model.jaren.values():
        assert len(jaar.ondertekening.ondertekenaars) == len(ondertekend.ondertekening.ondertekenaars)
        assert jaar.rollen.per_partij and jaar.inleiding

    # glossary terms occur in the text, as in the example
    def termen(m):
        t = Termen(m.begrippen)
        return {t.begrip[x.lower()] for a in m.afspraken for x in t.patroon.findall(a.tekst)}
    assert termen(voorbeeld) and len(termen(model)) == len(termen(voorbeeld))


def test_voorbeeld_waarvan_het_nieuwste_jaar_net_begonnen_is(gegevens, tmp_path):
    """`make nieuw-jaar` leaves an unsigned year without commitments: the synthetic years
    still take their signing, tables and texts from the latest signed year."""
    voorbeeldmap = gegevens("een-jaar")
    ondertekend = laad(voorbeeldmap).model.laatste_jaar
    assert main(["--data", str(voorbeeldmap), "nieuw-jaar", str(ondertekend.jaar + 1)]) == 0
    assert laad(voorbeeldmap).model.laatste_jaar.ondertekening is None
    assert maak(voorbeeldmap, tmp_path / "synth") == 0
    model = geldig(tmp_path / "synth")
    for jaar in model.jaren.values():
        assert len(jaar.ondertekening.ondertekenaars) == len(ondertekend.ondertekening.ondertekenaars)
        assert [len(t.tabellen) for t in jaar.themas] == [len(t.tabellen) for t in ondertekend.themas]


def test_voorbeeld_zonder_ondertekend_jaar_geeft_onondertekende_jaren(gegevens, tmp_path):
    voorbeeldmap = gegevens("een-jaar")
    jaarschijf = voorbeeldmap / str(laad(voorbeeldmap).model.laatste_jaar.jaar) / "jaarschijf.yaml"
    tekst = jaarschijf.read_text(encoding="utf-8")
    jaarschijf.write_text(re.sub(r"^ondertekening:\n(  .*\n)*", "", tekst, flags=re.MULTILINE), encoding="utf-8")
    assert all(j.ondertekening is None for j in laad(voorbeeldmap).model.jaren.values())
    assert maak(voorbeeldmap, tmp_path / "synth") == 0
    model = geldig(tmp_path / "synth")
    assert all(j.ondertekening is None for j in model.jaren.values())


def test_geen_namen_uit_het_voorbeeld(voorbeeld, map_):
    tekst = "\n".join(p.read_text(encoding="utf-8") for p in map_.rglob("*.yaml"))
    namen = {n for p in voorbeeld.partijen.values() for n in (p.naam, p.volledige_naam)}
    namen |= {p.naam for p in voorbeeld.plaatsen.values()} | {voorbeeld.gemeente.naam}
    namen |= {o.naam for j in voorbeeld.jaren.values() if j.ondertekening for o in j.ondertekening.ondertekenaars}
    for naam in namen:
        assert not re.search(rf"(?<!\w){re.escape(naam)}(?!\w)", tekst, re.IGNORECASE), naam
    assert yaml.safe_load((map_ / "gemeente.yaml").read_text(encoding="utf-8")) == {"naam": FICTIEVE_GEMEENTE}


def test_weigert_een_map_die_niet_leeg_is(tmp_path, capsys):
    (tmp_path / "iets.txt").write_text("van iemand anders", encoding="utf-8")
    assert main(["synth", "--jaren", "1", "--afspraken", "3", str(tmp_path)]) == 1
    melding = capsys.readouterr().err
    assert melding == f"Niets geschreven: de map {tmp_path} is niet leeg; geef een nieuwe of lege map.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["iets.txt"]


def test_weigert_een_map_in_de_voorbeeldgegevens(gegevens, capsys):
    voorbeeldmap = gegevens("een-jaar")
    assert main(["--data", str(voorbeeldmap), "synth", "--jaren", "1", "--afspraken", "3",
                 str(voorbeeldmap / "2099")]) == 1
    assert "ligt in de echte gegevens" in capsys.readouterr().err
    assert not (voorbeeldmap / "2099").exists()


@pytest.mark.parametrize("argumenten, melding", [
    (["--jaren", "0", "--afspraken", "5"], "--jaren moet 1 of meer zijn, niet 0"),
    (["--jaren", "2", "--afspraken", "-1"], "--afspraken moet 1 of meer zijn, niet -1"),
    (["--jaren", "100", "--afspraken", "5"], "--jaren mag hoogstens 77 zijn"),
])
def test_ongeldige_aantallen(tmp_path, capsys, argumenten, melding):
    assert main(["synth", *argumenten, str(tmp_path / "x")]) == 1
    assert melding in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_geen_getal(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["synth", "--jaren", "twee", "--afspraken", "5", str(tmp_path / "x")])
    assert stop.value.code != 0
    assert "'twee' is geen geheel getal" in capsys.readouterr().err


def test_site_uit_synthetische_gegevens(map_, model, tmp_path):
    project = projectkopie(tmp_path / "project")
    shutil.rmtree(project / "data")
    shutil.copytree(map_, project / "data")
    site = bouw_zonder_waarschuwing(project, tmp_path / "site")
    for jaar in model.jaren.values():
        j = jaar.jaar
        paginas = [f"{j}/", f"{j}/afspraken/", f"{j}/volledige-tekst/"]
        paginas += [f"{j}/themas/{t.thema}/" for t in jaar.themas]
        paginas += [f"{j}/partijen/{p}/" for p in model.partijen]
        paginas += [f"{j}/afspraken/{a.nummer}/" for a in jaar.afspraken]
        for pagina in paginas:
            assert (site / pagina / "index.html").is_file(), pagina
    # a continued commitment's page links to the one it continues
    a = next(a for a in model.laatste_jaar.afspraken if a.voortzetting_van)
    vorige = model.afspraak(a.voortzetting_van)
    html = (site / f"{a.jaar}/afspraken/{a.nummer}/index.html").read_text(encoding="utf-8")
    assert f'href="../../../{vorige.jaar}/afspraken/{vorige.nummer}/"' in html


def test_totalen_met_delen_en_uitvoerders_zoals_in_het_voorbeeld(gegevens, tmp_path):
    """An example with a total and its parts and with `uitvoerders` (andere-gemeente, 2028):
    the synthetic years have both, and pass the check without a warning (parts never add up
    to more than their total; a text naming some parties of a group heading names them)."""
    assert maak(gegevens("andere-gemeente"), tmp_path / "synth", 3, 40) == 0
    model = geldig(tmp_path / "synth")
    afspraken = model.afspraken
    assert any(d.deel_van for a in afspraken for d in a.doelen)
    assert any(u.onzeker for a in afspraken for u in a.uitvoerders)
    for a in afspraken:
        for t in a.totalen:
            assert all(d.eenheid == t.doel.eenheid for d in t.delen), a.id


# --- progress (voortgang.yaml) ----------------------------------------------------------------

@pytest.fixture(scope="module")
def gevolgd_synth(voorbeeld, tmp_path_factory):
    """Three years of 80 commitments: the years with progress (EERSTE_JAAR up to PEILGRENS)."""
    doel = tmp_path_factory.mktemp("gevolgd") / "data"
    schrijf(doel, genereer(voorbeeld, 4, 80), SCHEMA)
    return geldig(doel)


def test_voortgang_volgt_de_regels_en_ligt_voor_de_peilgrens(model, gevolgd_synth):
    for m in (model, gevolgd_synth):
        for jaar in m.jaren.values():
            datums = [d for r in jaar.voortgang for d in (r.peildatum, r.vastgelegd, *(b.datum for b in r.bronnen))]
            assert max(datums, default=PEILGRENS) <= PEILGRENS
            # only years that began before the limit have progress; the others an empty file
            assert bool(jaar.voortgang) == (f"{jaar.jaar}-01-01" <= PEILGRENS), jaar.jaar


def test_voortgang_is_een_echte_mix(gevolgd_synth):
    m = gevolgd_synth
    regels = [r for j in m.jaren.values() for r in j.voortgang]
    statussen = {r.status for r in regels}
    assert statussen == {s.id for s in STATUSSEN}
    per_afspraak = {}
    for r in regels:
        per_afspraak.setdefault(r.afspraak, []).append(r)
    afspraken = [a for a in m.afspraken if f"{a.jaar}-01-01" <= PEILGRENS]
    assert 0.7 < len(per_afspraak) / len(afspraken) < 1  # most assessed, not all
    lengtes = sorted(len(x) for x in per_afspraak.values())
    assert lengtes.count(1) and sum(n >= 3 for n in lengtes) > len(lengtes) / 4 and lengtes[-1] >= 10
    assert any(r.corrigeert for r in regels)
    assert {b.soort for r in regels for b in r.bronnen} >= {"volkshuisvestingsverslag", "evaluatie", "besluit"}
    waarden = [(r, g) for r in regels for g in r.gerealiseerd]
    assert any(g.voorlopig for _, g in waarden) and any(not g.voorlopig for _, g in waarden)
    assert any(g.methode == "NTA 8800" for _, g in waarden) or not any(
        d.eenheid == "labels" for a in afspraken for d in a.doelen)
    for r in regels:
        if r.status == "doorgeschoven":  # its successor continues it, in the next year
            assert m.afspraak(r.opvolger).voortzetting_van == r.afspraak
    # the current status of each commitment, as the site says it: several kinds
    assert len({m.verloop(a.id).status.id for a in afspraken}) >= 8


def test_delen_per_plaats_niet_meer_dan_het_totaal(gegevens, tmp_path):
    """andere-gemeente has a total with parts per place: their realised values stay within it."""
    voorbeeld_ = laad(gegevens("andere-gemeente")).model
    schrijf(tmp_path / "data", genereer(voorbeeld_, 3, 60), SCHEMA)
    model_ = geldig(tmp_path / "data")
    delen = [(r, g) for j in model_.jaren.values() for r in j.voortgang for g in r.gerealiseerd
             if model_.afspraak(r.afspraak).doelen[g.doel - 1].deel_van]
    assert delen, "some realised values are for a part per place"


def test_lange_geschiedenis_behalve_een_afspraak(voorbeeldmap, map_, tmp_path):
    """The benchmark's flag: every other commitment gets a long history; the spared one's
    entries stay exactly as they were, numbers included, and so does every other file."""
    assert maak(voorbeeldmap, tmp_path / "lang", JAREN, AFSPRAKEN, "--lange-geschiedenis-behalve", f"{EERSTE}-1") == 0
    gewoon, lang = bestanden(map_), bestanden(tmp_path / "lang")
    assert {k for k in gewoon if gewoon[k] != lang[k]} == {f"{j}/voortgang.yaml" for j in range(EERSTE, EERSTE + JAREN)
                                                            if f"{j}-01-01" <= PEILGRENS}
    a, b = geldig(map_), geldig(tmp_path / "lang")
    assert a.verloop(f"{EERSTE}-1").regels == b.verloop(f"{EERSTE}-1").regels != ()
    for x in a.jaren[EERSTE].afspraken[1:]:
        assert len(b.verloop(x.id).regels) >= len(a.verloop(x.id).regels) + 12
    assert maak(voorbeeldmap, tmp_path / "mis", 1, 3, "--lange-geschiedenis-behalve", "1999-1") == 1
