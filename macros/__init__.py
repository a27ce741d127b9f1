"""Prestatieafspraken: the data layer (gegevens/), the pages (paginas/), the MkDocs glue
(lijm/) and the editor tools (gereedschap/, behind `python -m macros`).

mkdocs-macros imports this package (`module_name: macros` in mkdocs.yml) and calls
`define_env`, which registers the macros of the hand-written pages.
"""


def define_env(env):
    # Imported here so `python -m macros check` does not load the site glue.
    from .lijm.vaste_paginas import define_env as _define_env

    _define_env(env)
