"""A database or Redis that stops answering gives a fast, clear answer: never a hung
worker. Faults are made by a loopback proxy (ops/tests/faultproxy.py).

Issue 17: with packets dropped every request hung ~31 s until gunicorn killed the worker
(an empty reply); with Redis partitioned the home page took 9 s, a campaign page 10 s.

Each test prints a `fault-table:` line (fault, slowest request, what the visitor saw):
`pytest -s ops/tests/test_nothing_hangs.py | grep fault-table`.
"""

import json
import time

import pytest
from django.test import Client

from mattran.lib.redis_cache import cache_settings, cut_out
from ops.tests.faultproxy import DROP, PASS, REFUSE, FaultProxy
from ops.tests.servers import database_url, fetch, production_server, server_env

VIETNAMESE_503 = "Cổng thông tin đang tạm ngừng phục vụ"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"


def timed(client, url):
    start = time.monotonic()
    response = client.get(url, HTTP_USER_AGENT=BROWSER)
    return response, time.monotonic() - start


# Redis -------------------------------------------------------------------------------


@pytest.fixture
def redis_through(settings):
    """Production's django-redis on database 10 of the local Redis, through the proxy."""
    from django.core.cache import cache

    with FaultProxy(6379) as proxy:
        settings.CACHES = {"default": cache_settings(f"redis://127.0.0.1:{proxy.port}/10")}
        settings.PAGE_CACHE_SECONDS = 300
        cut_out.reset()
        cache.clear()
        yield proxy
        proxy.mode = PASS
        cut_out.reset()
        cache.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("fault", [DROP, REFUSE])
def test_with_redis_away_pages_come_from_the_database_without_waiting(
    redis_through, fault, fund, make_article
):
    make_article("Ra quân vệ sinh môi trường")
    visitor = Client()
    pages = ["/", fund.get_absolute_url(), "/tin-tuc/", "/"]
    for url in pages:
        assert visitor.get(url).status_code == 200  # stored in Redis

    redis_through.mode = fault
    answers = [(url, *timed(visitor, url)) for url in pages]
    health, health_seconds = timed(visitor, "/healthz")

    slowest = max(seconds for _, _, seconds in answers)
    print(f"fault-table: Redis {fault} | {slowest:.2f} s | 200 from the database")
    assert all(response.status_code == 200 for _, response, _ in answers)
    # The first calls wait for their timeout (0.5 s); after two failures this process
    # stops asking, and the next pages pay nothing.
    assert slowest < 1.5, answers
    assert max(seconds for _, _, seconds in answers[1:]) < 0.5, answers
    assert health.status_code == 503 and health.json() == {"database": "ok", "cache": "error"}
    assert health_seconds < 2

    redis_through.mode = PASS
    cut_out.reset()  # as the end of the cut-out period does
    assert visitor.get("/healthz").json() == {"database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_the_cut_out_tries_redis_again_once_its_period_is_over(redis_through, settings):
    from django.core.cache import cache

    settings.REDIS_CUTOUT_SECONDS = 0.5
    redis_through.mode = DROP
    cache.get("a")
    cache.get("b")  # two failures: cut out
    start = time.monotonic()
    assert cache.get("c") is None
    assert time.monotonic() - start < 0.05  # not even tried
    redis_through.mode = PASS
    time.sleep(0.6)
    assert cache.set("d", 1) and cache.get("d") == 1  # tried again, and answered


# PostgreSQL ----------------------------------------------------------------------------


@pytest.mark.postgresql  # a real PostgreSQL behind the proxy
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("fault", [DROP, REFUSE])
def test_a_database_that_stops_answering_gives_the_503_page_fast_and_the_site_recovers(
    tmp_path, make_article, fault
):
    make_article("Ra quân vệ sinh môi trường")
    direct = database_url(tmp_path)
    host_port = direct.split("@", 1)[1].split("/", 1)[0]
    with FaultProxy(int(host_port.rsplit(":", 1)[1])) as proxy:
        through = direct.replace(host_port, f"127.0.0.1:{proxy.port}")
        env = server_env(through, tmp_path, GUNICORN_TIMEOUT="30")
        with production_server(env, 2, tmp_path) as base:
            for path in ("/", "/tin-tuc/", "/"):  # both workers keep a connection open
                assert fetch(base + path)[0] == 200

            proxy.mode = fault
            pages = [fetch(base + path) for path in ("/", "/tin-tuc/", "/van-ban/", "/")]
            health = fetch(base + "/healthz")

            proxy.mode = PASS
            recovered = fetch(base + "/tin-tuc/")

    slowest = max(seconds for _, _, seconds in pages)
    print(f"fault-table: PostgreSQL {fault} | {slowest:.2f} s | 503 page in Vietnamese")
    print(f"fault-table: PostgreSQL {fault}, /healthz | {health[2]:.2f} s | 503 naming it")
    for status, body, seconds in pages:
        assert status == 503 and VIETNAMESE_503 in body
        assert seconds < 5
    status, body, seconds = health
    assert (status, json.loads(body)["database"]) == (503, "error") and seconds < 2
    # No restart: the workers reconnect by themselves.
    assert recovered[0] == 200 and "Ra quân vệ sinh môi trường" in recovered[1]
