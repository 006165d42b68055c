"""Drafts, articles waiting for review and scheduled ones are seen nowhere by residents."""

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

SECRET_WORD = "zzbimat"


def listing_urls(article):
    day = timezone.localdate(article.published_at)
    return [
        "/",
        reverse("news:index"),
        article.category.get_absolute_url(),
        reverse("news:by_date", kwargs={"day": day}),
        reverse("news:tag", kwargs={"tag": article.tags.get().slug}),
        reverse("search") + f"?q={SECRET_WORD}",
        reverse("search") + "?q=bai",
        "/rss/",
        "/sitemap-news.xml",
        "/sitemap.xml",
    ]


@pytest.mark.parametrize("index", range(10))
def test_hidden_articles_are_in_no_list(client, article, hidden_articles, index):
    url = listing_urls(article)[index]
    body = client.get(url).content.decode()
    for hidden in hidden_articles:
        assert hidden.title not in body, url
        assert hidden.slug not in body, url


def test_scheduled_article_is_absent_from_its_own_day(client, hidden_articles):
    scheduled = hidden_articles[2]
    day = timezone.localdate(scheduled.published_at)
    body = client.get(reverse("news:by_date", kwargs={"day": day})).content.decode()
    assert scheduled.title not in body


@pytest.mark.parametrize("index", range(3))
@pytest.mark.parametrize("route", ["news:slug", "news:print"])
def test_hidden_article_pages_are_not_found(client, hidden_articles, index, route):
    slug = hidden_articles[index].slug
    assert client.get(reverse(route, kwargs={"slug": slug})).status_code == 404


def test_public_article_shows_once_the_scheduled_time_has_come(client, hidden_articles):
    scheduled = hidden_articles[2]
    scheduled.published_at = timezone.now()
    scheduled.save()
    assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_a_tag_carried_only_by_hidden_articles_is_not_found(client, hidden_articles):
    # Drafts, an article waiting for review and a scheduled one carry the tag; none is public.
    hidden_articles[0].tags.add("Chuẩn bị Đại hội")  # a name only a draft has used
    for slug in ("dai-doan-ket", "chuan-bi-dai-hoi"):
        response = client.get(reverse("news:tag", kwargs={"tag": slug}))

        assert response.status_code == 404
        assert "Chuẩn bị Đại hội" not in response.content.decode()


def test_a_tag_page_appears_once_its_scheduled_article_is_public(client, hidden_articles):
    scheduled = hidden_articles[2]
    url = reverse("news:tag", kwargs={"tag": scheduled.tags.get().slug})
    assert client.get(url).status_code == 404

    scheduled.published_at = timezone.now()
    scheduled.save()

    assert client.get(url).status_code == 200
