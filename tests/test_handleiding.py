"""The editors' guide (docs/bijdragen.md) quotes the check's real messages.

Each mistake the guide explains is made here in a copy of the data; every message the
guide quotes must be exactly what `make check` then says, so the guide cannot drift
from the checker.
"""
from __future__ import annotations

import html
import re
import shutil

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import DATA, PROJECT, regels

HANDLEIDING = PROJECT / "docs" / "bijdragen.md"
BESTAND = "2024/betaalbaarheid.yaml"

# The mistakes of the guide's table, each as (find, replace) in one theme file.
# Mistakes that stop the YAML from being read at all need a file of their own.
FOUTEN_SAMEN = [
    ("    verantwoordelijk: [corporaties]\n    doelen:", "    verantwoordelijk: [coporaties]\n    doelen:"),
    ("  - nummer: 19\n    titel:", "  - nummer: 18\n    titell:"),
    ('afspraak: "2024-42"', 'afspraak: "2024-420"'),
]
FOUT_DUBBELE_PUNT = ("    titel: Nul ontruimingen om alleen huurachterstand",
                     "    titel: Nul ontruimingen: alleen bij huurachterstand")
FOUT_INSPRINGING = ("    kop: De woningcorporaties\n    tekst: |\n      Corporaties gaan",
                    "    kop: De woningcorporaties\n   tekst: |\n      Corporaties gaan")


def met_fouten(tmp_path, naam: str, fouten) -> list[str]:
    kopie = tmp_path / naam / "data"
    shutil.copytree(DATA, kopie)
    pad = kopie / BESTAND
    tekst = pad.read_text(encoding="utf-8")
    for oud, nieuw in fouten:
        assert oud in tekst, oud
        tekst = tekst.replace(oud, nieuw, 1)  # the first occurrence, as the guide's example
    pad.write_text(tekst, encoding="utf-8")
    return regels(kopie, alleen_fouten=False)


@pytest.fixture(scope="module")
def meldingen(tmp_path_factory) -> list[str]:
    tmp = tmp_path_factory.mktemp("handleiding")
    return (met_fouten(tmp, "samen", FOUTEN_SAMEN)
            + met_fouten(tmp, "dubbele-punt", [FOUT_DUBBELE_PUNT])
            + met_fouten(tmp, "inspringing", [FOUT_INSPRINGING]))


def sectie(kop: str) -> str:
    tekst = HANDLEIDING.read_text(encoding="utf-8")
    begin = tekst.index(f"## {kop}\n")
    einde = tekst.find("\n## ", begin + 1)
    return tekst[begin:einde if einde > 0 else None]


def test_het_voorbeeld_is_een_echte_regel_van_de_controle(meldingen):
    blok = re.search(r"```text\n(.+?)\n```", sectie("Wat betekenen de foutmeldingen?")).group(1)
    assert blok in meldingen


def test_elke_melding_in_de_tabel_is_een_echte_melding(meldingen):
    tabel = re.findall(r"^\| `([^`]+)` \|", sectie("Wat betekenen de foutmeldingen?"), flags=re.M)
    assert len(tabel) >= 8
    # The message is what follows "pad:regel:kolom: " and the field.
    teksten = {re.sub(r"^[^:]+:\d+:\d+: (?:[\w\[\].]+: )?", "", m) for m in meldingen}
    for melding in tabel:
        assert melding in teksten, f"{melding!r} zegt de controle niet; wel:\n" + "\n".join(sorted(teksten))


def test_het_voorbeeld_van_een_afspraak_is_de_echte_afspraak(echt):
    """The guide shows a commitment as it stands in its file: the same fields and values."""
    blok = re.search(r'<pre class="pa-voorbeeld"[^>]*><code>(.+?)</code></pre>',
                     HANDLEIDING.read_text(encoding="utf-8"), flags=re.S).group(1)
    voorbeeld = yaml.safe_load(html.unescape(blok))[0]
    afspraak = echt.afspraak(f"2024-{voorbeeld['nummer']}")
    assert voorbeeld["titel"] == afspraak.titel
    assert voorbeeld["kop"] == afspraak.kop
    assert voorbeeld["tekst"].strip() == afspraak.tekst.strip()
    assert tuple(voorbeeld["verantwoordelijk"]) == afspraak.verantwoordelijk
    assert [(d["wat"], d["aantal"], d["eenheid"]) for d in voorbeeld["doelen"]] == [
        (d.wat, d.aantal, d.eenheid) for d in afspraak.doelen]


def test_de_handleiding_noemt_per_thema_het_bestand_en_de_nummers(site, echt):
    """The table an editor uses to find a commitment's file comes from the data, and
    names files that exist."""
    pagina = BeautifulSoup((site / "bijdragen" / "index.html").read_text(encoding="utf-8"), "html.parser")
    for jaar in echt.jaren.values():
        tabel = pagina.find(id=f"bestanden-{jaar.jaar}").find_next("table")
        rijen = {r.find("code").get_text(): r.find_all("td")[-1].get_text()
                 for r in tabel.find("tbody").find_all("tr")}
        assert f"data/{jaar.jaar}/jaarschijf.yaml" in rijen
        assert all((PROJECT / pad).is_file() for pad in rijen), rijen
        for t in jaar.themas:
            nummers = [a.nummer for a in t.afspraken]
            verwacht = f"{nummers[0]} tot en met {nummers[-1]}" if nummers else "geen"
            assert rijen[f"data/{jaar.jaar}/{t.thema}.yaml"] == verwacht, t.thema
