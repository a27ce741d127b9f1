"""`python -m macros wijzigingen BASE` / `make wijzigingen BASE=…`: the summary for reviewers.

Each test makes its own git repository with a copy of data/, changes the data the way an
editor would, and reads the Markdown a reviewer gets.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, PROJECT, TESTJAAR
from macros.wijzigingen import GitFout, data_op_versie, woordverschil

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
def repo(tmp_path) -> Path:
    """A git repository whose only commit holds a copy of the real data/."""
    project = tmp_path / "project"
    shutil.copytree(DATA, project / "data")
    git(project, "init", "--quiet")
    commit(project, "begin")
    return project


def wijzigingen(repo: Path, versie: str = "HEAD", *extra: str) -> subprocess.CompletedProcess:
    omgeving = {**os.environ, **GIT_OMGEVING, "GIT_CEILING_DIRECTORIES": str(repo.parent)}
    return subprocess.run([sys.executable, "-m", "macros", "--data", str(repo / "data"), "wijzigingen",
                           versie, *extra], cwd=PROJECT, env=omgeving, capture_output=True, text=True)


def samenvatting(repo: Path, versie: str = "HEAD") -> str:
    uit = wijzigingen(repo, versie)
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert uit.stderr == ""
    return uit.stdout


def vervang(pad: Path, oud: str, nieuw: str) -> None:
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.count(oud) == 1, f"{oud!r} staat niet precies één keer in {pad}"
    pad.write_text(tekst.replace(oud, nieuw), encoding="utf-8")


def meekijken(tekst: str) -> list[str]:
    """The parties listed under 'Wie moet meekijken'."""
    deel = tekst.split("### Wie moet meekijken\n", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"^- (.+)$", deel, flags=re.M)


ALLE_PARTIJEN = ["Gemeente Aa en Hunze", "Woonborg", "De Volmacht", "AH WOON", "De Deelmacht"]


def gewijzigd(tekst: str) -> list[str]:
    """The names of the changed things, in order (one bold line each)."""
    return re.findall(r"^\*\*(.+?)\*\*", tekst, flags=re.M)


BETAALBAARHEID = "data/2024/betaalbaarheid.yaml"
AFSPRAAK_18 = "**Afspraak 18 (2024): Nul ontruimingen om alleen huurachterstand** (`/2024/afspraken/18/`)"


def test_geen_wijzigingen_ook_niet_als_alleen_de_opmaak_van_de_yaml_verandert(repo):
    # Rewrapped text, another quoting style and a new comment: a reader sees nothing new.
    pad = repo / BETAALBAARHEID
    vervang(pad, "    tekst: |\n      Corporaties gaan voor nul ontruimingen op basis van alleen huurachterstand.\n",
            "    # een opmerking voor de redactie\n    tekst: >\n      Corporaties gaan voor nul\n"
            "      ontruimingen op basis van alleen huurachterstand.\n")
    vervang(pad, "titel: Nul ontruimingen om alleen huurachterstand", 'titel: "Nul ontruimingen om alleen huurachterstand"')
    assert samenvatting(repo) == f"{KOP}\n\nGeen wijzigingen in de gegevens ten opzichte van `HEAD`.\n"


def test_gewijzigde_tekst_en_titel_tonen_precies_de_veranderde_woorden(repo):
    pad = repo / BETAALBAARHEID
    vervang(pad, "Corporaties gaan voor nul ontruimingen", "Corporaties gaan voor zo min mogelijk ontruimingen")
    vervang(pad, "titel: Nul ontruimingen om alleen", "titel: Geen ontruimingen om alleen")
    uit = samenvatting(repo)
    assert gewijzigd(uit) == ["Afspraak 18 (2024): Geen ontruimingen om alleen huurachterstand"]
    assert "**Afspraak 18 (2024): Geen ontruimingen om alleen huurachterstand** (`/2024/afspraken/18/`)\n" in uit
    assert "- **Titel**: <del>Nul</del> <ins>Geen</ins> ontruimingen om alleen huurachterstand\n" in uit
    assert ("- **Tekst**: Corporaties gaan voor <del>nul</del> <ins>zo min mogelijk</ins> ontruimingen "
            "op basis van alleen huurachterstand.\n") in uit
    assert "Afspraken: 1 gewijzigd." in uit
    assert meekijken(uit) == ["Woonborg", "De Volmacht"]  # the corporations, whose commitment it is


def test_gewijzigde_velden_met_namen_in_plaats_van_ids(repo):
    vervang(repo / BETAALBAARHEID, """    verantwoordelijk: [corporaties]
    doelen:
      - wat: ontruimingen op basis van alleen huurachterstand
        aantal: 0
