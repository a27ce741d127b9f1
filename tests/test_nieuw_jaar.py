"""`make nieuw-jaar JAAR=<jaar>`: a new year folder from the latest year, or a skeleton when
there is none, as an editor meets it. On the fixture sets: een-jaar's latest year is copied
into the year after it."""
from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import PROJECT, bouw_zonder_waarschuwing, cli_in_proces, projectkopie
import macros.gereedschap.nieuw_jaar as module
from macros.gegevens.controles import NOG_INVULLEN, OVERGENOMEN
from macros.gegevens.laden import laad
from macros.gegevens.meldingen import WAARSCHUWING
from macros.gegevens.model import GAT, Jaar, Model, heeft_markering
from macros.gereedschap.jaarbestand import LANG, Tekstbestand, scalar
from macros.paginas.opmaak import datum

GEEN_JAAR = "Er is nog geen jaar: maak er een met make nieuw-jaar JAAR=<jaar>."


def macros(datamap: Path, *args: str, **omgeving: str) -> subprocess.CompletedProcess:
    return cli_in_proces("--data", str(datamap), *args, omgeving={"GITHUB_ACTIONS": "", **omgeving})


def nieuw_jaar(datamap: Path, jaar: str) -> subprocess.CompletedProcess:
    return macros(datamap, "nieuw-jaar", jaar)


def inhoud(map_: Path) -> dict[str, bytes]:
    """Every file under `map_` with its bytes: to prove nothing was written or changed."""
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in sorted(map_.rglob("*")) if p.is_file()}


def voorbeeld_aan(tekst: str) -> str:
    """What the editor does with the example: 'afspraken:' and '# ' removed from its lines."""
    tekst = tekst.replace("afspraken: []", "afspraken:")
    return "\n".join(re.sub(r"^# (  .*)$", r"\1", r) for r in tekst.split("\n"))


def opmerking(van: int) -> str:
    """The comment above every copied block."""
    return f"# {OVERGENOMEN} {van}: controleer en pas aan."


