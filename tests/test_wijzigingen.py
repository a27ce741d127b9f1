"""`python -m macros wijzigingen BASE` / `make wijzigingen BASE=…`: the summary for reviewers.

Each test makes its own git repository whose first commit holds the fictional data set
`een-jaar` (tests/fixtures/), changes the data the way an editor would, and reads the
Markdown a reviewer gets. A new year is the set `twee-jaren` (een-jaar plus 2031).
"""
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import BEKEND, PROJECT, cli_in_proces, maak_gegevens
from macros.gegevens.laden import laad
from macros.gegevens.model import Gemeente, Model
from macros.gereedschap.wijzigingen.git import GitFout, data_op_versie
from macros.gereedschap.wijzigingen.woordverschil import woordverschil

KOP = "## Wijzigingen in de gegevens"
# git as on a clean CI machine: no user or system configuration, a name to commit with,
# and no looking for a repository above the test's folder.
GIT_OMGEVING = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
                "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}


def git(repo: Path, *args: str) -> None:
    omgeving = {**os.environ, **GIT_OMGEVING, "GIT_CEILING_DIRECTORIES": str(repo.parent)}
    subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
                   cwd=repo, env=omgeving, check=True, capture_output=True)


def commit(repo: Path, bericht: str) -> None:
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--allow-empty", "-m", bericht)


@pytest.fixture
def repo(gegevens) -> Path:
    """A git repository whose only commit holds the data set een-jaar as data/."""
    project = gegevens("een-jaar").parent
    git(project, "init", "--quiet")
    commit(project, "begin")
    return project


def vervang_gegevens(repo: Path, naam: str) -> None:
    """Replace the repository's data/ by the fixture data set `naam` (not committed)."""
    shutil.rmtree(repo / "data")
    maak_gegevens(naam, repo)


def model(repo: Path) -> Model:
    """The data in the working tree, loaded."""
    return laad(repo / "data").model


def wijzigingen(repo: Path, versie: str = "HEAD", *extra: str) -> subprocess.CompletedProcess:
    omgeving = {**GIT_OMGEVING, "GIT_CEILING_DIRECTORIES": str(repo.parent)}
    return cli_in_proces("--data", str(repo / "data"), "wijzigingen", versie, *extra, omgeving=omgeving)


def samenvatting(repo: Path, versie: str = "HEAD") -> str:
    uit = wijzigingen(repo, versie)
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert uit.stderr == ""
    return uit.stdout


def vervang(pad: Path, oud: str, nieuw: str) -> None:
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.count(oud) == 1, f"{oud!r} staat niet precies één keer in {pad}"
    pad.write_text(tekst.replace(oud, nieuw), encoding="utf-8")


def knip(pad: Path, begin: str, eind: str) -> str:
    """Remove the lines from `begin` up to (not including) `eind` from a file; returns them."""
    tekst = pad.read_text(encoding="utf-8")
    i, j = tekst.index(begin), tekst.index(eind)
    pad.write_text(tekst[:i] + tekst[j:], encoding="utf-8")
    return tekst[i:j]


def voeg_toe(pad: Path, tekst: str) -> None:
    with pad.open("a", encoding="utf-8") as f:
        f.write(tekst)


def meekijken(tekst: str) -> list[str]:
    """The parties listed under 'Wie moet meekijken'."""
    deel = tekst.split("### Wie moet meekijken\n", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"^- (.+)$", deel, flags=re.M)


def alle_partijen(m: Model) -> list[str]:
    return [p.naam for p in m.partijen.values()]


def partijen_van(m: Model, id_: str) -> list[str]:
    return [m.partijen[p].naam for p in m.afspraak(id_).partijen]


def gewijzigd(tekst: str) -> list[str]:
    """The names of the changed things, in order (one bold line each)."""
    return re.findall(r"^\*\*(.+?)\*\*", tekst, flags=re.M)


def hoofdstuk(tekst: str, kop: str) -> str:
    """The part of the summary under '### kop', up to the next chapter."""
    return tekst.split(f"\n### {kop}\n", 1)[1].split("\n### ", 1)[0]


def naam(m: Model, id_: str) -> str:
    """A commitment as the summary names it: 'Afspraak 4 (2030): <titel>'."""
    a = m.afspraak(id_)
    return f"Afspraak {a.nummer} ({a.jaar}): {a.titel}"


def in_zin(m: Model, id_: str) -> str:
    """A commitment named inside a sentence: 'afspraak 4 (2030): <titel>'."""
    tekst = naam(m, id_)
    return tekst[:1].lower() + tekst[1:]


