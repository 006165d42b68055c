"""Sitemaps split into files of `limit` ids, every file listed in /sitemap.xml."""

import re
from xml.etree import ElementTree

import pytest
from django.contrib.sitemaps import views as django_sitemap_views
from django.http import Http404
from django.utils import timezone

from mattran.lib.paginator import SITEMAP_MAX_URLS
from news.models import Article
from news.sitemaps import ArticleSitemap
from portal import sitemap_views as fast_sitemap
from portal.sitemap_index import gather_sitemaps
from portal.urls import SITEMAPS

pytestmark = pytest.mark.django_db

LIMIT = 4
# Files are blocks of LIMIT ids aligned to multiples of LIMIT; the tests' articles start
# a block whatever the database's sequence has reached.
FIRST_ID = 1_000_001


@pytest.fixture
def small_files(monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", LIMIT)


def locations(response):
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def test_a_section_one_over_the_limit_has_two_files_in_the_index(
    client, many_articles, small_files
):
    many_articles(LIMIT + 1, first_pk=FIRST_ID)
    listed = [url for url in locations(client.get("/sitemap.xml")) if "sitemap-news.xml" in url]
    assert listed == [
        "http://testserver/sitemap-news.xml",
        "http://testserver/sitemap-news.xml?p=2",
    ]


def test_the_files_hold_every_public_article_once(client, many_articles, small_files):
    many_articles(LIMIT + 1, first_pk=FIRST_ID)
    first = locations(client.get("/sitemap-news.xml"))
    second = locations(client.get("/sitemap-news.xml?p=2"))
    assert len(first) == LIMIT and len(second) == 1
    expected = [
        f"http://testserver{article.get_absolute_url()}"
        for article in Article.objects.published().order_by("pk")
    ]
    assert first + second == expected


def test_a_new_article_leaves_the_existing_files_as_they_were(client, many_articles, small_files):
    many_articles(LIMIT + 1, first_pk=FIRST_ID)
    before = [locations(client.get(f"/sitemap-news.xml?p={p}")) for p in (1, 2)]
    newest = Article.objects.published().order_by("-published_at").first()
    newest.pk = FIRST_ID + LIMIT + 1  # the id the sequence gives next
    newest.slug = "tin-moi-nhat"
    newest.published_at = timezone.now()
    newest.save()
    after = [locations(client.get(f"/sitemap-news.xml?p={p}")) for p in (1, 2)]
    assert after[0] == before[0]
    assert after[1] == before[1] + [f"http://testserver{newest.get_absolute_url()}"]


def test_unpublished_articles_are_left_out_of_their_file(client, many_articles, small_files):
    many_articles(LIMIT + 1, first_pk=FIRST_ID)
    draft = Article.objects.order_by("pk")[1]
    Article.objects.filter(pk=draft.pk).update(status=Article.Status.DRAFT)
    first = locations(client.get("/sitemap-news.xml"))
    assert len(first) == LIMIT - 1
    assert f"http://testserver{draft.get_absolute_url()}" not in first


def test_a_file_costs_the_same_queries_however_deep(
    client, many_articles, small_files, django_assert_num_queries
):
    many_articles(3 * LIMIT, first_pk=FIRST_ID)
    for page in (1, 3):
        with django_assert_num_queries(2):
            assert len(locations(client.get(f"/sitemap-news.xml?p={page}"))) == LIMIT


def test_a_page_past_the_last_is_not_found(client, many_articles, small_files):
    many_articles(LIMIT + 1, first_pk=FIRST_ID)
    assert client.get("/sitemap-news.xml?p=3").status_code == 404
    assert client.get("/sitemap-news.xml?p=0").status_code == 404
    assert client.get("/sitemap-news.xml?p=abc").status_code == 404


def test_exactly_the_limit_is_one_file(client, many_articles, small_files):
    many_articles(LIMIT, first_pk=FIRST_ID)
    listed = [url for url in locations(client.get("/sitemap.xml")) if "sitemap-news.xml" in url]
    assert listed == ["http://testserver/sitemap-news.xml"]
    assert client.get("/sitemap-news.xml?p=2").status_code == 404


def test_no_sitemap_file_exceeds_the_protocols_fifty_thousand_urls():
    for section, sitemap in gather_sitemaps().items():
        assert sitemap.limit <= SITEMAP_MAX_URLS, section


def canonical(xml):
    return ElementTree.canonicalize(xml_data=xml, strip_text=True)


def test_every_section_reads_as_djangos_own_sitemap_view(rf, many_articles):
    many_articles(LIMIT + 1, first_pk=FIRST_ID)
    for section in SITEMAPS:
        for page in ("1", "2"):
            request = rf.get(f"/sitemap-{section}.xml", {"p": page})
            try:
                theirs = django_sitemap_views.sitemap(request, SITEMAPS, section=section)
            except Http404:
                with pytest.raises(Http404):
                    fast_sitemap.sitemap(request, SITEMAPS, section)
                continue
            ours = fast_sitemap.sitemap(request, SITEMAPS, section)
            theirs.render()
            assert canonical(ours.content.decode()) == canonical(theirs.content.decode())
            assert ours["X-Robots-Tag"] == theirs["X-Robots-Tag"]
            assert ours.get("Last-Modified") == theirs.get("Last-Modified")
