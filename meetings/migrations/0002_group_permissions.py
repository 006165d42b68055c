"""Ward staff record meetings: editors and reviewers get the meetings models, and may
add people and memberships (the "+" beside a person field needs it)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

STAFF_GROUPS = ["Biên tập viên", "Duyệt tin"]
MEETINGS_MODELS = [
    "meeting",
    "attendance",
    "attendinggroup",
    "attachment",
    "resolution",
    "resolutiontarget",
    "election",
    "electedmember",
]
CORE = {
    "person": ["add", "change", "view"],
    "membership": ["add", "change", "view"],
    "body": ["view"],
    "term": ["view"],
}


def _codenames():
    for model in MEETINGS_MODELS:
        for action in ("add", "change", "delete", "view"):
            yield "meetings", f"{action}_{model}"
    for model, actions in CORE.items():
        for action in actions:
            yield "mattran", f"{action}_{model}"


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now to grant them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in _codenames()
    ]
    for name in STAFF_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name in STAFF_GROUPS:
        group = Group.objects.filter(name=name).first()
        if group:
            for app, codename in _codenames():
                group.permissions.remove(
                    *Permission.objects.filter(content_type__app_label=app, codename=codename)
                )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
        ("mattran", "0002_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
