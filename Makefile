# The two commands of the README: `make serve` and `make test`. Both set up .venv on first use.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
# The checkers the tests run that come from npm (the Nu Html Checker); not part of the site.
NODE_STAMP := node_modules/.installed-$(shell cksum < package-lock.json | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: serve test check

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $@

# --ignore-scripts: vnu-jar's install script would download a Java of its own; Debian's is used.
# Without npm the HTML checker's tests are skipped (CI, where a skip fails, has npm).
$(NODE_STAMP): package-lock.json
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund && touch $@; \
	else echo "npm not found: the Nu Html Checker tests will be skipped"; fi

serve: $(STAMP)
	$(VENV)/bin/flask --app app init
	$(VENV)/bin/flask --app app run --host $(HOST) --port $(PORT)

test: $(STAMP) $(NODE_STAMP)
	$(VENV)/bin/pytest $(PYTEST_ARGS)

check: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/bandit --quiet --recursive campaign --severity-level medium
