"""Browser tests: the built site in headless Chromium (see conftest.py).

A package, so that its conftest.py does not replace tests/conftest.py as the module
`conftest`, which other test modules import from.
"""