def adres(id_: str) -> str:
    jaar, nummer = id_.split("-")
    return f"`/{jaar}/afspraken/{nummer}/`"


def pagina(m: Model, id_: str, uitleg: str) -> str:
    """A line of the list of pages that change along."""
    return f"- **{naam(m, id_)}** ({adres(id_)}): {uitleg}\n"


MEEVERANDERD = ("#### Pagina's die meeveranderen\n\nOp de pagina van deze afspraken komt een link naar een "
                "andere afspraak bij, of verdwijnt er een, omdat die andere afspraak nieuw is, weg is of is "
                "gewijzigd:\n\n")


WONINGBOUW = "data/2030/woningbouw.yaml"
HUUR = "data/2030/huur-en-woonlasten.yaml"
TITEL_4 = "titel: Geen ontruimingen om alleen huurachterstand"
TEKST_4 = "Woonkring en de huurdersraad gaan voor nul ontruimingen om alleen huurachterstanden."
AFSPRAAK_3 = ("  - nummer: 3\n", "tabellen:\n")  # the last commitment in woningbouw.yaml, to cut out


def test_geen_wijzigingen_ook_niet_als_alleen_de_opmaak_van_de_yaml_verandert(repo):
    # Rewrapped text, another quoting style and a new comment: a reader sees nothing new.
    pad = repo / HUUR
    vervang(pad, f"    tekst: |\n      {TEKST_4}\n",
            "    # een opmerking voor de redactie\n    tekst: >\n      Woonkring en de huurdersraad gaan\n"
            "      voor nul ontruimingen om alleen huurachterstanden.\n")
    vervang(pad, TITEL_4, 'titel: "Geen ontruimingen om alleen huurachterstand"')
    assert samenvatting(repo) == f"{KOP}\n\nGeen wijzigingen in de gegevens ten opzichte van `HEAD`.\n"


def test_gewijzigde_tekst_en_titel_tonen_precies_de_veranderde_woorden(repo):
    pad = repo / HUUR
    vervang(pad, "huurdersraad gaan voor nul ontruimingen", "huurdersraad gaan voor zo min mogelijk ontruimingen")
    vervang(pad, "titel: Geen ontruimingen om alleen", "titel: Nooit ontruimingen om alleen")
    uit = samenvatting(repo)
    nu = model(repo)
    assert gewijzigd(uit) == [naam(nu, "2030-4")] == ["Afspraak 4 (2030): Nooit ontruimingen om alleen huurachterstand"]
    assert f"**{naam(nu, '2030-4')}** ({adres('2030-4')})\n" in uit
    assert "- **Titel**: <del>Geen</del> <ins>Nooit</ins> ontruimingen om alleen huurachterstand\n" in uit
    assert ("- **Tekst**: Woonkring en de huurdersraad gaan voor <del>nul</del> <ins>zo min mogelijk</ins> "
            "ontruimingen om alleen huurachterstanden.\n") in uit
    assert "Afspraken: 1 gewijzigd." in uit
    # the parties whose commitment it is, not all parties
    assert meekijken(uit) == partijen_van(nu, "2030-4") != alle_partijen(nu)


def test_gewijzigde_velden_met_namen_in_plaats_van_ids(repo):
    vervang(repo / HUUR, f"""    verantwoordelijk: [verhuurder-en-huurders]
    tekst: |
      {TEKST_4}
    doelen:
      - wat: ontruimingen om alleen huurachterstand
        aantal: 0
""", f"""    verantwoordelijk: [woonkring, gemeente-lindeveld]
    tekst: |
      {TEKST_4}
    plaatsen: [beekdorp, heidezand]
    termijn:
      tekst: voor de zomer
      jaar: 2030
      kwartaal: 2
    doelen:
      - wat: ontruimingen om alleen huurachterstand
        aantal: 1.5
""")
    uit = samenvatting(repo)
    nu = model(repo)
    assert f"**{naam(nu, '2030-4')}** ({adres('2030-4')})\n\n" + "\n".join([
        "- **Partijen van de tussenkop**:",
        "  - was ‘Woonkring en haar huurders’, wordt ‘Woonkring’",
        "  - erbij: ‘Gemeente Lindeveld’",
        "- **Waar**:",
        "  - erbij: ‘Beekdorp’",
        "  - erbij: ‘Heidezand’",
        "- **Doel in cijfers**: <del>0</del> <ins>1,5</ins> ontruimingen: ontruimingen om alleen huurachterstand",
        "- **Wanneer**: nieuw: ‘voor de zomer’",
    ]) + "\n" in uit
    assert gewijzigd(uit) == [naam(nu, "2030-4")]
    assert meekijken(uit) == alle_partijen(nu)  # the parties before and after


