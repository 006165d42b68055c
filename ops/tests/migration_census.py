"""What a database holds, as one JSON line: run inside `manage.py shell -c` of any tree.

The migration test (test_migrate_from_before_restructure.py) runs this text in the tree
before issue 18's restructure and in today's tree, on the same database, and compares.
It uses only Django's and django-reversion's public names, never the project's modules,
so the same text runs whichever app a model lives in. Output: one line starting with
CENSUS_MARKER (the shell prints its own lines before it).
"""

import json

import reversion
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from reversion.models import Version

CENSUS_MARKER = "MIGRATION-CENSUS:"


def _label(content_type):
    return f"{content_type.app_label}.{content_type.model}"


def _row_counts():
    """Every table in the database, Django's or not, with its number of rows."""
    counts = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT COUNT(*) FROM {quoted}")  # noqa: S608 - names from the database
            counts[table] = cursor.fetchone()[0]
    return counts


def _schema():
    """Each table's columns and named constraints and indexes, to compare a migrated old
    database with one migrated from nothing."""
    schema = {}
    introspection = connection.introspection
    with connection.cursor() as cursor:
        for table in introspection.table_names(cursor):
            columns = introspection.get_table_description(cursor, table)
            schema[table] = {
                "columns": sorted(column.name for column in columns),
                "constraints": sorted(introspection.get_constraints(cursor, table)),
            }
    return schema


def _loaded(version):
    """The model a version deserializes to, as history screens and undelete load it, or
    the error that stops them."""
    try:
        obj = version._object_version.object
        version.field_dict  # noqa: B018 - the revert form reads every registered field
    except Exception as error:  # the error is the finding
        return f"ERROR {type(error).__name__}: {error}"
    if str(obj.pk) != version.object_id:
        return f"ERROR loaded pk {obj.pk}, version of {version.object_id}"
    return obj._meta.label_lower


def _edited(entry):
    try:
        obj = entry.get_edited_object()
    except Exception as error:  # the error is the finding
        return f"ERROR {type(error).__name__}: {error}"
    return obj._meta.label_lower


def census():
    versions = Version.objects.select_related("content_type").order_by("pk")
    entries = LogEntry.objects.select_related("content_type").order_by("pk")
    permissions = Permission.objects.select_related("content_type")
    return {
        "vendor": connection.vendor,
        "tables": _row_counts(),
        "schema": _schema(),
        # Where each model's rows are, so a moved model is found by its kept table.
        "models": {
            model._meta.label_lower: model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
        },
        "content_types": {str(ct.pk): _label(ct) for ct in ContentType.objects.all()},
        "permissions": {str(p.pk): [_label(p.content_type), p.codename] for p in permissions},
        # Rights as "<content type> <codename>", so a moved model's rights map over.
        "groups": {
            group.name: sorted(
                f"{_label(p.content_type)} {p.codename}"
                for p in group.permissions.select_related("content_type")
            )
            for group in Group.objects.all()
        },
        # What each account may do, as has_perm() reads it: its groups' and its own.
        "user_rights": {
            user.get_username(): sorted(user.get_all_permissions())
            for user in get_user_model().objects.order_by("pk")
        },
        "versions": {
            str(v.pk): {
                "content_type": _label(v.content_type),
                "object_id": v.object_id,
                "loads_as": _loaded(v),
            }
            for v in versions
        },
        # What the admin's "recover deleted" list offers, per registered model.
        "deleted": {
            model._meta.label_lower: Version.objects.get_deleted(model).count()
            for model in reversion.get_registered_models()
        },
        "log_entries": {
            str(e.pk): {
                "content_type": _label(e.content_type) if e.content_type else None,
                "object_id": e.object_id,
                "edits": _edited(e) if e.content_type else None,
            }
            for e in entries
        },
    }


print(CENSUS_MARKER + json.dumps(census(), ensure_ascii=False, sort_keys=True))
