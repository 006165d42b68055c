# The README's commands. `make run` and `make test` need nothing but Python 3.11.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

# Our Python packages (layout: README, "Folders"): bandit scans them all, with every check.
PACKAGES := mattran news meetings campaigns pages links documents visitors portal ops
# Tools beside the site, never deployed: benchmarks and load tests start local servers and
# wrk (B404, B603, B607), fetch the server's own URLs (B310), pick pages at random (B311),
# assert status codes (B101) and tidy up best-effort (B110). Every other check still applies.
TOOL_DIRS := bench scripts
TOOL_BANDIT_SKIPS := B101,B110,B310,B311,B404,B603,B607

.PHONY: run test test-fast lint format hooks lock clean serve backup restore audit bandit \
	loadtest lighthouse bench

# --- install: from the locks (requirements*.txt, every package pinned with its hashes) ---
# The Python a venv ships installs the locks; an unpinned `pip install --upgrade pip` would
# be the one unhashed download.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@

# axe-core and Lighthouse (package.json, pinned in package-lock.json) for the browser
# tests. Without npm it only warns: `make run` never needs it, the browser tests say so.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --no-audit --no-fund && touch $@; \
	else \
		echo "!! npm not found: the axe-core and Lighthouse tests will fail (apt-get install npm)"; \
	fi

# After editing requirements.in or requirements-dev.in: compile both locks again, every
# transitive dependency pinned with its hashes. Versions already locked stay unless the
# .in files ask otherwise; `make lock UPGRADE=django` lifts one package to its newest.
# pip-tools lives in its own throwaway venv: the project never imports it.
LOCK_VENV ?= /tmp/mattran-piptools
LOCK_FLAGS := --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links \
	$(if $(UPGRADE),--upgrade-package $(UPGRADE))
lock:
	test -x $(LOCK_VENV)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_VENV) && \
		$(LOCK_VENV)/bin/pip install --quiet pip-tools==7.7.0; }
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile $(LOCK_FLAGS) \
		--output-file requirements.txt requirements.in
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile $(LOCK_FLAGS) \
		--output-file requirements-dev.txt requirements-dev.in

# --- develop ---
run: $(VENV)/.installed
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Every test, on SQLite then PostgreSQL (scripts/test.sh), after every check.
test: $(VENV)/.installed lint node_modules/.installed
	scripts/test.sh

# The quick loop while editing: SQLite only, without the long walks (`slow`) and the
# browser tests; no lint. Narrow it further with ARGS, e.g. make test-fast ARGS=news.
test-fast: $(VENV)/.installed
	env -u DATABASE_URL $(PY) -m pytest -q -m "not slow and not browser" $(ARGS)

lint: $(VENV)/.installed bandit
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --check --quiet
	$(VENV)/bin/djlint templates --lint --quiet
	$(VENV)/bin/lint-imports

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djlint templates --reformat --quiet

# The same fixes and checks on the staged files before each commit (.pre-commit-config.yaml).
# The hook lands in the repository's shared .git/hooks: every worktree of it gets it.
hooks: $(VENV)/.installed
	$(VENV)/bin/pre-commit install

clean:
	rm -rf $(VENV) staticfiles test-output node_modules

# --- serving ---
# Production server: DEBUG=0, hashed and compressed static files, migrations, then gunicorn
# (gunicorn.conf.py: workers from the CPU count, BIND/PORT, no access log).
# Needs SECRET_KEY and ALLOWED_HOSTS; DATABASE_URL and REDIS_URL for a real deployment.
# Plain http on loopback (no proxy in front): SECURE_SSL_REDIRECT=0.
serve: $(VENV)/.installed
	@test -n "$$SECRET_KEY" || { echo "make serve: set SECRET_KEY (50 random characters), e.g." \
		"SECRET_KEY=\$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" >&2; exit 2; }
	@test -n "$$ALLOWED_HOSTS" || { echo "make serve: set ALLOWED_HOSTS to the site's host" \
		"names, comma-separated (e.g. ALLOWED_HOSTS=mattran.example.gov.vn,127.0.0.1)" >&2; exit 2; }
	DEBUG=0 $(PY) manage.py collectstatic --noinput --verbosity 0
	DEBUG=0 $(PY) manage.py migrate --noinput
	DEBUG=0 exec $(VENV)/bin/gunicorn --config gunicorn.conf.py

# --- trust: backups, security audit, load test while publishing ---
# A checked archive of the database (DATABASE_URL) and both media folders into backups/.
backup: $(VENV)/.installed
	$(PY) manage.py backup_site

# Restore into an EMPTY database and empty media folders: make restore FILE=backups/….tar.gz
restore: $(VENV)/.installed
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/mattran-….tar.gz" >&2; exit 2; }
	$(PY) manage.py restore_site "$(FILE)"

# Known vulnerabilities in the pinned packages, then bandit. A finding fails; a machine
# that cannot reach PyPI's vulnerability data says so loudly (AUDIT_STRICT=1: fails).
audit: $(VENV)/.installed bandit
	$(PY) scripts/audit_deps.py requirements.txt

# Static security check of our code; works offline, so lint (and make test) runs it.
# bandit passes over a folder that does not exist in silence: a misspelt or moved
# package fails here instead.
bandit: $(VENV)/.installed
	@for dir in $(PACKAGES) $(TOOL_DIRS); do \
		test -d $$dir || { echo "make bandit: no folder $$dir (Makefile, PACKAGES)" >&2; exit 2; }; \
	done
	$(VENV)/bin/bandit -q -c pyproject.toml -r $(PACKAGES)
	$(VENV)/bin/bandit -q -c pyproject.toml -r $(TOOL_DIRS) --skip $(TOOL_BANDIT_SKIPS)

# Production server on a throwaway PostgreSQL database, public load for 60 s while 100
# articles are published and edited; writes bench/load_publish.md.
loadtest: $(VENV)/.installed
	$(PY) bench/load_publish.py --seconds 60 --articles 100 --users 20 --report bench/load_publish.md

# --- accessibility and Lighthouse ---
# Lighthouse (mobile) on home and an article, the site run as in production; writes
# bench/lighthouse.md.
lighthouse: $(VENV)/.installed node_modules/.installed
	bench/lighthouse.sh

# --- benchmark ---
# Every public page under wrk on PostgreSQL with 100,000 generated articles, cold and warm,
# beside the server's floor; writes bench/results.md (see docs/benchmark.md).
# The warm runs share one cache between workers, as production does, when a local Redis
# answers (its database 14, emptied before each cold run); else each worker's own memory.
bench: $(VENV)/.installed
	BENCH_REDIS_URL=$${BENCH_REDIS_URL-$$(redis-cli -n 14 ping >/dev/null 2>&1 && \
		echo redis://127.0.0.1:6379/14)} $(PY) bench/run.py
