"""A data file of a new year, written line by line as text.

Files are written as text, not dumped, so the comments survive; every value is
written in a form that `yaml.safe_load` reads back unchanged. Long or multi-line
texts, list items too, are literal blocks (`|`) as in the hand-written files.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import yaml

from ..gegevens.controles import NOG_INVULLEN, OVERGENOMEN
from ..gegevens.model import GAT, SIC, heeft_markering

LANG = 100  # texts longer than this, or with more than one line, become literal blocks


@dataclass(frozen=True)
class Noemt:
    """A copied text that still names the previous year: where it is, for the editor."""
    bestand: str
    regel: int
    veld: str


def _leest_terug(tekst: str, waarde) -> bool:
    try:
        return yaml.safe_load(f"x: {tekst}") == {"x": waarde}
    except yaml.YAMLError:
        return False


def scalar(waarde: str) -> str:
    """One line of text as a YAML scalar: plain where that reads back the same, else quoted."""
    for vorm in (waarde, json.dumps(waarde, ensure_ascii=False), json.dumps(waarde)):
        if _leest_terug(vorm, waarde):
            return vorm
    raise ValueError(f"kan {waarde!r} niet als YAML schrijven")  # json.dumps always reads back


def heeft_gat(tekst: str | None) -> bool:
    """A text with a mark of last year's source ([…] or [sic]): it belongs to that document."""
    return heeft_markering(tekst)


def invullen(wat: str, jaar: int) -> str:
    """The placeholder of a required text: plainly a to-do, never content."""
    return f"{NOG_INVULLEN}: {wat} zoals in het document van {jaar}."


def niet_overgenomen(sleutel: str, vorig: int, jaar: int) -> str:
    return (f"'{sleutel}' van {vorig} is niet overgenomen: er ontbreken woorden in ({GAT}) of er staat {SIC} in. "
            f"Staat het in het document van {jaar}, zet het dan hier.")


@dataclass
class Tekstbestand:
    """A YAML file under construction, line by line; remembers copied texts that name a year."""
    naam: str
    vorig_jaar: int | None
    jaar: int = 0
    regels: list[str] = field(default_factory=list)
    noemt: list[Noemt] = field(default_factory=list)
    in_te_vullen: int = 0

    def regel(self, tekst: str = "") -> None:
        self.regels.append(tekst)

    def opmerking(self, tekst: str, inspringing: int = 0) -> None:
        self.regels.append(" " * inspringing + "# " + tekst if tekst else " " * inspringing + "#")

    def overgenomen(self, veld: str, *teksten: str | None) -> None:
        """The comment above a copied block, with a warning when its copied text names the old year."""
        zin = f"{OVERGENOMEN} {self.vorig_jaar}: controleer en pas aan."
        if any(t and not heeft_gat(t) and re.search(rf"\b{self.vorig_jaar}\b", t) for t in teksten):
            zin += f" Let op: de tekst noemt {self.vorig_jaar}."
            self.noemt.append(Noemt(self.naam, len(self.regels) + 1, veld))  # the comment's line
        self.opmerking(zin)

    def veld(self, sleutel: str, waarde, inspringing: int = 0, streep: bool = False) -> None:
        """`sleutel: waarde`; with `streep` as the first key of a list item (`- sleutel: …`)."""
        begin = " " * inspringing + ("- " if streep else "") + f"{sleutel}:"
        if isinstance(waarde, (tuple, list)):  # ids only: always plain
            self.regel(f"{begin} [{', '.join(waarde)}]")
        elif isinstance(waarde, int):
            self.regel(f"{begin} {waarde}")
        else:
            self._tekst(begin, waarde, inspringing + 2 + (2 if streep else 0))

    def kopie(self, sleutel: str, tekst: str, inspringing: int = 0, streep: bool = False,
              verplicht: str | None = None) -> None:
        """A text copied from the year before, unless it has a gap: then a required text
        (`verplicht` says what it is) becomes a placeholder and an optional one is left out."""
        if not heeft_gat(tekst):
            self.veld(sleutel, tekst, inspringing, streep)
        elif verplicht:
            self.invullen(sleutel, verplicht, inspringing, streep)
        else:
            self.opmerking(niet_overgenomen(sleutel, self.vorig_jaar, self.jaar), inspringing)

    def invullen(self, sleutel: str, wat: str, inspringing: int = 0, streep: bool = False) -> None:
        self.veld(sleutel, invullen(wat, self.jaar), inspringing, streep)
        self.in_te_vullen += 1

    def item(self, waarde: str, inspringing: int) -> None:
        """A list item that is text."""
        self._tekst(" " * inspringing + "-", waarde, inspringing + 2)

    def _tekst(self, begin: str, waarde: str, binnen: int) -> None:
        """Long or multi-line text as a literal block, like the hand-written files; the
        model's text never starts a line with a space, so no indentation indicator is needed."""
        if "\n" in waarde or len(waarde) > LANG:
            self.regel(f"{begin} |")
            self.regels += [" " * binnen + r if r else "" for r in waarde.split("\n")]
        else:
            self.regel(f"{begin} {scalar(waarde)}")

    def tekst(self) -> str:
        return "\n".join(self.regels) + "\n"


def kop(b: Tekstbestand, soort: str) -> None:
    b.regel(f"# yaml-language-server: $schema=../schema/{soort}.schema.json")
