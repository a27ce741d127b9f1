"""A horizontal bar chart of a status tally, laid out at build time for an inline SVG
(templates/stand.html draws it): no script, no image file, no request.

Each status has a row: its icon and word on a line, the bar under it and the count right
after the bar, so neither the colour nor the length alone says anything. The chart scales
with its viewBox to the width of its container; the row layout (text above the bar, not
beside it) keeps the words readable on a 320 px screen. Plain Python, no MkDocs.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..gegevens.voortgang import Status
from .tellingen import Telling

BREEDTE = 300  # the viewBox's width, in user units
LETTER = 15  # font size in user units: at 300 wide, about the page's text size
ICOON = 15
RIJ = 44  # a status's row: a line of text, then the bar
BALK = 14  # the bar's height
RUIMTE_AANTAL = 42  # room right of the longest bar for its count (up to four digits)
MINSTE = 2  # a count above 0 always shows a bar


@dataclass(frozen=True)
class Balk:
    status: Status
    aantal: int
    y: int  # top of the row
    breedte: float  # the bar's length

    @property
    def y_tekst(self) -> int:
        """The baseline of the status's word."""
        return self.y + LETTER

    @property
    def y_balk(self) -> int:
        return self.y + LETTER + 7

    @property
    def y_aantal(self) -> float:
        """The baseline of the count, level with the bar."""
        return self.y_balk + BALK - 2

    @property
    def x_aantal(self) -> float:
        return round(self.breedte + 6, 1)


@dataclass(frozen=True)
class Grafiek:
    balken: tuple[Balk, ...]
    breedte: int = BREEDTE
    icoon: int = ICOON
    letter: int = LETTER
    balk: int = BALK

    @property
    def hoogte(self) -> int:
        return len(self.balken) * RIJ

    @property
    def beschrijving(self) -> str:
        """The numbers in words, for the chart's <desc>: "2 gerealiseerd, 1 loopt en 3 nog
        niet beoordeeld"."""
        delen = [f"{b.aantal} {b.status.naam}" for b in self.balken]
        return ", ".join(delen[:-1]) + " en " + delen[-1]


def staafgrafiek(telling: Telling) -> Grafiek | None:
    """The bars of the statuses some commitment has, in the vocabulary's order, longest for
    the largest count; None where a chart would say nothing (fewer than two bars)."""
    rijen = telling.in_grafiek
    if len(rijen) < 2:
        return None
    hoogste = max(n for _, n in rijen)
    ruimte = BREEDTE - RUIMTE_AANTAL
    return Grafiek(tuple(Balk(s, n, i * RIJ, round(max(MINSTE, n / hoogste * ruimte), 1))
                         for i, (s, n) in enumerate(rijen)))

