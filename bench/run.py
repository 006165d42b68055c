# ruff: noqa: S310, S603, S607  (a local tool: fixed commands and loopback URLs only)
"""`make bench`: every public page under load, on PostgreSQL with a ward's archive.

    make bench            # or: .venv/bin/python bench/run.py

1. Makes sure the database (BENCH_DATABASE_URL, default
   postgres://postgres@127.0.0.1:5432/bench) exists, is migrated and holds the generated
   data (`generate_data`, run once: skipped when the counts are already there).
2. Counts each page's SQL queries in-process (Django test client, CaptureQueriesContext,
   same database, page cache off, second request of an anonymous visitor).
3. Starts the production server (gunicorn, DEBUG=0, collected static files) on the
   loopback and loads each page with wrk for BENCH_DURATION seconds: first cold
   (PAGE_CACHE_SECONDS=0), then warm (page cache on), each time beside the floor
   (BENCH_FLOOR=1: a fixed answer without database or template; warm runs measure it
   again just before each page, which is compared with that floor). Before each page's
   run every worker serves it for 2 s (templates compiled, connection open); cold runs
   then empty the cache, so the measured run starts with nothing stored.
4. Prints the table and writes it to bench/results.md.

Environment: BENCH_DATABASE_URL, BENCH_ARTICLES (100000), BENCH_MEETINGS (2000),
BENCH_ENTRIES (100000), BENCH_DURATION (10), BENCH_CONNECTIONS (8), BENCH_WORKERS (2),
BENCH_PORT (18765), BENCH_REDIS_URL (unset: each worker's local-memory cache),
BENCH_ONLY (comma-separated page names, for a quick look), BENCH_BEFORE (the
results.json of an earlier run: the report then sets both runs side by side).
"""

import contextlib
import datetime
import json
import os
import platform
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
LUA = Path(__file__).resolve().parent / "report.lua"
RESULTS = Path(__file__).resolve().parent / "results.md"
RESULTS_JSON = RESULTS.with_suffix(".json")
BEFORE = os.environ.get("BENCH_BEFORE", "")

CPUS = os.cpu_count() or 1
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench")
ARTICLES = int(os.environ.get("BENCH_ARTICLES", 100_000))
MEETINGS = int(os.environ.get("BENCH_MEETINGS", 2_000))
ENTRIES = int(os.environ.get("BENCH_ENTRIES", 100_000))
DURATION = int(os.environ.get("BENCH_DURATION", 10))
# Two sync workers behind eight connections: requests queue, as they do on a ward's
# small server when a link is shared, and the floor is what the machine can answer.
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 8))
WORKERS = int(os.environ.get("BENCH_WORKERS", 2))
PORT = int(os.environ.get("BENCH_PORT", 18765))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "")
IN_PROCESS_RUNS = int(os.environ.get("BENCH_IN_PROCESS_RUNS", 20))
ONLY = [name for name in os.environ.get("BENCH_ONLY", "").split(",") if name]
FLOOR = "floor"
FLOOR_PATH = "/do-tai/san/"

# Targets of issue 20: shares of the floor's req/s measured just before the page.
WARM_SHARE_OF_FLOOR = 0.8
COLD_SHARE_OF_FLOOR = {
    "home": 0.12,
    **dict.fromkeys(
        [
            "news list p1",
            "news list p500",
            "category",
            "category p500",
            "article",
            "tag",
            "by date",
            "meetings",
            "meeting",
            "campaigns",
            "campaign",
        ],
        0.15,
    ),
}
SERVER_P95_MS = 25
SERVER_P95_SEARCH_MS = 100

# The server's and the in-process client's environment: production settings, loopback.
SERVER_ENV = {
    "DATABASE_URL": DATABASE_URL,
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1,testserver",
    "SECURE_SSL_REDIRECT": "0",
    "SITE_URL": f"http://127.0.0.1:{PORT}",
    "BENCH_FLOOR": "1",
    "LOG_LEVEL": "WARNING",
    "DJANGO_SETTINGS_MODULE": "mattran.settings.base",
}


