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

# --- serving ---
# Production server: DEBUG=0, hashed and compressed static files, migrations, then gunicorn
# (gunicorn.conf.py: workers from the CPU count, BIND/PORT, no access log).
# Needs SECRET_KEY and ALLOWED_HOSTS; DATABASE_URL and REDIS_URL for a real deployment.
# Plain http on loopback (no proxy in front): SECURE_SSL_REDIRECT=0.
.PHONY: serve
serve: $(VENV)/.installed
	@test -n "$$SECRET_KEY" || { echo "make serve: set SECRET_KEY (50 random characters), e.g." \
		"SECRET_KEY=\$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" >&2; exit 2; }
	@test -n "$$ALLOWED_HOSTS" || { echo "make serve: set ALLOWED_HOSTS to the site's host" \
		"names, comma-separated (e.g. ALLOWED_HOSTS=mattran.example.gov.vn,127.0.0.1)" >&2; exit 2; }
	DEBUG=0 $(PY) manage.py collectstatic --noinput --verbosity 0
	DEBUG=0 $(PY) manage.py migrate --noinput
	DEBUG=0 exec $(VENV)/bin/gunicorn --config gunicorn.conf.py

# --- trust: backups, security audit, load test while publishing ---
.PHONY: backup restore audit bandit loadtest

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
bandit: $(VENV)/.installed
	$(VENV)/bin/bandit -q -c pyproject.toml -r mattran news meetings campaigns
lint: bandit

# Production server on a throwaway PostgreSQL database, public load for 60 s while 100
# articles are published and edited; writes bench/load_publish.md.
loadtest: $(VENV)/.installed
	$(PY) scripts/load_publish.py --seconds 60 --articles 100 --users 20 --report bench/load_publish.md


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

# --- benchmark ---
# Every public page under wrk on PostgreSQL with 100,000 generated articles, cold and warm,
# beside the server's floor; writes bench/results.md (see README, "Benchmark").
.PHONY: bench
# The warm runs share one cache between workers, as production does, when a local Redis
# answers (its database 14, emptied before each cold run); else each worker's own memory.
bench: $(VENV)/.installed
	BENCH_REDIS_URL=$${BENCH_REDIS_URL-$$(redis-cli -n 14 ping >/dev/null 2>&1 && \
		echo redis://127.0.0.1:6379/14)} $(PY) bench/run.py
