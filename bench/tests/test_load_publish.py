"""A short run of bench/load_publish.py: the production server under a little load while
five articles are published and edited. Not timed here (a shared CI machine); what must
hold anywhere is zero errors and every publish and edit visible to the next request."""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]


def database_options():
    """The suite's database kind: a throwaway database on the same PostgreSQL server, or
    an SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return ["--postgres", urlsplit(url)._replace(path="/postgres").geturl()]
    return ["--sqlite"]


def test_publishing_under_load_gives_no_error_and_no_stale_page(tmp_path):
    figures = tmp_path / "load.json"
    run = subprocess.run(  # noqa: S603
        [
            sys.executable,
            str(ROOT / "bench" / "load_publish.py"),
            "--seconds", "5", "--articles", "5", "--users", "4",
            *database_options(),
            "--json", str(figures),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )  # fmt: skip
    assert figures.exists(), run.stdout[-2000:] + run.stderr[-4000:]
    result = json.loads(figures.read_text())

    assert result["published"] == 5 and result["edited"] == 5
    assert result["requests"] > 0
    assert result["errors"] == 0, result["error_examples"]
    assert result["misses"] == 0, result["miss_examples"]
    assert run.returncode == 0, run.stderr[-2000:]
