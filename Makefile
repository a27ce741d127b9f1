# Every target sets up the pinned virtual environment itself when it is missing
# or older than requirements.txt, so a fresh clone needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Material 9.7+ prints a banner about MkDocs 2.0 on every build; it is not about this site.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check export nieuw-jaar wijzigingen voortgang-import test test-snel schermafbeeldingen bench clean

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 of nieuwer is nodig")'
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --requirement requirements.txt
	@touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dirty --dev-addr 127.0.0.1:8000

# Never add the quiet flag: with it, a strict build exits 0 on warnings. The site is built
# beside site/ and put in its place only when the build succeeded: a failed build never
# leaves a half-written site/ for a deploy to pick up.
build: $(STAMP)
	rm -rf site.nieuw
	$(BIN)/mkdocs build --strict --site-dir site.nieuw
	rm -rf site && mv site.nieuw site

check: $(STAMP)
	$(BIN)/python -m macros check

# Values given on the command line (DIR, JAAR, BASE, CSV) reach commands only as environment
# variables, quoted by the shell ("$$JAAR"), never as text of the command, and make does
# not expand them either ($(value ...) into simple variables): no value can run a command.
override DIR := $(value DIR)
override JAAR := $(value JAAR)
override BASE := $(value BASE)
override CSV := $(value CSV)
export DIR JAAR BASE CSV

export: $(STAMP)
	$(BIN)/python -m macros export "$${DIR:-export}"

# A new year folder from the latest year: make nieuw-jaar JAAR=2025
nieuw-jaar: $(STAMP)
	@$(if $(strip $(JAAR)),,echo "Geef het jaar op: make nieuw-jaar JAAR=2025" >&2; exit 1)
	$(BIN)/python -m macros nieuw-jaar "$$JAAR"

# What changes for readers compared with a git version, as Markdown: make wijzigingen BASE=origin/main
# Without BASE it stops before setting anything up. The command is not echoed, so that
# stdout is only Markdown (CI appends it to the job summary).
wijzigingen: $(if $(strip $(BASE)),$(STAMP))
	@$(if $(strip $(BASE)),,echo "Geef aan waarmee je vergelijkt: make wijzigingen BASE=origin/main" >&2; exit 1)
	@$(BIN)/python -m macros wijzigingen "$$BASE"

# Progress entries from a CSV (columns as in <jaar>/voortgang.csv), appended to
# data/<jaar>/voortgang.yaml when the check passes: make voortgang-import CSV=pad/naar.csv
voortgang-import: $(STAMP)
	@$(if $(strip $(CSV)),,echo "Geef het bestand op: make voortgang-import CSV=pad/naar/voortgang.csv" >&2; exit 1)
	$(BIN)/python -m macros voortgang-import "$$CSV"

test: $(STAMP)
	$(BIN)/python -m pytest

# While editing: every test except those in the browser (tests/browser/), on every core,
# in about half a minute. CI and `make test` run them all.
test-snel: $(STAMP)
	$(BIN)/python -m pytest --ignore=tests/browser --numprocesses=auto

# The editors' guide's screenshots, taken by the test suite's browser from the real site.
schermafbeeldingen: $(STAMP)
	CI=true SCHERMAFBEELDINGEN=bijwerken $(BIN)/python -m pytest -q tests/browser/test_schermafbeeldingen.py

# Build CPU time against a byte-identical floor, scale, page weight, search index, Lighthouse
# and the editors' loop at 1 and 20 years, against the budgets of issues 5 and 13 (README,
# "Snelheid meten"). Lighthouse comes from npm, pinned in
# bench/package-lock.json; Chromium from the OS packages, never a browser download.
bench: $(STAMP) bench/node_modules/.installed
	$(BIN)/python -m bench.meet

bench/node_modules/.installed: bench/package-lock.json
	@command -v npm >/dev/null || { echo "npm ontbreekt: installeer Node.js 18 of nieuwer (Debian/Ubuntu: apt-get install nodejs npm)" >&2; exit 1; }
	cd bench && npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

clean:
	rm -rf $(VENV) site site.nieuw export .pytest_cache bench/node_modules bench/sites bench/results.json
