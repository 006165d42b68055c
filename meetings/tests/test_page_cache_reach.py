"""The page cache covers every public page a resident reads (settings: `benchmark`
block), and a staff change to what a meeting page shows retires it at once."""

import pytest

from meetings.models import Attendance
from news.models import Article

pytestmark = pytest.mark.django_db

PAGES = ["/the/dai-doan-ket/", "/tim-kiem/?q=hoi+nghi", "/hoi-nghi/", "/van-dong/", "/van-ban/"]
PAGES += ["/rss/", "/sitemap.xml", "/sitemap-news.xml"]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def tagged(public_meeting, category):
    article = Article.objects.create(
        title="Ngày hội đại đoàn kết",
        category=category,
        status=Article.Status.PUBLISHED,
    )
    article.tags.add("Đại đoàn kết")
    return article


@pytest.fixture
def category(db):
    from news.models import Category

    return Category.objects.create(name="Hoạt động Mặt trận")


@pytest.mark.parametrize("path", PAGES)
def test_a_second_anonymous_visit_costs_one_query(client, tagged, django_assert_num_queries, path):
    assert client.get(path).status_code == 200
    with django_assert_num_queries(1):  # the content version every worker shares
        assert client.get(path).status_code == 200


def test_a_meeting_page_shows_a_new_attendee_at_once(client, public_meeting):
    url = public_meeting.get_absolute_url()
    assert "Trần Thị Mới" not in client.get(url).content.decode()
    Attendance.objects.create(meeting=public_meeting, guest_name="Trần Thị Mới")
    assert "Trần Thị Mới" in client.get(url).content.decode()


def test_the_meeting_page_is_cached_between_changes(
    client, public_meeting, django_assert_num_queries
):
    url = public_meeting.get_absolute_url()
    client.get(url)
    with django_assert_num_queries(1):  # the content version
        client.get(url)
