"""The site's address (`site_url` in mkdocs.yml), read as MkDocs reads it.

MkDocs' own YAML loader resolves `!ENV [SITE_URL, default]` and `INHERIT`, so the open
data of `make export` name the same addresses as the built site. Imported only by the
command that needs it: MkDocs is not loaded for the other commands.
"""
from __future__ import annotations

from pathlib import Path


def lees_site_url(mkdocs_yml: Path) -> str:
    """`site_url` of the MkDocs configuration file `mkdocs_yml`; "" when it has none."""
    from mkdocs.utils.yaml import yaml_load

    with open(mkdocs_yml, "rb") as bestand:  # a file, so INHERIT is found beside it
        return yaml_load(bestand).get("site_url") or ""