def wijzig(pad: Path, wijziging) -> None:
    """Change a data file through its data; the comment lines at its top stay."""
    tekst = pad.read_text(encoding="utf-8")
    kop = "".join(f"{r}\n" for r in itertools.takewhile(lambda r: r.startswith("#"), tekst.split("\n")))
    data = yaml.safe_load(tekst)
    wijziging(data)
    pad.write_text(kop + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def zonder_jaren(datamap: Path) -> Path:
    """The data folder of a municipality that starts: the shared files, no year."""
    for pad in datamap.iterdir():
        if pad.is_dir() and pad.name.isdigit():
            shutil.rmtree(pad)
    return datamap


def sleutel_onder(regels: list[str], i: int) -> str:
    """The key of the first line after line `i` that is not a comment."""
    volgend = next(r for r in regels[i + 1:] if not r.startswith("#"))
    return volgend.split(":")[0].lstrip("- ")


@dataclass
class Gemaakt:
    data: Path
    uitvoer: str
    vorig: Jaar  # the latest year before the command ran
    voor: Model  # the model before
    jaar: int  # the new year: the one after `vorig`

    def bestand(self, naam: str) -> Path:
        return self.data / str(self.jaar) / naam


@pytest.fixture
def maak(gegevens):
    """maak("een-jaar", aanpassen): a fixture set's copy, changed by aanpassen(datamap, latest
    year) if given, after `nieuw-jaar <the year after its latest>`."""
    def maak(naam: str = "een-jaar", aanpassen=None) -> Gemaakt:
        datamap = gegevens(naam)
        if aanpassen:
            aanpassen(datamap, laad(datamap).model.laatste_jaar)
        voor = laad(datamap).model
        jaar = voor.laatste_jaar.jaar + 1
        uit = nieuw_jaar(datamap, str(jaar))
        assert uit.returncode == 0, uit.stdout + uit.stderr
        return Gemaakt(datamap, uit.stdout, voor.laatste_jaar, voor, jaar)
    return maak


@pytest.fixture
def gemaakt(maak) -> Gemaakt:
    return maak()


def is_kopie(oud: str | None, nieuw: str | None, verplicht: bool = False) -> bool:
    """Whether `nieuw` is what nieuw-jaar makes of `oud`: the same text; for a text with a gap,
    a placeholder (required text) or nothing (optional text)."""
    if heeft_markering(oud):
        return nieuw.startswith(NOG_INVULLEN) if verplicht else nieuw is None
    return nieuw == oud


def controleer_kopie(vorig: Jaar, nieuw: Jaar) -> None:
    """Every copied text of `vorig` as is_kopie says; nothing of its signed document."""
    assert is_kopie(vorig.motto, nieuw.motto)
    assert is_kopie(vorig.inleiding, nieuw.inleiding, verplicht=True)
    delen_met_gat = vorig.delen and any(heeft_markering(t) for t in (vorig.delen.tekst, *vorig.delen.onderdelen))
    assert nieuw.delen == (None if delen_met_gat else vorig.delen)
    assert [g.document for g in nieuw.grondslagen] == [g.document for g in vorig.grondslagen]
    for oud, g in zip(vorig.grondslagen, nieuw.grondslagen):
        assert is_kopie(oud.zoals_genoemd, g.zoals_genoemd)
    r, oud_r = nieuw.rollen, vorig.rollen
    assert is_kopie(oud_r.inleiding, r.inleiding, verplicht=True) and is_kopie(oud_r.toelichting, r.toelichting)
    assert is_kopie(oud_r.kop_per_partij, r.kop_per_partij)
    assert [x.partijen for x in r.per_partij] == [x.partijen for x in oud_r.per_partij]
    for oud, rol in zip(oud_r.per_partij, r.per_partij):
        assert is_kopie(oud.kop, rol.kop, verplicht=True) and is_kopie(oud.tekst, rol.tekst, verplicht=True)
    assert [t.thema for t in nieuw.themas] == [t.thema for t in vorig.themas]
    for oud, t in zip(vorig.themas, nieuw.themas):
        assert is_kopie(oud.doel, t.doel) and is_kopie(oud.actualiteit, t.actualiteit)
        assert (t.afspraken, t.tabellen, t.opmerkingen) == ((), (), ())
    assert nieuw.afspraken == () and nieuw.opmerkingen == ()
    assert nieuw.ondertekening is None and nieuw.focus is None


def teksten(data) -> list[str]:
    """Every text in a file's data."""
    if isinstance(data, dict):
        return [t for w in data.values() for t in teksten(w)]
    if isinstance(data, list):
        return [t for w in data for t in teksten(w)]
    return [data] if isinstance(data, str) else []


# --- the new year ---------------------------------------------------------------------------

def test_nieuw_jaar_is_geldig_en_neemt_structuur_over_zonder_afspraken(gemaakt):
    resultaat = laad(gemaakt.data)
    assert resultaat.fouten == [], [m.als_regel() for m in resultaat.fouten]
    vorig, nieuw = gemaakt.vorig, resultaat.model.jaren[gemaakt.jaar]
    assert nieuw.titel == vorig.titel.replace(str(vorig.jaar), str(gemaakt.jaar)) != vorig.titel
    controleer_kopie(vorig, nieuw)
    assert nieuw.motto == vorig.motto and nieuw.grondslagen == vorig.grondslagen  # copied as they were
    assert not gemaakt.bestand("bron").exists()
    assert resultaat.model.jaren[vorig.jaar] == vorig  # the latest year itself is untouched


def test_nieuw_jaar_krijgt_een_leeg_voortgangsbestand(gemaakt):
    """Progress has a file of its own from the start: empty, valid, with its schema line and a
    short comment, so that recording progress never touches a file with signed text."""
    tekst = gemaakt.bestand("voortgang.yaml").read_text(encoding="utf-8")
    regels = tekst.splitlines()
    assert regels[0] == "# yaml-language-server: $schema=../schema/voortgang.schema.json"
    assert [r.startswith("# ") for r in regels[1:3]] == [True, True] and str(gemaakt.jaar) in regels[1]
    assert regels[3:] == [f"jaar: {gemaakt.jaar}", "voortgang: []"]
    resultaat = laad(gemaakt.data)
    assert resultaat.fouten == []
    assert not [m for m in resultaat.meldingen if m.pad.endswith("voortgang.yaml")]
    model = resultaat.model
    assert model.jaren[gemaakt.jaar].voortgang == ()


def test_nieuw_jaar_na_een_jaar_met_voortgang(gegevens):
    """After a year with progress (the fixture set gevolgd): the new year starts empty, and the
    earlier year's progress file stays as it was."""
    datamap = gegevens("gevolgd")
    laatste = laad(datamap).model.laatste_jaar.jaar
    voor = inhoud(datamap)
    uit = nieuw_jaar(datamap, str(laatste + 1))
    assert uit.returncode == 0, uit.stdout + uit.stderr
    na = inhoud(datamap)
    assert {k: v for k, v in na.items() if not k.startswith(f"{laatste + 1}/")} == voor
    assert laad(datamap).model.jaren[laatste + 1].voortgang == ()
    assert f"data/{laatste + 1}/voortgang.yaml" in uit.stdout


def test_uitvoer_noemt_bestanden_en_wat_de_redacteur_nu_doet(maak):
    def noemt_het_jaar(datamap: Path, vorig: Jaar) -> None:  # a copied text that still names its year
        thema = next(t.thema for t in vorig.themas if t.actualiteit and GAT not in t.actualiteit)
        wijzig(datamap / str(vorig.jaar) / f"{thema}.yaml",
               lambda d: d.update(actualiteit=f"{d['actualiteit'].strip()} Zo was het in {vorig.jaar}.\n"))
    g = maak(aanpassen=noemt_het_jaar)
    jaar, van = g.jaar, g.vorig.jaar
    regels = g.uitvoer.splitlines()
    assert regels[0] == f"Jaar {jaar} gemaakt uit {van}. Nieuwe bestanden:"
    gemaakte = {r.strip() for r in regels if r.startswith(f"  data/{jaar}/")}
    assert gemaakte == {f"data/{jaar}/{p.name}" for p in (g.data / str(jaar)).iterdir()}
    assert gemaakte == {f"data/{jaar}/jaarschijf.yaml", f"data/{jaar}/voortgang.yaml"} | {
        f"data/{jaar}/{t.thema}.yaml" for t in g.vorig.themas}
    assert f"Zet de afspraken van {jaar} in de themabestanden" in g.uitvoer
    assert f"Controleer elke tekst onder '# {OVERGENOMEN} {van}'" in g.uitvoer
    assert f"vul 'ondertekening' in data/{jaar}/jaarschijf.yaml in" in g.uitvoer
    # The latest year's introduction has a gap: it became a placeholder, and the output says so.
    assert GAT in g.vorig.inleiding
    assert f"Vervang elke tekst die met '{NOG_INVULLEN}' begint door de tekst uit het document van {jaar}" in g.uitvoer
    # Copied texts that still name the old year are listed with their place, and the place is right.
    plekken = re.findall(rf"^ +(data/{jaar}/[\w.-]+):(\d+): (\w+)$", g.uitvoer, re.MULTILINE)
    thema = next(t.thema for t in g.vorig.themas if t.actualiteit and GAT not in t.actualiteit)
    assert (f"data/{jaar}/{thema}.yaml", "actualiteit") in {(p, v) for p, _, v in plekken}
    for pad, regel, veld in plekken:
        bestand = (g.data.parent / pad).read_text(encoding="utf-8").splitlines()
        assert bestand[int(regel) - 1] == opmerking(van) + f" Let op: de tekst noemt {van}."
        assert bestand[int(regel)].startswith(f"{veld}:")


def test_overgenomen_tekst_heeft_een_opmerking_erboven(gemaakt):
    van = gemaakt.vorig.jaar
    gekopieerd = {"doel", "actualiteit", "motto", "inleiding", "delen", "grondslagen", "rollen"}
    for pad in (gemaakt.data / str(gemaakt.jaar)).iterdir():
        regels = pad.read_text(encoding="utf-8").splitlines()
        soort = pad.stem if pad.stem in ("jaarschijf", "voortgang") else "thema"
        assert regels[0] == f"# yaml-language-server: $schema=../schema/{soort}.schema.json"
        if soort == "voortgang":  # new, not copied (see test_nieuw_jaar_krijgt_een_leeg_voortgangsbestand)
            continue
        oud = yaml.safe_load((gemaakt.data / str(van) / pad.name).read_text(encoding="utf-8"))
        for sleutel in gekopieerd & set(oud):
            (i,) = [i for i, r in enumerate(regels) if r.startswith(f"{sleutel}:")]
            boven = regels[i - 1].startswith(opmerking(van))
            assert boven == (not heeft_markering(json.dumps(oud[sleutel], ensure_ascii=False))), (pad.name, sleutel)
    focus = gemaakt.vorig.focus
    jaarschijf = gemaakt.bestand("jaarschijf.yaml").read_text(encoding="utf-8")
    assert f"\n# focus:\n#   tekst: {scalar(focus.tekst)}\n" in jaarschijf  # offered, not published


def test_niets_uit_het_ondertekende_document_gaat_mee(gemaakt):
    tekst = "".join(p.read_text(encoding="utf-8") for p in (gemaakt.data / str(gemaakt.jaar)).iterdir())
    vorig = gemaakt.vorig
    for a in vorig.afspraken:
        assert a.tekst[:60] not in tekst
    for o in vorig.ondertekening.ondertekenaars:
        assert o.naam not in tekst
    assert vorig.ondertekening.datum not in tekst and "tabellen:" not in tekst
    opmerkingen = [*vorig.opmerkingen, *vorig.ondertekening.opmerkingen, *(o for t in vorig.themas for o in t.opmerkingen),
                   *(o for a in vorig.afspraken for o in a.opmerkingen)]
    assert opmerkingen
    for o in opmerkingen:
        assert o[:60] not in tekst


def test_voorbeeldafspraak_zet_een_afspraak_van_hetzelfde_thema_voort(gemaakt):
    thema = next(t.thema for t in gemaakt.vorig.themas if t.afspraken)
    pad = gemaakt.bestand(f"{thema}.yaml")
    tekst = pad.read_text(encoding="utf-8")
    assert yaml.safe_load(tekst)["afspraken"] == []  # only comments: nothing is published
    (id_,) = re.findall(r'^#     voortzetting_van: "(\d{4}-\d+)"', tekst, re.MULTILINE)
    oud = gemaakt.voor.afspraak(id_)
    assert oud.thema == thema and oud.jaar == gemaakt.vorig.jaar
    assert "data/schema/thema.schema.json" in tekst and "/bijdragen/" in tekst

    # Switched on as it is, the empty number and text stop the check: nothing half-filled is published.
    pad.write_text(voorbeeld_aan(tekst), encoding="utf-8")
    fouten = [(m.pad, m.veld) for m in laad(gemaakt.data).fouten]
    assert fouten == [(f"data/{gemaakt.jaar}/{thema}.yaml", "afspraken[1].nummer"),
                      (f"data/{gemaakt.jaar}/{thema}.yaml", "afspraken[1].tekst")]

    ingevuld = voorbeeld_aan(tekst).replace("  - nummer:", "  - nummer: 7", 1) + "\n      Een tekst.\n"
    pad.write_text(ingevuld, encoding="utf-8")
    resultaat = laad(gemaakt.data)
    assert resultaat.fouten == []
    afspraak = resultaat.model.afspraak(f"{gemaakt.jaar}-7")
    assert (afspraak.voortzetting_van, afspraak.titel, afspraak.kop, afspraak.verantwoordelijk) == (
        id_, oud.titel, oud.kop, oud.verantwoordelijk)


def test_ondertekening_staat_klaar_maar_moet_ingevuld(gemaakt):
    pad = gemaakt.bestand("jaarschijf.yaml")
    tekst = pad.read_text(encoding="utf-8")
    begin = tekst.index("# ondertekening:")
    pad.write_text(tekst[:begin] + "\n".join(r[2:] for r in tekst[begin:].split("\n")), encoding="utf-8")
    fouten = laad(gemaakt.data).fouten
    assert fouten and all(m.veld.startswith("ondertekening.") for m in fouten)
    assert {m.veld for m in fouten} >= {"ondertekening.datum", "ondertekening.plaats",
                                        "ondertekening.ondertekenaars[1].naam"}


def test_jaar_na_een_jaar_zonder_afspraken_en_ondertekening(gemaakt):
    jaar = gemaakt.jaar + 1
    uit = nieuw_jaar(gemaakt.data, str(jaar))
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert f"gemaakt uit {gemaakt.jaar}" in uit.stdout
    resultaat = laad(gemaakt.data)
    assert resultaat.fouten == []
    assert resultaat.model.jaren[jaar].titel == gemaakt.vorig.titel.replace(str(gemaakt.vorig.jaar), str(jaar))
    # The year between has no commitments yet: the example continues one of the same theme before it.
    thema = next(t.thema for t in gemaakt.vorig.themas if t.afspraken)
    tekst = (gemaakt.data / str(jaar) / f"{thema}.yaml").read_text(encoding="utf-8")
    (id_,) = re.findall(r'^#     voortzetting_van: "(\d{4}-\d+)"', tekst, re.MULTILINE)
    assert resultaat.model.afspraak(id_).jaar == gemaakt.vorig.jaar
    assert resultaat.model.afspraak(id_).thema == thema


def test_jaar_na_een_jaar_dat_nog_niet_ondertekend_is(maak):
    g = maak("twee-jaren")
    assert g.vorig.ondertekening is None and g.vorig.afspraken
    resultaat = laad(g.data)
    assert resultaat.fouten == []
    controleer_kopie(g.vorig, resultaat.model.jaren[g.jaar])
    # Who signs is not known from an unsigned year: every party is offered.
    tekst = g.bestand("jaarschijf.yaml").read_text(encoding="utf-8")
    assert re.findall(r"^#     - partij: (\S+)$", tekst, re.MULTILINE) == list(g.voor.partijen)
    # The examples continue the latest commitment of their theme, from the unsigned year.
    for t in g.vorig.themas:
        if t.afspraken:
            tekst = g.bestand(f"{t.thema}.yaml").read_text(encoding="utf-8")
            (id_,) = re.findall(r'^#     voortzetting_van: "(\d{4}-\d+)"', tekst, re.MULTILINE)
            assert g.voor.afspraak(id_).jaar == g.vorig.jaar


# --- texts with a gap, and what the check says is still open ---------------------------------

def gaten(datamap: Path, vorig: Jaar) -> None:
    """A gap in every kind of text nieuw-jaar copies, required and optional."""
    def jaarschijf(d: dict) -> None:
        d["motto"] = f"Een motto met {GAT}"
        d["delen"] = {"tekst": "Het document heeft twee delen:", "onderdelen": ["Rollen;", f"Afspraken {GAT}."]}
        d["grondslagen"][0]["zoals_genoemd"] = f"het plan {GAT}"
        d["rollen"]["toelichting"] = f"Een toelichting {GAT}."
        d["rollen"]["per_partij"][0]["tekst"] += f" En {GAT}."
        d["rollen"]["per_partij"][-1]["kop"] = f"Kop {GAT}"
        d["opmerkingen"] = [*d.get("opmerkingen", []), "Hier ontbreken woorden in de bron."]  # the check wants a note
    wijzig(datamap / str(vorig.jaar) / "jaarschijf.yaml", jaarschijf)
    thema = next(t.thema for t in vorig.themas if t.doel)
    wijzig(datamap / str(vorig.jaar) / f"{thema}.yaml",
           lambda d: d.update(doel=f"Een doel met {GAT}.", opmerkingen=["Hier ontbreken woorden in de bron."]))


def test_tekst_met_een_gat_gaat_niet_mee(maak):
    """A gap says words are missing from last year's source: the new year's document may have
    them. A required text becomes a placeholder, an optional one is left out, with a comment."""
    g = maak(aanpassen=gaten)
    resultaat = laad(g.data)
    assert resultaat.fouten == []
    nieuw = resultaat.model.jaren[g.jaar]
    controleer_kopie(g.vorig, nieuw)
    assert nieuw.motto is None and nieuw.delen is None and nieuw.rollen.toelichting is None
    assert nieuw.rollen.per_partij[0].tekst.startswith(NOG_INVULLEN)
    for pad in (g.data / str(g.jaar)).iterdir():
        tekst = pad.read_text(encoding="utf-8")
        assert not [t for t in teksten(yaml.safe_load(tekst)) if GAT in t], pad.name
    jaarschijf = g.bestand("jaarschijf.yaml").read_text(encoding="utf-8")
    assert f"# 'motto' van {g.vorig.jaar} is niet overgenomen: er ontbreken woorden in ({GAT}) of er staat" in jaarschijf
    assert f"# 'delen' van {g.vorig.jaar} is niet overgenomen" in jaarschijf


def test_check_waarschuwt_met_bestand_en_regel_voor_wat_nog_open_staat(maak):
    g = maak(aanpassen=gaten)
    meldingen = laad(g.data).meldingen
    assert meldingen and all(m.niveau == WAARSCHUWING for m in meldingen)
    verwacht = set()
    for pad in sorted((g.data / str(g.jaar)).iterdir()):
        regels = pad.read_text(encoding="utf-8").split("\n")
        weergave = f"data/{g.jaar}/{pad.name}"
        for i, r in enumerate(regels):
            if r.startswith(f"# {OVERGENOMEN} {g.vorig.jaar}"):
                verwacht.add((weergave, i + 1, sleutel_onder(regels, i)))
            elif f'"{NOG_INVULLEN}' in r:
                verwacht.add((weergave, i + 1, r.split(":")[0].lstrip(" -")))
    assert {(m.pad, m.regel, m.veld.rsplit(".", 1)[-1]) for m in meldingen} == verwacht
    assert len(meldingen) == len(verwacht)

    # The exact lines, for one copied text and one placeholder.
    thema = next(t for t in g.vorig.themas if t.actualiteit and GAT not in t.actualiteit)
    pad = f"data/{g.jaar}/{thema.thema}.yaml"
    (regel,) = [r for p, r, v in verwacht if (p, v) == (pad, "actualiteit")]
    (inleiding,) = [r for p, r, v in verwacht if (p, v) == (f"data/{g.jaar}/jaarschijf.yaml", "inleiding")]
    assert f"{pad}:{regel}:1: actualiteit: waarschuwing: overgenomen uit {g.vorig.jaar}, nog niet nagekeken: " \
           f"vergelijk met het document van {g.jaar} en haal dan deze opmerking weg" in [m.als_regel() for m in meldingen]
    assert f"data/{g.jaar}/jaarschijf.yaml:{inleiding}:12: inleiding: waarschuwing: nog niet ingevuld: vervang " \
           f"deze tekst door die uit het document van {g.jaar}" in [m.als_regel() for m in meldingen]

    # Once the editor has checked every text and filled in every placeholder, nothing is left.
    for pad in (g.data / str(g.jaar)).iterdir():
        regels = [re.sub(rf'"{NOG_INVULLEN}[^"]*"', "Ingevuld.", r) for r in pad.read_text(encoding="utf-8").split("\n")
                  if not r.startswith(f"# {OVERGENOMEN}")]
        pad.write_text("\n".join(regels), encoding="utf-8")
    assert laad(g.data).meldingen == []


def test_make_check_geeft_waarschuwingen_en_exit_0(gemaakt):
    uit = macros(gemaakt.data, "check")
    assert uit.returncode == 0, uit.stdout
    aantal = len(laad(gemaakt.data).meldingen)
    assert aantal > 0 and uit.stdout.count(": waarschuwing: ") == aantal
    assert f"{aantal} waarschuwingen" in uit.stdout.splitlines()[-1]


# --- a municipality without any year ---------------------------------------------------------

@pytest.mark.parametrize("naam", ["een-jaar", "andere-gemeente"])
def test_zonder_jaar_een_leeg_geldig_skelet(gegevens, naam):
    datamap = zonder_jaren(gegevens(naam))
    model = laad(datamap).model
    uit = nieuw_jaar(datamap, "2040")
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert uit.stdout.splitlines()[0] == "Jaar 2040 gemaakt als eerste jaar. Nieuwe bestanden:"
    assert f"Vervang elke tekst die met '{NOG_INVULLEN}' begint" in uit.stdout
    resultaat = laad(datamap)
    assert resultaat.fouten == [], [m.als_regel() for m in resultaat.fouten]
    assert list(resultaat.model.jaren) == [2040]
    j = resultaat.model.jaren[2040]

    # One file per theme, with no commitments and nothing else.
    assert sorted(p.name for p in (datamap / "2040").iterdir()) == sorted(
        ["jaarschijf.yaml", "voortgang.yaml", *(f"{t}.yaml" for t in model.themas)])
    for t in model.themas:
        data = yaml.safe_load((datamap / "2040" / f"{t}.yaml").read_text(encoding="utf-8"))
        assert data == {"jaar": 2040, "thema": t, "afspraken": []}
    assert [t.thema for t in j.themas] == list(model.themas)

    # Nothing invented: the required texts are placeholders, every party has a role to fill in.
    assert j.titel == "Prestatieafspraken 2040"
    assert (j.motto, j.focus, j.delen, j.ondertekening, j.grondslagen) == (None, None, None, None, ())
    assert j.inleiding.startswith(NOG_INVULLEN) and j.rollen.inleiding.startswith(NOG_INVULLEN)
    assert j.rollen.toelichting is None
    assert [(r.kop, r.partijen) for r in j.rollen.per_partij] == [(p.naam, (p.id,)) for p in model.partijen.values()]
    assert all(r.tekst.startswith(NOG_INVULLEN) for r in j.rollen.per_partij)
    # ... and the check names each placeholder as a warning.
    assert all(m.niveau == WAARSCHUWING and m.pad == "data/2040/jaarschijf.yaml" for m in resultaat.meldingen)
    assert [m.veld for m in resultaat.meldingen] == ["inleiding", "rollen.inleiding", *(
        f"rollen.per_partij[{i}].tekst" for i in range(1, len(model.partijen) + 1))]


def test_check_zonder_jaar_zegt_dat_er_nog_geen_jaar_is(gegevens):
    """A warning, not an error: the shared files are valid and the site builds without a year."""
    datamap = zonder_jaren(gegevens("een-jaar"))
    uit = macros(datamap, "check")
    assert uit.returncode == 0
    regels = uit.stdout.splitlines()
    assert regels[0] == GEEN_JAAR
    assert regels[1].startswith("De gedeelde gegevens zijn in orde, 0 waarschuwingen;")
    assert "0 afspraken" not in uit.stdout and "Gegevens in orde" not in uit.stdout
    github = macros(datamap, "check", GITHUB_ACTIONS="true")
    assert f"::warning::{GEEN_JAAR}" in github.stdout.splitlines()


def test_skelet_bouwt_een_site(tmp_path):
    project = projectkopie(tmp_path / "project", "een-jaar")
    zonder_jaren(project / "data")
    assert nieuw_jaar(project / "data", "2040").returncode == 0
    site = bouw_zonder_waarschuwing(project, tmp_path / "site")
    assert "Deze jaarschijf is nog niet ondertekend." in (site / "2040" / "index.html").read_text(encoding="utf-8")


# --- text that YAML could misread -------------------------------------------------------------

LASTIGE_TEKSTEN = [
    "Tekst met: een dubbele punt", "'enkel'", '"dubbel"', "[…] aan het begin", "eindigt op:",
    "# geen opmerking", "- geen lijst", "ja", "2024", "null", "~", "@", "`code`", "%pct", "!tag",
    "* ster", "& anker", "? vraag", "{accolades}", "‘gekruld’ en ’s avonds", "a #b", "tab\tin tekst",
]


@pytest.mark.parametrize("tekst", LASTIGE_TEKSTEN)
def test_scalar_leest_terug_als_dezelfde_tekst(tekst):
    assert yaml.safe_load(f"veld: {scalar(tekst)}") == {"veld": tekst}


def test_lange_tekst_wordt_letterlijk_blok():
    tekst = "Eerste alinea: met 'quotes', \"meer\" en [sic].\n\n# Tweede alinea" + " lang" * 30
    b = Tekstbestand("x.yaml", 2030, 2031)
    b.veld("inleiding", tekst)
    b.regel("lijst:")
    b.veld("tekst", tekst, 2, streep=True)
    b.veld("kort", "Kort: maar lastig", 4)
    b.regel("onderdelen:")
    b.item(tekst, 2)
    b.item("- kort", 2)
    assert b.regels[0] == "inleiding: |"
    assert yaml.safe_load(b.tekst()) == {
        "inleiding": tekst + "\n",
        "lijst": [{"tekst": tekst + "\n", "kort": "Kort: maar lastig"}],
        "onderdelen": [tekst + "\n", "- kort"],
    }


def test_lastige_teksten_komen_ongeschonden_in_het_nieuwe_jaar(maak):
    doel = "Doel: 'wonen' in \"leefbare\" [wijken] # niet weg"
    actualiteit = "Eerste: alinea met [haken] en ‘quotes’.\n\n- Tweede alinea, geen lijst.\n\n# Derde, geen opmerking."
    lang = "Een onderdeel: " + "lang, " * LANG + "en 'lastig'."
    onderdelen = ["- kort", lang, "Ondertekening."]

    def lastig(datamap: Path, vorig: Jaar) -> None:
        thema = vorig.themas[0].thema
        wijzig(datamap / str(vorig.jaar) / f"{thema}.yaml", lambda d: d.update(doel=doel, actualiteit=actualiteit))
        wijzig(datamap / str(vorig.jaar) / "jaarschijf.yaml",
               lambda d: d.update(delen={"tekst": "Delen:", "onderdelen": onderdelen}))
    g = maak(aanpassen=lastig)
    model = laad(g.data).model
    for jaar in (g.vorig.jaar, g.jaar):
        assert (model.jaren[jaar].themas[0].doel, model.jaren[jaar].themas[0].actualiteit) == (doel, actualiteit)
        assert model.jaren[jaar].delen.onderdelen == tuple(onderdelen)
    # A long list item is a literal block, not one long quoted line.
    regels = g.bestand("jaarschijf.yaml").read_text(encoding="utf-8").split("\n")
    i = regels.index("    - |")
    assert regels[i + 1] == "      " + lang
    assert all(len(r) <= 2 * LANG for r in regels if not r.startswith("      "))


# --- refusals: a Dutch message, exit 1, nothing written ----------------------------------------

def test_bestaand_jaar_wordt_niet_overschreven(gemaakt):
    (gemaakt.data / str(gemaakt.jaar) / "jaarschijf.yaml").write_text("# al aan gewerkt\n", encoding="utf-8")
    voor = inhoud(gemaakt.data)
    for jaar in (gemaakt.jaar, gemaakt.vorig.jaar):
        uit = nieuw_jaar(gemaakt.data, str(jaar))
        assert uit.returncode == 1
        assert uit.stdout.strip() == f"data/{jaar} bestaat al; er is niets overschreven."
    assert inhoud(gemaakt.data) == voor


@pytest.mark.parametrize("jaar, melding", [
    ("25", "'25' is geen jaar; geef het jaar met vier cijfers, bijvoorbeeld 2025."),
    ("twintig", "'twintig' is geen jaar; geef het jaar met vier cijfers, bijvoorbeeld 2025."),
    ("20255", "'20255' is geen jaar; geef het jaar met vier cijfers, bijvoorbeeld 2025."),
    ("", "'' is geen jaar; geef het jaar met vier cijfers, bijvoorbeeld 2025."),
    ("2101", "2101 kan niet: een jaar ligt tussen 2000 en 2100."),
    ("2029", "2029 ligt voor het nieuwste jaar (2030)."),
])
def test_ongeldig_jaar(gegevens, jaar, melding):
    datamap = gegevens("een-jaar")
    voor = inhoud(datamap)
    uit = nieuw_jaar(datamap, jaar)
    assert uit.returncode == 1
    assert uit.stdout.startswith(melding)
    assert "Traceback" not in uit.stdout + uit.stderr
    assert inhoud(datamap) == voor


def test_fouten_in_de_gegevens_eerst_oplossen(gegevens):
    datamap = gegevens("een-jaar")
    vorig = laad(datamap).model.laatste_jaar
    a = next(a for a in vorig.afspraken if a.verantwoordelijk)
    fout = a.verantwoordelijk[0] + "x"
    wijzig(datamap / str(vorig.jaar) / f"{a.thema}.yaml", lambda d: next(
        x for x in d["afspraken"] if x["nummer"] == a.nummer)["verantwoordelijk"].__setitem__(0, fout))
    voor = inhoud(datamap)
    uit = nieuw_jaar(datamap, str(vorig.jaar + 1))
    assert uit.returncode == 1
    regels = uit.stdout.splitlines()
    assert re.match(rf"^data/{vorig.jaar}/{a.thema}\.yaml:\d+:\d+: .*onbekende partij of groep '{fout}'", regels[0])
    assert regels[-1] == "De gegevens in data/ bevatten fouten; los die eerst op. Er is niets gemaakt."
    assert inhoud(datamap) == voor


def test_een_fout_in_de_nieuwe_map_laat_niets_achter(gegevens, monkeypatch):
    """Should the written files ever fail the checks, the half-made year is removed again."""
    datamap = gegevens("een-jaar")
    jaar = laad(datamap).model.laatste_jaar.jaar + 1
    monkeypatch.setattr(module, "nieuwe_titel", lambda *_: "")
    voor = inhoud(datamap)
    with pytest.raises(module.Weigering) as weigering:
        module.maak(datamap, str(jaar))
    assert "is weer verwijderd" in weigering.value.tekst
    assert any(f"data/{jaar}/jaarschijf.yaml" in r and "titel" in r for r in weigering.value.regels)
    assert inhoud(datamap) == voor and not any(p.name.startswith(".nieuw") for p in datamap.iterdir())


# --- the make targets, in a throw-away copy of the project ------------------------------------

def _venv_kopie(project: Path) -> None:
    """The copy's .venv: links to the real one's parts, and its own stamp.

    `make` would rebuild (rm -rf) a .venv older than requirements.txt; here that could only
    remove these links, never the real environment. A checkout without its own .venv (a git
    worktree beside the main one) lends the environment that runs the tests.
    """
    venv = project / ".venv"
    venv.mkdir()
    echt = PROJECT / ".venv" if (PROJECT / ".venv").is_dir() else Path(sys.prefix)
    for deel in echt.iterdir():
        if deel.name != ".installed":
            (venv / deel.name).symlink_to(deel)
    (venv / ".installed").touch()


def make(project: Path, *args: str) -> subprocess.CompletedProcess:
    omgeving = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "GITHUB_ACTIONS")}
    return subprocess.run(["make", "--no-print-directory", *args], cwd=project, env=omgeving,
                          capture_output=True, text=True)


