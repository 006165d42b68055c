"""Production serving: /healthz, the JSON request log, the 503 page when the database
is down (simulated, and for real on PostgreSQL) and the site with Redis down."""

import io
import json
import logging
from unittest import mock

import psycopg2
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import InterfaceError, OperationalError, connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from visitors import middleware as visitor_counter
from visitors import models as visitors

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"
VIETNAMESE_503 = "Cổng thông tin đang tạm ngừng phục vụ"


def database_refuses(error=None):
    """Every new cursor fails as when PostgreSQL is unreachable, in every thread (the
    health check asks from its own)."""
    error = error or OperationalError("could not connect to server")
    return mock.patch.object(type(connections["default"]), "cursor", side_effect=error)


@pytest.fixture
def request_log():
    """The JSON lines the request logger writes (it does not propagate to the root)."""
    lines = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(json.loads(record.getMessage()))

    handler = Collect()
    logger = logging.getLogger("mattran.requests")
    logger.addHandler(handler)
    yield lines
    logger.removeHandler(handler)


# /healthz ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_healthz_answers_ok_for_both_without_login_and_is_never_cached(client):
    response = client.get("/healthz", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    # Not an HTML page: never counted among visits.
    assert visitors.figures()["today"] == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "error",
    [OperationalError("could not connect to server"), InterfaceError("connection already closed")],
    ids=["refused", "closed"],
)
def test_healthz_fails_with_503_when_the_database_is_down(client, error):
    with database_refuses(error):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "error", "cache": "ok"}


@pytest.mark.django_db
def test_healthz_fails_with_503_when_the_cache_keeps_nothing(client, settings):
    # What django-redis with IGNORE_EXCEPTIONS looks like when Redis is down.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "error"}


@pytest.mark.django_db
def test_healthz_fails_when_redis_is_unreachable(client, settings):
    settings.CACHES = {"default": closed_redis()}
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "error"