def test_een_termijn_die_alleen_van_jaar_verandert_staat_er_toch_in(repo):
    # The site shows the deadline's text; the year is in the open data and the filters.
    vervang(repo / WONINGBOUW, "      tekst: in 2030\n      jaar: 2030\n", "      tekst: in 2030\n      jaar: 2031\n")
    assert "- **Wanneer, jaar**: was ‘2030’, wordt ‘2031’\n" in samenvatting(repo)


def test_nieuwe_en_verwijderde_afspraak(repo, een_jaar):
    knip(repo / WONINGBOUW, *AFSPRAAK_3)
    voeg_toe(repo / HUUR, "  - nummer: 6\n    titel: Een nieuwe afspraak\n    kop: Woonkring\n"
                          "    verantwoordelijk: [woonkring]\n    tekst: Woonkring doet iets nieuws.\n")
    uit = samenvatting(repo)
    assert (f"Nieuw:\n\n- **Afspraak 6 (2030): Een nieuwe afspraak** ({adres('2030-6')}): "
            f"thema {een_jaar.themas['huur-en-woonlasten'].naam}; wie doet het: Woonkring\n") in uit
    assert f"Weg:\n\n- **{naam(een_jaar, '2030-3')}**: de pagina {adres('2030-3')} verdwijnt\n" in uit
    assert "Afspraken: 1 nieuw, 1 weg." in uit
    assert "Gewijzigd:" not in uit


def test_afspraak_naar_een_ander_thema(repo, een_jaar):
    voeg_toe(repo / HUUR, knip(repo / WONINGBOUW, *AFSPRAAK_3))
    uit = samenvatting(repo)
    assert gewijzigd(uit) == [naam(een_jaar, "2030-3")]
    assert "- **Thema**: was ‘Woningbouw’, wordt ‘Huur en woonlasten’\n" in uit


def test_thema_tekst_en_tabel_in_een_jaar(repo):
    pad = repo / WONINGBOUW
    # a long text, so that the summary quotes only the words around the change
    vervang(pad, "  Er zijn te weinig woningen in Beekdorp.\n",
            "  Er zijn te weinig woningen in Beekdorp. Het aandeel woningzoekenden dat langer dan twee jaar\n"
            "  wacht, is gestegen van 20% in 2025 naar 25% nu. Jongeren en ouderen vinden het moeilijkst\n"
            "  een passende woning in hun eigen dorp of kern.\n")
    commit(repo, "lange tekst")
    vervang(pad, "naar 25% nu", "naar 26% nu")
    vervang(pad, "      - [Beekdorp, 12, {", "      - [Beekdorp, 14, {")
    commit(repo, "thema")
    uit = samenvatting(repo, "HEAD~1")
    nu = model(repo)
    assert gewijzigd(uit) == [nu.themas["woningbouw"].naam]
    assert "**Woningbouw** (`/2030/themas/woningbouw/`)\n" in uit
    assert ("- **Onze actualiteit**:\n\n  > … twee jaar wacht, is gestegen van 20% in 2025 naar "
            "<del>25%</del> <ins>26%</ins> nu. Jongeren en ouderen vinden het moeilijkst een passende "
            "woning …\n") in uit
    assert ("- **Tabel ‘Tabel 1: fictieve bouwplanning’, rijen**: rij 1 (Beekdorp), kolom ‘2030’: "
            "<del>12</del> <ins>14</ins>\n") in uit
    assert meekijken(uit) == alle_partijen(nu)  # a theme's text is signed by all
    assert samenvatting(repo, "HEAD").endswith("Geen wijzigingen in de gegevens ten opzichte van `HEAD`.\n")


def test_jaarschijf(repo, een_jaar):
    pad = repo / "data/2030/jaarschijf.yaml"
    vervang(pad, "motto: Goed wonen in Lindeveld", "motto: Goed en betaalbaar wonen in Lindeveld")
    vervang(pad, 'datum: "2029-12-10"', 'datum: "2029-12-11"')
    uit = samenvatting(repo)
    assert f"**{een_jaar.jaren[2030].titel}** (`/2030/`)\n" in uit
    assert "- **Motto**: Goed <ins>en betaalbaar</ins> wonen in Lindeveld\n" in uit
    assert "- **Ondertekening, datum**: was ‘10 december 2029’, wordt ‘11 december 2029’\n" in uit


