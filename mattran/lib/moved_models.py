"""For migrations that move a model from one app to another on the same table."""

from django.db import migrations


def move_content_type(model, old, new):
    """The content type (and with it the rights, history and admin log that point at it)
    goes with the model from the core app to its own: nothing is lost or made twice.
    django-reversion also writes the model's label into every version it keeps; those are
    rewritten too, or the history and undelete screens could not read them back."""

    def forwards(apps, schema_editor):
        alias = schema_editor.connection.alias
        ContentType = apps.get_model("contenttypes", "ContentType")
        types = ContentType.objects.using(alias)
        moving = types.filter(app_label=old, model=model).first()
        if moving is None:  # a new database: post_migrate makes it under the new app
            return
        types.filter(app_label=new, model=model).delete()
        moving.app_label = new
        moving.save(update_fields=["app_label"])
        Version = apps.get_model("reversion", "Version")
        versions = Version.objects.using(alias).filter(content_type=moving, format="json")
        old_label, new_label = f'"model": "{old}.{model}"', f'"model": "{new}.{model}"'
        changed = []
        for version in versions.only("pk", "serialized_data").iterator():
            version.serialized_data = version.serialized_data.replace(old_label, new_label)
            changed.append(version)
        Version.objects.using(alias).bulk_update(changed, ["serialized_data"], batch_size=500)

    def backwards(apps, schema_editor):
        move_content_type(model, new, old).code(apps, schema_editor)

    return migrations.RunPython(forwards, backwards)