@pytest.mark.django_db
def test_healthz_is_not_stored_by_the_page_cache(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    assert client.get("/healthz").status_code == 200
    with database_refuses():
        assert client.get("/healthz").status_code == 503


@pytest.mark.django_db
def test_healthz_is_exempt_from_the_https_redirect(client, settings):
    # A load balancer probes the app server over plain HTTP.
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/tin-tuc/").status_code == 301


# Request log -------------------------------------------------------------------------


@pytest.mark.django_db
def test_each_request_logs_one_json_line_with_its_cost(client, request_log, make_article):
    make_article("Ra quân vệ sinh môi trường")
    client.get("/tin-tuc/?page=1&q=Nguyễn Văn A", HTTP_USER_AGENT=BROWSER)
    [line] = request_log
    assert line["method"] == "GET"
    assert line["path"] == "/tin-tuc/"  # the query string's values are never logged
    assert line["query"] is True
    assert line["status"] == 200
    assert line["user"] == "anonymous"
    assert line["db_queries"] > 0
    assert line["duration_ms"] >= line["db_ms"] >= 0
    assert "Nguyễn" not in json.dumps(line, ensure_ascii=False)


@pytest.mark.django_db
def test_the_request_log_names_staff_and_page_cache_hits(
    client, request_log, editor, settings, make_article
):
    settings.PAGE_CACHE_SECONDS = 300
    make_article("Ra quân vệ sinh môi trường")
    client.get("/tin-tuc/", HTTP_USER_AGENT=BROWSER)
    client.get("/tin-tuc/", HTTP_USER_AGENT=BROWSER)
    client.force_login(editor)
    client.get("/tin-tuc/", HTTP_USER_AGENT=BROWSER)
    miss, hit, staff = request_log
    assert (miss["page_cache"], miss["user"]) == ("miss", "anonymous")
    assert (hit["page_cache"], hit["db_queries"]) == ("hit", 1)  # the content version
    assert (staff["page_cache"], staff["user"]) == ("-", "staff")


@pytest.mark.django_db
def test_the_request_log_adds_no_query(client, make_article, request_log):
    make_article("Ra quân vệ sinh môi trường")
    client.get("/tin-tuc/")
    logger = logging.getLogger("mattran.requests")
    with mock.patch.object(logger, "disabled", True), CaptureQueriesContext(connection) as without:
        client.get("/tin-tuc/")
    with CaptureQueriesContext(connection) as with_log:
        client.get("/tin-tuc/")
    assert len(with_log) == len(without) == request_log[-1]["db_queries"]


# Database down -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/tin-tuc/", "/hoi-nghi/", "/van-ban/", "/tim-kiem/?q=a"])
def test_residents_get_a_vietnamese_503_page_when_the_database_is_down(client, path):
    with database_refuses():
        response = client.get(path, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 503
    page = response.content.decode()
    assert VIETNAMESE_503 in page and "Traceback" not in page
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_database_error_outside_a_view_is_a_503_too(settings):
    # The visitor counter writes its batch to the database after the view has answered.
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    client = Client(raise_request_exception=False)
    failing = OperationalError("server closed the connection unexpectedly")
    with (
        mock.patch.object(visitor_counter, "flush_due", return_value=True),
        mock.patch.object(visitor_counter, "flush_visits", side_effect=failing),
    ):
        response = client.get("/tin-tuc/", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 503
    assert VIETNAMESE_503 in response.content.decode()


@pytest.mark.django_db
def test_other_errors_outside_a_view_stay_ordinary_500s():
    client = Client(raise_request_exception=False)
    with (
        mock.patch.object(visitor_counter, "flush_due", return_value=True),
        mock.patch.object(visitor_counter, "flush_visits", side_effect=ValueError("a bug")),
    ):
        response = client.get("/tin-tuc/", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 500
    assert "Xin lỗi, hệ thống đang gặp sự cố" in response.content.decode()


def wsgi_get(path):
    """A request through Django's WSGI handler, as gunicorn sends it: unlike the test
    client it runs close_old_connections at the start and end of each request, which is
    how a real server drops a dead connection and reconnects."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "HTTP_USER_AGENT": BROWSER,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.input": io.BytesIO(),
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
    }
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"] = int(status.split()[0])
        answer["headers"] = dict(headers)

    response = WSGIHandler()(environ, start_response)
    try:
        body = b"".join(response)
    finally:
        response.close()
    return answer["status"], answer["headers"], body.decode()


@pytest.mark.postgresql  # a real outage of PostgreSQL
@pytest.mark.django_db(transaction=True)
def test_a_real_postgresql_outage_gives_503_and_the_site_recovers_by_itself(make_article):
    make_article("Ra quân vệ sinh môi trường")
    name = connection.settings_dict["NAME"]
    superuser = psycopg2.connect(
        host=connection.settings_dict["HOST"],
        port=connection.settings_dict["PORT"] or 5432,
        user=connection.settings_dict["USER"],
        password=connection.settings_dict["PASSWORD"],
        dbname="postgres",
    )
    superuser.autocommit = True
    assert wsgi_get("/tin-tuc/")[0] == 200
    try:
        with superuser.cursor() as cursor:
            cursor.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            )
        status, headers, page = wsgi_get("/tin-tuc/")
        assert status == 503
        assert VIETNAMESE_503 in page and headers["Retry-After"] == "30"
        status, _, body = wsgi_get("/healthz")
        assert (status, json.loads(body)) == (503, {"database": "error", "cache": "ok"})
    finally:
        with superuser.cursor() as cursor:
            cursor.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        superuser.close()
    # No restart: the next requests reconnect.
    status, _, page = wsgi_get("/tin-tuc/")
    assert status == 200 and "Ra quân vệ sinh môi trường" in page
    assert wsgi_get("/healthz")[0] == 200


# Redis down ---------------------------------------------------------------------------


def closed_redis():
    """django-redis as production configures it, pointed at a port where nothing listens."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }


@pytest.mark.django_db
def test_with_redis_down_pages_are_served_from_the_database_and_a_warning_logged(
    client, settings, caplog, make_article
):
    settings.CACHES = {"default": closed_redis()}
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    settings.PAGE_CACHE_SECONDS = 300
    article = make_article("Ra quân vệ sinh môi trường")
    for log_filter in logging.getLogger("mattran.cache_outage").filters:
        log_filter.last = float("-inf")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        home = client.get("/", HTTP_USER_AGENT=BROWSER)
        page = client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert home.status_code == 200
    assert page.status_code == 200 and "Ra quân vệ sinh môi trường" in page.content.decode()
    warnings = [r for r in caplog.records if r.name == "mattran.cache_outage"]
    assert warnings and all(r.levelno == logging.WARNING for r in warnings)
    assert "serving from the database" in warnings[0].getMessage()
    # One line, not a traceback per cache call.
    assert len(warnings) == 1 and warnings[0].exc_info is None


# Settings switches ---------------------------------------------------------------------


def run_settings(script, **env):
    """Settings are read once at start-up: try a configuration in a fresh process."""
    import os
    import subprocess
    import sys

    environment = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
        "DJANGO_SETTINGS_MODULE": "mattran.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": "a-test-only-secret-key-long-enough-for-the-deploy-checks-0123",
        "ALLOWED_HOSTS": "mattran.example.gov.vn",
        **env,
    }
    setup = "import django; django.setup()\n"
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", setup + script],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_media_storage_s3_puts_public_and_private_media_in_separate_buckets():
    result = run_settings(
        "from meetings.models import Attachment\n"
        "from documents.models import Document\n"
        "from django.core.files.storage import storages\n"
        "public = storages['default']\n"
        "papers = Attachment._meta.get_field('file').storage\n"
        "documents = Document._meta.get_field('file').storage\n"
        "print(type(public).__name__, public.bucket_name, public.querystring_auth)\n"
        "print(type(papers).__name__, papers.bucket_name, papers.default_acl)\n"
        "print(documents is papers)\n"
        "try:\n    papers.url('a.pdf')\nexcept NotImplementedError:\n    print('no url')\n",
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="mattran-media",
        AWS_PRIVATE_BUCKET_NAME="mattran-private",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "PublicMediaStorage mattran-media False",
        "PrivateMediaStorage mattran-private private",
        "True",
        "no url",
    ]


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_settings("", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SECRET_KEY": "", "ALLOWED_HOSTS": "x.vn"}, "make serve: set SECRET_KEY"),
        ({"SECRET_KEY": "s" * 50, "ALLOWED_HOSTS": ""}, "make serve: set ALLOWED_HOSTS"),
    ],
)
def test_make_serve_refuses_clearly_without_secret_key_or_allowed_hosts(env, message):
    import os
    import shutil
    import subprocess

    from django.conf import settings

    if not (settings.BASE_DIR / ".venv" / ".installed").exists() or not shutil.which("make"):
        pytest.fail("make and an installed .venv are needed")
    result = subprocess.run(  # noqa: S603 - fixed command
        [shutil.which("make"), "--no-print-directory", "serve"],
        cwd=settings.BASE_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert message in result.stderr
    assert "gunicorn" not in result.stdout  # refused before anything ran