def test_partijen_groepen_en_begrippen(repo):
    partijen = repo / "data/partijen.yaml"
    vervang(partijen, "volledige_naam: Stichting Woonkring", "volledige_naam: Woningstichting Woonkring")
    vervang(partijen, "    leden: [woonkring, huurdersraad-woonkring]\n", "    leden: [woonkring]\n")
    begrippen = repo / "data/begrippen.yaml"
    vervang(begrippen, "uitleg: De afspraken voor één jaar.", "uitleg: De afspraken voor een jaar.")
    voeg_toe(begrippen, "  - id: huurtoeslag\n    term: huurtoeslag\n    uitleg: Geld van de overheid voor de huur.\n")
    uit = samenvatting(repo)
    assert "### Voor alle jaren\n\n#### Partijen\n\nGewijzigd:\n\n**Woonkring**\n\n" in uit
    assert "- **Volledige naam**: <del>Stichting</del> <ins>Woningstichting</ins> Woonkring\n" in uit
    assert ("#### Groepen van partijen\n\nGewijzigd:\n\n**Woonkring en haar huurders**\n\n"
            "- **Leden**: eraf: ‘Huurdersraad Woonkring’\n") in uit
    assert "#### Begrippen\n\nNieuw:\n\n- **huurtoeslag**\n" in uit
    assert "- **Uitleg**: De afspraken voor <del>één</del> <ins>een</ins> jaar.\n" in uit
    # the commitments of the group are not each listed: what changed is the group
    assert "#### Afspraken" not in uit
    assert meekijken(uit) == alle_partijen(model(repo))


def test_alleen_een_partij_zelf_gewijzigd_dan_kijkt_alleen_die_partij_mee(repo):
    vervang(repo / "data/partijen.yaml", "volledige_naam: Stichting Woonkring",
            "volledige_naam: Woningstichting Woonkring")
    assert meekijken(samenvatting(repo)) == ["Woonkring"]


def test_een_andere_naam_van_de_gemeente_is_de_naam_van_de_site(repo, een_jaar):
    vervang(repo / "data/gemeente.yaml", f"naam: {een_jaar.gemeente.naam}", "naam: Zuiderveld")
    uit = samenvatting(repo)
    oud, nieuw = een_jaar.gemeente, Gemeente("Zuiderveld")
    assert hoofdstuk(uit, "Voor alle jaren") == "\n".join([
        "", "#### Gemeente", "", "Gewijzigd:", "", "**Zuiderveld**", "",
        f"- **Naam**: <del>{oud.naam}</del> <ins>Zuiderveld</ins>",
        f"- **Naam van de site, op elke pagina**: was ‘{oud.sitenaam}’, wordt ‘{nieuw.sitenaam}’", ""])
    assert meekijken(uit) == alle_partijen(een_jaar)  # every page changes


def test_nieuw_jaar_met_afspraken_die_eerdere_afspraken_voortzetten(repo, een_jaar, twee_jaren):
    vervang_gegevens(repo, "twee-jaren")
    uit = samenvatting(repo)
    jaar = twee_jaren.jaren[2031]
    themas = {a.thema for a in jaar.afspraken}
    assert f"### 2031 (nieuw)\n\nNieuw jaar op de site: {jaar.titel} (`/2031/`). Het heeft {len(jaar.afspraken)} " \
           f"afspraken in {len(themas)} thema’s. Het is nog niet ondertekend.\n" in uit
    assert (f"- **{naam(twee_jaren, '2031-1')}** ({adres('2031-1')}): thema Woningbouw; "
            "wie doet het: Woonkring\n") in uit
    assert meekijken(uit) == alle_partijen(twee_jaren)  # a new year concerns all
    # The pages of 2030 that get a link to a 2031 commitment, and only those.
    oud = hoofdstuk(uit, "2030")
    assert "Afspraken:" not in oud  # no commitment of 2030 changed itself
    assert MEEVERANDERD + "".join([
        pagina(een_jaar, "2030-1", "bij ‘In andere jaren’ komt een link naar "
                                   f"‘{in_zin(twee_jaren, '2031-1')}’, die deze afspraak voortzet"),
        pagina(een_jaar, "2030-3", "bij ‘Hangt samen met’ komt een link naar "
                                   f"‘{in_zin(twee_jaren, '2031-2')}’, die naar deze afspraak verwijst"),
        pagina(een_jaar, "2030-4", "bij ‘In andere jaren’ komt een link naar "
                                   f"‘{in_zin(twee_jaren, '2031-3')}’, die deze afspraak voortzet"),
    ]) in oud
    assert uit.index("### 2031 (nieuw)") < uit.index("### 2030\n")  # newest year first


