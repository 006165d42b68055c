#!/usr/bin/env bash
# Run every test on SQLite, then on PostgreSQL where one is reachable.
# REQUIRE_POSTGRES=1 (set by .ci/run) turns an unreachable PostgreSQL into a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

echo "== checks"
DEBUG=1 $PY manage.py check
DEBUG=1 $PY manage.py makemigrations --check --dry-run

if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "== installing Debian's chromium for the browser tests"
        (apt-get install -y -qq chromium >/dev/null 2>&1 ||
            (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)) ||
            echo "!! could not install chromium"
    fi
fi

echo "== tests on SQLite"
env -u DATABASE_URL $PY -m pytest "$@"

PG_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
if $PY scripts/db_reachable.py "$PG_URL"; then
    echo "== tests on PostgreSQL ($PG_URL)"
    DATABASE_URL="$PG_URL" $PY -m pytest "$@"
elif [ "${REQUIRE_POSTGRES:-0}" = 1 ]; then
    echo "!! PostgreSQL is required but not reachable at $PG_URL" >&2
    exit 1
else
    echo "!! PostgreSQL not reachable at $PG_URL: tests ran on SQLite only"
fi
