"""Prestatieafspraken: data layer (load, validate, model), exports and site glue.

mkdocs-macros imports this package (`module_name: macros` in mkdocs.yml) and
calls `define_env`; everything else is plain Python without MkDocs.
"""


def define_env(env):
    # Imported here so `python -m macros check` does not load the site glue.
    from .lijm.site import define_env as _define_env

    _define_env(env)
