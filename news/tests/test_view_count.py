"""Views are counted by a POST beacon, so the article page itself stays cacheable."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from news.models import Article


def beacon_url(article):
    return reverse("news:count_view", kwargs={"slug": article.slug})


@pytest.mark.django_db
def test_beacon_adds_one_view_and_answers_no_content(client, article):
    response = client.post(beacon_url(article))
    article.refresh_from_db()
    assert response.status_code == 204
    assert article.view_count == 1
    assert not response.cookies


@pytest.mark.django_db
def test_beacon_needs_no_csrf_cookie(article):
    response = Client(enforce_csrf_checks=True).post(beacon_url(article))
    assert response.status_code == 204


@pytest.mark.django_db
def test_beacon_refuses_get(client, article):
    assert client.get(beacon_url(article)).status_code == 405
    article.refresh_from_db()
    assert article.view_count == 0


@pytest.mark.django_db
def test_beacon_refuses_hidden_articles(client, hidden_articles):
    for hidden in hidden_articles:
        assert client.post(beacon_url(hidden)).status_code == 404
        hidden.refresh_from_db()
        assert hidden.view_count == 0


@pytest.mark.django_db
def test_reading_the_article_page_does_not_count_by_itself(client, article):
    page = client.get(article.get_absolute_url()).content.decode()
    article.refresh_from_db()
    assert article.view_count == 0
    assert f'data-view-beacon="{beacon_url(article)}"' in page


@pytest.mark.django_db(transaction=True)
def test_concurrent_beacons_lose_no_view(article):
    # SQLite allows one writer at a time, so there the readers take turns; PostgreSQL
    # gets eight at once, where a read-modify-write count would lose views.
    readers = 1 if connection.vendor == "sqlite" else 8
    per_reader = 10

    def read():
        reader = Client()
        for _ in range(per_reader):
            assert reader.post(beacon_url(article)).status_code == 204
        connection.close()

    threads = [threading.Thread(target=read) for _ in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Article.objects.get(pk=article.pk).view_count == readers * per_reader
