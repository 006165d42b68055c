"""Residents get cached pages; staff changes show at once; sessions get fresh pages."""

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import Article
from news.tests.admin_forms import change_url, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    # On here whatever the test settings say, so the suite may turn it off for
    # query-count tests of the views themselves.
    settings.PAGE_CACHE_SECONDS = 300


S = Article.Status


def test_a_second_anonymous_visit_is_served_from_the_cache(
    client, published, django_assert_num_queries
):
    first = client.get("/tin-tuc/")
    # The content version every worker shares (mattran/cache.py), nothing of the page.
    with django_assert_num_queries(1):
        second = client.get("/tin-tuc/")
    assert second.content == first.content
    assert "Cookie" in second["Vary"]


def test_the_home_page_and_article_page_are_cached(client, published, django_assert_num_queries):
    for url in ["/", published.get_absolute_url()]:
        client.get(url)
        with django_assert_num_queries(1):  # the content version
            assert client.get(url).status_code == 200


def test_the_cache_really_serves_old_content_until_a_staff_change(client, published):
    client.get(published.get_absolute_url())
    # A change that bypasses the model (no signal) is not seen: the page is cached.
    Article.objects.filter(pk=published.pk).update(title="Đổi ngầm")
    assert "Đổi ngầm" not in client.get(published.get_absolute_url()).content.decode()


def test_a_reviewers_edit_shows_at_once(client, reviewer, published):
    visitor_page = client.get(published.get_absolute_url())
    assert "Ra quân vệ sinh môi trường" in visitor_page.content.decode()

    client.force_login(reviewer)
    client.post(change_url(published), form_data(published, title="Ra quân, tiêu đề mới"))
    client.logout()
    assert "Ra quân, tiêu đề mới" in client.get(published.get_absolute_url()).content.decode()


def test_publishing_shows_on_the_list_at_once(client, reviewer, make_article):
    article = make_article("Tin vừa duyệt", status=S.REVIEW)
    assert "Tin vừa duyệt" not in client.get("/tin-tuc/").content.decode()

    client.force_login(reviewer)
    client.post(change_url(article), form_data(article, _publish="Xuất bản ngay"))
    client.logout()
    assert "Tin vừa duyệt" in client.get("/tin-tuc/").content.decode()


def test_unpublishing_removes_the_page_at_once(client, reviewer, published):
    assert client.get(published.get_absolute_url()).status_code == 200
    client.force_login(reviewer)
    client.post(change_url(published), form_data(published, _unpublish="Gỡ bài"))
    client.logout()
    assert client.get(published.get_absolute_url()).status_code == 404
    assert published.title not in client.get("/tin-tuc/").content.decode()


def test_deleting_removes_the_page_at_once(client, reviewer, published):
    assert client.get(published.get_absolute_url()).status_code == 200
    client.force_login(reviewer)
    client.post(f"/quan-tri/news/article/{published.pk}/delete/", {"post": "yes"})
    client.logout()
    assert client.get(published.get_absolute_url()).status_code == 404


def test_a_logged_in_user_always_gets_a_fresh_page(client, leader, published):
    client.get("/tin-tuc/")  # cached for residents
    Article.objects.filter(pk=published.pk).update(title="Tiêu đề mới nhất")
    client.force_login(leader)
    assert "Tiêu đề mới nhất" in client.get("/tin-tuc/").content.decode()


def test_a_scheduled_article_appears_by_itself_when_its_time_comes(client, make_article):
    at = timezone.now() + timedelta(seconds=2)
    make_article("Tin hẹn giờ", status=S.PUBLISHED, published_at=at)
    assert "Tin hẹn giờ" not in client.get("/tin-tuc/").content.decode()
    time.sleep(max(0, (at - timezone.now()).total_seconds()) + 1.1)
    # Nobody saved anything: the cached list simply may not outlive the schedule.
    assert "Tin hẹn giờ" in client.get("/tin-tuc/").content.decode()


def test_a_visitor_with_a_pending_message_gets_a_fresh_page(client, published):
    client.get("/tin-tuc/")
    Article.objects.filter(pk=published.pk).update(title="Bản mới cho người có thông báo")
    client.cookies["messages"] = "pending"
    assert "Bản mới cho người có thông báo" in client.get("/tin-tuc/").content.decode()


def test_saving_a_section_renders_its_page_again(client, category, published):
    # The stub section template may not print the name yet; what matters is that
    # the cached page is dropped: the next visit reaches the database again.
    url = category.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as cached:
        client.get(url)
    category.name = "Tin hoạt động"
    category.save()
    with CaptureQueriesContext(connection) as fresh:
        client.get(url)
    assert len(cached) == 1  # the content version
    assert len(fresh) > 1


@pytest.mark.urls("news.tests.counting_urls")
def test_views_are_counted_even_when_the_page_comes_from_the_cache(
    client, published, django_assert_num_queries
):
    url = f"/tin-tuc/dem/{published.pk}/"
    client.get(url)
    # Served from the cache: no page queries, only the content version and the
    # counter's UPDATE.
    with django_assert_num_queries(2):
        client.get(url)
    client.get(url)
    published.refresh_from_db()
    assert published.view_count == 3


def test_the_first_visit_after_a_write_costs_the_version_and_the_retired_values(
    client, settings, published
):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/tin-tuc/")  # warm what the page itself caches (ward settings)
    with CaptureQueriesContext(connection) as uncached:
        client.get("/tin-tuc/")
    settings.PAGE_CACHE_SECONDS = 300
    published.save()  # a staff write: new content version
    with CaptureQueriesContext(connection) as first_visit:
        client.get("/tin-tuc/")
    # The content version (the next scheduled change was worked out on the write), and
    # the values derived from content the write retired in every process: ward record,
    # links, pages menu. Nothing else.
    assert len(first_visit) == len(uncached) + 4
