"""Problems found in the data, and how they are printed for editors."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

FOUT = "fout"
WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True, order=True)
class Melding:
    """One problem at one place: `path:line:column: veld: melding`."""

    pad: str
    regel: int
    kolom: int
    veld: str
    tekst: str
    niveau: str = FOUT

    def als_regel(self) -> str:
        prefix = "" if self.niveau == FOUT else "waarschuwing: "
        veld = f"{self.veld}: " if self.veld else ""
        return f"{self.pad}:{self.regel}:{self.kolom}: {veld}{prefix}{self.tekst}"

    def als_github(self) -> str:
        """A workflow command, so the problem shows on the changed line of a pull request."""
        soort = "error" if self.niveau == FOUT else "warning"
        veld = f"{self.veld}: " if self.veld else ""
        tekst = _github_escape(f"{veld}{self.tekst}")
        return f"::{soort} file={self.pad},line={self.regel},col={self.kolom}::{tekst}"


def _github_escape(tekst: str) -> str:
    return tekst.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gesorteerd(meldingen: Iterable[Melding]) -> list[Melding]:
    return sorted(set(meldingen))


def fouten(meldingen: Iterable[Melding]) -> list[Melding]:
    return [m for m in meldingen if m.niveau == FOUT]


def veldnaam(pad: Iterable[object]) -> str:
    """A readable field path: `afspraken[3].tekst` (list positions count from 1)."""
    tekst = ""
    for deel in pad:
        if isinstance(deel, int):
            tekst += f"[{deel + 1}]"
        else:
            tekst += f".{deel}" if tekst else str(deel)
    return tekst
