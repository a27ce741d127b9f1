"""Dutch-looking text of a chosen length: a word-level Markov chain over example texts."""
from __future__ import annotations

import random

from ...gegevens.model import MARKERINGEN
from ...gegevens.tekstregels import alineas
from . import SynthFout

_LOSSE_WOORDEN = {"en", "of", "van", "de", "het", "een", "in", "op", "met", "voor", "naar", "aan",
                  "om", "te", "bij", "tot", "door", "over", "uit", "die", "dat", "als", "zijn", "is"}


def _zinseinde(woord: str) -> bool:
    return woord.rstrip("”’\")").endswith((".", "!", "?"))


def _sluit(woord: str) -> str:
    return woord if _zinseinde(woord) else woord.rstrip(",;:–-") + "."


class Ketting:
    """A word-level Markov chain over example texts: Dutch-looking text of a chosen length."""

    def __init__(self, teksten: list[str], orde: int):
        self.volgende: dict[tuple[str, ...], list[str | None]] = {}
        self.begin: list[tuple[str, ...]] = []
        for tekst in teksten:
            for markering in MARKERINGEN:  # marks of a real source ([…], [sic]) need a note: none made up
                tekst = tekst.replace(markering, " ")
            for alinea in alineas(tekst):
                woorden = alinea.split()
                for i in range(len(woorden) - orde + 1):
                    staat = tuple(woorden[i:i + orde])
                    if i == 0 or _zinseinde(woorden[i - 1]):
                        self.begin.append(staat)
                    self.volgende.setdefault(staat, []).append(woorden[i + orde] if i + orde < len(woorden) else None)
        if not self.begin:
            raise SynthFout("de voorbeeldgegevens bevatten te weinig tekst om na te maken")

    def _woorden(self, rng: random.Random):
        """An endless stream of words; a new sentence starts where a text ended."""
        while True:
            staat = rng.choice(self.begin)
            yield from staat
            while (volgend := rng.choice(self.volgende[staat])) is not None:
                yield volgend
                staat = staat[1:] + (volgend,)
            yield None  # end of a text: the caller closes the sentence

    def tekst(self, rng: random.Random, lengte: int) -> str:
        """About `lengte` characters, ending at a sentence end where one is near."""
        woorden: list[str] = []
        n = 0  # characters so far
        laatste_einde = (0, 0)  # (characters, words) at the last sentence end
        for woord in self._woorden(rng):
            if woord is None:
                woorden[-1] = _sluit(woorden[-1])
                laatste_einde = (n, len(woorden))
                if n >= 0.85 * lengte:
                    break
                continue
            n += len(woord) + (1 if woorden else 0)
            woorden.append(woord)
            if _zinseinde(woord):
                laatste_einde = (n, len(woorden))
                if n >= 0.85 * lengte:
                    break
            if n >= 1.15 * lengte:
                if laatste_einde[0] >= 0.6 * lengte:
                    del woorden[laatste_einde[1]:]
                else:
                    woorden[-1] = _sluit(woorden[-1])
                break
        return " ".join(woorden)

    def titel(self, rng: random.Random, lengte: int) -> str:
        """A heading of about `lengte` characters: no sentence end, no dangling small word."""
        woorden: list[str] = []
        n = 0
        for woord in self._woorden(rng):
            if n >= lengte or (woord is None and n >= 0.7 * lengte):
                break
            if woord is None:  # a short real title ended: go on with the start of another
                continue
            n += len(woord) + (1 if woorden else 0)
            woorden.append(woord)
        while len(woorden) > 1 and woorden[-1].lower().strip(",;:.") in _LOSSE_WOORDEN:
            woorden.pop()
        titel = " ".join(woorden).rstrip(",;:.–- ")
        titel += ")" * (titel.count("(") - titel.count(")"))  # a cut-off title still closes its brackets
        return titel[:1].upper() + titel[1:]
