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
        """One line, whatever the data holds: control and direction characters are shown as
        escapes (a file name or value can never start a line of its own, or reorder one)."""
        prefix = "" if self.niveau == FOUT else "waarschuwing: "
        veld = f"{self.veld}: " if self.veld else ""
        return zichtbaar(f"{self.pad}:{self.regel}:{self.kolom}: {veld}{prefix}{self.tekst}")

    def als_github(self) -> str:
        """A workflow command, so the problem shows on the changed line of a pull request.

        The file name is escaped as a property and the message as data, as GitHub
        documents, so neither can end the command or start another one."""
        soort = "error" if self.niveau == FOUT else "warning"
        veld = f"{self.veld}: " if self.veld else ""
        tekst = _github_gegevens(zichtbaar(f"{veld}{self.tekst}"))
        bestand = _github_eigenschap(zichtbaar(self.pad))
        return f"::{soort} file={bestand},line={self.regel},col={self.kolom}::{tekst}"


def zichtbaar(tekst: str) -> str:
    """`tekst` with every control, format and direction character written as an escape
    (\\n, \\u202e): what a terminal or log shows is exactly what is there."""
    if tekst.isprintable():
        return tekst
    return "".join(c if c.isprintable() or c == " " else _escape(c) for c in tekst)


def _escape(teken: str) -> str:
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(teken) or f"\\u{ord(teken):04x}"


def _github_gegevens(tekst: str) -> str:
    return tekst.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_eigenschap(tekst: str) -> str:
    return _github_gegevens(tekst).replace(":", "%3A").replace(",", "%2C")


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
