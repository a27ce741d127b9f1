"""MkDocs hook (mkdocs.yml `hooks:`): adds every year's pages and the open data.

Wiring only; the work is in macros/site.py and the page list in macros/paginas.py.
Hooks run after the plugins, so mkdocs-macros has already imported the `macros`
package and loaded the model (define_env, in its on_config) when these run.
"""


def on_config(config):
    from macros.site import voeg_jaren_toe_aan_nav

    voeg_jaren_toe_aan_nav(config)
    return config


def on_files(files, config):
    from macros.site import voeg_paginas_toe

    return voeg_paginas_toe(files, config)