def test_jaar_weg_haalt_de_links_op_de_paginas_van_eerdere_jaren_weg(repo, een_jaar, twee_jaren):
    vervang_gegevens(repo, "twee-jaren")
    commit(repo, "2031")
    vervang_gegevens(repo, "een-jaar")
    uit = samenvatting(repo)
    assert (f"### 2031 (weg)\n\nDit jaar verdwijnt van de site: {twee_jaren.jaren[2031].titel}, met "
            f"{len(twee_jaren.jaren[2031].afspraken)} afspraken. Alle pagina's onder `/2031/` verdwijnen.\n") in uit
    oud = hoofdstuk(uit, "2030")
    assert MEEVERANDERD + "".join([
        pagina(een_jaar, "2030-1", "bij ‘In andere jaren’ verdwijnt de link naar "
                                   f"‘{in_zin(twee_jaren, '2031-1')}’, die deze afspraak voortzette"),
        pagina(een_jaar, "2030-3", "bij ‘Hangt samen met’ verdwijnt de link naar "
                                   f"‘{in_zin(twee_jaren, '2031-2')}’, die naar deze afspraak verwees"),
    ]) in oud
    assert gewijzigd(oud) == []  # the pages change along, the commitments themselves do not


def test_een_verwijzing_binnen_een_jaar_verandert_ook_de_pagina_waarnaar_ze_wijst(repo):
    # 2030-5 (nobody named) gets a related commitment: 2030-3; 2030-3's page shows the backlink.
    vervang(repo / HUUR, "    verantwoordelijk: []\n", "    verantwoordelijk: []\n    gerelateerd:\n"
                                                       "      - afspraak: \"2030-3\"\n        reden: Ook samen.\n")
    uit = samenvatting(repo)
    nu = model(repo)
    assert gewijzigd(uit) == [naam(nu, "2030-5")]
    assert f"- **Hangt samen met**: erbij: ‘{in_zin(nu, '2030-3')}. Ook samen.’\n" in uit
    assert MEEVERANDERD + pagina(nu, "2030-3", "bij ‘Hangt samen met’ komt een link naar "
                                               f"‘{in_zin(nu, '2030-5')}’, die naar deze afspraak verwijst") in uit


def test_een_verwijzing_die_er_al_stond_verandert_geen_andere_pagina(repo, een_jaar):
    # 2030-2 names 2030-1, so both pages link to each other already; 2030-1 now names
    # 2030-2 as well: its own field changes, no link appears on or vanishes from a page.
    vervang(repo / WONINGBOUW, "    documenten: [woonplan-lindeveld]\n", "    documenten: [woonplan-lindeveld]\n"
            "    gerelateerd:\n      - afspraak: \"2030-2\"\n        reden: Op die grond.\n")
    uit = samenvatting(repo)
    assert gewijzigd(uit) == [naam(een_jaar, "2030-1")]
    assert f"- **Hangt samen met**: erbij: ‘{in_zin(een_jaar, '2030-2')}. Op die grond.’\n" in uit
    assert "Pagina's die meeveranderen" not in uit


def test_een_nieuw_jaar_met_lege_themas_telt_die_themas_niet(repo):
    # make nieuw-jaar: every theme of the latest year, as a file with `afspraken: []`
    uit = cli_in_proces("--data", str(repo / "data"), "nieuw-jaar", "2031")
    assert uit.returncode == 0, uit.stdout + uit.stderr
    jaar = model(repo).jaren[2031]
    assert jaar.themas and not jaar.afspraken
    uit = samenvatting(repo)
    assert (f"### 2031 (nieuw)\n\nNieuw jaar op de site: {jaar.titel} (`/2031/`). Er staan nog geen afspraken in. "
            "Het is nog niet ondertekend.\n") in uit
    assert "thema’s" not in hoofdstuk(uit, "2031 (nieuw)")
    assert "#### Afspraken" not in uit
    assert "### 2030" not in uit

    # One commitment in one theme: the themes still empty are named as such, not counted.
    vervang(repo / "data/2031/woningbouw.yaml", "\nafspraken: []\n", "\nafspraken:\n  - nummer: 1\n"
            "    titel: Iets nieuws\n    verantwoordelijk: [woonkring]\n    tekst: Woonkring doet iets nieuws.\n")
    leeg = [model(repo).themas[t.thema].naam for t in jaar.themas if t.thema != "woningbouw"]
    assert len(leeg) == 2
    assert (f"Het heeft 1 afspraak in 1 thema. De thema’s {leeg[0]} en {leeg[1]} hebben nog geen afspraken. "
            "Het is nog niet ondertekend.\n") in samenvatting(repo)


