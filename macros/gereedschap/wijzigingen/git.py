"""The data folder as it was at a git version."""
from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path


class GitFout(Exception):
    """A problem with git or the version asked for; the message is for the user."""


def _git(map_: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "-C", str(map_), *args], capture_output=True)
    except FileNotFoundError:
        raise GitFout("Het programma git is niet gevonden. Installeer git om te vergelijken.") from None


def _git_zegt(uit: subprocess.CompletedProcess) -> str:
    tekst = uit.stderr.decode("utf-8", "replace").strip().splitlines()
    return f"\n(git zegt: {tekst[0]})" if tekst else ""


def data_op_versie(datamap: Path, versie: str, uitvoermap: Path) -> Path | None:
    """Write the data folder as it is at git version `versie` into `uitvoermap`.

    The repository is the one that holds `datamap`. Returns the folder written, or None
    when the data folder did not exist at that version. Raises GitFout when there is no
    repository or `versie` is unknown.
    """
    datamap = Path(datamap).resolve()
    map_ = datamap if datamap.is_dir() else datamap.parent
    top = _git(map_, "rev-parse", "--show-toplevel")
    if top.returncode:
        raise GitFout(f"De map {datamap} hoort niet bij een git-repository, dus er is niets om mee "
                      f"te vergelijken.{_git_zegt(top)}")
    repo = Path(top.stdout.decode().strip()).resolve()
    # a version that looks like an option never reaches git as one
    commit = None if versie.startswith("-") else _git(repo, "rev-parse", "--verify", "--quiet", f"{versie}^{{commit}}")
    if commit is None or commit.returncode:
        raise GitFout(f"Onbekende versie '{versie}': dat is geen branch, tag of commit in {repo}. "
                      "Haal hem eerst op (bijvoorbeeld met git fetch origin main) of kies een andere.")
    sha = commit.stdout.decode().strip()
    if not datamap.is_relative_to(repo):  # reached through a link from outside the repository
        raise GitFout(f"De map {datamap} ligt niet in de git-repository {repo}.")
    pad = datamap.relative_to(repo).as_posix()
    if _git(repo, "cat-file", "-e", f"{sha}:{'' if pad == '.' else pad}").returncode:
        return None
    archief = _git(repo, "archive", "--format=tar", sha, *([] if pad == "." else [pad]))
    if archief.returncode:
        raise GitFout(f"De gegevens van versie '{versie}' zijn niet uit git te halen.{_git_zegt(archief)}")
    with tarfile.open(fileobj=io.BytesIO(archief.stdout)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4+: no links or paths outside `uitvoermap`
            tar.extractall(uitvoermap, filter="data")
        else:
            tar.extractall(uitvoermap)
    return Path(uitvoermap) / pad
