"""The peer floor's hook: what plain MkDocs + Material needs to build the project's pages.

bench/bouwen.py (maak_vloer) copies this file into the floor, beside `vloerhaak.json`
(captured from the project's build by bench/vastleggen.py) and a copy of the project's
macros/lijm/witruimte.py. Like the project's hook, it puts the files in the project's
order (the sitemap and the search index follow it), marks the years in the navigation
for overrides/partials/nav.html (macros/lijm/site.py, markeer_jaren_in_nav), and takes
the theme's indentation out of the built pages.
"""
import json
from pathlib import Path

from markupsafe import Markup
from mkdocs.structure.files import Files
from witruimte import zonder_inspringing  # the floor's folder is on sys.path while MkDocs loads hooks

VASTGELEGD = json.loads((Path(__file__).parent / "vloerhaak.json").read_text(encoding="utf-8"))


def on_config(config):
    # escaped text, as the project sets them (macros/lijm/site.py, noem_de_site)
    config.site_name = Markup(config.site_name)
    config.site_description = Markup(config.site_description)
    return config


def on_files(files, config):
    plek = {src: i for i, src in enumerate(VASTGELEGD["volgorde"])}
    return Files(sorted(files, key=lambda f: plek.get(f.src_uri, len(plek))))


def on_nav(nav, config, files):
    for plek, merken in VASTGELEGD["merken"].items():
        item = None
        for i in plek.split("/"):
            item = (item.children if item else nav.items)[int(i)]
        for naam, waarde in merken.items():
            setattr(item, naam, waarde)
    return nav


def on_post_page(output, page, config):
    return zonder_inspringing(output)


def on_post_template(output_content, template_name, config):
    return zonder_inspringing(output_content) if template_name.endswith(".html") else output_content