def test_een_leeg_thema_erbij_in_een_bestaand_jaar_heet_nog_zonder_afspraken(repo, een_jaar):
    pad = repo / "data/2030/tijdelijk-wonen.yaml"
    tekst = pad.read_text(encoding="utf-8")
    pad.unlink()
    commit(repo, "zonder leeg thema")
    pad.write_text(tekst, encoding="utf-8")
    uit = samenvatting(repo)
    assert (f"#### Thema's in 2030\n\nNieuw:\n\n- **{een_jaar.themas['tijdelijk-wonen'].naam}** "
            "(`/2030/themas/tijdelijk-wonen/`): nog zonder afspraken\n") in uit


def test_gegevens_in_de_werkmap_met_fouten_geven_de_meldingen_en_exit_1(repo):
    vervang(repo / WONINGBOUW, "verantwoordelijk: [woonkring]", "verantwoordelijk: [woonkirng]")
    uit = wijzigingen(repo)
    assert uit.returncode == 1
    assert "Traceback" not in uit.stdout + uit.stderr
    assert uit.stdout.startswith(f"{KOP}\n\nDe gegevens in deze versie hebben 1 fout. Los die eerst op;")
    assert ("\n```text\ndata/2030/woningbouw.yaml:12:24: afspraken[1].verantwoordelijk[1]: "
            f"onbekende partij of groep 'woonkirng'; {BEKEND['partij of groep']}; "
            "bedoelde u 'woonkring'?\n```\n") in uit.stdout


def test_base_met_fouten_of_zonder_gegevens_vergelijkt_met_niets(repo, gegevens, een_jaar):
    vervang(repo / WONINGBOUW, "verantwoordelijk: [woonkring]", "verantwoordelijk: [woonkirng]")
    commit(repo, "fout")
    vervang(repo / WONINGBOUW, "verantwoordelijk: [woonkirng]", "verantwoordelijk: [woonkring]")
    uit = samenvatting(repo)
    assert "De gegevens in `HEAD` hebben 1 fout en zijn daarom niet te lezen: alles hieronder staat als nieuw." in uit
    assert "onbekende partij of groep 'woonkirng'" in uit
    assert "### 2030 (nieuw)" in uit

    leeg = gegevens("een-jaar").parent
    shutil.move(leeg / "data", leeg.parent / "nog-niet")
    git(leeg, "init", "--quiet")
    commit(leeg, "nog zonder gegevens")
    shutil.move(leeg.parent / "nog-niet", leeg / "data")
    uit = samenvatting(leeg)
    assert "In `HEAD` is er nog geen map `data/` met gegevens: alles hieronder is nieuw." in uit
    assert f"- **{naam(een_jaar, '2030-1')}** ({adres('2030-1')})" in uit
    partij = next(iter(een_jaar.partijen.values())).naam
    assert f"#### Partijen\n\nNieuw:\n\n- **{partij}**\n" in uit
    assert (f"#### Gemeente\n\nNieuw:\n\n- **{een_jaar.gemeente.naam}**: de site heet "
            f"‘{een_jaar.gemeente.sitenaam}’\n") in uit


def test_onbekende_versie_of_geen_git_repository_exit_2_zonder_traceback(repo, gegevens, tmp_path):
    uit = wijzigingen(repo, "bestaat-niet")
    assert uit.returncode == 2
    assert uit.stdout == ""
    assert uit.stderr.startswith("Onbekende versie 'bestaat-niet': dat is geen branch, tag of commit")
    with pytest.raises(GitFout, match="Onbekende versie '--output=x'"):  # never an option for git
        data_op_versie(repo / "data", "--output=x", tmp_path / "uit")

    los = gegevens("een-jaar").parent
    uit = wijzigingen(los)
    assert uit.returncode == 2
    assert "hoort niet bij een git-repository" in uit.stderr
    assert "Traceback" not in uit.stdout + uit.stderr


def test_uit_schrijft_naar_een_bestand(repo, tmp_path):
    vervang(repo / HUUR, "huurdersraad gaan voor nul", "huurdersraad gaan voor geen")
    doel = tmp_path / "samenvatting.md"
    uit = wijzigingen(repo, "HEAD", "--uit", str(doel))
    assert (uit.returncode, uit.stdout, uit.stderr) == (0, "", "")
    assert "<del>nul</del> <ins>geen</ins>" in doel.read_text(encoding="utf-8")


def test_tekst_uit_de_gegevens_wordt_geen_opmaak_of_html(repo):
    vervang(repo / HUUR, TITEL_4,
            "titel: Geen <script>x</script> *ontruimingen* om [alleen](https://example.org) huurachterstand")
    uit = samenvatting(repo)
    assert "<script>" not in uit
    assert ("<ins>&lt;script&gt;x&lt;/script&gt; \\*ontruimingen\\*</ins> om <del>alleen</del> "
            "<ins>\\[alleen\\](https://example.org)</ins> huurachterstand") in uit


