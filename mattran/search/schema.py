"""Migration helpers for search: SQL that runs on PostgreSQL only (SQLite has no tsvector,
GIN or unaccent), and rebuilding stored search keys in batches."""

from django.db import migrations

BATCH = 2000


def postgresql_only(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


def gin_index(table, name):
    """A reversible GIN index on `table.search_vector`, PostgreSQL only."""
    return migrations.RunPython(
        postgresql_only(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_vector)"),
        postgresql_only(f"DROP INDEX IF EXISTS {name}"),
    )


def rebuild_keys(app_label, model_name, key_of, related=()):
    """A RunPython operation giving every row `search_text = key_of(row)`.

    `related` are passed to prefetch_related. Going
    back leaves the new keys: the old substring search still finds them."""

    def run(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        rows = model.objects.order_by("pk")
        if related:
            rows = rows.prefetch_related(*related)
        batch = []
        for row in rows.iterator(chunk_size=BATCH):
            row.search_text = key_of(row)
            batch.append(row)
            if len(batch) == BATCH:
                model.objects.bulk_update(batch, ["search_text"])
                batch = []
        if batch:
            model.objects.bulk_update(batch, ["search_text"])

    return migrations.RunPython(run, migrations.RunPython.noop)
