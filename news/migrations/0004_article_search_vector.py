"""Whole-word search: every article's search key rebuilt as "title | sapo | body"
(mattran.search.text), then a weighted tsvector column generated from it and a GIN index
on it (PostgreSQL; the column is NULL on SQLite)."""

import django.contrib.postgres.search
from django.db import migrations, models

import mattran.search.fulltext
from mattran.lib.html import html_to_text
from mattran.search.schema import gin_index, rebuild_keys
from mattran.search.text import search_key


def article_key(article):
    return search_key(article.title, article.sapo, html_to_text(article.body))


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_workflow"),
        ("mattran", "0007_search_configuration"),
    ]

    operations = [
        rebuild_keys("news", "Article", article_key),
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=mattran.search.fulltext.SectionsVector(),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        gin_index("news_article", "article_search_vector"),
    ]
