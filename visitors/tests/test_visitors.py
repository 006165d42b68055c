"""Visitor statistics: counted in the cache per page view, flushed to VisitDay in batches."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from pages.models import Page
from visitors.models import VisitDay, flush_visits

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Mobile Safari/537.36"
)
IP_A = "203.113.131.7"
IP_B = "118.69.55.204"


@pytest.fixture
def page():
    return Page.objects.create(title="Lịch sử", body="<p>Năm 1930</p>", is_published=True)


def visit(client, path="/gioi-thieu/lich-su/", ip=IP_A, agent=BROWSER):
    response = client.get(path, REMOTE_ADDR=ip, HTTP_USER_AGENT=agent)
    assert response.status_code == 200
    return response


def stats(client):
    return client.get("/thong-ke-truy-cap.json").json()


def stored_today():
    flush_visits()
    return VisitDay.objects.get(date=timezone.localdate())


def test_two_visitors_count_as_two_unique_and_the_figures_rise(client, page):
    assert stats(client) == {"online": "0", "today": "0", "month": "0", "total": "0"}
    visit(client, ip=IP_A)
    visit(client, ip=IP_B)
    assert stats(client) == {"online": "2", "today": "2", "month": "2", "total": "2"}
    day = stored_today()
    assert (day.visits, day.unique_visitors) == (2, 2)


def test_same_visitor_twice_is_two_visits_one_visitor(client, page):
    visit(client)
    visit(client)
    assert stats(client)["online"] == "1"
    day = stored_today()
    assert (day.visits, day.unique_visitors) == (2, 1)


def test_behind_a_proxy_residents_are_told_apart_by_the_forwarded_address(client, page, settings):
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    settings.AXES_IPWARE_PROXY_COUNT = 1
    for resident in (IP_A, IP_B):
        response = client.get(
            "/gioi-thieu/lich-su/",
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"{resident}, 127.0.0.1",
            HTTP_USER_AGENT=BROWSER,
        )
        assert response.status_code == 200
    assert stats(client)["online"] == "2"


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
        "facebookexternalhit/1.1",
        "Baiduspider",
        "",
    ],
)
def test_bots_are_not_counted(client, page, agent):
    visit(client, agent=agent)
    assert stats(client)["today"] == "0"
    assert flush_visits() == 0
    assert not VisitDay.objects.exists()


def test_admin_static_json_and_non_get_are_not_counted(client, page):
    client.get("/quan-tri/login/", REMOTE_ADDR=IP_A, HTTP_USER_AGENT=BROWSER)
    client.get("/thong-ke-truy-cap.json", REMOTE_ADDR=IP_A, HTTP_USER_AGENT=BROWSER)
    client.head("/gioi-thieu/lich-su/", REMOTE_ADDR=IP_A, HTTP_USER_AGENT=BROWSER)
    client.get("/khong-co-trang-nay/", REMOTE_ADDR=IP_A, HTTP_USER_AGENT=BROWSER)
    assert stats(client)["today"] == "0"


def test_no_ip_is_stored_in_the_database_or_the_cache(client, page):
    visit(client, ip=IP_A)
    visit(client, ip=IP_B)
    flush_visits()
    rows = repr(list(VisitDay.objects.values()))
    cached = repr(dict(cache._cache))  # locmem: every key with its pickled value
    for ip in (IP_A, IP_B):
        assert ip not in rows
        assert ip not in cached
    assert "visits:seen:" in cached  # the daily hashes are there, and they are not addresses


def test_a_counted_view_of_a_cached_page_costs_only_the_content_version(
    client, page, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 300
    visit(client)  # renders and stores the page
    with django_assert_num_queries(1):  # the content version (mattran/cache.py)
        visit(client)
    assert stats(client)["today"] == "2"


def test_a_counted_view_of_a_normal_page_costs_only_the_pages_own_queries(
    client, page, settings, django_assert_num_queries
):
    client.get("/gioi-thieu/lich-su/")  # ward record and menu cached, not counted (no agent)
    with django_assert_num_queries(1):  # the page by its slug, as in test_pages
        visit(client)
    assert stats(client)["today"] == "1"


def test_flush_moves_counts_exactly_once(client, page):
    visit(client, ip=IP_A)
    visit(client, ip=IP_B)
    assert flush_visits() == 2
    assert flush_visits() == 0
    out = StringIO()
    call_command("flush_visits", stdout=out)
    assert "Đã ghi 0 lượt" in out.getvalue()
    visit(client, ip=IP_A)
    call_command("flush_visits", stdout=StringIO())
    day = VisitDay.objects.get()
    assert (day.visits, day.unique_visitors) == (3, 2)
    assert stats(client)["today"] == "3"


def test_a_flush_in_progress_keeps_a_second_worker_out(client, page):
    visit(client)
    cache.add("visits:flush-lock", 1, 60)  # another worker is flushing
    assert flush_visits() == 0
    assert not VisitDay.objects.exists()
    cache.delete("visits:flush-lock")
    assert flush_visits() == 1


def test_the_page_view_flushes_when_the_batch_is_full(client, page, settings):
    settings.VISITS_FLUSH_THRESHOLD = 3
    visit(client)
    visit(client)
    assert not VisitDay.objects.exists()
    visit(client)
    assert VisitDay.objects.get().visits == 3


def test_figures_are_formatted_with_vietnamese_thousands(client):
    today = timezone.localdate()
    VisitDay.objects.create(date=today, visits=1234, unique_visitors=300)
    VisitDay.objects.create(
        date=today.replace(year=today.year - 1), visits=20000, unique_visitors=9
    )
    assert stats(client) == {"online": "0", "today": "1.234", "month": "1.234", "total": "21.234"}


@pytest.mark.parametrize("days", [1, 400])
def test_json_endpoint_costs_one_query_then_none(client, django_assert_num_queries, days):
    today = timezone.localdate()
    VisitDay.objects.bulk_create(
        VisitDay(date=today - timezone.timedelta(days=n), visits=2, unique_visitors=1)
        for n in range(days)
    )
    with django_assert_num_queries(1):
        assert stats(client)["total"] == f"{2 * days:,}".replace(",", ".")
    with django_assert_num_queries(0):
        response = client.get("/thong-ke-truy-cap.json")
    assert not response.cookies


def test_counting_sets_no_cookie_and_the_footer_has_the_placeholders(client, page):
    response = visit(client)
    assert not response.cookies
    html = response.content.decode()
    assert 'data-visitor-stats="/thong-ke-truy-cap.json"' in html
    assert "Thống kê truy cập" in html
    for name in ("online", "today", "month", "total"):
        assert f'data-stat="{name}"' in html
