"""Give the newsroom groups their rights. Permissions are created here because
post_migrate (which normally makes them) has not run yet during migrate."""

from django.db import migrations

MODEL_PERMISSIONS = {
    ("news", "article"): ["add", "change", "delete", "view"],
    ("news", "category"): ["add", "change", "delete", "view"],
    ("taggit", "tag"): ["add", "change", "delete", "view"],
}
CUSTOM = [("news", "article", "publish_article", "Được duyệt và xuất bản bài viết")]
VERBOSE = {"add": "Can add", "change": "Can change", "delete": "Can delete", "view": "Can view"}

GRANTS = {
    # Write and edit drafts, submit them; never publish, never delete.
    "Biên tập viên": [
        "news.add_article",
        "news.change_article",
        "news.view_article",
        "news.view_category",
        "taggit.add_tag",
        "taggit.view_tag",
    ],
    # Review, publish, schedule, unpublish; keep sections and tags tidy.
    "Duyệt tin": [
        "news.add_article",
        "news.change_article",
        "news.delete_article",
        "news.view_article",
        "news.publish_article",
        "news.add_category",
        "news.change_category",
        "news.view_category",
        "taggit.add_tag",
        "taggit.change_tag",
        "taggit.view_tag",
    ],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = {}
    for (app_label, model), actions in MODEL_PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"{VERBOSE[action]} {model}"},
            )
            permissions[f"{app_label}.{action}_{model}"] = permission
    for app_label, model, codename, name in CUSTOM:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        permissions[f"{app_label}.{codename}"] = permission
    for group_name, names in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(*(permissions[name] for name in names))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.clear()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_workflow"),
        ("mattran", "0002_groups"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
