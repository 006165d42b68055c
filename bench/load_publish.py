#!/usr/bin/env python
"""Public load on the production server while staff publish and edit articles.

    .venv/bin/python bench/load_publish.py --seconds 60 --articles 100 --users 20 \
        --report bench/load_publish.md

What it does, all on loopback and all thrown away afterwards:
1. a new database (PostgreSQL on the server of DATABASE_URL, default the local one; or
   an SQLite file with --sqlite), migrated, with the demo content; static files collected;
2. a private redis-server on a free port, so the gunicorn workers and this script share
   the page cache and its version (the production set-up, REDIS_URL);
3. gunicorn (3 workers, DEBUG=0, a generated SECRET_KEY, PAGE_CACHE_SECONDS=300);
4. `--users` threads asking for the public pages without a session (so through the page
   cache) for `--seconds`;
5. meanwhile this process publishes `--articles` new articles with `Article.publish(user)`
   and edits each with `save()`; after every publish the very next anonymous request for
   the home page, the news list and the article must show the new title, and after every
   edit the article page must show the new one. Each one that does not is a *miss*.

It prints a summary, writes `--report` (Markdown) and `--json`, and exits 1 on any error
or miss. The pytest smoke test runs it for a few seconds.
"""

import argparse
import json
import os
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable

