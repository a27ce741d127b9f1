"""The one owner of a build's state: the model, the page table and the renderer.

The hook (haak.py) starts a `Bouw` in `on_config`, before mkdocs-macros runs
`define_env`; the hook and the macros of the hand-written pages (vaste_paginas.py)
both reach it through `huidige()`, and nothing else holds it.

Generated pages are known by their file name (`src_uri`) in the page table. Their
source holds no data: the body is rendered from the model here, and only its title
line goes through Markdown; the rendered HTML is put back after Markdown
(`zet_lichaam_terug`), so it is not parsed three times.

Under `make serve` (mkdocs serve --dirty) the next build takes over what still holds:
the files read (only changed files are read again), and the pages rendered. It then
marks as changed only the pages whose output changed; MkDocs rebuilds those and leaves
the others as they are on disk. Everything is built anew when the navigation, the
shared data, the set of pages or anything outside data/ that shapes a page changed.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from html import unescape
from pathlib import Path

from jinja2 import BytecodeCache
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from ..gegevens.laden import Leesgeheugen, laad_of_stop
from ..gegevens.model import Jaar, Model
from ..gereedschap import export
from ..paginas import feed, inhoud, plaatsinhoud, soorten, zoekindex
from ..paginas.weergave import Site, Weergave

SERVE = "PRESTATIEAFSPRAKEN_SERVE"  # set by the hook's on_startup under `mkdocs serve`
# The source of every generated page. mkdocs-macros leaves it alone: compiling each of
# thousands of sources as a Jinja template cost more than rendering the page.
BRON = "---\nrender_macros: false\n---\n"
# Outside data/, what shapes every page: a change there builds everything anew.
OMGEVING = ("mkdocs.yml", "docs", "overrides")
_ID = re.compile(r"""<[a-zA-Z][^>]*?\sid="([^"]*)\"""")

_huidige: Bouw | None = None


def huidige() -> Bouw:
    if _huidige is None:
        raise PluginError("De bouw is niet begonnen: macros/lijm/haak.py staat niet onder hooks: in mkdocs.yml.")
    return _huidige


def begin(config) -> Bouw:
    """A new build; under `make serve` it takes over from the previous one."""
    global _huidige
    serve = os.environ.get(SERVE) == "ja"
    _huidige = Bouw(config, _huidige if serve else None, bewaar=serve)
    return _huidige


class Gegenereerd(File):
    """A file made in memory; under `mkdocs serve --dirty` MkDocs rebuilds it only when
    `gewijzigd` says its output changed."""
    gewijzigd = True

    def is_modified(self) -> bool:
        return self.gewijzigd


class Bouw:
    def __init__(self, config, vorige: Bouw | None, bewaar: bool = False):
        """`vorige`: the previous build of this `make serve`, if any. `bewaar`: keep each
        page as rendered for the next build (under `make serve`; else it is let go once used)."""
        self.project = Path(config.config_file_path).parent
        self.datamap = self.project / "data"
        if vorige is not None and vorige.project != self.project:
            vorige = None
        self.leesgeheugen = vorige.leesgeheugen if vorige else Leesgeheugen()
        self.model = laad_of_stop(self.datamap, kop="De gegevens bevatten fouten; er is niets gebouwd.",
                                  als=PluginError, geheugen=self.leesgeheugen)
        noem_de_site(config, self.model)
        # the year whose search data a page without a year of its own loads (zoeken.js)
        config.extra["pa_zoekjaar"] = max((j.jaar for j in self.model.jaren.values() if j.afspraken),
                                          default=max(self.model.jaren, default=""))
        schema = json.loads(exportschema_pad(self.project).read_text(encoding="utf-8"))
        self.weergave = Weergave(self.model, Site(config.site_name, config.site_url or "", schema, self.datamap))
        self.paginas = {p.bestandsnaam: p for p in soorten.paginas(self.model)}
        self.navigatie = soorten.navigatie(self.model)
        self.omgeving = _stempel(self.project)
        self.adres = config.site_url or ""
        self._markdown: dict[str, str] = {}  # rendered generated pages, by file name
        self._lichamen: dict[str, str] = {}  # their bodies, between Markdown and on_page_content
        self._open_data: dict[str, bytes] = {}
        self._vaste_paginas: dict[str, zoekindex.VastePagina] = {}  # the hand-written pages, for search
        self.gebouwd: set[str] = set()  # the URLs of the pages MkDocs rendered in this build
        self._bewaar = bewaar
        self.vorige_paginas = set(vorige.paginas) if vorige else set()
        self._vorige_open_data = vorige._open_data if vorige else {}
        self.gewijzigd = self._gewijzigd(vorige)  # None: every page

    # --- rendering -----------------------------------------------------------------------

    def markdown(self, bestandsnaam: str) -> str:
        """A generated page as rendered from its template: a title line, then HTML."""
        if bestandsnaam not in self._markdown:
            self._markdown[bestandsnaam] = str(self.weergave.pagina(self.paginas[bestandsnaam]))
        return self._markdown[bestandsnaam]

    def vul(self, page) -> str | None:
        """The Markdown MkDocs gets for a generated page: only its title line. None for a
        hand-written page."""
        self.gebouwd.add(page.url)
        pagina = self.paginas.get(page.file.src_uri)
        if pagina is None:
            return None
        page.meta = pagina.voorwerk
        markdown = self.markdown(pagina.bestandsnaam) if self._bewaar else self._markdown.pop(
            pagina.bestandsnaam, None) or str(self.weergave.pagina(pagina))
        titel, _, lichaam = markdown.partition("\n")
        self._lichamen[pagina.bestandsnaam] = lichaam
        return titel + "\n"

    def zet_lichaam_terug(self, html: str, page) -> str:
        """The page's HTML with the rendered body after the title; its anchors become link
        targets, so MkDocs' check of links to anchors still covers them. A hand-written
        page's text is kept for the search."""
        lichaam = self._lichamen.pop(page.file.src_uri, None)
        if lichaam is None:
            zoeken = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
            if not zoeken.get("exclude"):
                self._vaste_paginas[page.url] = zoekindex.VastePagina(
                    page.url, str(page.title or ""), zoekindex.platte_tekst(html), float(zoeken.get("boost", 1)))
            return html
        page.present_anchor_ids = (page.present_anchor_ids or set()) | {unescape(i) for i in _ID.findall(lichaam)}
        return html + "\n" + lichaam.strip("\n")

    # --- files ---------------------------------------------------------------------------

    def bestanden(self, files: Files, config) -> Files:
        """The generated pages and the open data, in memory (nothing is written to docs/)."""
        for naam, pagina in self.paginas.items():
            niveau = InclusionLevel.UNDEFINED if pagina.in_nav else InclusionLevel.NOT_IN_NAV
            f = Gegenereerd.generated(config, naam, content=BRON, inclusion=niveau)
            f.gewijzigd = self.gewijzigd is None or naam in self.gewijzigd
            files.append(f)
        for pad, inhoud in self.open_data().items():
            f = Gegenereerd.generated(config, pad, content=inhoud)
            f.gewijzigd = self.gewijzigd is None or inhoud != self._vorige_open_data.get(pad)
            files.append(f)
        # hand-written pages show the data through macros: under `make serve` always built
        # anew (MkDocs would look only at the times of their own files)
        for f in files.documentation_pages():
            if not isinstance(f, Gegenereerd):
                f.is_modified = _ja
        self._ruim_op(Path(config.site_dir))
        return files

    def open_data(self, alleen: set[int] | None = None) -> dict[str, bytes]:
        """The open data files by path; with `alleen`, only those years are made anew."""
        if not self._open_data or alleen is not None:
            self._open_data.update(export.open_data_bestanden(
                self.model, self.adres, exportschema_pad(self.project), jaren=alleen))
        return self._open_data

    def _ruim_op(self, site: Path) -> None:
        """Under `make serve`, a page that no longer exists leaves the served site."""
        for naam in self.vorige_paginas - set(self.paginas):
            url = naam[:-len("index.md")] if naam.endswith("index.md") else naam[:-len(".md")] + "/"
            (site / url / "index.html").unlink(missing_ok=True)

    # --- what changed since the previous build of `make serve` -----------------------------

    def _gewijzigd(self, vorige: Bouw | None) -> set[str] | None:
        if (vorige is None or vorige.omgeving != self.omgeving or vorige.navigatie != self.navigatie
                or _gedeeld(vorige.model) != _gedeeld(self.model) or set(vorige.paginas) != set(self.paginas)):
            return None
        oud, nieuw = vorige.model, self.model
        jaren = {j for j in nieuw.jaren if nieuw.jaren[j] != oud.jaren[j]}
        kandidaten = self._kandidaten(oud, nieuw, jaren)
        gewijzigd = {n for n in kandidaten if self.markdown(n) != vorige._markdown.get(n)}
        self._markdown = {**{n: m for n, m in vorige._markdown.items() if n in self.paginas}, **self._markdown}
        self._open_data = dict(vorige._open_data)
        self.open_data(alleen=jaren)
        return gewijzigd

    def _kandidaten(self, oud: Model, nieuw: Model, jaren: set[int]) -> set[str]:
        """The pages whose output may have changed; the others show nothing that changed.

        Of a changed year: its own pages (year, overview, themes, parties, full text), and
        a commitment's page when that commitment, its neighbour by number, or one it is
        linked with (lineage, related, in either direction, before or after) changed;
        every commitment page when the year's other texts or its progress changed. Of any
        year: the overview and the place pages, when a changed year in their year switcher
        changed what they show of it (the overview offers its filters, a place page counts
        its commitments there); and the year page of the next year, which says what became
        of this year's commitments.
        """
        veranderd = {a.id for j in jaren for a in nieuw.jaren[j].afspraken if a != _of_niets(oud, a.id)}
        heel_jaar = {j for j in jaren if _zonder_afspraken(nieuw.jaren[j]) != _zonder_afspraken(oud.jaren[j])}
        naar_buiten = {j for j in jaren if _naar_buiten(oud, oud.jaren[j]) != _naar_buiten(nieuw, nieuw.jaren[j])}
        overzichten = {j for j in nieuw.jaren if naar_buiten & set(inhoud.jaarvenster(tuple(nieuw.jaren), j))}
        volgorde = sorted(nieuw.jaren)
        volgende = {volgorde[i + 1] for i, j in enumerate(volgorde[:-1]) if j in jaren}
        # every link named here works both ways, so a page shows a changed commitment
        # exactly when it is one of that commitment's own links
        geraakt = veranderd | {b for model in (oud, nieuw) for a in veranderd for b in _buren(model, a)}
        kandidaten = set()
        for naam, p in self.paginas.items():
            if p.soort is soorten.AFSPRAAK:
                if p.jaar in heel_jaar or p.sleutel in geraakt:
                    kandidaten.add(naam)
            elif (p.jaar in jaren or (p.soort in (soorten.OVERZICHT, soorten.PLAATS) and p.jaar in overzichten)
                  or (p.soort is soorten.JAAR and p.jaar in volgende)):
                kandidaten.add(naam)
        return kandidaten

    def schrijf_zoekbestanden(self, site: Path) -> None:
        """The search data (paginas/zoekindex.py), written after every page was rendered:
        the fixed pages' text is known only then."""
        vaste = [self._vaste_paginas[u] for u in sorted(self._vaste_paginas)]
        for pad, inhoud in zoekindex.bestanden(self.model, vaste).items():
            doel = site / pad
            doel.parent.mkdir(parents=True, exist_ok=True)
            doel.write_bytes(inhoud)


    def schrijf_feeds(self, site: Path) -> None:
        """The change log's Atom feeds (paginas/feed.py). Written after every build, also
        under `make serve`: they are small, and made from the whole model they always match it."""
        for pad, inhoud in feed.bestanden(self.model, self.adres).items():
            doel = site / pad
            doel.parent.mkdir(parents=True, exist_ok=True)
            doel.write_bytes(inhoud)


