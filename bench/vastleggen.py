"""Bench-only MkDocs hook: capture a build's pages so that plain MkDocs makes the same HTML.

`make bench` builds a copy of the synthetic project once with this hook added after the
project's own hook (bench/bouwen.py, leg_vast). It writes into $BENCH_VASTLEGGEN:

- `docs/`: every page as a Markdown file from which plain MkDocs produces the very
  content the project produced (see `on_page_context`), with the page's final metadata
  as front matter; and every other file of the build (assets, open data) as bytes;
- `markdown/`: per page, the Markdown the project itself gave to Markdown (for the
  report: how much Markdown work the floor does that the project does not);
- `instellingen.json`: the site's name, description and address, and the navigation as
  the project's hook made it;
- `buiten-nav.json`: the pages the project left out of the navigation;
- `vloerhaak.json`, for the floor's hook (bench/vloerhaak.py): the order of the files as
  the project's hook left them (the sitemap and the search index follow it), and the
  attributes the project's hook set on navigation items (`pa_*`, such as `pa_jaar` and
  `pa_nieuwste`, read by overrides/partials/nav.html), by place.

A page's content may come from Markdown entirely, or partly from the project's hook
after Markdown (a generated page whose title line goes through Markdown and whose body
the hook puts into `page.content` in `on_page_content`). Both are captured: the Markdown
as it reaches the Markdown step (last `on_page_markdown`), the HTML that Markdown made of
it (first `on_page_content`), and the content as the theme gets it (`on_page_context`,
just before the search plugin takes `data-search-*` attributes out). When
the content is what Markdown made, the Markdown is written as it is; when the hook added
HTML after it, that HTML follows as a raw HTML block, which Markdown passes through as it
is. The benchmark then checks every built file byte for byte (bench/bouwen.py).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel

MERK = "pa_"  # prefix of the attributes the project's hook sets on navigation items
# Priorities: MkDocs runs an event's handlers from high to low priority, and at equal
# priority plugins before hooks and hooks in their order in mkdocs.yml (this one last).
# The project's hook uses -100 to 100; these are beyond, so that they run first or last.
EERST, LAATST = 10_000, -10_000
# The content as the theme gets it: after every handler of the project (which may put a
# body back in on_page_content, or change the content in on_page_context at a priority
# above 0) and before the search plugin's on_page_context (priority 0), which takes the
# data-search-* attributes out of it.
VOOR_ZOEKEN = 0.001
_markdown: dict[str, str] = {}  # src_uri -> Markdown as it reached the Markdown step
_html: dict[str, str] = {}  # src_uri -> what Markdown made of it
_vloerhaak: dict = {}  # what bench/vloerhaak.py needs: "volgorde", "merken"


class VastleggenFout(Exception):
    """A page whose content plain MkDocs cannot be made to reproduce."""


def _doel() -> Path:
    return Path(os.environ["BENCH_VASTLEGGEN"])


def _schrijf_json(naam: str, waarde) -> None:
    _doel().mkdir(parents=True, exist_ok=True)
    (_doel() / naam).write_text(json.dumps(waarde, ensure_ascii=False, indent=1), encoding="utf-8")


@event_priority(LAATST)  # after the project's hook has added the years to the navigation
def on_config(config):
    _schrijf_json("instellingen.json", {
        "site_name": str(config.site_name),  # str: the project may make it Markup
        "site_description": str(config.site_description or ""),
        "site_url": config.site_url,
        "nav": config.nav,
        "extra": dict(config.extra),  # as the project's hook completed it (the search's year)
    })
    return config


@event_priority(LAATST)  # after the project's hook has added its pages and files
def on_files(files, config):
    docs = _doel() / "docs"
    buiten_nav = []
    for f in files:
        if f.inclusion.is_excluded():
            continue
        if f.is_documentation_page():
            if f.inclusion == InclusionLevel.NOT_IN_NAV:
                buiten_nav.append(f.src_uri)
            continue
        pad = docs / f.src_uri
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_bytes(f.content_bytes)
    _schrijf_json("buiten-nav.json", sorted(buiten_nav))
    _vloerhaak["volgorde"] = [f.src_uri for f in files if not f.inclusion.is_excluded()]
    return files


def merken(items, plek: str = "") -> dict[str, dict]:
    """The `pa_*` attributes of every navigation item, by place ("3", "3/1", ...)."""
    uit = {}
    for i, item in enumerate(items):
        hier = f"{plek}{i}"
        eigen = {k: v for k, v in vars(item).items() if k.startswith(MERK)}
        if eigen:
            uit[hier] = eigen
        uit.update(merken(getattr(item, "children", None) or [], hier + "/"))
    return uit


@event_priority(LAATST)  # after the project's hook has marked the years
def on_nav(nav, config, files):
    _vloerhaak["merken"] = merken(nav.items)
    _schrijf_json("vloerhaak.json", _vloerhaak)
    return nav


@event_priority(LAATST)  # what the Markdown step gets
def on_page_markdown(markdown, page, config, files):
    _markdown[page.file.src_uri] = str(markdown)  # str: Markup would escape what is added to it
    return markdown


@event_priority(EERST)  # what Markdown made, before any hook changes it
def on_page_content(html, page, config, files):
    _html[page.file.src_uri] = str(html)
    return html


def voorwerk(meta: dict) -> str:
    """Front matter for `meta`; strings as plain str (Markup and other subclasses are not YAML)."""
    if not meta:
        return ""
    return "---\n" + yaml.safe_dump(_gewoon(meta), allow_unicode=True, sort_keys=False) + "---\n"


def _gewoon(waarde):
    if isinstance(waarde, dict):
        return {_gewoon(k): _gewoon(v) for k, v in waarde.items()}
    if isinstance(waarde, (list, tuple)):
        return [_gewoon(v) for v in waarde]
    if isinstance(waarde, str):
        return str(waarde)
    return waarde


def bron_voor(markdown: str, van_markdown: str, inhoud: str, naam: str) -> str:
    """The Markdown from which plain MkDocs makes `inhoud`.

    `markdown` gave `van_markdown` in the project's build; whatever the project added
    after that HTML follows as a raw HTML block (its leading line breaks are the
    separator that Markdown writes between blocks).
    """
    if inhoud == van_markdown:
        return markdown
    if not inhoud.startswith(van_markdown):
        raise VastleggenFout(f"{naam}: de inhoud is niet wat Markdown maakte, gevolgd door HTML; "
                             "de vloer kan deze pagina niet namaken")
    rest = inhoud[len(van_markdown):]
    if not rest.startswith("\n") or not rest.strip():
        raise VastleggenFout(f"{naam}: de HTML na de Markdown begint niet op een nieuwe regel")
    return markdown.rstrip("\n") + "\n\n" + rest.lstrip("\n") + "\n"


@event_priority(VOOR_ZOEKEN)
def on_page_context(context, page, config, nav):
    src = page.file.src_uri
    markdown = _markdown.pop(src)
    for map_, tekst in (("docs", voorwerk(page.meta) + bron_voor(markdown, _html.pop(src), page.content, src)),
                        ("markdown", markdown)):
        pad = _doel() / map_ / src
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(tekst, encoding="utf-8")
    return context


@event_priority(LAATST)  # after the project's hook wrote the search data (its on_post_build)
def on_post_build(config):
    """The site's search data and the change log's feeds are written after the pages
    (macros/lijm/bouw.py); the floor gets them as plain files, so that it builds the same
    site byte for byte."""
    import shutil

    bron = Path(config.site_dir) / "zoeken"
    if bron.is_dir():
        shutil.copytree(bron, _doel() / "docs" / "zoeken", dirs_exist_ok=True)
    site = Path(config.site_dir)
    for feed in [*site.glob("wijzigingen.xml"), *site.glob("*/wijzigingen.xml")]:
        doel = _doel() / "docs" / feed.relative_to(site)
        doel.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(feed, doel)
