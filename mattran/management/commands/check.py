from django.core.management.commands import check
from django.db import DEFAULT_DB_ALIAS


class Command(check.Command):
    """Django's `check`, whose `--deploy` also asks the database, as an operator reads
    it: a production site must not go up while a demo account keeps its public password
    (mattran/checks.py). Django alone asks the database only given `--database`."""

    def handle(self, *app_labels, **options):
        if options["deploy"] and not options["databases"]:
            options["databases"] = [DEFAULT_DB_ALIAS]
        return super().handle(*app_labels, **options)
