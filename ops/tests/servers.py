"""The real production server for a test: gunicorn with several workers, DEBUG off,
on the test's own database, everything on 127.0.0.1 and thrown away afterwards.

    with production_server(database_url(tmp_path), workers=4) as base:
        status, body, seconds = fetch(base + "/hoi-nghi/")
"""

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import connection

GUNICORN = Path(sys.executable).parent / "gunicorn"
SETTINGS_MODULE = "ops.tests.serve_settings"


def database_url(tmp_path):
    """A URL the server's own processes can open, holding what the (transactional) test
    has committed: the PostgreSQL test database itself, or a copy of SQLite's in-memory
    test database in a file."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        port = db["PORT"] or 5432
        return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{port}/{db['NAME']}"
    path = tmp_path / "served.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(path)])
    return f"sqlite:///{path}"


def server_env(database, tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database,
        PAGE_CACHE_SECONDS="300",
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private-media"),
        REQUEST_LOG="0",
        LOG_LEVEL="ERROR",
        GUNICORN_LOG_LEVEL="warning",
    )
    env.update(extra)
    return env


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def production_server(env, workers, tmp_path):
    """gunicorn with the project's gunicorn.conf.py; yields its base URL."""
    port = free_port()
    env = {**env, "WEB_CONCURRENCY": str(workers), "BIND": f"127.0.0.1:{port}"}
    log = open(tmp_path / "gunicorn.log", "wb")  # noqa: SIM115 - closed below
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [str(GUNICORN), "-c", str(settings.BASE_DIR / "gunicorn.conf.py")],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(base, server, tmp_path)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)
        log.close()


def _wait_until_ready(base, server, tmp_path, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError((tmp_path / "gunicorn.log").read_text(errors="replace"))
        try:
            with urllib.request.urlopen(base + "/robots.txt", timeout=2):  # noqa: S310
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"gunicorn did not answer within {seconds} s")


def fetch(url, timeout=40):
    """(status, body, seconds) of one anonymous GET; status 0 when the server hung up
    without an answer (a worker killed mid-request)."""
    start = time.monotonic()
    request = urllib.request.Request(url, headers={"User-Agent": "Mozilla/5.0 Firefox/128.0"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            status, body = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode(errors="replace")
    except (OSError, urllib.error.URLError):
        status, body = 0, ""
    return status, body, time.monotonic() - start


def manage(env, code):
    """Python run by another process of the site (a management command, cron)."""
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout
