"""Whole-word search: every document's search key rebuilt as "subject | number and kind |
issuer" (mattran.search.text), then a weighted tsvector column generated from it and a GIN
index on it (PostgreSQL; the column is NULL on SQLite)."""

import django.contrib.postgres.search
from django.db import migrations, models

import mattran.search.fulltext
from documents.models import document_search_key
from mattran.search.schema import gin_index, rebuild_keys


def key(document):
    return document_search_key(
        document.summary, document.number, document.get_kind_display(), document.issuer
    )


class Migration(migrations.Migration):
    dependencies = [("mattran", "0007_search_configuration")]

    operations = [
        rebuild_keys("mattran", "Document", key),
        migrations.AddField(
            model_name="document",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=mattran.search.fulltext.SectionsVector(),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        gin_index("mattran_document", "document_search_vector"),
    ]
