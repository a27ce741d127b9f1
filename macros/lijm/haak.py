"""MkDocs hook (mkdocs.yml `hooks:`): the events of the build, each handed to the build's
one owner, macros/lijm/bouw.py.

MkDocs runs handlers of one event from high to low priority, and at equal priority
plugins before hooks; every handler here names its priority and why. Loaded by MkDocs
from its path, so it imports the package absolutely, inside each handler: under
`make serve` a change to the package's code or templates is then picked up (_verse_code).
"""
import hashlib
import os
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

PAKKET = Path(__file__).resolve().parent.parent
SERVE = "PRESTATIEAFSPRAKEN_SERVE"  # bouw.SERVE; the package is not importable yet at startup
CODE = "PRESTATIEAFSPRAKEN_CODE"


def _code_stempel() -> str:
    stempel = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                    for p in sorted(PAKKET.rglob("*")) if p.suffix in (".py", ".html"))
    return hashlib.sha256(repr(stempel).encode()).hexdigest()


def _verse_code() -> None:
    """`make serve` keeps the imported package between builds; when its code or templates
    changed, the package is imported anew (and starts from nothing)."""
    stempel = _code_stempel()
    if sys.modules.get("macros") is not None and os.environ.get(CODE) != stempel:
        for naam in [n for n in sys.modules if n == "macros" or n.startswith("macros.")]:
            del sys.modules[naam]
    os.environ[CODE] = stempel


def on_startup(command, dirty):
    # Remembered in the environment, which outlives a new import of the package.
    os.environ[SERVE] = "ja" if command == "serve" else ""


@event_priority(100)  # before mkdocs-macros' on_config: its define_env uses the build's model
def on_config(config):
    # The package is imported from the project (mkdocs-macros would add it to the path later).
    if str(PAKKET.parent) not in sys.path:
        sys.path.insert(0, str(PAKKET.parent))
    if os.environ.get(SERVE) == "ja":
        _verse_code()
    from macros.lijm import bouw, navigatie

    b = bouw.begin(config)
    config.nav = navigatie.met_jaren(config.nav, b.navigatie)
    _stil_over_dirty()
    return config


@event_priority(0)  # after MkDocs found docs/; the search plugin does not add files
def on_files(files, config):
    from macros.lijm import bouw

    return bouw.huidige().bestanden(files, config)


@event_priority(0)
def on_nav(nav, config, files):
    from macros.lijm import bouw, navigatie

    navigatie.markeer_jaren(nav, list(bouw.huidige().model.jaren))
    return nav


@event_priority(-100)  # after mkdocs-macros rendered the hand-written pages
def on_page_markdown(markdown, page, config, files):
    from macros.lijm import bouw, navigatie

    gegenereerd = bouw.huidige().vul(page)
    if gegenereerd is not None:
        return gegenereerd
    if isinstance(page.meta.get("title"), str):  # the theme writes a front-matter title raw
        page.meta["title"] = navigatie.inert(page.meta["title"])
    return markdown


@event_priority(0)
def on_env(env, config, files):
    from macros.lijm import bouw

    env.bytecode_cache = bouw.THEMA_BYTECODE
    return env


@event_priority(100)  # right after Markdown, before any plugin reads the page's HTML
def on_page_content(html, page, config, files):
    from macros.lijm import bouw

    return bouw.huidige().zet_lichaam_terug(html, page)


@event_priority(-100)  # last: after every plugin changed the page
def on_post_page(output, page, config):
    from macros.lijm.witruimte import zonder_inspringing

    return zonder_inspringing(output)


@event_priority(-100)
def on_post_template(output_content, template_name, config):
    from macros.lijm.witruimte import zonder_inspringing

    # the theme's own pages, such as 404.html; not sitemap.xml
    return zonder_inspringing(output_content) if template_name.endswith(".html") else output_content


@event_priority(0)  # after every page was written: the search data needs their text
def on_post_build(config):
    from macros.lijm import bouw

    bouw.huidige().schrijf_zoekbestanden(Path(config.site_dir))
    bouw.huidige().schrijf_feeds(Path(config.site_dir))


def _stil_over_dirty() -> None:
    """Under `make serve` (mkdocs serve --dirty) MkDocs warns that a dirty build may leave
    pages stale, and a warning stops a strict build. The build marks every page whose
    output changed (bouw.py), so this one warning is dropped; all others still count."""
    import logging

    logger = logging.getLogger("mkdocs.commands.build")
    if not any(getattr(f, "pa_dirty", False) for f in logger.filters):
        def filter_(record):
            return not record.getMessage().startswith("A 'dirty' build is being performed")
        filter_.pa_dirty = True
        logger.addFilter(filter_)
