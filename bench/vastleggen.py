"""Bench-only MkDocs hook: capture a build's pages as plain Markdown, for the peer floor.

`make bench` builds a project copy once with this hook added after macros/lijm/haak.py
(see bench/meet.py). It writes into $BENCH_VASTLEGGEN:

- `docs/`: every documentation page as it reaches MkDocs' Markdown step (after
  mkdocs-macros rendered it; hooks run after plugins), with its front matter, and every
  other file of the build (assets, open data) as bytes;
- `instellingen.json`: the navigation as the project's hook made it, and the site,
  theme and search settings;
- `buiten-nav.json`: the pages the project left out of the navigation.

Plain Material then builds exactly the same pages from `docs/` without macros or hook.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import yaml
from mkdocs.structure.files import InclusionLevel

THEMA_SLEUTELS = ("name", "language", "font", "features")


def _doel() -> Path:
    return Path(os.environ["BENCH_VASTLEGGEN"])


def on_config(config):
    thema = {k: config.theme[k] for k in THEMA_SLEUTELS if k in config.theme}
    thema["name"] = config.theme.name
    instellingen = {
        "site_name": config.site_name,
        "site_description": config.site_description,
        "site_url": config.site_url,
        "theme": thema,
        "extra": dict(config.extra),
        "extra_css": [str(x) for x in config.extra_css],
        "extra_javascript": [str(x) for x in config.extra_javascript],
        "search": next(dict(p.config) for naam, p in config.plugins.items()
                       if naam.rpartition("/")[2] == "search"),  # Material's is "material/search"
        "nav": config.nav,
    }
    _doel().mkdir(parents=True, exist_ok=True)
    (_doel() / "instellingen.json").write_text(json.dumps(instellingen, ensure_ascii=False, indent=1),
                                              encoding="utf-8")
    return config


def on_files(files, config):
    docs = _doel() / "docs"
    buiten_nav = []
    for f in files:
        if f.is_documentation_page():
            if f.inclusion == InclusionLevel.NOT_IN_NAV:
                buiten_nav.append(f.src_uri)
            continue
        if f.inclusion.is_excluded():
            continue
        pad = docs / f.src_uri
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_bytes(f.content_bytes)
    (_doel() / "buiten-nav.json").write_text(json.dumps(sorted(buiten_nav)), encoding="utf-8")
    return files


def on_page_markdown(markdown, page, config, files):
    pad = _doel() / "docs" / page.file.src_uri
    pad.parent.mkdir(parents=True, exist_ok=True)
    voorwerk = f"---\n{yaml.safe_dump(dict(page.meta), allow_unicode=True)}---\n" if page.meta else ""
    pad.write_text(voorwerk + str(markdown), encoding="utf-8")  # str: Markup would escape the front matter
    return markdown