def test_woordverschil():
    assert woordverschil("a b c d", "a x c d") == "a <del>b</del> <ins>x</ins> c d"
    assert woordverschil("a b", "a") == "a <del>b</del>"
    assert woordverschil("a", "b a") == "<ins>b</ins> a"
    # a mark never spans two paragraphs
    assert woordverschil("a\n\nb", "c") == "<del>a</del>\n\n<del>b</del> <ins>c</ins>"
    # with context: far-away words become …, the mark for missing words stays as it is
    oud = " ".join(f"w{i}" for i in range(30))
    assert woordverschil(oud, oud.replace("w15", "x"), context=2) == "… w13 w14 <del>w15</del> <ins>x</ins> w16 w17 …"
    assert woordverschil("[…] a", "[…] b") == "[…] <del>a</del> <ins>b</ins>"
    # text that starts a paragraph never turns into a list or a heading
    assert woordverschil("- a\n\n1. b c", "- a\n\n1. b d") == "\\- a\n\n1\\. b <del>c</del> <ins>d</ins>"


def test_make_zonder_base_geeft_de_opdracht_die_wel_werkt():
    omgeving = {k: v for k, v in os.environ.items() if k not in ("BASE", "MAKEFLAGS")}
    uit = subprocess.run(["make", "--no-print-directory", "-C", str(PROJECT), "wijzigingen"],
                         env=omgeving, capture_output=True, text=True)
    assert uit.returncode != 0
    assert "Geef aan waarmee je vergelijkt: make wijzigingen BASE=origin/main" in uit.stderr
    assert uit.stdout == ""  # stopped before setting anything up
    droog = subprocess.run(["make", "--no-print-directory", "--dry-run", "-C", str(PROJECT), "wijzigingen",
                            "BASE=origin/main"], env=omgeving, capture_output=True, text=True)
    assert droog.returncode == 0, droog.stderr
    # the value reaches the program through the environment, never as text of the command
    assert droog.stdout.splitlines()[-1] == '.venv/bin/python -m macros wijzigingen "$BASE"'


def test_totaal_met_delen_en_wie_de_tekst_noemt(repo):
    """A target made into a total with a part, and who the text names: reviewers see both."""
    vervang(repo / WONINGBOUW, "        plaats: beekdorp\n    termijn:", "        plaats: beekdorp\n        id: bouw\n"
            "      - {wat: nieuwe huurwoningen, aantal: 4, eenheid: woningen, jaar: 2030, plaats: beekdorp, "
            "deel_van: bouw, opmerking: Vier van de twaalf.}\n    termijn:")
    vervang(repo / HUUR, "uitvoerders: [{wie: [verhuurder-en-huurders], woorden: Woonkring en de huurdersraad}]",
            "uitvoerders: [{wie: [huurdersraad-woonkring], woorden: Woonkring en de huurdersraad, onzeker: true, "
            "opmerking: Twijfel.}]")
    uit = samenvatting(repo)
    assert ("- **Doel in cijfers**:\n"
            "  - minimaal 12 woningen: nieuwe huurwoningen (in 2030), Beekdorp <ins>(totaal ‘bouw’)</ins>\n"
            "  - erbij: ‘waarvan 4 woningen: nieuwe huurwoningen (in 2030), Beekdorp (deel van ‘bouw’) "
            "(noot: Vier van de twaalf.)’\n") in uit
    assert ("- **Wie doet het volgens de tekst**: <del>Woonkring en haar huurders:</del> <ins>niet zeker: "
            "Huurdersraad Woonkring:</ins> ‘Woonkring en de huurdersraad’ <ins>(noot: Twijfel.)</ins>\n") in uit


def test_wie_de_tekst_noemt_kijkt_mee_ook_buiten_de_tussenkop(repo):
    """A party the text names, outside the sub-heading, reviews a change of that commitment."""
    vervang(repo / WONINGBOUW, "    verantwoordelijk: [woonkring]\n",
            "    verantwoordelijk: [woonkring]\n    uitvoerders:\n      - {wie: [woonkring], woorden: Woonkring bouwt}\n"
            "      - {wie: [gemeente-lindeveld], woorden: in Beekdorp, onzeker: true, opmerking: Twijfel.}\n")
    nu = model(repo)
    assert meekijken(samenvatting(repo)) == [nu.partijen[p].naam for p in ("gemeente-lindeveld", "woonkring")]