class _Bytecode(BytecodeCache):
    """The theme's templates compiled once per process: MkDocs makes the theme's Jinja
    environment anew for every build, and compiling them cost more than a rebuild under
    `make serve` may take. Jinja checks each template's source, so a changed one compiles anew."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


THEMA_BYTECODE = _Bytecode()


def _ja() -> bool:
    return True


def _gedeeld(model: Model) -> tuple:
    return (model.gemeente, model.partijen, model.groepen, model.themas, model.plaatsen,
            model.documenten, model.begrippen)


def _buren(model: Model, afspraak_id: str) -> set[str]:
    """The commitments a commitment's page shows besides itself: its neighbours by number,
    what it continues, what continues it, what it names and what names it."""
    try:
        a = model.afspraak(afspraak_id)
    except KeyError:
        return set()
    vorige, volgende = inhoud.buren(model.jaren[a.jaar], a)
    return {x for x in (a.voortzetting_van, *(r.afspraak for r in a.gerelateerd),
                        *(x.id for x in model.opvolgers(a.id)), *(x.id for x in model.genoemd_bij(a.id)),
                        *(x.id for x in (vorige, volgende) if x)) if x}


def _naar_buiten(model: Model, jaar: Jaar) -> tuple:
    """What the pages of other years show of `jaar`: the filters of its overview (the year
    switcher keeps a reader's filters) and how many of its commitments each place has."""
    return (inhoud.filterkeuzes(model, jaar),
            tuple((p, plaatsinhoud.aantal_in(model, jaar, p)) for p in plaatsinhoud.plaatsen_van_jaar(model, jaar)))


def _of_niets(model: Model, afspraak_id: str):
    try:
        return model.afspraak(afspraak_id)
    except KeyError:
        return None


def _zonder_afspraken(jaar: Jaar) -> Jaar:
    return replace(jaar, themas=tuple(replace(t, afspraken=()) for t in jaar.themas))


def _stempel(project: Path) -> tuple:
    """Size and modification time of every file outside data/ that shapes the pages."""
    uit = []
    for naam in OMGEVING:
        pad = project / naam
        for f in sorted(pad.rglob("*")) if pad.is_dir() else [pad]:
            if f.is_file():
                s = f.stat()
                uit.append((str(f), s.st_mtime_ns, s.st_size))
    return tuple(uit)


def exportschema_pad(project: Path) -> Path:
    return project / "data" / "schema" / export.SCHEMA_BESTAND


def noem_de_site(config, model: Model) -> None:
    """The site's name and description from data/gemeente.yaml, the one place that names
    the municipality. The theme writes config.site_name into the HTML unescaped in places,
    so it gets escaped text (Markup: the places that do escape do not escape it twice)."""
    naam = model.gemeente.naam
    config["site_name"] = Markup(escape(model.gemeente.sitenaam))
    config["site_description"] = Markup(escape(
        f"De prestatieafspraken over wonen in {naam}, per jaar, doorzoekbaar en te citeren."))