@dataclass
class Gebouwd:
    site: Path
    vorig: Jaar
    jaar: int


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory) -> Gebouwd:
    """`make nieuw-jaar`, `make check` and `make build` in a copy of the project with een-jaar."""
    project = projectkopie(tmp_path_factory.mktemp("nieuw-jaar") / "project", "een-jaar")
    _venv_kopie(project)
    model = laad(project / "data").model
    vorig = model.laatste_jaar
    jaar = vorig.jaar + 1
    zonder_jaar = make(project, "nieuw-jaar")
    assert zonder_jaar.returncode != 0
    assert "Geef het jaar op: make nieuw-jaar JAAR=2025" in zonder_jaar.stderr
    assert not (project / "data" / str(jaar)).exists()
    uitvoer = {}
    for stap in (f"nieuw-jaar JAAR={jaar}", "check", "build"):
        uit = make(project, *stap.split())
        assert uit.returncode == 0, uit.stdout + uit.stderr
        assert "WARNING" not in uit.stderr, uit.stderr
        uitvoer[stap] = uit.stdout
    assert f"Jaar {jaar} gemaakt uit {vorig.jaar}." in uitvoer[f"nieuw-jaar JAAR={jaar}"]
    waarschuwingen = len(laad(project / "data").meldingen)
    assert (f"Gegevens in orde: {len(model.afspraken)} afspraken in 2 jaren ({vorig.jaar}, {jaar}), "
            f"{waarschuwingen} waarschuwingen") in uitvoer["check"]
    return Gebouwd(project / "site", vorig, jaar)


