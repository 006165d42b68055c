from django.db import migrations, models

from news import related


def work_out_other_news(apps, schema_editor):
    content_type = (
        apps.get_model("contenttypes", "ContentType")
        .objects.filter(app_label="news", model="article")
        .first()
    )
    if content_type is None:  # a new database: no article yet
        return
    related.rebuild(
        apps.get_model("news", "Article"), apps.get_model("taggit", "TaggedItem"), content_type.pk
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("news", "0007_article_area"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="related_ids",
            field=models.JSONField(blank=True, default=list, editable=False),
        ),
        migrations.RunPython(work_out_other_news, migrations.RunPython.noop, elidable=True),
    ]
