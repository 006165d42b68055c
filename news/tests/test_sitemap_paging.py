"""Sitemaps split into files of `limit` URLs, every file listed in /sitemap.xml."""

import re
from xml.etree import ElementTree

import pytest
from django.contrib.sitemaps import views as django_sitemap_views
from django.http import Http404

from mattran import sitemap_views as fast_sitemap
from mattran.paginator import SITEMAP_MAX_URLS
from mattran.sitemaps import gather_sitemaps
from mattran.urls import SITEMAPS
from news.models import Article
from news.sitemaps import ArticleSitemap

pytestmark = pytest.mark.django_db

LIMIT = 4


@pytest.fixture
def small_files(monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", LIMIT)


def locations(response):
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def test_a_section_one_over_the_limit_has_two_files_in_the_index(
    client, many_articles, small_files
):
    many_articles(LIMIT + 1)
    listed = [url for url in locations(client.get("/sitemap.xml")) if "sitemap-news.xml" in url]
    assert listed == [
        "http://testserver/sitemap-news.xml",
        "http://testserver/sitemap-news.xml?p=2",
    ]


def test_the_files_hold_every_article_once_newest_first(client, many_articles, small_files):
    many_articles(LIMIT + 1)
    first = locations(client.get("/sitemap-news.xml"))
    second = locations(client.get("/sitemap-news.xml?p=2"))
    assert len(first) == LIMIT and len(second) == 1
    expected = [
        f"http://testserver{article.get_absolute_url()}"
        for article in Article.objects.published().newest_first()
    ]
    assert first + second == expected


def test_a_page_past_the_last_is_not_found(client, many_articles, small_files):
    many_articles(LIMIT + 1)
    assert client.get("/sitemap-news.xml?p=3").status_code == 404
    assert client.get("/sitemap-news.xml?p=0").status_code == 404
    assert client.get("/sitemap-news.xml?p=abc").status_code == 404


def test_exactly_the_limit_is_one_file(client, many_articles, small_files):
    many_articles(LIMIT)
    listed = [url for url in locations(client.get("/sitemap.xml")) if "sitemap-news.xml" in url]
    assert listed == ["http://testserver/sitemap-news.xml"]
    assert client.get("/sitemap-news.xml?p=2").status_code == 404


def test_no_sitemap_file_exceeds_the_protocols_fifty_thousand_urls():
    for section, sitemap in gather_sitemaps().items():
        assert sitemap.limit <= SITEMAP_MAX_URLS, section


def canonical(xml):
    return ElementTree.canonicalize(xml_data=xml, strip_text=True)


def test_every_section_reads_as_djangos_own_sitemap_view(rf, many_articles):
    many_articles(LIMIT + 1)
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