PUBLIC_PATHS = [
    "/",
    "/tin-tuc/",
    "/hoi-nghi/",
    "/van-dong/",
    "/van-ban/",
    "/gioi-thieu/",
    "/to-chuc/",
    "/khu-dan-cu/",
    "/tim-kiem/?q=mat+tran",
    "/rss/",
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, seconds, process=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit(f"!! {url}: the server stopped (exit {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (OSError, urllib.error.URLError):
            time.sleep(0.2)
    raise SystemExit(f"!! {url} did not answer within {seconds} s")


# The throwaway site --------------------------------------------------------------------


class Site:
    """Database, redis and gunicorn for one run; `close()` removes all of them."""

    def __init__(self, args):
        self.args = args
        self.tmp = Path(tempfile.mkdtemp(prefix="mattran-load-"))
        self.processes = []
        self.db_name = None
        self.admin_url = None

    def start(self):
        env = dict(os.environ)
        env.update(
            DEBUG="0",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1",
            SECURE_SSL_REDIRECT="0",
            PAGE_CACHE_SECONDS="300",
            MEDIA_ROOT=str(self.tmp / "media"),
            PRIVATE_MEDIA_ROOT=str(self.tmp / "private-media"),
            DATABASE_URL=self._database(),
            REDIS_URL=f"redis://127.0.0.1:{self._redis()}/0",
            LOG_LEVEL="WARNING",
            DJANGO_SETTINGS_MODULE="mattran.settings.base",
        )
        self.env = env
        for command in (
            ["migrate", "--noinput", "-v0"],
            ["load_demo"],
            ["collectstatic", "--noinput", "-v0"],
        ):
            subprocess.run(  # noqa: S603
                [PYTHON, "manage.py", *command],
                cwd=ROOT,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        gunicorn = subprocess.Popen(  # noqa: S603
            [
                str(VENV_BIN / "gunicorn"),
                "mattran.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(self.args.workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            # The server's request log and errors, kept out of the report's output.
            stdout=open(self.tmp / "gunicorn.log", "wb"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
        self.processes.append(gunicorn)
        wait_for(self.base + "/", 60, gunicorn)

    def _database(self):
        if self.args.sqlite:
            return f"sqlite:///{self.tmp / 'load.sqlite3'}"
        server = self.args.postgres
        self.db_name = f"mattran_load_{os.getpid()}"
        self._admin_sql(f'CREATE DATABASE "{self.db_name}"')
        parts = urlsplit(server)
        return parts._replace(path=f"/{self.db_name}").geturl()

    def _admin_sql(self, sql):
        import psycopg2

        connection = psycopg2.connect(self.args.postgres)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
        finally:
            connection.close()

    def _redis(self):
        server = shutil.which("redis-server")
        if server is None:
            raise SystemExit(
                "!! redis-server is needed: the workers and the publisher must share the "
                "page cache as production does (apt-get install redis-server)"
            )
        port = free_port()
        redis = subprocess.Popen(  # noqa: S603
            [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.tmp)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        self.processes.append(redis)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                return port
            except OSError:
                time.sleep(0.1)
        raise SystemExit("!! redis-server did not start")

    def close(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: BLE001, S110 - Django may never have been set up
            pass
        if self.db_name:
            self._admin_sql(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
        shutil.rmtree(self.tmp, ignore_errors=True)


# Load ----------------------------------------------------------------------------------


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.samples = []  # (start, seconds, status, path)

    def add(self, start, seconds, status, path):
        with self.lock:
            self.samples.append((start, seconds, status, path))


def fetch(base, path, timeout=30):
    """(status, body) of an anonymous GET; status 0 when the connection failed."""
    # Always http://127.0.0.1:<port>, made by this script.
    request = urllib.request.Request(base + path, headers={"User-Agent": "mattran-loadtest"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def visitor(base, paths, stop, recorder, think, seed):
    rng = random.Random(seed)  # noqa: S311 - picking pages, not secrets
    while not stop.is_set():
        with paths.lock:
            path = rng.choice(paths.items)
        start = time.monotonic()
        status, _ = fetch(base, path)
        recorder.add(start, time.monotonic() - start, status, path)
        if think:
            stop.wait(rng.uniform(0, 2 * think))


class Paths:
    def __init__(self, items):
        self.lock = threading.Lock()
        self.items = list(items)


# Publishing ----------------------------------------------------------------------------


def setup_django(env):
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def publisher(base, count, window, paths, log, recorder):
    """Publish and edit `count` articles spread over `window` seconds, checking each."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from mattran import roles
    from news.models import Article, Category

    user = get_user_model().objects.create_user(
        "tai-thu-duyet-tin", password=secrets.token_urlsafe(16), is_staff=True
    )
    user.groups.add(Group.objects.get(name=roles.REVIEWERS))
    category = Category.objects.order_by("order", "pk").first()
    run = secrets.token_hex(3)
    interval = window / max(count, 1)
    started = time.monotonic()

    def check(path, title, what, number):
        start = time.monotonic()
        status, body = fetch(base, path)
        recorder.add(start, time.monotonic() - start, status, path)
        if status != 200 or title not in body:
            log["misses"].append(f"{what} #{number}: {path} answered {status} without the title")

    for number in range(1, count + 1):
        title = f"Tin tải thử {run} số {number}"
        article = Article.objects.create(
            title=title,
            category=category,
            sapo=f"Tóm tắt của bài tải thử số {number}.",
            body=f"<p>Nội dung bài tải thử số {number}.</p>",
            status=Article.Status.DRAFT,
        )
        article.publish(user)
        log["published"] += 1
        url = article.get_absolute_url()
        for path in ("/", "/tin-tuc/", url):
            check(path, title, "publish", number)
        with paths.lock:
            paths.items.append(url)

        edited = f"{title} (đã cập nhật)"
        article.title = edited
        article.save()
        log["edited"] += 1
        for path in (url, "/tin-tuc/"):
            check(path, edited, "edit", number)

        pause = started + number * interval - time.monotonic()
        if pause > 0:
            time.sleep(pause)
    log["publish_seconds"] = time.monotonic() - started


# Report --------------------------------------------------------------------------------


def percentile(values, fraction):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def summarise(recorder, started, publishing, log, args, seconds):
    samples = recorder.samples
    during = [s for s in samples if publishing[0] <= s[0] <= publishing[1]]
    errors = [s for s in samples if s[2] != 200]
    times = [s[1] for s in samples]
    times_during = [s[1] for s in during]
    return {
        "seconds": round(seconds, 1),
        "users": args.users,
        "workers": args.workers,
        "database": "sqlite" if args.sqlite else "postgresql",
        "requests": len(samples),
        "requests_per_second": round(len(samples) / seconds, 1) if seconds else 0,
        "errors": len(errors),
        "error_examples": [f"{s[2]} {s[3]}" for s in errors[:10]],
        "p50_ms": round(statistics.median(times) * 1000, 1) if times else 0,
        "p95_ms": round(percentile(times, 0.95) * 1000, 1),
        "requests_during_publishing": len(during),
        "p95_during_publishing_ms": round(percentile(times_during, 0.95) * 1000, 1),
        "p99_during_publishing_ms": round(percentile(times_during, 0.99) * 1000, 1),
        "max_ms": round(max(times, default=0) * 1000, 1),
        "published": log["published"],
        "edited": log["edited"],
        "visibility_checks": log["published"] * 3 + log["edited"] * 2,
        "misses": len(log["misses"]),
        "miss_examples": log["misses"][:10],
        "publish_seconds": round(log.get("publish_seconds", 0), 1),
        "machine_load": log.get("machine_load", []),
    }


def markdown(result, command):
    return f"""# Load while publishing

Measured by `{command}` (bench/load_publish.py): gunicorn with {result["workers"]} sync
workers, DEBUG=0, the page cache on (PAGE_CACHE_SECONDS=300) in a private redis, a
throwaway {result["database"]} database with the demo content; {result["users"]} threads
ask for the public pages without a session (through the page cache) on loopback, while
the script publishes {result["published"]} articles with `Article.publish()` and edits each
with `save()`. After every publish the next request for the home page, the news list and
the article must show the new title; after every edit, the article and the list.

| measure | value |
|---|---|
| duration | {result["seconds"]} s |
| requests | {result["requests"]} ({result["requests_per_second"]}/s) |
| errors (status other than 200, or no answer) | {result["errors"]} |
| p50, all requests | {result["p50_ms"]} ms |
| p95, all requests | {result["p95_ms"]} ms |
| requests while publishing | {result["requests_during_publishing"]} |
| **p95 while publishing** | **{result["p95_during_publishing_ms"]} ms** |
| p99 while publishing | {result["p99_during_publishing_ms"]} ms |
| slowest request | {result["max_ms"]} ms |
| articles published / edited | {result["published"]} / {result["edited"]} |
| visibility checks | {result["visibility_checks"]} |
| **publish or edit not visible to the next request** | **{result["misses"]}** |
| machine load average (1 min) at start, end | {", ".join(map(str, result["machine_load"]))} |

The load runs for the asked seconds, or until the last publish has been checked when
that takes longer (the visitors run flat out, without pauses, so on a busy machine the
publisher's own checks queue behind them). The machine is shared (2 CPUs, other jobs
running), so latencies are an upper bound; errors and misses must be zero on any machine.
"""


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--think", type=float, default=0.0, help="mean pause between requests")
    parser.add_argument("--sqlite", action="store_true", help="an SQLite file, not PostgreSQL")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("LOAD_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="a PostgreSQL server (any database on it) where a throwaway one is made",
    )
    parser.add_argument("--report", help="write the Markdown summary here")
    parser.add_argument("--json", help="write the figures here")
    args = parser.parse_args(argv)

    site = Site(args)
    try:
        site.start()
        setup_django(site.env)
        from news.models import Article

        articles = [a.get_absolute_url() for a in Article.objects.published()[:10]]
        paths = Paths(PUBLIC_PATHS + articles)
        recorder = Recorder()
        stop = threading.Event()
        log = {"published": 0, "edited": 0, "misses": []}
        threads = [
            threading.Thread(
                target=visitor,
                args=(site.base, paths, stop, recorder, args.think, n),
                daemon=True,
            )
            for n in range(args.users)
        ]
        log["machine_load"] = [round(os.getloadavg()[0], 1)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        # Publishing starts once the load is running and ends before it stops.
        time.sleep(min(2.0, args.seconds * 0.1))
        publish_start = time.monotonic()
        publisher(site.base, args.articles, args.seconds * 0.8, paths, log, recorder)
        publish_end = time.monotonic()
        remaining = started + args.seconds - time.monotonic()
        if remaining > 0:
            time.sleep(remaining)
        stop.set()
        for thread in threads:
            thread.join(timeout=35)
        elapsed = time.monotonic() - started
        log["machine_load"].append(round(os.getloadavg()[0], 1))
        result = summarise(recorder, started, (publish_start, publish_end), log, args, elapsed)
    finally:
        site.close()

    command = "python bench/load_publish.py " + " ".join(argv if argv else sys.argv[1:])
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        Path(args.report).write_text(markdown(result, command.strip()), encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False))
    return 1 if result["errors"] or result["misses"] else 0


if __name__ == "__main__":
    sys.exit(main())
