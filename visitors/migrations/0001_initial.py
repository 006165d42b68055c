# The model moved from the core app ("mattran") with its table: state only, no SQL.

from django.db import migrations, models

from mattran.lib.moved_models import move_content_type


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("mattran", "0013_content_version"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="VisitDay",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("date", models.DateField(unique=True, verbose_name="ngày")),
                        (
                            "visits",
                            models.PositiveIntegerField(default=0, verbose_name="lượt truy cập"),
                        ),
                        (
                            "unique_visitors",
                            models.PositiveIntegerField(default=0, verbose_name="người truy cập"),
                        ),
                    ],
                    options={
                        "verbose_name": "ngày truy cập",
                        "verbose_name_plural": "thống kê truy cập theo ngày",
                        "db_table": "mattran_visitday",
                        "ordering": ["-date"],
                    },
                ),
            ],
        ),
        move_content_type("visitday", "mattran", "visitors"),
    ]
