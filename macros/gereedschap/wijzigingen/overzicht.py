"""What the change summary holds: chapters, sections, things new, gone or changed, and their fields."""
from __future__ import annotations

from dataclasses import dataclass

from ...gegevens.model import Model
from ...gegevens.tekstregels import ALINEASCHEIDING as ALINEA


@dataclass(frozen=True)
class Veld:
    """One changed field, ready to print: lines after its label, or a text diff as a quote."""
    label: str
    regels: tuple[str, ...] = ()
    blok: str = ""

    def als_regel(self) -> str:
        return f"{self.label}: " + ("; ".join(self.regels) or self.blok.replace(ALINEA, " ¶ "))


@dataclass(frozen=True)
class Onderdeel:
    """One thing that is new, gone or changed: a commitment, a theme, a party…"""
    naam: str  # Markdown
    pad: str | None = None  # its page on the site
    uitleg: str = ""  # Markdown, after the name
    velden: tuple[Veld, ...] = ()
    # The parties who should review this change; None: all of them (text they signed
    # together, or data every year uses).
    meekijken: frozenset[str] | None = None


@dataclass(frozen=True)
class Sectie:
    kop: str
    nieuw: tuple[Onderdeel, ...] = ()
    weg: tuple[Onderdeel, ...] = ()
    gewijzigd: tuple[Onderdeel, ...] = ()
    # Pages that change because of other things (a link to a new commitment), after `tekst`.
    meeveranderd: tuple[Onderdeel, ...] = ()
    tekst: str = ""

    @property
    def onderdelen(self) -> tuple[Onderdeel, ...]:
        return (*self.nieuw, *self.weg, *self.gewijzigd, *self.meeveranderd)

    def __bool__(self) -> bool:
        return bool(self.onderdelen)


@dataclass(frozen=True)
class Hoofdstuk:
    kop: str
    tekst: tuple[str, ...] = ()  # Markdown paragraphs under the heading
    secties: tuple[Sectie, ...] = ()
    iedereen: bool = False  # all parties should review (a year added or removed)

    @property
    def onderdelen(self) -> tuple[Onderdeel, ...]:
        return tuple(o for s in self.secties for o in s.onderdelen)


@dataclass(frozen=True)
class Overzicht:
    """Everything that changes, and who should review it (party names, in party order)."""
    hoofdstukken: tuple[Hoofdstuk, ...]
    meekijken: tuple[str, ...] = ()
    # Progress entries changed or removed (voortgang.py), Markdown: the command then exits 1.
    problemen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Paar:
    """The two models, so that each id is named from the version it belongs to."""
    oud: Model
    nieuw: Model