""", """    verantwoordelijk: [woonborg, gemeente-aa-en-hunze]
    plaatsen: [gieten, eext]
    termijn:
      tekst: voor de zomer
      jaar: 2024
      kwartaal: 2
    doelen:
      - wat: ontruimingen op basis van alleen huurachterstand
        aantal: 1.5
""")
    uit = samenvatting(repo)
    assert AFSPRAAK_18 + "\n\n" + "\n".join([
        "- **Wie doet het**:",
        "  - was ‘De woningcorporaties’, wordt ‘Woonborg’",
        "  - erbij: ‘Gemeente Aa en Hunze’",
        "- **Waar**:",
        "  - erbij: ‘Gieten’",
        "  - erbij: ‘Eext’",
        "- **Doel in cijfers**: <del>0</del> <ins>1,5</ins> ontruimingen: ontruimingen op basis van alleen huurachterstand",
        "- **Wanneer**: nieuw: ‘voor de zomer’",
    ]) + "\n" in uit
    assert gewijzigd(uit) == ["Afspraak 18 (2024): Nul ontruimingen om alleen huurachterstand"]
    assert meekijken(uit) == ["Gemeente Aa en Hunze", "Woonborg", "De Volmacht"]  # before and after


def test_een_termijn_die_alleen_van_jaar_verandert_staat_er_toch_in(repo):
    # The site shows the deadline's text; the year is in the open data and the filters.
    vervang(repo / "data/2024/duurzaamheid.yaml", "      tekst: uiterlijk 2028\n      jaar: 2028\n",
            "      tekst: uiterlijk 2028\n      jaar: 2027\n")
    uit = samenvatting(repo)
    assert "- **Wanneer, jaar**: was ‘2028’, wordt ‘2027’\n" in uit


def test_nieuwe_en_verwijderde_afspraak(repo):
    pad = repo / "data/2024/leefbaarheid.yaml"
    tekst = pad.read_text(encoding="utf-8")
    begin, eind = tekst.index("  - nummer: 45\n"), tekst.index("  - nummer: 46\n")
    pad.write_text(tekst[:begin] + tekst[eind:], encoding="utf-8")
    with (repo / "data/2024/wonen-en-zorg.yaml").open("a", encoding="utf-8") as f:
        f.write("\n  - nummer: 56\n    titel: Een nieuwe afspraak\n    kop: Woonborg\n"
                "    verantwoordelijk: [woonborg]\n    tekst: Woonborg doet iets nieuws.\n")
    uit = samenvatting(repo)
    assert ("Nieuw:\n\n- **Afspraak 56 (2024): Een nieuwe afspraak** (`/2024/afspraken/56/`): "
            "thema Wonen en zorg; wie doet het: Woonborg\n") in uit
    assert ("Weg:\n\n- **Afspraak 45 (2024): Koffie-uurtjes en tuindagen voor ontmoeting**: "
            "de pagina `/2024/afspraken/45/` verdwijnt\n") in uit
    assert "Afspraken: 1 nieuw, 1 weg." in uit
    assert "Gewijzigd:" not in uit


def test_afspraak_naar_een_ander_thema(repo):
    blok = "  - nummer: 45\n"
    leef = repo / "data/2024/leefbaarheid.yaml"
    tekst = leef.read_text(encoding="utf-8")
    begin, eind = tekst.index(blok), tekst.index("  - nummer: 46\n")
    leef.write_text(tekst[:begin] + tekst[eind:], encoding="utf-8")
    with (repo / "data/2024/wonen-en-zorg.yaml").open("a", encoding="utf-8") as f:
        f.write("\n" + tekst[begin:eind])
    uit = samenvatting(repo)
    assert gewijzigd(uit) == ["Afspraak 45 (2024): Koffie-uurtjes en tuindagen voor ontmoeting"]
    assert "- **Thema**: was ‘Leefbaarheid’, wordt ‘Wonen en zorg’\n" in uit


def test_thema_tekst_en_tabel_in_een_jaar(repo):
    pad = repo / BETAALBAARHEID
    vervang(pad, "van 25% in 2018 naar 28% nu", "van 25% in 2018 naar 29% nu")
    vervang(pad, '        - "€ 647,19"', '        - "€ 650,00"')
    commit(repo, "thema")
    uit = samenvatting(repo, "HEAD~1")
    assert gewijzigd(uit) == ["Betaalbaarheid"]
    assert "**Betaalbaarheid** (`/2024/themas/betaalbaarheid/`)\n" in uit
    # a long text: quoted, only the words around the change
    assert ("- **Onze actualiteit**:\n\n  > … een betaalbaarheidsrisico heeft is gestegen, van 25% in 2018 naar "
            "<del>28%</del> <ins>29%</ins> nu. Onder een besteedbaar inkomen van 14.500 per jaar heeft …\n") in uit
    assert ("- **Tabel ‘Huurprijsgrenzen met percentages per corporatie’, rijen**: rij 2 (T/m eerste "
            "aftoppingsgrens), kolom ‘Bedrag (prijspeil 2023)’: € <del>647,19</del> <ins>650,00</ins>\n") in uit
    assert meekijken(uit) == ALLE_PARTIJEN  # a theme's text is signed by all
    assert samenvatting(repo, "HEAD").endswith("Geen wijzigingen in de gegevens ten opzichte van `HEAD`.\n")


def test_jaarschijf(repo):
    pad = repo / "data/2024/jaarschijf.yaml"
    vervang(pad, "motto: Mooi, betaalbaar en comfortabel wonen", "motto: Mooi en betaalbaar wonen")
    vervang(pad, 'datum: "2023-12-07"', 'datum: "2023-12-08"')
    uit = samenvatting(repo)
    assert "**Prestatieafspraken 2024** (`/2024/`)\n" in uit
    assert "- **Motto**: <del>Mooi,</del> <ins>Mooi en</ins> betaalbaar <del>en comfortabel</del> wonen in Aa en Hunze\n" in uit
    assert "- **Ondertekening, datum**: was ‘7 december 2023’, wordt ‘8 december 2023’\n" in uit


def test_partijen_groepen_en_begrippen(repo):
    vervang(repo / "data/partijen.yaml", "volledige_naam: Woningstichting De Volmacht",
            "volledige_naam: Stichting De Volmacht")
    vervang(repo / "data/partijen.yaml", "leden: [woonborg, de-volmacht]\n", "leden: [woonborg]\n")
    begrippen = repo / "data/begrippen.yaml"
    vervang(begrippen, "Afspraken voor meerdere jaren tussen", "Afspraken voor een aantal jaren tussen")
    with begrippen.open("a", encoding="utf-8") as f:
        f.write("\n  - id: huurtoeslag\n    term: huurtoeslag\n    uitleg: Geld van de overheid voor de huur.\n")
    uit = samenvatting(repo)
    assert "### Voor alle jaren\n\n#### Partijen\n\nGewijzigd:\n\n**De Volmacht**\n\n" in uit
    assert "- **Volledige naam**: <del>Woningstichting</del> <ins>Stichting</ins> De Volmacht\n" in uit
    assert "#### Groepen van partijen\n\nGewijzigd:\n\n**De woningcorporaties**\n\n- **Leden**: eraf: ‘De Volmacht’\n" in uit
    assert "#### Begrippen\n\nNieuw:\n\n- **huurtoeslag**\n" in uit
    assert "  > Afspraken voor <del>meerdere</del> <ins>een aantal</ins> jaren tussen" in uit
    # the commitments of the group are not each listed: what changed is the group
    assert "#### Afspraken" not in uit
    assert meekijken(uit) == ALLE_PARTIJEN


def test_alleen_een_partij_zelf_gewijzigd_dan_kijkt_alleen_die_partij_mee(repo):
    vervang(repo / "data/partijen.yaml", "volledige_naam: Woningstichting De Volmacht",
            "volledige_naam: Stichting De Volmacht")
    assert meekijken(samenvatting(repo)) == ["De Volmacht"]


def test_nieuw_jaar(repo):
    shutil.copytree(TESTJAAR, repo / "data/2025")
    uit = samenvatting(repo)
    n = len(re.findall(r"^  - nummer:", "".join(p.read_text(encoding="utf-8") for p in TESTJAAR.glob("*.yaml")),
                       flags=re.M))
    assert f"### 2025 (nieuw)\n\nNieuw jaar op de site: Fictief testjaar 2025, met {n} afspraken in 1 thema (`/2025/`)." in uit
    assert ("- **Afspraak 1 (2025): Fictieve voortzetting van 2024-18** (`/2025/afspraken/1/`): "
            "thema Betaalbaarheid; wie doet het: De woningcorporaties\n") in uit
    assert "### 2024" not in uit


def test_gegevens_in_de_werkmap_met_fouten_geven_de_meldingen_en_exit_1(repo):
    vervang(repo / BETAALBAARHEID, "verantwoordelijk: [woonborg]", "verantwoordelijk: [woonbrog]")
    uit = wijzigingen(repo)
    assert uit.returncode == 1
    assert "Traceback" not in uit.stdout + uit.stderr
    assert uit.stdout.startswith(f"{KOP}\n\nDe gegevens in deze versie hebben 1 fout. Los die eerst op;")
    assert re.search(r"^```text\ndata/2024/betaalbaarheid\.yaml:\d+:\d+: afspraken\[\d+\]\.verantwoordelijk\[1\]: "
                     r"onbekende partij of groep 'woonbrog'; bedoelde u 'woonborg'\?\n```$", uit.stdout, flags=re.M)


def test_base_met_fouten_of_zonder_gegevens_vergelijkt_met_niets(repo, tmp_path):
    vervang(repo / BETAALBAARHEID, "verantwoordelijk: [woonborg]", "verantwoordelijk: [woonbrog]")
    commit(repo, "fout")
    vervang(repo / BETAALBAARHEID, "verantwoordelijk: [woonbrog]", "verantwoordelijk: [woonborg]")
    uit = samenvatting(repo)
    assert "De gegevens in `HEAD` hebben 1 fout en zijn daarom niet te lezen: alles hieronder staat als nieuw." in uit
    assert "onbekende partij of groep 'woonbrog'" in uit
    assert "### 2024 (nieuw)" in uit

    leeg = tmp_path / "leeg"
    leeg.mkdir()
    git(leeg, "init", "--quiet")
    commit(leeg, "nog zonder gegevens")
    shutil.copytree(DATA, leeg / "data")
    uit = samenvatting(leeg)
    assert "In `HEAD` is er nog geen map `data/` met gegevens: alles hieronder is nieuw." in uit
    assert "- **Afspraak 18 (2024): Nul ontruimingen om alleen huurachterstand** (`/2024/afspraken/18/`)" in uit
    assert "#### Partijen\n\nNieuw:\n\n- **Gemeente Aa en Hunze**\n" in uit


def test_onbekende_versie_of_geen_git_repository_exit_2_zonder_traceback(repo, tmp_path):
    uit = wijzigingen(repo, "bestaat-niet")
    assert uit.returncode == 2
    assert uit.stdout == ""
    assert uit.stderr.startswith("Onbekende versie 'bestaat-niet': dat is geen branch, tag of commit")
    with pytest.raises(GitFout, match="Onbekende versie '--output=x'"):  # never an option for git
        data_op_versie(repo / "data", "--output=x", tmp_path / "uit")

    los = tmp_path / "los"
    shutil.copytree(DATA, los / "data")
    uit = wijzigingen(los)
    assert uit.returncode == 2
    assert "hoort niet bij een git-repository" in uit.stderr
    assert "Traceback" not in uit.stdout + uit.stderr


def test_uit_schrijft_naar_een_bestand(repo, tmp_path):
    vervang(repo / BETAALBAARHEID, "Corporaties gaan voor nul", "Corporaties gaan voor geen")
    doel = tmp_path / "samenvatting.md"
    uit = wijzigingen(repo, "HEAD", "--uit", str(doel))
    assert (uit.returncode, uit.stdout, uit.stderr) == (0, "", "")
    assert "<del>nul</del> <ins>geen</ins>" in doel.read_text(encoding="utf-8")


def test_tekst_uit_de_gegevens_wordt_geen_opmaak_of_html(repo):
    vervang(repo / BETAALBAARHEID, "titel: Nul ontruimingen om alleen huurachterstand",
            "titel: Nul <script>x</script> *ontruimingen* om [alleen](https://example.org) huurachterstand")
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
    assert droog.stdout.splitlines()[-1] == ".venv/bin/python -m macros wijzigingen 'origin/main'"
