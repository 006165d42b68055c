# The README's commands. `make run` and `make test` need nothing but Python 3.11.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test lint format serve clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.installed
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed lint
	scripts/test.sh

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --check --quiet
	$(VENV)/bin/djlint templates --lint --quiet

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djlint templates --reformat --quiet

clean:
	rm -rf $(VENV) staticfiles test-output node_modules

# --- accessibility and Lighthouse ---
.PHONY: lighthouse
# axe-core and Lighthouse (package.json, pinned in package-lock.json) for the browser
# tests. Without npm it only warns: `make run` never needs it, the browser tests say so.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --no-audit --no-fund && touch $@; \
	else \
		echo "!! npm not found: the axe-core and Lighthouse tests will fail (apt-get install npm)"; \
	fi

test: node_modules/.installed

# Lighthouse (mobile) on home and an article, the site run as in production; writes
# bench/lighthouse.md.
lighthouse: $(VENV)/.installed node_modules/.installed
	scripts/lighthouse.sh
