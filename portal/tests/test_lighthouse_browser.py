"""Lighthouse (mobile, from the npm registry, on Debian's chromium) on the home page and
an article: accessibility, best practices and SEO each score 95 or more.

Performance depends on the machine's load, so it is measured by `make lighthouse`
(bench/lighthouse.sh, the production set-up) and reported, not asserted here.
"""

import io
import json
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from news.models import Article

pytestmark = pytest.mark.browser

LIGHTHOUSE = Path(settings.BASE_DIR) / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["accessibility", "best-practices", "seo"]


def lighthouse(url, output):
    subprocess.run(  # noqa: S603  (our own node_modules binary, fixed arguments)
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--form-factor=mobile",
            "--only-categories=" + ",".join(CATEGORIES),
            "--chrome-path=/usr/bin/chromium",
            "--chrome-flags=--no-sandbox --headless=new --disable-gpu",
            "--output=json",
            f"--output-path={output}",
        ],
        check=True,
        timeout=300,
    )
    return json.loads(output.read_text())


def shortfalls(report, category):
    """The weighted audits of `category` that did not pass, to say what to fix."""
    weighted = {ref["id"] for ref in report["categories"][category]["auditRefs"] if ref["weight"]}
    return [
        f"{audit['id']}: {audit['title']}"
        for audit in report["audits"].values()
        if audit["id"] in weighted and audit.get("score") is not None and audit["score"] < 1
    ]


def test_home_and_article_score_95_or_more(transactional_db, live_server, tmp_path):
    if not LIGHTHOUSE.exists():
        pytest.fail(f"{LIGHTHOUSE} is missing: run `npm ci` (make test does it)")
    call_command("load_demo", stdout=io.StringIO())
    article = Article.objects.published().order_by("-published_at").first()
    low = []
    for name, path in [("home", "/"), ("article", article.get_absolute_url())]:
        report = lighthouse(live_server.url + path, tmp_path / f"{name}.json")
        for category in CATEGORIES:
            score = round(report["categories"][category]["score"] * 100)
            print(f"{name} {category}: {score}")
            if score < 95:
                low.append(f"{name} {category} {score}: {shortfalls(report, category)}")
    assert not low, "\n".join(low)
