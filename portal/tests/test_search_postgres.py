"""PostgreSQL's side of the search: the configuration the migrations made and the GIN
indexes that the ORM's own SQL uses. PostgreSQL-only features, so skipped on SQLite."""

import pytest
from django.db import connection

from meetings.models import Meeting
from news.models import Article

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgresql,  # PostgreSQL full-text search
]


def scalar(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def test_the_vietnamese_configuration_unaccents_every_letter():
    vector = scalar("SELECT to_tsvector('mattran_vi', %s)::text", ["Đại ĐOÀN kết, Thuý Ưu ơ"])
    assert vector == "'dai':1 'doan':2 'ket':3 'o':6 'thuy':4 'uu':5"
    assert scalar(
        "SELECT to_tsvector('mattran_vi', 'Nhà tình thương') @@ plainto_tsquery('mattran_vi', %s)",
        ["nha tinh thuong"],
    )


def test_the_vector_is_weighted_by_section(make_article):
    article = make_article("Hội nghị", sapo="Tổng kết", body="<p>Khu phố</p>")
    vector = scalar("SELECT search_vector::text FROM news_article WHERE id = %s", [article.pk])
    assert vector == "'hoi':1A 'ket':4B 'khu':5C 'nghi':2A 'pho':6C 'tong':3B"


def explain(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # A tiny test table is best read whole or along another index; forbid both to
        # see whether the GIN index can serve this very SQL.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_orms_search_sql_uses_the_gin_indexes(make_article):
    make_article("Nhà tình thương")

    assert "article_search_vector" in explain(Article.objects.search("nha tinh thuong"))
    assert "meeting_search_vector" in explain(Meeting.objects.search("hoi nghi"))
