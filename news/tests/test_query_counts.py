"""Every public page costs the same few queries with 5 or 200 articles.

Each test asks once to warm what a running site keeps cached (the ward record, the
content type of articles), then counts the second request of an anonymous visitor.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Article

pytestmark = pytest.mark.django_db

SIZES = [5, 200]


@pytest.fixture(params=SIZES, ids=lambda n: f"{n}-articles")
def articles(request, many_articles):
    articles = many_articles(request.param)
    for article in Article.objects.all()[:50]:
        article.tags.add("Đại đoàn kết", "Vì người nghèo")
    return articles


def count(client, django_assert_num_queries, url, expected):
    assert client.get(url).status_code == 200
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


def test_home_queries(client, django_assert_num_queries, articles):
    # the sections shown, then every article the page shows (featured, latest and each
    # section's newest in one UNION); meetings, upcoming or latest; the newest documents
    # (campaign highlights, and the banners and links staff manage, come from their own
    # caches once warm)
    count(client, django_assert_num_queries, "/", 4)


def test_news_index_queries(client, django_assert_num_queries, articles):
    # count, page of articles with their sections
    count(client, django_assert_num_queries, reverse("news:index"), 2)


def test_news_index_last_page_queries(client, django_assert_num_queries, articles):
    count(client, django_assert_num_queries, reverse("news:index") + "?page=last", 2)


def test_category_page_queries(client, django_assert_num_queries, articles):
    # section, count, page of articles
    url = Article.objects.first().category.get_absolute_url()
    count(client, django_assert_num_queries, url, 3)


def test_article_page_queries(client, django_assert_num_queries, articles):
    # no section with that slug, article + section, its tags, related articles
    url = Article.objects.first().get_absolute_url()
    count(client, django_assert_num_queries, url, 4)


def test_print_page_queries(client, django_assert_num_queries, articles):
    # article + section (no section lookup, no tags on paper)
    url = reverse("news:print", kwargs={"slug": Article.objects.first().slug})
    count(client, django_assert_num_queries, url, 1)


def test_by_date_page_queries(client, django_assert_num_queries, articles):
    # count, page of articles
    day = timezone.localdate(Article.objects.first().published_at)
    count(client, django_assert_num_queries, reverse("news:by_date", kwargs={"day": day}), 2)


def test_tag_page_queries(client, django_assert_num_queries, articles):
    # the tag if a public article carries it (one query with EXISTS), count, page of articles
    url = reverse("news:tag", kwargs={"tag": "dai-doan-ket"})
    count(client, django_assert_num_queries, url, 3)


def test_search_page_queries(client, django_assert_num_queries, articles):
    # a page of ranked articles carrying their count (a window: no COUNT query); the
    # same for meetings and for documents; the static pages' stamp (their text and the
    # campaigns come from the cache)
    count(client, django_assert_num_queries, reverse("search") + "?q=nha+tinh+thuong", 4)


def test_rss_queries(client, django_assert_num_queries, articles):
    # the 30 newest articles with their sections
    count(client, django_assert_num_queries, "/rss/", 1)


def test_sitemap_index_queries(client, django_assert_num_queries, articles):
    # one COUNT per section with pages: articles, sections, meetings, pages, areas, documents
    count(client, django_assert_num_queries, "/sitemap.xml", 6)


@pytest.mark.parametrize("section", ["news", "news-categories"])
def test_sitemap_queries(client, django_assert_num_queries, articles, section):
    # count for its pages, then one page of items
    count(client, django_assert_num_queries, f"/sitemap-{section}.xml", 2)


def test_view_beacon_queries(client, django_assert_num_queries, articles):
    # find the public article, add one to its count
    url = reverse("news:count_view", kwargs={"slug": Article.objects.first().slug})
    with django_assert_num_queries(2):
        assert client.post(url).status_code == 204
