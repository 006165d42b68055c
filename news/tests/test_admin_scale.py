"""The article list in the admin stays constant-cost as the archive grows."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news.models import Article, Category

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:news_article_changelist"


def fill(count, start=0):
    categories = [Category.objects.get_or_create(name=f"Chuyên mục {n}")[0] for n in range(3)]
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            title=f"Bài số {n}",
            slug=f"bai-so-{n}",
            category=categories[n % 3],
            status=Article.Status.PUBLISHED if n % 2 else Article.Status.DRAFT,
            published_at=now - timedelta(days=n),
            search_text=f"bai so {n}",
        )
        for n in range(start, start + count)
    )


def changelist_queries(client, user, query=""):
    client.force_login(user)
    url = reverse(CHANGELIST) + query
    client.get(url)  # warm up: content types, permissions caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in captured.captured_queries]


@pytest.mark.parametrize("query", ["", "?status__exact=published", "?q=bai+so+7"])
def test_changelist_query_count_is_the_same_for_10_and_1000_articles(client, reviewer, query):
    fill(10)
    small = changelist_queries(client, reviewer, query)
    fill(990, start=10)
    large = changelist_queries(client, reviewer, query)
    assert len(small) == len(large), "\n".join(large)
    # No query counts the whole table: every COUNT is capped by a LIMIT subquery.
    for sql in large:
        if "COUNT(" in sql.upper():
            assert "LIMIT" in sql.upper(), sql


def test_changelist_pins_its_queries(client, reviewer, django_assert_num_queries):
    fill(1000)
    client.force_login(reviewer)
    client.get(reverse(CHANGELIST))
    # session, user, user's own and group permissions, the account's residential areas
    # (roles.staff_areas), section filter choices, savepoint + capped count + page of
    # articles with their section + release (actions run in a transaction), date
    # hierarchy: min/max dates, distinct years; on PostgreSQL one more: the planner's
    # row estimate read before counting.
    expected = 13 if connection.vendor == "postgresql" else 12
    with django_assert_num_queries(expected):
        client.get(reverse(CHANGELIST))


def test_date_hierarchy_offers_each_year_of_the_archive(client, reviewer, category):
    for year in (2023, 2025):
        Article.objects.create(
            title=f"Tin năm {year}",
            category=category,
            published_at=timezone.make_aware(timezone.datetime(year, 6, 1, 9, 0)),
        )
    client.force_login(reviewer)
    page = client.get(reverse(CHANGELIST)).content.decode()
    for year in (2023, 2024, 2025):
        assert f"published_at__year={year}" in page
    assert "published_at__year=2022" not in page
    assert "published_at__year=2026" not in page


def test_filter_counts_cannot_be_switched_on(client, reviewer, django_assert_num_queries):
    fill(10)
    client.force_login(reviewer)
    client.get(reverse(CHANGELIST))
    expected = 13 if connection.vendor == "postgresql" else 12
    # ?_facets=1 would add a COUNT per filter choice; it is ignored.
    with django_assert_num_queries(expected):
        client.get(reverse(CHANGELIST) + "?_facets=1")