def log(message):
    print(message, flush=True)


# --- database and data -------------------------------------------------------------


def ensure_database():
    import psycopg2

    url = urlparse(DATABASE_URL)
    name = url.path.lstrip("/")
    admin = psycopg2.connect(
        host=url.hostname,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        dbname="postgres",
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            log(f"Tạo cơ sở dữ liệu {name}")
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def setup_django():
    os.environ.update(SERVER_ENV)
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def ensure_data():
    """Generate once; a later run finds the counts and skips (only what is missing is
    added, e.g. after raising BENCH_ARTICLES)."""
    from django.core.management import call_command

    from campaigns.models import Entry
    from meetings.models import Meeting
    from news.models import Article

    call_command("migrate", verbosity=0)
    # A migration that rewrites a table (a new stored column) clears its visibility map
    # and statistics: until autovacuum comes by, counts fall back to sequential scans.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    missing = {
        "articles": ARTICLES - Article.objects.count(),
        "meetings": MEETINGS - Meeting.objects.count(),
        "entries": ENTRIES - Entry.objects.count(),
    }
    if all(n <= 0 for n in missing.values()):
        log("Dữ liệu đã đủ: bỏ qua bước sinh dữ liệu.")
        return None
    args = [f"--{name}={max(n, 0)}" for name, n in missing.items()]
    log("Sinh dữ liệu: " + " ".join(args))
    started = time.monotonic()
    call_command("generate_data", *args)
    return time.monotonic() - started


