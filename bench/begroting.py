"""The budgets of issues 5, 13, 14 and 15 and whether a measurement meets them: pure functions, no I/O.

Each budget is one line in the report and one entry of `budgets` in bench/results.json:
{"naam", "waarde", "grens", "gehaald"}. A part left out with --zonder has no budgets.
"""
from __future__ import annotations

from dataclasses import dataclass

# CPU time of the synthetic site's build / the fair floor's (plain MkDocs + Material
# building byte-identical pages), medians of at least 5 interleaved rounds: the project
# adds nothing a plain site of the same pages would not cost.
BOUWTIJD_VERHOUDING = 1.0
PAGINAGROEI = 1.05  # a commitment page with the most years / the same page with 1 year
# The same commitment page when every other commitment has a long progress history / when
# not (bench/geschiedenis.py): a page shows its own history only.
GESCHIEDENIS = 1.0
ZOEKDATA_GZIP = 150_000  # bytes a phone downloads for a search on the real site
# What one search downloads (gzip) with the most years / with 1 year: it does not grow with
# the years. Synthetic years differ a little in length, and the fixed pages name every year
# (a few bytes each); 1.25 allows that, not a second year's file.
ZOEKDATA_GROEI = 1.25
# Seconds from opening the search to the first result on a phone profile (bench/zoeken.py),
# at 1, half and all of the rounds' years (issue 15: 1, 10 and 20).
ZOEKEN_EERSTE = 1.5
LIGHTHOUSE = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
REDACTIE_HTTP = 1.5  # seconds from saving a data file to the changed page over HTTP, at 1 and at 20 years
DUUR = 600  # seconds for the whole measurement (issue 5: under 10 minutes on 2 cores)

CATEGORIE_NAMEN = {"performance": "prestaties", "accessibility": "toegankelijkheid",
                   "best-practices": "goede praktijk", "seo": "vindbaarheid (SEO)"}


@dataclass(frozen=True)
class Budget:
    naam: str
    waarde: float
    grens: float
    minimum: bool = False  # the value must reach the limit instead of stay under it

    @property
    def gehaald(self) -> bool:
        return self.waarde >= self.grens if self.minimum else self.waarde <= self.grens

    def als_dict(self) -> dict:
        return {"naam": self.naam, "waarde": self.waarde, "grens": self.grens, "gehaald": self.gehaald}


def gelijke_schaal(meting: dict) -> dict[int, dict]:
    """The synthetic sites with the rounds' number of commitments per year, by years."""
    per_jaar = meting["instellingen"]["afspraken_per_jaar"]
    return {s["jaren"]: s for s in meting["schaal"].values() if s["afspraken_per_jaar"] == per_jaar}


def zoekpunten(meting: dict) -> dict[int, int]:
    """Years -> bytes one search downloads (gzip, as sent), at the rounds' commitments per year."""
    return {jaren: s["zoekdata_gzip_bytes"] for jaren, s in gelijke_schaal(meting).items()}


def budgetten(meting: dict) -> list[Budget]:
    """The budgets for a measurement shaped as bench/results.json (without `budgets`)."""
    gevallen = meting["gevallen"]
    lijst = [Budget("bouwen: CPU-tijd synthetische site / vloer (mediaan)", meting["verhouding_synth_vloer"],
                    BOUWTIJD_VERHOUDING)]
    schaal = gelijke_schaal(meting)
    eerste, laatste = min(schaal), max(schaal)
    if eerste < laatste:
        lijst.append(Budget(
            f"afspraakpagina {meting['voorbeelden']['synth']['afspraak']}: {laatste} jaar / {eerste} jaar",
            round(schaal[laatste]["afspraakpagina_bytes"] / schaal[eerste]["afspraakpagina_bytes"], 3), PAGINAGROEI))
    if meting.get("geschiedenis"):
        g = meting["geschiedenis"]
        lijst.append(Budget(f"afspraakpagina {g['afspraak']}: lange geschiedenis van de andere afspraken / gewoon",
                            g["verhouding"], GESCHIEDENIS))
    lijst.append(Budget("zoekdata per zoekopdracht, echte site, gzip (bytes)", gevallen["echt"]["zoekdata_gzip_bytes"],
                        ZOEKDATA_GZIP))
    if eerste < laatste:
        punten = zoekpunten(meting)
        lijst.append(Budget(f"zoekdata per zoekopdracht, gzip: {laatste} jaar / {eerste} jaar",
                            round(punten[laatste] / punten[eerste], 3), ZOEKDATA_GROEI))
    lijst.append(Budget("zoekdata echte site: afspraken niet precies één keer gevonden",
                        len(meting["zoekindex_dubbel"]), 0))
    for jaren, z in sorted((meting.get("zoeken") or {}).items(), key=lambda x: int(x[0])):
        lijst.append(Budget(f"zoeken op een telefoon, {jaren} jaar: eerste resultaat (s, mediaan)",
                            z["mediaan_seconden"], ZOEKEN_EERSTE))
    for pagina, scores in (meting["lighthouse"] or {}).items():
        lijst += [Budget(f"Lighthouse {pagina}: {CATEGORIE_NAMEN[c]}", scores[c], grens, minimum=True)
                  for c, grens in LIGHTHOUSE.items()]
    for jaren, r in sorted((meting["redactie"] or {}).items(), key=lambda x: int(x[0])):
        lijst.append(Budget(f"redactie, {jaren} jaar: opslaan tot gewijzigde pagina via HTTP (s, mediaan)",
                            r["http_mediaan_s"], REDACTIE_HTTP))
    lijst.append(Budget("duur van de meting (s)", meting["duur_seconden"], DUUR))
    return lijst
