#!/usr/bin/env bash
# Lighthouse (mobile) on the home page and an article, against the site run the way
# production runs it: DEBUG off, gunicorn, whitenoise serving collected static files,
# the demo data in a throwaway SQLite database. Writes the four scores to bench/lighthouse.md.
#
#   bench/lighthouse.sh            (or `make lighthouse`)
#   PORT=8765 CHROME_PATH=/usr/bin/chromium bench/lighthouse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
LIGHTHOUSE=node_modules/.bin/lighthouse
PORT="${LIGHTHOUSE_PORT:-8765}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
OUT=bench/lighthouse.md

if [ ! -x "$LIGHTHOUSE" ]; then
    echo "!! $LIGHTHOUSE is missing: run npm ci --no-audit --no-fund" >&2
    exit 1
fi

WORK="$(mktemp -d)"
cleanup() {
    if [ -n "${SERVER_PID:-}" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# Production settings, on plain http over loopback (no TLS to redirect to).
export DEBUG=0
export SECRET_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')"
export ALLOWED_HOSTS=127.0.0.1
export SECURE_SSL_REDIRECT=0
export DATABASE_URL="sqlite:///$WORK/db.sqlite3"
export MEDIA_ROOT="$WORK/media"
unset REDIS_URL

$PY manage.py migrate --noinput -v0
$PY manage.py load_demo >/dev/null
$PY manage.py collectstatic --noinput -v0
ARTICLE="$($PY manage.py shell -v0 -c \
    'from news.models import Article; print(Article.objects.published().order_by("-published_at").first().get_absolute_url())')"

.venv/bin/gunicorn mattran.wsgi -b "127.0.0.1:$PORT" -w 2 --log-level warning &
SERVER_PID=$!
for _ in $(seq 1 50); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break
    sleep 0.2
done

BASE="http://127.0.0.1:$PORT"
for name in home article; do
    url="$BASE/"
    [ "$name" = article ] && url="$BASE$ARTICLE"
    # One visit first, so the page cache and the ward record are warm as on a live site.
    curl -fs -o /dev/null "$url"
    "$LIGHTHOUSE" "$url" \
        --quiet \
        --form-factor=mobile \
        --chrome-path="$CHROME_PATH" \
        --chrome-flags="--no-sandbox --headless=new --disable-gpu" \
        --output=json --output-path="$WORK/$name.json"
done

$PY - "$WORK" "$ARTICLE" "$OUT" <<'PYTHON'
import json
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

work, article, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
categories = ["performance", "accessibility", "best-practices", "seo"]
rows, failing = [], []
version = ""
for name, path in [("Trang chủ (/)", "home"), (f"Bài viết ({article})", "article")]:
    report = json.loads((work / f"{path}.json").read_text())
    version = report["lighthouseVersion"]
    scores = [round(report["categories"][c]["score"] * 100) for c in categories]
    rows.append(f"| {name} | " + " | ".join(str(s) for s in scores) + " |")
    for category, score in zip(categories, scores):
        if score < 95:
            failing.append(f"{path} {category} {score}")
        # What cost points, to say what to fix (a weighted audit below full marks).
        weighted = {r["id"] for r in report["categories"][category]["auditRefs"] if r["weight"]}
        for audit in report["audits"].values():
            if audit["id"] in weighted and (audit.get("score") is None or audit["score"] < 1):
                print(f"  {path} {category}: {audit['id']} {audit.get('score')} "
                      f"{audit.get('displayValue', '')} {audit.get('errorMessage', '')}")
    if any(s < 100 for s in scores):
        keep = Path("test-output/lighthouse")
        keep.mkdir(parents=True, exist_ok=True)
        (keep / f"{path}.json").write_text(json.dumps(report))
chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
text = "\n".join([
    "# Lighthouse (mobile)",
    "",
    f"Lighthouse {version}, {chromium}, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC.",
    "The site ran as in production (DEBUG=0, gunicorn with 2 workers, whitenoise, collected",
    "static files) with the demo data, on plain http over loopback. Command: `make lighthouse`.",
    "Performance depends on the machine's load at the time; the other three do not.",
    "",
    "| Page | Performance | Accessibility | Best practices | SEO |",
    "|---|---|---|---|---|",
    *rows,
    "",
])
out.write_text(text)
print(text)
if failing:
    print("!! below 95: " + ", ".join(failing))
    sys.exit(1)
PYTHON
