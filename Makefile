# Every target sets up the pinned virtual environment itself when it is missing
# or older than requirements.txt, so a fresh clone needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Material 9.7+ prints a banner about MkDocs 2.0 on every build; it is not about this site.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check export test clean

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 of nieuwer is nodig")'
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --requirement requirements.txt
	@touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

# Never add the quiet flag: with it, a strict build exits 0 on warnings.
build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

check: $(STAMP)
	$(BIN)/python -m macros check

export: $(STAMP)
	$(BIN)/python -m macros export $(or $(DIR),export)

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) site export .pytest_cache
