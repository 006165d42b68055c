"""The news lists' paginator at its boundaries: pages read by a deferred join, numbered
pages capped (mattran.lib.paginator), and every bad page number a plain 404."""

import pytest
from django.urls import reverse

from mattran.lib import paginator
from news.models import Article
from news.views import PAGE_SIZE

pytestmark = pytest.mark.django_db

INDEX = reverse("news:index")


@pytest.fixture
def thirty(many_articles):
    many_articles(30)  # three pages of 12: 12, 12, 6
    return list(Article.objects.published().newest_first().values_list("title", flat=True))


def titles(response):
    return [article.title for article in response.context["articles"]]


def test_first_page_holds_the_newest(client, thirty):
    response = client.get(INDEX)
    assert titles(response) == thirty[:PAGE_SIZE]
    assert response.context["page_obj"].paginator.num_pages == 3


def test_a_middle_page_holds_the_next_ones_in_order(client, thirty):
    assert titles(client.get(INDEX + "?page=2")) == thirty[PAGE_SIZE : 2 * PAGE_SIZE]


def test_last_page_by_number_and_by_name(client, thirty):
    assert titles(client.get(INDEX + "?page=3")) == thirty[2 * PAGE_SIZE :]
    assert titles(client.get(INDEX + "?page=last")) == thirty[2 * PAGE_SIZE :]


@pytest.mark.parametrize("page", ["4", "0", "-1", "abc", "1.5", "99999999999999999999"])
def test_pages_that_do_not_exist_are_not_found(client, thirty, page):
    assert client.get(INDEX, {"page": page}).status_code == 404


def test_category_pages_read_their_own_articles(client, thirty):
    article = Article.objects.published().newest_first().last()
    category = article.category
    own = list(
        Article.objects.published()
        .filter(category=category)
        .newest_first()
        .values_list("title", flat=True)
    )
    response = client.get(category.get_absolute_url() + "?page=2")
    assert titles(response) == own[PAGE_SIZE : 2 * PAGE_SIZE]


def test_numbered_pages_stop_at_the_cap_and_point_to_the_dates(client, thirty, monkeypatch):
    monkeypatch.setattr(paginator, "MAX_PAGES", 2)
    first = client.get(INDEX)
    assert first.context["page_obj"].paginator.num_pages == 2
    assert "xem theo ngày" not in first.content.decode()
    last = client.get(INDEX + "?page=last")
    assert titles(last) == thirty[PAGE_SIZE : 2 * PAGE_SIZE]
    page = last.content.decode()
    assert "Trang 2 / 2" in page
    assert reverse("news:by_date_form") in page and "xem theo ngày" in page
    assert client.get(INDEX + "?page=3").status_code == 404


def test_no_cap_note_when_everything_fits(client, thirty):
    assert "xem theo ngày" not in client.get(INDEX + "?page=last").content.decode()