def pages():
    """(name, path) of every public page measured, picked from the data."""
    from django.db.models import Count
    from django.utils import timezone
    from taggit.models import Tag

    from campaigns.models import Campaign
    from meetings.models import Meeting
    from news.models import Article, Category
    from news.sitemaps import ArticleSitemap

    public = Article.objects.published()
    middle = public.newest_first().values_list("slug", "published_at")[ARTICLES // 3]
    category = Category.objects.annotate(n=Count("articles")).order_by("-n").first()
    tag = Tag.objects.annotate(n=Count("taggit_taggeditem_items")).order_by("-n").first()
    meeting = Meeting.objects.public().order_by("-starts_at").values_list("slug", flat=True)[10]
    campaign = Campaign.objects.annotate(n=Count("indicators__entries")).order_by("-n").first()
    day = timezone.localdate(middle[1])
    # Files are id blocks (mattran/lib/paginator.py): the middle one is as deep as any.
    deep_sitemap = max(1, ArticleSitemap().paginator.num_pages // 2)
    return [
        ("home", "/"),
        ("news list p1", "/tin-tuc/"),
        ("news list p500", "/tin-tuc/?page=500"),
        ("category", f"/tin-tuc/{category.slug}/"),
        ("category p500", f"/tin-tuc/{category.slug}/?page=500"),
        ("article", f"/tin-tuc/{middle[0]}/"),
        ("tag", f"/the/{tag.slug}/"),
        ("by date", f"/tin-tuc/ngay/{day:%Y-%m-%d}/"),
        ("search: nha tinh thuong", "/tim-kiem/?q=nha+tinh+thuong"),
        ("search: dai doan ket", "/tim-kiem/?q=%C4%91%E1%BA%A1i+%C4%91o%C3%A0n+k%E1%BA%BFt"),
        ("search: hoc bong 2019", "/tim-kiem/?q=hoc+bong+2019"),
        ("meetings", "/hoi-nghi/"),
        ("meeting", f"/hoi-nghi/{meeting}/"),
        ("campaigns", "/van-dong/"),
        ("campaign", f"/van-dong/{campaign.slug}/"),
        ("documents", "/van-ban/"),
        ("sitemap index", "/sitemap.xml"),
        ("sitemap news p1", "/sitemap-news.xml"),
        (f"sitemap news p{deep_sitemap}", f"/sitemap-news.xml?p={deep_sitemap}"),
        ("rss", "/rss/"),
    ]


def count_queries(measured):
    """SQL queries of each page for an anonymous visitor, page cache off: the second
    request, after the first has warmed what a running site keeps cached. Then the
    server time of IN_PROCESS_RUNS more requests made one at a time (no HTTP, no
    queueing behind other requests): (queries, p50 ms, p95 ms) per page."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    figures = {}
    for name, path in measured:
        cache.clear()
        first = client.get(path)
        if first.status_code != 200:
            raise SystemExit(f"{name} {path}: HTTP {first.status_code}")
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        # Read now: every request's start clears the connection's query log.
        count = len(queries)
        runs = IN_PROCESS_RUNS // 4 if name.startswith("search") else IN_PROCESS_RUNS
        times = []
        for _ in range(max(runs, 2)):
            started = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        figures[name] = (count, statistics.median(times), p95)
    return figures


# --- server and load -----------------------------------------------------------------


def ensure_wrk():
    if shutil.which("wrk"):
        return
    log("Cài wrk (apt-get install -y wrk)")
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False)
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)


def collectstatic():
    env = {**os.environ, **SERVER_ENV}
    subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


class Server:
    def __init__(self, page_cache_seconds):
        env = {**os.environ, **SERVER_ENV, "PAGE_CACHE_SECONDS": str(page_cache_seconds)}
        env.pop("REDIS_URL", None)
        if REDIS_URL:
            env["REDIS_URL"] = REDIS_URL
        self.process = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                "mattran.wsgi:application",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--workers",
                str(WORKERS),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            # The request log (one JSON line a request) still runs; only its lines are
            # dropped instead of filling the terminal.
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise

    def wait_ready(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url(FLOOR_PATH), timeout=5).read()
                return
            except (urllib.error.URLError, OSError):  # refused, reset or timed out
                time.sleep(0.5)
        self.stop()
        raise SystemExit("gunicorn không trả lời sau 60 giây.")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


def url(path):
    return f"http://127.0.0.1:{PORT}{path}"


def clear_caches():
    """Cold: the shared cache (Redis) emptied; a local-memory cache starts empty with
    each server anyway."""
    if REDIS_URL:
        from django.core.cache import caches
        from django.core.cache.backends.base import InvalidCacheBackendError

        with contextlib.suppress(InvalidCacheBackendError):
            caches["default"].clear()


def load(path):
    """wrk on one URL; the JSON line printed by report.lua."""
    status = urllib.request.urlopen(url(path), timeout=30).status
    if status != 200:
        raise SystemExit(f"{path}: HTTP {status}")
    result = subprocess.run(
        [
            "wrk",
            f"-t{min(2, CONNECTIONS)}",
            f"-c{CONNECTIONS}",
            f"-d{DURATION}s",
            "--timeout",
            "10s",
            "-s",
            str(LUA),
            url(path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH "))
    return json.loads(line.removeprefix("BENCH "))


def warm_workers(path):
    """Every worker process serves the page a few times before it is measured: a worker's
    first request for a page compiles its templates and opens its database connection,
    which a production worker (recycled every ~20,000 requests) does once in its life.
    wrk with one connection per worker keeps all of them busy."""
    subprocess.run(
        ["wrk", f"-t{min(2, WORKERS)}", f"-c{WORKERS}", "-d2s", url(path)],
        capture_output=True,
        check=True,
    )


def run_all(measured, page_cache_seconds):
    """{name: wrk result} for the floor and every page, and the floor measured again
    just before each page (`floors[name]`): other programs share the machine's CPUs, and
    a page is compared with the floor as the machine was at that moment."""
    clear_caches()
    server = Server(page_cache_seconds)
    floors = {}
    try:
        warm_workers(FLOOR_PATH)
        results = {FLOOR: load(FLOOR_PATH)}
        log(f"  {FLOOR:<28} {fmt(results[FLOOR])}")
        for name, path in measured:
            warm_workers(path)
            floors[name] = load(FLOOR_PATH)
            if not page_cache_seconds:
                # Cold: nothing the warm-up stored (cached fragments, the campaign
                # highlights, the ward's settings) is left for the measured run.
                clear_caches()
            results[name] = load(path)
            share = results[name]["rps"] / floors[name]["rps"]
            log(f"  {name:<28} {fmt(results[name])}  ({share:.0%} của sàn ngay trước)")
        return results, floors
    finally:
        server.stop()


def fmt(result):
    return (
        f"{result['rps']:8.1f} req/s  p50 {result['p50']:6.1f}  p95 {result['p95']:6.1f}  "
        f"p99 {result['p99']:6.1f} ms" + (f"  LỖI {result['failed']}" if result["failed"] else "")
    )


# --- report --------------------------------------------------------------------------


def verdicts(name, cold_share, warm_share, server_p95):
    notes = []
    limit = SERVER_P95_SEARCH_MS if name.startswith("search") else SERVER_P95_MS
    notes.append("✓ p95" if server_p95 < limit else f"✗ p95 ≥ {limit}")
    target = COLD_SHARE_OF_FLOOR.get(name)
    if target is not None:
        mark = "✓" if cold_share >= target else "✗"
        notes.append(f"{mark} cold {cold_share:.0%} (≥ {target:.0%})")
    mark = "✓" if warm_share >= WARM_SHARE_OF_FLOOR else "✗"
    notes.append(f"{mark} warm {warm_share:.0%}")
    return " ".join(notes)


def figures(measured, queries, cold, warm, cold_floors, warm_floors):
    """One row of plain numbers a page: what results.json keeps and the tables show."""
    rows = {}
    for name, path in measured:
        sql, p50, p95 = queries[name]
        c, w = cold[name], warm[name]
        rows[name] = {
            "path": path,
            "sql": sql,
            "server_p50": p50,
            "server_p95": p95,
            "cold_rps": c["rps"],
            "cold_p95": c["p95"],
            "cold_floor": cold_floors[name]["rps"],
            "cold_share": c["rps"] / cold_floors[name]["rps"],
            "warm_rps": w["rps"],
            "warm_p95": w["p95"],
            "warm_floor": warm_floors[name]["rps"],
            "warm_share": w["rps"] / warm_floors[name]["rps"],
            "failed": c["failed"] + w["failed"],
        }
    return rows


def table(rows):
    lines = [
        "| page | SQL | server p50 | server p95 | cold req/s | cold p95 | floor beside "
        "| cold share | warm req/s | warm p95 | floor beside | warm share | targets |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, r in rows.items():
        check = verdicts(name, r["cold_share"], r["warm_share"], r["server_p95"])
        if r["failed"]:
            check += f" ✗ {r['failed']} failed"
        lines.append(
            f"| {name} | {r['sql']} | {r['server_p50']:.1f} | {r['server_p95']:.1f} "
            f"| {r['cold_rps']:.0f} | {r['cold_p95']:.1f} | {r['cold_floor']:.0f} "
            f"| {r['cold_share']:.1%} | {r['warm_rps']:.0f} | {r['warm_p95']:.1f} "
            f"| {r['warm_floor']:.0f} | {r['warm_share']:.0%} | {check} |"
        )
    return lines


def side_by_side(before, after):
    lines = [
        "| page | server p95 before → after (ms) | cold share before → after "
        "| warm share before → after | SQL before → after |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, r in after.items():
        b = before.get(name)
        if b is None:
            continue
        lines.append(
            f"| {name} | {b['server_p95']:.1f} → {r['server_p95']:.1f} "
            f"| {b['cold_share']:.1%} → {r['cold_share']:.1%} "
            f"| {b['warm_share']:.0%} → {r['warm_share']:.0%} | {b['sql']} → {r['sql']} |"
        )
    return lines


def report(rows, generated_in, data, load_before):
    now = datetime.datetime.now(datetime.UTC)
    load_after = os.getloadavg()
    lines = [
        "# Benchmark results",
        "",
        f"- Date: {now:%Y-%m-%d %H:%M} UTC; machine: {CPUS} CPUs "
        f"({platform.machine()}, {platform.system()} {platform.release()})",
        f"- Command: `make bench` (bench/run.py); server: gunicorn, {WORKERS} sync workers, "
        f"DEBUG=0, cache: {'Redis' if REDIS_URL else 'local memory per worker'}; PostgreSQL at "
        f"`{DATABASE_URL}`",
        f"- Load: wrk -t{min(2, CONNECTIONS)} -c{CONNECTIONS} -d{DURATION}s per page, loopback; "
        "latency percentiles from wrk (report.lua)",
        f"- Data: {data}",
        f"- Load average (1/5/15 min) before: {fmt_load(load_before)}; after: "
        f"{fmt_load(load_after)} (other programs on the machine share its CPUs)",
        "- SQL: queries per request for an anonymous visitor with the page cache off "
        "(in-process, second request); server p50/p95: in-process time (ms) of "
        f"{IN_PROCESS_RUNS} requests one at a time, page cache off ({IN_PROCESS_RUNS // 4} "
        "for search); req/s and wrk's p95 over HTTP (wrk's latency includes the wait in "
        f"the queue of {CONNECTIONS} connections on {WORKERS} workers)",
        "- Before each page's run every worker serves it for 2 s (templates compiled, "
        "connections open), then the floor is measured ('floor beside'); cold: "
        "PAGE_CACHE_SECONDS=0 and the cache emptied after that warm-up, so every request "
        "builds the page; warm: page cache on",
        "- Floor: the fixed answer with no database and no template; a page's share is its "
        "req/s against the floor measured just before it",
        f"- Targets: server p95 < {SERVER_P95_MS} ms (search < {SERVER_P95_SEARCH_MS} ms); "
        "cold share ≥ 15 % (home ≥ 12 %) for the pages named in issue 20; warm share ≥ "
        f"{WARM_SHARE_OF_FLOOR:.0%} for every page",
    ]
    if generated_in is not None:
        lines.append(f"- generate_data took {generated_in:.0f} s in this run")
    lines += ["", *table(rows), ""]
    if BEFORE:
        before = json.loads(Path(BEFORE).read_text(encoding="utf-8"))
        lines += [
            "## Before and after",
            "",
            f"Before: {before['date']}, {before['label']}. After: this run.",
            "",
            *side_by_side(before["rows"], rows),
            "",
            "### The run before, in full",
            "",
            *table(before["rows"]),
            "",
        ]
    text = "\n".join(lines)
    RESULTS.write_text(text, encoding="utf-8")
    saved = {
        "date": f"{now:%Y-%m-%d %H:%M} UTC",
        "label": os.environ.get("BENCH_LABEL", ""),
        "rows": rows,
    }
    RESULTS_JSON.write_text(json.dumps(saved, indent=1), encoding="utf-8")
    print("\n" + text)


def fmt_load(load):
    return " / ".join(f"{value:.1f}" for value in load)


def data_summary():
    from campaigns.models import Entry
    from documents.models import Document
    from meetings.models import Meeting
    from news.models import Article

    return (
        f"{Article.objects.count():,} articles ({Article.objects.published().count():,} public), "
        f"{Meeting.objects.count():,} meetings, {Entry.objects.count():,} campaign entries, "
        f"{Document.objects.count():,} documents"
    )


def main():
    load_before = os.getloadavg()
    ensure_database()
    setup_django()
    generated_in = ensure_data()
    measured = pages()
    if ONLY:
        measured = [(name, path) for name, path in measured if name in ONLY]
    collectstatic()
    log("Đếm truy vấn SQL của từng trang…")
    queries = count_queries(measured)
    ensure_wrk()
    log(f"Nguội (PAGE_CACHE_SECONDS=0), {DURATION} s mỗi trang, sàn đo ngay trước mỗi trang:")
    cold, cold_floors = run_all(measured, 0)
    log(f"Nóng (PAGE_CACHE_SECONDS=300), {DURATION} s mỗi trang, sàn đo ngay trước mỗi trang:")
    warm, warm_floors = run_all(measured, 300)
    rows = figures(measured, queries, cold, warm, cold_floors, warm_floors)
    report(rows, generated_in, data_summary(), load_before)


if __name__ == "__main__":
    main()