def pagina(site: Path, pad: str) -> BeautifulSoup:
    return BeautifulSoup((site / pad / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_make_maakt_een_jaar_dat_bouwt_met_eigen_paginas(gebouwd):
    site, vorig, jaar = gebouwd.site, gebouwd.vorig, gebouwd.jaar
    jaarpagina = pagina(site, str(jaar)).select_one("article").get_text(" ", strip=True)
    assert "Deze jaarschijf is nog niet ondertekend." in jaarpagina
    assert "Ondertekend op" not in jaarpagina
    oud = next(t for t in vorig.themas if t.doel and GAT not in t.doel)
    thema = pagina(site, f"{jaar}/themas/{oud.thema}").select_one("article").get_text(" ", strip=True)
    assert " ".join(oud.doel.split()[:4]) in thema  # the copied goal is shown
    assert "geen genummerde" in thema
    start = pagina(site, "").get_text(" ", strip=True)
    assert "(nog niet ondertekend)" in start
    o = vorig.ondertekening
    assert f"Ondertekend op {datum(o.datum)} in {o.plaats}" in pagina(site, str(vorig.jaar)).get_text(" ", strip=True)
    assert not (site / str(jaar) / "afspraken" / "1").exists()


def test_geen_afspraak_van_het_vorige_jaar_op_een_pagina_van_het_nieuwe(gebouwd):
    site, vorig, jaar = gebouwd.site, gebouwd.vorig, gebouwd.jaar
    paginas = sorted((site / str(jaar)).rglob("index.html"))
    assert len(paginas) > len(vorig.themas)
    for html in paginas:
        soep = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        tekst = soep.select_one("article").get_text(" ", strip=True)
        for a in vorig.afspraken:
            assert " ".join(a.tekst.split()[:8]) not in tekst, (html, a.id)
        links = [x["href"] for x in soep.select("article a[href]")]
        assert not any(re.search(rf"{vorig.jaar}/afspraken/\d+/", h) for h in links), html