def test_nieuwe_afspraak_noemt_wie_de_tekst_noemt(repo, een_jaar):
    """A new commitment under a group heading whose text names one party: that party, not the group."""
    voeg_toe(repo / HUUR, "  - nummer: 6\n    titel: Een bezoek\n    kop: Woonkring en de huurdersraad\n"
                          "    verantwoordelijk: [verhuurder-en-huurders]\n"
                          "    tekst: De huurdersraad bezoekt de huurders.\n"
                          "    uitvoerders: [{wie: [huurdersraad-woonkring], woorden: De huurdersraad bezoekt}]\n")
    uit = samenvatting(repo)
    assert (f"- **Afspraak 6 (2030): Een bezoek** ({adres('2030-6')}): thema "
            f"{een_jaar.themas['huur-en-woonlasten'].naam}; wie doet het: Huurdersraad Woonkring (volgens de tekst)\n"
            ) in uit


# --- progress (data/<jaar>/voortgang.yaml): appended entries, never edited ------------------

VOORTGANG = "data/2021/voortgang.yaml"
NIEUWE_VOORTGANG = """  - nummer: 14
    afspraak: "2021-10"
    peildatum: "2022-06-30"
    vastgelegd: "2022-07-01"
    status: loopt
    toelichting: Het eerste spreekuur was in juni.
    beoordeeld_door: redactie
    bronnen:
      - titel: Nieuwsbrief Lindeveld juni 2022
        soort: bericht
        datum: "2022-06-30"
  - nummer: 15
    afspraak: "2021-7"
    peildatum: "2021-12-31"
    vastgelegd: "2022-07-01"
    status: gerealiseerd
    corrigeert: 12
    toelichting: Partijen overlegden in maart en in november over de huren, niet in oktober.
    beoordeeld_door: samen
    bronnen:
      - titel: Evaluatie prestatieafspraken 2021, herziene versie
        soort: evaluatie
        datum: "2022-06-30"
"""


@pytest.fixture
def repo_gevolgd(gegevens) -> Path:
    """A git repository whose only commit holds the data set gevolgd (with progress)."""
    project = gegevens("gevolgd").parent
    git(project, "init", "--quiet")
    commit(project, "begin")
    return project


def test_nieuwe_voortgang_en_correctie_staan_per_jaar_in_het_overzicht(repo_gevolgd, gevolgd):
    voeg_toe(repo_gevolgd / VOORTGANG, NIEUWE_VOORTGANG)
    tekst = samenvatting(repo_gevolgd)
    jaar = hoofdstuk(tekst, "2021")
    assert "Nieuwe voortgang: 2 regels." in jaar
    tien, zeven = gevolgd.afspraak("2021-10"), gevolgd.afspraak("2021-7")
    assert (f"- **Nieuwe voortgang: afspraak 10: {tien.titel}** (`/2021/afspraken/10/#voortgang-14`): "
            "regel 14: nog niet beoordeeld → loopt (peildatum 30 juni 2022)\n") in jaar
    assert (f"- **Nieuwe voortgang: afspraak 7: {zeven.titel}** (`/2021/afspraken/7/#voortgang-15`): "
            "regel 15: gerealiseerd → gerealiseerd (peildatum 31 december 2021); corrigeert regel 12\n") in jaar
    assert "### Problemen" not in tekst
    assert "2022" not in [k for k in re.findall(r"^### (.+)$", tekst, flags=re.M)]


def test_een_veranderde_of_weggehaalde_regel_is_een_probleem_met_exit_1(repo_gevolgd):
    vervang(repo_gevolgd / VOORTGANG, "Er zijn 15 van de 20 woningen gebouwd.", "Er zijn 16 van de 20 woningen gebouwd.")
    tekst = (repo_gevolgd / VOORTGANG).read_text(encoding="utf-8")  # entry 13 is the last: cut it off
    (repo_gevolgd / VOORTGANG).write_text(tekst[:tekst.index("  - nummer: 13\n")], encoding="utf-8")
    uit = wijzigingen(repo_gevolgd)
    assert uit.returncode == 1, uit.stdout + uit.stderr
    problemen = hoofdstuk(uit.stdout, "Problemen met de voortgang")
    assert "- 2021: regel 7 is veranderd; een correctie is een nieuwe regel met `corrigeert: 7`.\n" in problemen
    assert ("- 2021: regel 13 is weggehaald; een regel blijft staan, een correctie is een nieuwe regel met "
            "`corrigeert: 13`.\n") in problemen
    assert "regel 8" not in problemen  # the entries left alone are no problem


def test_alleen_aangevulde_voortgang_geeft_exit_0(repo_gevolgd):
    voeg_toe(repo_gevolgd / VOORTGANG, NIEUWE_VOORTGANG)
    uit = wijzigingen(repo_gevolgd)
    assert uit.returncode == 0, uit.stdout + uit.stderr
