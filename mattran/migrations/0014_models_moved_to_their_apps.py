# Page, Link, Document and VisitDay live in their own apps now (pages, links, documents,
# visitors), on the same tables: the core forgets them in its state only.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("mattran", "0013_content_version"),
        ("pages", "0001_initial"),
        ("links", "0001_initial"),
        ("documents", "0001_initial"),
        ("visitors", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name="Document",
                ),
                migrations.DeleteModel(
                    name="Link",
                ),
                migrations.DeleteModel(
                    name="Page",
                ),
                migrations.DeleteModel(
                    name="VisitDay",
                ),
            ],
        ),
    ]
